package api

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/closeloop/closeloop/domain"
)

func (e *mailAPI) addMember(t *testing.T, email, password string) domain.Member {
	t.Helper()
	m, err := e.svc.CreateMember(context.Background(), domain.Actor{Name: "test", Role: domain.RoleAdmin},
		domain.MemberInput{Email: email, Name: "Rae Member", Role: domain.RoleSupport, Password: password})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// "Forgot password?" answers the same for a member's address and for any other; only
// the member gets an email, from the team, with a link that works once for an hour.
// Using it sets the new password and ends the member's other sessions.
func TestPasswordResetIsEnumerationSafe(t *testing.T) {
	e := newMailAPI(t)
	e.addMember(t, "rae@example.com", "rae's old password")
	other, _ := signIn(t, e.testAPI, "rae@example.com", "rae's old password")

	status, known := e.call(t, "", "POST", "/api/v1/session/reset", map[string]string{"email": "RAE@example.com"})
	mustStatus(t, status, http.StatusAccepted, known)
	status, unknown := e.call(t, "", "POST", "/api/v1/session/reset", map[string]string{"email": "nobody@example.com"})
	mustStatus(t, status, http.StatusAccepted, unknown)
	if string(known) != string(unknown) {
		t.Errorf("a member's address answers %s, another %s: want the same", known, unknown)
	}
	mail := e.emailTo(t, "rae@example.com", 1)
	mail.speaksAsTeam(t, "") // no sender name set: MAIL_FROM as written
	if mail.subject != "Choose a new password for your team’s boards" {
		t.Errorf("subject %q", mail.subject)
	}
	token := mail.link(t, "Choose a new password", "/reset-password/")
	e.settle(t)
	var jobs, ttl int64
	e.db.Raw(`SELECT count(*) FROM river_job WHERE kind = 'closeloop_member_link'`).Scan(&jobs)
	e.db.Raw(`SELECT extract(epoch FROM expires_at - created_at)::int FROM member_links`).Scan(&ttl)
	if jobs != 1 || e.sink.Total() != 1 || ttl != 3600 {
		t.Errorf("%d jobs, %d emails, link for %d s: want 1, 1 (to the member only), 3600", jobs, e.sink.Total(), ttl)
	}

	status, _, raw := e.linkCall(t, "GET", token, nil)
	mustStatus(t, status, http.StatusOK, raw)
	if got := decode[memberLinkResponse](t, raw); got.Purpose != "reset" {
		t.Errorf("purpose %q, want reset", got.Purpose)
	}
	status, _, raw = e.linkCall(t, "POST", token, map[string]string{"password": "rae's new password"})
	mustStatus(t, status, http.StatusCreated, raw)
	if code := cookieCall(e.testAPI, "GET", "/api/v1/session", "", other, ""); code != http.StatusUnauthorized {
		t.Errorf("the session from before the reset answers %d, want 401 (ended)", code)
	}
	signIn(t, e.testAPI, "rae@example.com", "rae's new password")
	status, raw = e.call(t, "", "POST", "/api/v1/session", map[string]string{"email": "rae@example.com", "password": "rae's old password"})
	mustStatus(t, status, http.StatusUnauthorized, raw)
	if status, eb, raw := e.linkCall(t, "POST", token, map[string]string{"password": "a third password"}); status != 422 || eb.Error.Code != domain.CodeLinkUsed {
		t.Errorf("the reset link again: %d %s, want 422 link_used", status, raw)
	}

	// A disabled member gets nothing, with the same answer.
	off := e.addMember(t, "off@example.com", "a long password")
	yes := true
	if _, err := e.svc.UpdateMember(context.Background(), domain.Actor{Role: domain.RoleAdmin}, off.ID, domain.MemberPatch{Disabled: &yes}); err != nil {
		t.Fatal(err)
	}
	status, raw = e.call(t, "", "POST", "/api/v1/session/reset", map[string]string{"email": "off@example.com"})
	if status != http.StatusAccepted || string(raw) != string(known) {
		t.Errorf("a disabled member's address: %d %s", status, raw)
	}
	time.Sleep(300 * time.Millisecond)
	if n := e.sink.Count("off@example.com"); n != 0 {
		t.Errorf("a disabled member got %d emails", n)
	}
}

// Bad addresses are 422 on email and change nothing; each address may ask 3 times an
// hour and each network 20 times, whether or not the address is a member's.
func TestPasswordResetValidationAndLimits(t *testing.T) {
	e := newMailAPI(t)
	e.addMember(t, "lim@example.com", "a long password")
	before := dbState(t, e.testAPI)
	for _, bad := range []any{map[string]string{"email": ""}, map[string]string{"email": "not an address"},
		map[string]string{"email": "a@example.com\r\nBcc: x@example.com"}, map[string]any{"email": 42}, map[string]string{"mail": "a@example.com"}} {
		status, raw := e.call(t, "", "POST", "/api/v1/session/reset", bad)
		eb := decode[ErrorBody](t, raw)
		if (status != 422 && status != 400) || len(eb.Error.Fields) == 0 {
			t.Errorf("POST %v: %d %s, want 4xx with the field", bad, status, raw)
		}
	}
	if diff := stateDiff(before, dbState(t, e.testAPI)); diff != "" {
		t.Errorf("refused resets changed %s", diff)
	}
	for _, addr := range []string{"lim@example.com", "ghost@example.com"} {
		for i := 1; i <= 4; i++ {
			status, raw := e.call(t, "", "POST", "/api/v1/session/reset", map[string]string{"email": addr})
			want := http.StatusAccepted
			if i == 4 {
				want = http.StatusTooManyRequests
			}
			if status != want {
				t.Errorf("%s, ask %d: %d %s, want %d", addr, i, status, raw, want)
			}
		}
	}
	// 8 asks so far from this network; 12 more pass, the 21st is refused.
	for i := 1; i <= 13; i++ {
		status, raw := e.call(t, "", "POST", "/api/v1/session/reset", map[string]string{"email": fmt.Sprintf("p%d@example.com", i)})
		want := http.StatusAccepted
		if i == 13 {
			want = http.StatusTooManyRequests
		}
		if status != want {
			t.Errorf("network ask %d: %d %s, want %d", 8+i, status, raw, want)
		}
		if want == 429 && !strings.Contains(decode[ErrorBody](t, raw).Error.Message, "your network") {
			t.Errorf("the network's 429 says %s", raw)
		}
	}
	// Quick asks replace each other's links: whatever emails went out, only the last
	// one's link works (an ask the worker had not reached yet sends nothing).
	e.settle(t)
	n := e.sink.Count("lim@example.com")
	if n < 1 || n > 3 {
		t.Fatalf("lim got %d emails, want 1 to 3", n)
	}
	for i := 1; i <= n; i++ {
		token := e.emailTo(t, "lim@example.com", i).link(t, "Choose a new password", "/reset-password/")
		status, eb, raw := e.linkCall(t, "GET", token, nil)
		if i == n && status != http.StatusOK || i < n && eb.Error.Code != domain.CodeLinkUsed {
			t.Errorf("email %d of %d: its link answers %d %s", i, n, status, raw)
		}
	}
}
