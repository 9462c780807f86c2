package main

import (
	"bufio"
	"context"
	"os"
	"runtime"
	"strconv"
	"strings"
)

// describeMachine reads the CPU, memory and PostgreSQL version the figures come from.
func (h *harness) describeMachine(ctx context.Context) machine {
	m := machine{CPUs: runtime.NumCPU(), Go: runtime.Version(), LoadBefore: loadavg()}
	m.CPUModel = procField("/proc/cpuinfo", "model name")
	if kb, err := strconv.Atoi(strings.TrimSuffix(procField("/proc/meminfo", "MemTotal"), " kB")); err == nil {
		m.MemoryMB = kb / 1024
	}
	if err := h.admin.QueryRow(ctx, "SHOW server_version").Scan(&m.Postgres); err == nil {
		m.Postgres = "PostgreSQL " + m.Postgres
	}
	return m
}

// procField is the value of the first "key: value" line of a /proc file.
func procField(path, key string) string {
	f, err := os.Open(path)
	if err != nil {
		return "?"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return "?"
}

// procStatusKB reads a "VmHWM:  1234 kB" style field of /proc/<pid>/status.
func procStatusKB(pid int, field string) (int, error) {
	v := procField("/proc/"+strconv.Itoa(pid)+"/status", field)
	return strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(v, "kB")))
}
