package domain

import (
	"context"
	"testing"
)

func TestNormalLabelColor(t *testing.T) {
	for in, want := range map[string]string{"green": "green", "green_dark": "green", "sky_light": "sky", "": "grey", "null": "grey", "Gray": "grey", "mauve": "grey"} {
		if got := NormalLabelColor(in); got != want {
			t.Errorf("NormalLabelColor(%q) = %q, want %q", in, got, want)
		}
	}
}

// An import's label colours (Trello's, dark variants too) are the new board's.
func TestImportStoresLabelColors(t *testing.T) {
	e := newTestEnv(t, nil)
	ctx := context.Background()
	b := &BoardImport{Kind: ImportTrello, SourceID: "5e11000000000000000000ab", Name: "Colours",
		LabelColors: map[string]string{"ux": "green_dark", "bug": "red"},
		Columns: []ImportColumn{{Name: "Ideas", Stage: StageOpen, Cards: []ImportCard{
			{Kind: CardIdea, Title: "One", Labels: []string{"ux", "bug", "plain"}}}}}}
	im, err := e.svc.StartImport(ctx, editorActor, b)
	if err != nil {
		t.Fatal(err)
	}
	done, err := e.svc.RunImport(ctx, im.ID, nil)
	if err != nil || done.BoardID == nil {
		t.Fatalf("import: %+v %v", done, err)
	}
	labels, err := e.svc.BoardLabels(ctx, *done.BoardID)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, l := range labels {
		got[l.Name] = l.Color
	}
	want := map[string]string{"ux": "green", "bug": "red", "plain": "grey"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("colour of %s = %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
}
