package domain

import (
	"context"
	"errors"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Limits of "Forgot password?" per hour: each address a few times (each sends an
// email), each client network somewhat more (an office shares one).
const (
	ResetsPerAddress = 3
	ResetsPerIP      = 20
	resetWindow      = time.Hour
)

// RequestPasswordReset emails the member with this address a link to choose a new
// password (ResetTTL). It answers the same whether or not the address is a member's,
// so nobody learns who is on the team; disabled members get nothing. Limited per
// address and per client network, counted whether or not the address exists.
func (s *Service) RequestPasswordReset(ctx context.Context, email, ip string) error {
	p := Problems{}
	email = checkEmail(p, "email", email)
	if err := p.Err(); err != nil {
		return err
	}
	if _, err := s.memberMailer(); err != nil {
		return err
	}
	if err := s.takePublicAttempt(ctx, "reset-ip", addressGroup(ip), ResetsPerIP, resetWindow); err != nil {
		return err
	}
	if err := s.takePublicAttempt(ctx, "reset-email", email, ResetsPerAddress, resetWindow); err != nil {
		return err
	}
	return s.db.WithTx(ctx, func(ctx context.Context) error {
		var m Member
		err := s.db.conn(ctx).Where("lower(email) = ? AND disabled_at IS NULL", strings.ToLower(email)).First(&m).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return nil
		} else if err != nil {
			return err
		}
		return s.newMemberLink(ctx, m.ID, LinkReset, "")
	})
}
