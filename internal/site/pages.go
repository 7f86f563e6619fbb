package site

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html"
	"html/template"
	"io/fs"
	"runtime"
	"slices"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/plotline/plotline/internal/buildcache"
	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/data"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/locale"
	"github.com/plotline/plotline/internal/markdown"
	"github.com/plotline/plotline/internal/render"
	"github.com/plotline/plotline/internal/sitefs"
	"github.com/plotline/plotline/internal/words"
)

// loadTheme reads every file of theme/ (site over defaults), writes it to
// the output and records its hash for asset URLs. Names sitefs.LeftOut
// leaves out (a theme's .git, editors' backups) are neither read nor
// published, nor is anything in such a folder. A file it cannot read is a
// diagnostic at the file.
func (r *run) loadTheme(diags *diag.List) error {
	r.st.theme = map[string]string{}
	return fs.WalkDir(r.b.fsys, "theme", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == "theme" {
				return nil
			}
			diags.Errorf(diag.Pos{Path: p, Line: 1, Col: 1}, "%s", sitefs.DescribeReadError(err))
			return nil
		}
		if skip, err := content.SkipEntry("theme", p, d, diags); skip {
			return err
		}
		if d.IsDir() {
			return nil
		}
		src, err := sitefs.ReadFile(r.b.fsys, p, sitefs.MaxAssetSize)
		if err != nil {
			msg := sitefs.DescribeReadError(err)
			if errors.Is(err, sitefs.ErrIsFolder) && d.Type()&fs.ModeSymlink != 0 {
				msg = sitefs.LinkToFolder
			}
			diags.Errorf(diag.Pos{Path: p, Line: 1, Col: 1}, "%s", msg)
			return nil
		}
		sum := sha256.Sum256(src)
		r.st.theme[p] = hex.EncodeToString(sum[:4])
		return r.write(p, p, src)
	})
}

// copyAssets copies the non-Markdown files of content/ next to the pages.
// A file it cannot read, or that could not be written beside the pages (it
// has the name of a page's folder, or lies in a folder named as a file
// plotline writes at the top), is a diagnostic at the file; the others are
// still copied, so that a build reports every problem at once.
func (r *run) copyAssets(assets []string, diags *diag.List) error {
	if len(assets) == 0 {
		return nil
	}
	folders := r.st.ix.folders()
	for _, a := range assets {
		sp := r.st.ix.bundles.SitePath(a)
		if by, ok := folders[nfc(sp)]; ok {
			// The file and the folder cannot both be made.
			diags.Errorf(diag.Pos{Path: a, Line: 1, Col: 1}, "is published as %s, the name of the folder of %s: rename one of them", sp, by)
			continue
		}
		if dir, ok := fileFolder(sp); ok {
			diags.Errorf(diag.Pos{Path: a, Line: 1, Col: 1}, "is published in the folder %s, the name of the file plotline writes there: move it out of that folder", dir)
			continue
		}
		src, err := sitefs.ReadFile(r.b.fsys, a, sitefs.MaxAssetSize)
		if err != nil {
			diags.Errorf(diag.Pos{Path: a, Line: 1, Col: 1}, "%s", sitefs.DescribeReadError(err))
			continue
		}
		if err := r.write(sp, a, src); err != nil {
			return err
		}
	}
	return nil
}

