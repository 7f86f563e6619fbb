package site

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/plotline/plotline/internal/buildcache"
	"github.com/plotline/plotline/internal/config"
	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/data"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/locale"
	"github.com/plotline/plotline/internal/markdown"
	"github.com/plotline/plotline/internal/output"
	"github.com/plotline/plotline/internal/render"
	"github.com/plotline/plotline/internal/words"
)

// run is one build, full or incremental, from its plan to its commit.
type run struct {
	b   *Builder
	ctx context.Context
	st  *state // the state being built: new, or a clone of the last one
	tx  *output.Tx
	// prevOutputs is what the output held before this build, by site
	// path; a rebuild writes only the files whose hash differs from it.
	prevOutputs map[string]uint64
	// moved are the source paths of the pages a rebuild added, removed or
	// rendered again, whose places in the lists may have changed.
	moved []string

	// A build with a cache: the hash of what every page depends on, and
	// the previous build's cache.
	cacheGlobal buildcache.Key
	prev        *buildcache.Cache
	// depDigests holds the digest of each file a page depends on (a CSV
	// file), by its path, read once a build however many pages and
	// blocks read it: a [sha256.Size]byte, or nil for a file not read.
	depDigests sync.Map
	// csvs are the CSV files the pages of this build read, each read and
	// parsed once.
	csvs *data.CSVTables

	mu      sync.Mutex
	pages   int
	files   int
	reused  int
	cards   int // preview images drawn
	claims  []Claim
	written map[string]bool // site paths written, kept or reused by this run
	removed map[string]bool // site paths this run takes out of the output
	// clashes are the diagnostics of a file and a folder of one name
	// (see run.own); sharers the writers of each file that two or more
	// claimed, reported by clashList.
	clashes diag.List
	sharers map[string][]string
	// folderClashes are the file and the path inside it of each clash of
	// a file and a folder reported, to report each once; ownClashes
	// those of two of plotline's own files, which clashList reports
	// unless the clash of a source file with that file tells the
	// writer's mistake (a folder content/index.html/).
	folderClashes map[[2]string]bool
	ownClashes    []ownClash
	// failed holds what is known of the pages that had errors of their
	// own, by source path: their links are checked with the others.
	failed map[string]*record
	// unread holds the front-matter keys plotline does not read of the
	// pages not rendered for a mistake in their front matter, by source
	// path, for the warnings about them.
	unread map[string][]content.UnknownKey
	// tagsUnknown is set when a page was not read for errors of its
	// own, so that its tags, and the lists they make, are not known.
	tagsUnknown bool
}

