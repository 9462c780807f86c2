package api

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

// trelloExport is a small Trello board export in the file's real shape, with a
// board id of its own each time (the same board imports once).
func (f *fixtures) trelloExport() string {
	return fmt.Sprintf(`{"id":"5f00000000000000000%05d","name":"Roadmap %d","desc":"","closed":false,
"lists":[{"id":"l1","name":"Ideas","closed":false,"pos":1},{"id":"l2","name":"Done 🎉","closed":false,"pos":2}],
"cards":[{"id":"c1","name":"Dark mode","desc":"Please","closed":false,"idList":"l1","pos":1,"idLabels":[],"idChecklists":[]}],
"labels":[],"actions":[],"checklists":[]}`, f.next(), f.n)
}

// newImport records an import of a fresh Trello board (no queue runs it).
func (f *fixtures) newImport() uuid.UUID {
	f.t.Helper()
	b := &domain.BoardImport{Kind: domain.ImportTrello, SourceID: fmt.Sprintf("board-%d", f.next()), Name: "Imported",
		Columns: []domain.ImportColumn{{Name: "Ideas", Stage: domain.StageOpen}}}
	im, err := f.env.svc.StartImport(context.Background(), f.actor, b)
	f.must(err)
	return im.ID
}

// newMergePair makes two cards with a requester each and returns (card, into).
func (f *fixtures) newMergePair() (uuid.UUID, uuid.UUID) {
	a, b := f.newCard(f.board), f.newCard(f.board)
	f.newLink(a.ID)
	f.newLink(b.ID)
	return a.ID, b.ID
}

// newMergedCard makes a card merged into another and returns it.
func (f *fixtures) newMergedCard() uuid.UUID {
	a, b := f.newMergePair()
	_, err := f.env.svc.MergeCard(context.Background(), f.actor, a, b)
	f.must(err)
	return a
}