// renderPages renders pages in parallel. It returns a record for each page
// that rendered, and the diagnostics of all of them. A page without its
// Source (from content.LoadIndex) is read and parsed by the worker that
// renders it, so only the pages being rendered are in memory. feed says
// which articles keep their HTML for the feed.
func (r *run) renderPages(pages []*content.Page, feed feedSet) ([]*record, diag.List, error) {
	results := make([]diag.List, len(pages))
	records := make([]*record, len(pages))
	g, ctx := errgroup.WithContext(r.ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, p := range pages {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			if p.Source == nil {
				src, err := sitefs.ReadFile(r.b.fsys, p.Path, sitefs.MaxFileSize)
				if err != nil {
					results[i].Errorf(diag.Pos{Path: p.Path, Line: 1, Col: 1}, "cannot read: %v", err)
					return nil
				}
				if r.prev != nil {
					if rec := r.reuse(p.Path, src, feed); rec != nil {
						results[i].Add(rec.warnings...)
						records[i] = rec
						return nil
					}
				}
				full := r.loadPage(p, src, &results[i])
				if full == nil {
					return nil
				}
				p = full
			}
			rec, err := r.renderPage(p, feed[p.Path], &results[i])
			if rec != nil {
				// The page has no errors: what it drew is warnings.
				rec.warnings = results[i]
			}
			records[i] = rec
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, nil, err
	}
	if err := r.ctx.Err(); err != nil {
		return nil, nil, err
	}
	var all diag.List
	var out []*record
	for i := range pages {
		all.Add(results[i]...)
		if records[i] != nil {
			out = append(out, records[i])
		} else if _, ok := r.failed[pages[i].Path]; !ok {
			r.tagsUnknown = true // not read, or not rendered: its tags are not known
		}
	}
	return out, all, nil
}

// loadPage parses src, the page the index listed as entry. It returns nil
// when the page has errors, which go to diags with those of its data
// blocks.
func (r *run) loadPage(entry *content.Page, src []byte, diags *diag.List) *content.Page {
	p := content.Parse(entry.Path, src, diags)
	if p.Broken && p.Decoded {
		// A mistake in a value of the front matter: the page is not
		// written, but renderPage still reads its data blocks and checks
		// its body, so that one build shows every mistake of the file.
		p.URL = entry.URL
		return p
	}
	if p.Broken {
		r.readBroken(p, diags)
		return nil
	}
	// The index parsed the file too; a different address or draft key
	// now means the file changed in between, and links to this page were
	// checked against the address it had then.
	if u, _ := content.URLFor(p); u != entry.URL || (p.Draft && !r.b.opts.Drafts) {
		diags.Errorf(diag.Pos{Path: entry.Path, Line: 1, Col: 1}, "the file changed while the site was being built (its address or draft key is not what it was a moment before); build again")
		return nil
	}
	p.URL = entry.URL
	return p
}

// renderPage computes the data blocks of p, converts its Markdown and
// writes its HTML page and chart data. It returns nil when p has errors.
func (r *run) renderPage(p *content.Page, inFeed bool, diags *diag.List) (*record, error) {
	blocks := data.Parse(r.b.fsys, data.Page{Path: p.Path, Date: p.Date, CSVs: r.csvs}, p.Data, diags)
	data.WarnPointGroups(blocks, r.b.loc.Numbers().Group, r.b.loc.Language(), diags)
	var deps []string
	for _, b := range blocks {
		if b.CSV == "" {
			continue
		}
		if !slices.Contains(deps, b.CSV) {
			deps = append(deps, b.CSV) // once, however many blocks read it
		}
		// The chart, its CSV download and the prose would publish the
		// rows of a file withheld with its page, as a link to it would.
		// A page bundle that goes built or unbuilt rebuilds every page.
		if _, ok := r.st.ix.unbuiltFiles[nfc(b.CSV)]; ok {
			diags.Errorf(b.CSVPos, "csv: %s is a file of a page that is not built (a draft, or dated after today): it is published with its page", b.CSV)
		}
	}
	// The page's lang: is read before its Markdown, so that a mistake in
	// it is told with the page's others, and its links still checked.
	site := r.pageSite(p, diags)
	scope := data.NewScope(blocks)
	scope.Claims = r.b.claims
	scope.Locale = r.b.loc
	scope.OnClaim = r.noteClaim
	// The headline and the dek may hold values too; lists, the feed and
	// the meta tags show them as the page does.
	p.Title = r.expand(scope, p, p.Title, p.TitlePos, diags)
	p.Description = r.expand(scope, p, p.Description, p.DescriptionPos, diags)
	if len(p.Sources) > 0 {
		// A source's name holds dates of its own ("report of 13
		// January"): they are not checked against the data.
		sources := slices.Clone(p.Sources)
		for i, s := range sources {
			at := content.ValuePositions(p.Path, p.Source, s.NamePos, s.Name)
			sources[i].Name = r.b.md.Typeset(scope.Expand(s.Name, at, diags))
		}
		p.Sources = sources
	}
	charts := &charts{run: r, page: p, scope: scope}
	links := &pageLinks{ix: r.st.ix, page: p}
	body := r.b.buffers.get()
	defer r.b.buffers.put(body)
	res, err := r.b.md.Convert(&markdown.Page{
		Out:        body,
		Path:       p.Path,
		Source:     p.Source,
		BodyOffset: p.BodyOffset,
		Values:     values{scope: scope},
		Text:       values{scope: scope},
		Charts:     charts,
		Links:      links,
		Feed:       inFeed,
		Words:      r.st.mdWords,
		TakenIDs:   r.st.layouts.IDs(),
	}, diags)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p.Path, err)
	}
	pv := r.preview(p, charts, res.Charts, diags)
	if diags.HasErrors() {
		// Not rendered, but its links are checked with the others, and
		// its own ids are those of its Markdown.
		r.mu.Lock()
		makeIfNil(&r.failed)
		r.failed[p.Path] = &record{path: p.Path, url: p.URL, kind: p.Kind, summary: r.summary(p, 0), checks: links.checks, ids: htmlIDs(res.HTML, res.Anchors), unknown: p.Unknown}
		r.mu.Unlock()
		return nil, nil
	}
	if r.st.layouts == nil {
		return nil, nil // checked only: the templates cannot be parsed
	}
	if pv.dep != "" {
		deps = append(deps, pv.dep)
		links.note(pv.link)
	}
	summary := r.summary(p, res.Words)
	summary.Excerpt = res.Summary
	summary.DataDate, summary.DataForm = newestObservation(blocks)
	if p.Kind == content.Article {
		// Rendered here, in parallel with the other pages, and once,
		// rather than in every list the article appears in.
		item, err := r.item(summary)
		if err != nil {
			// The page is still rendered, for its template's errors.
			if err := templateError(err, diags); err != nil {
				return nil, err
			}
		}
		summary.Item = item
	}
	art := &render.Article{
		Params:  p.Params,
		Summary: *summary,
		Content: template.HTML(res.HTML),
		ShowTOC: p.TOC && p.Kind == content.Article,
	}
	for _, h := range res.Headings {
		art.Headings = append(art.Headings, render.Heading(h))
	}
	for _, s := range p.Sources {
		art.Sources = append(art.Sources, render.Source{Name: s.Name, Link: s.Link()})
	}
	kind := "article"
	if p.Kind == content.Standalone {
		kind = "page"
	}
	page := &render.Page{
		Site:        site,
		Kind:        kind,
		Title:       p.Title,
		Description: cmp.Or(p.Description, summary.Excerpt), // as lists and the feed sum it up
		URL:         p.URL,
		Canonical:   r.st.site.AbsURL(p.URL),
		HasChart:    res.Charts > 0,
		Image:       pv.image,
		Article:     art,
	}
	rec := &record{path: p.Path, url: p.URL, kind: p.Kind, date: p.Date, summary: summary, deps: deps, links: links.targets, checks: links.checks, card: pv.key, unknown: p.Unknown, tagPos: p.TagPos}
	if r.prev != nil {
		rec.key, _ = r.pageKey(p.Source, deps)
	}
	ids, err := r.writePage(p.URL+"index.html", p.Path, page, res.Anchors)
	if err != nil {
		return nil, templateError(err, diags)
	}
	rec.ids = ids
	if diags.HasErrors() {
		return nil, nil
	}
	rec.outputs = append(rec.outputs, p.URL+"index.html")
	files, err := charts.writeFiles()
	if err != nil {
		return nil, err
	}
	rec.outputs = append(rec.outputs, files...)
	embeds, err := charts.writeEmbeds(summary, page.Site, diags)
	if err != nil {
		return nil, err
	}
	if diags.HasErrors() {
		return nil, nil
	}
	rec.outputs = append(rec.outputs, embeds...)
	switch {
	case pv.card != nil:
		if err := r.write(p.URL+previewFile, p.Path, pv.card); err != nil {
			return nil, err
		}
		rec.outputs = append(rec.outputs, p.URL+previewFile)
	case pv.kept:
		rec.outputs = append(rec.outputs, p.URL+previewFile) // kept by r.card
	}
	if err := r.writeAliases(p, rec, diags); err != nil {
		return nil, err
	}
	if diags.HasErrors() {
		return nil, nil
	}
	if inFeed {
		rec.feed = string(res.FeedHTML)
	}
	return rec, nil
}

