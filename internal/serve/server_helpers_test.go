package serve

import (
	"context"
	"fmt"
	"net/http"
)

// The parts of Server only the tests use.

// Handler returns the HTTP handler of s. It answers only requests whose
// Host header names the loopback interface (see Listen); Serve also
// answers those naming the address it listens on.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { s.serveHTTP(w, r, hostSet{}) })
}

// ListenAndServe is Listen followed by Serve. Its errors start with
// "serve: ".
func (s *Server) ListenAndServe(ctx context.Context, addr string, ready func(url string)) error {
	l, err := Listen(addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	return s.Serve(ctx, l, ready)
}
