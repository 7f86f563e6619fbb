// Package site builds a whole site: it loads the content, computes the data
// blocks, converts Markdown with charts and values, and renders every page.
// A full build writes into a temporary folder and swaps it in place of the
// output only when the whole build succeeded. A Builder also remembers what
// it built, so that in watch mode a change to one article re-renders that
// article and the lists that show it, and nothing else. It is the one
// package that writes the output.
package site

import (
	"context"
	"errors"
	"hash/maphash"
	"io/fs"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/plotline/plotline/internal/config"
	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/markdown"
	"github.com/plotline/plotline/internal/render"
)

// Options are the settings of a build besides the site's config.
type Options struct {
	Dest   string // the output folder on disk
	Drafts bool   // build pages marked draft
	// CacheFile, when set, is where a full build records what it rendered,
	// so that the next full build into the same Dest reuses every page
	// whose inputs have not changed. See DefaultCacheFile.
	CacheFile string
}

// Builder builds one site, again and again. It keeps what can be reused
// from one build to the next: the Markdown converter with its highlighting
// cache, and a record of the last successful build. A Builder is not safe
// for concurrent use: one build at a time.
type Builder struct {
	cfg  config.Config
	fsys fs.FS
	opts Options
	md   *markdown.Converter
	seed maphash.Seed
	// buffers holds the buffers of pages being rendered, reused between pages.
	buffers bufferPool

	last *state // the last successful build; nil before the first
}

// NewBuilder returns a Builder for the site in fsys: the site folder laid
// over the default templates and theme.
func NewBuilder(cfg config.Config, fsys fs.FS, opts Options) *Builder {
	return &Builder{
		cfg:  cfg,
		fsys: fsys,
		opts: opts,
		md:   markdown.New(markdown.Options{UnsafeHTML: cfg.UnsafeHTML}),
		seed: maphash.MakeSeed(),
	}
}

// Result describes a finished build.
type Result struct {
	Pages    int       // HTML pages written
	Files    int       // files written
	Reused   int       // pages taken from the previous build through the cache
	Kept     bool      // the output already held every file as the build made it, and was left as it was
	Warnings diag.List // problems that did not stop the build
	Duration time.Duration
	Full     bool // whether the whole site was rebuilt
	// Changed lists the site paths ("articles/x/index.html") whose
	// contents differ from the previous build, removed files included.
	// It is nil after the first build.
	Changed []string
}

// state is what a successful build leaves for the next one.
type state struct {
	site    *render.Site
	layouts *render.Layouts
	theme   map[string]string // theme file → short content hash
	pages   map[string]*record
	order   []string          // page paths in site order: newest first, then by path
	ix      *linkIndex        // every page and file, for links
	assets  []string          // content files that are not Markdown
	outputs map[string]uint64 // site path → hash of what was written
	lists   map[string]uint64 // list page site path → fingerprint of what it shows

	sitemapKey uint64 // fingerprint of the sitemap's entries
}

// record is what a build remembers of one page: enough to list it and to
// know when to render it again, not its source.
type record struct {
	path    string
	url     string
	kind    content.Kind
	date    time.Time
	summary *render.Summary
	feed    string   // the page's HTML for the feed; kept only for the newest articles
	deps    []string // other content files it reads (CSV)
	outputs []string // site paths it writes
	key     [32]byte // the hash of its inputs, when the build keeps a cache
	listKey uint64   // see summaryKey
}

