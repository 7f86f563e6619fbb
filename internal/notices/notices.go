// Package notices holds the licences of plotline and of everything built
// into it: Go, the Go modules compiled in, the vendored ECharts bundle and
// the preview images' fonts. NOTICES.txt is written by tools/notices; a
// test there fails when it no longer matches go.mod.
package notices

import _ "embed"

//go:generate go run github.com/plotline/plotline/tools/notices

//go:embed NOTICES.txt
var text string

// Text returns the licences and notices, as plotline version --licences
// prints them.
func Text() string { return text }
