package webhooks

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

type metrics struct {
	deliveries *prometheus.CounterVec // attempts by outcome
	pending    prometheus.Gauge
	retrying   prometheus.Gauge
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		deliveries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "closeloop_webhook_deliveries_total",
			Help: "Outbound webhook attempts of this process by what they led to: succeeded, failed (for good) or retry.",
		}, []string{"status"}),
		pending: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "closeloop_webhook_pending",
			Help: "Outbound webhook deliveries not yet succeeded or failed, across all processes (sampled every 5 s).",
		}),
		retrying: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "closeloop_webhook_retry_queue_depth",
			Help: "Pending outbound webhook deliveries that failed at least once and wait for a retry (sampled every 5 s).",
		}),
	}
	for _, s := range []string{"succeeded", "failed", "retry"} {
		m.deliveries.WithLabelValues(s)
	}
	reg.MustRegister(m.deliveries, m.pending, m.retrying)
	return m
}

// sampleDepth counts the pending deliveries (a partial index holds just those).
func (o *Outbox) sampleDepth(ctx context.Context) {
	tick := time.NewTicker(5 * time.Second)
	defer tick.Stop()
	for {
		var all, retrying int64
		err := o.db.QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE attempts > round_start)
			FROM webhook_deliveries WHERE status = 'pending'`).Scan(&all, &retrying)
		if err == nil {
			o.metrics.pending.Set(float64(all))
			o.metrics.retrying.Set(float64(retrying))
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
