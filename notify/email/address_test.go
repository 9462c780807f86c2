package email

import (
	"strings"
	"testing"
)

// A non-ASCII domain is written in its ASCII form, in the To header and so in the
// envelope; a non-ASCII local part is kept (it needs SMTPUTF8: the mailer checks).
func TestRecipientAddressWritesDomainsInASCII(t *testing.T) {
	for _, tc := range []struct{ in, want, wantErr string }{
		{"ana@example.com", "ana@example.com", ""},
		{"ana@bücher.example", "ana@xn--bcher-kva.example", ""},
		{"zoë@example.com", "zoë@example.com", ""},
		{"用户@例子.广告", "用户@xn--fsqu00a.xn--4rr70v", ""},
		{"ana@exa mple.com", "", "cannot email"},
	} {
		got, err := recipientAddress(tc.in, "Ana")
		switch {
		case tc.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%q: err %v, want %q", tc.in, err, tc.wantErr)
			}
		case err != nil:
			t.Errorf("%q: %v", tc.in, err)
		case got.Address != tc.want || got.Name != "Ana":
			t.Errorf("%q: %q <%s>, want Ana <%s>", tc.in, got.Name, got.Address, tc.want)
		}
	}
}
