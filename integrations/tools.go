// Package integrations reads what support tools post to Closeloop: each tool's
// signature scheme and payload shape (Intercom, Zendesk, Freshdesk, Help Scout, Front,
// and a generic Standard Webhooks sender). It implements domain.InboundTools; the
// domain links what the events name.
package integrations

import (
	"github.com/closeloop/closeloop/domain"
)

// Tools is every tool Closeloop takes inbound events from.
type Tools struct{}

var tools = map[string]domain.InboundTool{
	"intercom":  intercom{},
	"zendesk":   zendesk{},
	"freshdesk": freshdesk{},
	"helpscout": helpscout{},
	"front":     front{},
	"generic":   generic{},
}

// Tool answers the tool of an integration kind.
func (Tools) Tool(kind string) (domain.InboundTool, bool) {
	t, ok := tools[kind]
	return t, ok
}
