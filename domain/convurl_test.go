package domain

import (
	"slices"
	"strings"
	"testing"
)

func TestParseConversationURL(t *testing.T) {
	tests := []struct {
		url, tool, id string
	}{
		{"https://app.intercom.com/a/inbox/abc123/inbox/shared/all/conversation/215470089327431", ToolIntercom, "215470089327431"},
		{"https://app.intercom.io/a/apps/abc123/conversations/987654?utm=x#part", ToolIntercom, "987654"},
		{"HTTPS://APP.INTERCOM.COM/a/inbox/abc/inbox/conversation/42", ToolIntercom, "42"},
		{"https://app.eu.intercom.com/a/inbox/xyz/inbox/admin/5/conversation/77", ToolIntercom, "77"},
		{"https://app.intercom.com/a/apps/abc123/users/segments/all", ToolIntercom, ""},
		{"https://acme.zendesk.com/agent/tickets/12345", ToolZendesk, "12345"},
		{"https://Support.Acme.ZENDESK.com/tickets/678?x=1", ToolZendesk, "678"},
		{"https://acme.zendesk.com/agent/dashboard", ToolZendesk, ""},
		{"https://acme.freshdesk.com/a/tickets/321", ToolFreshdesk, "321"},
		{"https://acme.freshdesk.com/helpdesk/tickets/55#reply", ToolFreshdesk, "55"},
		{"https://secure.helpscout.net/conversation/1234567890/4321/", ToolHelpScout, "1234567890"},
		{"https://secure.helpscout.net/conversation/99/1?folderId=3", ToolHelpScout, "99"},
		{"https://app.frontapp.com/open/cnv_abc123", ToolFront, "cnv_abc123"},
		{"https://app.frontapp.com/inboxes/teams/folders/1/conversations/cnv_9zz", ToolFront, "cnv_9zz"},
		{"https://app.front.com/open/cnv_777?key=v", ToolFront, "cnv_777"},
		{"mailto:ann@example.com", ToolEmail, "ann@example.com"},
		{"MAILTO:Ann%40Example.com?subject=Dark%20mode", ToolEmail, "Ann@Example.com"},
		{"mailto:a@x.com,b@y.com", ToolEmail, "a@x.com"},
		{"mid:960830.1639@XIson.com", ToolEmail, "mid:960830.1639@XIson.com"},
		{"https://example.com/tickets/5", ToolOther, ""},
		{"http://help.example.org/conversation/1", ToolOther, ""},
		{"https://notintercom.com/conversations/1", ToolOther, ""},
		{"  https://acme.zendesk.com/agent/tickets/9  ", ToolZendesk, "9"},
	}
	for _, tt := range tests {
		tool, id, err := ParseConversationURL(tt.url)
		if err != nil {
			t.Errorf("ParseConversationURL(%q): %v", tt.url, err)
			continue
		}
		if tool != tt.tool || id != tt.id {
			t.Errorf("ParseConversationURL(%q) = %q, %q; want %q, %q", tt.url, tool, id, tt.tool, tt.id)
		}
	}
}

func TestParseConversationURLRejects(t *testing.T) {
	tests := []struct{ url, msg string }{
		{"", "is required"},
		{"   ", "is required"},
		{"javascript:alert(1)", "must be a link starting with https://, http:// or mailto:"},
		{"JavaScript://app.intercom.com/%0aalert(1)", "must be a link starting with https://, http:// or mailto:"},
		{"data:text/html;base64,PHNjcmlwdD4=", "must be a link starting with https://, http:// or mailto:"},
		{"ftp://files.example.com/x", "must be a link starting with https://, http:// or mailto:"},
		{"app.intercom.com/conversation/1", "must be a link starting with https://, http:// or mailto:"},
		{"/conversation/1", "must be a link starting with https://, http:// or mailto:"},
		{"not a url", "must not contain spaces or control characters"},
		{"https://acme.zendesk.com/agent/tickets/1\r\nX: y", "must not contain spaces or control characters"},
		{"https:///path-only", "must be a full link with a host, like https://example.com/…"},
		{"https:opaque", "must be a full link with a host, like https://example.com/…"},
		{"https://user:pw@acme.zendesk.com/tickets/1", "must not contain a user name or password"},
		{"mailto:", "must be a mailto: link with one valid address"},
		{"mailto:Ann%20%3Cann@x.com%3E", "must be a mailto: link with one valid address"},
		{"mailto:not-an-address", "must be a mailto: link with one valid address"},
		{"mid://host/x", "must be a valid mid: link"},
		{"https://x.com/" + strings.Repeat("a", 2000), "is too long (at most 2,000 characters)"},
		{"https://x.com/\xff", "must not contain spaces or control characters"},
	}
	for _, tt := range tests {
		tool, id, err := ParseConversationURL(tt.url)
		if err == nil {
			t.Errorf("ParseConversationURL(%q) = %q, %q; want error %q", tt.url, tool, id, tt.msg)
			continue
		}
		if err.Error() != tt.msg {
			t.Errorf("ParseConversationURL(%q) error %q; want %q", tt.url, err, tt.msg)
		}
	}
}

// FuzzParseConversationURL: never panics; an accepted link always names a known tool,
// only http(s) links are "other", and "other" never carries an id.
func FuzzParseConversationURL(f *testing.F) {
	for _, s := range []string{
		"https://app.intercom.com/a/inbox/abc123/inbox/shared/all/conversation/215470089327431",
		"https://acme.zendesk.com/agent/tickets/1", "https://secure.helpscout.net/conversation/1/2/",
		"https://app.frontapp.com/open/cnv_1", "mailto:a@b.com", "mid:x@y", "javascript:alert(1)",
		"https://x/%zz", "http://[::1]:80/conversation/1", "https://a.freshdesk.com/a/tickets/",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		tool, id, err := ParseConversationURL(raw)
		if err != nil {
			if tool != "" || id != "" {
				t.Fatalf("error %v with tool %q id %q", err, tool, id)
			}
			return
		}
		if !slices.Contains(ConversationTools, tool) {
			t.Fatalf("ParseConversationURL(%q): unknown tool %q", raw, tool)
		}
		lower := strings.ToLower(strings.TrimSpace(raw))
		if tool == ToolOther && (id != "" || (!strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://"))) {
			t.Fatalf("ParseConversationURL(%q) = other with id %q", raw, id)
		}
	})
}
