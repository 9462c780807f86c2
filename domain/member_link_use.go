package domain

import (
	"context"
	"time"

	"github.com/google/uuid"
)

// Codes of a link that cannot be used (the field is "token"): the page says which.
const (
	CodeLinkInvalid = "link_invalid"
	CodeLinkUsed    = "link_used"
	CodeLinkExpired = "link_expired"
)

// LinkTarget is what the page of an emailed link shows before a password is chosen.
type LinkTarget struct {
	Purpose   LinkPurpose
	Email     string
	Name      string
	ExpiresAt time.Time
}

type memberLinkRow struct {
	ID        uuid.UUID
	MemberID  uuid.UUID
	Purpose   LinkPurpose
	ExpiresAt time.Time
	UsedAt    *time.Time
	Disabled  bool
	Member    Member `gorm:"-"`
}

func linkError(code, msg string) error {
	return &Error{Kind: KindInvalid, Code: code, Message: msg, Fields: map[string]string{"token": msg}}
}

// findLink returns the usable link with this token, locked for update when lock.
func (s *Service) findLink(ctx context.Context, token string, lock bool) (memberLinkRow, error) {
	var rows []memberLinkRow
	if token != "" && len(token) <= 100 {
		q := `SELECT l.id, l.member_id, l.purpose, l.expires_at, l.used_at, m.disabled_at IS NOT NULL AS disabled
FROM member_links l JOIN members m ON m.id = l.member_id WHERE l.token_hash = ?`
		if lock {
			q += ` FOR UPDATE OF l, m`
		}
		if err := s.db.conn(ctx).Raw(q, hashSecret(token)).Scan(&rows).Error; err != nil {
			return memberLinkRow{}, err
		}
	}
	if len(rows) == 0 {
		return memberLinkRow{}, linkError(CodeLinkInvalid, "This link does not work: it may be cut short, or a newer email replaced it. Ask for a new one.")
	}
	l := rows[0]
	again := "Use “Forgot password?” on the sign-in page for a new link."
	if l.Purpose == LinkInvite {
		again = "Ask an admin of your team to send the invitation again."
	}
	switch {
	case l.Disabled:
		return memberLinkRow{}, linkError(CodeLinkInvalid, "This account is disabled. Ask an admin of your team.")
	case l.UsedAt != nil:
		return memberLinkRow{}, linkError(CodeLinkUsed, "This link was already used, or a newer one replaced it. If you set your password, sign in. "+again)
	case !l.ExpiresAt.After(s.now()):
		return memberLinkRow{}, linkError(CodeLinkExpired, "This link has expired. "+again)
	}
	if err := s.db.conn(ctx).First(&l.Member, "id = ?", l.MemberID).Error; err != nil {
		return memberLinkRow{}, err
	}
	return l, nil
}

// MemberLink tells the page of an emailed link whom it is for; nothing changes.
func (s *Service) MemberLink(ctx context.Context, token string) (LinkTarget, error) {
	l, err := s.findLink(ctx, token, false)
	if err != nil {
		return LinkTarget{}, err
	}
	return LinkTarget{Purpose: l.Purpose, Email: l.Member.Email, Name: l.Member.Name, ExpiresAt: l.ExpiresAt}, nil
}

// UseMemberLink sets the member's password through an emailed link, once, and signs
// them in. Every other link and session of the member ends: whoever had them no
// longer gets in. A password that breaks the rules leaves the link usable.
func (s *Service) UseMemberLink(ctx context.Context, token, password string) (Session, error) {
	var sess Session
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		l, err := s.findLink(ctx, token, true)
		if err != nil {
			return err
		}
		p := Problems{}
		checkMemberFields(p, nil, nil, nil, &password)
		if err := p.Err(); err != nil {
			return err
		}
		hash, err := hashPassword(password)
		if err != nil {
			return err
		}
		db, now := s.db.conn(ctx), s.now()
		if err := db.Exec(`UPDATE members SET password_hash = ?, invited_at = NULL, updated_at = ? WHERE id = ?`, hash, now, l.MemberID).Error; err != nil {
			return err
		}
		if err := s.endMemberLinks(ctx, l.MemberID); err != nil {
			return err
		}
		if err := db.Exec(`DELETE FROM sessions WHERE member_id = ?`, l.MemberID).Error; err != nil {
			return err
		}
		m := l.Member
		m.InvitedAt, m.UpdatedAt = nil, now
		sess, err = s.openSession(ctx, m)
		return err
	})
	return sess, err
}
