package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/closeloop/closeloop/domain"
	"github.com/closeloop/closeloop/importer"
)

// importTrello is `closeloop import trello FILE [--dry-run]`: the same import as
// POST /imports/trello, run in this process (no upload limit; the file is read as a
// stream), with a progress bar on a terminal and plain lines otherwise.
func importTrello(ctx context.Context, cfg config, log *slog.Logger, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("import trello", flag.ContinueOnError)
	dry := fs.Bool("dry-run", false, "show the columns, stages and counts it would create; write nothing")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("usage: closeloop import trello [--dry-run] FILE  (the board's Trello export, Export as JSON)")
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	size := int64(0)
	if st, err := f.Stat(); err == nil {
		size = st.Size()
	}
	bar := newProgress(stdout)
	plan, err := importer.ParseTrello(f, func(n int64) { bar.show("reading", n, size, "bytes") })
	bar.done()
	if err != nil {
		return fmt.Errorf("%s: %w", fs.Arg(0), err)
	}
	db, err := openDatabase(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.Close()
	svc := domain.NewService(domain.NewDB(db.Gorm), nil) // nothing imported emails anyone
	if *dry {
		pv, err := svc.PreviewImport(ctx, plan)
		if err != nil {
			return err
		}
		printPreview(stdout, pv)
		return nil
	}
	im, err := svc.StartImport(ctx, cliActor, plan)
	if err != nil {
		return err
	}
	im, err = svc.RunImport(ctx, im.ID, func(done, total int) { bar.show("writing", int64(done), int64(total), "rows") })
	bar.done()
	if err != nil {
		return err
	}
	if im.Status != domain.ImportDone {
		return fmt.Errorf("the import failed: %v", im.Errors)
	}
	c := im.Counts
	fmt.Fprintf(stdout, "imported %q as board %s: %d columns, %d cards (%d archived), %d labels, %d comments, %d skipped\n",
		im.SourceName, im.BoardID, c.Columns, c.Cards+c.ArchivedCards, c.ArchivedCards, c.Labels, c.Comments, c.Skipped)
	fmt.Fprintf(stdout, "open it at %s/boards/%s\n", cfg.BaseURL, im.BoardID)
	for _, w := range im.Warnings {
		fmt.Fprintln(stdout, "note:", w)
	}
	return nil
}

func printPreview(w io.Writer, pv domain.ImportPreview) {
	fmt.Fprintf(w, "dry run: %q would become a board with these columns (nothing was written):\n", pv.Name)
	for _, c := range pv.Columns {
		archived := ""
		if c.Archived {
			archived = " (archived list: its cards are archived)"
		}
		fmt.Fprintf(w, "  %-30s %-12s %5d cards, %d archived%s\n", c.Name, c.Stage, c.Cards, c.ArchivedCards, archived)
	}
	k := pv.Counts
	fmt.Fprintf(w, "%d labels, %d comments, %d skipped\n", k.Labels, k.Comments, k.Skipped)
	for _, note := range pv.Warnings {
		fmt.Fprintln(w, "note:", note)
	}
}
