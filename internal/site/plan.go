package site

import (
	"cmp"
	"context"
	"errors"
	"io/fs"
	"os"
	"path"
	"reflect"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/plotline/plotline/internal/buildcache"
	"github.com/plotline/plotline/internal/config"
	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/output"
	"github.com/plotline/plotline/internal/render"
	"github.com/plotline/plotline/internal/sitefs"
)

// buildFull builds every page of the site into a new output (see Build),
// for a caller that holds the output's lock.
func (b *Builder) buildFull(ctx context.Context) (Result, error) {
	start := time.Now()
	var diags diag.List

	// Plan: every page and file of the site.
	b.links = findLinks(b.fsys)
	if b.opts.DestClaimed {
		b.links.intoOutput("public", &diags)
	}
	today := b.today()
	site := content.LoadIndex(b.fsys, content.Options{Drafts: b.opts.Drafts, Today: today, Future: b.opts.Future}, &diags)
	diags.Add(b.cfg.Warnings()...)
	if b.opts.WarnBaseURL && b.cfg.BaseURL == "" {
		diags.Warnf(diag.Pos{Path: cmp.Or(b.cfg.File, config.Files[0])}, "base_url is not set: the feed gets ids that are not web addresses, and no sitemap, link previews or embed pages are written, since they need the address the site is published at; set base_url, or pass --base-url")
	}
	mode := output.Replace
	if b.opts.DryRun {
		mode = output.DryRun
	}
	cached := b.opts.CacheFile != "" && !b.opts.DryRun
	tx, err := output.Begin(b.opts.Dest, output.Options{Mode: mode, KeepEqual: cached})
	if err != nil {
		return Result{}, err
	}
	defer tx.Close()
	st := &state{site: renderSite(&b.cfg, b.loc), pages: map[string]*record{}, assets: site.Assets, bundles: site.Bundles, today: today, devices: site.Devices > 0}
	st.site.Nav = navOf(site.Pages)
	st.dataPages = dataPagesOf(site.Pages)
	st.site.HasData = len(st.dataPages) > 0
	st.feedCopies = feedCopies(&b.cfg, &diags)
	st.tagFeedCopies = tagFeedCopies(&b.cfg, st.feedCopies, &diags)
	r := b.newRun(ctx, st, tx)
	for _, p := range site.Pages {
		r.st.ix.addPage(p.Path, p.URL)
		r.st.ix.setAliases(p.Path, p.Aliases)
	}
	for _, p := range site.Drafts {
		r.st.ix.addUnbuilt(unbuiltPage{file: p.Path, url: p.URL, aliases: aliasTargets(p.Aliases), why: draftReason(p.Path)})
	}
	for _, p := range site.Later {
		r.st.ix.addUnbuilt(unbuiltPage{file: p.Path, url: p.URL, aliases: aliasTargets(p.Aliases), why: laterReason(p)})
	}
	for _, a := range site.Withheld {
		r.st.ix.addUnbuilt(unbuiltPage{file: a, url: r.st.ix.bundles.SitePath(a), why: withheldReason(a)})
	}

	// Render: the theme, the files beside the pages, the pages (reusing
	// what the cache allows), then the lists.
	if err := r.loadTheme(&diags); err != nil {
		return Result{}, err
	}
	if err := r.copyAssets(site.Assets, &diags); err != nil {
		return Result{}, err
	}
	if cached {
		if r.cacheGlobal, err = r.globalKey(site); err != nil {
			return Result{}, err
		}
		r.prev = buildcache.New(r.cacheGlobal)
		if _, err := os.Stat(b.opts.Dest); err == nil {
			// There is a previous output to take files from.
			r.prev = buildcache.Load(b.opts.CacheFile, r.cacheGlobal)
			if r.prev.Outputs.Count > 0 {
				tx.SetPrevious(r.prev.Outputs)
			}
		}
	}
	if err := r.parseLayouts(&diags); err != nil {
		return Result{}, err
	}
	// Pages with errors of their own are reported, not rendered; the others
	// are rendered so that every problem of the build shows at once.
	good := slices.DeleteFunc(slices.Clone(site.Pages), func(p *content.Page) bool { return p.Broken })
	r.tagsUnknown = len(good) < len(site.Pages)
	if st.layouts == nil {
		// The templates cannot be parsed, so no page is written; the
		// pages are still read, their data and prose checked, so that
		// the writer's mistakes show with the designer's.
		r.prev = nil
		_, pageDiags, err := r.renderPages(good, nil)
		if err != nil {
			return Result{}, err
		}
		diags.Add(pageDiags...)
		return failed(diags, r)
	}
	records, pageDiags, err := r.renderPages(good, feedOf(good, b.cfg.FeedItems))
	if err != nil {
		return Result{}, err
	}
	diags.Add(pageDiags...)
	for _, rec := range records {
		st.pages[rec.path] = rec
	}
	if diags.HasErrors() {
		st.verifyLinks(b.cfg.PageSize, r.failed, r.tagsUnknown, &diags)
		return failed(diags, r)
	}
	st.order = sortOrder(st.pages)
	// The feed's articles were picked by the dates the index read; one
	// whose date changed in between is rendered again here, its warnings
	// reported already.
	_, feedDiags, err := b.settleFeed(r, st)
	if err != nil {
		return Result{}, err
	}
	diags.Add(feedDiags.Errors()...)
	if diags.HasErrors() {
		return failed(diags, r)
	}
	if err := r.renderLists(allLists); err != nil {
		return Result{}, err
	}
	st.verifyLinks(b.cfg.PageSize, nil, false, &diags)
	st.tagFeedCopiesOfNoTag(&diags)
	diags.Add(r.clashList()...)
	if diags.HasErrors() {
		return failed(diags, r)
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}

	// Commit: the new output takes the old one's place, unless every file
	// is one the old output holds as it is.
	kept, err := tx.Commit()
	if err != nil {
		return Result{}, err
	}
	for _, l := range tx.Leftovers() {
		diags.Warnf(diag.Pos{Path: l.Path}, "could not remove this old copy of the output (%v); the new site is in place: make the folder writable and remove it (chmod -R u+w, then rm -rf)", unwrapLeftover(l.Err))
	}
	if cached {
		// A cache that cannot be written only makes the next build
		// slower, but every next one: a cache folder made by a build
		// run as another user (sudo), or a file where it goes, left
		// every build a full one without a word.
		if err := r.saveCache(b.opts.CacheFile); err != nil {
			diags.Warnf(diag.Pos{Path: b.opts.CacheFile}, "could not save the build cache (%v), so the next build renders every page again: make the folder writable by this user, or build with --no-cache", unwrapLeftover(err))
		}
	}
	res := b.finish(r, start, diags, kept)
	res.Full = true
	return res, nil
}

