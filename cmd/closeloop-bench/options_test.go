package main

import (
	"slices"
	"strings"
	"testing"
)

// Every section bench runs can be asked for by name with -only, and is listed there.
func TestSectionsAreTheSectionsBenchRuns(t *testing.T) {
	var got []string
	for _, s := range benchRuns {
		got = append(got, s.name)
	}
	if !slices.Equal(got, sections) {
		t.Errorf("benchRuns %v, sections %v", got, sections)
	}
	for _, name := range []string{"search", "live"} {
		o, err := parseOptions("bench", []string{"-only", name})
		if err != nil {
			t.Fatalf("-only %s: %v", name, err)
		}
		if !o.want(name) || o.want("fanout") {
			t.Errorf("-only %s: want(%s) %v, want(fanout) %v", name, name, o.want(name), o.want("fanout"))
		}
	}
}

func TestOnlyRejectsUnknownSections(t *testing.T) {
	for _, tt := range []struct{ mode, only string }{{"bench", "serach"}, {"bench", "crash"}, {"faults", "board"}, {"seed", "scale"}} {
		_, err := parseOptions(tt.mode, []string{"-only", tt.only})
		if err == nil || !strings.Contains(err.Error(), tt.only) {
			t.Errorf("%s -only %s: err %v, want one naming %q", tt.mode, tt.only, err, tt.only)
		}
	}
	if _, err := parseOptions("faults", []string{"-only", "crash,replicas"}); err != nil {
		t.Errorf("faults -only crash,replicas: %v", err)
	}
}
