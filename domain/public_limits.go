package domain

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
)

// Limits of "I want this too" per hour: each address may be asked for a few times
// (each ask sends it an email), each IP somewhat more (an office shares one).
const (
	WantsPerAddress = 3
	WantsPerIP      = 20
	wantWindow      = time.Hour
)

// takePublicAttempt counts one attempt for key in the current fixed window and
// refuses it past limit. It commits on its own (outside any transaction), so a
// refused or failed request still counts, and every replica sees the same count.
// Keys are hashed: the table holds no address or IP. Windows older than a day go.
func (s *Service) takePublicAttempt(ctx context.Context, kind, value string, limit int, window time.Duration) error {
	sum := sha256.Sum256([]byte(kind + "\x00" + strings.ToLower(value)))
	key := kind + ":" + hex.EncodeToString(sum[:16])
	secs := int64(window / time.Second)
	var count int
	err := s.db.gorm.WithContext(ctx).Raw(`INSERT INTO public_rate_limits AS l (key, window_start, count)
VALUES (?, to_timestamp(floor(extract(epoch FROM now()) / ?) * ?), 1)
ON CONFLICT (key, window_start) DO UPDATE SET count = l.count + 1
RETURNING l.count`, key, secs, secs).Scan(&count).Error
	if err != nil {
		return err
	}
	if err := s.db.gorm.WithContext(ctx).Exec(`DELETE FROM public_rate_limits WHERE window_start < now() - interval '1 day'`).Error; err != nil {
		return err
	}
	if count > limit {
		return RateLimited(fmt.Sprintf("There have been too many requests from %s in the last hour. Please try again in an hour.",
			map[string]string{"want-email": "this email address", "want-ip": "your network",
				"reset-email": "this email address", "reset-ip": "your network", "password-change": "your account"}[kind]))
	}
	return nil
}
