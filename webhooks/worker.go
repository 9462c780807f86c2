package webhooks

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/google/uuid"
	"github.com/riverqueue/river"

	"github.com/closeloop/closeloop/domain"
)

type worker struct {
	river.WorkerDefaults[deliverArgs]
	o *Outbox
}

// Timeout leaves the attempt its own timeout and the bookkeeping a few seconds.
func (w *worker) Timeout(*river.Job[deliverArgs]) time.Duration {
	return w.o.cfg.Timeout + 5*time.Second
}

// pending is a delivery being tried, with its webhook.
type pending struct {
	id         uuid.UUID
	eventType  string
	payload    string
	attempts   int
	roundStart int
	url        string
	format     string
	secret     string
	enabled    bool
}

const pendingSQL = `SELECT d.id, d.event_type, d.payload, d.attempts, d.round_start, w.url, w.format, w.secret, w.enabled
FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
WHERE d.id = $1 AND d.status = 'pending'`

// Work makes one attempt. A receiver that fails is retried by snoozing the job for
// the schedule's next wait; once the schedule is used up the delivery is failed.
// An error returned here is the worker's own (database), which River retries.
func (w *worker) Work(ctx context.Context, job *river.Job[deliverArgs]) error {
	o := w.o
	var p pending
	err := o.db.QueryRowContext(ctx, pendingSQL, job.Args.DeliveryID).Scan(&p.id, &p.eventType, &p.payload,
		&p.attempts, &p.roundStart, &p.url, &p.format, &p.secret, &p.enabled)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // deleted with its webhook, or already finished
	}
	if err != nil {
		return err
	}
	var status *int
	var problem string
	if p.enabled {
		status, problem = o.attempt(ctx, p)
	} else {
		problem = "the webhook is disabled"
	}
	ctx = context.WithoutCancel(ctx)
	attempts := p.attempts + 1
	if problem == "" {
		o.metrics.deliveries.WithLabelValues(domain.WebhookSucceeded).Inc()
		return o.finish(ctx, p.id, domain.WebhookSucceeded, attempts, status, "")
	}
	n := attempts - p.roundStart // attempts of this round
	if !p.enabled || n > len(o.cfg.Retry) {
		o.metrics.deliveries.WithLabelValues(domain.WebhookFailed).Inc()
		return o.finish(ctx, p.id, domain.WebhookFailed, attempts, status, problem)
	}
	wait := o.cfg.Retry[n-1]
	_, err = o.db.ExecContext(ctx, `UPDATE webhook_deliveries SET attempts = $2, last_status = $3, last_error = $4,
		next_attempt_at = now() + $5 * interval '1 microsecond', updated_at = now()
		FROM `+noFlushWait+` WHERE id = $1 AND status = 'pending'`,
		p.id, attempts, status, problem, wait.Microseconds())
	if err != nil {
		return err
	}
	o.metrics.deliveries.WithLabelValues("retry").Inc()
	return river.JobSnooze(wait)
}

// noFlushWait, in the FROM of an attempt's UPDATE, commits that statement without
// waiting for its WAL flush (synchronous_commit off for its own transaction): the flush
// was ~0.2 ms of PostgreSQL CPU per delivery, and the wait held the worker. Nothing is
// lost that matters: River marks the job done afterwards in a transaction that does
// wait, and the WAL is flushed in order, so once the job is recorded done the attempt's
// outcome is on disk too. Should PostgreSQL itself crash in between, the job is still
// running, River tries it again, and the receiver gets the same delivery again with
// the same webhook-id — as when the server dies between the answer and this UPDATE.
const noFlushWait = `(SELECT set_config('synchronous_commit', 'off', true)) AS no_flush_wait`

func (o *Outbox) finish(ctx context.Context, id uuid.UUID, status string, attempts int, httpStatus *int, problem string) error {
	_, err := o.db.ExecContext(ctx, `UPDATE webhook_deliveries SET status = $2, attempts = $3, last_status = $4,
		last_error = $5, next_attempt_at = NULL, updated_at = now() FROM `+noFlushWait+` WHERE id = $1 AND status = 'pending'`,
		id, status, attempts, httpStatus, problem)
	return err
}

// maxAnswer is how much of an answer is read; the rest is not waited for.
const maxAnswer = 64 << 10

// attempt POSTs the delivery once: the HTTP status (nil without an answer) and what
// went wrong ("" for a 2xx).
func (o *Outbox) attempt(ctx context.Context, p pending) (*int, string) {
	ctx, cancel := context.WithTimeout(ctx, o.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.url, strings.NewReader(p.payload))
	if err != nil {
		return nil, "the URL cannot be called: " + err.Error()
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Closeloop-Webhooks/1")
	if p.format == domain.WebhookStandard {
		msgID, ts := "msg_"+p.id.String(), time.Now().Unix()
		sig, err := Sign(p.secret, msgID, ts, []byte(p.payload))
		if err != nil {
			return nil, err.Error()
		}
		req.Header.Set("webhook-id", msgID)
		req.Header.Set("webhook-timestamp", strconv.FormatInt(ts, 10))
		req.Header.Set("webhook-signature", sig)
	}
	resp, err := o.client.Do(req)
	if err != nil {
		return nil, oneLine("no answer: "+err.Error(), 500)
	}
	defer resp.Body.Close()
	var head bytes.Buffer
	_, readErr := io.Copy(&head, io.LimitReader(resp.Body, maxAnswer))
	status := resp.StatusCode
	if status >= 200 && status < 300 {
		return &status, ""
	}
	msg := fmt.Sprintf("HTTP %d", status)
	if text := oneLine(head.String(), 200); text != "" {
		msg += ": " + text
	} else if readErr != nil {
		msg += " (" + oneLine(readErr.Error(), 200) + ")"
	}
	return &status, msg
}

// oneLine makes outside text safe to keep and show: valid UTF-8, no control
// characters, at most max runes.
func oneLine(s string, max int) string {
	s = strings.ToValidUTF8(s, "")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > max {
		s = string(r[:max]) + "…"
	}
	return s
}