// Build builds the whole site into the output folder. When the input has
// errors it returns them all as a diag.List and leaves the output as it
// was; it does the same when ctx is cancelled.
func (b *Builder) Build(ctx context.Context) (Result, error) {
	start := time.Now()
	var diags diag.List
	site := content.LoadIndex(b.fsys, content.Options{Drafts: b.opts.Drafts}, &diags)

	out, err := newOutput(b.opts.Dest, b.opts.CacheFile != "")
	if err != nil {
		return Result{}, err
	}
	committed := false
	defer func() {
		if !committed {
			out.discard()
		}
	}()

	st := &state{
		site:    renderSite(&b.cfg),
		pages:   map[string]*record{},
		assets:  site.Assets,
		outputs: map[string]uint64{},
		lists:   map[string]uint64{},
	}
	r := b.newRun(ctx, st)
	r.emit = func(sitePath string, data []byte) error {
		r.mu.Lock()
		st.outputs[sitePath] = maphash.Bytes(b.seed, data)
		r.outputSet.add(sitePath)
		r.mu.Unlock()
		if r.keep.Load() && !out.sameAsPrevious(sitePath, data) {
			r.keep.Store(false)
		}
		return out.WriteFile(sitePath, data)
	}
	for _, p := range site.Pages {
		r.ix.addPage(p.Path, p.URL)
	}
	previous := false // whether there is a previous output to take files from
	if b.opts.CacheFile != "" {
		_, err := os.Stat(b.opts.Dest)
		previous = err == nil
		// Until a file this build writes differs from the one in the
		// previous output, that output may stand as this build's.
		r.keep.Store(previous)
	}
	if err := r.loadTheme(&diags); err != nil {
		return Result{}, err
	}
	if err := r.copyAssets(site.Assets, &diags); err != nil {
		return Result{}, err
	}
	r.out = out
	if b.opts.CacheFile != "" {
		if r.cacheGlobal, err = r.globalKey(site); err != nil {
			return Result{}, err
		}
		if previous {
			r.prev = loadCache(b.opts.CacheFile, r.cacheGlobal)
			if r.prev.Outputs.Count == 0 {
				// No record of what the previous output holds: it
				// cannot be known to be this build's.
				r.keep.Store(false)
			}
		} else {
			// No previous output to link from: the cache is only written.
			r.prev = emptyCache(r.cacheGlobal)
		}
	}
	if err := r.parseLayouts(&diags); err != nil {
		return Result{}, err
	}
	if st.layouts == nil {
		return failed(diags)
	}

	// Pages with errors of their own are reported, not rendered; the others
	// are rendered so that every problem of the build shows at once.
	var good []*content.Page
	for _, p := range site.Pages {
		if !p.Broken {
			good = append(good, p)
		}
	}
	records, pageDiags, err := r.renderPages(good, &newestFeed{n: b.cfg.FeedItems})
	if err != nil {
		return Result{}, err
	}
	diags.Add(pageDiags...)
	if diags.HasErrors() {
		return failed(diags)
	}
	for _, rec := range records {
		st.pages[rec.path] = rec
	}
	st.order = sortOrder(st.pages, nil)
	if err := r.renderLists(allLists); err != nil {
		return Result{}, err
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	// When every file is one the previous output holds as it is, and it
	// holds no file this build would not write, it is left in place: a
	// build with nothing changed writes nothing. Otherwise the unchanged
	// files are linked into the new output, which takes its place.
	kept := r.keep.Load() && r.outputSet == r.prev.Outputs
	if kept {
		out.forgetWritten()
	} else {
		if err := out.makeLinks(); err != nil {
			return Result{}, err
		}
		if err := out.commit(); err != nil {
			return Result{}, err
		}
		committed = true
	}
	if r.prev != nil {
		// A cache that cannot be written only makes the next build slower.
		_ = r.saveCache(b.opts.CacheFile)
	}
	var changed []string
	if b.last != nil {
		changed = diffOutputs(b.last.outputs, st.outputs)
	}
	b.last = st
	diags.Sort()
	return Result{Pages: r.pages, Files: r.files, Reused: r.reused, Kept: kept, Warnings: diags.Warnings(), Duration: time.Since(start), Full: true, Changed: changed}, nil
}

// failed returns the diagnostics of a build that stopped on errors.
func failed(diags diag.List) (Result, error) {
	diags.Sort()
	return Result{Warnings: diags.Warnings()}, diags
}

// diffOutputs lists the site paths whose hash differs between two builds,
// or that only one of them wrote.
func diffOutputs(before, after map[string]uint64) []string {
	var out []string
	for p, h := range after {
		if old, ok := before[p]; !ok || old != h {
			out = append(out, p)
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// run is the state of one build, full or incremental.
type run struct {
	b   *Builder
	ctx context.Context
	st  *state
	ix  *linkIndex
	// emit writes a file of the output, or keeps it for later.
	emit func(sitePath string, data []byte) error

	// A full build with a cache: its output, the hash of what every page
	// depends on, and the previous build's cache (nil without a cache).
	out         *output
	cacheGlobal [32]byte
	prev        *buildCache
	// keep is set while the previous output may stand as this build's:
	// every file written so far is byte for byte the one there.
	keep atomic.Bool
	// outputSet fingerprints the site paths of this build's output,
	// written and linked (guarded by mu).
	outputSet outputSet

	mu     sync.Mutex
	pages  int
	files  int
	reused int
}

// newRun starts a build of st. The link index is st's when it has one:
// the pages and files of the site change only in full builds.
func (b *Builder) newRun(ctx context.Context, st *state) *run {
	if st.ix == nil {
		st.ix = newLinkIndex(st.site.BasePath)
		for _, a := range st.assets {
			st.ix.assets[strings.TrimPrefix(a, "content/")] = true
		}
	}
	return &run{b: b, ctx: ctx, st: st, ix: st.ix}
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

// parseLayouts parses the templates; template errors go to diags.
func (r *run) parseLayouts(diags *diag.List) error {
	layouts, err := render.ParseLayouts(r.b.fsys, render.Funcs(r.st.site, r.asset))
	if err != nil {
		var l diag.List
		if !errors.As(err, &l) {
			return err
		}
		diags.Add(l...)
	}
	r.st.layouts = layouts
	return nil
}

// asset returns the URL of a theme file with its content hash, so a
// changed file is never served stale from a cache.
func (r *run) asset(name string) string {
	u := r.st.site.URL(name)
	if h, ok := r.st.theme[name]; ok {
		return u + "?v=" + h
	}
	return u
}

// write emits a file and counts it.
func (r *run) write(sitePath string, data []byte) error {
	r.mu.Lock()
	r.files++
	if strings.HasSuffix(sitePath, ".html") {
		r.pages++
	}
	r.mu.Unlock()
	return r.emit(sitePath, data)
}

// sortedRecords returns the pages of st in site order: newest first.
func (st *state) sortedRecords() []*record {
	out := make([]*record, len(st.order))
	for i, p := range st.order {
		out[i] = st.pages[p]
	}
	return out
}

// sortOrder returns the paths of pages in site order, newest first, then
// by path; dates, when not nil, overrides the dates of some pages.
func sortOrder(pages map[string]*record, dates map[string]time.Time) []string {
	type key struct {
		path string
		date time.Time
	}
	keys := make([]key, 0, len(pages))
	for p, rec := range pages {
		d := rec.date
		if nd, ok := dates[p]; ok {
			d = nd
		}
		keys = append(keys, key{p, d})
	}
	slices.SortFunc(keys, func(a, b key) int {
		if c := b.date.Compare(a.date); c != 0 {
			return c
		}
		return strings.Compare(a.path, b.path)
	})
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = k.path
	}
	return out
}
