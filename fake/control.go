package fake

import (
	"net/http"
)

// controlHandler serves the /_fake/ endpoints.
func (f *Fake) controlHandler() http.Handler {
	return http.NotFoundHandler()
}
