package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/plotline/plotline/internal/config"
	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
)

// Rebuild brings the output up to date after the site files at the given
// slash paths (relative to the site folder) changed. When it can, it
// re-renders only what the changes touch — an edited article, the articles
// that read an edited CSV, and the lists that show them — and rewrites only
// the files whose contents changed, each replaced whole. A new, removed or
// renamed page, a template, the theme or the config makes it a full Build.
// On errors nothing is written; the caller should pass the same paths again
// with the next change, since they have still not been built.
func (b *Builder) Rebuild(ctx context.Context, changed []string) (Result, error) {
	if b.last == nil || b.needsFullBuild(changed) {
		return b.Build(ctx)
	}
	start := time.Now()
	st := b.last
	var diags diag.List

	// Parse the changed articles again; a change of URL or of draft status
	// changes the site's shape, and so does a page that stops parsing into
	// the same place.
	var pages []*content.Page
	affected := map[string]bool{}
	changedFiles := map[string]bool{}
	for _, p := range changed {
		changedFiles[p] = true
	}
	for _, p := range changed {
		if !strings.HasSuffix(p, ".md") || !strings.HasPrefix(p, "content/") {
			continue
		}
		rec, ok := st.pages[p]
		if !ok {
			continue // came and went
		}
		src, err := content.ReadFile(b.fsys, p, content.MaxFileSize)
		if err != nil {
			return b.Build(ctx)
		}
		page := content.Parse(p, src, &diags)
		u, urlErr := content.URLFor(page)
		if urlErr != "" || u != rec.url || (page.Draft && !b.opts.Drafts) || (!page.Broken && page.Kind != rec.kind) {
			return b.Build(ctx)
		}
		page.URL = u
		pages = append(pages, page)
		affected[p] = true
	}
	// Articles that read a changed CSV render again too.
	for _, rec := range st.pages {
		if affected[rec.path] {
			continue
		}
		for _, d := range rec.deps {
			if changedFiles[d] {
				src, err := content.ReadFile(b.fsys, rec.path, content.MaxFileSize)
				if err != nil {
					return b.Build(ctx)
				}
				page := content.Parse(rec.path, src, &diags)
				page.URL = rec.url
				pages = append(pages, page)
				affected[rec.path] = true
				break
			}
		}
	}
	if diags.HasErrors() {
		return failed(diags)
	}

	// Render into memory; nothing reaches the output unless every page
	// rendered without error.
	next := &state{
		site:    st.site,
		layouts: st.layouts,
		theme:   st.theme,
		pages:   maps.Clone(st.pages),
		order:   st.order,
		ix:      st.ix,
		assets:  st.assets,
		outputs: st.outputs,
		lists:   maps.Clone(st.lists),

		sitemapKey: st.sitemapKey,
	}
	// The site order changes only when a date does.
	dates := map[string]time.Time{}
	for _, p := range pages {
		if !p.Date.Equal(st.pages[p.Path].date) {
			dates[p.Path] = p.Date
		}
	}
	if len(dates) > 0 {
		next.order = sortOrder(st.pages, dates)
	}
	pending := map[string][]byte{}
	removed := map[string]bool{}
	r := b.newRun(ctx, next)
	r.emit = func(sitePath string, data []byte) error {
		r.mu.Lock()
		pending[sitePath] = bytes.Clone(data) // data's buffer is reused
		r.mu.Unlock()
		return nil
	}
	records, pageDiags, err := r.renderPages(pages, b.feedSetOf(next, pages))
	if err != nil {
		return Result{}, err
	}
	diags.Add(pageDiags...)
	if diags.HasErrors() {
		return failed(diags)
	}
	lists := 0
	for _, rec := range records {
		old := next.pages[rec.path]
		next.pages[rec.path] = rec
		if !reflect.DeepEqual(old.summary, rec.summary) {
			lists |= listPages | listFeed
		}
		if old.feed != rec.feed {
			lists |= listFeed
		}
		// What the page wrote before and writes no more (the CSV of a
		// chart taken out) goes.
		for _, o := range old.outputs {
			if !slices.Contains(rec.outputs, o) {
				removed[o] = true
			}
		}
	}
	// The feed holds the HTML of the newest articles: a page that has just
	// entered it renders again for it.
	if missing := b.feedMissing(next); len(missing) > 0 {
		more, moreDiags, err := b.reparse(r, missing)
		if err != nil {
			return Result{}, err
		}
		diags.Add(moreDiags...)
		if diags.HasErrors() {
			return failed(diags)
		}
		for _, rec := range more {
			next.pages[rec.path] = rec
		}
		lists |= listFeed
	}
	b.dropFeed(next)
	if lists != 0 {
		if err := r.renderLists(lists); err != nil {
			return Result{}, err
		}
	}
	// Content files other than Markdown are copied as they are.
	for _, p := range changed {
		if strings.HasPrefix(p, "content/") && slices.Contains(st.assets, p) {
			src, err := content.ReadFile(b.fsys, p, content.MaxAssetSize)
			if err != nil {
				return b.Build(ctx) // which reports it at the file
			}
			pending[strings.TrimPrefix(p, "content/")] = src
		}
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}

	// Write what changed, each file whole. The record of what the output
	// holds is updated as files are written; should a write fail, the
	// next build starts from scratch.
	outputs := st.outputs
	b.last = nil
	var written []string
	for _, p := range slices.Sorted(maps.Keys(removed)) {
		if _, ok := pending[p]; ok {
			continue
		}
		if err := removeOutput(b.opts.Dest, p); err != nil {
			return Result{}, err
		}
		delete(outputs, p)
		written = append(written, p)
	}
	for _, p := range slices.Sorted(maps.Keys(pending)) {
		data := pending[p]
		h := maphash.Bytes(b.seed, data)
		if old, ok := outputs[p]; ok && old == h {
			continue
		}
		if err := writeOutput(b.opts.Dest, p, data); err != nil {
			return Result{}, err
		}
		outputs[p] = h
		written = append(written, p)
	}
	slices.Sort(written)
	next.outputs = outputs
	b.last = next
	diags.Sort()
	return Result{Pages: r.pages, Files: len(written), Warnings: diags.Warnings(), Duration: time.Since(start), Changed: written}, nil
}

