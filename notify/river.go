package notify

import (
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
)

const (
	riverQueue = "closeloop_notify"
	// A fan-out only fails while the database is unreachable; with retries capped at
	// a minute apart, 5,000 attempts outlast a three-day outage.
	riverMaxAttempts = 5000
	// A fan-out job runs about fanoutSlice; if its process dies, River's rescuer hands
	// it to another after riverRescueAfter (the rescuer itself runs every 30 s on the
	// leader), so a crash delays the remaining fan-out by well under a minute,
	// instead of River's default hour.
	riverJobTimeout  = 10 * time.Second
	riverRescueAfter = 15 * time.Second
)

func (s *Service) riverConfig() *river.Config {
	workers := river.NewWorkers()
	river.AddWorker(workers, &fanoutWorker{s: s})
	river.AddWorker(workers, &wantWorker{s: s})
	river.AddWorker(workers, &memberLinkWorker{s: s})
	queues := map[string]river.QueueConfig{riverQueue: {MaxWorkers: 2}}
	for _, j := range s.cfg.Jobs {
		j.AddWorkers(workers)
		for name, q := range j.Queues() {
			queues[name] = q
		}
	}
	return &river.Config{
		Logger:               s.log,
		Queues:               queues,
		Workers:              workers,
		JobTimeout:           riverJobTimeout,
		RescueStuckJobsAfter: riverRescueAfter,
		RetryPolicy:          cappedRetry{},
		FetchCooldown:        20 * time.Millisecond,
		FetchPollInterval:    time.Second,
	}
}

// Jobs is another package's River work: its workers and the queues they use.
type Jobs interface {
	AddWorkers(*river.Workers)
	Queues() map[string]river.QueueConfig
}

// cappedRetry backs off exponentially from one second to at most a minute, with
// jitter so replicas do not retry in step.
type cappedRetry struct{}

func (cappedRetry) NextRetry(job *rivertype.JobRow) time.Time {
	return time.Now().Add(backoff(job.Attempt, time.Second, time.Minute))
}
