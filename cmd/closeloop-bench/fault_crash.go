package main

import (
	"context"
	"fmt"
	"time"

	"github.com/closeloop/closeloop/notify/smtptest"
)

// faultCrash: kill -9 the server Kills times while it sends a card's N emails,
// restarting it each time. Every requester must end with exactly one sent delivery
// and at least one email; the emails beyond one must not outnumber the sends that
// were in flight (accepted by the sink, not yet recorded as sent) at the kills; and
// sending must resume within 60 s of each kill.
func faultCrash(ctx context.Context, h *harness, cfg faultConfig, res *faultResult) error {
	s, err := h.newShipEnv(ctx, "crash", "crash", cfg.N, smtptest.Options{})
	if err != nil {
		return err
	}
	defer s.close()
	conns, err := s.srv.notifierConnections()
	if err != nil {
		return err
	}
	card, err := s.card(ctx, "Crash-proof shipping", cfg.N)
	if err != nil {
		return err
	}
	if _, err := s.ship(ctx, card); err != nil {
		return err
	}
	seen := map[string]int{}
	var inFlight, resumes []float64
	totalInFlight := 0
	for k := 1; k <= cfg.Kills; k++ {
		// Kill at k/(Kills+1) of the way through, so every kill lands mid-sending.
		at := cfg.N * k / (cfg.Kills + 1)
		if !s.waitAccepted(at, 3*time.Minute) {
			return fmt.Errorf("kill %d: the sink has %d of the %d accepted emails to wait for", k, s.sink.Total(), at)
		}
		s.srv.kill()
		killedAt := time.Now()
		time.Sleep(300 * time.Millisecond) // let the sink finish what it received before the kill
		n, err := s.inFlight(ctx, card, seen)
		if err != nil {
			return err
		}
		totalInFlight += n
		inFlight = append(inFlight, float64(n))
		accepted := s.sink.Total()
		if s.srv, err = s.srv.restart(ctx); err != nil {
			return err
		}
		ready := time.Since(killedAt)
		if !s.waitAccepted(accepted+1, 90*time.Second) {
			res.fail("kill %d: nothing was sent in the 90 s after the restart", k)
			return nil
		}
		resume := time.Since(killedAt)
		resumes = append(resumes, resume.Seconds())
		res.note("kill %d at %d accepted: %d sends in flight (accepted, not yet recorded; the notifier sends over %d connections); restarted and ready %.1f s, sending again %.1f s after the kill",
			k, accepted, n, conns, ready.Seconds(), resume.Seconds())
		res.expect(resume <= 60*time.Second, "kill %d: sending resumed within 60 s (%.1f s)", k, resume.Seconds())
		// The notifier records outcomes by group commit, gathering for up to 5 ms, so
		// the sends in flight are those accepted in that window and the write after it
		// (more than the connections). What is checked below is the promise: duplicates
		// never exceed the sends in flight at the kills.
	}
	if err := s.waitSettled(ctx, card, cfg.N, 5*time.Minute); err != nil {
		res.fail("%v", err)
	}
	t, err := s.tallyCard(ctx, card, cfg.N, nil)
	if err != nil {
		return err
	}
	res.Figures["tally"], res.Figures["in_flight_at_kills"], res.Figures["resume_seconds"] = t, inFlight, resumes
	res.Figures["connections"] = conns
	res.note("%s", t)
	res.expect(t.Statuses["sent"] == cfg.N && len(t.Statuses) == 1, "every requester has exactly one sent delivery (%v)", t.Statuses)
	res.expect(t.Lost == 0, "0 lost (%d)", t.Lost)
	res.expect(t.SentNotAccepted == 0, "no delivery marked sent that the sink never accepted (%d)", t.SentNotAccepted)
	res.expect(t.Duplicates <= totalInFlight, "duplicates %d ≤ sends in flight at the kills %d", t.Duplicates, totalInFlight)
	return nil
}