// needsFullBuild reports whether a change touches what every page depends
// on, or the set of pages and files itself.
func (b *Builder) needsFullBuild(changed []string) bool {
	for _, p := range changed {
		switch {
		case slices.Contains(config.Files, p):
			return true
		case strings.HasPrefix(p, "templates/"), strings.HasPrefix(p, "theme/"):
			return true
		case strings.HasPrefix(p, "content/"):
			_, known := b.last.pages[p]
			if !strings.HasSuffix(p, ".md") {
				known = slices.Contains(b.last.assets, p)
			}
			_, err := fs.Stat(b.fsys, p)
			exists := err == nil
			switch {
			case known && exists:
				// An edit.
			case !known && !exists:
				// A file that came and went, such as an editor's temporary file.
			default:
				return true // a new file or folder, or a removed one
			}
		default:
			// Outside the folders a site reads: nothing to do, but a full
			// build is always correct.
			return true
		}
	}
	return false
}

// feedSetOf returns which of pages the feed needs HTML for, given the
// site order of st.
func (b *Builder) feedSetOf(st *state, pages []*content.Page) feedSet {
	changed := map[string]bool{}
	for _, p := range pages {
		changed[p.Path] = true
	}
	set := feedSet{}
	for _, rec := range b.newest(st) {
		if changed[rec.path] {
			set[rec.path] = true
		}
	}
	return set
}

// newest returns the articles of the feed: the newest feed_items.
func (b *Builder) newest(st *state) []*record {
	var out []*record
	for _, p := range st.order {
		if len(out) == b.cfg.FeedItems {
			break
		}
		if rec := st.pages[p]; rec.kind == content.Article {
			out = append(out, rec)
		}
	}
	return out
}

// feedMissing returns the newest articles that have no feed HTML.
func (b *Builder) feedMissing(st *state) []string {
	var out []string
	for _, rec := range b.newest(st) {
		if rec.feed == "" {
			out = append(out, rec.path)
		}
	}
	return out
}

// dropFeed forgets the feed HTML of articles that left the feed.
func (b *Builder) dropFeed(st *state) {
	in := map[string]bool{}
	for _, rec := range b.newest(st) {
		in[rec.path] = true
	}
	for _, rec := range st.pages {
		if rec.feed != "" && !in[rec.path] {
			cp := *rec
			cp.feed = ""
			st.pages[rec.path] = &cp
		}
	}
}

// reparse reads and renders the pages at paths again, for the feed.
func (b *Builder) reparse(r *run, paths []string) ([]*record, diag.List, error) {
	var diags diag.List
	var pages []*content.Page
	inFeed := feedSet{}
	for _, p := range paths {
		src, err := content.ReadFile(b.fsys, p, content.MaxFileSize)
		if err != nil {
			return nil, nil, err
		}
		page := content.Parse(p, src, &diags)
		page.URL = r.st.pages[p].url
		pages = append(pages, page)
		inFeed[p] = true
	}
	if diags.HasErrors() {
		return nil, diags, nil
	}
	recs, more, err := r.renderPages(pages, inFeed)
	diags.Add(more...)
	return recs, diags, err
}

// writeOutput replaces one file of the output whole: it writes a temporary
// file beside it and renames it over the old one.
func writeOutput(dest, sitePath string, data []byte) error {
	if strings.Contains(sitePath, "..") || path.IsAbs(sitePath) {
		return fmt.Errorf("refusing to write outside the output: %q", sitePath)
	}
	file := filepath.Join(dest, filepath.FromSlash(sitePath))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), ".plotline-write-*")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), file)
}

// removeOutput removes one file of the output.
func removeOutput(dest, sitePath string) error {
	err := os.Remove(filepath.Join(dest, filepath.FromSlash(sitePath)))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}
