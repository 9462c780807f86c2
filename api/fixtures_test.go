package api

import (
	"context"
	"fmt"
	"testing"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

// fixtures makes objects straight through the domain service, so a test of one route
// never depends on another route working. Names are numbered to stay unique.
type fixtures struct {
	t     *testing.T
	env   *testAPI
	n     int
	actor domain.Actor
	// The base objects read-only calls use.
	board     domain.Board
	card      domain.Card
	requester uuid.UUID
	// caller is the role the authorization matrix is about to call as ("" otherwise).
	caller domain.Role
}

func newFixtures(t *testing.T, env *testAPI) *fixtures {
	f := &fixtures{t: t, env: env, actor: domain.Actor{Name: "fixtures", Role: domain.RoleAdmin}}
	f.board = f.newBoard()
	f.card = f.newCard(f.board)
	f.requester = f.newLink(f.card.ID)
	return f
}

func (f *fixtures) next() int { f.n++; return f.n }

func (f *fixtures) must(err error) {
	f.t.Helper()
	if err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixtures) newBoard() domain.Board {
	f.t.Helper()
	b, err := f.env.svc.CreateBoard(context.Background(), f.actor, domain.NewBoard{Name: fmt.Sprintf("Board %d", f.next())})
	f.must(err)
	return b
}

func (f *fixtures) newCard(b domain.Board) domain.Card {
	f.t.Helper()
	c, err := f.env.svc.CreateCard(context.Background(), f.actor, b.ID, domain.NewCard{
		ColumnID: b.Columns[0].ID, Kind: domain.CardIdea, Title: fmt.Sprintf("Card %d", f.next())})
	f.must(err)
	return c
}

// newLink links a new requester to card and returns the requester's id.
func (f *fixtures) newLink(cardID uuid.UUID) uuid.UUID {
	f.t.Helper()
	res, err := f.env.svc.LinkRequest(context.Background(), f.actor, cardID, domain.LinkRequestInput{
		Email: fmt.Sprintf("person%d@example.com", f.next()), Quote: "Please", Source: "intercom",
		ConversationURL: fmt.Sprintf("https://acme.zendesk.com/agent/tickets/%d", f.n)})
	f.must(err)
	return res.Requester.ID
}

func (f *fixtures) newMember(role domain.Role, password string) domain.Member {
	f.t.Helper()
	m, err := f.env.svc.CreateMember(context.Background(), f.actor, domain.MemberInput{
		Email: fmt.Sprintf("member%d@example.com", f.next()), Name: "Member", Role: role, Password: password})
	f.must(err)
	return m
}

func (f *fixtures) newToken() uuid.UUID {
	f.t.Helper()
	tok, _, err := f.env.svc.CreateToken(context.Background(), f.actor, fmt.Sprintf("token %d", f.next()), domain.RoleViewer)
	f.must(err)
	return tok.ID
}

// newComment writes a comment on the base card as the API token of role (the
// fixtures' admin actor when role is ""), so that caller is its author.
func (f *fixtures) newComment(role domain.Role) uuid.UUID {
	f.t.Helper()
	actor := f.actor
	if role != "" {
		var err error
		actor, err = f.env.svc.TokenActor(context.Background(), f.env.tokens[role])
		f.must(err)
	}
	m, err := f.env.svc.AddComment(context.Background(), actor, f.card.ID, fmt.Sprintf("Note %d", f.next()))
	f.must(err)
	return m.ID
}

// newArchivedCard is a new card of the base board, archived.
func (f *fixtures) newArchivedCard() uuid.UUID {
	f.t.Helper()
	c := f.newCard(f.board)
	f.must(f.env.svc.ArchiveCard(context.Background(), f.actor, c.ID, nil))
	return c.ID
}

// newLabelledCard is a new card of b carrying labels.
func (f *fixtures) newLabelledCard(b domain.Board, labels ...string) domain.Card {
	f.t.Helper()
	c, err := f.env.svc.CreateCard(context.Background(), f.actor, b.ID, domain.NewCard{
		ColumnID: b.Columns[0].ID, Kind: domain.CardIdea, Title: fmt.Sprintf("Card %d", f.next()), Labels: labels})
	f.must(err)
	return c
}
