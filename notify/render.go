package notify

import (
	"bytes"
	"embed"
	htmltemplate "html/template"
	"strings"
	texttemplate "text/template"
	"unicode"

	"github.com/google/uuid"
)

//go:embed templates/*.tmpl
var templateFiles embed.FS

// recipient is who an email goes to.
type recipient struct {
	Name  string
	Email string
}

// cardInfo is what an email says about the card, with its board's overrides.
type cardInfo struct {
	ID          uuid.UUID
	Title       string
	ReleaseNote string
	BoardName   string
	Subject     string // boards.email_subject; "" = the template's
	Intro       string // boards.email_intro; "" = the template's
}

// emailData is what the templates see.
type emailData struct {
	Subject        string
	Greeting       string // the requester's name, or "there"
	CardTitle      string
	CardURL        string
	Intro          string     // the board's intro with placeholders filled, or ""
	ReleaseNote    [][]string // paragraphs of lines
	Team           string     // who they asked: MAIL_FROM's name, or "us"
	Signature      string
	UnsubscribeURL string
}

type rendered struct {
	Subject, Text, HTML string
}

// renderer holds the parsed templates: a base layout per part, and the shipped
// email's subject and body blocks.
type renderer struct {
	html *htmltemplate.Template
	text *texttemplate.Template
}

func newRenderer() *renderer {
	return &renderer{
		html: htmltemplate.Must(htmltemplate.ParseFS(templateFiles, "templates/layout.html.tmpl", "templates/shipped.html.tmpl")),
		text: texttemplate.Must(texttemplate.ParseFS(templateFiles, "templates/layout.txt.tmpl", "templates/shipped.txt.tmpl")),
	}
}

// render fills the subject (the board's override, already one clean line, or the
// template's block, flattened to one) and both parts.
func (r *renderer) render(d emailData, subjectOverride string, fill *strings.Replacer) (rendered, error) {
	var out rendered
	var buf bytes.Buffer
	if subjectOverride != "" {
		out.Subject = fill.Replace(subjectOverride)
	} else {
		if err := r.text.ExecuteTemplate(&buf, "subject", d); err != nil {
			return out, err
		}
		out.Subject = cleanHeader(buf.String())
	}
	d.Subject = out.Subject
	buf.Reset()
	if err := r.text.ExecuteTemplate(&buf, "layout", d); err != nil {
		return out, err
	}
	out.Text = buf.String()
	buf.Reset()
	if err := r.html.ExecuteTemplate(&buf, "layout", d); err != nil {
		return out, err
	}
	out.HTML = buf.String()
	return out, nil
}

// placeholders fills {{card_title}}, {{board_name}} and {{name}} in a board's
// subject and intro: plain substitution, no template language to get wrong.
func placeholders(c cardInfo, greeting string) *strings.Replacer {
	return strings.NewReplacer("{{card_title}}", c.Title, "{{board_name}}", c.BoardName, "{{name}}", greeting)
}

// paragraphs splits a release note into paragraphs (at blank lines) of lines, so a
// list written one item per line stays one.
func paragraphs(note string) [][]string {
	var out [][]string
	var para []string
	for _, line := range strings.Split(note, "\n") {
		line = cleanHeader(line)
		if line == "" {
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

// cleanHeader makes any text safe for a header or a one-line place: control
// characters (CR and LF included) become spaces and runs of spaces collapse.
func cleanHeader(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}), " ")
}
