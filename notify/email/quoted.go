package email

import "strings"

// A placeholder written between quotation marks in a template ("{{card_title}}",
// "{{quote}}") is a quotation, and its value may carry quotation marks of its own: a
// customer who typed "Dark mode, please" with the marks, a title such as
// Add an "Export" button. Filled in as they are, the email reads
// ""Dark mode, please"" or "Add an "Export" button". So a quoted value loses the
// marks around it, and its own double quotes become single ones, as a quotation
// inside a quotation is written: "Add an 'Export' button".

// quotePairs are the opening and closing double quotation marks a template may use.
var quotePairs = [][2]string{{`"`, `"`}, {"“", "”"}, {"„", "“"}, {"«", "»"}}

// innerQuotes writes a quoted value's own double quotes as single ones.
var innerQuotes = strings.NewReplacer(`"`, "'", "“", "‘", "”", "’", "„", "‚")

// inQuotes reports whether segment i of segs is a placeholder written directly
// between a pair of quotation marks.
func inQuotes(segs []segment, i int) bool {
	if i == 0 || i+1 >= len(segs) || segs[i-1].word != "" || segs[i+1].word != "" {
		return false
	}
	for _, p := range quotePairs {
		if strings.HasSuffix(segs[i-1].text, p[0]) && strings.HasPrefix(segs[i+1].text, p[1]) {
			return true
		}
	}
	return false
}

// quotedValue is v as it reads between quotation marks (see above). A skeleton's
// mark becomes the mark of the quoted value, which Fill fills the same way.
func quotedValue(v string) string {
	if m, ok := quotedMarks[v]; ok {
		return m
	}
	v = strings.TrimSpace(v)
	for _, p := range quotePairs {
		if len(v) >= len(p[0])+len(p[1]) && strings.HasPrefix(v, p[0]) && strings.HasSuffix(v, p[1]) {
			v = strings.TrimSpace(v[len(p[0]) : len(v)-len(p[1])])
			break
		}
	}
	return innerQuotes.Replace(v)
}
