package domain

import (
	"context"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Guesses at one's own current password (someone at an unlocked browser): a few per
// hour per member, counted whether or not they are right.
const (
	passwordChangesPerMember = 10
	passwordChangeWindow     = time.Hour
)

// OwnAccountPatch is what a member changes about themselves; nil fields stay as they
// are. Changing the password needs the current one.
type OwnAccountPatch struct {
	Name            *string
	CurrentPassword string
	Password        *string
}

// UpdateOwnAccount changes the signed-in member's name or password. A new password
// ends every other session of theirs (the one with keepToken stays) and every emailed
// link. API tokens have neither a name of their own nor a password.
func (s *Service) UpdateOwnAccount(ctx context.Context, actor Actor, keepToken string, patch OwnAccountPatch) (Member, error) {
	if actor.MemberID == uuid.Nil {
		return Member{}, Forbidden("an API token has no profile or password; sign in as a member to change yours")
	}
	p := Problems{}
	checkMemberFields(p, nil, patch.Name, nil, patch.Password)
	if patch.Password != nil && patch.CurrentPassword == "" {
		p.Add("current_password", "is required to change your password")
	}
	if len(patch.CurrentPassword) > maxSignInPasswordBytes {
		p.Add("current_password", "is too long (at most 1,024 bytes)")
	}
	if err := p.Err(); err != nil {
		return Member{}, err
	}
	var m Member
	if err := storeErr(s.db.conn(ctx).First(&m, "id = ?", actor.MemberID).Error, "member"); err != nil {
		return Member{}, err
	}
	if patch.Password != nil {
		if err := s.takePublicAttempt(ctx, "password-change", actor.MemberID.String(), passwordChangesPerMember, passwordChangeWindow); err != nil {
			return Member{}, err
		}
		if !checkPassword(m.PasswordHash, patch.CurrentPassword) {
			return Member{}, Invalid("current_password", "is not your current password")
		}
	}
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		db, now := s.db.conn(ctx), s.now()
		changes := map[string]any{"updated_at": now}
		if patch.Name != nil {
			changes["name"] = strings.TrimSpace(*patch.Name)
		}
		if patch.Password != nil {
			hash, err := hashPassword(*patch.Password)
			if err != nil {
				return err
			}
			changes["password_hash"] = hash
			if err := s.endMemberLinks(ctx, m.ID); err != nil {
				return err
			}
			if err := db.Exec(`DELETE FROM sessions WHERE member_id = ? AND token_hash <> ?`, m.ID, hashSecret(keepToken)).Error; err != nil {
				return err
			}
		}
		if err := db.Model(&Member{}).Where("id = ?", m.ID).Updates(changes).Error; err != nil {
			return err
		}
		return db.First(&m, "id = ?", m.ID).Error
	})
	return m, err
}
