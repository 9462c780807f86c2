package domain

import (
	"context"

	"github.com/google/uuid"
)

// ResendInvite emails an invited member a new invitation (admins only); the links of
// earlier invitations stop working and the week starts again. A member who already
// set a password is a conflict: they use "Forgot password?" instead.
func (s *Service) ResendInvite(ctx context.Context, actor Actor, id uuid.UUID) (Member, error) {
	if !actor.Role.Includes(RoleAdmin) {
		return Member{}, Forbidden("only admins can invite members")
	}
	var m Member
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		if err := s.lockMember(ctx, id, &m); err != nil {
			return err
		}
		switch {
		case m.DisabledAt != nil:
			return Conflict("%s is disabled; enable them before inviting them again", m.Name)
		case m.InvitedAt == nil:
			return Conflict("%s has already set a password; they can use \"Forgot password?\" on the sign-in page", m.Name)
		}
		now := s.now()
		if err := s.db.conn(ctx).Exec(`UPDATE members SET invited_at = ?, updated_at = ? WHERE id = ?`, now, now, id).Error; err != nil {
			return err
		}
		m.InvitedAt, m.UpdatedAt = &now, now
		return s.newMemberLink(ctx, id, LinkInvite, inviterName(actor))
	})
	return m, err
}

// inviterName is who the invitation says invited the person: a member by name; an API
// token's name means nothing to them, so then the team invites.
func inviterName(a Actor) string {
	if a.MemberID == uuid.Nil {
		return ""
	}
	return a.Name
}

// endMemberLinks makes every unused link of the member stop working: a password was
// set, by them or by an admin, so no emailed link may set another.
func (s *Service) endMemberLinks(ctx context.Context, memberID uuid.UUID) error {
	return s.db.conn(ctx).Exec(`UPDATE member_links SET used_at = ? WHERE member_id = ? AND used_at IS NULL`, s.now(), memberID).Error
}
