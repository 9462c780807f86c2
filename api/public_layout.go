package api

import (
	"bytes"
	"crypto/rand"
	"embed"
	"encoding/base64"
	"html/template"
	"math"
	"regexp"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

//go:embed public/*.tmpl
var publicFiles embed.FS

// brandedPages are the no-login pages in the workspace's colours: each is the
// layout plus one file defining "content" (public/<name>.html.tmpl).
var brandedPages = func() map[string]*template.Template {
	out := map[string]*template.Template{}
	for _, name := range []string{"reaction", "roadmap", "changelog", "confirm", "card", "message"} {
		out[name] = template.Must(template.ParseFS(publicFiles, "public/layout.html.tmpl", "public/"+name+".html.tmpl"))
	}
	return out
}()

// brandView is who a public page speaks as: the product name (or, until it is set,
// the board's name or a neutral word) and the accent colour with a text colour that
// reads on it.
type brandView struct {
	Name, ProductName string
	Accent, OnAccent  string
	Link              string // links' colour: the accent when it reads on the page, else the default blue
}

// pageView is what the layout needs; Data is the page's own.
type pageView struct {
	Title              string
	Brand              brandView
	Nonce              string
	Index              bool   // let search engines index it (the roadmap and changelog)
	HomeURL            string // where the brand name links, or ""
	FeedURL, FeedTitle string
	Data               any
}

const defaultAccent = "#0b57d0"

// pageBackground is the public pages' background (layout.html.tmpl).
const pageBackground = "#f6f7f9"

var hexColour = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// newBrand makes the page's brand from the workspace settings; fallback names the
// page when no product name is set. A colour that is not #rrggbb never reaches the
// CSS: the default stands in.
func newBrand(b domain.Branding, fallback string) brandView {
	v := brandView{Name: b.ProductName, ProductName: b.ProductName, Accent: b.AccentColor}
	if v.Name == "" {
		v.Name = fallback
	}
	if !hexColour.MatchString(v.Accent) {
		v.Accent = defaultAccent
	}
	v.OnAccent = "#ffffff"
	if contrast(v.Accent, "#ffffff") < 4.5 {
		v.OnAccent = "#111111"
	}
	// Links sit on white panels and the #f6f7f9 page: the accent only where it reads on both.
	v.Link = defaultAccent
	if contrast(v.Accent, "#ffffff") >= 4.5 && contrast(v.Accent, pageBackground) >= 4.5 {
		v.Link = v.Accent
	}
	return v
}

// contrast is the WCAG 2 contrast ratio of two #rrggbb colours.
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(hex string) float64 {
	var l float64
	for i, w := range []float64{0.2126, 0.7152, 0.0722} {
		n, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		c := float64(n) / 255
		if c <= 0.03928 {
			c /= 12.92
		} else {
			c = math.Pow((c+0.055)/1.055, 2.4)
		}
		l += w * c
	}
	return l
}

// publicCSP allows nothing but this page's one <style> element, same-origin images
// and forms; no script of any kind, no framing, no <base>.
func publicCSP(nonce string) string {
	return "default-src 'none'; style-src 'nonce-" + nonce + "'; img-src 'self'; form-action 'self'; " +
		"frame-ancestors 'none'; base-uri 'none'"
}

// renderBranded writes one of brandedPages with a fresh CSP nonce. Public pages are
// never cached (they may carry a token in their URL, and show live counts) and never
// send their URL to other sites.
func renderBranded(c echo.Context, status int, name string, v pageView) error {
	var raw [16]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return err
	}
	v.Nonce = base64.RawStdEncoding.EncodeToString(raw[:])
	var buf bytes.Buffer
	if err := brandedPages[name].ExecuteTemplate(&buf, "layout", v); err != nil {
		return err
	}
	h := c.Response().Header()
	h.Set("Content-Security-Policy", publicCSP(v.Nonce))
	h.Set("Cache-Control", "no-store")
	h.Set("Referrer-Policy", "no-referrer")
	return c.HTMLBlob(status, buf.Bytes())
}

// messagePage is a page that only says something (a thank-you, a link not valid).
type messagePage struct {
	Heading    string
	Paragraphs []string
	Link       string // optional link after the text
	LinkText   string
}

func (s *Server) renderMessage(c echo.Context, status int, brand brandView, title string, m messagePage) error {
	return renderBranded(c, status, "message", pageView{Title: title, Brand: brand, Data: m})
}
