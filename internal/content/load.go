package content

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/sitefs"
)

// Site is the content of a site: its pages and the other files of content/.
type Site struct {
	Pages  []*Page  // sorted: articles newest first, then by path
	Assets []string // slash paths of non-Markdown files under content/, sorted
	// Devices counts the warnings of names Windows keeps for devices
	// (see WindowsDevice), given with the other problems of the index.
	Devices int
	// Drafts are the pages left out as drafts, with their URLs, so that a
	// link to one can say so.
	Drafts []*Page
	// Later are the pages left out because they are dated after today.
	Later []*Page
	// Withheld are the files of content/ left out with the page whose
	// bundle holds them (see BundleFolder), sorted: a draft's data and images
	// are not published before it is.
	Withheld []string
	// Bundles says where the files of each page bundle are published.
	Bundles Bundles
}

// BundleFolder returns the folder whose files belong to the page at page,
// and true, when page is a folder's index.md or _index.md (a page bundle):
// the files in that folder or below it. For any other page it returns
// false.
func BundleFolder(page string) (string, bool) {
	base := path.Base(page)
	if base != "index.md" && base != "_index.md" {
		return "", false
	}
	return path.Dir(page), true
}

// Bundles maps the folder of each page bundle whose page is its index.md
// ("content/blog/scales") to the folder of the site its page is published
// in ("blog/scales-1-1-0/" with a slug, "blog/scales/" without), so that
// its files are published beside it.
type Bundles map[string]string

// BundlesOf returns the Bundles of pages, whose URLs are set.
func BundlesOf(pages []*Page) Bundles {
	b := Bundles{}
	for _, p := range pages {
		if dir, ok := BundleFolder(p.Path); ok && path.Base(p.Path) == "index.md" {
			b[dir] = p.URL
		}
	}
	return b
}

// SitePath returns the site path of file, a file of content/ that is not
// a page ("content/blog/scales/figs/a.png"): its path below content/, with
// the folder of the nearest page bundle that holds it replaced by the
// folder that bundle's page is published in
// ("blog/scales-1-1-0/figs/a.png").
func (b Bundles) SitePath(file string) string {
	rel := strings.TrimPrefix(file, "content/")
	for dir := path.Dir(file); dir != "content" && dir != "." && dir != "/"; dir = path.Dir(dir) {
		if u, ok := b[dir]; ok {
			return u + strings.TrimPrefix(file, dir+"/")
		}
	}
	return rel
}

// Options control which pages Load keeps.
type Options struct {
	Drafts bool // keep pages marked draft: true
	// Today is the day of the build: a page dated after it is left out,
	// with a warning, unless Future. The zero time leaves none out.
	Today  time.Time
	Future bool
}

// SkipEntry is for a fs.WalkDir function walking the folder root of the
// site: it reports an entry sitefs.Unreadable refuses, at it, and says to
// skip it, as it does one sitefs.SkipLeftOut leaves out; err is what the
// function returns for a skipped entry.
func SkipEntry(root, p string, d fs.DirEntry, diags *diag.List) (skip bool, err error) {
	if shown, msg, bad := sitefs.Unreadable(p, d); bad {
		if d.IsDir() {
			diags.Errorf(diag.Pos{Path: shown}, "%s", msg)
			return true, fs.SkipDir
		}
		diags.Errorf(diag.Pos{Path: shown, Line: 1, Col: 1}, "%s", msg)
		return true, nil
	}
	return sitefs.SkipLeftOut(root, p, d)
}