// readBroken reads what can be read of p, a page whose front matter
// could not be read: its data blocks, for their own mistakes, which go to
// diags, and the front-matter keys plotline does not read, kept for the
// warnings of the build, which fails. The body is not checked: every
// value in it would be an error that is not the writer's.
func (r *run) readBroken(p *content.Page, diags *diag.List) {
	if p.Data != nil {
		data.Parse(r.b.fsys, data.Page{Path: p.Path, Date: p.Date, CSVs: r.csvs}, p.Data, diags)
	}
	if len(p.Unknown) == 0 {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	makeIfNil(&r.unread)
	r.unread[p.Path] = p.Unknown
}

// makeIfNil makes *m an empty map when it is nil.
func makeIfNil[M ~map[K]V, K comparable, V any](m *M) {
	if *m == nil {
		*m = M{}
	}
}

// newRun starts a build of st into tx. The link index is st's when it has
// one: a rebuild changes it where pages and files come and go.
func (b *Builder) newRun(ctx context.Context, st *state, tx *output.Tx) *run {
	if st.ix == nil {
		st.ix = newLinkIndex(st.site.BasePath, st.site.BaseURL != "", st.bundles)
		for _, a := range st.assets {
			st.ix.addAsset(a)
		}
		for _, c := range st.feedCopies {
			st.ix.assets[c.file] = c.file
		}
		for _, c := range st.tagFeedCopies {
			st.ix.assets[c.file] = c.file
		}
	}
	makeIfNil(&st.outputs)
	makeIfNil(&st.owners)
	makeIfNil(&st.dirs)
	makeIfNil(&st.lists)
	makeIfNil(&st.aliasAt)
	return &run{b: b, ctx: ctx, st: st, tx: tx, csvs: data.NewCSVTables(), written: map[string]bool{}, removed: map[string]bool{}}
}

// renderSite returns what the templates see of the site of cfg, whose
// numbers loc writes.
func renderSite(cfg *config.Config, loc *locale.Locale) *render.Site {
	base := cfg.SiteURL()
	dir := cfg.Direction()
	if dir == "ltr" {
		dir = "" // the default: no attribute
	}
	digits := loc.Numbers().System()
	if digits == "latn" {
		digits = "" // the default: no attribute
	}
	return &render.Site{
		Direction:       dir,
		Digits:          digits,
		OpenGraphLocale: cfg.OpenGraphLocale(),
		Title:           cfg.Title,
		Description:     cfg.Description,
		Language:        cfg.Language,
		Author:          cfg.Author,
		BaseURL:         base,
		BasePath:        cfg.BasePath(),
	}
}

// pageSite returns what the templates of page p see of the site: the
// site's own, or, for a page with a lang: of its own, the site in that
// language: its lang, dir and og:locale. Its digits stay the site's, as
// its numbers do: they number its lists (data-digits).
func (r *run) pageSite(p *content.Page, diags *diag.List) *render.Site {
	if p.Lang == "" {
		return r.st.site
	}
	c, ok := r.b.cfg.WithLanguage(p.Lang)
	if !ok {
		diags.Errorf(p.LangPos, "lang: want a language tag such as en, fr-CA, he or zh-Hant, got %q (leave the key out for the site's language)", p.Lang)
	}
	if !ok || c.Language == r.b.cfg.Language {
		return r.st.site
	}
	// No locale: renderSite's digits from one are not taken.
	s, in := *r.st.site, renderSite(&c, nil)
	s.Language, s.Direction, s.OpenGraphLocale = in.Language, in.Direction, in.OpenGraphLocale
	return &s
}

// parseLayouts reads plotline's own words in the site's language and
// parses the templates; mistakes in either go to diags.
func (r *run) parseLayouts(diags *diag.List) error {
	var wd diag.List
	r.st.words = words.Load(r.b.fsys, r.b.cfg.Language, &wd)
	w := r.st.words
	r.st.mdWords = &markdown.Words{
		HeadingLink: w.Text(words.HeadingLink),
		Note:        w.Text(words.AlertNote), Tip: w.Text(words.AlertTip), Important: w.Text(words.AlertImportant),
		Warning: w.Text(words.AlertWarning), Caution: w.Text(words.AlertCaution),
		FootnoteBack: w.Text(words.FootnoteBack), Notes: w.Text(words.Notes),
		Zero: r.b.loc.Numbers().Zero,
	}
	diags.Add(wd.Errors()...)
	layouts, err := render.ParseLayouts(r.b.fsys, render.Funcs(r.st.site, r.b.loc, r.st.words, r.asset))
	if err != nil {
		var l diag.List
		if !errors.As(err, &l) {
			return err
		}
		diags.Add(l...)
	}
	r.st.layouts = layouts
	r.st.templateWarnings = append(unusedTemplates(r.b.fsys), wd.Warnings()...)
	r.st.templateWarnings = append(r.st.templateWarnings, baseAddresses(r.b.fsys, r.st.site.BasePath)...)
	r.st.templateWarnings = append(r.st.templateWarnings, otherSiteFolders(r.b.fsys)...)
	r.st.chartWarnings = chartStyle(r.b.fsys)
	if layouts != nil {
		r.st.chartWarnings = append(r.st.chartWarnings, layouts.Warnings()...)
	}
	return nil
}

// asset returns the URL of a theme file with its content hash, so a
// changed file is never served stale from a cache. A name that is no
// theme file is an error, which the templates report where asset is
// called: its URL would be a page not found.
func (r *run) asset(name string) (string, error) {
	h, ok := r.st.theme[name]
	if !ok {
		if _, ok := r.st.theme["theme/"+name]; ok {
			return "", fmt.Errorf("no theme file %q: did you mean %q? (a theme file is named from the site folder)", name, "theme/"+name)
		}
		return "", fmt.Errorf("no theme file %q: asset names a file under theme/ of the site or of plotline's own theme, such as \"theme/css/plotline.css\"", name)
	}
	return r.st.site.URL(name) + "?v=" + h, nil
}

// write puts a file of the new output at sitePath, made by owner (a
// source file, or a name such as "the Atom feed"). Its hash is recorded;
// a rebuild writes it only when it differs from what the output holds. A
// file that another owner has made too is an error naming both.
func (r *run) write(sitePath, owner string, data []byte) error {
	h := maphash.Bytes(r.b.seed, data)
	r.mu.Lock()
	if other, ok := r.st.owners[sitePath]; ok && other != owner {
		r.clash(sitePath, owner, other)
		r.mu.Unlock()
		return nil
	}
	if !r.own(sitePath, owner) {
		r.mu.Unlock()
		return nil
	}
	r.written[sitePath] = true
	r.st.outputs[sitePath] = h
	r.files++
	if strings.HasSuffix(sitePath, ".html") {
		r.pages++
	}
	prev, had := r.prevOutputs[sitePath]
	had = had && !r.removed[sitePath]
	delete(r.removed, sitePath)
	r.mu.Unlock()
	if had && prev == h {
		return nil // a rebuild: the output holds it already
	}
	return r.tx.Write(sitePath, data)
}

// keep records the file at sitePath, made by owner, as written with the
// hash h, without its bytes, and reports whether it could: only when this
// is a rebuild and the output holds that very file. Otherwise the caller
// makes the file and writes it.
func (r *run) keep(sitePath, owner string, h uint64) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	prev, had := r.prevOutputs[sitePath]
	if !had || r.removed[sitePath] || prev != h {
		return false
	}
	if other, ok := r.st.owners[sitePath]; ok && other != owner {
		return false // write reports the clash
	}
	r.own(sitePath, owner)
	r.written[sitePath] = true
	r.st.outputs[sitePath] = h
	r.files++
	return true
}

