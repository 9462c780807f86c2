package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
)

// check is one target: the measured figure next to what it must be.
type check struct {
	Figure   string `json:"figure"`
	Measured string `json:"measured"`
	Target   string `json:"target"`
	Met      bool   `json:"met"`
	Info     bool   `json:"info,omitempty"` // a figure for context, with no target
	Note     string `json:"note,omitempty"`
}

// results is everything one bench run measured; it is written as JSON.
type results struct {
	Machine      machine         `json:"machine"`
	Options      map[string]any  `json:"options"`
	Ceiling      *ceiling        `json:"raw_ceiling,omitempty"`
	Fanout       *fanoutFigure   `json:"fanout,omitempty"`
	Move         *moveFigure     `json:"move_latency,omitempty"`
	Status       *fanoutFigure   `json:"status_fanout,omitempty"` // into Planned with notify (status_bench.go)
	Board        *boardRead      `json:"board_read,omitempty"`
	BoardDefault *boardRead      `json:"board_read_default_pages,omitempty"`
	Memory       []memoryFigure  `json:"memory,omitempty"`
	Scale        *scaleFigure    `json:"scale,omitempty"`
	Search       *searchFigure   `json:"search,omitempty"`
	Live         *liveFigure     `json:"live,omitempty"`
	Import       []importFigure  `json:"import,omitempty"`
	Webhooks     *webhooksFigure `json:"webhooks,omitempty"`
	Inbound      *inboundFigure  `json:"inbound,omitempty"`
	Checks       []check         `json:"targets"`
	Problems     []string        `json:"problems,omitempty"` // sections that could not be measured
}

func (r *results) check(figure, measured, target string, met bool, note string) {
	r.Checks = append(r.Checks, check{Figure: figure, Measured: measured, Target: target, Met: met, Note: note})
}

func (r *results) info(figure, measured string) {
	r.Checks = append(r.Checks, check{Figure: figure, Measured: measured, Target: "—", Met: true, Info: true})
}

// print writes the targets table; every figure's details were logged as measured.
func (r *results) print(w io.Writer) {
	fmt.Fprintf(w, "\nmachine: %s\n\n", r.Machine)
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "figure\tmeasured\ttarget\tresult")
	fmt.Fprintln(tw, "------\t--------\t------\t------")
	for _, c := range r.Checks {
		res := "met"
		if c.Info {
			res = "(context)"
		} else if !c.Met {
			res = "MISSED"
		}
		if c.Note != "" {
			res += " (" + c.Note + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", c.Figure, c.Measured, c.Target, res)
	}
	tw.Flush()
	for _, p := range r.Problems {
		fmt.Fprintln(w, "NOT MEASURED:", p)
	}
	met, targets := 0, 0
	for _, c := range r.Checks {
		if !c.Info {
			targets++
			if c.Met {
				met++
			}
		}
	}
	fmt.Fprintf(w, "\n%d of %d targets met\n", met, targets)
}

func (r *results) write(path string) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

// machine describes where the figures were measured.
type machine struct {
	CPUs       int    `json:"cpus"`
	CPUModel   string `json:"cpu_model"`
	MemoryMB   int    `json:"memory_mb"`
	Postgres   string `json:"postgres"`
	Go         string `json:"go"`
	LoadBefore string `json:"loadavg_before"`
	LoadAfter  string `json:"loadavg_after"`
}

func (m machine) String() string {
	return fmt.Sprintf("%d CPUs (%s), %d MB RAM, %s, %s; loadavg before %s, after %s",
		m.CPUs, m.CPUModel, m.MemoryMB, m.Postgres, m.Go, m.LoadBefore, m.LoadAfter)
}

// loadavg is /proc/loadavg's 1, 5 and 15 minute figures: the machine is shared, and
// this says how busy it was.
func loadavg() string {
	b, _ := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}
