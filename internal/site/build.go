// Package site builds a whole site: it loads the content, computes the data
// blocks, converts Markdown with charts and values, and renders every page.
// A build runs in four phases. It plans what to render (every page, or,
// after a change, what the change touches: the pages edited, added,
// removed or renamed, the pages that read or link to them, and the lists
// that show them); renders it; compares each file with what the output
// holds; and commits the files that changed through package output, which
// writes nothing when the build fails. A Builder remembers what it built,
// so that in watch mode a change to one article re-renders that article
// and the lists that show it, and nothing else.
package site

import (
	"context"
	"fmt"
	"hash/maphash"
	"io/fs"
	"iter"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/plotline/plotline/internal/config"
	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/data"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/locale"
	"github.com/plotline/plotline/internal/markdown"
	"github.com/plotline/plotline/internal/ogimage"
	"github.com/plotline/plotline/internal/output"
)

// Options are the settings of a build besides the site's config.
type Options struct {
	Dest string // the output folder on disk
	// DestClaimed is set when Dest is the site's own public/, which a
	// rebuild replaces whatever it holds unless it became a symbolic
	// link or a file (see output.Place.Claimed); another Dest must hold
	// the marker of the build before it.
	DestClaimed bool
	Drafts      bool // build pages marked draft
	// Future builds the pages dated after today too.
	Future bool
	// Today returns the day of the build, read at the start of each
	// build: a page dated after it is left out, with a warning, unless
	// Future. A nil Today leaves no page out, so that a build does not
	// depend on the clock unless asked to.
	Today func() time.Time
	// CacheFile, when set, is where a full build records what it rendered,
	// so that the next full build into the same Dest reuses every page
	// whose inputs have not changed. See buildcache.DefaultFile.
	CacheFile string
	// WarnBaseURL warns, once a build, when the config has no base URL:
	// the feed's ids are then URNs rather than web addresses, and no
	// sitemap is written, as a sitemap lists absolute addresses. A preview
	// needs no base URL; a site to publish does.
	WarnBaseURL bool
	// DryRun builds the site, with every diagnostic, and writes nothing:
	// not the output, not a cache, not a lock.
	DryRun bool
	// Verbose warns at every front-matter key plotline does not read;
	// otherwise each such key gets one warning for the whole site.
	Verbose bool
	// Waiting, when not nil, is called when a build must wait for another
	// build of the same Dest to finish, with that build's process id (0
	// when it is not known); it is called at most once a build.
	Waiting func(pid int)
}

// Builder builds one site, again and again. It keeps what can be reused
// from one build to the next: the Markdown converter, and a record of the
// last successful build. A Builder is not safe for concurrent use: one
// build at a time.
type Builder struct {
	cfg  config.Config
	fsys fs.FS
	opts Options
	md   *markdown.Converter
	seed maphash.Seed
	// claims are the settings every page's claims are read with.
	claims data.ClaimOptions
	// loc writes numbers and dates for readers in the site's language.
	loc *locale.Locale
	// buffers holds the buffers of pages being rendered, reused between pages.
	buffers bufferPool
	// cards returns the drawer of preview images, made on first use: it
	// parses fonts, which a site without charts never needs.
	cards func() (*ogimage.Renderer, error)
	// cardMemo remembers, by page source, what each page's preview image
	// was last drawn from and the hash of the PNG, so that a rebuild after
	// an edit that leaves the card as it was does not draw it again.
	cardMu   sync.Mutex
	cardMemo map[string]cardMemo

	// links are the symbolic links among the site's files, as the last
	// full build found them (see findLinks).
	links links

	last *state // the last successful build; nil before the first
	// lastDest is the output folder as the last successful build left it,
	// and lastMarker the marker file in it, to tell when another build
	// (or anything else) has replaced it since.
	lastDest, lastMarker os.FileInfo
}

// NewBuilder returns a Builder for the site in fsys: the site folder laid
// over the default templates and theme.
func NewBuilder(cfg config.Config, fsys fs.FS, opts Options) *Builder {
	loc := locale.New(cfg.Language)
	return &Builder{
		cfg:  cfg,
		fsys: fsys,
		opts: opts,
		md:   markdown.New(markdown.Options{UnsafeHTML: cfg.UnsafeHTML, Quotes: markdown.Quotes(loc.Quotes()), Straight: !cfg.Typographer}),
		seed: maphash.MakeSeed(),
		claims: data.ClaimOptions{
			About:    cfg.Claims.About,
			Southern: cfg.Claims.Seasons == "southern",
		},
		loc:   loc,
		cards: sync.OnceValues(ogimage.NewRenderer),
	}
}

