package testdb

import "net/url"

// withDB swaps the database name in a postgres:// URL.
func withDB(raw, name string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	u.Path = "/" + name
	return u.String()
}
