package watch

import (
	"path"
	"strings"
)

// isJunk reports whether a file's base name marks it as an editor's
// temporary or backup file, or as operating-system clutter.
func isJunk(name string) bool {
	switch {
	case name == "4913", // vim's probe for a writable directory
		name == ".DS_Store",
		strings.HasPrefix(name, ".#"), // emacs lock files
		strings.HasSuffix(name, "~"),
		strings.HasSuffix(name, ".swp"),
		strings.HasSuffix(name, ".swx"),
		strings.HasSuffix(name, ".swo"):
		return true
	}
	return false
}

// ignored reports whether the root-relative slash path rel is left out:
// it is editor junk, it or one of its parents is hidden (starts with a
// dot), or it or one of its parents matches one of the patterns, which are
// root-relative path.Match patterns such as "public" or ".plotline-tmp-*".
func ignored(rel string, patterns []string) bool {
	if rel == "." || rel == "" {
		return false
	}
	if isJunk(path.Base(rel)) {
		return true
	}
	for p := rel; p != "."; p = path.Dir(p) {
		if strings.HasPrefix(path.Base(p), ".") {
			return true
		}
		for _, pat := range patterns {
			if ok, _ := path.Match(pat, p); ok {
				return true
			}
		}
	}
	return false
}
