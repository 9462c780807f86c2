package importer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/closeloop/closeloop/domain"
)

// mapLabels names every board label: its name, else its colour's name ("red",
// "dark blue" for blue_dark). A label with neither cannot be shown and is skipped.
func (m *trelloMapper) mapLabels() {
	all := slices.Clone(m.tb.Labels)
	for _, c := range m.tb.Cards { // older exports carry labels only on the cards
		all = append(all, c.Labels...)
	}
	for _, l := range all {
		if _, done := m.labels[l.ID]; done {
			continue
		}
		color := ""
		if l.Color != nil {
			color = *l.Color
		}
		name, _ := oneLine(l.Name, 50)
		if name == "" {
			name = colorName(color)
		}
		m.labels[l.ID] = name
		if name == "" {
			m.out.Skipped++
			m.notes["labels with neither a name nor a colour were skipped"]++
			continue
		}
		if _, has := m.out.LabelColors[name]; !has && color != "" {
			m.out.LabelColors[name] = color
		}
	}
}

// colorName is how Trello shows a colour in words.
func colorName(c string) string {
	base, shade, _ := strings.Cut(c, "_")
	if shade == "" {
		return base
	}
	return shade + " " + base
}

// Closeloop's limits on a comment (domain/comments.go).
const (
	maxCommentBody   = 10000
	maxCommentAuthor = 100
)

// commentsByCard groups the commentCard actions by card, oldest first; a comment on
// a card the file does not have is skipped.
func (m *trelloMapper) commentsByCard() map[string][]domain.ImportComment {
	cards := map[string]bool{}
	for _, c := range m.tb.Cards {
		cards[c.ID] = true
	}
	out := map[string][]domain.ImportComment{}
	for _, a := range m.tb.Comments {
		if !cards[a.Data.Card.ID] || strings.TrimSpace(a.Data.Text) == "" {
			m.out.Skipped++
			m.notes["comments on cards the export does not have were skipped"]++
			continue
		}
		author, _ := oneLine(a.MemberCreator.FullName, maxCommentAuthor)
		if author == "" {
			author, _ = oneLine(a.MemberCreator.Username, maxCommentAuthor)
		}
		if author == "" {
			author = "A Trello member"
		}
		body, cut := multiLine(a.Data.Text, maxCommentBody)
		if cut {
			m.notes["comments were cut at 10,000 characters"]++
		}
		out[a.Data.Card.ID] = append(out[a.Data.Card.ID], domain.ImportComment{Author: author, Body: body, At: trelloTime(a.Date)})
	}
	for id := range out {
		slices.SortStableFunc(out[id], func(a, b domain.ImportComment) int { return a.At.Compare(b.At) })
	}
	return out
}

// checklistsByCard groups checklists by card in their order on the card.
func (m *trelloMapper) checklistsByCard() map[string][]trelloChecklist {
	out := map[string][]trelloChecklist{}
	for _, cl := range m.tb.Checklists {
		out[cl.IDCard] = append(out[cl.IDCard], cl)
	}
	for id := range out {
		slices.SortStableFunc(out[id], func(a, b trelloChecklist) int { return cmpPos(a.Pos, b.Pos, a.ID, b.ID) })
	}
	return out
}

// mapCard makes one card. A title too long for Closeloop (200 characters) is cut,
// and the whole name opens the description.
func (m *trelloMapper) mapCard(c trelloCard, listClosed bool, comments []domain.ImportComment, checklists []trelloChecklist) domain.ImportCard {
	title, titleCut := oneLine(c.Name, 200)
	if title == "" {
		title = "Untitled card"
	}
	var desc strings.Builder
	if titleCut {
		m.notes["card names longer than 200 characters were cut (the whole name opens the description)"]++
		desc.WriteString(strings.TrimSpace(c.Name) + "\n\n")
	}
	desc.WriteString(c.Desc)
	for _, cl := range checklists {
		writeChecklist(&desc, cl)
	}
	var convs []domain.ImportConversation
	var files []trelloAttachment
	for _, a := range c.Attachments {
		if tool, _, err := domain.ParseConversationURL(a.URL); err == nil && !a.IsUpload && tool != domain.ToolOther {
			convs = append(convs, domain.ImportConversation{URL: strings.TrimSpace(a.URL), Excerpt: a.Name})
			continue
		}
		files = append(files, a)
	}
	writeAttachments(&desc, files)
	description, cut := multiLine(strings.TrimSpace(desc.String()), 20000)
	if cut {
		m.notes["descriptions (with checklists) were cut at 20,000 characters"]++
	}
	if missing := c.Badges.Comments - len(comments); missing > 0 {
		m.missing += missing
	}
	card := domain.ImportCard{Kind: domain.CardIdea, Title: title, Description: description, Archived: c.Closed || listClosed,
		CreatedAt: idTime(c.ID), UpdatedAt: trelloTime(c.DateLastActivity), Comments: comments, Conversations: convs}
	for _, id := range c.IDLabels {
		if name := m.labels[id]; name != "" && !slices.Contains(card.Labels, name) {
			card.Labels = append(card.Labels, name)
		}
	}
	if len(card.Labels) > 20 {
		card.Labels = card.Labels[:20]
		m.notes["cards had more than 20 labels; the first 20 were kept"]++
	}
	return card
}

// writeChecklist appends a checklist as a Markdown task list.
func writeChecklist(b *strings.Builder, cl trelloChecklist) {
	items := slices.Clone(cl.CheckItems)
	slices.SortStableFunc(items, func(x, y trelloCheckItem) int { return cmpPos(x.Pos, y.Pos, "", "") })
	name, _ := oneLine(cl.Name, 200)
	fmt.Fprintf(b, "\n\n**%s**", name)
	for _, it := range items {
		box := " "
		if it.State == "complete" {
			box = "x"
		}
		text, _ := oneLine(it.Name, 1000)
		fmt.Fprintf(b, "\n- [%s] %s", box, text)
	}
}

// writeAttachments lists a card's files and links, which stay on Trello.
func writeAttachments(b *strings.Builder, files []trelloAttachment) {
	if len(files) == 0 {
		return
	}
	b.WriteString("\n\n**Attachments**")
	for _, a := range files {
		name, _ := oneLine(a.Name, 200)
		if name == "" {
			name = a.URL
		}
		fmt.Fprintf(b, "\n- [%s](%s)", name, strings.TrimSpace(a.URL))
	}
}
