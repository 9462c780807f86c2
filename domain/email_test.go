package domain

import (
	"strings"
	"testing"
)

func TestNormalizeEmail(t *testing.T) {
	local64 := strings.Repeat("a", 64)
	long := local64 + "@" + strings.Repeat("b", 63) + "." + strings.Repeat("c", 63) + "." + strings.Repeat("d", 57) + ".com" // 254
	tests := []struct {
		in, want, msg string
	}{
		{"ann@example.com", "ann@example.com", ""},
		{"  Ann.Lee+closeloop@Example.COM \n", "Ann.Lee+closeloop@Example.COM", ""},
		{"o'brien@example.ie", "o'brien@example.ie", ""},
		{"jörg@exämple.de", "jörg@exämple.de", ""},
		{"dev@localhost", "dev@localhost", ""},
		{long, long, ""},
		{"", "", "is required"},
		{"   ", "", "is required"},
		{"a" + long, "", "is not a valid address"}, // 255 characters, otherwise well formed
		{"ann", "", "is not a valid address"},
		{"ann@", "", "is not a valid address"},
		{"@example.com", "", "is not a valid address"},
		{"ann@@example.com", "", "is not a valid address"},
		{"ann..lee@example.com", "", "is not a valid address"},
		{"Ann Lee <ann@example.com>", "", "is not a valid address"},
		{"<ann@example.com>", "", "is not a valid address"},
		{`"Ann" <ann@example.com>`, "", "is not a valid address"},
		{"=?utf-8?q?Ann?= <ann@example.com>", "", "is not a valid address"},
		{"ann@example.com (Ann)", "", "is not a valid address"},
		{`"ann lee"@example.com`, "", "is not a valid address"},
		{"ann@example.com, bob@example.com", "", "is not a valid address"},
		{"ann@example.com\r\nBcc: everyone@example.com", "", "is not a valid address"},
		{"ann@example.com\nBcc: everyone@example.com", "", "is not a valid address"},
		{"ann\r@example.com", "", "is not a valid address"},
		{"ann\x00@example.com", "", "is not a valid address"},
		{"ann@[127.0.0.1]", "", "is not a valid address"},
		{"ann@exa mple.com", "", "is not a valid address"},
		{"ann@example.com\xff", "", "is not a valid address"},
	}
	for _, tt := range tests {
		got, err := NormalizeEmail(tt.in)
		gotMsg := ""
		if err != nil {
			gotMsg = kindFields(t, err, KindInvalid)["email"]
		}
		if gotMsg != tt.msg || (tt.msg == "" && got != tt.want) {
			t.Errorf("NormalizeEmail(%q) = %q, %q; want %q, %q", tt.in, got, gotMsg, tt.want, tt.msg)
		}
	}
	if n := len(long); n != 254 {
		t.Fatalf("test address is %d characters, want 254", n)
	}
}
