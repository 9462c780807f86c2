package email

import (
	"bytes"
	htmltemplate "html/template"
	"strings"
	texttemplate "text/template"
	"time"
)

var memberHTML = htmltemplate.Must(htmltemplate.ParseFS(templateFiles, "templates/member.html.tmpl"))
var memberText = texttemplate.Must(texttemplate.ParseFS(templateFiles, "templates/member.txt.tmpl"))

// MemberLink is what an invitation or password-reset email says: to whom, by whom
// (invitations), and the link with the token only this email carries.
type MemberLink struct {
	Invite    bool // an invitation; otherwise a password reset
	Name      string
	Email     string
	InvitedBy string
	Token     string
	ExpiresAt time.Time
}

type memberData struct {
	MemberLink
	Subject, URL, Team, TeamPossessive, Expires, Accent string
	SignatureLines                                      []string
}

// MemberLinkURL is the page of the web app where the link's token is used.
func (r *Renderer) MemberLinkURL(invite bool, token string) string {
	if invite {
		return r.baseURL + "/invite/" + token
	}
	return r.baseURL + "/reset-password/" + token
}

// teamName is how the emails to members name the team: "the Acme team", else the
// sender's name, else "your team" (never the software's name).
func (r *Renderer) teamName() string {
	switch {
	case r.product != "":
		return "the " + r.product + " team"
	case r.sender.From != nil && r.sender.From.Name != "":
		return r.sender.From.Name
	}
	return "your team"
}

// MemberLinkEmail renders an invitation or a password reset, signed as the team.
func (r *Renderer) MemberLinkEmail(l MemberLink) (Rendered, error) {
	team := r.teamName()
	possessive := team + "’s"
	if strings.HasSuffix(team, "s") {
		possessive = team + "’"
	}
	l.Name, l.InvitedBy = cleanHeader(l.Name), cleanHeader(l.InvitedBy)
	d := memberData{MemberLink: l, URL: r.MemberLinkURL(l.Invite, l.Token), Team: team, TeamPossessive: possessive,
		Expires: l.ExpiresAt.UTC().Format("Monday 2 January, 15:04 UTC"), Accent: r.accent, SignatureLines: signatureLines(r.sender.Signature)}
	if d.Accent == "" {
		d.Accent = "#2563eb"
	}
	var out Rendered
	var buf bytes.Buffer
	if err := memberText.ExecuteTemplate(&buf, "subject", d); err != nil {
		return out, err
	}
	out.Subject = cleanHeader(buf.String())
	d.Subject = out.Subject
	buf.Reset()
	if err := memberText.ExecuteTemplate(&buf, "page", d); err != nil {
		return out, err
	}
	out.Text = buf.String()
	buf.Reset()
	if err := memberHTML.ExecuteTemplate(&buf, "page", d); err != nil {
		return out, err
	}
	out.HTML = buf.String()
	return out, nil
}
