package domain

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// The vocabulary completes typed words from what the installation holds, words with
// digits and addresses included (00640), so exact lexemes find what a prefix found.
func TestSearchCompletesFromTheVocabulary(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	b := e.board(t, "Roadmap")
	oauth := e.card(t, b, 0, "Sign in with Google")
	description := "Needs OAuth2 and PKCE."
	if _, err := e.svc.UpdateCard(ctx, editorActor, oauth.ID, CardPatch{Description: &description}); err != nil {
		t.Fatal(err)
	}
	mail := e.card(t, b, 0, "Forwarding")
	if _, err := e.svc.LinkRequest(ctx, supportActor, mail.ID, LinkRequestInput{Email: "ops@globex.test", Name: "Ops",
		Quote: "Replies should go to helpdesk@initech.test as well."}); err != nil {
		t.Fatal(err)
	}
	// Twenty words that begin with "zeta": more than searchCompletions.
	var many []string
	for i := range 20 {
		many = append(many, fmt.Sprintf("zeta%c%c", 'a'+i, 'a'+i))
	}
	e.card(t, b, 1, "Greek "+strings.Join(many, " "))

	for _, tt := range []struct{ q, want string }{
		{"oaut", "card:Sign in with Google"},   // oauth2, in the description
		{"oauth2", "card:Sign in with Google"}, // a word with a digit, whole
		{"helpde", "card:Forwarding"},          // an address in a quote
		{"zeta", "card:Greek " + strings.Join(many, " ")},
		{"zetajj", "card:Greek " + strings.Join(many, " ")},
	} {
		res, got := searchIDs(t, e, tt.q)
		if !slices.Contains(got, tt.want) {
			t.Errorf("search %q: got %v, want %s (terms %v)", tt.q, got, tt.want, res.Terms)
		}
	}

	vocab, _, err := e.svc.searchVocabulary(ctx, searchTokens("zeta oaut helpdesk@initech 4711 greak"))
	if err != nil {
		t.Fatal(err)
	}
	if v := vocab["zeta"]; v == nil || !v.More || len(v.Completions) != searchCompletions {
		t.Errorf("zeta: %+v, want %d completions and more", v, searchCompletions)
	}
	if v := vocab["oaut"]; v == nil || !slices.Equal(v.Completions, []string{"oauth2"}) {
		t.Errorf("oaut: %+v, want oauth2", v)
	}
	if v := vocab["helpdesk"]; v == nil || !slices.Contains(v.Completions, "helpdesk@initech.test") {
		t.Errorf("helpdesk: %+v, want the address", v)
	}
	if _, ok := vocab["4711"]; ok {
		t.Errorf("4711 was asked about: numbers keep their prefix lexeme")
	}
	if v := vocab["greak"]; v == nil || len(v.Completions) != 0 || !slices.Contains(v.Fixes, "greek") {
		t.Errorf("greak: %+v, want the correction greek", v)
	}
}

// A requester's name and company words reach the vocabulary (00741 reads them from the
// stored requesters.search), so a typed prefix of a person's name completes.
func TestPeoplesWordsCompleteFromTheVocabulary(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	c := e.card(t, e.board(t, "Roadmap"), 0, "Exports")
	if _, err := e.svc.LinkRequest(ctx, supportActor, c.ID, LinkRequestInput{Email: "ada@example.test", Name: "Ada Lovelace",
		Company: "Initrode", Quote: "CSV please."}); err != nil {
		t.Fatal(err)
	}
	vocab, _, err := e.svc.searchVocabulary(ctx, searchTokens("lovela initro"))
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]string{"lovela": "lovelace", "initro": "initrode"} {
		if v := vocab[q]; v == nil || !slices.Contains(v.Completions, want) {
			t.Errorf("%s: %+v, want %s", q, v, want)
		}
	}
}