// Result describes a finished build.
type Result struct {
	Pages    int       // HTML pages rendered or reused
	Files    int       // files written or reused
	Reused   int       // pages taken from the previous build through the cache
	Cards    int       // preview images (og.png) drawn
	Kept     bool      // the output already held every file as the build made it, and was left as it was
	Warnings diag.List // problems that did not stop the build
	Duration time.Duration
	Full     bool // whether the whole site was rebuilt
	// Changed lists the site paths ("articles/x/index.html") whose
	// contents differ from the previous build, removed files included.
	// Without a previous build of this Builder to compare with, it lists
	// every file of the output.
	Changed []string
	// Sources lists the content files whose pages were rendered, for a
	// rebuild; nil for a full build.
	Sources []string
	// Passing lists, for a rebuild, the changed content paths that were
	// in neither the last build nor this one: files that came and went
	// between them, such as an editor's temporary file.
	Passing []string
	// Claims lists every claim checked, true or false, in the order of
	// their places; a build that fails on errors lists them too.
	Claims []Claim
}

// Claim is a {{ ref | claim "…" }} checked, at its place.
type Claim struct {
	Pos diag.Pos
	data.ClaimResult
}

// Build builds the whole site into the output folder. When the input has
// errors it returns them all as a diag.List and leaves the output as it
// was; it does the same when ctx is cancelled. One build at a time writes
// an output folder: while another build of the same folder runs, in this
// process or another, Build waits for it (see Options.Waiting).
func (b *Builder) Build(ctx context.Context) (Result, error) {
	unlock, err := b.lock(ctx)
	if err != nil {
		return Result{}, err
	}
	defer unlock()
	return b.buildFull(ctx)
}

// Rebuild brings the output up to date after the site files at the given
// slash paths (relative to the site folder) changed. It re-renders only
// what the changes touch — an edited, new, removed or renamed article, the
// articles that read an edited CSV or link to a page or file that moved,
// and the lists, feed and sitemap that show them — and replaces only the
// files whose contents changed, each whole. A template, the theme or the
// config, and an output folder that another build has replaced since this
// Builder's last build (or that is gone), make it a full build. On errors
// nothing is written; the caller should pass the same paths again with the
// next change, since they have still not been built. Like Build, it waits
// while another build of the same output folder runs. An output folder
// that was replaced since by a file, or by a link to a folder (or, unless
// DestClaimed, a folder) holding files but no marker of a build, is an
// error, and is left as it is (see output.CheckDest).
func (b *Builder) Rebuild(ctx context.Context, changed []string) (Result, error) {
	unlock, err := b.lock(ctx)
	if err != nil {
		return Result{}, err
	}
	defer unlock()
	if b.last != nil && !b.opts.DryRun {
		// The output was checked before the first build, but may have
		// been replaced since, while watch or serve ran: by a symbolic
		// link to a folder of a writer's files, or by a file. The last
		// build left its marker there; a folder without it (but the
		// site's own public/), or a file, is not replaced.
		if err := output.CheckDest(output.Place{Dest: b.opts.Dest, Claimed: b.opts.DestClaimed}); err != nil {
			return Result{}, err
		}
	}
	// On another day, pages dated after the last build's day may be due:
	// only a full build looks at every page's date.
	if b.last == nil || b.opts.DryRun || b.outputReplaced() || !sameDay(b.today(), b.last.today) || b.touchesLink(changed) {
		return b.buildFull(ctx)
	}
	plan, full := b.planChanges(changed)
	if full {
		return b.buildFull(ctx)
	}
	return b.buildChanges(ctx, plan)
}

// today returns the day of the build, or the zero time without
// Options.Today.
func (b *Builder) today() time.Time {
	if b.opts.Today == nil {
		return time.Time{}
	}
	return b.opts.Today()
}

// sameDay reports whether a and b are the same calendar day, or both zero.
func sameDay(a, b time.Time) bool {
	return a.IsZero() == b.IsZero() && a.Format(time.DateOnly) == b.Format(time.DateOnly)
}

// lock takes the lock on the output, which is held for the whole build; a
// dry run takes none.
func (b *Builder) lock(ctx context.Context) (func(), error) {
	if b.opts.DryRun {
		return func() {}, nil
	}
	return output.Lock(ctx, b.opts.Dest, b.opts.Waiting)
}

// outputReplaced reports whether the output folder is no longer the one
// the last build left: the files in it may not be those it wrote. The
// folder alone does not tell: one removed and made again (rm -rf public;
// mkdir public) may get the number the system gave the old one, and a
// rebuild then wrote its few files into an empty folder. So the marker
// the last build wrote in it must be there, the same file, untouched.
func (b *Builder) outputReplaced() bool {
	fi, err := os.Stat(b.opts.Dest)
	if err != nil || b.lastDest == nil || !os.SameFile(fi, b.lastDest) {
		return true
	}
	mi, err := os.Stat(filepath.Join(b.opts.Dest, output.MarkerName))
	return err != nil || b.lastMarker == nil || !os.SameFile(mi, b.lastMarker) || !mi.ModTime().Equal(b.lastMarker.ModTime())
}

