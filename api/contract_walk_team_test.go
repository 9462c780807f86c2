package api

import (
	"github.com/closeloop/closeloop/domain"
)

// walkTeamWork is the contract walk's part for issue 13's team work on cards:
// comments (written, listed, edited, deleted).
func walkTeamWork(w walker) {
	const support, viewer = domain.RoleSupport, domain.RoleViewer
	f := &fixtures{t: w.t, env: w.env, actor: domain.Actor{Name: "walk", Role: domain.RoleAdmin}}
	f.board = f.newBoard()
	card := "/api/v1/cards/" + f.newCard(f.board).ID.String()

	cm := decode[commentResponse](w.t, w.do(support, 201, "POST", card+"/comments", map[string]string{"body": "Asked again on a call"}))
	w.do(viewer, 200, "GET", card+"/comments", nil)
	w.do(viewer, 200, "GET", "/api/v1/teammates", nil)
	w.do(support, 200, "PATCH", "/api/v1/comments/"+cm.ID.String(), map[string]string{"body": "Asked twice"})
	w.do(support, 422, "POST", card+"/comments", map[string]string{"body": "  "})
	w.do(support, 204, "DELETE", "/api/v1/comments/"+cm.ID.String(), nil)
}

// walkArchive: a card is archived, listed in the archive, restored, archived again and
// deleted for good.
func walkArchive(w walker) {
	const editor, viewer = domain.RoleEditor, domain.RoleViewer
	f := &fixtures{t: w.t, env: w.env, actor: domain.Actor{Name: "walk", Role: domain.RoleAdmin}}
	f.board = f.newBoard()
	card := "/api/v1/cards/" + f.newCard(f.board).ID.String()
	w.do(editor, 200, "POST", card+"/archive", nil)
	w.do(viewer, 200, "GET", "/api/v1/boards/"+f.board.ID.String()+"/cards?archived=true", nil)
	w.do(editor, 200, "POST", card+"/restore", nil)
	w.do(editor, 409, "DELETE", card+"?permanent=true", nil)
	w.do(editor, 204, "DELETE", card, nil)
	w.do(editor, 204, "DELETE", card+"?permanent=true", nil)
	w.do(viewer, 404, "GET", card, nil)
}

// walkLabels: a board's labels are listed, recoloured and renamed, and cards filtered by two.
func walkLabels(w walker) {
	const editor, viewer = domain.RoleEditor, domain.RoleViewer
	f := &fixtures{t: w.t, env: w.env, actor: domain.Actor{Name: "walk", Role: domain.RoleAdmin}}
	f.board = f.newBoard()
	f.newLabelledCard(f.board, "ux", "mobile")
	board := "/api/v1/boards/" + f.board.ID.String()
	w.do(editor, 200, "PATCH", board+"/labels/ux", map[string]string{"color": "green"})
	w.do(editor, 200, "PATCH", board+"/labels/mobile", map[string]string{"name": "phones"})
	w.do(editor, 422, "PATCH", board+"/labels/ux", map[string]string{"color": "mauve"})
	w.do(editor, 404, "PATCH", board+"/labels/nothing", map[string]string{"color": "red"})
	w.do(viewer, 200, "GET", board+"/labels", nil)
	w.do(viewer, 200, "GET", board+"/cards?label=ux,phones", nil)
}