// item renders s's entry in a list. The entry is kept until the end of
// the build, one for every article: it is rendered into a pooled buffer
// and copied out at its length, where a strings.Builder grown by doubling
// kept up to twice its length and left the smaller buffers before it as
// garbage.
func (r *run) item(s *render.Summary) (template.HTML, error) {
	buf := r.b.buffers.get()
	defer r.b.buffers.put(buf)
	err := r.st.layouts.ExecuteItem(buf, s)
	return template.HTML(buf.String()), err
}

// writeAliases writes a redirect page to p at each of its aliases, and
// adds them to the files rec writes. An alias that names a file the page
// writes itself is an error at the alias; one that another source or
// plotline writes is a clash (see run.clash), reported there too.
func (r *run) writeAliases(p *content.Page, rec *record, diags *diag.List) error {
	if len(p.Aliases) == 0 {
		return nil
	}
	var buf bytes.Buffer
	if err := render.WriteRedirect(&buf, r.st.site, r.st.words, words.MovedTo, p.Title, p.URL); err != nil {
		return err
	}
	for _, a := range p.Aliases {
		if slices.Contains(rec.outputs, a.File) {
			diags.Errorf(a.Pos, "aliases: this page writes %s itself", a.File)
			continue
		}
		r.mu.Lock()
		r.st.aliasAt[aliasKey{a.File, p.Path}] = a.Pos
		r.mu.Unlock()
		if err := r.write(a.File, p.Path, buf.Bytes()); err != nil {
			return err
		}
		rec.outputs = append(rec.outputs, a.File)
	}
	return nil
}

