package email

import (
	"fmt"
	"strconv"
	"strings"
)

// ShippedItem is one card of a coalesced email (coalesce_seconds): the card, the
// requester's own words about it, and its delivery's "Did this solve it?" link
// (ReactionURL), one per card because an answer is per delivery.
type ShippedItem struct {
	Card     Card
	Quote    string
	Reaction string
}

// coalescedSet is the email listing several shipped cards, inside the shared layout.
var coalescedSet = templateSet{
	html: mustHTML("coalesced"),
	text: mustText("coalesced"),
}

// coalescedData is what templates/coalesced.*.tmpl see: the layout's fields, then the list.
type coalescedData struct {
	emailData
	Greeting string
	Intro    string
	Cards    []coalescedCard
	Thanks   string
}

type coalescedCard struct {
	Number      int
	Title       string
	URL         string
	NoteLines   []string // the release note, one clean line each
	Quote       string   // the request's words on one line, or ""
	ReactionURL string   // without ?answer=
}

// RenderCoalesced renders the one email that tells to about every card of items (two
// or more, shipped for them within the window), in the workspace's voice: greeted by
// name, each card with its release note, their words, its link and its own reaction
// links, then the team's thanks and signature. The board templates shape single-card
// emails; a list spans boards, so its words are the team's own.
func (r *Renderer) RenderCoalesced(items []ShippedItem, to Recipient, unsubscribeURL string) (Rendered, error) {
	if len(items) == 0 {
		return Rendered{}, fmt.Errorf("email: a coalesced email needs at least one card")
	}
	titles := make([]string, len(items))
	cards := make([]coalescedCard, len(items))
	for i, it := range items {
		titles[i] = cleanHeader(it.Card.Title)
		var quote string
		if q := cleanLines(it.Quote); q != "" {
			quote = quotedValue(strings.ReplaceAll(q, "\n", " ")) // both parts set it in quotation marks
		}
		cards[i] = coalescedCard{Number: i + 1, Title: titles[i], URL: r.baseURL + "/c/" + it.Card.ID.String(),
			NoteLines: signatureLines(it.Card.ReleaseNote), Quote: quote, ReactionURL: it.Reaction}
	}
	d := coalescedData{
		emailData: emailData{
			Subject: coalescedSubject(titles), Accent: r.accent, Team: r.sender.Team, Signature: r.sender.Signature,
			SignatureLines: signatureLines(r.sender.Signature), UnsubscribeURL: unsubscribeURL, Several: true,
		},
		Greeting: "Hi " + greetingOf(to) + ",",
		Intro:    coalescedIntro(r.sender.Team, len(items)),
		Cards:    cards,
		Thanks:   "Thank you for taking the time to tell us what you needed. Requests like yours decide what we build next.",
	}
	return coalescedSet.executeData(d.Subject, d)
}

// coalescedSubject names the cards: "Shipped: A and B", "Shipped: A, B and C",
// "Shipped: A, B and 3 more".
func coalescedSubject(titles []string) string {
	switch len(titles) {
	case 1:
		return "Shipped: " + titles[0]
	case 2:
		return "Shipped: " + titles[0] + " and " + titles[1]
	case 3:
		return "Shipped: " + titles[0] + ", " + titles[1] + " and " + titles[2]
	default:
		return "Shipped: " + titles[0] + ", " + titles[1] + " and " + strconv.Itoa(len(titles)-2) + " more"
	}
}

var numberWords = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}

func coalescedIntro(team string, n int) string {
	count, all := strconv.Itoa(n), "all "+strconv.Itoa(n)
	if n < len(numberWords) {
		count, all = numberWords[n], "all "+numberWords[n]
	}
	if n == 2 {
		all = "both"
	}
	return "You asked " + team + " for " + count + " things, and " + all + " have shipped:"
}
