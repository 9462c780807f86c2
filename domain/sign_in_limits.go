package domain

import (
	"context"
	"crypto/sha256"
	"net"
	"sync/atomic"
	"time"
)

// Sign-in limits, counted in PostgreSQL (sign_in_failures) so every replica enforces the
// same ones. Within limitWindow:
//   - an address with addressLimit failures is refused, for every account;
//   - an account with accountLimit failures is refused from each address that failed for
//     it; from any other address the password is still checked, so its owner gets in
//     from their own network while someone else guesses, and each further address an
//     attacker uses buys one guess.
//
// A successful sign-in forgets the failures of that account from that address (the
// owner's own typos), never the others'.
const (
	accountLimit = 5
	addressLimit = 20
	limitWindow  = 15 * time.Minute
)

// signInLimits are the limits in force (tests lower them to need fewer slow sign-ins).
type signInLimits struct {
	account, address int
	lastPrune        atomic.Int64 // unix seconds of this process's last delete of old rows
}

func newSignInLimits() *signInLimits {
	return &signInLimits{account: accountLimit, address: addressLimit}
}

// signInKey is one attempt's fixed-size keys: what a flood can make us store is bounded.
type signInKey struct {
	account, address []byte
}

func newSignInKey(email, remoteAddr string) signInKey {
	account := sha256.Sum256([]byte("sign-in account\x00" + email))
	address := sha256.Sum256([]byte("sign-in address\x00" + addressGroup(remoteAddr)))
	return signInKey{account: account[:], address: address[:]}
}

// addressGroup is the unit an address limit applies to: an IPv4 address, or an IPv6 /64
// (what one customer line gets, so rotating addresses within it buys nothing).
func addressGroup(addr string) string {
	ip := net.ParseIP(addr)
	switch {
	case ip == nil:
		return addr
	case ip.To4() != nil:
		return ip.To4().String()
	}
	return ip.Mask(net.CIDRMask(64, 128)).String() + "/64"
}

var errTooManyFromAddress = RateLimited("too many failed sign-ins from your network; wait 15 minutes and try again")
var errTooManyForAccount = RateLimited("too many failed sign-ins for this account from here; wait 15 minutes, or ask an admin to reset the password")

// checkLimits returns errTooMany… when an attempt with key must be refused now, not
// counting the failure row it reserved (0: none reserved).
func (s *Service) checkLimits(ctx context.Context, key signInKey, reserved int64) error {
	var n struct{ Address, Account, Pair int }
	err := s.db.conn(ctx).Raw(`
SELECT count(*) FILTER (WHERE address = @address) AS address,
       count(*) FILTER (WHERE account = @account) AS account,
       count(*) FILTER (WHERE account = @account AND address = @address) AS pair
FROM sign_in_failures
WHERE failed_at > @since AND id <> @reserved AND (account = @account OR address = @address)`,
		map[string]any{"address": key.address, "account": key.account, "since": s.now().Add(-limitWindow), "reserved": reserved}).
		Scan(&n).Error
	switch {
	case err != nil:
		return err
	case n.Address >= s.signIns.address:
		return errTooManyFromAddress
	case n.Account >= s.signIns.account && n.Pair > 0:
		return errTooManyForAccount
	}
	return nil
}

// reserveFailure records the attempt as a failure before the password is checked, so
// concurrent attempts on any replica see each other: of k attempts at once, one that
// counts after the others reserved sees them all, and at most the limit get through. A
// refused or successful attempt deletes its row again.
func (s *Service) reserveFailure(ctx context.Context, key signInKey) (int64, error) {
	s.pruneFailures(ctx)
	var id int64
	// Not a []byte first: GORM spreads a slice that follows "(" into a list of values.
	err := s.db.conn(ctx).Raw(`INSERT INTO sign_in_failures (failed_at, account, address) VALUES (?, ?, ?) RETURNING id`,
		s.now(), key.account, key.address).Scan(&id).Error
	return id, err
}

func (s *Service) dropFailure(ctx context.Context, id int64) error {
	return s.db.conn(ctx).Exec(`DELETE FROM sign_in_failures WHERE id = ?`, id).Error
}

// forgetOwnFailures deletes the account's failures from this address after a sign-in.
func (s *Service) forgetOwnFailures(ctx context.Context, key signInKey) error {
	return s.db.conn(ctx).Exec(`DELETE FROM sign_in_failures WHERE account = ? AND address = ?`, key.account, key.address).Error
}

// pruneFailures deletes rows older than the window, at most once a minute per process.
func (s *Service) pruneFailures(ctx context.Context) {
	now := s.now()
	last := s.signIns.lastPrune.Load()
	if now.Unix()-last < 60 || !s.signIns.lastPrune.CompareAndSwap(last, now.Unix()) {
		return
	}
	// Best effort: a failed prune is retried a minute later, and the counts never read old rows.
	s.db.conn(ctx).Exec(`DELETE FROM sign_in_failures WHERE failed_at <= ?`, now.Add(-limitWindow))
}
