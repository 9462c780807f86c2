package webhooks

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/closeloop/closeloop/domain"
)

func TestWebhookURLsIntoTheServersNetworkAreRefused(t *testing.T) {
	e := newEnv(t, Config{Retry: short})
	for _, url := range []string{"http://127.0.0.1:8080/hook", "http://localhost/hook", "http://[::1]/",
		"http://[::ffff:127.0.0.1]/", "http://10.1.2.3/", "http://192.168.0.10/", "http://172.16.5.4/",
		"http://169.254.169.254/latest/meta-data", "http://[fe80::1]/", "http://0.0.0.0/", "http://100.64.0.1/"} {
		format, events := domain.WebhookStandard, []string{domain.EventCardShipped}
		_, err := e.svc.CreateWebhook(context.Background(), domain.WebhookInput{URL: &url, Format: &format, Events: &events})
		var de *domain.Error
		if !asDomain(err, &de) || de.Kind != domain.KindInvalid || !strings.Contains(de.Fields["url"], "private") {
			t.Errorf("%s: %v, want a url field error", url, err)
		}
	}
	if err := e.outbox.CheckURL(context.Background(), "https://203.0.113.7/hook"); err != nil {
		t.Errorf("a public address is refused: %v", err)
	}
	var n int
	if err := e.db.QueryRow(`SELECT count(*) FROM webhooks`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d webhooks stored (%v), want 0", n, err)
	}
}

// A name that resolved to a public address when saved may point inside later (DNS
// rebinding): the dialer checks the address it actually connects to.
func TestTheDialerRefusesPrivateAddressesItself(t *testing.T) {
	e := newEnv(t, Config{Retry: short[:1]})
	rcv := newReceiver(t, 200)
	w := e.webhook(t, "https://203.0.113.7/hook", domain.WebhookStandard, domain.EventCardCreated)
	if _, err := e.db.Exec(`UPDATE webhooks SET url = $1 WHERE id = $2`, rcv.URL, w.ID); err != nil {
		t.Fatal(err)
	}
	e.card(t, e.board(t), "Rebound")
	waitFor(t, 10*time.Second, "the delivery to fail", func() bool {
		d := e.deliveries(t, w.ID)
		return len(d) == 1 && d[0].Status == domain.WebhookFailed
	})
	if d := e.deliveries(t, w.ID)[0]; !strings.Contains(d.LastError, "private") {
		t.Errorf("last_error %q", d.LastError)
	}
	if n := len(rcv.requests()); n != 0 {
		t.Errorf("the loopback receiver got %d requests", n)
	}
}