// finish records a successful build as the last one and returns its
// Result.
func (b *Builder) finish(r *run, start time.Time, diags diag.List, kept bool) Result {
	var changed []string
	switch {
	case b.last != nil && r.prevOutputs != nil:
		// A rebuild starts from a copy of the last build's outputs: only
		// the files it wrote, kept or removed can differ.
		changed = diffOutputs(b.last.outputs, r.st.outputs, maps.Keys(r.written), maps.Keys(r.removed))
	case b.last != nil:
		changed = diffOutputs(b.last.outputs, r.st.outputs, maps.Keys(r.st.outputs), maps.Keys(b.last.outputs))
	default:
		// Nothing to compare with (a first build, or the first after a
		// build that failed, or after a new config): every file may
		// differ from what a browser shows.
		changed = slices.Sorted(maps.Keys(r.st.outputs))
	}
	diags.Add(r.unknownKeys(nil)...)
	diags.Add(r.tagSpellings()...)
	diags.Add(r.st.templateWarnings...)
	if r.st.hasCharts() {
		diags.Add(r.st.chartWarnings...)
	}
	b.last = r.st
	if !b.opts.DryRun {
		b.lastDest, _ = os.Stat(b.opts.Dest)
		b.lastMarker, _ = os.Stat(filepath.Join(b.opts.Dest, output.MarkerName))
	}
	diags = diags.Bound(diag.MaxListed, "this file")
	return Result{
		Pages: r.pages, Files: r.files, Reused: r.reused, Cards: r.cards, Kept: kept,
		Warnings: diags.Warnings(), Duration: time.Since(start),
		Changed: changed, Claims: r.sortedClaims(),
	}
}

// failed returns the diagnostics of a build that stopped on errors, and
// the claims its run r checked (r may be nil).
func failed(diags diag.List, r *run) (Result, error) {
	var claims []Claim
	if r != nil {
		diags.Add(r.unknownKeys(r.failed)...)
		diags.Add(r.st.templateWarnings...)
		claims = r.sortedClaims()
	}
	// A file of thousands of mistakes (unknown keys of a data block, of
	// an i18n file) lists the first of them, as a CSV file does.
	diags = diags.Bound(diag.MaxListed, "this file")
	return Result{Warnings: diags.Warnings(), Claims: claims}, diags
}

// maxUnknownKeys is how many keys plotline does not read unknownKeys
// names; one more warning counts the rest.
const maxUnknownKeys = 100

// unknownKeys returns the warnings about the front-matter keys that
// plotline does not read, over every page of the build and the pages in
// failed: one a key, saying in how many files it is and where first, or,
// with Options.Verbose, one at each place as well.
func (r *run) unknownKeys(failed map[string]*record) diag.List {
	type seen struct {
		files int
		first diag.Pos
	}
	byKey := map[string]*seen{}
	var l diag.List
	count := func(rec *record) {
		files := map[string]bool{}
		for _, u := range rec.unknown {
			if r.b.opts.Verbose {
				l.Warnf(u.Pos, "front matter key %q is not used by plotline", u.Key)
			}
			if files[u.Key] {
				continue
			}
			files[u.Key] = true
			s := byKey[u.Key]
			if s == nil {
				s = &seen{first: u.Pos}
				byKey[u.Key] = s
			}
			s.files++
			if diag.ComparePos(u.Pos, s.first) < 0 {
				s.first = u.Pos
			}
		}
	}
	for _, rec := range r.st.pages {
		count(rec)
	}
	for path, rec := range failed {
		if _, ok := r.st.pages[path]; !ok {
			count(rec)
		}
	}
	for path, unknown := range r.unread {
		if _, ok := r.st.pages[path]; !ok {
			count(&record{unknown: unknown})
		}
	}
	keys := slices.Sorted(maps.Keys(byKey))
	for i, key := range keys {
		s := byKey[key]
		if i == maxUnknownKeys {
			// A generated file of 400,000 keys took a minute to tell
			// of each, to list the first thousand.
			l.Warnf(diag.Pos{}, "%d more front matter keys are not used by plotline, the first %q (at %s); put a site's own keys under params:", len(keys)-i, key, s.first)
			break
		}
		where := fmt.Sprintf("in %d files, first at %s", s.files, s.first)
		if s.files == 1 {
			where = "in 1 file, at " + s.first.String()
		}
		if k := content.Suggest(key); k != "" {
			l.Warnf(diag.Pos{}, "front matter key %q is not used by plotline (%s): did you mean %s?", key, where, k)
			continue
		}
		l.Warnf(diag.Pos{}, "front matter key %q is not used by plotline (%s); put a site's own keys under params:", key, where)
	}
	return l
}

// diffOutputs lists the site paths among those touched whose hash
// differs between two builds, or that only one of them holds: a rebuild
// touches the files it wrote or removed, a full build those of both.
func diffOutputs(before, after map[string]uint64, touched ...iter.Seq[string]) []string {
	var out []string
	for _, paths := range touched {
		for p := range paths {
			h, inAfter := after[p]
			old, inBefore := before[p]
			if inAfter != inBefore || h != old {
				out = append(out, p)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