// walk lists the Markdown files and the other files under content/,
// leaving out hidden files and editors' backups. A symbolic link counts as
// the file it leads to; one that leads nowhere, to itself (a loop) or to a
// folder is an error, as plotline does not follow links to folders. A
// named pipe, socket or device is an error too. ok is
// false when the folder itself cannot be read.
func walk(fsys fs.FS, diags *diag.List) (markdown, assets []string, ok bool) {
	err := fs.WalkDir(fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "content" {
				return err
			}
			diags.Errorf(diag.Pos{Path: p}, "cannot read: %v", unwrapPathError(err))
			return nil
		}
		name := d.Name()
		if skip, err := SkipEntry("content", p, d, diags); skip {
			return err
		}
		if d.IsDir() {
			return nil
		}
		mode := d.Type()
		if mode&fs.ModeSymlink != 0 {
			info, err := fs.Stat(fsys, p)
			switch {
			case err != nil:
				diags.Errorf(diag.Pos{Path: p, Line: 1, Col: 1}, "cannot read: %v", linkError(err))
				return nil
			case info.IsDir():
				diags.Errorf(diag.Pos{Path: p, Line: 1, Col: 1}, "%s", sitefs.LinkToFolder)
				return nil
			}
			mode = info.Mode() // of the file it leads to
		}
		if !mode.IsRegular() {
			diags.Errorf(diag.Pos{Path: p, Line: 1, Col: 1}, "cannot read: %v", sitefs.ErrNotRegular)
			return nil
		}
		if SectionPage(p) {
			diags.Warnf(diag.Pos{Path: p, Line: 1, Col: 1}, "not read and not published: %s is a Hugo section page, and plotline makes its home page and lists itself; move its text into an article, or its summary to description in plotline.yaml", name)
		} else if strings.HasSuffix(name, ".md") {
			markdown = append(markdown, p)
		} else if OtherMarkdown(p) {
			diags.Warnf(diag.Pos{Path: p, Line: 1, Col: 1}, "not read and not published: plotline reads articles from .md files; rename it %s.md", strings.TrimSuffix(name, path.Ext(name)))
		} else {
			assets = append(assets, p)
		}
		return nil
	})
	if err != nil {
		diags.Errorf(diag.Pos{Path: "content"}, "cannot read the content folder: %v", unwrapPathError(err))
		return nil, nil, false
	}
	return markdown, assets, true
}

// OtherMarkdown reports whether the file at p has one of the names for
// Markdown other than .md (.markdown, .mdown, .mkd, .mkdn, .mdwn, .mdtxt,
// .mdtext), as Hugo and Jekyll sites hold: such a file is neither read as
// an article nor published as it is, since its text is the article's
// source; the build warns at it.
func OtherMarkdown(p string) bool {
	return slices.Contains([]string{".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn", ".mdtxt", ".mdtext"}, strings.ToLower(path.Ext(p)))
}

// SectionPage reports whether the file at p is a Hugo section page,
// _index.md (or _index in another Markdown name), as a Hugo site's content
// holds: plotline makes its home page and lists itself, so the file is
// neither read nor published, and the build warns at it.
func SectionPage(p string) bool {
	base := path.Base(p)
	name := strings.TrimSuffix(base, path.Ext(base))
	return name == "_index" && (path.Ext(base) == ".md" || OtherMarkdown(base))
}

// Hidden reports whether the slash path p under content/ is left out of
// the site because it, or a folder it is in, is hidden (see walk).
func Hidden(p string) bool {
	rest, _ := strings.CutPrefix(p, "content/")
	return slices.ContainsFunc(strings.Split(rest, "/"), sitefs.LeftOut)
}

// linkError explains why a symbolic link cannot be followed.
func linkError(err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return errors.New("it is a link to a file that does not exist")
	}
	return unwrapPathError(err)
}

