package content

import (
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"

	"golang.org/x/sync/errgroup"
	"golang.org/x/text/unicode/norm"

	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/sitefs"
)

// LoadIndex walks content/ like Load but keeps of each page only what
// linking to it needs, its path, slug, URL, aliases and whether it is a
// draft, and what says whether it is in the feed, its kind and date. The
// pages it returns have no Source; a build parses each file again when it
// renders it, so a site of any size needs memory for one page per worker,
// not for all of them. Problems other than duplicate or reserved URLs are
// left to the parse of each page when it renders.
func LoadIndex(fsys fs.FS, opts Options, diags *diag.List) *Site {
	files, assets, ok := walk(fsys, diags)
	site := &Site{Assets: assets}
	if !ok {
		return site
	}
	// The files are read by one worker per core; the results keep the
	// walk's order.
	entries := make([]*Page, len(files))
	problems := make([]diag.List, len(files))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, f := range files {
		g.Go(func() error {
			entries[i] = indexEntry(fsys, f, &problems[i])
			return nil
		})
	}
	g.Wait()
	for i, p := range entries {
		diags.Add(problems[i]...)
		if p == nil {
			continue
		}
		if p.Draft && !opts.Drafts {
			p.URL, _ = URLFor(p)
			site.Drafts = append(site.Drafts, p)
			continue
		}
		if !opts.Future && p.Future(opts.Today) {
			p.URL, _ = URLFor(p)
			p.FutureWarning(opts.Today, diags)
			site.Later = append(site.Later, p)
			continue
		}
		site.Pages = append(site.Pages, p)
	}
	site.Assets, site.Withheld = withhold(site.Assets, site.Pages, slices.Concat(site.Drafts, site.Later))
	site.Devices = checkTwins(site.Assets, diags)
	site.Devices += AssignURLs(site.Pages, diags)
	checkNav(site.Pages, diags)
	site.Bundles = BundlesOf(slices.Concat(site.Pages, site.Drafts, site.Later))
	return site
}

// checkNav reports an error at the nav key of the page past the first
// MaxNavPages of pages, in the order of their paths, that have one. A
// rebuild that changes who has a nav key is a full build, so the index
// sees every change of their number.
func checkNav(pages []*Page, diags *diag.List) {
	named := withNav(pages)
	if len(named) <= MaxNavPages {
		return
	}
	p := named[MaxNavPages]
	diags.Errorf(p.NavPos, "nav: %d pages have a nav key, more than the %d the site's navigation may name, and this is the first past them by file name: every page writes the whole navigation; keep nav for a few pages, and link the others from a page of their own", len(named), MaxNavPages)
}

// NavPages returns the pages of pages that have a nav key, in the order
// of their paths, and no more than MaxNavPages of them: a site with more
// fails at LoadIndex, and its pages are still rendered, for their own
// problems, with a navigation of the size a site may have.
func NavPages(pages []*Page) []*Page {
	named := withNav(pages)
	return named[:min(len(named), MaxNavPages)]
}

// withNav returns the pages of pages that have a nav key, in the order of
// their paths.
func withNav(pages []*Page) []*Page {
	named := slices.DeleteFunc(slices.Clone(pages), func(p *Page) bool { return p.Nav == "" })
	slices.SortFunc(named, func(a, b *Page) int { return strings.Compare(a.Path, b.Path) })
	return named
}

// withhold splits assets into those published and those of the bundles
// of the pages left out (see BundleFolder). A file is of the bundle whose
// folder holds it most closely: the files of a published bundle inside a
// draft section's folder are published with it.
func withhold(assets []string, built, left []*Page) (kept, withheld []string) {
	leftOut := map[string]bool{} // the folder of each bundle: whether it is left out
	for _, p := range left {
		if dir, ok := BundleFolder(p.Path); ok {
			leftOut[dir] = true
		}
	}
	if len(leftOut) == 0 {
		return assets, nil
	}
	for _, p := range built {
		if dir, ok := BundleFolder(p.Path); ok {
			leftOut[dir] = false
		}
	}
	for _, a := range assets {
		out := false
		for d := path.Dir(a); d != "." && d != "/"; d = path.Dir(d) {
			if is, ok := leftOut[d]; ok {
				out = is
				break
			}
		}
		if out {
			withheld = append(withheld, a)
		} else {
			kept = append(kept, a)
		}
	}
	return kept, withheld
}

// indexEntry reads the file f for the index (see LoadIndex). It returns
// nil when the file cannot be read.
func indexEntry(fsys fs.FS, f string, diags *diag.List) *Page {
	src, err := sitefs.ReadFile(fsys, f, sitefs.MaxFileSize)
	if err != nil {
		diags.Errorf(diag.Pos{Path: f, Line: 1, Col: 1}, "%s", readError(err))
		return nil
	}
	// The parse's problems are reported when the page renders.
	var scratch diag.List
	full := parse(f, src, &scratch, false)
	return &Page{Path: f, Dir: path.Dir(f), Kind: full.Kind, Slug: full.Slug, SlugPos: full.SlugPos, Draft: full.Draft, Aliases: full.Aliases, Date: full.Date, DatePos: full.DatePos, Nav: full.Nav, NavPos: full.NavPos, HasData: full.HasData}
}

// checkTwins reports the files of assets whose paths differ only in how
// their accented letters are encoded (see AssignURLs), an error at each,
// and warns of those whose paths name a device on Windows, returning how
// many it warned of.
func checkTwins(assets []string, diags *diag.List) int {
	devices := 0
	seen := make(map[string]string, len(assets))
	for _, a := range assets {
		if warnWindowsDevice(a, diags) {
			devices++
		}
		key := norm.NFC.String(a)
		other, ok := seen[key]
		if !ok {
			seen[key] = a
			continue
		}
		diags.Errorf(diag.Pos{Path: a, Line: 1, Col: 1}, "is also %s%s", other, encodedApart(a, other))
		diags.Errorf(diag.Pos{Path: other, Line: 1, Col: 1}, "is also %s%s", a, encodedApart(other, a))
	}
	return devices
}
