package sitefs

import (
	"fmt"
	"io/fs"
	"strings"
	"unicode"
	"unicode/utf8"
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
		// Emacs's auto-save "#page.md#"; "#metoo.md" is a writer's.
		len(name) > 1 && strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),
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

// MaxDepth is how many folders deep plotline reads below content/,
// templates/ and theme/. The site folder is read through an os.Root, which
// opens a path one folder at a time, so listing a tree n folders deep takes
// n² steps: a file 1,000 folders down took 7.6 s to build, 1,500 16 s.
const MaxDepth = 100

// TooDeep reports whether the folder at the slash path dir, relative to
// the site folder ("content/a/b"), lies more than MaxDepth folders below
// the top folder it is in: it is not read, and the build reports it.
func TooDeep(dir string) bool {
	return strings.Count(dir, "/") > MaxDepth
}

// TooDeepMessage returns the message of a folder that TooDeep holds too
// deep, reported at the folder.
func TooDeepMessage() string {
	return fmt.Sprintf("folders nest more than %d deep here, and plotline reads no deeper (every level makes each read of the site slower): move what this folder holds nearer the top", MaxDepth)
}

// Shown returns the path p as a message shows it: each character
// UnseenRune finds, and each run of bytes that are no character, as
// U+FFFD, so that a name printed on a terminal can neither send it an
// escape (a colour, a clear screen) nor reorder the line.
func Shown(p string) string {
	return strings.Map(func(r rune) rune {
		if _, _, ok := UnseenRune(string(r)); ok {
			return '\uFFFD'
		}
		return r
	}, strings.ToValidUTF8(p, "\uFFFD"))
}

// UnseenRune returns the first character of s that a reader of a web
// address cannot see or that changes how the rest reads, and what it is:
// a control character (a line break, an escape), a bidi control (U+202E
// before "fdp.exe" shows it as "exe.pdf"), or an invisible character
// (U+200B, a zero-width space), which makes a name look the same as
// another. The joiners that Persian and the scripts of India write words
// with (U+200C, U+200D) are not among them.
func UnseenRune(s string) (rune, string, bool) {
	for _, r := range s {
		switch {
		case unicode.IsControl(r):
			return r, "a control character", true
		case r == 0x061C, r == 0x200E, r == 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
			return r, "a bidi control, which changes the order its letters are shown in", true
		case Invisible(r):
			return r, "an invisible character, which makes the name look like another", true
		}
	}
	return 0, "", false
}

// Invisible reports whether r is a character that takes no room and
// shows nothing: a soft hyphen (U+00AD), a zero-width space (U+200B), a
// word joiner or invisible operator (U+2060 to U+2064), or a zero-width
// no-break space, the byte order mark (U+FEFF).
func Invisible(r rune) bool {
	return r == 0x00AD || r == 0x200B || r >= 0x2060 && r <= 0x2064 || r == 0xFEFF
}

// DotsOnly reports whether name, one name of a path, is made of dots and
// spaces only, with two dots or more (". .", "..."): Windows may read
// such a name as "..", so a build writes no file by it.
func DotsOnly(name string) bool {
	return strings.Count(name, ".") >= 2 && strings.Trim(name, ". ") == ""
}

// DotsOnlyWhy is what the build says of a name DotsOnly finds.
const DotsOnlyWhy = "is only dots and spaces, which Windows reads as \"..\", a way out of a folder"

// Unreadable reports, for the entry d at p of a walk of the site folder,
// whether the build refuses it although LeftOut keeps it: a name that is
// not valid UTF-8, which os.Root, like every fs.FS, refuses ("invalid
// argument") and no URL could be made of; a name holding a character
// UnseenRune finds, which would be part of a web address that reads
// otherwise than it is; or a folder deeper than MaxDepth (TooDeep). shown
// is the path to report it at, with U+FFFD for the bad bytes or
// characters, and msg what to say.
func Unreadable(p string, d fs.DirEntry) (shown, msg string, bad bool) {
	what := "file"
	if d.IsDir() {
		what = "folder"
	}
	switch r, why, unseen := UnseenRune(d.Name()); {
	case LeftOut(d.Name()): // left out, not refused
	case !utf8.ValidString(d.Name()):
		return strings.ToValidUTF8(p, "\uFFFD"), fmt.Sprintf("the %s's name is not valid UTF-8, which a web address needs: rename it (it may be in Latin-1, from an old archive)", what), true
	case unseen:
		return Shown(p), fmt.Sprintf("the %s's name holds U+%04X (shown here as \uFFFD), %s: rename it without it", what, r, why), true
	case d.IsDir() && TooDeep(p):
		return p, TooDeepMessage(), true
	case DotsOnly(d.Name()):
		return p, fmt.Sprintf("the %s's name %s: rename it", what, DotsOnlyWhy), true
	}
	return "", "", false
}

// SkipLeftOut is for a fs.WalkDir function walking root: for the entry d
// at p that LeftOut leaves out (root itself never is), or a folder deeper
// than MaxDepth, skip is true and err what the function returns,
// fs.SkipDir for a folder and nil for a file.
func SkipLeftOut(root, p string, d fs.DirEntry) (skip bool, err error) {
	if p != root && d.IsDir() && TooDeep(p) {
		return true, fs.SkipDir
	}
	if p == root || !LeftOut(d.Name()) {
		return false, nil
	}
	if d.IsDir() {
		return true, fs.SkipDir
	}
	return true, nil
}
