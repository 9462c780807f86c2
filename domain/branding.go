package domain

import "context"

// Branding is what the public pages show of the workspace: the product's name and
// its accent colour (#rrggbb). Empty values mean "not set": pages then name the
// board and use their default colour.
type Branding struct {
	ProductName string
	AccentColor string
}

// Branding returns the workspace's branding. Until workspace settings exist it has
// nothing set; this is the one place that will read them.
func (s *Service) Branding(ctx context.Context) (Branding, error) {
	return Branding{}, nil
}
