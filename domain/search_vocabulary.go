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
// index: migrations/00710's search_vocabulary, which holds the trigram threshold. In
// the same statement it asks which typed words are in most people (common: see
// searchPeopleIndexQuery), when there are two words or more to narrow by.
func (s *Service) searchVocabulary(ctx context.Context, tokens []searchToken) (map[string]*searchWord, map[string]bool, error) {
	var words, positive []string
	for i, t := range tokens {
		if !t.Not {
			positive = append(positive, t.Word)
		}
		if !t.Not && searchPrefixed(tokens, i) && vocabularyWord(t.Word) {
			words = append(words, t.Word)
		}
	}
	out, common := map[string]*searchWord{}, map[string]bool{}
	if len(positive) < 2 {
		positive = nil // one word: nothing to narrow the people's index scan by
	}
	if len(words) == 0 && len(positive) == 0 {
		return out, common, nil
	}
	for _, w := range words {
		out[w] = &searchWord{}
	}
	var rows [][3]string // tok, kind, word
	err := s.searchRows(ctx, searchVocabularySQL, []any{words, searchCompletions + 1, positive, searchCommonShare}, func() []any {
		rows = append(rows, [3]string{})
		r := &rows[len(rows)-1]
		return []any{&r[0], &r[1], &r[2]}
	})
	if err != nil {
		return nil, nil, err
	}
	for _, r := range rows {
		if r[1] == "common" {
			common[r[0]] = true
		} else if w := out[r[0]]; w != nil {
			w.add(r[1], r[2])
		}
	}
	return out, common, nil
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
// word of 3 to 32 letters with none, its three nearest words, in the word's order; then
// the words of $3 that at least the share $4 of the people have (ANALYZE's most common
// elements of requesters.search: a guess, which only decides how the candidates are
// found, never which).
const searchVocabularySQL = `SELECT tok, kind, word FROM search_vocabulary($1::text[], $2)
UNION ALL
SELECT u.e, 'common', '' FROM pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS u(e, f)
WHERE cardinality($3::text[]) > 0 AND s.schemaname = current_schema() AND s.tablename = 'requesters' AND s.attname = 'search'
  AND u.e = ANY ($3::text[]) AND u.f >= $4`

// searchQuery builds the tsquery text: per typed word, the word itself, what it stands
// for as the start of a word (see above) and its corrections; words are ANDed, "-word"
// is NOT. Lexemes are letters and digits only, so quoting them is enough. terms are the
// typed words and the corrections (the UI marks them).
func searchQuery(tokens []searchToken, vocab map[string]*searchWord) (string, []string) {
	parts, terms := searchParts(tokens, vocab)
	if len(terms) == 0 {
		return "", []string{} // only exclusions: nothing to find
	}
	return joinSearchParts(parts, nil), terms
}

// searchPart is one typed word's part of the tsquery; alone says it is the typed word
// as one exact lexeme (no completion, correction or prefix besides it).
type searchPart struct {
	text, word string
	not, alone bool
}

func searchParts(tokens []searchToken, vocab map[string]*searchWord) ([]searchPart, []string) {
	var parts []searchPart
	var terms []string
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
			parts = append(parts, searchPart{text: "!" + lex, word: t.Word, not: true})
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
		parts = append(parts, searchPart{text: "(" + strings.Join(alts, " | ") + ")", word: t.Word, alone: len(alts) == 1})
	}
	return parts, terms
}

// joinSearchParts ANDs the parts, but those drop leaves out.
func joinSearchParts(parts []searchPart, drop func(searchPart) bool) string {
	var texts []string
	for _, p := range parts {
		if drop == nil || !drop(p) {
			texts = append(texts, p.text)
		}
	}
	return strings.Join(texts, " & ")
}
