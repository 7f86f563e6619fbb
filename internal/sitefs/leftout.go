package sitefs

import (
	"io/fs"
	"strings"
)

// LeftOut reports whether a file or folder of the site named name (a base
// name, not a path) is left out of the site: it is not read, published or
// watched. Such names are hidden (".git", ".DS_Store", an Emacs lock
// ".#page.md"), editors' backups and auto-saves ("page.md~", "#page.md#"),
// vim's swap files (".swp", ".swo", ".swx") and vim's probe "4913". The
// build and the watcher both ask this function, so that what a build reads
// is exactly what a watch sees change.
func LeftOut(name string) bool {
	switch {
	case name == "4913",
		strings.HasPrefix(name, "."),
		strings.HasPrefix(name, "#"),
		strings.HasSuffix(name, "~"),
		strings.HasSuffix(name, ".swp"),
		strings.HasSuffix(name, ".swo"),
		strings.HasSuffix(name, ".swx"):
		return true
	}
	return false
}

// LeftOutPath reports whether the slash path p, relative to the site
// folder, is left out of the site because it, or a folder it lies in, has
// a name LeftOut leaves out.
func LeftOutPath(p string) bool {
	for elem := range strings.SplitSeq(p, "/") {
		if elem != "" && elem != "." && LeftOut(elem) {
			return true
		}
	}
	return false
}

// SkipLeftOut is for a fs.WalkDir function walking root: for the entry d
// at p that LeftOut leaves out (root itself never is), skip is true and
// err what the function returns, fs.SkipDir for a folder and nil for a
// file.
func SkipLeftOut(root, p string, d fs.DirEntry) (skip bool, err error) {
	if p == root || !LeftOut(d.Name()) {
		return false, nil
	}
	if d.IsDir() {
		return true, fs.SkipDir
	}
	return true, nil
}
