package site

import (
	"errors"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/sitefs"
	"github.com/plotline/plotline/internal/words"
)

// A file of the site may be a symbolic link to another file of the site.
// The watcher reports changes by path, so an edit of the file a link
// leads to names the target, not the link. A full build records every
// link among the site's sources and where it leads (links); a rebuild
// after a change to a target, to a link, or while a link leads somewhere
// that cannot be told, is a full build.

// links records the symbolic links among the files a build reads.
type links struct {
	targets map[string]bool   // site paths of the files links lead to
	of      map[string]string // the link that leads to each of them, the first in path order
	unknown bool              // a link leads where it cannot be told
}

// SourceFolders returns the folders of a site whose files a build reads:
// a watcher watches them whole, and the output may not lie inside one.
func SourceFolders() []string {
	return []string{"content", "templates", "theme", words.Dir}
}

// findLinks walks the folders a build reads and records every file there
// that is a symbolic link, with the file it leads to. The build itself
// reports what cannot be read.
func findLinks(fsys fs.FS) links {
	l := links{targets: map[string]bool{}, of: map[string]string{}}
	for _, dir := range SourceFolders() {
		fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) && p == dir {
					return nil
				}
				// A folder that cannot be listed: a link in it would
				// go unseen.
				l.unknown = true
				return nil
			}
			if skip, err := sitefs.SkipLeftOut(dir, p, d); skip {
				return err
			}
			if d.Type()&fs.ModeSymlink == 0 {
				return nil
			}
			if t, ok := linkTarget(fsys, p); ok {
				if !l.targets[t] {
					l.of[t] = p
				}
				l.targets[t] = true
			} else {
				l.unknown = true
			}
			return nil
		})
	}
	return l
}

// linkTarget follows the symbolic link at the slash path p, and any link it
// leads to, and returns the site path of the file at the end. ok is false
// when that cannot be told: a link that leads out of the site, by an
// absolute path, round in a loop, or a file system that cannot read links.
func linkTarget(fsys fs.FS, p string) (target string, ok bool) {
	for range 40 {
		fi, err := fs.Lstat(fsys, p)
		if err != nil {
			return "", false
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			return p, true
		}
		dest, err := fs.ReadLink(fsys, p)
		if err != nil || path.IsAbs(dest) || strings.HasPrefix(dest, `\`) {
			return "", false
		}
		p = path.Join(path.Dir(p), dest)
		if !fs.ValidPath(p) {
			return "", false
		}
	}
	return "", false
}

// touchesLink reports whether a change to the files at the slash paths
// changed may change a file read through a symbolic link, or add a link:
// then only a full build knows what it touches.
func (b *Builder) touchesLink(changed []string) bool {
	if b.links.unknown && len(changed) > 0 {
		return true
	}
	for _, p := range changed {
		if b.links.targets[p] {
			return true
		}
		if fi, err := fs.Lstat(b.fsys, p); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
			return true
		}
	}
	return false
}

// LinkTargets returns the sorted site paths of the files that symbolic
// links among the site's files lead to, as the last build found them,
// outside the SourceFolders: a watcher of those folders
// must watch these files too, as a change to one is a change to the site.
func (b *Builder) LinkTargets() []string {
	var out []string
	folders := SourceFolders()
	for t := range b.links.targets {
		if !slices.ContainsFunc(folders, func(d string) bool { return strings.HasPrefix(t, d+"/") }) {
			out = append(out, t)
		}
	}
	slices.Sort(out)
	return out
}

// intoOutput reports, at each link among the site's files that leads
// into dir, the site's own output folder ("public"), that the build would
// read its last output: a page's CSV file linked to the chart's download
// of it changed at every build, with nothing edited, and a fresh clone
// without the output failed at the link.
func (l links) intoOutput(dir string, diags *diag.List) {
	for _, t := range slices.Sorted(maps.Keys(l.targets)) {
		if strings.HasPrefix(t, dir+"/") {
			diags.Errorf(diag.Pos{Path: l.of[t], Line: 1, Col: 1}, "is a link to %s, in %s/, the output the build replaces: the site would read its own last output; link to the file that output was made from", t, dir)
		}
	}
}
