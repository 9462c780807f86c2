package domain

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The vocabulary (search_words, migrations 00530 and 00640) holds every word of the
// installation's cards, quotes, names and companies that starts with a letter (3 to 64
// characters). A search asks it, in one statement, what each typed word can stand for:
//   - its completions (the typed word itself if it is a word, and the words it begins):
//     they go into the tsquery as exact lexemes. A prefix lexeme ('team':*) would be a
//     GIN partial match, which gathers every row of every matching word into a bitmap
//     before anything else happens (139 ms for "company 4711" at 1M people, where
//     'company' & '4711' takes 2 ms: exact entries let GIN skip through the common
//     word's list guided by the rare one);
//   - its corrections, for a word of 3 to 32 letters that neither is nor begins a word
//     of the vocabulary.
//
// A typed word keeps its prefix lexeme only when the vocabulary cannot speak for it (it
// starts with a digit, or is longer than 64) or when it begins more than searchCompletions
// words. A word that begins none gets none: a prefix lexeme there would match nothing
// more (the vocabulary holds every word it could reach, but those longer than 64) and
// its row estimate is a guess that made the planner read all 100,000 cards in order to
// find none ("hoper": 130 ms instead of 3).

// searchCompletions is how many completions of a typed word are spelt out.
const searchCompletions = 16

// searchWord is what the vocabulary says about one typed word.
type searchWord struct {
	Completions []string // exact words it is or begins, at most searchCompletions
	More        bool     // it begins more words than that: use a prefix lexeme
	Fixes       []string // nearest words by trigram similarity, when it has no completions
}

// vocabularyWord: a typed word the vocabulary can complete (it starts with a letter; the
// tokens are letters and digits).
func vocabularyWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLetter(r) && utf8.RuneCountInString(w) <= 64
}

// searchPrefixed says whether token i is also matched as the start of a word: words of three
// letters or more, and the last one, being typed.
func searchPrefixed(tokens []searchToken, i int) bool {
	return utf8.RuneCountInString(tokens[i].Word) >= 3 || i == len(tokens)-1
}

// searchVocabulary asks the vocabulary about every typed word it can speak for; the
// others are absent from the answer. Completions are read in word order from the
// primary key (COLLATE "C": a prefix is a key range), corrections from the trigram
// index: migrations/00710's search_vocabulary, which holds the trigram threshold.
func (s *Service) searchVocabulary(ctx context.Context, tokens []searchToken) (map[string]*searchWord, error) {
	var words []string
	for i, t := range tokens {
		if !t.Not && searchPrefixed(tokens, i) && vocabularyWord(t.Word) {
			words = append(words, t.Word)
		}
	}
	out := map[string]*searchWord{}
	if len(words) == 0 {
		return out, nil
	}
	for _, w := range words {
		out[w] = &searchWord{}
	}
	var rows [][3]string // tok, kind, word
	err := s.searchRows(ctx, searchVocabularySQL, []any{words, searchCompletions + 1}, func() []any {
		rows = append(rows, [3]string{})
		r := &rows[len(rows)-1]
		return []any{&r[0], &r[1], &r[2]}
	})
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		out[r[0]].add(r[1], r[2])
	}
	return out, nil
}

// add is one row of the vocabulary's answer.
func (sw *searchWord) add(kind, word string) {
	switch {
	case kind == "fix":
		sw.Fixes = append(sw.Fixes, word)
	case len(sw.Completions) == searchCompletions:
		sw.More = true
	default:
		sw.Completions = append(sw.Completions, word)
	}
}

// searchVocabularySQL: per typed word, up to searchCompletions+1 completions and, for a
// word of 3 to 32 letters with none, its three nearest words, in the word's order.
const searchVocabularySQL = `SELECT tok, kind, word FROM search_vocabulary($1::text[], $2)`

// searchQuery builds the tsquery text: per typed word, the word itself, what it stands
// for as the start of a word (see above) and its corrections; words are ANDed, "-word"
// is NOT. Lexemes are letters and digits only, so quoting them is enough. terms are the
// typed words and the corrections (the UI marks them).
func searchQuery(tokens []searchToken, vocab map[string]*searchWord) (string, []string) {
	var parts, terms []string
	seen := map[string]bool{}
	term := func(w string) {
		if !seen[w] {
			seen[w] = true
			terms = append(terms, w)
		}
	}
	for i, t := range tokens {
		lex := "'" + t.Word + "'"
		if t.Not {
			parts = append(parts, "!"+lex)
			continue
		}
		term(t.Word)
		alts := []string{lex}
		add := func(w string) {
			if w != t.Word {
				alts = append(alts, "'"+w+"'")
			}
		}
		v := vocab[t.Word]
		if searchPrefixed(tokens, i) {
			if v == nil || v.More {
				alts = append(alts, lex+":*")
			} else {
				for _, w := range v.Completions {
					add(w)
				}
			}
		}
		if v != nil {
			for _, f := range v.Fixes {
				add(f)
				term(f)
			}
		}
		parts = append(parts, "("+strings.Join(alts, " | ")+")")
	}
	if len(terms) == 0 {
		return "", []string{} // only exclusions: nothing to find
	}
	return strings.Join(parts, " & "), terms
}
