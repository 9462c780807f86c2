package domain

// Limits are the per-installation limits an operator may set (cmd reads them from the
// environment).
type Limits struct {
	// LateEmailsPerHour is how many people one member or API token may link to cards
	// that have already shipped (each is emailed at once) in any hour.
	LateEmailsPerHour int
}

// DefaultLimits are the limits when none are set.
var DefaultLimits = Limits{LateEmailsPerHour: 100}

// WithLimits sets the limits (before the service is used) and returns the service.
func (s *Service) WithLimits(l Limits) *Service {
	s.limits = l
	return s
}
