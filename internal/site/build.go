// Package site builds a whole site: it loads the content, computes the data
// blocks, converts Markdown with charts and values, renders every page into a
// temporary folder and swaps that folder in place of the output only when
// the whole build succeeded. It is the one package that writes the output.
package site

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/plotline/plotline/internal/config"
	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/data"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/markdown"
	"github.com/plotline/plotline/internal/render"
)

// Options are the settings of a build besides the site's config.
type Options struct {
	Dest   string // the output folder on disk
	Drafts bool   // build pages marked draft
}

// Builder builds one site. It keeps what can be reused from one build to
// the next (the Markdown converter and its highlighting cache).
type Builder struct {
	cfg  config.Config
	fsys fs.FS
	opts Options
	md   *markdown.Converter
}

// NewBuilder returns a Builder for the site in fsys: the site folder laid
// over the default templates and theme.
func NewBuilder(cfg config.Config, fsys fs.FS, opts Options) *Builder {
	return &Builder{
		cfg:  cfg,
		fsys: fsys,
		opts: opts,
		md:   markdown.New(markdown.Options{UnsafeHTML: cfg.UnsafeHTML}),
	}
}

// Result describes a finished build.
type Result struct {
	Pages    int       // HTML pages written
	Files    int       // files written in all
	Warnings diag.List // problems that did not stop the build
	Duration time.Duration
}

