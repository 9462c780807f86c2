package domain_test

import "testing"

// Two cards collect the same demand; merged, then shipped: each distinct person gets
// exactly one email, the one who asked for both included.
func TestMergeThenShipEmailsEachPersonOnce(t *testing.T) {
	w := newShipWorld(t)
	a := w.card("Export to CSV", "ann", "bob", "cat")
	b := w.card("Export to CSV from reports", "cat", "dan", "eve")
	res := w.merge(b, a)
	if res.Moved != 2 || res.AlreadyOnTarget != 1 {
		t.Fatalf("merge moved %d and found %d on the target, want 2 and 1", res.Moved, res.AlreadyOnTarget)
	}
	w.ship(a)
	w.settle(a, 5)
	w.emailed(map[string]int{"ann": 1, "bob": 1, "cat": 1, "dan": 1, "eve": 1})
	if got := w.count(`SELECT count(*) FROM deliveries WHERE card_id = ? AND status = 'sent'`, a); got != 5 {
		t.Errorf("%d sent deliveries on the merged card, want 5 (one per distinct person)", got)
	}
	if got := w.count(`SELECT requester_count FROM cards WHERE id = ?`, a); got != 5 {
		t.Errorf("requester_count = %d, want 5", got)
	}
}

// A shipped; B (some of A's people, some new) merged into A: only the new people are
// emailed, once each; nobody of A hears again.
func TestMergeIntoShippedCardEmailsOnlyNewPeople(t *testing.T) {
	w := newShipWorld(t)
	a := w.card("Dark mode", "ann", "bob", "cat")
	w.ship(a)
	w.settle(a, 3)
	b := w.card("Night theme", "bob", "cat", "dan", "eve")
	res := w.merge(b, a)
	if res.ShippedEmails != 2 {
		t.Errorf("merge says it emails %d people, want 2 (dan, eve)", res.ShippedEmails)
	}
	w.settle(a, 5)
	w.emailed(map[string]int{"ann": 1, "bob": 1, "cat": 1, "dan": 1, "eve": 1})
}

// Both cards shipped before the merge: the people of B were told about B, so the
// merge emails nobody, and B's people are marked on A (suppressed, with the reason).
func TestMergeOfTwoShippedCardsEmailsNobodyAgain(t *testing.T) {
	w := newShipWorld(t)
	a := w.card("SSO", "ann", "bob")
	b := w.card("SAML login", "bob", "cat")
	w.ship(a)
	w.ship(b)
	w.settle(b, 4) // bob asked for both before they were one: two emails, one per card
	res := w.merge(b, a)
	if res.ShippedEmails != 0 || res.Suppressed != 1 {
		t.Errorf("merge: %d emails, %d marked as told; want 0 and 1 (cat)", res.ShippedEmails, res.Suppressed)
	}
	w.settle(a, 4)
	w.emailed(map[string]int{"ann": 1, "bob": 2, "cat": 1})
	if got := w.count(`SELECT count(*) FROM deliveries d JOIN requesters r ON r.id = d.requester_id
WHERE d.card_id = ? AND d.status = 'suppressed' AND r.email = 'cat@example.com' AND d.last_error LIKE 'already emailed about the merged card%'`, a); got != 1 {
		t.Errorf("cat's marker on the target: %d rows, want 1", got)
	}
}

// B shipped and was merged into A, which had not: when A ships, B's people (told
// already) are not emailed again; A's own are.
func TestShipAfterMergingAShippedCard(t *testing.T) {
	w := newShipWorld(t)
	b := w.card("Webhooks", "ann", "bob")
	w.ship(b)
	w.settle(b, 2)
	a := w.card("Outbound webhooks", "bob", "cat")
	w.merge(b, a)
	w.ship(a)
	w.settle(a, 3)
	w.emailed(map[string]int{"ann": 1, "bob": 1, "cat": 1})
}