// changePlan is what a rebuild renders and removes after some files of the
// site changed.
type changePlan struct {
	render     []*content.Page // pages to render, parsed, with their URLs
	added      []*content.Page // of render, the pages new to the site (or at a new URL)
	gone       []string        // source paths of pages no longer in the site
	pagesSeen  []string        // source paths of the Markdown files changed, made or removed
	unbuilt    []unbuiltPage   // of those, the pages the build leaves out (drafts)
	copy       []string        // files beside the pages to copy, new or edited
	newAssets  []string        // of copy, the files new to the site
	goneAssets []string        // files beside the pages that are gone
	passing    []string        // changed paths in neither the last build nor this one (see Result.Passing)
	diags      diag.List       // the changed pages' own problems
	broken     []string        // source paths of the changed pages that have errors of their own
	dataPages  map[string]bool // the changed pages, by source path: whether each has data blocks after the change (see state.dataPages)
}

// planChanges works out what the files at the slash paths changed (edited,
// made or removed) touch. It reports full when only a full build will do:
// a change to the config, the templates or the theme, a folder that came
// or went, a file outside the folders a site reads.
func (b *Builder) planChanges(changed []string) (*changePlan, bool) {
	st := b.last
	if st.devices {
		return nil, true // the full build warns of them again
	}
	plan := &changePlan{}
	rendered := map[string]bool{}
	// What links or reads may have lost its target: site paths of pages
	// and files that went, and CSV files that changed.
	lost := map[string]bool{}
	changedFiles := map[string]bool{}
	gone := map[string]bool{}
	// drop takes the page of the last build in file, at url, out of the site.
	drop := func(file, url string) {
		plan.gone = append(plan.gone, file)
		gone[file] = true
		lost[url] = true
	}
	var assets *assetSet    // the last build's files, made when a file changed
	withheld := folderSet{} // the folders of the page bundles left out
	for _, u := range st.ix.unbuiltFiles {
		withheld.add(u.file)
	}
	paths := slices.Clone(changed)
	// Pages first, so that a file is planned knowing whether the page
	// whose bundle holds it is left out (see withholds).
	isFile := func(p string) int {
		if strings.HasSuffix(p, ".md") {
			return 0
		}
		return 1
	}
	slices.SortFunc(paths, func(a, b string) int {
		return cmp.Or(cmp.Compare(isFile(a), isFile(b)), strings.Compare(a, b))
	})
	for _, p := range slices.Compact(paths) {
		switch {
		case slices.Contains(config.Files, p), strings.HasPrefix(p, "templates/"), strings.HasPrefix(p, "theme/"):
			return nil, true
		case !strings.HasPrefix(p, "content/"):
			// Outside the folders a site reads: nothing to do, but a full
			// build is always right.
			return nil, true
		case content.Hidden(p):
			continue
		case badName(p):
			return nil, true // the full build reports the name
		case sitefs.TooDeep(path.Dir(p)):
			return nil, true // the full build reports the folder
		case content.OtherMarkdown(p), content.SectionPage(p):
			return nil, true // the full build warns at it
		}
		fi, err := fs.Stat(b.fsys, p)
		exists := err == nil
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, true // the full build reports it
		}
		if exists && fi.IsDir() {
			return nil, true
		}
		changedFiles[p] = true
		if !strings.HasSuffix(p, ".md") && withheld.holds(p) {
			// A file of a page bundle left out: the full build decides
			// whether its files are published.
			return nil, true
		}
		if _, ok := content.DeviceIn(p); ok {
			return nil, true // the full build warns at it
		}
		if !strings.HasSuffix(p, ".md") {
			if assets == nil {
				assets = newAssetSet(st.assets)
			}
			known := assets.has[p]
			if !known && exists && assets.hasTwin(p) {
				return nil, true // the full build reports both
			}
			if !exists && !known && b.holdsUnder(p) {
				return nil, true // a folder that went, with what was in it
			}
			switch {
			case exists:
				plan.copy = append(plan.copy, p)
				if !known {
					plan.newAssets = append(plan.newAssets, p)
				}
			case known:
				plan.goneAssets = append(plan.goneAssets, p)
				lost[st.ix.bundles.SitePath(p)] = true
			default:
				plan.passing = append(plan.passing, p)
			}
			continue
		}
		plan.pagesSeen = append(plan.pagesSeen, p)
		rec, known := st.pages[p]
		if !exists && !known && b.holdsUnder(p) {
			return nil, true // a folder that went, with what was in it
		}
		if !exists {
			if bundleMoves(st.bundles, p, "", false) {
				return nil, true // its files are published elsewhere now
			}
			if _, was := st.ix.unbuiltFiles[nfc(p)]; was && isBundle(p) {
				// A page bundle left out goes: its files are published
				// now, as files of no page.
				return nil, true
			}
			if known && inNav(st.site.Nav, rec.url) {
				return nil, true // every page shows the navigation
			}
			if known {
				drop(p, rec.url)
				loseAliases(st.ix, p, nil, lost)
			} else if _, was := st.ix.unbuiltFiles[nfc(p)]; !was {
				plan.passing = append(plan.passing, p)
			}
			continue
		}
		src, err := sitefs.ReadFile(b.fsys, p, sitefs.MaxFileSize)
		if err != nil {
			return nil, true // the full build reports it at the file
		}
		// A page the build leaves out is not checked, as in a full
		// build: its own problems are reported once it is built.
		var pageDiags diag.List
		page := content.Parse(p, src, &pageDiags)
		if content.WindowsDevice(page.Slug) {
			return nil, true // the full build warns at it
		}
		later := !b.opts.Future && page.Future(st.today)
		if (page.Draft && !b.opts.Drafts) || later {
			u, _ := content.URLFor(page)
			why := draftReason(p)
			if later && !page.Draft {
				why = laterReason(page)
				page.FutureWarning(st.today, &plan.diags)
			}
			if dir, ok := content.BundleFolder(p); ok && (known || b.holdsUnder(dir)) {
				// A page bundle goes unbuilt: its files go with it, those
				// the last build published as files of no page too (the
				// bundle's index.md removed and saved again as a draft).
				return nil, true
			}
			if known && inNav(st.site.Nav, rec.url) {
				return nil, true // every page shows the navigation
			}
			plan.unbuilt = append(plan.unbuilt, unbuiltPage{file: p, url: u, aliases: aliasTargets(page.Aliases), why: why})
			withheld.add(p)
			if known {
				drop(p, rec.url)
				loseAliases(st.ix, p, nil, lost)
			}
			continue
		}
		plan.diags.Add(pageDiags...)
		if page.Broken {
			plan.broken = append(plan.broken, p)
		}
		if _, was := st.ix.unbuiltFiles[nfc(p)]; was && isBundle(p) {
			// A page bundle is built again: its files come with it.
			return nil, true
		}
		if navChanged(st.site.Nav, page, known, rec) {
			// Every page shows the navigation.
			return nil, true
		}
		loseAliases(st.ix, p, page.Aliases, lost)
		u, urlErr := content.URLFor(page)
		if urlErr != nil {
			plan.diags.Errorf(page.URLPos(), "%v", urlErr)
			plan.broken = append(plan.broken, p)
			continue
		}
		page.URL = u
		if bundleMoves(st.bundles, p, u, true) {
			return nil, true // its files are published elsewhere now
		}
		if known && (u != rec.url || page.Kind != rec.kind) {
			// Renamed: the old page goes, the new one comes.
			drop(p, rec.url)
			known = false
		}
		if !known {
			plan.added = append(plan.added, page)
		}
		if caseTwin(st.ix, page, known) {
			// Its URL, or an alias, is another page's or alias's in
			// other letters: the full build tells it, where the index
			// of every page's URL and aliases is made (AssignURLs).
			return nil, true
		}
		plan.render = append(plan.render, page)
		rendered[p] = true
	}
	// A new page may take the URL of another: of a page of the last
	// build that stays, or of another new one. The full build reports
	// each such pair where the URL is made (a slug, or the file's name)
	// and renders none of them: it is rare, and the build knows every
	// page's slug, where this plan knows only the changed ones'.
	// URLs equal in NFC collide (see content.AssignURLs).
	holders := map[string]string{} // URL in NFC → source path of a page at it
	for _, p := range plan.added {
		u := nfc(p.URL)
		if other, ok := holders[u]; ok && other != p.Path {
			return nil, true
		}
		holders[u] = p.Path
		if _, taken := st.ix.pages[u]; taken {
			for file, fu := range st.ix.files {
				if nfc(fu) == u && !gone[file] && file != p.Path {
					return nil, true
				}
			}
		}
	}
	// Pages that read a changed CSV file, or link to a page or file that
	// went, render again: the first to follow the data, the others to say
	// where the link is broken.
	for _, rec := range st.pages {
		touched := slices.ContainsFunc(rec.deps, func(d string) bool { return changedFiles[d] }) ||
			slices.ContainsFunc(rec.links, func(l string) bool { return lost[l] })
		if !touched || rendered[rec.path] || gone[rec.path] {
			continue
		}
		src, err := sitefs.ReadFile(b.fsys, rec.path, sitefs.MaxFileSize)
		if err != nil {
			return nil, true
		}
		page := content.Parse(rec.path, src, &plan.diags)
		page.URL = rec.url
		plan.render = append(plan.render, page)
		rendered[rec.path] = true
	}
	slices.SortFunc(plan.render, func(a, b *content.Page) int { return strings.Compare(a.Path, b.Path) })
	// Every page's footer says whether the site computes its numbers:
	// the first page with data blocks, or the last one's going, is a
	// change of every page.
	plan.dataPages = map[string]bool{}
	for p := range gone {
		plan.dataPages[p] = false
	}
	for _, p := range plan.render {
		plan.dataPages[p.Path] = p.HasData
	}
	n := len(st.dataPages)
	for p, has := range plan.dataPages {
		switch {
		case has && !st.dataPages[p]:
			n++
		case !has && st.dataPages[p]:
			n--
		}
	}
	if n > 0 != st.site.HasData {
		return nil, true
	}
	return plan, false
}