// Build builds the site into the output folder. When the input has errors
// it returns them all as a diag.List and leaves the output as it was; it
// does the same when ctx is cancelled.
func (b *Builder) Build(ctx context.Context) (Result, error) {
	start := time.Now()
	var diags diag.List
	site := content.Load(b.fsys, content.Options{Drafts: b.opts.Drafts}, &diags)

	out, err := newOutput(b.opts.Dest)
	if err != nil {
		return Result{}, err
	}
	committed := false
	defer func() {
		if !committed {
			out.discard()
		}
	}()

	r := &run{
		b:    b,
		ctx:  ctx,
		out:  out,
		site: renderSite(&b.cfg),
		ix: &linkIndex{
			basePath: b.cfg.BasePath(),
			pages:    map[string]*content.Page{},
			files:    map[string]*content.Page{},
			assets:   map[string]bool{},
		},
	}
	for _, p := range site.Pages {
		r.ix.pages[p.URL] = p
		r.ix.files[p.Path] = p
	}
	for _, a := range site.Assets {
		r.ix.assets[strings.TrimPrefix(a, "content/")] = true
	}
	for _, f := range []string{"feed.xml", "sitemap.xml", "robots.txt", "404.html", "tags/"} {
		r.ix.assets[f] = true
	}
	if err := r.copyTheme(); err != nil {
		return Result{}, err
	}
	layouts, err := render.ParseLayouts(b.fsys, render.Funcs(r.site, r.asset))
	if err != nil {
		var l diag.List
		if errors.As(err, &l) {
			diags.Add(l...)
		} else {
			return Result{}, err
		}
	}
	r.layouts = layouts
	if layouts == nil {
		diags.Sort()
		return Result{Warnings: diags.Warnings()}, diags
	}

	// Pages with errors of their own are reported, not rendered; the others
	// are rendered so that every problem of the build shows at once.
	var good []*content.Page
	for _, p := range site.Pages {
		if !p.Broken {
			good = append(good, p)
		}
	}
	pageDiags := r.renderPages(good)
	diags.Add(pageDiags...)
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	if r.err != nil {
		return Result{}, r.err
	}
	if diags.HasErrors() {
		diags.Sort()
		return Result{Warnings: diags.Warnings()}, diags
	}
	if err := r.renderLists(); err != nil {
		return Result{}, err
	}
	if err := r.copyAssets(site.Assets); err != nil {
		return Result{}, err
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	if err := out.commit(); err != nil {
		return Result{}, err
	}
	committed = true
	diags.Sort()
	return Result{Pages: r.pages, Files: r.files, Warnings: diags.Warnings(), Duration: time.Since(start)}, nil
}

// run is the state of one build.
type run struct {
	b       *Builder
	ctx     context.Context
	out     *output
	site    *render.Site
	ix      *linkIndex
	layouts *render.Layouts
	hashes  map[string]string // theme file → short content hash

	mu        sync.Mutex
	summaries []*render.Summary // articles, in site order
	feed      []render.FeedEntry
	sitemap   []render.SitemapEntry
	pages     int
	files     int
	err       error
}

func renderSite(cfg *config.Config) *render.Site {
	base := cfg.BaseURL
	if base != "" && !strings.HasSuffix(base, "/") {
		base += "/"
	}
	return &render.Site{
		Title:       cfg.Title,
		Description: cfg.Description,
		Language:    cfg.Language,
		Author:      cfg.Author,
		BaseURL:     base,
		BasePath:    cfg.BasePath(),
	}
}

// asset returns the URL of a theme file with its content hash, so a
// changed file is never served stale from a cache.
func (r *run) asset(name string) string {
	u := r.site.URL(name)
	if h, ok := r.hashes[name]; ok {
		return u + "?v=" + h
	}
	return u
}

// copyTheme writes every file of theme/ (site over defaults) to the output.
func (r *run) copyTheme() error {
	r.hashes = map[string]string{}
	return fs.WalkDir(r.b.fsys, "theme", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == "theme" {
				return nil
			}
			return err
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		src, err := fs.ReadFile(r.b.fsys, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(src)
		r.hashes[p] = hex.EncodeToString(sum[:4])
		r.files++
		return r.out.WriteFile(p, src)
	})
}

// copyAssets copies the non-Markdown files of content/ next to the pages.
func (r *run) copyAssets(assets []string) error {
	for _, a := range assets {
		src, err := fs.ReadFile(r.b.fsys, a)
		if err != nil {
			return fmt.Errorf("%s: %w", a, err)
		}
		if err := r.out.WriteFile(strings.TrimPrefix(a, "content/"), src); err != nil {
			return err
		}
		r.files++
	}
	return nil
}

// renderPages renders every page in parallel and returns their diagnostics.
func (r *run) renderPages(pages []*content.Page) diag.List {
	results := make([]diag.List, len(pages))
	g, ctx := errgroup.WithContext(r.ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	feedItems := r.b.cfg.FeedItems
	articleIndex := 0
	summaries := make([]*render.Summary, len(pages))
	feed := make([]*render.FeedEntry, len(pages))
	for i, p := range pages {
		inFeed := false
		if p.Kind == content.Article {
			inFeed = articleIndex < feedItems
			articleIndex++
		}
		g.Go(func() error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			s, fe, err := r.renderPage(p, inFeed, &results[i])
			summaries[i], feed[i] = s, fe
			return err
		})
	}
	if err := g.Wait(); err != nil && r.ctx.Err() == nil {
		r.err = err
	}
	var all diag.List
	for _, l := range results {
		all.Add(l...)
	}
	for i, p := range pages {
		if p.Kind == content.Article && summaries[i] != nil {
			r.summaries = append(r.summaries, summaries[i])
		}
		if feed[i] != nil {
			r.feed = append(r.feed, *feed[i])
		}
		if summaries[i] != nil {
			last := p.Date
			if !p.Updated.IsZero() {
				last = p.Updated
			}
			r.sitemap = append(r.sitemap, render.SitemapEntry{URL: p.URL, Lastmod: last})
		}
	}
	return all
}

// renderPage computes the data blocks of p, converts its Markdown and
// writes its HTML page. It returns p's summary for the lists, and its feed
// entry when it is one of the newest articles.
func (r *run) renderPage(p *content.Page, inFeed bool, diags *diag.List) (*render.Summary, *render.FeedEntry, error) {
	blocks := data.Parse(r.b.fsys, data.Page{Path: p.Path, Date: p.Date}, p.Data, diags)
	byName := make(map[string]*data.Block, len(blocks))
	for _, b := range blocks {
		byName[b.Name] = b
	}
	charts := &charts{run: r, page: p, blocks: byName}
	res, err := r.b.md.Convert(&markdown.Page{
		Path:       p.Path,
		Source:     p.Source,
		BodyOffset: p.BodyOffset,
		Values:     values{blocks: byName},
		Charts:     charts,
		Links:      pageLinks{ix: r.ix, page: p},
	}, diags)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", p.Path, err)
	}
	if diags.HasErrors() {
		return nil, nil, nil
	}
	summary := r.summary(p, res.Words)
	art := &render.Article{
		Summary: *summary,
		Content: template.HTML(res.HTML),
		ShowTOC: p.TOC && p.Kind == content.Article,
	}
	for _, h := range res.Headings {
		art.Headings = append(art.Headings, render.Heading(h))
	}
	for _, s := range p.Sources {
		art.Sources = append(art.Sources, render.Source{Name: s.Name, Link: httpLink(s.URL)})
	}
	kind := "article"
	if p.Kind == content.Standalone {
		kind = "page"
	}
	page := &render.Page{
		Site:        r.site,
		Kind:        kind,
		Title:       p.Title,
		Description: p.Description,
		URL:         p.URL,
		Canonical:   r.site.AbsURL(p.URL),
		HasChart:    res.Charts > 0,
		Article:     art,
	}
	if err := r.writePage(p.URL+"index.html", page); err != nil {
		return nil, nil, err
	}
	if err := charts.writeCSVs(); err != nil {
		return nil, nil, err
	}
	var fe *render.FeedEntry
	if inFeed {
		fe = &render.FeedEntry{Summary: *summary, Content: feedHTML(res.HTML)}
	}
	return summary, fe, nil
}

// feedHTML drops from an article's HTML what a feed reader cannot use: the
// interactive chart's container and its option script, keeping the static
// SVG.
func feedHTML(h []byte) string {
	s := string(h)
	for {
		i := strings.Index(s, `<script type="application/json"`)
		if i < 0 {
			break
		}
		j := strings.Index(s[i:], "</script>")
		if j < 0 {
			break
		}
		s = s[:i] + s[i+j+len("</script>"):]
	}
	return s
}

