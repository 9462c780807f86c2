package domain

import (
	"errors"
	"net/url"
	"strings"
	"unicode"
)

// Tools a conversation link can come from.
const (
	ToolIntercom  = "intercom"
	ToolZendesk   = "zendesk"
	ToolFreshdesk = "freshdesk"
	ToolHelpScout = "helpscout"
	ToolFront     = "front"
	ToolEmail     = "email"
	ToolOther     = "other"
)

// ConversationTools lists every tool ParseConversationURL can answer.
var ConversationTools = []string{ToolIntercom, ToolZendesk, ToolFreshdesk, ToolHelpScout, ToolFront, ToolEmail, ToolOther}

const maxConversationURL = 2000

// ParseConversationURL recognises which support tool a conversation link points to and
// the conversation's id in that tool. A link to a known tool whose path carries no
// conversation id still names the tool (with an empty id); any other http(s) link is
// "other". Only http, https, mailto and mid (RFC 2392 message-id) links are accepted:
// these links are shown to staff as clickable, so javascript:, data: and friends never are.
// The error text is a field message ("must be …").
func ParseConversationURL(raw string) (tool, externalID string, err error) {
	s := strings.TrimSpace(raw)
	switch {
	case s == "":
		return "", "", errors.New("is required")
	case len(s) > maxConversationURL:
		return "", "", errors.New("is too long (at most 2,000 characters)")
	}
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == unicode.ReplacementChar {
			return "", "", errors.New("must not contain spaces or control characters")
		}
	}
	u, perr := url.Parse(s)
	if perr != nil || u.Scheme == "" {
		return "", "", errors.New("must be a link starting with https://, http:// or mailto:") //nolint:staticcheck // a field message for people; "mailto:" is the scheme
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return parseWebConversation(u)
	case "mailto":
		return parseMailto(u)
	case "mid":
		return parseMessageID(u)
	}
	return "", "", errors.New("must be a link starting with https://, http:// or mailto:") //nolint:staticcheck // as above
}

func parseWebConversation(u *url.URL) (string, string, error) {
	if u.Opaque != "" || u.Host == "" {
		return "", "", errors.New("must be a full link with a host, like https://example.com/…")
	}
	if u.User != nil {
		return "", "", errors.New("must not contain a user name or password")
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if host == "" {
		return "", "", errors.New("must be a full link with a host, like https://example.com/…")
	}
	segs := pathSegments(u.Path)
	switch {
	case hostWithin(host, "intercom.com"), hostWithin(host, "intercom.io"):
		return ToolIntercom, segmentAfter(segs, "conversations", "conversation"), nil
	case hostWithin(host, "zendesk.com"):
		return ToolZendesk, segmentAfter(segs, "tickets"), nil
	case hostWithin(host, "freshdesk.com"):
		return ToolFreshdesk, segmentAfter(segs, "tickets"), nil
	case hostWithin(host, "helpscout.net"):
		// secure.helpscout.net/conversation/{id}/{number}/: the id is global, the number per mailbox.
		return ToolHelpScout, segmentAfter(segs, "conversation", "conversations"), nil
	case hostWithin(host, "frontapp.com"), hostWithin(host, "front.com"):
		return ToolFront, segmentAfter(segs, "open", "conversations", "conversation"), nil
	}
	return ToolOther, "", nil
}

// parseMailto takes the first address of a mailto: link as the id.
func parseMailto(u *url.URL) (string, string, error) {
	to := u.Opaque
	if to == "" {
		to = u.Path
	}
	to, err := url.PathUnescape(to)
	if err != nil {
		return "", "", errors.New("must be a valid mailto: link")
	}
	first, _, _ := strings.Cut(to, ",")
	if !plainAddress(first) {
		return "", "", errors.New("must be a mailto: link with one valid address")
	}
	return ToolEmail, first, nil
}

// parseMessageID keeps a mid: link (a reference to one email message) whole as the id.
func parseMessageID(u *url.URL) (string, string, error) {
	id := u.Opaque
	if id == "" || u.Host != "" {
		return "", "", errors.New("must be a valid mid: link")
	}
	return ToolEmail, "mid:" + id, nil
}

// hostWithin reports whether host is domain or one of its subdomains.
func hostWithin(host, domain string) bool {
	return host == domain || strings.HasSuffix(host, "."+domain)
}

func pathSegments(p string) []string {
	var segs []string
	for _, s := range strings.Split(p, "/") {
		if s != "" {
			segs = append(segs, s)
		}
	}
	return segs
}

// segmentAfter returns the path segment that follows the last segment named one of
// names (case-insensitively), or "" when there is none.
func segmentAfter(segs []string, names ...string) string {
	for i := len(segs) - 2; i >= 0; i-- {
		for _, n := range names {
			if strings.EqualFold(segs[i], n) {
				return segs[i+1]
			}
		}
	}
	return ""
}
