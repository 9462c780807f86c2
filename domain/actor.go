package domain

import "github.com/google/uuid"

// Role is what a member or API token may do. Each role includes the rights of the ones below it.
type Role string

const (
	RoleViewer  Role = "viewer"  // reads everything
	RoleSupport Role = "support" // + links requests, conversations, requesters
	RoleEditor  Role = "editor"  // + manages boards, columns and cards
	RoleAdmin   Role = "admin"   // + manages members and tokens
)

var roleRank = map[Role]int{RoleViewer: 1, RoleSupport: 2, RoleEditor: 3, RoleAdmin: 4}

// Valid reports whether r is one of the four roles.
func (r Role) Valid() bool { return roleRank[r] > 0 }

// Includes reports whether r has at least the rights of other.
func (r Role) Includes(other Role) bool { return roleRank[r] >= roleRank[other] && roleRank[other] > 0 }

// Actor is who performs an action: a signed-in member or an API token.
type Actor struct {
	MemberID uuid.UUID // zero for API tokens
	TokenID  uuid.UUID // zero for members
	Name     string
	Role     Role
}

// Label names the actor in activity logs and "linked by" fields.
func (a Actor) Label() string {
	if a.TokenID != uuid.Nil {
		return "token:" + a.Name
	}
	return a.Name
}
