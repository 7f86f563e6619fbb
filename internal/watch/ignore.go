package watch

import (
	"path"

	"github.com/plotline/plotline/internal/sitefs"
)

// ignored reports whether the root-relative slash path rel is left out:
// it or one of its parents is left out of the site (sitefs.LeftOut:
// hidden names and editors' files, the same rule the build reads by), or
// matches one of the patterns, which are root-relative path.Match patterns
// such as "public" or ".plotline-tmp-*".
func ignored(rel string, patterns []string) bool {
	if rel == "." || rel == "" {
		return false
	}
	if sitefs.LeftOutPath(rel) {
		return true
	}
	for p := rel; p != "."; p = path.Dir(p) {
		for _, pat := range patterns {
			if ok, _ := path.Match(pat, p); ok {
				return true
			}
		}
	}
	return false
}