// dataPagesOf returns the pages with data blocks among pages, by source
// path.
func dataPagesOf(pages []*content.Page) map[string]bool {
	out := map[string]bool{}
	for _, p := range pages {
		if p.HasData {
			out[p.Path] = true
		}
	}
	return out
}

// assetSet holds the files of a build other than its pages, to look them
// up by path and by path in Unicode's form NFC: a change set may name
// every file of a site (a folder of 10,000 images copied in), and looking
// each one up in the list of them took 3 s of CPU for 10,000 files beside
// 10,000, where the build of the whole site takes a second.
type assetSet struct {
	has map[string]bool
	nfc map[string][]string // each path by the path in NFC
}

// newAssetSet returns the set of the paths of assets.
func newAssetSet(assets []string) *assetSet {
	s := &assetSet{has: make(map[string]bool, len(assets)), nfc: make(map[string][]string, len(assets))}
	for _, a := range assets {
		s.has[a] = true
		n := nfc(a)
		s.nfc[n] = append(s.nfc[n], a)
	}
	return s
}

// hasTwin reports whether the set holds a path other than p that is p in
// Unicode's form NFC (see content.AssignURLs).
func (s *assetSet) hasTwin(p string) bool {
	return slices.ContainsFunc(s.nfc[nfc(p)], func(a string) bool { return a != p })
}

