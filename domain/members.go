package domain

import (
	"context"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Member is a person on the product team who signs in to Closeloop.
type Member struct {
	ID           uuid.UUID `gorm:"primaryKey"`
	Email        string
	Name         string
	Role         Role
	PasswordHash string `json:"-"`
	CreatedAt    time.Time
	UpdatedAt    time.Time
	DisabledAt   *time.Time
	// InvitedAt is when the latest invitation was made, while the member has not set a
	// password yet (member_invites.go).
	InvitedAt *time.Time
}

// MemberInput creates a member; without a password they are invited by email instead
// and set their own.
type MemberInput struct {
	Email, Name, Password string
	Role                  Role
}

// MemberPatch changes a member; nil fields stay as they are.
type MemberPatch struct {
	Name     *string
	Role     *Role
	Password *string
	Disabled *bool
}

const minPasswordLen = 10

func checkMemberFields(p Problems, email, name *string, role *Role, password *string) {
	if email != nil {
		if a, err := mail.ParseAddress(*email); err != nil || a.Address != strings.TrimSpace(*email) || a.Name != "" {
			p.Add("email", "is not a valid address (use the plain form name@example.com)")
		}
	}
	if name != nil {
		if n := utf8.RuneCountInString(strings.TrimSpace(*name)); n == 0 || n > 100 || hasControl(*name) {
			p.Add("name", "must be 1–100 characters without control characters")
		}
	}
	if role != nil && !role.Valid() {
		p.Add("role", "must be one of admin, editor, support, viewer")
	}
	if password != nil && utf8.RuneCountInString(*password) < minPasswordLen {
		p.Add("password", "must be at least 10 characters")
	}
}

// CreateMember adds a member (admins only; the CLI acts as an admin). Without a
// password the member is invited: they get an email with a link (InviteTTL) where they
// set one, and cannot sign in until then.
func (s *Service) CreateMember(ctx context.Context, actor Actor, in MemberInput) (Member, error) {
	if !actor.Role.Includes(RoleAdmin) {
		return Member{}, Forbidden("only admins can add members")
	}
	in.Email, in.Name = strings.TrimSpace(in.Email), strings.TrimSpace(in.Name)
	invite := in.Password == ""
	p := Problems{}
	password := &in.Password
	if invite {
		password = nil
	}
	checkMemberFields(p, &in.Email, &in.Name, &in.Role, password)
	if err := p.Err(); err != nil {
		return Member{}, err
	}
	now := s.now()
	m := Member{ID: newID(), Email: in.Email, Name: in.Name, Role: in.Role, CreatedAt: now, UpdatedAt: now}
	if invite {
		m.InvitedAt = &now
	} else {
		hash, err := hashPassword(in.Password)
		if err != nil {
			return Member{}, err
		}
		m.PasswordHash = hash
	}
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		if err := s.db.conn(ctx).Create(&m).Error; err != nil {
			if KindOf(storeErr(err, "")) == KindConflict {
				return Conflict("a member with the email %s already exists", in.Email)
			}
			return err
		}
		if invite {
			return s.newMemberLink(ctx, m.ID, LinkInvite, inviterName(actor))
		}
		return nil
	})
	if err != nil {
		return Member{}, err
	}
	return m, nil
}

// ListMembers returns a page of members, by name (case-insensitive), then id.
func (s *Service) ListMembers(ctx context.Context, page Page) (List[Member], error) {
	ks, err := checkPage[nameKey](page)
	if err != nil {
		return List[Member]{}, err
	}
	return byName(s.db.conn(ctx).Model(&Member{}), ks, func(r memberRow) nameKey { return nameKey{Name: r.SortName, ID: r.ID} },
		func(r memberRow) Member { return r.Member })
}

type memberRow struct {
	Member   `gorm:"embedded"`
	SortName string
}

