package domain

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/closeloop/closeloop/migrations/testdb"
)

// replicas are n Services on one fresh database, as n servers behind a load balancer.
func replicas(t *testing.T, n int) []*Service {
	t.Helper()
	url := testdb.New(t)
	var out []*Service
	for range n {
		g, err := gorm.Open(postgres.Open(url), &gorm.Config{TranslateError: true, Logger: logger.Discard})
		if err != nil {
			t.Fatal(err)
		}
		sqlDB, _ := g.DB()
		sqlDB.SetMaxOpenConns(6)
		t.Cleanup(func() { sqlDB.Close() })
		out = append(out, NewService(NewDB(g), nil))
	}
	return out
}

const ownerPassword = "the owner's long password"

func signInMember(t *testing.T, svc *Service, email string, role Role) {
	t.Helper()
	_, err := svc.CreateMember(context.Background(), Actor{Name: "test", Role: RoleAdmin},
		MemberInput{Email: email, Name: "Owner", Role: role, Password: ownerPassword})
	if err != nil {
		t.Fatal(err)
	}
}

// signInKind signs in and returns the kind of the error (KindInternal ⇒ signed in, or a bug).
func signInKind(t *testing.T, svc *Service, email, password, addr string) Kind {
	t.Helper()
	_, err := svc.SignIn(context.Background(), email, password, addr)
	if err != nil && KindOf(err) == KindInternal {
		t.Fatalf("sign-in %s from %s: %v", email, addr, err)
	}
	return KindOf(err)
}

const signedIn = KindInternal // KindOf(nil)

// ageFailures moves every recorded failure d into the past.
func ageFailures(t *testing.T, svc *Service, d time.Duration) {
	t.Helper()
	if err := svc.db.gorm.Exec("UPDATE sign_in_failures SET failed_at = failed_at - ?::interval", d.String()).Error; err != nil {
		t.Fatal(err)
	}
}

