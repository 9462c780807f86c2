package email

import (
	"mime"
	netmail "net/mail"
	"strings"
)

// Workspace is what the workspace's settings (domain.Settings) say about every email:
// who it is From, where replies go, what the team is called and how it signs. Empty
// fields are not set. notify reads them with each batch, so a change reaches the next
// email from every replica.
type Workspace struct {
	ProductName string
	SenderName  string
	ReplyTo     string
	Signature   string
	AccentColor string
}

// For returns a renderer that speaks as the workspace w; r itself is unchanged
// (it is MAIL_FROM as the operator wrote it). Cheap: a copy of a few strings.
//
//   - From: "<sender_name>" <MAIL_FROM's address>, or MAIL_FROM as written;
//   - Reply-To: reply_to when set;
//   - the team ("you asked … for this"): "the <product_name> team", else the From
//     name, else "us"; the signature: signature, else "The <product_name> team", else
//     the From name, else "The team";
//   - List-Id: the product name as its phrase.
func (r *Renderer) For(w Workspace) *Renderer {
	c := *r
	from := *r.base.From
	if name := cleanHeader(w.SenderName); name != "" {
		from.Name = name
	}
	s := Sender{From: &from, Team: from.Name, Signature: from.Name}
	if s.Team == "" {
		s.Team, s.Signature = "us", "The team"
	}
	c.product = cleanHeader(w.ProductName)
	if p := c.product; p != "" {
		s.Team, s.Signature = "the "+p+" team", "The "+p+" team"
		c.listID = listPhrase(p) + " " + r.baseListID
	}
	if sig := strings.TrimSpace(w.Signature); sig != "" {
		s.Signature = sig
	}
	c.sender = s
	c.replyTo = nil
	if w.ReplyTo != "" {
		if a, err := netmail.ParseAddress(w.ReplyTo); err == nil {
			a.Name = from.Name
			c.replyTo = a
		}
	}
	c.accent = "#2563eb"
	if w.AccentColor != "" {
		c.accent = w.AccentColor
	}
	return &c
}

// listPhrase writes a List-Id phrase (RFC 2919): a quoted string, or an encoded word
// when the name is not ASCII.
func listPhrase(name string) string {
	for _, ch := range name {
		if ch >= 0x80 {
			return mime.QEncoding.Encode("utf-8", name)
		}
	}
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(name) + `"`
}

// signatureLines is the signature one line per entry, for both parts.
func signatureLines(sig string) []string {
	var out []string
	for _, l := range strings.Split(sig, "\n") {
		if l = cleanHeader(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
