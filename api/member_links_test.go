package api

import (
	"crypto/sha256"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/closeloop/closeloop/domain"
)

// linkCall uses a link's page API: GET (whom it is for) or POST with a password.
func (e *mailAPI) linkCall(t *testing.T, method, token string, body any) (int, ErrorBody, []byte) {
	t.Helper()
	status, raw := e.call(t, "", method, "/api/v1/session/links/"+token, body)
	var eb ErrorBody
	if status >= 400 {
		eb = decode[ErrorBody](t, raw)
	}
	return status, eb, raw
}

func (e *mailAPI) memberRow(t *testing.T, email string) (hash string, invited bool) {
	t.Helper()
	var row struct {
		PasswordHash string
		Invited      bool
	}
	if err := e.db.Raw(`SELECT password_hash, invited_at IS NOT NULL AS invited FROM members WHERE lower(email) = lower(?)`, email).Scan(&row).Error; err != nil {
		t.Fatal(err)
	}
	return row.PasswordHash, row.Invited
}

// An admin invites a teammate without a password: the email, from the team as the
// workspace names it, carries a single-use link (7 days) stored only as a hash; the
// link's page says whom it is for; a short password is refused and leaves the link
// usable; a good one signs the member in, and the link never works again.
func TestInviteLinkSetsPasswordAndSignsIn(t *testing.T) {
	e := newMailAPI(t)
	status, raw := e.call(t, domain.RoleAdmin, "PATCH", "/api/v1/settings", map[string]string{"product_name": "Acme", "sender_name": "Acme Support"})
	mustStatus(t, status, http.StatusOK, raw)

	status, raw = e.call(t, domain.RoleAdmin, "POST", "/api/v1/members", map[string]string{"email": "Nia@Example.com", "name": "Nia Okafor", "role": "editor"})
	mustStatus(t, status, http.StatusCreated, raw)
	m := decode[memberResponse](t, raw)
	if m.InvitedAt == nil || m.InviteExpiresAt == nil || m.InviteExpiresAt.Sub(*m.InvitedAt) != 7*24*time.Hour {
		t.Fatalf("invited_at %v, invite_expires_at %v: want both, 7 days apart", m.InvitedAt, m.InviteExpiresAt)
	}
	status, raw = e.call(t, "", "POST", "/api/v1/session", map[string]string{"email": "nia@example.com", "password": "anything at all"})
	mustStatus(t, status, http.StatusUnauthorized, raw) // no password yet

	mail := e.emailTo(t, "Nia@Example.com", 1)
	mail.speaksAsTeam(t, "Acme Support")
	if want := "You are invited to join the Acme team"; mail.subject != want {
		t.Errorf("subject %q, want %q", mail.subject, want)
	}
	for _, want := range []string{"Hi Nia Okafor,", "You will sign in with Nia@Example.com.", "The link works once, for 7 days"} {
		if !strings.Contains(mail.text, want) {
			t.Errorf("the text lacks %q:\n%s", want, mail.text)
		}
	}
	token := mail.link(t, "Set your password", "/invite/")

	// Stored hashed only: the token is in no row of any table (the River job included).
	sum := sha256.Sum256([]byte(token))
	var hashed, plain int64
	e.db.Raw(`SELECT count(*) FROM member_links WHERE token_hash = ?`, sum[:]).Scan(&hashed)
	e.db.Raw(`SELECT count(*) FROM member_links l, river_job j WHERE j.args::text LIKE '%' || ? || '%' OR l.id::text = ?`, token, token).Scan(&plain)
	if hashed != 1 || plain != 0 {
		t.Errorf("rows with the token's hash %d (want 1), with the token itself %d (want 0)", hashed, plain)
	}

	status, _, raw = e.linkCall(t, "GET", token, nil)
	mustStatus(t, status, http.StatusOK, raw)
	if got := decode[memberLinkResponse](t, raw); got.Purpose != "invite" || got.Email != "Nia@Example.com" || got.Name != "Nia Okafor" {
		t.Errorf("link = %+v", got)
	}

	for _, bad := range []map[string]any{{"password": "short"}, {"password": ""}, {}} {
		status, eb, raw := e.linkCall(t, "POST", token, bad)
		if status != http.StatusUnprocessableEntity || eb.Error.Fields["password"] == "" {
			t.Errorf("POST %v: %d %s, want 422 on password", bad, status, raw)
		}
	}
	status, _, raw = e.linkCall(t, "POST", token, map[string]any{"password": "long enough", "role": "admin"})
	if status != http.StatusBadRequest {
		t.Errorf("an unknown field: %d %s, want 400", status, raw)
	}
	if hash, invited := e.memberRow(t, "nia@example.com"); hash != "" || !invited {
		t.Fatalf("refused passwords changed the member: hash %q, invited %v", hash, invited)
	}

	req := httptest.NewRequest("POST", "/api/v1/session/links/"+token, strings.NewReader(`{"password":"nia's own passphrase"}`))
	req.Header.Set("Content-Type", "application/json")
	rec := e.serve(t, req)
	mustStatus(t, rec.Code, http.StatusCreated, rec.Body.Bytes())
	signed := decode[sessionResponse](t, rec.Body.Bytes())
	if signed.Member.Email != "Nia@Example.com" || signed.Member.InvitedAt != nil || signed.CSRFToken == "" {
		t.Errorf("signed in as %+v", signed)
	}
	var cookie *http.Cookie
	for _, c := range rec.Result().Cookies() {
		if c.Name == sessionCookie && c.HttpOnly {
			cookie = c
		}
	}
	if cookie == nil {
		t.Fatal("no session cookie set")
	}
	w := walker{t, e.testAPI}
	me := decode[sessionResponse](t, w.cookie(200, "GET", "/api/v1/session", "", cookie, ""))
	if me.Member.ID != m.ID || me.Member.Role != "editor" {
		t.Errorf("the cookie is %+v, want Nia the editor", me.Member)
	}

	for _, method := range []string{"GET", "POST"} {
		status, eb, raw := e.linkCall(t, method, token, map[string]string{"password": "someone else's pw"})
		if method == "GET" {
			status, eb, raw = e.linkCall(t, method, token, nil)
		}
		if status != http.StatusUnprocessableEntity || eb.Error.Code != domain.CodeLinkUsed || eb.Error.Fields["token"] == "" {
			t.Errorf("%s a used link: %d %s, want 422 link_used on token", method, status, raw)
		}
	}
	signIn(t, e.testAPI, "nia@example.com", "nia's own passphrase")
	status, raw = e.call(t, "", "POST", "/api/v1/session", map[string]string{"email": "nia@example.com", "password": "someone else's pw"})
	mustStatus(t, status, http.StatusUnauthorized, raw)
}

