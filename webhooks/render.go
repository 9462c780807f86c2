package webhooks

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/closeloop/closeloop/domain"
)

// body is what a delivery of f to a webhook of format sends, byte for byte.
func body(format string, f facts) ([]byte, error) {
	if format == domain.WebhookSlack {
		return json.Marshal(map[string]string{"text": slackText(f)})
	}
	return json.Marshal(standardBody{Type: f.Type, Timestamp: f.At.Format(time.RFC3339Nano), Data: standardData(f)})
}

type standardBody struct {
	Type      string         `json:"type"`
	Timestamp string         `json:"timestamp"`
	Data      map[string]any `json:"data"`
}

// standardData: card events carry card (and actor; from_column_id when it moved);
// request.linked adds requester and quote; reaction.received requester and reaction;
// delivery.failed requester and delivery.
func standardData(f facts) map[string]any {
	d := map[string]any{}
	if f.Type == domain.EventWebhookTest {
		d["webhook_id"] = f.WebhookID
		d["message"] = "A test delivery: this webhook works."
		return d
	}
	if f.Card != nil {
		d["card"] = f.Card
	}
	if f.Actor != "" {
		d["actor"] = f.Actor
	}
	switch f.Type {
	case domain.EventCardShipped:
		d["emailing"] = f.Emailing
	case domain.EventRequestLinked:
		d["requester"], d["quote"] = f.Requester, f.Quote
	case domain.EventReactionReceived:
		d["requester"] = f.Requester
		if f.Reaction != nil {
			d["reaction"] = map[string]string{"answer": f.Reaction.Answer, "comment": f.Reaction.Comment}
		}
	case domain.EventDeliveryFailed:
		d["requester"], d["delivery"] = f.Requester, f.Failure
	}
	return d
}

// slackText names the card (linked), its board, who did it, and for a shipped card
// how many people are being emailed.
func slackText(f facts) string {
	if f.Type == domain.EventWebhookTest {
		return "Test message from Closeloop: this Slack webhook works."
	}
	card, board := "a card", "its board"
	if f.Card != nil {
		title := "“" + f.Card.Title + "”"
		if f.Card.Number != nil {
			title = fmt.Sprintf("#%d %s", *f.Card.Number, title)
		}
		card = "<" + f.Card.URL + "|" + slackEscape(title) + ">"
		board = "*" + slackEscape(f.BoardName) + "*"
	}
	who := slackEscape(orDefault(f.Actor, "Someone"))
	person := "a customer"
	if f.Requester != nil && f.Requester.Email != "" {
		person = slackEscape(orDefault(f.Requester.Name, f.Requester.Email))
	}
	switch f.Type {
	case domain.EventCardCreated:
		return fmt.Sprintf("%s added %s to %s (%s).", who, card, board, slackEscape(f.Column))
	case domain.EventCardMoved:
		return fmt.Sprintf("%s moved %s on %s from %s to %s.", who, card, board, slackEscape(f.From), slackEscape(f.Column))
	case domain.EventCardShipped:
		return fmt.Sprintf("%s shipped %s on %s: %s.", who, card, board, emailing(f.Emailing))
	case domain.EventRequestLinked:
		return fmt.Sprintf("%s linked %s to %s on %s.", who, person, card, board)
	case domain.EventReactionReceived:
		answer := ""
		if f.Reaction != nil {
			answer = f.Reaction.Answer
		}
		return fmt.Sprintf("%s answered “%s” to “Did this solve it?” for %s on %s.", person, slackEscape(answer), card, board)
	case domain.EventDeliveryFailed:
		why := ""
		if f.Failure != nil && f.Failure.LastError != "" {
			why = ": " + slackEscape(f.Failure.LastError)
		}
		return fmt.Sprintf("The email to %s about %s on %s failed%s.", person, card, board, why)
	}
	return slackEscape(f.Type) + " on " + card
}

func emailing(n int) string {
	switch n {
	case 0:
		return "nobody to email"
	case 1:
		return "emailing 1 person"
	}
	return fmt.Sprintf("emailing %d people", n)
}

// slackEscape escapes what Slack's mrkdwn treats as markup (its documented three).
var slackEscape = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