// UpdateMember changes a member's name, role, password or disabled state. The last
// active admin can neither be demoted nor disabled, so nobody is locked out.
func (s *Service) UpdateMember(ctx context.Context, actor Actor, id uuid.UUID, patch MemberPatch) (Member, error) {
	p := Problems{}
	checkMemberFields(p, nil, patch.Name, patch.Role, patch.Password)
	if err := p.Err(); err != nil {
		return Member{}, err
	}
	var m Member
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		if err := s.lockMember(ctx, id, &m); err != nil {
			return err
		}
		losesAdmin := m.Role == RoleAdmin && m.DisabledAt == nil &&
			((patch.Role != nil && *patch.Role != RoleAdmin) || (patch.Disabled != nil && *patch.Disabled))
		if losesAdmin {
			if err := s.keepOneAdmin(ctx, id); err != nil {
				return err
			}
		}
		changes := map[string]any{"updated_at": s.now()}
		if patch.Name != nil {
			changes["name"] = strings.TrimSpace(*patch.Name)
		}
		if patch.Role != nil {
			changes["role"] = *patch.Role
		}
		if patch.Password != nil {
			hash, err := hashPassword(*patch.Password)
			if err != nil {
				return err
			}
			changes["password_hash"] = hash
			changes["invited_at"] = nil // a password set by an admin ends a pending invitation
			if err := s.endMemberLinks(ctx, id); err != nil {
				return err
			}
		}
		if patch.Disabled != nil {
			if *patch.Disabled {
				changes["disabled_at"] = s.now()
			} else {
				changes["disabled_at"] = nil
			}
			if err := s.suspendTokensOf(ctx, id, *patch.Disabled); err != nil {
				return err
			}
		}
		if err := s.db.conn(ctx).Model(&Member{}).Where("id = ?", id).Updates(changes).Error; err != nil {
			return err
		}
		if patch.Password != nil || (patch.Disabled != nil && *patch.Disabled) || patch.Role != nil {
			// Changed credentials or rights end the member's sessions.
			if err := s.db.conn(ctx).Exec("DELETE FROM sessions WHERE member_id = ?", id).Error; err != nil {
				return err
			}
		}
		return s.db.conn(ctx).First(&m, "id = ?", id).Error
	})
	return m, err
}

// DeleteMember removes a member (their sessions go with them); never the last admin.
func (s *Service) DeleteMember(ctx context.Context, actor Actor, id uuid.UUID) error {
	return s.db.WithTx(ctx, func(ctx context.Context) error {
		var m Member
		if err := s.lockMember(ctx, id, &m); err != nil {
			return err
		}
		if m.Role == RoleAdmin && m.DisabledAt == nil {
			if err := s.keepOneAdmin(ctx, id); err != nil {
				return err
			}
		}
		// Their tokens are revoked first: the foreign key then forgets who made them.
		err := s.db.conn(ctx).Exec("UPDATE api_tokens SET revoked_at = ?, revoked_reason = ? WHERE created_by = ? AND revoked_at IS NULL",
			s.now(), revokedWithCreator, id).Error
		if err != nil {
			return err
		}
		return s.db.conn(ctx).Exec("DELETE FROM members WHERE id = ?", id).Error
	})
}

// suspendTokensOf stops (or starts again) the API tokens a member made, as they are
// disabled (or enabled): a token never does more than its maker may.
func (s *Service) suspendTokensOf(ctx context.Context, memberID uuid.UUID, suspend bool) error {
	if suspend {
		return s.db.conn(ctx).Exec("UPDATE api_tokens SET suspended_at = ? WHERE created_by = ? AND suspended_at IS NULL", s.now(), memberID).Error
	}
	return s.db.conn(ctx).Exec("UPDATE api_tokens SET suspended_at = NULL WHERE created_by = ?", memberID).Error
}

func (s *Service) lockMember(ctx context.Context, id uuid.UUID, m *Member) error {
	// Admin changes are rare: serialise them on one lock so two concurrent demotions
	// cannot both see "another admin remains".
	if err := s.db.conn(ctx).Exec("SELECT pg_advisory_xact_lock(7001)").Error; err != nil {
		return err
	}
	return storeErr(s.db.conn(ctx).First(m, "id = ?", id).Error, "member")
}

func (s *Service) keepOneAdmin(ctx context.Context, leaving uuid.UUID) error {
	var others int64
	err := s.db.conn(ctx).Model(&Member{}).
		Where("role = 'admin' AND disabled_at IS NULL AND id <> ?", leaving).Count(&others).Error
	if err != nil {
		return err
	}
	if others == 0 {
		return Conflict("this is the last active admin; make another member admin first")
	}
	return nil
}
