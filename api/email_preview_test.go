package api

import (
	"context"
	"net/http"
	"net/mail"
	"regexp"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
	"github.com/closeloop/closeloop/notify/email"
)

var unsubscribeLink = regexp.MustCompile(`http://closeloop\.test/u/[^\s"<>]*`)

// TestEmailPreviewCarriesNoRealUnsubscribeLink: a preview shows where the unsubscribe
// link goes, but its link is an unusable one, which explains itself and unsubscribes
// nobody; previews are an editor's (a viewer could otherwise unsubscribe anyone by
// previewing their email and following its link).
func TestEmailPreviewCarriesNoRealUnsubscribeLink(t *testing.T) {
	env := newTestAPI(t)
	f := newFixtures(t, env)
	path := "/api/v1/cards/" + f.card.ID.String() + "/email-preview?requester_id=" + f.requester.String()
	status, body := env.call(t, domain.RoleViewer, "GET", path, nil)
	mustStatus(t, status, http.StatusForbidden, body)

	status, body = env.call(t, domain.RoleEditor, "GET", path, nil)
	mustStatus(t, status, http.StatusOK, body)
	preview := decode[domain.EmailPreview](t, body)
	links := unsubscribeLink.FindAllString(preview.Text+preview.HTML, -1)
	if len(links) == 0 {
		t.Fatalf("the preview shows no unsubscribe link:\n%s", preview.Text)
	}
	for _, l := range links {
		if l != "http://closeloop.test/u/preview" {
			t.Errorf("the preview carries the unsubscribe link %s, want http://closeloop.test/u/preview", l)
		}
	}
	for _, method := range []string{"GET", "POST"} {
		before := dbState(t, env)
		var form any
		var headers []string
		if method == "POST" {
			form, headers = "List-Unsubscribe=One-Click", []string{"Content-Type", "application/x-www-form-urlencoded"}
		}
		status, page := env.call(t, "", method, "/u/preview", form, headers...)
		if status != http.StatusNotFound || !strings.Contains(string(page), "preview") || !strings.Contains(string(page), "Nobody was unsubscribed") {
			t.Errorf("%s /u/preview: %d, want 404 with a page saying it is a preview's link: %s", method, status, page)
		}
		if diff := stateDiff(before, dbState(t, env)); diff != "" {
			t.Errorf("%s /u/preview changed %s", method, diff)
		}
	}
	// The link that is sent is still the requester's own, and works.
	link := realUnsubscribeLink(t, env, f.requester)
	status, page := env.call(t, "", "POST", link, "List-Unsubscribe=One-Click", "Content-Type", "application/x-www-form-urlencoded")
	mustStatus(t, status, http.StatusOK, page)
	r, err := env.svc.GetRequester(context.Background(), f.requester)
	if err != nil || r.UnsubscribedAt == nil {
		t.Errorf("the real link did not unsubscribe: %+v %v", r, err)
	}
}

// realUnsubscribeLink is the path of the requester's link as a sent email carries it,
// signed with the installation's secret.
func realUnsubscribeLink(t testing.TB, env *testAPI, requesterID uuid.UUID) string {
	t.Helper()
	var inst struct {
		ID     string
		Secret []byte
	}
	if err := env.db.Raw(`SELECT id, secret FROM installation`).Scan(&inst).Error; err != nil {
		t.Fatal(err)
	}
	r, err := email.NewRenderer(email.Settings{BaseURL: "http://closeloop.test", Secret: inst.Secret, InstallationID: inst.ID,
		Sender: email.Sender{From: &mail.Address{Address: "team@example.com"}}})
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimPrefix(r.UnsubscribeURL(requesterID), "http://closeloop.test")
}
