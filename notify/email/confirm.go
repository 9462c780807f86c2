package email

import (
	"bytes"
	htmltemplate "html/template"
	texttemplate "text/template"

	"github.com/google/uuid"
	mail "github.com/wneessen/go-mail"
)

var confirmHTML = htmltemplate.Must(htmltemplate.ParseFS(templateFiles, "templates/layout.html.tmpl", "templates/confirm.html.tmpl"))
var confirmText = texttemplate.Must(texttemplate.ParseFS(templateFiles, "templates/confirm.txt.tmpl"))

// confirmData is what the confirmation's templates see; Team and UnsubscribeURL stay
// empty, which leaves the layout's unsubscribe footer out.
type confirmData struct {
	Subject, CardTitle, ConfirmURL, Signature, Accent string
	QuotedTitle                                       string // the title as the text part quotes it (quotedValue)
	SignatureLines                                    []string
	Team, UnsubscribeURL                              string
}

// ConfirmURL is the link that confirms the roadmap ask wantID (POST /v/{token}).
func (r *Renderer) ConfirmURL(wantID uuid.UUID) string {
	return r.baseURL + "/v/" + r.confirms.Sign(wantID)
}

// Confirmation renders the "I want this too" confirmation email for wantID about
// the card titled title, signed as the team.
func (r *Renderer) Confirmation(wantID uuid.UUID, title string) (Rendered, error) {
	d := confirmData{CardTitle: cleanHeader(title), QuotedTitle: quotedValue(cleanHeader(title)), ConfirmURL: r.ConfirmURL(wantID), Signature: r.sender.Signature, SignatureLines: signatureLines(r.sender.Signature), Accent: r.accent}
	var out Rendered
	var buf bytes.Buffer
	if err := confirmText.ExecuteTemplate(&buf, "subject", d); err != nil {
		return out, err
	}
	out.Subject = cleanHeader(buf.String())
	d.Subject = out.Subject
	buf.Reset()
	if err := confirmText.ExecuteTemplate(&buf, "page", d); err != nil {
		return out, err
	}
	out.Text = buf.String()
	buf.Reset()
	if err := confirmHTML.ExecuteTemplate(&buf, "layout", d); err != nil {
		return out, err
	}
	out.HTML = buf.String()
	return out, nil
}

// ConfirmationMessage builds the confirmation's MIME message: from the team, to the
// address as typed, without list headers (the person is on no list yet).
func (r *Renderer) ConfirmationMessage(to string, e Rendered, msgID string) (*mail.Msg, error) {
	addr, err := recipientAddress(to, "")
	if err != nil {
		return nil, err
	}
	m := mail.NewMsg(mail.WithNoDefaultUserAgent())
	m.FromMailAddress(r.sender.From)
	if r.replyTo != nil {
		m.SetAddrHeaderFromMailAddress(mail.HeaderReplyTo, r.replyTo)
	}
	m.SetAddrHeaderFromMailAddress(mail.HeaderTo, addr)
	m.Subject(e.Subject)
	m.SetMessageIDWithValue(msgID)
	m.SetDate()
	m.SetGenHeader("Auto-Submitted", "auto-generated")
	m.SetBodyString(mail.TypeTextPlain, e.Text)
	m.AddAlternativeString(mail.TypeTextHTML, e.HTML)
	return m, nil
}