// readError describes an error of sitefs.ReadFile of an article for a
// diagnostic at the file: "file is 50.3 MB, more than the 8 MB plotline
// reads (split it into smaller articles)" or "cannot read: permission
// denied".
func readError(err error) string {
	if tl, ok := errors.AsType[*sitefs.TooLargeError](err); ok {
		return tl.Error() + " (split it into smaller articles)"
	}
	return sitefs.DescribeReadError(err)
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// AssignURLs sets the URL of every page (see URLFor), and returns how
// many warnings it gave of names Windows keeps for devices, in a page's
// file or slug. Pages whose URLs collide get an error each, naming the
// other file, and are marked broken.
// URLs that differ only in how their accented letters are encoded (é as
// one character or as e and a combining accent, Unicode's forms NFC and
// NFD) collide: they look the same, links find either, and macOS takes
// the two folders for one.
func AssignURLs(pages []*Page, diags *diag.List) int {
	devices := 0
	byURL := map[string]*Page{}
	for _, p := range pages {
		u, err := URLFor(p)
		if err != nil {
			diags.Errorf(p.URLPos(), "%v", err)
			p.Broken = true
		}
		p.URL = u
		if warnWindowsDevice(p.Path, diags) {
			devices++
		}
		if p.Slug != "" && WindowsDevice(p.Slug) {
			diags.Warnf(p.URLPos(), "slug %q: Windows keeps the name %s for a device, so the site could not be built there: choose another slug", p.Slug, p.Slug)
			devices++
		}
		key := urlKey(u)
		if other, ok := byURL[key]; ok {
			diags.Errorf(p.URLPos(), "page URL /%s is also the URL of %s%s", u, other.Path, urlsApart(u, other.URL))
			diags.Errorf(other.URLPos(), "page URL /%s is also the URL of %s%s", other.URL, p.Path, urlsApart(other.URL, u))
			p.Broken, other.Broken = true, true
			continue
		}
		byURL[key] = p
	}
	// An alias that is a page's URL, or another alias, in other
	// letters: one folder on macOS and Windows, where the redirect would
	// take the page's place, or the other redirect's. (One that is the
	// URL itself is a clash of their files, told by the build.) The
	// page's own, as an import writes for an old address of another case
	// (Hugo's /videos/ of content/Videos/), is a warning: the site is
	// whole where names have a case.
	aliases := map[string]Alias{}
	for _, p := range pages {
		for _, a := range p.Aliases {
			key := urlKey(a.Target())
			other, ok := byURL[key]
			switch {
			case ok && other == p && other.URL != a.Target():
				diags.Warnf(a.Pos, "aliases: /%s is this page's own URL, /%s, in letter case alone: where file names ignore case (macOS, Windows), the redirect is the page's own file and replaces it; give the page the alias's case (its folder's name, or slug:) and remove the alias", a.Target(), p.URL)
			case ok && other.URL != a.Target():
				diags.Errorf(a.Pos, "aliases: /%s is the URL of %s, /%s,%s", a.Target(), other.Path, other.URL, strings.TrimSuffix(urlsApart(a.Target(), other.URL), ": rename one of them")+": remove the alias")
			case !ok:
				if first, seen := aliases[key]; seen && first.Target() != a.Target() {
					diags.Errorf(a.Pos, "aliases: /%s is also an alias at %s, /%s,%s", a.Target(), first.Pos, first.Target(), strings.TrimSuffix(urlsApart(a.Target(), first.Target()), ": rename one of them")+": remove one of them")
				} else if !seen {
					aliases[key] = a
				}
			}
		}
	}
	return devices
}

// urlKey is the form of a URL by which two pages' URLs are one: composed
// (NFC) and in lower case, as macOS and Windows compare file names.
func urlKey(u string) string { return strings.ToLower(norm.NFC.String(u)) }

// urlsApart says how u and other, two URLs of one urlKey, differ, for
// the message that they collide: "" when they are the same, or in their
// accented letters (see encodedApart); or in letter case alone.
func urlsApart(u, other string) string {
	if norm.NFC.String(u) == norm.NFC.String(other) {
		return encodedApart(u, other)
	}
	return " in letter case alone, which macOS and Windows do not tell apart, making the two one folder: rename one of them"
}

// WindowsDevice reports whether a file or folder named name, with any
// extension, is one of the devices Windows keeps names for (con, prn,
// aux, nul, com1 to com9, lpt1 to lpt9), in any case: Windows opens the
// device for it, so that no such file can be made or checked out there.
func WindowsDevice(name string) bool {
	base, _, _ := strings.Cut(strings.ToLower(name), ".")
	switch base {
	case "con", "prn", "aux", "nul":
		return true
	}
	return len(base) == 4 && (strings.HasPrefix(base, "com") || strings.HasPrefix(base, "lpt")) && base[3] >= '1' && base[3] <= '9'
}

// DeviceIn returns the first name of the slash path p that is a device's
// on Windows (see WindowsDevice), and whether there is one.
func DeviceIn(p string) (string, bool) {
	for elem := range strings.SplitSeq(p, "/") {
		if WindowsDevice(elem) {
			return elem, true
		}
	}
	return "", false
}

// warnWindowsDevice warns at the file path when a name of its path is a
// device's on Windows (see WindowsDevice), and reports whether it did.
func warnWindowsDevice(path string, diags *diag.List) bool {
	elem, ok := DeviceIn(path)
	if ok {
		diags.Warnf(diag.Pos{Path: path, Line: 1, Col: 1}, "Windows keeps the name %s for a device, so the site could not be checked out or built there: rename it", elem)
	}
	return ok
}

// encodedApart explains two URLs that differ in how their accents are
// encoded, u this page's and other the other page's, and returns "" for
// the same URL.
func encodedApart(u, other string) string {
	if u == other {
		return ""
	}
	form := func(s string) string {
		if norm.NFC.IsNormalString(s) {
			return "composed (NFC: é as one character)"
		}
		return "decomposed (NFD: é as e and a combining accent)"
	}
	return fmt.Sprintf(" in looks: its accented letters are %s, the other's %s, and links and macOS take the two for one: rename one of them", form(u), form(other))
}

// URLFor returns the URL of page p: the file's folder below content/
// followed by its slug as written, or else its file name made a URL
// segment (see FileSlug; a date it starts with left out), as a pretty
// URL. A page bundle's index.md is published at its folder, whose name
// its slug replaces, as Hugo does: content/blog/scales/index.md with the
// slug scales-1-1-0 is at blog/scales-1-1-0/, with its files beside it
// (see Bundles). The error, a *URLError, says why the URL cannot be
// used, when it cannot; the URL is returned all the same.
func URLFor(p *Page) (string, error) {
	rel := strings.TrimPrefix(p.Path, "content/")
	dir, file := path.Split(rel)
	if _, rest, prefixed, err := FileDate(file); prefixed && err == nil {
		// Jekyll's dated file names: the date is not part of the URL.
		file = rest
	}
	slug := cmp.Or(p.Slug, FileSlug(strings.TrimSuffix(file, ".md")))
	u := dir + slug + "/"
	switch {
	case file == "index.md" && p.Slug != "" && dir != "":
		// A page bundle: the slug names the bundle's folder.
		u = path.Dir(strings.TrimSuffix(dir, "/")) + "/" + slug + "/"
		u = strings.TrimPrefix(u, "./")
	case slug == "index" || slug == "_index":
		u = dir
	}
	first, _, _ := strings.Cut(u, "/")
	switch first {
	case "", "tags", "theme", "_plotline":
		return u, &URLError{u, fmt.Sprintf("page URL /%s is reserved for pages plotline makes", u)}
	case "404.html", "feed.xml", "sitemap.xml", "robots.txt", ".nojekyll", ".plotline":
		// Its folder could not be made beside the file of that name.
		return u, &URLError{u, fmt.Sprintf("page URL /%s is reserved for the files plotline makes", u)}
	}
	if strings.Contains(u, `\`) {
		// A slug with one is refused where it is read; a name with one
		// is a folder on Windows, and a server may refuse it.
		return u, &URLError{u, "the file's path holds a backslash, which Windows reads as a folder separator and web servers may refuse"}
	}
	return u, nil
}

// A URLError says why a page's URL cannot be used.
type URLError struct {
	URL    string // the URL, as URLFor makes it
	Reason string // why it cannot be used, without what to do about it
}

// Error returns the reason and what to do about it, for a page that exists.
func (e *URLError) Error() string { return e.Reason + ": rename the file or set a slug" }

// URLPos returns where p's URL is decided: its slug, when it has one,
// and else the start of the file, whose name decides it.
func (p *Page) URLPos() diag.Pos {
	if p.Slug != "" && p.SlugPos.Line > 0 {
		return p.SlugPos
	}
	return diag.Pos{Path: p.Path, Line: 1, Col: 1}
}

// FileSlug turns a file name (without .md) into the URL segment of its
// page: lower case, each run of spaces a hyphen ("Translate Me" is
// "translate-me"). Underscores, hyphens and other characters stay as they
// are, as Hugo and Jekyll keep them, so that the addresses of a site moved
// from either keep working.
func FileSlug(name string) string {
	return strings.Join(strings.Fields(strings.ToLower(name)), "-")
}
