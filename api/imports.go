package api

import (
	"io"
	"net/http"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
	"github.com/closeloop/closeloop/importer"
)

type progressResponse struct {
	Done  int `json:"done"`
	Total int `json:"total"`
}

type importResponse struct {
	ID         uuid.UUID           `json:"id"`
	Kind       string              `json:"kind"`
	Name       string              `json:"name"`
	Status     string              `json:"status"`
	Progress   progressResponse    `json:"progress"`
	BoardID    *uuid.UUID          `json:"board_id"`
	Counts     domain.ImportCounts `json:"counts"`
	Errors     []string            `json:"errors"`
	Warnings   []string            `json:"warnings"`
	CreatedAt  time.Time           `json:"created_at"`
	UpdatedAt  time.Time           `json:"updated_at"`
	FinishedAt *time.Time          `json:"finished_at"`
}

func toImport(im domain.Import) importResponse {
	return importResponse{ID: im.ID, Kind: im.Kind, Name: im.SourceName, Status: im.Status,
		Progress: progressResponse{Done: im.Done, Total: im.Total}, BoardID: im.BoardID, Counts: im.Counts,
		Errors: im.Errors, Warnings: im.Warnings, CreatedAt: im.CreatedAt.UTC(), UpdatedAt: im.UpdatedAt.UTC(),
		FinishedAt: utcPtr(im.FinishedAt)}
}

type previewColumn struct {
	Name          string `json:"name"`
	Stage         string `json:"stage"`
	Archived      bool   `json:"archived"`
	Cards         int    `json:"cards"`
	ArchivedCards int    `json:"archived_cards"`
}

type previewResponse struct {
	DryRun   bool                `json:"dry_run"`
	Name     string              `json:"name"`
	Columns  []previewColumn     `json:"columns"`
	Counts   domain.ImportCounts `json:"counts"`
	Warnings []string            `json:"warnings"`
}

func (s *Server) importTrello(c echo.Context) error {
	return s.importBoard(c, "not_a_trello_export", func(r io.Reader) (*domain.BoardImport, error) {
		return importer.ParseTrello(r, nil)
	})
}

func (s *Server) importCloseloop(c echo.Context) error {
	return s.importBoard(c, "not_a_closeloop_export", importer.ParseCloseloop)
}

// importBoard parses the uploaded board, then previews it (dry run) or starts the
// import: 202 with the import, whose progress GET /imports/{id} follows.
func (s *Server) importBoard(c echo.Context, code string, parse func(io.Reader) (*domain.BoardImport, error)) error {
	dry, err := dryRun(c)
	if err != nil {
		return err
	}
	body, err := importBody(c, "application/json")
	if err != nil {
		return err
	}
	plan, err := parse(body)
	if err != nil {
		return importError(err, code)
	}
	ctx := c.Request().Context()
	if dry {
		pv, err := s.deps.Service.PreviewImport(ctx, plan)
		if err != nil {
			return err
		}
		out := previewResponse{DryRun: true, Name: pv.Name, Counts: pv.Counts, Warnings: pv.Warnings, Columns: []previewColumn{}}
		for _, col := range pv.Columns {
			out.Columns = append(out.Columns, previewColumn{Name: col.Name, Stage: string(col.Stage), Archived: col.Archived,
				Cards: col.Cards, ArchivedCards: col.ArchivedCards})
		}
		return c.JSON(http.StatusOK, out)
	}
	im, err := s.deps.Service.StartImport(ctx, actorFrom(c), plan)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusAccepted, toImport(im))
}

func (s *Server) getImport(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	im, err := s.deps.Service.GetImport(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toImport(im))
}