// reuseFile takes the file at sitePath from the previous output, as its
// owner made it (see run.write). Its hash is known when this Builder made
// the previous output.
func (r *run) reuseFile(sitePath, owner string, st output.Stamp) {
	r.tx.Reuse(sitePath, st)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.own(sitePath, owner)
	r.written[sitePath] = true
	if r.b.last != nil {
		if h, ok := r.b.last.outputs[sitePath]; ok {
			r.st.outputs[sitePath] = h
		}
	}
	r.files++
	if strings.HasSuffix(sitePath, ".html") {
		r.pages++
	}
}

// clash records that owner and other both make the file at sitePath (see
// clashList). r.mu is held.
func (r *run) clash(sitePath, owner, other string) {
	makeIfNil(&r.sharers)
	for _, o := range []string{other, owner} {
		if !slices.Contains(r.sharers[sitePath], o) {
			r.sharers[sitePath] = append(r.sharers[sitePath], o)
		}
	}
}

// clashList returns the diagnostics of the run's clashes. A file that
// several writers make is reported at each source file among them, naming
// the first other writer in path order, or once when none is a source
// file: so the report is the same whichever writer came first, in a full
// build, whose pages render at once, and in a rebuild, where the writers
// of the last build come first.
func (r *run) clashList() diag.List {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := slices.Clone(r.clashes)
	for _, c := range r.ownClashes {
		// Told at a source file that writes into c.file's folder, the
		// same mistake needs no message without a place.
		placed := false
		for key := range r.folderClashes {
			placed = placed || key[0] == c.file && isSourceFile(r.st.owners[key[1]])
		}
		if !placed {
			out.Errorf(diag.Pos{}, "%s", c.what)
		}
	}
	for _, sitePath := range slices.Sorted(maps.Keys(r.sharers)) {
		owners := slices.Sorted(slices.Values(r.sharers[sitePath]))
		sources := 0
		for _, o := range owners {
			if !isSourceFile(o) {
				continue
			}
			sources++
			another := owners[0]
			if another == o {
				another = owners[1]
			}
			r.clashAt(&out, sitePath, o, fmt.Sprintf("writes %s, which %s writes too", sitePath, r.describeOwner(another, sitePath)))
		}
		if sources == 0 {
			out.Errorf(diag.Pos{}, "%s and %s both write %s", r.describeOwner(owners[0], sitePath), r.describeOwner(owners[1], sitePath), sitePath)
		}
	}
	return out
}

// own records owner as the writer of the file at sitePath, and reports
// whether the file can be made: not when one of the folders it lies in is
// a file of the output, nor when files of the output lie in a folder of
// its name. Each such pair is a clash, reported at its sources (see
// folderClash); the build fails, so the file is recorded all the same, and
// the clashes found do not depend on the order of the writes. r.mu is
// held.
func (r *run) own(sitePath, owner string) bool {
	dirs := folders(sitePath)
	if _, ok := r.st.owners[sitePath]; !ok {
		for _, d := range dirs {
			r.st.dirs[d]++
		}
	}
	r.st.owners[sitePath] = owner
	ok := true
	for _, d := range dirs {
		if other, isFile := r.st.owners[d]; isFile {
			r.folderClash(d, other, sitePath, owner)
			ok = false
		}
	}
	if r.st.dirs[sitePath] > 0 {
		prefix := sitePath + "/"
		for p, other := range r.st.owners {
			if strings.HasPrefix(p, prefix) {
				r.folderClash(sitePath, owner, p, other)
				ok = false
			}
		}
	}
	return ok
}

// reshapes reports whether this rebuild writes a file where the previous
// output has a folder, or a file in a folder where it has a file.
func (r *run) reshapes() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	for p := range r.written {
		if _, had := r.prevOutputs[p]; had {
			continue
		}
		if r.b.last.dirs[p] > 0 {
			return true
		}
		for _, d := range folders(p) {
			if _, had := r.prevOutputs[d]; had {
				return true
			}
		}
	}
	return false
}

