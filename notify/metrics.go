package notify

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

type metrics struct {
	deliveries  *prometheus.CounterVec // by status reached
	sendSeconds prometheus.Histogram
	queueDepth  prometheus.Gauge
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		deliveries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "closeloop_deliveries_total",
			Help: "Deliveries by the status this process moved them to: queued, sent, failed, suppressed, or retry (a temporary failure).",
		}, []string{"status"}),
		sendSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "closeloop_delivery_send_seconds",
			Help:    "Time to hand one message to the mailer (SMTP transaction or .eml write).",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}),
		queueDepth: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "closeloop_delivery_queue_depth",
			Help: "Deliveries queued or being sent, across all processes (sampled every 5 s).",
		}),
	}
	for _, status := range []string{"queued", "sent", "failed", "suppressed", "retry"} {
		m.deliveries.WithLabelValues(status) // present at 0 before the first email
	}
	reg.MustRegister(m.deliveries, m.sendSeconds, m.queueDepth)
	return m
}

// sampleQueueDepth sums the queued deliveries of the send batches (each batch's
// count is refreshed whenever a sender hands it back) every few seconds, rather than
// counting deliveries on every scrape.
func (s *Service) sampleQueueDepth(ctx context.Context) {
	tick := time.NewTicker(5 * time.Second)
	defer tick.Stop()
	for {
		var n int64
		err := s.pool.QueryRow(ctx, `SELECT COALESCE(sum(pending), 0) FROM delivery_batches`).Scan(&n)
		if err == nil {
			s.metrics.queueDepth.Set(float64(n))
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
