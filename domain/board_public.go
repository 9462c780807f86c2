package domain

import (
	"context"
	"regexp"
	"strings"
	"unicode"

	"github.com/google/uuid"
)

const maxSlug = 60

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// publishing checks a patch's public and slug against the board as stored and adds
// what to write to changes. A public board always has a slug: making a board public
// without one takes one from its name.
func (s *Service) publishing(ctx context.Context, id uuid.UUID, patch BoardPatch, changes map[string]any) error {
	var cur Board
	if err := s.db.conn(ctx).Select("id, name, public, slug").Where("id = ?", id).Take(&cur).Error; err != nil {
		return storeErr(err, "board")
	}
	public, slug := cur.Public, ""
	if cur.Slug != nil {
		slug = *cur.Slug
	}
	if patch.Public != nil {
		public = *patch.Public
		changes["public"] = public
	}
	if patch.Slug != nil {
		slug = strings.TrimSpace(*patch.Slug)
		if slug != "" && (len(slug) > maxSlug || !slugPattern.MatchString(slug)) {
			return Invalid("slug", "use lowercase letters, digits and single hyphens (at most 60), e.g. product-roadmap")
		}
	}
	if public && slug == "" {
		if patch.Slug != nil {
			return Invalid("slug", "a public board needs a slug: its roadmap's address")
		}
		name, ok := changes["name"].(string)
		if !ok {
			name = cur.Name
		}
		if slug = slugFrom(name); slug == "" {
			return Invalid("slug", "give the board a slug (letters, digits and hyphens) to make it public")
		}
	}
	if slug == "" {
		changes["slug"] = nil
	} else {
		changes["slug"] = slug
	}
	return nil
}

// slugFrom makes a slug of a board name: "Product Roadmap 2026!" → "product-roadmap-2026".
// Letters outside a–z are dropped, so a name of other scripts gives "".
func slugFrom(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		case unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r):
			dash = true
		}
	}
	out := b.String()
	if len(out) > maxSlug {
		out = strings.TrimRight(out[:maxSlug], "-")
	}
	return out
}