// caseTwin reports whether page, new to the site (not known) or with
// aliases, has a URL or an alias that another page's URL or redirect
// page is in other letters (see content.AssignURLs), looking through ix,
// the index of the last build: only a full build tells which is which.
// An edit of a page without aliases, the common rebuild, looks at none.
func caseTwin(ix *linkIndex, page *content.Page, known bool) bool {
	var mine []string
	if !known {
		mine = append(mine, page.URL)
	}
	for _, a := range page.Aliases {
		mine = append(mine, a.Target())
	}
	if len(mine) == 0 {
		return false
	}
	twin := func(u string) bool {
		return slices.ContainsFunc(mine, func(m string) bool { return m != u && strings.EqualFold(nfc(m), nfc(u)) })
	}
	for file, u := range ix.files {
		if file != page.Path && twin(u) {
			return true
		}
	}
	for file, redirects := range ix.aliasOf {
		for _, r := range redirects {
			if file != page.Path && twin(strings.TrimSuffix(r, "index.html")) {
				return true
			}
		}
	}
	return false
}

// loseAliases adds to lost the link targets of the redirect pages that
// the page in file had and, with aliases, no longer has.
func loseAliases(ix *linkIndex, file string, aliases []content.Alias, lost map[string]bool) {
	for _, a := range ix.aliasOf[file] {
		if !slices.ContainsFunc(aliases, func(b content.Alias) bool { return b.File == a }) {
			lost[content.Alias{File: a}.Target()] = true
		}
	}
}

