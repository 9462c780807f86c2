// Package frontend embeds the built web UI (dist/, made by `make build` / `npm run build`).
package frontend

import (
	"embed"
	"io/fs"
)

//go:embed all:dist
var dist embed.FS

// Dist returns the built UI and whether it was built (dist/index.html exists).
// Without Node the directory holds only a placeholder and the server explains how to build it.
func Dist() (fs.FS, bool) {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		return nil, false
	}
	if _, err := fs.Stat(sub, "index.html"); err != nil {
		return sub, false
	}
	return sub, true
}
