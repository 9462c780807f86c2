package main

import (
	"context"
	"time"

	"github.com/closeloop/closeloop/notify/smtptest"
)

// faultSMTPOutage: the sink answers 451 to every message for cfg.Outage, from the
// moment the card ships, then recovers. Nothing may be lost or doubled, the outage
// must not cause a retry storm (the sink counts every message body it refused), and
// sending must resume within 60 s of the recovery.
func faultSMTPOutage(ctx context.Context, h *harness, cfg faultConfig, res *faultResult) error {
	s, err := h.newShipEnv(ctx, "smtp4xx", "outage", cfg.N, smtptest.Options{})
	if err != nil {
		return err
	}
	defer s.close()
	card, err := s.card(ctx, "Survives an outage", cfg.N)
	if err != nil {
		return err
	}
	s.sink.SetTempFail(true)
	if _, err := s.ship(ctx, card); err != nil {
		return err
	}
	time.Sleep(cfg.Outage)
	refused := s.sink.Attempts()
	s.sink.SetTempFail(false)
	recovered := time.Now()
	if !s.waitAccepted(1, 90*time.Second) {
		res.fail("nothing was accepted in the 90 s after the sink recovered")
		return nil
	}
	resume := time.Since(recovered)
	if err := s.waitSettled(ctx, card, cfg.N, 5*time.Minute); err != nil {
		res.fail("%v", err)
	}
	t, err := s.tallyCard(ctx, card, cfg.N, nil)
	if err != nil {
		return err
	}
	var attempts int
	if err := s.db.QueryRow(ctx, `SELECT coalesce(sum(attempts), 0) FROM deliveries WHERE card_id = $1`, card).Scan(&attempts); err != nil {
		return err
	}
	// A storm would be on the order of N refused messages; the notifier's shared
	// back-off should probe a handful of times per back-off period.
	stormBound := max(100, cfg.N/100)
	res.Figures["tally"], res.Figures["refused_during_outage"], res.Figures["attempts_recorded"] = t, refused, attempts
	res.Figures["resume_seconds"] = resume.Seconds()
	res.note("%s; the sink refused %d messages during the %v outage; deliveries record %d attempts in all",
		t, refused, cfg.Outage, attempts)
	res.expect(t.Statuses["sent"] == cfg.N && len(t.Statuses) == 1, "every requester has exactly one sent delivery (%v)", t.Statuses)
	res.expect(t.Lost == 0 && t.SentNotAccepted == 0, "0 lost (%d, %d marked sent but never accepted)", t.Lost, t.SentNotAccepted)
	res.expect(t.Duplicates == 0, "0 duplicates (%d): a refused message is not a delivered one", t.Duplicates)
	res.expect(refused <= stormBound, "no retry storm: %d messages refused during the outage (bound %d)", refused, stormBound)
	res.expect(resume <= 60*time.Second, "sending resumed %.1f s after the sink recovered (≤ 60 s)", resume.Seconds())
	return nil
}

// faultSMTPReject: the sink answers 550 5.1.1 at RCPT for 1% of the addresses.
// Exactly those deliveries fail and their addresses are suppressed (a later ship
// records them as suppressed without trying), the rest are delivered once, and each
// delivery records exactly one attempt.
func faultSMTPReject(ctx context.Context, h *harness, cfg faultConfig, res *faultResult) error {
	s, err := h.newShipEnv(ctx, "smtp5xx", "reject", cfg.N, smtptest.Options{})
	if err != nil {
		return err
	}
	defer s.close()
	rejected := map[string]bool{}
	for i := 100; i <= cfg.N; i += 100 {
		addr := requesterEmail(s.group, i)
		rejected[addr] = true
		s.sink.Reject(addr)
	}
	card, err := s.card(ctx, "Some mailboxes do not exist", cfg.N)
	if err != nil {
		return err
	}
	if _, err := s.ship(ctx, card); err != nil {
		return err
	}
	if err := s.waitSettled(ctx, card, cfg.N, 5*time.Minute); err != nil {
		res.fail("%v", err)
	}
	t, err := s.tallyCard(ctx, card, cfg.N, rejected)
	if err != nil {
		return err
	}
	var failedWrong, bounced, attempts, notOne int
	err = s.db.QueryRow(ctx, `
SELECT count(*) FILTER (WHERE d.status = 'failed' AND NOT (d.email = ANY($2))),
       (SELECT count(*) FROM requesters WHERE bounced_at IS NOT NULL),
       coalesce(sum(d.attempts), 0),
       count(*) FILTER (WHERE d.attempts <> 1)
FROM deliveries d WHERE d.card_id = $1`, card, keys(rejected)).Scan(&failedWrong, &bounced, &attempts, &notOne)
	if err != nil {
		return err
	}
	// A second card to the same people: the suppressed addresses are not tried again.
	before := s.sink.Attempts()
	card2, err := s.card(ctx, "A second ship to the same people", cfg.N)
	if err != nil {
		return err
	}
	if _, err := s.ship(ctx, card2); err != nil {
		return err
	}
	if err := s.waitSettled(ctx, card2, cfg.N, 5*time.Minute); err != nil {
		res.fail("%v", err)
	}
	again, err := s.deliveryCounts(ctx, card2)
	if err != nil {
		return err
	}
	res.Figures["tally"], res.Figures["rejected"], res.Figures["second_card"] = t, len(rejected), again
	res.note("%s; %d addresses rejected; %d attempts recorded; second card: %v", t, len(rejected), attempts, again)
	res.expect(t.Statuses["failed"] == len(rejected) && failedWrong == 0, "exactly the %d rejected deliveries failed (%d failed, %d of them not rejected)",
		len(rejected), t.Statuses["failed"], failedWrong)
	res.expect(t.Statuses["sent"] == cfg.N-len(rejected), "every other requester has one sent delivery (%d)", t.Statuses["sent"])
	res.expect(bounced == len(rejected), "exactly the rejected addresses are suppressed as bounced (%d)", bounced)
	res.expect(t.Lost == 0 && t.Duplicates == 0 && t.SentNotAccepted == 0, "0 lost, 0 duplicates (%d, %d)", t.Lost, t.Duplicates)
	res.expect(attempts == cfg.N && notOne == 0, "one attempt per delivery, no retry storm (%d attempts for %d deliveries)", attempts, cfg.N)
	res.expect(again["suppressed"] == len(rejected) && again["sent"] == cfg.N-len(rejected),
		"a second ship suppresses the bounced addresses without trying them (%v)", again)
	res.expect(s.sink.Attempts()-before == cfg.N-len(rejected), "the second ship sent %d message bodies for %d deliverable requesters",
		s.sink.Attempts()-before, cfg.N-len(rejected))
	return nil
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
