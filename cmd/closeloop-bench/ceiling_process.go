package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"

	"github.com/closeloop/closeloop/notify/smtptest"
)

// ceilingRun is what a "ceiling-send" child reports on stdout.
type ceilingRun struct {
	MailsPerSec float64 `json:"mails_per_second"`
	CPUmsPerMsg float64 `json:"cpu_ms_per_mail"`
}

// measureCeilingProcess runs the raw ceiling in a child process of this program:
// it builds n messages like tmpl, sends them to sink over conns connections and
// says how fast (timing only the sends).
func (h *harness) measureCeilingProcess(ctx context.Context, tmpl shippedEmail, sink *smtptest.Sink, n, conns int) (ceilingRun, error) {
	var run ceilingRun
	b, err := json.Marshal(tmpl)
	if err != nil {
		return run, err
	}
	self, err := os.Executable()
	if err != nil {
		return run, err
	}
	before := sink.Total()
	cmd := exec.CommandContext(ctx, self, "ceiling-send", "-url", sink.URL(), "-n", fmt.Sprint(n), "-conns", fmt.Sprint(conns))
	cmd.Stdin, cmd.Stderr = bytes.NewReader(b), os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return run, fmt.Errorf("raw ceiling process: %w", err)
	}
	if err := json.Unmarshal(out, &run); err != nil {
		return run, fmt.Errorf("raw ceiling process said %q: %w", out, err)
	}
	if got := sink.Total() - before; got != n {
		return run, fmt.Errorf("raw ceiling process: the sink accepted %d of %d", got, n)
	}
	return run, nil
}

// ceilingSend is the child: closeloop-bench ceiling-send -url U -n N -conns C, with
// the shipped email as JSON on standard input.
func ceilingSend(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("closeloop-bench ceiling-send", flag.ContinueOnError)
	url := fs.String("url", "", "SMTP_URL of the sink")
	n := fs.Int("n", 0, "messages")
	conns := fs.Int("conns", 0, "connections")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *url == "" || *n < 1 || *conns < 1 {
		return errors.New("ceiling-send needs -url, -n and -conns, and the shipped email as JSON on standard input")
	}
	var tmpl shippedEmail
	if err := json.NewDecoder(os.Stdin).Decode(&tmpl); err != nil {
		return fmt.Errorf("ceiling-send: the shipped email on standard input: %w", err)
	}
	msgs, err := ceilingMessages(tmpl, *n)
	if err != nil {
		return err
	}
	cpu := procCPU(os.Getpid())
	rate, err := sendCeiling(ctx, *url, msgs, *conns)
	if err != nil {
		return err
	}
	return json.NewEncoder(os.Stdout).Encode(ceilingRun{MailsPerSec: rate, CPUmsPerMsg: (procCPU(os.Getpid()) - cpu) * 1000 / float64(*n)})
}
