package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"

	"github.com/google/uuid"
)

// boardRead is the board read figure: clients each read the whole board, page after
// page of 200 cards (GET /boards/{id}/cards?limit=200, following next_cursor), again
// and again. A request is one page; reading all 1,000 cards takes five.
type boardRead struct {
	Cards     int `json:"cards"`
	PageLimit int `json:"page_limit"`
	loadResult
}

const boardPage = 200

// seedReadBoard makes the 1,000-card board (cards linked to 1–40 of 20,000 requesters).
func seedReadBoard(ctx context.Context, e *env, group string, cards int) (board, error) {
	if err := seedRequesters(ctx, e.db, group, 20_000); err != nil {
		return board{}, err
	}
	b, err := seedBoard(ctx, e.db, "Roadmap")
	if err != nil {
		return b, err
	}
	if err := seedBoardCards(ctx, e.db, b, 0, cards, group, 20_000); err != nil {
		return b, err
	}
	return b, e.analyze(ctx)
}

// checkBoard walks the board once and checks it answers every card, counted.
func checkBoard(ctx context.Context, api *apiClient, boardID uuid.UUID, want int) error {
	cursor, got := "", 0
	for range want/boardPage + 2 {
		var page struct {
			Items []struct {
				ID             string `json:"id"`
				RequesterCount int    `json:"requester_count"`
			} `json:"items"`
			NextCursor *string `json:"next_cursor"`
		}
		if err := api.call(ctx, "GET", boardPagePath(boardID, cursor, "", boardPage), nil, &page); err != nil {
			return err
		}
		for _, c := range page.Items {
			if c.RequesterCount < 1 {
				return fmt.Errorf("card %s has requester_count %d", c.ID, c.RequesterCount)
			}
		}
		got += len(page.Items)
		if page.NextCursor == nil {
			break
		}
		cursor = *page.NextCursor
	}
	if got != want {
		return fmt.Errorf("the board answered %d cards, want %d", got, want)
	}
	return nil
}

// boardPagePath is a page of the board's cards; limit 0 is the API's default (50).
func boardPagePath(boardID uuid.UUID, cursor, q string, limit int) string {
	v := url.Values{}
	if limit > 0 {
		v.Set("limit", fmt.Sprint(limit))
	}
	if cursor != "" {
		v.Set("cursor", cursor)
	}
	if q != "" {
		v.Set("q", q)
	}
	return "/api/v1/boards/" + boardID.String() + "/cards?" + v.Encode()
}

// measureBoardRead runs the read load against board boardID, pages of limit cards.
func measureBoardRead(ctx context.Context, e *env, boardID uuid.UUID, cards, limit int, o options) boardRead {
	cursors := make([]string, o.Clients)
	bufs := make([]bytes.Buffer, o.Clients)
	r := e.measureLoad(ctx, o, func(ctx context.Context, c int) error {
		status, err := e.api.get(ctx, boardPagePath(boardID, cursors[c], "", limit), &bufs[c])
		if err != nil {
			cursors[c] = ""
			return err
		}
		if status != 200 {
			cursors[c] = ""
			return fmt.Errorf("status %d: %.200s", status, bufs[c].Bytes())
		}
		cursors[c] = nextCursor(bufs[c].Bytes())
		return nil
	})
	return boardRead{Cards: cards, PageLimit: limit, loadResult: r}
}

// nextCursor reads next_cursor from the end of a list answer without decoding the
// whole page: the load generator shares the machine with the server.
func nextCursor(body []byte) string {
	i := bytes.LastIndex(body, []byte(`"next_cursor":`))
	if i < 0 {
		return ""
	}
	rest := bytes.TrimRight(body[i+len(`"next_cursor":`):], "}\n ")
	var s *string
	if json.Unmarshal(rest, &s) != nil || s == nil {
		return ""
	}
	return *s
}
