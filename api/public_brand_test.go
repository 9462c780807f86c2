package api

import (
	"testing"

	"github.com/closeloop/closeloop/domain"
)

// The public pages' colours come from the workspace's accent, each chosen to stay readable.
func TestNewBrandColours(t *testing.T) {
	for _, tc := range []struct {
		accent               string
		wantAccent, on, link string
	}{
		{"", defaultAccent, "#ffffff", defaultAccent},                        // unset: the default
		{"#5b21b6", "#5b21b6", "#ffffff", "#5b21b6"},                         // dark violet: white on it, links in it
		{"#facc15", "#facc15", "#111111", defaultAccent},                     // yellow: dark text on it, links stay blue
		{"#2f9e44", "#2f9e44", "#111111", defaultAccent},                     // mid green: below 4.5:1 on white
		{"red; }body{display:none", defaultAccent, "#ffffff", defaultAccent}, // never reaches the CSS
	} {
		got := newBrand(domain.Branding{ProductName: "Acme", AccentColor: tc.accent}, "Board")
		if got.Accent != tc.wantAccent || got.OnAccent != tc.on || got.Link != tc.link {
			t.Errorf("accent %q: got accent %s, on %s, link %s; want %s, %s, %s", tc.accent, got.Accent, got.OnAccent, got.Link,
				tc.wantAccent, tc.on, tc.link)
		}
		if got.Link != defaultAccent && contrast(got.Link, pageBackground) < 4.5 {
			t.Errorf("accent %q: link colour %s reads at %.2f:1 on the page", tc.accent, got.Link, contrast(got.Link, pageBackground))
		}
	}
}
