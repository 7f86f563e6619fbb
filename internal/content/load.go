package content

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/sitefs"
)

// Site is the content of a site: its pages and the other files of content/.
type Site struct {
	Pages  []*Page  // sorted: articles newest first, then by path
	Assets []string // slash paths of non-Markdown files under content/, sorted
}

// Options control which pages Load keeps.
type Options struct {
	Drafts bool // keep pages marked draft: true
}

// Load reads every Markdown file under content/ in fsys, parses it and
// works out its URL. Drafts are dropped unless opts.Drafts. Two pages with
// the same URL are an error at both files.
func Load(fsys fs.FS, opts Options, diags *diag.List) *Site {
	files, assets, ok := walk(fsys, diags)
	site := &Site{Assets: assets}
	if !ok {
		return site
	}
	for _, f := range files {
		src, err := ReadFile(fsys, f, MaxFileSize)
		if err != nil {
			diags.Errorf(diag.Pos{Path: f, Line: 1, Col: 1}, "%s", readError(err))
			continue
		}
		p := Parse(f, src, diags)
		if p.Draft && !opts.Drafts {
			continue
		}
		site.Pages = append(site.Pages, p)
	}
	AssignURLs(site.Pages, diags)
	SortPages(site.Pages)
	return site
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
		if p != "content" && (strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || strings.HasPrefix(name, "#")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			info, err := fs.Stat(fsys, p)
			switch {
			case err != nil:
				diags.Errorf(diag.Pos{Path: p, Line: 1, Col: 1}, "cannot read: %v", linkError(err))
				return nil
			case info.IsDir():
				diags.Errorf(diag.Pos{Path: p, Line: 1, Col: 1}, "is a link to a folder, and plotline does not follow links to folders (copy the folder, or link its files one by one)")
				return nil
			case !info.Mode().IsRegular():
				diags.Errorf(diag.Pos{Path: p, Line: 1, Col: 1}, "cannot read: %v", sitefs.ErrNotRegular)
				return nil
			}
		} else if !d.Type().IsRegular() {
			diags.Errorf(diag.Pos{Path: p, Line: 1, Col: 1}, "cannot read: %v", sitefs.ErrNotRegular)
			return nil
		}
		if strings.HasSuffix(name, ".md") {
			markdown = append(markdown, p)
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

// linkError explains why a symbolic link cannot be followed.
func linkError(err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return errors.New("it is a link to a file that does not exist")
	}
	return unwrapPathError(err)
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// AssignURLs sets the URL of every page (see URLFor). Pages whose URLs
// collide get an error each, naming the other file, and are marked broken.
func AssignURLs(pages []*Page, diags *diag.List) {
	byURL := map[string]*Page{}
	for _, p := range pages {
		u, err := URLFor(p)
		if err != "" {
			diags.Errorf(diag.Pos{Path: p.Path, Line: 1, Col: 1}, "%s", err)
			p.Broken = true
		}
		p.URL = u
		if other, ok := byURL[u]; ok {
			diags.Errorf(diag.Pos{Path: p.Path, Line: 1, Col: 1}, "page URL /%s is also the URL of %s", u, other.Path)
			diags.Errorf(diag.Pos{Path: other.Path, Line: 1, Col: 1}, "page URL /%s is also the URL of %s", u, p.Path)
			p.Broken, other.Broken = true, true
			continue
		}
		byURL[u] = p
	}
}

// URLFor returns the URL of page p: the file's folder below content/
// followed by its slug (or file name), as a pretty URL. The second result
// explains why the URL cannot be used, when it cannot.
func URLFor(p *Page) (string, string) {
	rel := strings.TrimPrefix(p.Path, "content/")
	dir, file := path.Split(rel)
	slug := p.Slug
	if slug == "" {
		slug = strings.TrimSuffix(file, ".md")
	}
	u := dir + slug + "/"
	if slug == "index" || slug == "_index" {
		u = dir
	}
	first, _, _ := strings.Cut(u, "/")
	switch first {
	case "", "tags", "theme", "_plotline":
		return u, fmt.Sprintf("page URL /%s is reserved for pages plotline makes; rename the file or set a slug", u)
	}
	return u, ""
}

// SortPages orders pages newest first, then by path.
func SortPages(pages []*Page) {
	slices.SortFunc(pages, func(a, b *Page) int {
		return cmp.Or(b.Date.Compare(a.Date), cmp.Compare(a.Path, b.Path))
	})
}