// buildChanges carries out a plan of planChanges: it renders what the
// changes touch into memory, compares each file with what the output
// holds, and replaces only the files that differ.
func (b *Builder) buildChanges(ctx context.Context, plan *changePlan) (Result, error) {
	start := time.Now()
	diags := plan.diags
	tx, err := output.Begin(b.opts.Dest, output.Options{Mode: output.Patch})
	if err != nil {
		return Result{}, err
	}
	defer tx.Close()
	next := b.last.clone()
	for p, has := range plan.dataPages {
		if has {
			next.dataPages[p] = true
		} else {
			delete(next.dataPages, p)
		}
	}
	r := b.newRun(ctx, next, tx)
	r.prevOutputs = b.last.outputs
	if diags.HasErrors() {
		// A page with errors of its own is not written, as in a full
		// build, but its data blocks are still read and the other pages
		// still render, so that the rebuild reports every problem a full
		// build would: one whose front matter was read renders, for the
		// mistakes of its body. The build fails below, its output
		// discarded.
		plan.render = slices.DeleteFunc(plan.render, func(p *content.Page) bool {
			if p.Broken && !p.Decoded {
				r.readBroken(p, &diags)
			}
			return p.Broken && !p.Decoded
		})
	}

	// The site's shape: pages and files that went and came.
	shape := len(plan.gone) > 0 || len(plan.added) > 0
	for _, p := range plan.gone {
		for _, o := range next.pages[p].outputs {
			r.remove(o)
		}
		r.st.ix.removePage(p)
		delete(next.pages, p)
	}
	if len(plan.broken) > 0 {
		// What the last build knew of the pages with errors is left out,
		// as a full build knows nothing of them. The order is shared with
		// the last build's state: a new one.
		for _, p := range plan.broken {
			delete(next.pages, p)
		}
		next.order = slices.DeleteFunc(slices.Clone(next.order), func(p string) bool { return slices.Contains(plan.broken, p) })
	}
	gone := make(map[string]bool, len(plan.goneAssets))
	for _, a := range plan.goneAssets {
		r.remove(r.st.ix.bundles.SitePath(a))
		r.st.ix.removeAsset(a)
		gone[a] = true
	}
	if len(gone) > 0 {
		next.assets = slices.DeleteFunc(next.assets, func(s string) bool { return gone[s] })
	}
	for _, a := range plan.newAssets {
		r.st.ix.addAsset(a)
		next.assets = append(next.assets, a)
	}
	slices.Sort(next.assets)
	for _, p := range plan.pagesSeen {
		r.st.ix.removeUnbuilt(p)
	}
	for _, u := range plan.unbuilt {
		r.st.ix.addUnbuilt(u)
	}
	for _, p := range plan.added {
		r.st.ix.addPage(p.Path, p.URL)
	}
	for _, p := range plan.render {
		// The redirect pages a page no longer has go before any page
		// renders, as another may now write there.
		for _, a := range r.st.ix.setAliases(p.Path, p.Aliases) {
			if next.owners[a] == p.Path {
				r.remove(a)
			}
		}
	}
	if err := r.copyAssets(plan.copy, &diags); err != nil {
		return Result{}, err
	}

	// Pages keep their place in the site order until they render; a new
	// page takes its place by its date.
	old := map[string]*record{}
	moved := slices.Clone(plan.gone)
	for _, p := range plan.render {
		if rec, ok := next.pages[p.Path]; ok {
			old[p.Path] = rec
		}
		next.pages[p.Path] = &record{path: p.Path, url: p.URL, kind: p.Kind, date: p.Date}
		moved = append(moved, p.Path)
	}
	next.order = reorder(next.order, b.last.pages, next.pages, moved)
	r.moved = moved
	records, pageDiags, err := r.renderPages(plan.render, b.feedSetOf(next))
	if err != nil {
		return Result{}, err
	}
	diags.Add(pageDiags...)
	for _, rec := range records {
		next.pages[rec.path] = rec
	}
	if diags.HasErrors() {
		next.verifyLinks(b.cfg.PageSize, r.failed, r.tagsUnknown, &diags)
		return failed(diags, r)
	}
	lists := 0
	if shape {
		lists |= listPages | listFeed
	}
	for _, rec := range records {
		before, had := old[rec.path]
		switch {
		case !had:
			lists |= listPages | listFeed
			continue
		case !reflect.DeepEqual(before.summary, rec.summary) || !before.date.Equal(rec.date):
			lists |= listPages | listFeed
		case before.feed != rec.feed:
			lists |= listFeed
		}
		// What the page wrote before and writes no more (the CSV of a
		// chart taken out) goes.
		for _, o := range before.outputs {
			if owner, ok := next.owners[o]; !slices.Contains(rec.outputs, o) && (!ok || owner == rec.path) {
				r.remove(o) // unless another page writes it now, at an alias
			}
		}
	}
	// The feed holds the HTML of the newest articles: a page that has just
	// entered it renders again for it.
	more, feedDiags, err := b.settleFeed(r, next)
	if err != nil {
		return Result{}, err
	}
	diags.Add(feedDiags...)
	if diags.HasErrors() {
		return failed(diags, r)
	}
	for _, rec := range more {
		r.moved = append(r.moved, rec.path)
		lists |= listFeed
	}
	if lists != 0 {
		if err := r.renderLists(lists); err != nil {
			return Result{}, err
		}
	}
	next.verifyLinks(b.cfg.PageSize, nil, false, &diags)
	next.tagFeedCopiesOfNoTag(&diags)
	diags.Add(r.clashList()...)
	if diags.HasErrors() {
		return failed(diags, r)
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}

	// A file of the output that becomes a folder, or a folder that
	// becomes a file (a page's alias /old.html made /old.html/), is not
	// patched in place, where the folder's files would need the file's
	// name while the file is still there: the whole site is built again.
	if r.reshapes() {
		tx.Close()
		return b.buildFull(ctx)
	}

	// Commit. Should it fail part way, the output no longer matches the
	// last build: the next one starts from scratch.
	if _, err := tx.Commit(); err != nil {
		b.last = nil
		return Result{}, err
	}
	res := b.finish(r, start, diags, false)
	res.Files = len(res.Changed)
	for _, p := range plan.render {
		res.Sources = append(res.Sources, p.Path)
	}
	res.Sources = append(res.Sources, plan.gone...)
	slices.Sort(res.Sources)
	res.Sources = slices.Compact(res.Sources)
	res.Passing = plan.passing
	return res, nil
}

