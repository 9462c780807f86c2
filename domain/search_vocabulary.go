package domain

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The vocabulary (search_words, migrations/00530_search.sql) holds every word of 3 to 32
// letters of the installation's cards, quotes, names and companies. A search asks it, in
// one statement, what each typed word can stand for:
//   - its completions (the typed word itself if it is a word, and the words it begins):
//     they go into the tsquery as exact lexemes. A prefix lexeme ('team':*) would be a
//     GIN partial match, which gathers every row of every matching word into a bitmap
//     before anything else happens (139 ms for "company 4711" at 1M people, where
//     'company' & '4711' takes 2 ms: exact entries let GIN skip through the common
//     word's list guided by the rare one);
//   - its corrections, for a word that neither is nor begins a word of the vocabulary.
//
// A word the vocabulary cannot speak for (digits in it, too long) or one that begins more
// than searchCompletions words keeps its prefix lexeme.

// searchCompletions is how many completions of a typed word are spelt out.
const searchCompletions = 16

// searchWord is what the vocabulary says about one typed word.
type searchWord struct {
	Completions []string // exact words it is or begins, at most searchCompletions
	More        bool     // it begins more words than that: use a prefix lexeme
	Fixes       []string // nearest words by trigram similarity, when it has no completions
}

// vocabularyWord: a typed word the vocabulary can complete (letters only, at most 32).
func vocabularyWord(w string) bool {
	if n := utf8.RuneCountInString(w); n < 1 || n > 32 {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// fuzzyCandidate: a word that is worth correcting (letters only, at least 3 of them).
func fuzzyCandidate(w string) bool {
	return utf8.RuneCountInString(w) >= 3 && vocabularyWord(w)
}

// searchPrefixed says whether token i is also matched as the start of a word: words of three
// letters or more, and the last one, being typed.
func searchPrefixed(tokens []searchToken, i int) bool {
	return utf8.RuneCountInString(tokens[i].Word) >= 3 || i == len(tokens)-1
}

// searchVocabulary asks the vocabulary about every typed word it can speak for; the
// others are absent from the answer. Completions are read in word order from the
// primary key (COLLATE "C": a prefix is a key range), corrections from the trigram index.
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
	db := s.db.conn(ctx) // pg_trgm.similarity_threshold is searchSettingsSQL's
	var rows []struct {
		Tok, Kind, Word string
	}
	if err := db.Raw(searchVocabularySQL, Labels(words), searchCompletions+1).Scan(&rows).Error; err != nil {
		return nil, err
	}
	for _, w := range words {
		out[w] = &searchWord{}
	}
	for _, r := range rows {
		sw := out[r.Tok]
		switch {
		case r.Kind == "fix":
			sw.Fixes = append(sw.Fixes, r.Word)
		case len(sw.Completions) == searchCompletions:
			sw.More = true
		default:
			sw.Completions = append(sw.Completions, r.Word)
		}
	}
	return out, nil
}

// searchVocabularySQL: per typed word, up to $2 completions (word >= tok AND word < tok
// followed by the last code point is the key range of the words tok begins), then, for a
// word of 3 letters or more with none, its three nearest words.
const searchVocabularySQL = `
WITH t AS (SELECT tok FROM unnest(?::text[]) AS t(tok)),
c AS (
    SELECT t.tok, w.word FROM t CROSS JOIN LATERAL (
        SELECT word FROM search_words WHERE word >= t.tok AND word < t.tok || chr(1114111) ORDER BY word LIMIT ?
    ) w
)
SELECT tok, 'completion' AS kind, word, 0 AS sim FROM c
UNION ALL
SELECT t.tok, 'fix', f.word, f.sim FROM t CROSS JOIN LATERAL (
    SELECT word, similarity(word, t.tok) AS sim FROM search_words
    WHERE length(t.tok) >= 3 AND NOT EXISTS (SELECT 1 FROM c WHERE c.tok = t.tok) AND word % t.tok
    ORDER BY sim DESC, word LIMIT 3
) f
ORDER BY tok, kind, sim DESC, word`

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