// folders returns the folders the file at sitePath lies in, the nearest
// first: "a/b/c.html" lies in "a/b" and "a".
func folders(sitePath string) []string {
	var out []string
	for d := path.Dir(sitePath); d != "." && d != "/" && d != ""; d = path.Dir(d) {
		out = append(out, d)
	}
	return out
}

// folderClash reports that fileOwner writes a file at file and innerOwner
// one at inner, which lies in a folder of that name: the output cannot
// hold both. It is reported at the source files among the two, at the
// alias when the file is a redirect page, or once for the site when
// neither is a source file. r.mu is held.
func (r *run) folderClash(file, fileOwner, inner, innerOwner string) {
	key := [2]string{file, inner}
	if r.folderClashes[key] {
		return
	}
	makeIfNil(&r.folderClashes)
	r.folderClashes[key] = true
	if isSourceFile(fileOwner) {
		r.clashAt(&r.clashes, file, fileOwner, fmt.Sprintf("writes %s, a file, where %s writes %s, which needs a folder of that name", file, r.describeOwner(innerOwner, inner), inner))
	}
	if isSourceFile(innerOwner) {
		r.clashAt(&r.clashes, inner, innerOwner, fmt.Sprintf("writes %s, in a folder %s, which %s writes as a file", inner, file, r.describeOwner(fileOwner, file)))
	}
	if !isSourceFile(fileOwner) && !isSourceFile(innerOwner) {
		r.ownClashes = append(r.ownClashes, ownClash{file, fmt.Sprintf("%s writes the file %s, and %s writes %s, in a folder of that name", r.describeOwner(fileOwner, file), file, r.describeOwner(innerOwner, inner), inner)})
	}
}

// ownClash is a clash of a file and a folder that two of plotline's own
// pages write: the file, and what the message says.
type ownClash struct{ file, what string }

// clashAt adds to l the clash what at owner, a source file that writes
// the file at sitePath: at its alias when that file is a redirect page.
func (r *run) clashAt(l *diag.List, sitePath, owner, what string) {
	if pos, ok := r.st.aliasAt[aliasKey{sitePath, owner}]; ok {
		key := "aliases"
		if owner == r.b.cfg.File {
			key = "feed_aliases" // a copy of the feed
			if r.st.isTagFeedCopy(sitePath) {
				key = "tag_feed_aliases"
			}
		}
		l.Errorf(pos, "%s: %s: remove the alias, or move the other", key, what)
		return
	}
	l.Errorf(diag.Pos{Path: owner, Line: 1, Col: 1}, "%s: rename one of them", what)
}

// isSourceFile reports whether an owner is a file of the site folder:
// a page, a file of content/ or the theme, or the config file, which
// writes the copies of the feed.
func isSourceFile(owner string) bool {
	return strings.HasPrefix(owner, "content/") || strings.HasPrefix(owner, "theme/") || slices.Contains(config.Files, owner)
}

// describeOwner names the owner of the file at sitePath in a message: a
// file by its path, the config file by what it writes there.
func (r *run) describeOwner(owner, sitePath string) string {
	if slices.Contains(config.Files, owner) {
		if r.st.isTagFeedCopy(sitePath) {
			return "a copy of a tag's feed (tag_feed_aliases in " + owner + ")"
		}
		return "a copy of the feed (feed_aliases in " + owner + ")"
	}
	if isSourceFile(owner) {
		return owner
	}
	return "plotline's " + owner
}

// noteClaim records a claim checked at pos; safe for concurrent use.
func (r *run) noteClaim(pos diag.Pos, c data.ClaimResult) {
	r.mu.Lock()
	r.claims = append(r.claims, Claim{Pos: pos, ClaimResult: c})
	r.mu.Unlock()
}

// sortedClaims returns the claims checked, by place.
func (r *run) sortedClaims() []Claim {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := slices.Clone(r.claims)
	slices.SortStableFunc(out, func(a, b Claim) int { return diag.ComparePos(a.Pos, b.Pos) })
	return out
}

// remove takes the file at sitePath out of the output: a rebuild removes
// it at its commit, and it is no longer part of the state.
func (r *run) remove(sitePath string) {
	r.tx.Remove(sitePath)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.removed[sitePath] = true
	delete(r.st.aliasAt, aliasKey{sitePath, r.st.owners[sitePath]})
	delete(r.st.outputs, sitePath)
	if _, ok := r.st.owners[sitePath]; ok {
		for _, d := range folders(sitePath) {
			if r.st.dirs[d]--; r.st.dirs[d] <= 0 {
				delete(r.st.dirs, d)
			}
		}
	}
	delete(r.st.owners, sitePath)
}
