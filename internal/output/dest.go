package output

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// MarkerName is the file a build writes at the top of its output folder,
// by which a later build knows the folder as one it may replace whole.
const MarkerName = ".plotline"

// MarkerText is what the marker file says to someone who opens it.
const MarkerText = "This folder is written by plotline build, which replaces it whole at every build.\n"

// Place describes where an output folder is to go, for CheckDest.
type Place struct {
	// Dest is the output folder.
	Dest string
	// Site is the site folder: the output may lie inside it, but must not
	// be it or hold it.
	Site string
	// Sources are the folders and files a build reads (content,
	// templates, theme, the config file): the output must not lie inside
	// one of them, nor hold one, as it may through a symbolic link.
	Sources []string
	// Claimed is set when Dest is the folder a build writes by default, so
	// that a folder there is taken as an output even without the marker
	// (a site's public/ is plotline's by convention), unless Dest is a
	// symbolic link. A folder named otherwise, or one such a link leads
	// to, must be empty, or hold the marker.
	Claimed bool
}

// CheckDest reports why a build may not write its output to p.Dest, or
// nil. A build replaces its output folder whole, deleting what was there:
// so the output must be a folder or not exist yet, must be neither the
// site folder nor any folder holding it, must not lie inside a folder the
// build reads nor hold one, and, unless Claimed, must be empty or hold the
// marker a build leaves. Symbolic links are followed, so that a link to
// the site is refused as the site is.
func CheckDest(p Place) error {
	dest, err := resolve(p.Dest)
	if err != nil {
		return fmt.Errorf("output folder %s: %w", p.Dest, err)
	}
	through, err := throughLink(p.Dest)
	if err != nil {
		return err
	}
	// The default output is the site's own folder: a symbolic link there
	// (public -> ../notes, committed in a repository) names a folder like
	// any other. The message names the link, claimed or not.
	link := through != filepath.Clean(p.Dest)
	fi, err := os.Lstat(dest)
	exists := err == nil
	if exists && !fi.IsDir() {
		return fmt.Errorf("output folder %s is not a folder, and a build would replace it; name a folder with -d", p.Dest)
	}
	if p.Site != "" {
		site, err := resolve(p.Site)
		if err != nil {
			return fmt.Errorf("site folder %s: %w", p.Site, err)
		}
		if within(site, dest) {
			what := "the site folder"
			if site != dest {
				what = "a folder that holds the site folder"
			}
			return fmt.Errorf("output folder %s is %s: a build replaces its output folder whole, which would delete the site; name another folder with -d", p.Dest, what)
		}
	}
	for _, src := range p.Sources {
		s, err := resolve(src)
		if err != nil {
			return fmt.Errorf("%s: %w", src, err)
		}
		if within(dest, s) {
			return fmt.Errorf("output folder %s lies inside %s, which the build reads: a build replaces its output folder whole, which would delete what is there; name another folder with -d", p.Dest, src)
		}
		if within(s, dest) {
			// A source that is a symbolic link into the output
			// (content -> public/src) would be deleted with it.
			return fmt.Errorf("output folder %s holds %s (as %s), which the build reads: a build replaces its output folder whole, which would delete it; move it out of the output folder", p.Dest, src, s)
		}
	}
	if !exists || p.Claimed && !link {
		return nil
	}
	if _, err := os.Lstat(filepath.Join(dest, MarkerName)); err == nil {
		return nil
	}
	empty, err := isEmpty(dest)
	if err != nil {
		return err
	}
	switch {
	case !empty && link:
		return fmt.Errorf("output folder %s is a symbolic link to %s, which holds files no plotline build wrote: a build replaces its output folder whole, which would delete them; empty that folder, or make %s a folder of its own", p.Dest, dest, filepath.Base(p.Dest))
	case !empty:
		return fmt.Errorf("output folder %s holds files no plotline build wrote: a build replaces its output folder whole, which would delete them; empty the folder or name another with -d", p.Dest)
	}
	return nil
}

// resolve returns path absolute, cleaned, with the symbolic links of the
// part of it that exists followed.
func resolve(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		real, err := filepath.EvalSymlinks(dir)
		if err == nil {
			return filepath.Join(real, rest), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			if _, ok := errors.AsType[*fs.PathError](err); ok {
				return "", fmt.Errorf("cannot follow the symbolic links of %s: %w", dir, err)
			}
			// The one error that names no file: a loop.
			return "", fmt.Errorf("cannot follow the symbolic links of %s: a link in it leads back to itself, through others, or through more than 255 links (%v)", dir, err)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// throughLink returns the folder a build of dest writes: dest itself or,
// when dest is a symbolic link (public -> /srv/www/site), the folder the
// link leads to, so that the link stays a link and that folder gets the
// new site; the lock, the temporary folder and the swap all take place
// there. A link that leads nowhere is an error: a build would otherwise
// replace the link with a folder.
func throughLink(dest string) (string, error) {
	dest = filepath.Clean(dest)
	fi, err := os.Lstat(dest)
	if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return dest, nil
	}
	real, err := filepath.EvalSymlinks(dest)
	if err != nil {
		return "", fmt.Errorf("output folder %s is a symbolic link that leads nowhere (%w); make the folder it names, or remove the link", dest, err)
	}
	return real, nil
}

// LinkOutOf returns the folder that dest, a symbolic link, leads to, when
// that folder lies outside the folder site: the folder a build through
// the link replaces (public -> ../deploy), which a build says.
func LinkOutOf(dest, site string) (string, bool) {
	if t, err := throughLink(dest); err != nil || t == filepath.Clean(dest) {
		return "", false // no link
	}
	real, err := resolve(dest)
	if err != nil {
		return "", false
	}
	s, err := resolve(site)
	if err != nil || within(real, s) {
		return "", false
	}
	return real, true
}

// within reports whether path is folder or lies inside it; both are
// resolved paths.
func within(path, folder string) bool {
	rel, err := filepath.Rel(folder, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// isEmpty reports whether the folder dir holds nothing.
func isEmpty(dir string) (bool, error) {
	f, err := os.Open(dir)
	if err != nil {
		return false, err
	}
	defer f.Close()
	names, err := f.Readdirnames(1)
	if errors.Is(err, io.EOF) {
		return true, nil
	}
	return len(names) == 0, err
}
