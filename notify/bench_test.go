package notify

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/google/uuid"
	mail "github.com/wneessen/go-mail"

	"github.com/closeloop/closeloop/notify/email"
	"github.com/closeloop/closeloop/notify/smtptest"
)

// Run with: go test ./notify/ -run '^$' -bench . -benchtime 1x
// BENCH_N sets the number of requesters (default 17,385), BENCH_CONNS the SMTP
// connections (default 4). Fanout ships a card and times until the sink accepted
// every email; RawGoMail sends the same number of prebuilt emails of the same size
// over the same go-mail settings and connections, with no database: the ceiling.
// Both print mails/s and the CPU they used (PostgreSQL's too, for Fanout).
// BENCH_COALESCE=S (seconds) runs Fanout with coalescing on: every email is held S
// seconds and goes out through the holds path; the figure after the window is printed too.

func benchN() int     { return envInt("BENCH_N", 17385) }
func benchConns() int { return envInt("BENCH_CONNS", 4) }

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

func BenchmarkFanout(b *testing.B) {
	n, conns := benchN(), benchConns()
	for range b.N {
		b.StopTimer()
		e := newEnv(b, smtptest.Options{}, func(c *Config) { c.Connections = conns })
		hold := envInt("BENCH_COALESCE", 0)
		e.exec(`UPDATE workspace_settings SET coalesce_seconds = $1`, hold)
		e.start()
		card := e.card("Dark mode", "Settings → Appearance → Dark.\n\nThanks for asking.")
		e.requesters(card, "bench", n)
		e.exec(`VACUUM ANALYZE`)
		pg0, self0 := postgresCPU(e), processCPU()
		b.StartTimer()

		start := time.Now()
		e.ship(card)
		shipped := time.Since(start)
		if !e.sink.WaitTotal(n, 5*time.Minute) {
			b.Fatalf("sink has %d of %d", e.sink.Total(), n)
		}
		took := time.Since(start)

		b.StopTimer()
		pg, self := postgresCPU(e)-pg0, processCPU()-self0
		e.settle(card, n, time.Minute)
		b.ReportMetric(float64(n)/took.Seconds(), "mails/s")
		b.Logf("N=%d conns=%d coalesce=%ds: ship call %v; all accepted after %v (%.0f mails/s; %v after the window); CPU: this process %v (notifier and sink), PostgreSQL %v",
			n, conns, hold, shipped.Round(time.Millisecond), took.Round(time.Millisecond), float64(n)/took.Seconds(),
			(took - time.Duration(hold)*time.Second).Round(time.Millisecond), self.Round(time.Millisecond), pg.Round(time.Millisecond))
	}
}

