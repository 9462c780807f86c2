package email

import (
	"bytes"
	"embed"
	htmltemplate "html/template"
	"strings"
	texttemplate "text/template"
	"unicode"
)

//go:embed templates/*.tmpl
var templateFiles embed.FS

// emailData is what the templates see.
type emailData struct {
	Subject        string
	Greeting       string // the requester's name, or "there"
	CardTitle      string
	CardURL        string
	Intro          string     // the board's intro with placeholders filled, or ""
	ReleaseNote    [][]string // paragraphs of lines
	Team           string     // who they asked (Sender.Team)
	Signature      string
	SignatureLines []string // the signature, one clean line each
	UnsubscribeURL string
	ReactionURL    string // "Did this solve it?" link without ?answer=, or "" (reaction.*.tmpl)
}

// templateSet is one kind's templates: the base layout of each part with the kind's
// subject and body blocks.
type templateSet struct {
	html *htmltemplate.Template
	text *texttemplate.Template
}

// templates holds every kind's set, parsed once per process. A new kind of email is
// a constant, its two template files, and a line here.
var templates = map[Kind]templateSet{
	Shipped: parseSet(Shipped),
}

func parseSet(k Kind) templateSet {
	name := string(k)
	return templateSet{
		html: htmltemplate.Must(htmltemplate.ParseFS(templateFiles, "templates/layout.html.tmpl", "templates/reaction.html.tmpl", "templates/"+name+".html.tmpl")),
		text: texttemplate.Must(texttemplate.ParseFS(templateFiles, "templates/layout.txt.tmpl", "templates/reaction.txt.tmpl", "templates/"+name+".txt.tmpl")),
	}
}

// execute fills the subject (the board's override, already one clean line, or the
// template's block, flattened to one) and both parts.
func (t templateSet) execute(d emailData, subjectOverride string, fill *strings.Replacer) (Rendered, error) {
	var out Rendered
	var buf bytes.Buffer
	if subjectOverride != "" {
		out.Subject = fill.Replace(subjectOverride)
	} else {
		if err := t.text.ExecuteTemplate(&buf, "subject", d); err != nil {
			return out, err
		}
		out.Subject = cleanHeader(buf.String())
	}
	d.Subject = out.Subject
	buf.Reset()
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

// placeholders fills {{card_title}}, {{board_name}} and {{name}} in a board's
// subject and intro: plain substitution, no template language to get wrong.
func placeholders(c Card, greeting string) *strings.Replacer {
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