// Sending an invitation again makes the earlier link stop working; only invited
// members can be invited again.
func TestResendInviteReplacesTheLink(t *testing.T) {
	e := newMailAPI(t)
	status, raw := e.call(t, domain.RoleAdmin, "POST", "/api/v1/members", map[string]string{"email": "omar@example.com", "name": "Omar", "role": "support"})
	mustStatus(t, status, http.StatusCreated, raw)
	m := decode[memberResponse](t, raw)
	first := e.emailTo(t, "omar@example.com", 1).link(t, "Set your password", "/invite/")

	status, raw = e.call(t, domain.RoleAdmin, "POST", "/api/v1/members/"+m.ID.String()+"/invite", nil)
	mustStatus(t, status, http.StatusAccepted, raw)
	if again := decode[memberResponse](t, raw); again.InvitedAt == nil || !again.InvitedAt.After(*m.InvitedAt) {
		t.Errorf("invited_at %v after resending, want later than %v", again.InvitedAt, m.InvitedAt)
	}
	second := e.emailTo(t, "omar@example.com", 2).link(t, "Set your password", "/invite/")
	if status, eb, raw := e.linkCall(t, "GET", first, nil); status != 422 || eb.Error.Code != domain.CodeLinkUsed {
		t.Errorf("the first link after resending: %d %s, want 422 link_used", status, raw)
	}
	status, _, raw = e.linkCall(t, "POST", second, map[string]string{"password": "omar's passphrase"})
	mustStatus(t, status, http.StatusCreated, raw)

	e.settle(t)
	// Omar has a password now; an unknown member is 404; an editor may not invite.
	for _, c := range []struct {
		role domain.Role
		id   string
		want int
	}{{domain.RoleAdmin, m.ID.String(), 409}, {domain.RoleAdmin, "0190a8f2-0000-7000-8000-000000000000", 404}, {domain.RoleEditor, m.ID.String(), 403}, {domain.RoleAdmin, "nope", 400}} {
		before := dbState(t, e.testAPI)
		status, raw := e.call(t, c.role, "POST", "/api/v1/members/"+c.id+"/invite", nil)
		if status != c.want {
			t.Errorf("resend %s as %s: %d %s, want %d", c.id, c.role, status, raw, c.want)
		}
		if diff := stateDiff(before, dbState(t, e.testAPI)); diff != "" {
			t.Errorf("a refused resend changed %s", diff)
		}
	}
	if n := e.sink.Count("omar@example.com"); n != 2 {
		t.Errorf("omar got %d emails, want the 2 invitations", n)
	}
}

// An expired link says so and sets nothing.
func TestExpiredInviteLinkSetsNothing(t *testing.T) {
	e := newMailAPI(t)
	status, raw := e.call(t, domain.RoleAdmin, "POST", "/api/v1/members", map[string]string{"email": "late@example.com", "name": "Late", "role": "viewer"})
	mustStatus(t, status, http.StatusCreated, raw)
	token := e.emailTo(t, "late@example.com", 1).link(t, "Set your password", "/invite/")
	if err := e.db.Exec(`UPDATE member_links SET expires_at = now() - interval '1 second'`).Error; err != nil {
		t.Fatal(err)
	}
	e.settle(t)
	before := dbState(t, e.testAPI)
	for _, method := range []string{"GET", "POST"} {
		var body any
		if method == "POST" {
			body = map[string]string{"password": "too late for this"}
		}
		status, eb, raw := e.linkCall(t, method, token, body)
		if status != 422 || eb.Error.Code != domain.CodeLinkExpired || !strings.Contains(eb.Error.Fields["token"], "expired") {
			t.Errorf("%s an expired link: %d %s, want 422 link_expired", method, status, raw)
		}
	}
	status, eb, raw := e.linkCall(t, "GET", "not-a-real-token", nil)
	if status != 422 || eb.Error.Code != domain.CodeLinkInvalid {
		t.Errorf("a forged link: %d %s, want 422 link_invalid", status, raw)
	}
	if diff := stateDiff(before, dbState(t, e.testAPI)); diff != "" {
		t.Errorf("refused links changed %s", diff)
	}
}
