package domain

import (
	"context"
	"regexp"
	"strings"
	"time"
)

// Settings are the workspace's: who every email to a requester speaks as and how the
// public pages look. An empty text means "not set" (emails then say "us" and "the
// team", and are From MAIL_FROM as the operator wrote it). There is one row, read
// from the database on every use, so every replica agrees at once.
type Settings struct {
	ProductName     string    `gorm:"column:product_name"`
	SenderName      string    `gorm:"column:sender_name"`
	ReplyTo         string    `gorm:"column:reply_to"`
	Signature       string    `gorm:"column:signature"`
	AccentColor     string    `gorm:"column:accent_color"`
	CoalesceSeconds int       `gorm:"column:coalesce_seconds"`
	UpdatedAt       time.Time `gorm:"column:updated_at"`
}

func (Settings) TableName() string { return "workspace_settings" }

// SettingsPatch changes the fields that are not nil.
type SettingsPatch struct {
	ProductName     *string
	SenderName      *string
	ReplyTo         *string
	Signature       *string
	AccentColor     *string
	CoalesceSeconds *int
}

const (
	maxProductName     = 80
	maxSenderName      = 80
	maxSignature       = 500
	MaxCoalesceSeconds = 86400
)

var accentColor = regexp.MustCompile(`^#[0-9a-f]{6}$`)

// Settings returns the workspace's settings.
func (s *Service) Settings(ctx context.Context) (Settings, error) {
	var st Settings
	err := s.db.conn(ctx).Take(&st).Error
	return st, err
}

// UpdateSettings checks every field of the patch and changes nothing unless all are
// valid (a 422 names each bad field).
func (s *Service) UpdateSettings(ctx context.Context, actor Actor, patch SettingsPatch) (Settings, error) {
	p := Problems{}
	changes := map[string]any{}
	if patch.ProductName != nil {
		changes["product_name"] = checkLine(p, "product_name", *patch.ProductName, 0, maxProductName)
	}
	if patch.SenderName != nil {
		// The From header's display name: one line (checkLine refuses CR and LF).
		changes["sender_name"] = checkLine(p, "sender_name", *patch.SenderName, 0, maxSenderName)
	}
	if patch.ReplyTo != nil {
		v := strings.TrimSpace(*patch.ReplyTo)
		if v != "" {
			v = checkEmail(p, "reply_to", v)
		}
		changes["reply_to"] = v
	}
	if patch.Signature != nil {
		changes["signature"] = strings.TrimSpace(checkText(p, "signature", *patch.Signature, maxSignature))
	}
	if patch.AccentColor != nil {
		v := strings.ToLower(strings.TrimSpace(*patch.AccentColor))
		if v != "" && !accentColor.MatchString(v) {
			p.Add("accent_color", "must be a colour written #rrggbb, for instance #2563eb")
		}
		changes["accent_color"] = v
	}
	if patch.CoalesceSeconds != nil {
		if n := *patch.CoalesceSeconds; n < 0 || n > MaxCoalesceSeconds {
			p.Add("coalesce_seconds", "must be between 0 (off) and 86400 seconds (one day)")
		}
		changes["coalesce_seconds"] = *patch.CoalesceSeconds
	}
	if err := p.Err(); err != nil {
		return Settings{}, err
	}
	if len(changes) > 0 {
		changes["updated_at"] = s.now()
		if err := s.db.conn(ctx).Model(&Settings{}).Where("id").Updates(changes).Error; err != nil {
			return Settings{}, err
		}
	}
	return s.Settings(ctx)
}
