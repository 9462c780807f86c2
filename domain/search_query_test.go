package domain

import "testing"

// What the vocabulary says about each typed word decides its part of the tsquery.
func TestSearchQuerySpellsOutCompletions(t *testing.T) {
	vocab := map[string]*searchWord{
		"dark":   {Completions: []string{"dark"}},
		"mo":     {Completions: []string{"mobile", "mode"}},
		"exprot": {Fixes: []string{"export", "expert"}},
		"int":    {Completions: []string{"int", "integration"}, More: true},
		"oaut":   {}, // begins no word of the vocabulary (and has no correction)
	}
	tests := []struct {
		q, want string
	}{
		{"dark mo", "('dark') & ('mo' | 'mobile' | 'mode')"},
		{"exprot", "('exprot' | 'export' | 'expert')"},
		{"int", "('int' | 'int':*)"},                                        // too many completions: the prefix lexeme
		{"oaut", "('oaut')"},                                                // begins no word of the vocabulary: nothing more to find
		{"company 4711", "('company' | 'company':*) & ('4711' | '4711':*)"}, // not asked (absent): as typed
		{"mo dark", "('mo') & ('dark')"},                                    // a short word that is not the last is not a prefix
		{"dark -mode", "('dark') & !'mode'"},
	}
	for _, tt := range tests {
		got, _ := searchQuery(searchTokens(tt.q), vocab)
		if got != tt.want {
			t.Errorf("%q: got %s, want %s", tt.q, got, tt.want)
		}
	}
	if _, terms := searchQuery(searchTokens("exprot"), vocab); len(terms) != 3 || terms[1] != "export" {
		t.Errorf("terms %v: want the typed word and its corrections", terms)
	}
}
