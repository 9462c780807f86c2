package api

import (
	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

// walkMembers is the contract walk's part for issue 13's members: an invitation is
// resent and its link used (the token written as the notifier writes it, since no
// notifier runs here; member_links_test.go reads real emails), a reset is asked for,
// and the new member changes their own name and password.
func walkMembers(w walker) {
	const admin = domain.RoleAdmin
	invited := decode[memberResponse](w.t, w.do(admin, 201, "POST", "/api/v1/members",
		map[string]string{"email": "walk.invite@example.com", "name": "Walk Invite", "role": "viewer"}))
	w.do(admin, 202, "POST", "/api/v1/members/"+invited.ID.String()+"/invite", nil)
	token := mintLinkToken(w.env, invited.ID)
	w.do("", 200, "GET", "/api/v1/session/links/"+token, nil)
	w.do("", 201, "POST", "/api/v1/session/links/"+token, map[string]string{"password": "walking all the way"})
	w.do("", 422, "GET", "/api/v1/session/links/"+token, nil)
	w.do("", 202, "POST", "/api/v1/session/reset", map[string]string{"email": "walk.invite@example.com"})
	cookie, csrf := signIn(w.t, w.env, "walk.invite@example.com", "walking all the way")
	w.cookie(200, "PATCH", "/api/v1/session", `{"name":"Walk I.","current_password":"walking all the way","password":"a newer long password"}`, cookie, csrf)
}

// mintLinkToken does what the notifier does before it emails the member's newest
// link: a fresh token, of which only the hash is stored.
func mintLinkToken(env *testAPI, memberID uuid.UUID) string {
	env.t.Helper()
	token, hash := domain.NewLinkToken()
	err := env.db.Exec(`UPDATE member_links SET token_hash = ? WHERE id = (SELECT id FROM member_links
		WHERE member_id = ? AND used_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1)`, hash, memberID).Error
	if err != nil {
		env.t.Fatal(err)
	}
	return token
}
