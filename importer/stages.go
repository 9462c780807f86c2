package importer

import (
	"strings"
	"unicode"

	"github.com/closeloop/closeloop/domain"
)

// Words in a list's name that give its column a stage. A name is cut into words
// (emoji and punctuation dropped, case ignored) and whole words are compared, so
// "Undone" or "Nextcloud" stay open. Declined is tried first ("Won't do" is not done).
var stageWords = []struct {
	stage domain.Stage
	words []string
}{
	{domain.StageDeclined, []string{"won't", "wont", "declined", "rejected"}},
	{domain.StageDone, []string{"done", "shipped", "released", "complete", "completed"}},
	{domain.StageInProgress, []string{"doing", "in progress", "wip"}},
	{domain.StagePlanned, []string{"planned", "next", "soon"}},
}

// StageOf guesses a column's stage from a list's name; anything else is open.
func StageOf(name string) domain.Stage {
	words := nameWords(name)
	padded := " " + strings.Join(words, " ") + " "
	for _, sw := range stageWords {
		for _, w := range sw.words {
			if strings.Contains(padded, " "+w+" ") {
				return sw.stage
			}
		}
	}
	return domain.StageOpen
}

// nameWords lower-cases name and splits it into words of letters, digits and
// apostrophes (’ counts as ').
func nameWords(name string) []string {
	name = strings.ToLower(strings.ReplaceAll(name, "’", "'"))
	return strings.FieldsFunc(name, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
}