// httpLink returns u when it is an http(s) URL, and "" otherwise.
func httpLink(u string) string {
	l := strings.ToLower(strings.TrimSpace(u))
	if strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") {
		return strings.TrimSpace(u)
	}
	return ""
}

// summary returns what lists show of p.
func (r *run) summary(p *content.Page, words int) *render.Summary {
	s := &render.Summary{
		Title:          p.Title,
		Description:    p.Description,
		URL:            p.URL,
		Date:           p.Date,
		Updated:        p.Updated,
		Author:         p.Author,
		ReadingMinutes: max(1, (words+220)/230),
	}
	if s.Author == "" {
		s.Author = r.b.cfg.Author
	}
	for _, t := range p.Tags {
		slug := content.Slugify(t)
		s.Tags = append(s.Tags, render.Tag{Name: t, Slug: slug, URL: "tags/" + slug + "/"})
	}
	return s
}

// writePage executes a layout into the output.
func (r *run) writePage(sitePath string, p *render.Page) error {
	var buf bytes.Buffer
	if err := r.layouts.Execute(&buf, p); err != nil {
		return fmt.Errorf("rendering /%s: %w", sitePath, err)
	}
	if err := r.out.WriteFile(sitePath, buf.Bytes()); err != nil {
		return err
	}
	r.mu.Lock()
	r.pages++
	r.files++
	r.mu.Unlock()
	return nil
}

// renderLists writes the home page, the tag pages, the feed, the sitemap
// and the fixed files.
func (r *run) renderLists() error {
	site := r.site
	home := &render.Page{Site: site, Kind: "home", Title: site.Title, Description: site.Description, URL: "", Canonical: site.AbsURL(""), Articles: r.summaries}
	if err := r.writePage("index.html", home); err != nil {
		return err
	}
	byTag := map[string]*render.Tag{}
	tagged := map[string][]*render.Summary{}
	for _, s := range r.summaries {
		for _, t := range s.Tags {
			if _, ok := byTag[t.Slug]; !ok {
				tc := t
				byTag[t.Slug] = &tc
			}
			byTag[t.Slug].Count++
			tagged[t.Slug] = append(tagged[t.Slug], s)
		}
	}
	var tags []render.Tag
	for _, t := range byTag {
		tags = append(tags, *t)
	}
	slices.SortFunc(tags, func(a, b render.Tag) int { return strings.Compare(a.Slug, b.Slug) })
	for _, t := range tags {
		p := &render.Page{Site: site, Kind: "tag", Title: "Tagged " + t.Name, Description: fmt.Sprintf("Articles tagged %s.", t.Name), URL: t.URL, Canonical: site.AbsURL(t.URL), Articles: tagged[t.Slug], Tag: &t}
		if err := r.writePage(t.URL+"index.html", p); err != nil {
			return err
		}
		r.sitemap = append(r.sitemap, render.SitemapEntry{URL: t.URL})
	}
	tagsPage := &render.Page{Site: site, Kind: "tags", Title: "Tags", Description: "Every tag of " + site.Title + ".", URL: "tags/", Canonical: site.AbsURL("tags/"), Tags: tags}
	if err := r.writePage("tags/index.html", tagsPage); err != nil {
		return err
	}
	notFound := &render.Page{Site: site, Kind: "404", Title: "Page not found", URL: "404.html", Canonical: site.AbsURL("404.html")}
	if err := r.writePage("404.html", notFound); err != nil {
		return err
	}
	r.sitemap = append([]render.SitemapEntry{{URL: ""}, {URL: "tags/"}}, r.sitemap...)

	var buf bytes.Buffer
	if err := render.WriteFeed(&buf, site, r.feed); err != nil {
		return err
	}
	if err := r.writeFile("feed.xml", buf.Bytes()); err != nil {
		return err
	}
	buf.Reset()
	if err := render.WriteSitemap(&buf, site, r.sitemap); err != nil {
		return err
	}
	if err := r.writeFile("sitemap.xml", buf.Bytes()); err != nil {
		return err
	}
	buf.Reset()
	if err := render.WriteRobots(&buf, site); err != nil {
		return err
	}
	if err := r.writeFile("robots.txt", buf.Bytes()); err != nil {
		return err
	}
	return r.writeFile(".nojekyll", nil)
}

func (r *run) writeFile(sitePath string, b []byte) error {
	r.mu.Lock()
	r.files++
	r.mu.Unlock()
	return r.out.WriteFile(sitePath, b)
}

// pageLinks resolves the links of one page.
type pageLinks struct {
	ix   *linkIndex
	page *content.Page
}

// ResolveLink implements markdown.LinkResolver.
func (l pageLinks) ResolveLink(dest string) (string, error) { return l.ix.resolve(l.page, dest) }

func sortStrings(s []string) { slices.Sort(s) }
