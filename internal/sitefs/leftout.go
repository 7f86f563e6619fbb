package sitefs

import (
	"io/fs"
	"strings"
)

// LeftOut reports whether a file or folder of the site named name (a base
// name, not a path) is left out of the site: it is not read, published or
// watched. Such names are hidden (".git", ".DS_Store") and editors' files
// written beside the file they edit, which a save would otherwise report as
// changes of the site. The build and the watcher both ask this function, so
// that what a build reads is exactly what a watch sees change.
func LeftOut(name string) bool {
	switch {
	case
		// Hidden: .git, .DS_Store, and editors' hidden files: Emacs's
		// lock ".#page.md", Vim's and nano's swap ".page.md.swp", Kate's
		// swap ".page.md.kate-swp", gedit's (GLib's) ".goutputstream-XXXXXX".
		strings.HasPrefix(name, "."),
		// Emacs's auto-save "#page.md#".
		strings.HasPrefix(name, "#"),
		// Backups: Emacs's and Vim's "page.md~", Emacs's numbered
		// "page.md.~1~".
		strings.HasSuffix(name, "~"),
		// Vim's swap files when not hidden ("page.md.swp", ".swo" when
		// that one is taken, ".swx" written to try the folder), and
		// "4913", which Vim writes to learn whether it may make files in
		// the folder.
		strings.HasSuffix(name, ".swp"),
		strings.HasSuffix(name, ".swo"),
		strings.HasSuffix(name, ".swx"),
		name == "4913",
		// JetBrains IDEs' (GoLand, IntelliJ IDEA, WebStorm) safe write: the
		// new text in "page.md___jb_tmp___", renamed over page.md, which is
		// kept as "page.md___jb_old___" until then.
		strings.HasSuffix(name, "___jb_tmp___"),
		strings.HasSuffix(name, "___jb_old___"):
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
