package domain

// A word most people have ("company": every seeded person works at "Company N") costs
// the people's index scan its whole posting list whatever the other words: GIN
// intersects 'company' & '4711' by looking up, for each of the 200 people of 4711,
// the page of 'company''s list (1M entries) that would hold them, and decodes it — the
// whole list, 2.2-3.8 ms on the scale database, where '4711' alone is 0.02 ms. So the
// people's candidates are found by the index with the other words (searchPeopleIndexQuery)
// and every candidate is then checked against the whole tsquery: the same people, in the
// same order (a bitmap scan reads the table in order either way), 0.2 ms.

// searchCommonShare: a typed word in at least this share of the people (ANALYZE's
// estimate) is left to the check, when other words can narrow the index scan.
const searchCommonShare = 0.5

// searchPeopleIndexQuery is the tsquery the people's index scan is narrowed to: the
// tsquery's parts but those of common words, or "" when it is the whole tsquery
// (nothing is common, or only common words or exclusions would be left). Only a part
// that is the typed word alone is left out: a word and its completions or corrections
// are as common as the least common of them, which ANALYZE may not know.
func searchPeopleIndexQuery(tokens []searchToken, vocab map[string]*searchWord, common map[string]bool) string {
	parts, _ := searchParts(tokens, vocab)
	drop := func(p searchPart) bool { return p.alone && common[p.word] }
	dropped, rest := false, false
	for _, p := range parts {
		if drop(p) {
			dropped = true
		} else if !p.not {
			rest = true
		}
	}
	if !dropped || !rest {
		return ""
	}
	return joinSearchParts(parts, drop)
}
