package email

import (
	"strings"
	"unicode"

	"github.com/closeloop/closeloop/domain"
)

// A board's template (domain.EmailTemplate) is plain text with {{placeholders}}:
// paragraphs are separated by blank lines, and a paragraph with {{quote}}, {{note}}
// or {{release_note}} is left out when that value is empty. The text part is the
// template filled in; the HTML part is each paragraph a row of the layout's content
// table (spaced with padding: mail clients agree on a cell's padding far more than on
// a <p>'s margin), every value and every literal escaped, line breaks as <br>,
// {{card_url}} a link. A placeholder between quotation marks is filled as a quotation
// (quoted.go). There is no template language to get wrong, and nothing a template or
// a value holds can add markup.

// paragraphStart and paragraphEnd wrap each paragraph of the HTML part.
const (
	paragraphStart = `<tr><td style="padding:0 0 16px;">`
	paragraphEnd   = "</td></tr>\n"
)

// values are what fills the placeholders of one email. The per-recipient ones
// (FirstName, Name, Quote) are marks in a skeleton.
type values struct {
	FirstName, Name, CardTitle, ReleaseNote, Note, Quote, CardURL, ProductName string
	Accent                                                                     string
}

// optional placeholders leave their paragraph out when empty.
func (v values) empty(word string) bool {
	switch word {
	case "quote":
		return v.Quote == ""
	case "note":
		return v.Note == ""
	case "release_note":
		return v.ReleaseNote == ""
	}
	return false
}

func (v values) of(word string) string {
	switch word {
	case "first_name":
		return v.FirstName
	case "name":
		return v.Name
	case "card_title":
		return v.CardTitle
	case "release_note":
		return v.ReleaseNote
	case "note":
		return v.Note
	case "quote":
		return v.Quote
	case "card_url":
		return v.CardURL
	case "product_name":
		return v.ProductName
	}
	return ""
}

// segment is literal text or a placeholder of a template line.
type segment struct {
	text string
	word string // "" for literal text
}

// segments splits s at its {{placeholders}}; anything not a known placeholder stays
// literal (the domain refuses such templates on save).
func segments(s string) []segment {
	var out []segment
	for {
		i := strings.Index(s, "{{")
		if i < 0 {
			break
		}
		j := strings.Index(s[i:], "}}")
		if j < 0 {
			break
		}
		word := strings.TrimSpace(s[i+2 : i+j])
		if !known(word) {
			out = append(out, segment{text: s[:i+j+2]})
			s = s[i+j+2:]
			continue
		}
		if i > 0 {
			out = append(out, segment{text: s[:i]})
		}
		out = append(out, segment{word: word})
		s = s[i+j+2:]
	}
	if s != "" {
		out = append(out, segment{text: s})
	}
	return out
}

func known(word string) bool {
	for _, w := range domain.TemplatePlaceholders {
		if w == word {
			return true
		}
	}
	return false
}

// templateParagraphs splits a body at blank lines into paragraphs of clean lines.
func templateParagraphs(body string) [][]string {
	var out [][]string
	var para []string
	for _, line := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n") {
		line = strings.TrimRight(strings.Map(func(r rune) rune {
			if r == '\t' {
				return ' '
			}
			return r
		}, line), " ")
		if strings.TrimSpace(line) == "" {
			if para != nil {
				out, para = append(out, para), nil
			}
			continue
		}
		para = append(para, line)
	}
	if para != nil {
		out = append(out, para)
	}
	return out
}

// subjectOf fills a subject template: one clean line.
func subjectOf(tmpl string, v values) string {
	var b strings.Builder
	segs := segments(tmpl)
	for i, s := range segs {
		switch {
		case s.word == "":
			b.WriteString(s.text)
		case inQuotes(segs, i):
			b.WriteString(quotedValue(v.of(s.word)))
		default:
			b.WriteString(v.of(s.word))
		}
	}
	// cleanHeader, but keeping a skeleton's marks (\x1f; a template or value never has one).
	return strings.Join(strings.FieldsFunc(b.String(), func(r rune) bool {
		return unicode.IsSpace(r) || (unicode.IsControl(r) && r != '\x1f')
	}), " ")
}

// bodyOf fills a body template into its text and HTML parts. optional(word) says
// whether a paragraph with that word is kept, with start/end marks around it when
// sections is true (the skeleton decides per recipient).
func bodyOf(tmpl string, v values, sections bool) (text, html string) {
	var t, h strings.Builder
	for _, para := range templateParagraphs(tmpl) {
		drop, perRecipient := false, false
		for _, line := range para {
			for _, s := range segments(line) {
				if s.word == "" {
					continue
				}
				if s.word == "quote" && sections {
					perRecipient = true
				} else if v.empty(s.word) {
					drop = true
				}
			}
		}
		if drop {
			continue
		}
		if perRecipient {
			t.WriteString(sectionStart)
			h.WriteString(sectionStart)
		}
		h.WriteString(paragraphStart)
		for i, line := range para {
			if i > 0 {
				t.WriteByte('\n')
				h.WriteString("<br>")
			}
			segs := segments(line)
			for j, s := range segs {
				switch s.word {
				case "":
					t.WriteString(s.text)
					h.WriteString(htmlText(s.text))
				case "card_url":
					t.WriteString(v.CardURL)
					h.WriteString(`<a href="` + htmlText(v.CardURL) + `" style="color:` + v.Accent + `;">` + htmlText(v.CardURL) + `</a>`)
				default:
					val := v.of(s.word)
					if inQuotes(segs, j) {
						val = quotedValue(val)
					}
					t.WriteString(val)
					h.WriteString(linesHTML(val))
				}
			}
		}
		h.WriteString(paragraphEnd)
		t.WriteString("\n\n")
		if perRecipient {
			t.WriteString(sectionEnd)
			h.WriteString(sectionEnd)
		}
	}
	return t.String(), h.String()
}

// linesHTML escapes a value and writes its line breaks as <br>.
func linesHTML(v string) string {
	if !strings.Contains(v, "\n") {
		return htmlText(v)
	}
	lines := strings.Split(v, "\n")
	for i, l := range lines {
		lines[i] = htmlText(l)
	}
	return strings.Join(lines, "<br>")
}

// cleanLines makes multi-line text (a release note, a quote, a note) clean lines
// without blank ones, so it stays inside its paragraph.
func cleanLines(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = cleanHeader(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// firstName is the greeting's first word ("there" stays "there").
func firstName(greeting string) string {
	if i := strings.IndexByte(greeting, ' '); i > 0 {
		return greeting[:i]
	}
	return greeting
}
