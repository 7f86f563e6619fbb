package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"runtime"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/data"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/markdown"
	"github.com/plotline/plotline/internal/render"
)

// loadTheme reads every file of theme/ (site over defaults), writes it to
// the output and records its hash for asset URLs. A file it cannot read
// is a diagnostic at the file.
func (r *run) loadTheme(diags *diag.List) error {
	r.st.theme = map[string]string{}
	return fs.WalkDir(r.b.fsys, "theme", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == "theme" {
				return nil
			}
			diags.Errorf(diag.Pos{Path: p, Line: 1, Col: 1}, "%s", content.DescribeReadError(err))
			return nil
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		src, err := content.ReadFile(r.b.fsys, p, content.MaxAssetSize)
		if err != nil {
			diags.Errorf(diag.Pos{Path: p, Line: 1, Col: 1}, "%s", content.DescribeReadError(err))
			return nil
		}
		sum := sha256.Sum256(src)
		r.st.theme[p] = hex.EncodeToString(sum[:4])
		return r.write(p, src)
	})
}

// copyAssets copies the non-Markdown files of content/ next to the pages.
// A file it cannot read is a diagnostic at the file; the others are still
// copied, so that a build reports every problem at once.
func (r *run) copyAssets(assets []string, diags *diag.List) error {
	for _, a := range assets {
		src, err := content.ReadFile(r.b.fsys, a, content.MaxAssetSize)
		if err != nil {
			diags.Errorf(diag.Pos{Path: a, Line: 1, Col: 1}, "%s", content.DescribeReadError(err))
			continue
		}
		if err := r.write(strings.TrimPrefix(a, "content/"), src); err != nil {
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
func (r *run) renderPages(pages []*content.Page, feed feedPolicy) ([]*record, diag.List, error) {
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
				src, err := content.ReadFile(r.b.fsys, p.Path, content.MaxFileSize)
				if err != nil {
					results[i].Errorf(diag.Pos{Path: p.Path, Line: 1, Col: 1}, "cannot read: %v", err)
					return nil
				}
				if r.prev != nil {
					if rec := r.reuse(p.Path, src, feed); rec != nil {
						if rec.feed != "" {
							feed.keep(rec)
						}
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
			rec, err := r.renderPage(p, feed.wants(p), &results[i])
			if rec != nil && rec.feed != "" {
				feed.keep(rec)
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
		}
	}
	return out, all, nil
}

// loadPage parses src, the page the index listed as entry. It returns nil
// when the page has errors, which go to diags.
func (r *run) loadPage(entry *content.Page, src []byte, diags *diag.List) *content.Page {
	p := content.Parse(entry.Path, src, diags)
	if p.Broken {
		return nil
	}
	// The index read the slug and draft keys without a YAML parser; the
	// full parse must agree, or links to this page were checked against
	// the wrong address.
	if u, _ := content.URLFor(p); u != entry.URL || (p.Draft && !r.b.opts.Drafts) {
		diags.Errorf(diag.Pos{Path: entry.Path, Line: 1, Col: 1}, "the slug or draft key could not be read without a full parse; write it as a plain \"key: value\" line")
		return nil
	}
	p.URL = entry.URL
	return p
}

// renderPage computes the data blocks of p, converts its Markdown and
// writes its HTML page and chart data. It returns nil when p has errors.
func (r *run) renderPage(p *content.Page, inFeed bool, diags *diag.List) (*record, error) {
	blocks := data.Parse(r.b.fsys, data.Page{Path: p.Path, Date: p.Date}, p.Data, diags)
	byName := make(map[string]*data.Block, len(blocks))
	var deps []string
	for _, b := range blocks {
		byName[b.Name] = b
		if b.CSV != "" {
			deps = append(deps, b.CSV)
		}
	}
	charts := &charts{run: r, page: p, blocks: byName}
	body := r.b.buffers.get()
	defer r.b.buffers.put(body)
	res, err := r.b.md.Convert(&markdown.Page{
		Out:        body,
		Path:       p.Path,
		Source:     p.Source,
		BodyOffset: p.BodyOffset,
		Values:     values{blocks: byName},
		Charts:     charts,
		Links:      pageLinks{ix: r.ix, page: p},
	}, diags)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p.Path, err)
	}
	if diags.HasErrors() {
		return nil, nil
	}
	summary := r.summary(p, res.Words)
	if p.Kind == content.Article {
		// Rendered here, in parallel with the other pages, and once,
		// rather than in every list the article appears in.
		var item strings.Builder
		if err := r.st.layouts.ExecuteItem(&item, summary); err != nil {
			// The page is still rendered, for its template's errors.
			if err := templateError(err, diags); err != nil {
				return nil, err
			}
		}
		summary.Item = template.HTML(item.String())
	}
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
		Site:        r.st.site,
		Kind:        kind,
		Title:       p.Title,
		Description: p.Description,
		URL:         p.URL,
		Canonical:   r.st.site.AbsURL(p.URL),
		HasChart:    res.Charts > 0,
		Article:     art,
	}
	rec := &record{path: p.Path, url: p.URL, kind: p.Kind, date: p.Date, summary: summary, deps: deps}
	if r.prev != nil {
		rec.key, _ = r.pageKey(p.Source, deps)
	}
	if err := r.writePage(p.URL+"index.html", page); err != nil {
		return nil, templateError(err, diags)
	}
	if diags.HasErrors() {
		return nil, nil
	}
	rec.outputs = append(rec.outputs, p.URL+"index.html")
	csvs, err := charts.writeCSVs()
	if err != nil {
		return nil, err
	}
	rec.outputs = append(rec.outputs, csvs...)
	if inFeed {
		rec.feed = feedHTML(res.HTML)
	}
	return rec, nil
}

// feedHTML drops from an article's HTML what a feed reader cannot use: the
// interactive chart's option script, keeping the static SVG.
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

// writePage executes a layout into the output.
func (r *run) writePage(sitePath string, p *render.Page) error {
	buf := r.b.buffers.get()
	defer r.b.buffers.put(buf)
	if p.Article != nil {
		buf.Grow(len(p.Article.Content) + 16<<10)
	}
	if err := r.st.layouts.Execute(buf, p); err != nil {
		return fmt.Errorf("rendering /%s: %w", sitePath, err)
	}
	return r.write(sitePath, buf.Bytes())
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

// pageLinks resolves the links of one page.
type pageLinks struct {
	ix   *linkIndex
	page *content.Page
}

// ResolveLink implements markdown.LinkResolver.
func (l pageLinks) ResolveLink(dest string) (string, error) { return l.ix.resolve(l.page, dest) }