func BenchmarkRawGoMail(b *testing.B) {
	n, conns := benchN(), benchConns()
	sink, err := smtptest.Start(smtptest.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer sink.Close()
	set, err := ParseSMTPURL(sink.URL())
	if err != nil {
		b.Fatal(err)
	}
	client, err := NewGoMailClient(set, 10*time.Second)
	if err != nil {
		b.Fatal(err)
	}
	msgs := prebuiltMessages(b, n)
	for range b.N {
		before, self0 := sink.Total(), processCPU()
		next := make(chan *mail.Msg, n)
		for _, m := range msgs {
			next <- m
		}
		close(next)
		start := time.Now()
		var wg sync.WaitGroup
		for range conns {
			wg.Add(1)
			go func() {
				defer wg.Done()
				c, err := client.DialToSMTPClientWithContext(context.Background())
				if err != nil {
					b.Error(err)
					return
				}
				defer client.CloseWithSMTPClient(c) //nolint:errcheck // QUIT after the measured sends
				for m := range next {
					if err := client.SendWithSMTPClient(c, m); err != nil {
						b.Error(err)
						return
					}
				}
			}()
		}
		wg.Wait()
		took := time.Since(start)
		if got := sink.Total() - before; got != n {
			b.Fatalf("sink accepted %d of %d", got, n)
		}
		b.ReportMetric(float64(n)/took.Seconds(), "mails/s")
		b.Logf("N=%d conns=%d: raw go-mail %v (%.0f mails/s); CPU: this process %v (client and sink)",
			n, conns, took.Round(time.Millisecond), float64(n)/took.Seconds(), (processCPU() - self0).Round(time.Millisecond))
	}
}

// prebuiltMessages renders n shipped emails exactly as the notifier does.
func prebuiltMessages(b *testing.B, n int) []*mail.Msg {
	sender, err := email.ParseSender("Acme Product Team <product@acme.test>")
	if err != nil {
		b.Fatal(err)
	}
	emails, err := email.NewRenderer(email.Settings{BaseURL: "http://closeloop.test", Sender: sender,
		Secret: make([]byte, 32), InstallationID: "x"})
	if err != nil {
		b.Fatal(err)
	}
	card := email.Card{ID: uuid.New(), Title: "Dark mode", ReleaseNote: "Settings → Appearance → Dark.\n\nThanks for asking."}
	msgs := make([]*mail.Msg, n)
	for i := range msgs {
		d := claimed{RequesterID: uuid.New(), card: card,
			Recipient: email.Recipient{Name: fmt.Sprint("Bench ", i+1), Email: fmt.Sprint("bench", i+1, "@example.com")}}
		if msgs[i], err = message(emails, email.Shipped, nil, d, uuid.NewString()+"@acme.test"); err != nil {
			b.Fatal(err)
		}
	}
	return msgs
}

func processCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru) //nolint:errcheck // fails only for a bad "who" argument
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// postgresCPU sums the CPU time of the server processes serving the test database
// (PostgreSQL runs on this machine in tests).
func postgresCPU(e *env) time.Duration {
	rows, err := e.pool.Query(context.Background(), `SELECT pid FROM pg_stat_activity WHERE datname = current_database()`)
	if err != nil {
		e.t.Fatal(err)
	}
	defer rows.Close()
	var total time.Duration
	for rows.Next() {
		var pid int
		if err := rows.Scan(&pid); err != nil {
			e.t.Fatal(err)
		}
		raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil {
			continue
		}
		f := strings.Fields(string(raw[strings.LastIndexByte(string(raw), ')')+2:]))
		utime, _ := strconv.Atoi(f[11])
		stime, _ := strconv.Atoi(f[12])
		total += time.Duration(utime+stime) * 10 * time.Millisecond // clock ticks of 1/100 s
	}
	return total
}

// BenchmarkReplicas: the same fan-out sent by 1 and then 3 notifier processes (this
// test binary as children, as in the crash test) against a sink that takes 20 ms per
// message, the case where more replicas should mean more throughput. BENCH_N defaults
// to 6,000 here (60 batches: with fewer, the last round of batches leaves senders idle
// and hides the scaling).
func BenchmarkReplicas(b *testing.B) {
	n := envInt("BENCH_N", 6000)
	for range b.N {
		var rates []float64
		for _, replicas := range []int{1, 3} {
			e := newEnv(b, smtptest.Options{}, nil)
			e.sink.SetDelay(20 * time.Millisecond)
			card := e.card("Replicas", "")
			e.requesters(card, "rep", n)
			for range replicas {
				startCrashChild(b, e)
			}
			start := time.Now()
			e.ship(card)
			if !e.sink.WaitTotal(n, 10*time.Minute) {
				b.Fatalf("sink has %d of %d", e.sink.Total(), n)
			}
			took := time.Since(start)
			e.settle(card, n, time.Minute)
			rates = append(rates, float64(n)/took.Seconds())
			b.Logf("%d replica(s), 4 connections each, 20 ms per message: %d emails in %v (%.0f/s), %d duplicates",
				replicas, n, took.Round(time.Millisecond), rates[len(rates)-1], e.sink.Total()-n)
		}
		b.ReportMetric(rates[1]/rates[0], "x-3-vs-1")
	}
}
