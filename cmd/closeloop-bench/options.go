package main

import (
	"flag"
	"fmt"
	"slices"
	"strings"
	"time"
)

// options are the command-line flags; the defaults are the sizes the targets name.
type options struct {
	PGURL      string // a maintenance database on the PostgreSQL to use; bench databases are created beside it
	Bin        string // a prebuilt closeloop binary; empty builds ./cmd/closeloop
	JSON       string
	Only       map[string]bool // sections to run; empty runs all
	Keep       bool            // keep the databases and temp dir for inspection
	Verbose    bool            // server logs to stderr instead of a file
	N          int             // requesters of the fan-out card
	Clients    int
	Duration   time.Duration
	Moves1     int // shipping moves measured at N = 1
	MovesN     int // shipping moves measured at N = N
	MemSizes   []int
	ScaleReq   int
	ScaleCards int
	Pprof      string   // directory for CPU profiles of the server during fan-out and board read
	PGLog      bool     // log every statement of the bench databases, with its duration, to the PostgreSQL log
	Trace      bool     // log how many emails the sink had accepted every 100 ms of each fan-out
	SMTPParams string   // appended to the sink's SMTP_URL of the shipping servers, e.g. "&pool=8"
	ServerEnv  []string // extra KEY=value for every server, e.g. GOGC=100

	Mailpit string // mailcheck: the Mailpit binary

	Short bool // faults: the CI version (fewer requesters, one kill)
	Kills int
}

// sections of bench: fanout is the raw ceiling, the fan-out and the move latency
// (measured together, on one server and one sink); status the status-change fan-out
// (status_bench.go); search and live are issue 13's (the search across boards on the
// scale database, the event streams of two replicas); ui drives Chromium (ui.go). The
// order is runBench's.
var sections = []string{"fanout", "status", "board", "memory", "scale", "search", "live", "import", "webhooks", "inbound", "ui"}

// faultNames are the scenarios of faults, in the order they run.
var faultNames = []string{"crash", "smtp4xx", "smtp5xx", "postgres", "replicas"}

func parseOptions(mode string, args []string) (options, error) {
	o := options{}
	fs := flag.NewFlagSet("closeloop-bench "+mode, flag.ContinueOnError)
	fs.StringVar(&o.PGURL, "pg", "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable", "PostgreSQL maintenance database URL")
	fs.StringVar(&o.Bin, "bin", "", "prebuilt closeloop binary (default: go build ./cmd/closeloop into a temp dir)")
	fs.StringVar(&o.JSON, "json", mode+"-results.json", "where the figures are written")
	only := fs.String("only", "", "comma-separated sections to run: bench "+strings.Join(sections, ",")+"; faults "+strings.Join(faultNames, ","))
	fs.BoolVar(&o.Keep, "keep", false, "keep the databases and the temp dir")
	fs.BoolVar(&o.Verbose, "v", false, "server logs to stderr")
	fs.IntVar(&o.N, "n", 17385, "requesters of the fan-out card")
	fs.IntVar(&o.Clients, "clients", 50, "concurrent clients of the read load")
	fs.DurationVar(&o.Duration, "duration", 10*time.Second, "how long each read load runs")
	fs.IntVar(&o.Moves1, "moves1", 200, "shipping moves timed at N = 1")
	fs.IntVar(&o.MovesN, "movesn", 20, "shipping moves timed at N = -n")
	mem := fs.String("mem", "1000,17385,100000", "fan-out sizes whose server peak RSS is measured")
	fs.IntVar(&o.ScaleReq, "scale-requesters", 1_000_000, "requesters in the scale database")
	fs.IntVar(&o.ScaleCards, "scale-cards", 100_000, "cards in the scale database (boards of 1,000)")
	fs.StringVar(&o.Pprof, "pprof", "", "directory for server CPU profiles (sets CLOSELOOP_PPROF_ADDR on the server)")
	fs.BoolVar(&o.PGLog, "pg-log-statements", false, "log every statement of the bench databases, with its duration, to the PostgreSQL server log (profiling)")
	fs.BoolVar(&o.Trace, "trace", false, "log the sink's accepted count every 100 ms of each fan-out (where time goes)")
	fs.StringVar(&o.SMTPParams, "smtp-params", "", "appended to SMTP_URL of the shipping servers, e.g. '&pool=8' (the notifier's default is 4 connections)")
	serverEnv := fs.String("server-env", "", "space-separated KEY=value added to every server's environment, e.g. 'GOGC=100'")
	fs.StringVar(&o.Mailpit, "mailpit", defaultMailpit(), "mailcheck: the Mailpit binary (go install github.com/axllent/mailpit@v1.27.11)")
	fs.BoolVar(&o.Short, "short", false, "faults: the shortened CI run")
	fs.IntVar(&o.Kills, "kills", 3, "faults: kill -9 count during the crash fan-out")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	o.ServerEnv = strings.Fields(*serverEnv)
	o.Only = map[string]bool{}
	known := map[string][]string{"bench": sections, "faults": faultNames}[mode]
	for _, s := range strings.Split(*only, ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		// A misspelt section would otherwise run nothing and print an empty table.
		if !slices.Contains(known, s) {
			return o, fmt.Errorf("-only: %q is not a section of %s (%s)", s, mode, strings.Join(known, ", "))
		}
		o.Only[s] = true
	}
	for _, s := range strings.Split(*mem, ",") {
		var n int
		if _, err := fmt.Sscan(strings.TrimSpace(s), &n); err != nil || n < 1 {
			return o, fmt.Errorf("-mem: %q is not a positive number", s)
		}
		o.MemSizes = append(o.MemSizes, n)
	}
	if o.N < 1 || o.Clients < 1 || o.Duration <= 0 || o.Moves1 < 1 || o.MovesN < 1 || o.ScaleCards < 1000 {
		return o, fmt.Errorf("-n, -clients, -duration, -moves1, -movesn must be positive and -scale-cards at least 1000")
	}
	return o, nil
}

// want says whether a section runs.
func (o options) want(section string) bool { return len(o.Only) == 0 || o.Only[section] }