// expand checks text, a value of p's front matter or chart block found at
// pos, for numbers typed by hand, and returns it with its {{ … }} shown.
func (r *run) expand(scope *data.Scope, p *content.Page, text string, pos diag.Pos, diags *diag.List) string {
	at := content.ValuePositions(p.Path, p.Source, pos, text)
	scope.CheckLiterals(text, at, diags)
	return r.b.md.Typeset(scope.Expand(text, at, diags))
}

// newestObservation returns the date of the latest observation of
// blocks, or the zero time when they have none, and the form it is shown
// to readers in: as it was written, "June 2024" of a monthly series
// (locale.LongMonthYear), "2024" of a yearly one, and Long for a day.
func newestObservation(blocks []*data.Block) (time.Time, locale.DateForm) {
	var newest time.Time
	grain := data.ByYear
	for _, b := range blocks {
		n := len(b.Series)
		if n == 0 {
			continue
		}
		p := b.Series[n-1]
		switch {
		case p.Date.After(newest):
			newest, grain = p.Date, p.Grain.Shows(p.Date)
		case p.Date.Equal(newest):
			// The finest grain of those written on the same date: a day
			// of one block is shown as a day, not as the month another
			// block's first of the month stands for.
			grain = min(grain, p.Grain.Shows(p.Date))
		}
	}
	if form, ok := grain.Form(newest, true); ok && !newest.IsZero() {
		return newest, form
	}
	return newest, locale.Long
}