// navChanged reports whether the edit of page, of the last build when
// known (rec), changes the navigation nav: a page comes into it or goes,
// or one in it takes another name or address. An edit of its text alone
// does not.
func navChanged(nav []render.NavLink, page *content.Page, known bool, rec *record) bool {
	before := ""
	if known {
		for _, l := range nav {
			if l.URL == rec.url {
				before = l.Name
			}
		}
	}
	if page.Nav != before {
		return true
	}
	u, _ := content.URLFor(page)
	return page.Nav != "" && u != rec.url
}

// inNav reports whether the navigation nav links to the page at url.
func inNav(nav []render.NavLink, url string) bool {
	return slices.ContainsFunc(nav, func(l render.NavLink) bool { return l.URL == url })
}

// navOf returns the site's navigation: the pages with a "nav" name (see
// content.NavPages), in the order of their names, then of their URLs.
func navOf(pages []*content.Page) []render.NavLink {
	var nav []render.NavLink
	for _, p := range content.NavPages(pages) {
		nav = append(nav, render.NavLink{Name: p.Nav, URL: p.URL})
	}
	slices.SortFunc(nav, func(a, b render.NavLink) int {
		return cmp.Or(strings.Compare(a.Name, b.Name), strings.Compare(a.URL, b.URL))
	})
	return nav
}

