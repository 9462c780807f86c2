package domain

import "context"

// Branding is what the public pages show of the workspace: the product's name and
// its accent colour (#rrggbb). Empty values mean "not set": pages then name the
// board and use their default colour.
type Branding struct {
	ProductName string
	AccentColor string
}

// Branding returns the workspace's branding, from its settings.
func (s *Service) Branding(ctx context.Context) (Branding, error) {
	st, err := s.Settings(ctx)
	if err != nil {
		return Branding{}, err
	}
	return Branding{ProductName: st.ProductName, AccentColor: st.AccentColor}, nil
}
