package domain

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestGreetingName(t *testing.T) {
	long := strings.Repeat("Anna ", 30)
	tests := []struct{ name, in, want string }{
		{"plain", "Maria", "Maria"},
		{"two words", "  Maria   Lopez ", "Maria Lopez"},
		{"accents and marks", "Zoë Ñúñez-García", "Zoë Ñúñez-García"},
		{"combining mark kept", "Zoe\u0308", "Zoe\u0308"},
		{"apostrophes", "O'Brien D’Arcy", "O'Brien D’Arcy"},
		{"initials", "J.R.R. Tolkien", "J.R.R. Tolkien"},
		{"non-Latin", "李小龙 Дмитрий", "李小龙 Дмитрий"},
		{"digits kept", "Person 3", "Person 3"},
		{"empty", "", ""},
		{"only spaces", "   ", ""},
		{"URL", "https://evil.example/login", ""},
		{"URL after a name", "Bob https://evil.example/login", "Bob"},
		{"domain", "Bob visit evil.com now", "Bob visit now"},
		{"domain with www", "www.evil.io", ""},
		{"country domain", "Ann evil.co.uk", "Ann"},
		{"address", "Bob bob@evil.com", "Bob"},
		{"address without a dot", "Bob bob@localhost", "Bob boblocalhost"},
		{"IP address", "Ann 10.0.0.1", "Ann"},
		{"dot look-alike", "Ann evil\u2024com evil\uff0ecom evil\u3002com", "Ann evilcom evilcom evilcom"},
		{"zero-width space hides a dot", "evil\u200b.com", ""},
		{"markup", "<b>Bob</b> <script>alert(1)</script>", "bBobb scriptalert1script"},
		{"quotes and header break", "Zoë \"Z\" O'Brien\r\nX-Evil: 1", "Zoë Z O'Brien X-Evil 1"},
		{"bidi override", "Ann \u202emoc.live", "Ann"},
		{"only punctuation", "... --- '''", ""},
		{"only digits", "12345", ""},
		{"emoji", "Ann 🎉", "Ann"},
		{"leading dots", "...Ann", "Ann"},
		{"plain ASCII", "Mary-Jane O'Neil 3rd", "Mary-Jane O'Neil 3rd"},
		{"leading hyphen", "-Ann", "Ann"},
		{"trailing space", "Ann ", "Ann"},
		{"long name cut at a word", long, strings.TrimSpace(strings.Repeat("Anna ", 20))},
		{"one long word", strings.Repeat("a", 150), strings.Repeat("a", 100)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := GreetingName(tt.in)
			if got != tt.want {
				t.Errorf("GreetingName(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if n := utf8.RuneCountInString(got); n > maxGreetingName {
				t.Errorf("%d characters, want at most %d", n, maxGreetingName)
			}
		})
	}
}

// FuzzGreetingName: whatever a name holds, the greeting has no link-making characters,
// no domain-looking word, and at most 100 characters.
func FuzzGreetingName(f *testing.F) {
	for _, s := range []string{"Maria", "https://evil.example", "a.b.c", "Zoë\x00<b>", "evil\u2024com"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := GreetingName(in)
		if utf8.RuneCountInString(got) > maxGreetingName {
			t.Fatalf("GreetingName(%q) has %d characters", in, utf8.RuneCountInString(got))
		}
		if plainName(in) && got != in {
			t.Fatalf("GreetingName(%q) = %q, but plainName says it is kept as it is", in, got)
		}
		if strings.ContainsAny(got, "@/:<>&\"\\%") {
			t.Fatalf("GreetingName(%q) = %q keeps a character links or markup are made of", in, got)
		}
		for _, w := range strings.Fields(got) {
			if looksLikeDomain(w) {
				t.Fatalf("GreetingName(%q) = %q keeps the domain-like %q", in, got, w)
			}
		}
	})
}