// summary returns what lists show of p.
func (r *run) summary(p *content.Page, words int) *render.Summary {
	s := &render.Summary{
		Title:          p.Title,
		Description:    p.Description,
		URL:            p.URL,
		Date:           p.Date,
		Updated:        p.Updated,
		Author:         cmp.Or(p.Author, r.b.cfg.Author),
		ReadingMinutes: max(1, (words+220)/230),
	}
	for _, t := range p.Tags {
		slug := content.Slugify(t)
		s.Tags = append(s.Tags, render.Tag{Name: t, Slug: slug, URL: "tags/" + slug + "/"})
	}
	return s
}

// templateError puts a template's execution error into diags, at the
// template's line and column, and returns nil; any other error is
// returned as it is. A faulty template then fails the build with every
// such error at once, each told once however many pages met it.
func templateError(err error, diags *diag.List) error {
	if d, ok := render.ExecDiag(err); ok {
		diags.Add(d)
		return nil
	}
	return err
}

// writePage executes a layout into the output at sitePath, for owner. It
// returns the ids of an article's or a standalone page's HTML with the
// anchors of its raw HTML, sorted, for the links to it that name one.
func (r *run) writePage(sitePath, owner string, p *render.Page, anchors []string) ([]string, error) {
	buf := r.b.buffers.get()
	defer r.b.buffers.put(buf)
	if p.Article != nil {
		buf.Grow(len(p.Article.Content) + 16<<10)
	}
	if err := r.st.layouts.Execute(buf, p); err != nil {
		return nil, fmt.Errorf("rendering /%s: %w", sitePath, err)
	}
	var ids []string
	if p.Article != nil {
		ids = htmlIDs(buf.Bytes(), anchors)
	}
	return ids, r.write(sitePath, owner, buf.Bytes())
}

// htmlIDs returns the values of the id="…" attributes of an HTML
// document, sorted, each once, with their character references undone,
// and those of more: the anchors of the article's raw HTML, which the
// Markdown converter read with an HTML tokenizer (markdown.Result.Anchors).
// plotline's own HTML, goldmark's and the templates', writes every id
// with double quotes, and a byte search finds them many times faster than
// a tokenizer: a tenth of a cold build, on pages most of whose bytes are
// its own.
func htmlIDs(doc []byte, more []string) []string {
	ids := slices.Clone(more)
	for rest := doc; ; {
		i := bytes.Index(rest, []byte(` id="`))
		if i < 0 {
			break
		}
		rest = rest[i+5:]
		end := bytes.IndexByte(rest, '"')
		if end < 0 {
			break
		}
		ids = append(ids, html.UnescapeString(string(rest[:end])))
		rest = rest[end:]
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// bufferPool recycles the buffers pages are rendered into. What is written
// from a buffer must be used or copied before the buffer goes back.
type bufferPool struct{ pool sync.Pool }

func (p *bufferPool) get() *bytes.Buffer {
	if b, ok := p.pool.Get().(*bytes.Buffer); ok {
		b.Reset()
		return b
	}
	return new(bytes.Buffer)
}

func (p *bufferPool) put(b *bytes.Buffer) {
	if b.Cap() <= 4<<20 {
		p.pool.Put(b)
	}
}

// pageLinks resolves the links of one page and remembers their targets,
// so that a rebuild knows which pages a removed page or file breaks, and
// the links to check once every page is rendered.
type pageLinks struct {
	ix      *linkIndex
	page    *content.Page
	targets []string // site paths, sorted, each once
	checks  []buildcache.LinkCheck
}

// note records that the page links to the site path target.
func (l *pageLinks) note(target string) {
	if i, found := slices.BinarySearch(l.targets, target); !found {
		l.targets = slices.Insert(l.targets, i, target)
	}
}

// ResolveLink implements markdown.LinkResolver.
func (l *pageLinks) ResolveLink(dest string, pos diag.Pos) (string, error) {
	u, target, check, err := l.ix.resolve(l.page, dest)
	if err != nil {
		return "", err
	}
	l.note(target)
	if check != nil {
		check.Pos, check.Dest = pos, dest
		l.checks = append(l.checks, *check)
	}
	return u, nil
}