func failedRows(t *testing.T, svc *Service) int64 {
	t.Helper()
	var n int64
	if err := svc.db.gorm.Raw("SELECT count(*) FROM sign_in_failures").Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// TestSignInFieldLengths: an address over 320 bytes or a password over 1,024 is refused
// with field messages before anything else happens: no hash computed, nothing recorded.
func TestSignInFieldLengths(t *testing.T) {
	svc := replicas(t, 1)[0]
	long := strings.Repeat("a", 321-len("@example.com")) + "@example.com"
	tests := []struct {
		name, email, password string
		want                  Kind
		field                 string
	}{
		{"address of 321 bytes", long, "a password", KindInvalid, "email"},
		{"address of 1 MB", strings.Repeat("x", 1<<20), "a password", KindInvalid, "email"},
		{"password of 1,025 bytes", "a@example.com", strings.Repeat("p", 1025), KindInvalid, "password"},
		{"both", long, strings.Repeat("p", 1<<20), KindInvalid, "password"},
		{"address of 320 bytes is checked", long[1:], "a password", KindUnauthorized, ""},
		{"password of 1,024 bytes is checked", "a@example.com", strings.Repeat("p", 1024), KindUnauthorized, ""},
	}
	for _, tt := range tests {
		before := failedRows(t, svc)
		_, err := svc.SignIn(context.Background(), tt.email, tt.password, "192.0.2.1")
		if KindOf(err) != tt.want {
			t.Errorf("%s: got %v, want kind %d", tt.name, err, tt.want)
			continue
		}
		if tt.field != "" {
			var de *Error
			if e, ok := err.(*Error); ok {
				de = e
			}
			if de == nil || de.Fields[tt.field] == "" {
				t.Errorf("%s: no message for %s: %v", tt.name, tt.field, err)
			}
			if after := failedRows(t, svc); after != before {
				t.Errorf("%s: refused, yet %d failures were recorded", tt.name, after-before)
			}
		}
	}
}

// TestSignInLimitsHoldAcrossReplicas: failures seen by one replica count on every other.
func TestSignInLimitsHoldAcrossReplicas(t *testing.T) {
	rs := replicas(t, 2)
	signInMember(t, rs[0], "ada@example.com", RoleAdmin)
	for i := range accountLimit {
		if got := signInKind(t, rs[i%2], "ada@example.com", "wrong guess", "198.51.100.1"); got != KindUnauthorized {
			t.Fatalf("failure %d: kind %d, want unauthorized", i+1, got)
		}
	}
	for i, r := range rs {
		if got := signInKind(t, r, "Ada@Example.com", ownerPassword, "198.51.100.1"); got != KindRateLimited {
			t.Errorf("replica %d after %d failures spread over two replicas: kind %d, want rate limited", i, accountLimit, got)
		}
	}
	// The per-address limit (lowered here: each failure costs a password hash), over both replicas.
	for _, r := range rs {
		r.signIns.address = 6
	}
	for i := range rs[0].signIns.address {
		if got := signInKind(t, rs[i%2], fmt.Sprintf("nobody%d@example.com", i), "wrong guess", "198.51.100.2"); got != KindUnauthorized {
			t.Fatalf("address failure %d: kind %d, want unauthorized", i+1, got)
		}
	}
	for i, r := range rs {
		if got := signInKind(t, r, "someone-new@example.com", "wrong guess", "198.51.100.2"); got != KindRateLimited {
			t.Errorf("replica %d after %d failures from one address: kind %d, want rate limited", i, r.signIns.address, got)
		}
	}
}

// TestAttackedAccountStillSignsIn: failures from others lock an account only for the
// addresses they came from; its owner, from an address that has not failed for it, signs
// in with the right password. Nobody can lock out the sole admin from elsewhere.
func TestAttackedAccountStillSignsIn(t *testing.T) {
	rs := replicas(t, 2)
	const admin, attacker, office, phone = "only-admin@example.com", "203.0.113.66", "198.51.100.10", "2001:db8:1:2::10"
	signInMember(t, rs[0], admin, RoleAdmin)
	// The owner mistypes once from the office, then gets in: their own failure is forgotten.
	if got := signInKind(t, rs[0], admin, "typo", office); got != KindUnauthorized {
		t.Fatalf("typo: kind %d", got)
	}
	if got := signInKind(t, rs[1], admin, ownerPassword, office); got != signedIn {
		t.Fatalf("owner after a typo: kind %d, want signed in", got)
	}
	// An attacker from one address goes past the account limit, and stays refused, even
	// with the right password.
	for i := range accountLimit + 3 {
		want := KindUnauthorized
		if i >= accountLimit {
			want = KindRateLimited
		}
		if got := signInKind(t, rs[i%2], admin, fmt.Sprintf("guess %d", i), attacker); got != want {
			t.Fatalf("attacker attempt %d: kind %d, want %d", i+1, got, want)
		}
	}
	if got := signInKind(t, rs[0], admin, ownerPassword, attacker); got != KindRateLimited {
		t.Errorf("attacker with the right password after the limit: kind %d, want rate limited", got)
	}
	// The owner is still let in from an address that has not failed for the account.
	for _, r := range rs {
		if got := signInKind(t, r, admin, ownerPassword, office); got != signedIn {
			t.Errorf("owner from the office while the account is attacked: kind %d, want signed in", got)
		}
	}
	// From a fresh address the password is still checked: one wrong guess there, and
	// that address is refused for this account too (one guess per address per window).
	if got := signInKind(t, rs[0], admin, "wrong on the phone", phone); got != KindUnauthorized {
		t.Fatalf("first failure from the phone: kind %d, want unauthorized", got)
	}
	if got := signInKind(t, rs[1], admin, ownerPassword, "2001:db8:1:2::99"); got != KindRateLimited {
		t.Errorf("another address of the phone's /64 after its failure: kind %d, want rate limited", got)
	}
	if got := signInKind(t, rs[1], admin, ownerPassword, office); got != signedIn {
		t.Errorf("owner from the office still: kind %d, want signed in", got)
	}
	// The window passes (the failures are made older): the attacker's address may try again.
	ageFailures(t, rs[0], limitWindow+time.Second)
	if got := signInKind(t, rs[0], admin, ownerPassword, attacker); got != signedIn {
		t.Errorf("right password from the attacker's address after the window: kind %d, want signed in", got)
	}
}

// TestSignInFailuresStayBounded: whatever is sent, a failure is one fixed-size row (hashes
// of the address and the account), an address stops adding rows at its limit, and rows
// older than the window are deleted.
func TestSignInFailuresStayBounded(t *testing.T) {
	svc := replicas(t, 1)[0]
	svc.signIns.address = 6 // each failure costs a password hash
	for i := range svc.signIns.address + 4 {
		email := fmt.Sprintf("%d%s@example.com", i, strings.Repeat("x", 300))
		svc.SignIn(context.Background(), email, strings.Repeat("p", 1024), "198.51.100.3") //nolint:errcheck // every one fails; the rows are what is counted
	}
	if n := failedRows(t, svc); n != int64(svc.signIns.address) {
		t.Errorf("%d rows after %d failures from one address, want %d", n, svc.signIns.address+4, svc.signIns.address)
	}
	var widest int64
	svc.db.gorm.Raw("SELECT max(octet_length(account) + octet_length(address)) FROM sign_in_failures").Scan(&widest)
	if widest != 64 {
		t.Errorf("widest row holds %d bytes of keys, want 64 (two SHA-256 hashes)", widest)
	}
	ageFailures(t, svc, limitWindow+time.Minute)
	svc.signIns.lastPrune.Store(0) // as if the last prune were a minute ago
	signInKind(t, svc, "late@example.com", "wrong guess", "198.51.100.4")
	if n := failedRows(t, svc); n != 1 {
		t.Errorf("%d rows after the window passed, want 1 (the old ones deleted)", n)
	}
}

// TestSignInLimitUnderConcurrentAttempts: a burst of wrong passwords for one account from
// one address, sent to two replicas at once, gets at most the account limit of them checked.
func TestSignInLimitUnderConcurrentAttempts(t *testing.T) {
	rs := replicas(t, 2)
	signInMember(t, rs[0], "bo@example.com", RoleViewer)
	var mu sync.Mutex
	checked := 0
	var wg sync.WaitGroup
	for i := range 12 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := rs[i%2].SignIn(context.Background(), "bo@example.com", "wrong guess", "198.51.100.5")
			mu.Lock()
			defer mu.Unlock()
			switch KindOf(err) {
			case KindUnauthorized:
				checked++
			case KindRateLimited:
			default:
				t.Errorf("attempt %d: %v", i, err)
			}
		}()
	}
	wg.Wait()
	if checked > accountLimit {
		t.Errorf("%d of 12 concurrent wrong passwords were checked, want at most %d", checked, accountLimit)
	}
	if n := failedRows(t, rs[0]); n > accountLimit {
		t.Errorf("%d failures recorded, want at most %d", n, accountLimit)
	}
}
