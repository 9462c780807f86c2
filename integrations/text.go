package integrations

import (
	"encoding/json"
	"fmt"
	"html"
	"regexp"
	"strings"

	"github.com/closeloop/closeloop/domain"
)

var (
	tagRE   = regexp.MustCompile(`(?s)<[^>]*>`)
	blockRE = regexp.MustCompile(`(?i)<\s*(br|/p|/div|/li|/h[1-6])\b[^>]*>`)
	spaceRE = regexp.MustCompile(`[ \t\f\v]+`)
	linesRE = regexp.MustCompile(`\s*\n\s*`)
)

// plain turns a tool's HTML message body into text: tags removed, entities decoded,
// white space collapsed (line breaks kept as one).
func plain(s string) string {
	s = blockRE.ReplaceAllString(s, "\n")
	s = html.UnescapeString(tagRE.ReplaceAllString(s, ""))
	s = strings.ReplaceAll(s, "\u00a0", " ")
	s = spaceRE.ReplaceAllString(s, " ")
	return strings.TrimSpace(linesRE.ReplaceAllString(s, "\n"))
}

var refRE = regexp.MustCompile(`(?i)closeloop-[0-9]+`)

// beside is a note's own text beside its references ("" when the note is only that).
func beside(note string) string {
	rest := refRE.ReplaceAllString(plain(note), "")
	rest = strings.TrimSpace(rest)
	if strings.Trim(rest, " \n\t.,;:!?-–—#()[]") == "" {
		return ""
	}
	return rest
}

// found collects references from sources in order: the first source with any
// reference gives the event its card, and the quote when that source is a note.
type found struct {
	refs     []int64
	fromNote string // the note the first reference came from ("" if a tag)
}

func (f *found) tags(names ...string) {
	for _, n := range names {
		f.add(domain.FindCardReferences(n), "")
	}
}

func (f *found) note(text string) {
	f.add(domain.FindCardReferences(plain(text)), text)
}

func (f *found) add(refs []int64, note string) {
	if len(refs) == 0 {
		return
	}
	if len(f.refs) == 0 {
		f.fromNote = note
	}
	for _, r := range refs {
		if !containsRef(f.refs, r) {
			f.refs = append(f.refs, r)
		}
	}
}

func containsRef(list []int64, r int64) bool {
	for _, x := range list {
		if x == r {
			return true
		}
	}
	return false
}

// quote is the note's text beside the reference, else the customer's first message.
func (f *found) quote(firstMessage string) string {
	if q := beside(f.fromNote); q != "" {
		return q
	}
	return plain(firstMessage)
}

// decode reads a JSON body into v; anything else is domain.ErrMalformed.
func decode(body []byte, v any) error {
	if err := json.Unmarshal(body, v); err != nil {
		return fmt.Errorf("%w: %v", domain.ErrMalformed, err)
	}
	return nil
}

// flexID reads an id a tool sends as a string or a number.
type flexID string

func (f *flexID) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*f = flexID(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		if string(b) == "null" {
			return nil
		}
		return err
	}
	*f = flexID(n.String())
	return nil
}

func decodeValue(b []byte, v any) error { return json.Unmarshal(b, v) }
