package api

import (
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode"

	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/importer"
)

func (s *Server) exportBoardJSON(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	x, err := s.deps.Service.ExportBoard(c.Request().Context(), id)
	if err != nil {
		return err
	}
	attachment(c, fileName(x.Board.Name)+".closeloop.json")
	return c.JSON(http.StatusOK, importer.NewBoardDocument(x, time.Now()))
}

func (s *Server) exportBoardCSV(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	x, err := s.deps.Service.ExportBoard(c.Request().Context(), id)
	if err != nil {
		return err
	}
	attachment(c, fileName(x.Board.Name)+".csv")
	c.Response().Header().Set(echo.HeaderContentType, "text/csv; charset=utf-8")
	c.Response().WriteHeader(http.StatusOK)
	return importer.WriteBoardCSV(c.Response(), x)
}

// exportRequester is the person's data export (GDPR access): everything held about them.
func (s *Server) exportRequester(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	x, err := s.deps.Service.ExportRequester(c.Request().Context(), id)
	if err != nil {
		return err
	}
	attachment(c, "requester-"+fileName(x.Requester.Email)+".json")
	return c.JSON(http.StatusOK, toRequesterExport(x))
}

func attachment(c echo.Context, name string) {
	c.Response().Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, name))
}

// fileName keeps letters, digits, dots, @ and dashes of s for a download's name.
func fileName(s string) string {
	out := strings.Map(func(r rune) rune {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '@' || r == '-'):
			return unicode.ToLower(r)
		case unicode.IsSpace(r) || r == '_':
			return '-'
		}
		return -1
	}, s)
	if out == "" {
		return "export"
	}
	return out
}
