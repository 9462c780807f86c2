package api

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// patchSession sends PATCH /session with a member's cookie and returns status and body.
func patchSession(t *testing.T, env *testAPI, cookie *http.Cookie, csrf string, body string) (int, ErrorBody) {
	t.Helper()
	req := httptest.NewRequest("PATCH", "/api/v1/session", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.AddCookie(cookie)
	if csrf != "" {
		req.Header.Set(csrfHeader, csrf)
	}
	rec := env.serve(t, req)
	var eb ErrorBody
	if rec.Code >= 400 {
		eb = decode[ErrorBody](t, rec.Body.Bytes())
	}
	return rec.Code, eb
}

// A member changes their own name without their password, and their password only
// with the current one; bad input is 4xx on the field and changes nothing. A new
// password keeps this session and ends the member's others.
func TestChangeOwnPassword(t *testing.T) {
	e := newMailAPI(t)
	e.addMember(t, "sam@example.com", "sam's first password")
	here, csrf := signIn(t, e.testAPI, "sam@example.com", "sam's first password")
	elsewhere, _ := signIn(t, e.testAPI, "sam@example.com", "sam's first password")

	before := dbState(t, e.testAPI)
	for _, c := range []struct {
		body, field string
		status      int
	}{
		{`{"current_password":"wrong password!","password":"sam's second password"}`, "current_password", 422},
		{`{"password":"sam's second password"}`, "current_password", 422},
		{`{"current_password":"sam's first password","password":"short"}`, "password", 422},
		{`{"name":"  "}`, "name", 422},
		{`{"name":"Sam","role":"admin"}`, "role", 400},
		{`{"password":42}`, "password", 400},
	} {
		status, eb := patchSession(t, e.testAPI, here, csrf, c.body)
		if status != c.status || eb.Error.Fields[c.field] == "" {
			t.Errorf("PATCH %s: %d %+v, want %d on %s", c.body, status, eb.Error, c.status, c.field)
		}
	}
	if status, eb := patchSession(t, e.testAPI, here, "", `{"name":"No CSRF"}`); status != 403 || eb.Error.Code != "csrf_failed" {
		t.Errorf("without the CSRF header: %d %+v", status, eb.Error)
	}
	// The one wrong guess counts towards the limit; nothing else changed.
	after := dbState(t, e.testAPI)
	delete(before, "public_rate_limits")
	delete(after, "public_rate_limits")
	if diff := stateDiff(before, after); diff != "" {
		t.Errorf("refused changes changed %s", diff)
	}

	if status, eb := patchSession(t, e.testAPI, here, csrf, `{"name":"Sam Okoro"}`); status != 200 {
		t.Fatalf("renaming: %d %+v", status, eb.Error)
	}
	if code := cookieCall(e.testAPI, "GET", "/api/v1/session", "", elsewhere, ""); code != 200 {
		t.Errorf("a new name ended the other session: %d", code)
	}
	if status, eb := patchSession(t, e.testAPI, here, csrf, `{"current_password":"sam's first password","password":"sam's second password"}`); status != 200 {
		t.Fatalf("changing the password: %d %+v", status, eb.Error)
	}
	w := walker{t, e.testAPI}
	var me sessionResponse
	if err := json.Unmarshal(w.cookie(200, "GET", "/api/v1/session", "", here, ""), &me); err != nil || me.Member.Name != "Sam Okoro" {
		t.Errorf("this session after the change: %+v %v", me.Member, err)
	}
	if code := cookieCall(e.testAPI, "GET", "/api/v1/session", "", elsewhere, ""); code != http.StatusUnauthorized {
		t.Errorf("the other session after a new password: %d, want 401 (ended)", code)
	}
	signIn(t, e.testAPI, "sam@example.com", "sam's second password")
	if status, raw := e.call(t, "", "POST", "/api/v1/session", map[string]string{"email": "sam@example.com", "password": "sam's first password"}); status != 401 {
		t.Errorf("the old password: %d %s, want 401", status, raw)
	}
}

// Guessing one's current password is limited: 10 tries an hour, then 429.
func TestChangeOwnPasswordIsLimited(t *testing.T) {
	e := newMailAPI(t)
	e.addMember(t, "guess@example.com", "the real password")
	cookie, csrf := signIn(t, e.testAPI, "guess@example.com", "the real password")
	for i := 1; i <= 11; i++ {
		want := 422
		if i == 11 {
			want = 429
		}
		if status, eb := patchSession(t, e.testAPI, cookie, csrf, `{"current_password":"guess number x","password":"a new long password"}`); status != want {
			t.Errorf("guess %d: %d %+v, want %d", i, status, eb.Error, want)
		}
	}
	if status, _ := patchSession(t, e.testAPI, cookie, csrf, `{"current_password":"the real password","password":"a new long password"}`); status != 429 {
		t.Errorf("the right password after 10 wrong ones: %d, want 429 until the hour is over", status)
	}
}
