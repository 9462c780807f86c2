package main

import (
	"context"
	"os"
	"strconv"
	"strings"
)

// cpuUse says where the CPU went during a load: per request in the server, in the
// PostgreSQL backends serving its database, and in this program (the load
// generator), and how busy the whole machine was. On a shared 2-core machine this is
// what tells a slow server from a busy machine.
type cpuUse struct {
	ServerMsPerReq   float64 `json:"server_cpu_ms_per_request"`
	PostgresMsPerReq float64 `json:"postgres_cpu_ms_per_request"`
	ClientMsPerReq   float64 `json:"load_generator_cpu_ms_per_request"`
	MachineBusyPct   float64 `json:"machine_busy_percent"` // of all CPUs
	OthersPct        float64 `json:"others_percent"`       // machine busy minus the three above
}

type cpuSnapshot struct {
	server, postgres, client float64 // seconds
	busy, total              float64 // machine-wide jiffies
	pgPIDs                   []int
}

const clockTicks = 100 // USER_HZ on Linux

// snapCPU reads the CPU seconds used so far by the server, the database's backends
// (the ones in pgPIDs, or found now when nil) and this process.
func (h *harness) snapCPU(ctx context.Context, serverPID int, db string, pgPIDs []int) cpuSnapshot {
	if pgPIDs == nil {
		rows, err := h.admin.Query(ctx, "SELECT pid FROM pg_stat_activity WHERE datname = $1", db)
		if err == nil {
			for rows.Next() {
				var pid int
				if rows.Scan(&pid) == nil {
					pgPIDs = append(pgPIDs, pid)
				}
			}
			rows.Close()
		}
	}
	s := cpuSnapshot{server: procCPU(serverPID), client: procCPU(os.Getpid()), pgPIDs: pgPIDs}
	for _, pid := range pgPIDs {
		s.postgres += procCPU(pid)
	}
	s.busy, s.total = machineJiffies()
	return s
}

// since turns two snapshots around n requests into per-request figures.
func (end cpuSnapshot) since(start cpuSnapshot, n int) cpuUse {
	if n == 0 || end.total == start.total {
		return cpuUse{}
	}
	per := func(a, b float64) float64 { return (b - a) * 1000 / float64(n) }
	u := cpuUse{ServerMsPerReq: per(start.server, end.server), PostgresMsPerReq: per(start.postgres, end.postgres),
		ClientMsPerReq: per(start.client, end.client)}
	total := end.total - start.total
	u.MachineBusyPct = 100 * (end.busy - start.busy) / total
	ours := (end.server - start.server + end.postgres - start.postgres + end.client - start.client) * clockTicks
	u.OthersPct = max(0, u.MachineBusyPct-100*ours/total)
	return u
}

// procCPU is utime+stime of pid in seconds (0 if it is gone).
func procCPU(pid int) float64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseFloat(f[11], 64)
	k, _ := strconv.ParseFloat(f[12], 64)
	return (u + k) / clockTicks
}

// machineJiffies is busy and total time of all CPUs from /proc/stat.
func machineJiffies() (busy, total float64) {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0, 0
	}
	line, _, _ := strings.Cut(string(b), "\n")
	for i, f := range strings.Fields(line)[1:] {
		v, _ := strconv.ParseFloat(f, 64)
		total += v
		if i != 3 && i != 4 { // idle, iowait
			busy += v
		}
	}
	return busy, total
}

// cpuTotal adds up CPU over several measured windows (leaving out what runs between
// them, such as the raw ceiling in this very process).
type cpuTotal struct {
	server, postgres, client, busy, total float64
	n                                     int
}

func (t *cpuTotal) add(start, end cpuSnapshot, n int) {
	t.server += end.server - start.server
	t.postgres += end.postgres - start.postgres
	t.client += end.client - start.client
	t.busy += end.busy - start.busy
	t.total += end.total - start.total
	t.n += n
}

func (t *cpuTotal) use() cpuUse {
	return cpuSnapshot{server: t.server, postgres: t.postgres, client: t.client, busy: t.busy, total: t.total}.since(cpuSnapshot{}, t.n)
}
