package email

import (
	"bytes"
	"embed"
	htmltemplate "html/template"
	"strings"
	texttemplate "text/template"
	"unicode"

	"github.com/closeloop/closeloop/domain"
)

//go:embed templates/*.tmpl
var templateFiles embed.FS

// emailData is what the templates see.
type emailData struct {
	Subject        string
	BodyText       string            // the board's template filled in (bodyOf)
	BodyHTML       htmltemplate.HTML // the same as paragraphs, every value escaped
	Accent         string            // #rrggbb
	Team           string            // who they asked (Sender.Team)
	Signature      string
	SignatureLines []string // the signature, one clean line each
	UnsubscribeURL string
	Several        bool   // the email is about several cards: the footer says "these"
	ReactionURL    string // "Did this solve it?" link without ?answer=, or "" (reaction.*.tmpl)
}

// templateSet is the templates of the emails: the base layout of each part with the
// body block around the board's template.
type templateSet struct {
	html *htmltemplate.Template
	text *texttemplate.Template
}

// templates holds every kind's set, parsed once per process: every kind is a board
// template (domain.EmailTemplate) inside the same layout.
var templates = func() map[Kind]templateSet {
	set := parseSet("board")
	out := map[Kind]templateSet{}
	for _, k := range domain.EmailKinds {
		out[Kind(k)] = set
	}
	return out
}()

func parseSet(name string) templateSet {
	return templateSet{
		html: htmltemplate.Must(htmltemplate.ParseFS(templateFiles, "templates/layout.html.tmpl", "templates/reaction.html.tmpl", "templates/"+name+".html.tmpl")),
		text: texttemplate.Must(texttemplate.ParseFS(templateFiles, "templates/layout.txt.tmpl", "templates/reaction.txt.tmpl", "templates/"+name+".txt.tmpl")),
	}
}

func mustHTML(name string) *htmltemplate.Template {
	return htmltemplate.Must(htmltemplate.ParseFS(templateFiles, "templates/layout.html.tmpl", "templates/"+name+".html.tmpl"))
}

func mustText(name string) *texttemplate.Template {
	return texttemplate.Must(texttemplate.ParseFS(templateFiles, "templates/layout.txt.tmpl", "templates/"+name+".txt.tmpl"))
}

// execute renders both parts; the subject is already one clean line.
func (t templateSet) execute(d emailData) (Rendered, error) {
	return t.executeData(d.Subject, d)
}

// executeData renders both parts of any data the layout can read (an emailData, or a
// struct that embeds one).
func (t templateSet) executeData(subject string, d any) (Rendered, error) {
	out := Rendered{Subject: subject}
	var buf bytes.Buffer
	if err := t.text.ExecuteTemplate(&buf, "layout", d); err != nil {
		return out, err
	}
	out.Text = buf.String()
	buf.Reset()
	if err := t.html.ExecuteTemplate(&buf, "layout", d); err != nil {
		return out, err
	}
	out.HTML = buf.String()
	return out, nil
}

// cleanHeader makes any text safe for a header or a one-line place: control
// characters (CR and LF included) become spaces and runs of spaces collapse.
func cleanHeader(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}), " ")
}