// folderSet holds the folders of the page bundles a build leaves out
// (see content.BundleFolder), to tell whether a file lies in one by its
// own folders, where each file was compared with every page left out.
type folderSet map[string]bool

// add adds the folder of the page bundle whose page is at file, if it is
// one.
func (s folderSet) add(file string) {
	if dir, ok := content.BundleFolder(file); ok {
		s[dir] = true
	}
}

// holds reports whether the file p lies in one of the folders.
func (s folderSet) holds(p string) bool {
	return slices.ContainsFunc(folders(p), func(dir string) bool { return s[dir] })
}

// bundleMoves reports whether the page at p, published at u when it
// exists, changes where the files of its folder are published (see
// content.Bundles): the index.md of a bundle whose slug came, went or
// changed, or that came or went inside the folder of a bundle whose
// slug moves it. Only a full build moves files.
func bundleMoves(bundles content.Bundles, p, u string, exists bool) bool {
	dir, ok := content.BundleFolder(p)
	if !ok || path.Base(p) != "index.md" {
		return false
	}
	file := dir + "/f" // a file of the folder
	before := bundles.SitePath(file)
	after := u + "f"
	if !exists {
		// Where the file goes without the bundle: the path of its folder
		// by the bundles above it. A copy of bundles without it, made for
		// each bundle that went, took seconds when thousands went at once.
		after = bundles.SitePath(dir) + "/f"
	}
	return before != after
}

// isBundle reports whether the page at p is a page bundle's, whose files
// are published with it.
func isBundle(p string) bool {
	_, ok := content.BundleFolder(p)
	return ok
}

// holdsUnder reports whether the last build read a page or file under the
// folder p.
func (b *Builder) holdsUnder(p string) bool {
	prefix := p + "/"
	if slices.ContainsFunc(b.last.assets, func(a string) bool { return strings.HasPrefix(a, prefix) }) {
		return true
	}
	for path := range b.last.pages {
		if strings.HasPrefix(path, prefix) {
			return true
		}
	}
	return false
}

// unwrapLeftover gives the reason of a removal error without the path,
// which the warning names already.
func unwrapLeftover(err error) error {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return pe.Err
	}
	return err
}

// badName reports whether a name of the slash path p is one a full build
// refuses (see sitefs.Unreadable): not valid UTF-8, or holding a control,
// bidi or invisible character (sitefs.UnseenRune).
func badName(p string) bool {
	if !utf8.ValidString(p) {
		return true
	}
	_, _, ok := sitefs.UnseenRune(p)
	return ok
}
