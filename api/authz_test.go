package api

// notifyRoutesPendingMerge are the routes whose handlers are still the stubs of
// api/stubs_notify.go (501) while the notifier work is being written.
var notifyRoutesPendingMerge = map[string]bool{
	"GET /api/v1/cards/:id/deliveries":      true,
	"GET /api/v1/requesters/:id/deliveries": true,
	"GET /api/v1/cards/:id/email-preview":   true,
	"GET /u/:token":                         true,
	"POST /u/:token":                        true,
}
