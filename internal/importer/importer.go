// Package importer turns a Hugo or a Jekyll site into a plotline site: it
// copies the pages and their files into content/, maps the front matter
// onto plotline's keys (what plotline does not read goes under params:),
// converts the shortcodes and Liquid tags plotline has an equivalent for,
// wraps the others in HTML comments so that the build does not fail on
// them, and gives every page an alias at each address it had, so that no
// old link breaks. It reads the source through an fs.FS and writes only
// into a new folder.
package importer

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/netip"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/gohugoio/hugo-goldmark-extensions/passthrough"
	"github.com/yuin/goldmark/parser"
	"golang.org/x/text/language"

	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/sitefs"
)

// Kind names the generator a site comes from.
type Kind string

// The generators a site can be imported from.
const (
	Hugo   Kind = "hugo"
	Jekyll Kind = "jekyll"
)

// Note is one thing of the source that was not converted: where it is
// and what it was.
type Note struct {
	Pos  diag.Pos
	What string
	// Done is set on a note of something the importer did in the
	// writer's place (a date taken from the file's time, say), which the
	// writer may want to check; it is not counted as not converted.
	Done bool
}

// Result is an imported site, not yet written: its files, what could not
// be converted, and the counts of the report.
type Result struct {
	// Files maps each slash path of the new site to its content.
	Files map[string]File
	// Notes lists what was not converted, sorted by position.
	Notes []Note
	// Pages counts the Markdown pages imported, Copied the other files,
	// Converted the shortcodes and tags turned into Markdown, Aliases the
	// redirect addresses given to pages.
	Pages, Copied, Converted, Aliases int
}

// File is one file of the new site: either Data, or the source file Src
// copied as it is.
type File struct {
	Data []byte
	Src  string // slash path in the source; used when Data is nil
}

// NotConverted returns the number of notes, the things left for the
// writer.
func (r *Result) NotConverted() int {
	n := 0
	for _, x := range r.Notes {
		if !x.Done {
			n++
		}
	}
	return n
}

// Import reads the site of kind k from src and returns the new site.
// now is the time of the import, against which a Hugo page's expiry date
// is read, as Hugo reads it against the time of its build. Import fails
// only when src is not a site of that kind; everything else is a note of
// the result.
func Import(src fs.FS, k Kind, now time.Time) (*Result, error) {
	im := &importer{src: src, kind: k, now: now, res: &Result{Files: map[string]File{}}, code: newCodeParser()}
	var err error
	switch k {
	case Hugo:
		err = im.hugo()
	case Jekyll:
		err = im.jekyll()
	default:
		return nil, fmt.Errorf("unknown site kind %q (want hugo or jekyll)", k)
	}
	if err != nil {
		return nil, err
	}
	im.finish()
	if im.srcDir != "" {
		// Read from a folder of src: its paths are src's again.
		for i, n := range im.res.Notes {
			if n.Pos.Path != "" {
				im.res.Notes[i].Pos.Path = path.Join(im.srcDir, n.Pos.Path)
			}
		}
		for name, f := range im.res.Files {
			if f.Data == nil {
				f.Src = path.Join(im.srcDir, f.Src)
				im.res.Files[name] = f
			}
		}
	}
	return im.res, nil
}

// importer is one import in progress.
type importer struct {
	src fs.FS
	// srcDir is the folder of the site's folder that src is, when the
	// site is read from one (Jekyll's source:), or "".
	srcDir string
	kind   Kind
	now    time.Time // the time of the import
	res    *Result
	conf   siteConfig
	pages  []*page
	// byKey finds a page for ref, relref, link and post_url: by source
	// path, with and without extension, and by base name.
	byKey map[string][]*page
	// byLowerKey finds them by those keys in lower case, as Hugo's ref
	// finds a page whatever the letter case of its path.
	byLowerKey map[string][]*page
	// cascades are the Hugo section pages that cascade values to the
	// pages below them, by language and folder.
	cascades map[string]*page
	// dests finds a page by its slash path in the new site (the first).
	dests map[string]*page
	// drafts finds a draft by its new address, "/posts/x/".
	drafts map[string]*page
	// known holds the site paths the new site will have: each page's
	// index.html, each alias, each file.
	known map[string]string
	// tags holds the slug of each tag and category of the pages, as
	// plotline makes its list's address: "passons-le-c-a-p".
	tags map[string]bool
	// notesAt holds the notes at each file included in a page so far
	// (see notesOf).
	notesAt map[string]map[Note]bool
	// includedBytes counts the text of the includes taken into all the
	// pages so far (see maxImportIncludedBytes), and includedPast is the
	// page where that bound was reached, if it was.
	includedBytes int
	includedPast  string
	// bundles finds a page whose files are in its folder (a page
	// bundle, a section) by its old address: "/en/basics/".
	bundles map[string]*page
	// refreshLayouts holds, by name, what each Jekyll layout read so far
	// refreshes to: the key of the page's value it names ("redirect_url"
	// for {{ page.redirect_url }}), or "" for a layout that is no
	// redirect.
	refreshLayouts map[string]string
	// dataTables holds each CSV or TSV data file a Liquid loop showed,
	// by its key ("prices"), as dataRows read it: its path and records.
	dataTables map[string]dataFile
	// bib holds the works of a Jekyll site's BibTeX files, each as a
	// note's text, by key (see bibliography).
	bib map[string]string
	// code reads where a body's code is (codeSpans).
	code parser.Parser
	// math reads where a Hugo body's $$…$$ is (dollarMath), and its $…$
	// with conf.dollarInline, made when a page has one.
	math parser.Parser
}

// siteConfig is what the importer reads of the source's config.
type siteConfig struct {
	// baseURL is the site's address as its config gives it, Jekyll's
	// url and baseurl joined: a full address, a site path ("/blog"), or
	// "". It tells links to the site's own pages from others even where
	// it is no published address (publishedURL).
	title, baseURL string
	// rootVar names a Liquid variable that a Jekyll site's include
	// sets to its root (the Carpentries' base_path.html sets
	// relative_root_path to site.baseurl), or is empty.
	rootVar     string
	language    string // the site's language tag: "zh-cn"
	description string
	unsafe      bool
	// polyglot is set when a Jekyll site builds its languages with
	// jekyll-polyglot.
	polyglot *polyglot
	// passthrough is set when Hugo's goldmark passthrough extension is
	// on, so that \[…\] and \(…\) are mathematics in the source as they
	// are in plotline; without it they are escaped brackets.
	passthrough bool
	// dollarInline holds the passthrough extension's delimiters when
	// its inline ones include $…$, which plotline writes \(…\), or
	// dollarDelims when a template of the site has a MathJax or KaTeX
	// that reads $…$ as inline mathematics on every page (dollarScript).
	dollarInline *passthrough.Config
	// mathScript is set when a template of the site has a MathJax or
	// KaTeX that reads $…$ as mathematics (dollarScript), which typeset
	// a LaTeX environment in the text too (see mathEnvironment).
	mathScript bool
	// mathCode is set when the site loads blogdown's math-code.js,
	// which made a code span of mathematics mathematics (see
	// mathCodeScript).
	mathCode bool
	// straight is set when Hugo's typographer was off.
	straight bool
	// parseBlockHTML is kramdown's parse_block_html of a Jekyll site's
	// config: the inside of each block element of HTML is Markdown, as
	// with markdown="1".
	parseBlockHTML bool
	// feeds are the addresses of the source's feeds of its articles
	// other than plotline's feed.xml ("/index.xml", Hugo's), which keep
	// their readers as feed_aliases in plotline.yaml.
	feeds []string
	// tagFeeds are the addresses of the source's feeds of its tags and
	// categories (Hugo's /categories/r/index.xml), which keep their
	// readers as tag_feed_aliases in plotline.yaml, each a copy of the
	// feed of its tag.
	tagFeeds []tagFeed
	// termLists are the lists Hugo published of the articles'
	// categories, each with the address of plotline's list that takes
	// its place (see termRedirects).
	termLists []termList
	// termListsAt is where termRedirects tells of them: the config.
	termListsAt diag.Pos
	// blackfriday is set when Hugo gave headings the ids of its old
	// Markdown reader (autoHeadingIDType = "blackfriday").
	blackfriday bool
	// buildExpired is Hugo's buildExpired: its build published the pages
	// whose expiry date had passed.
	buildExpired bool
	// buildDrafts is Hugo's buildDrafts: its build published the drafts.
	buildDrafts bool
	// nameSlugs is set on a Hugo site that dates its pages by their file
	// names first (frontmatter: {date: [":filename", …]}), where the rest
	// of a dated name is the page's slug.
	nameSlugs bool
	// vars is the site's config, its keys in lower case: a Jekyll
	// site's _config.yml, for {{ site.x }}; a Hugo site's, for the param
	// shortcode.
	vars map[string]any
	// hugo
	permalinks map[string]string
	// hosts are the base URLs of a multihost Hugo site's languages, by
	// code, each of which Hugo published at the root of its own host;
	// nil on any other site.
	hosts        map[string]string
	langTags     map[string]string // a Hugo language's locale or languageCode, by code
	paths        pathRules
	mainSections []string
	// taxonomies are the site's taxonomies other than tags and
	// categories, by their plural name: "authors".
	taxonomies map[string]bool
	ignore     []*regexp.Regexp // ignoreFiles
	// shortcodes are the site's own shortcodes (of its layouts/ or its
	// theme's), by name, as their templates show them.
	shortcodes map[string]shortcode
	// docsy is set on a Hugo site whose theme is Docsy (a module or a
	// theme of that name), whose alert and pageinfo shortcodes are
	// callouts, and whose templates the site may not hold.
	docsy bool
	// hextra is set on a Hugo site that takes the Hextra theme as a
	// module or a theme, whose callout shortcode is an alert.
	hextra bool
	// alertHook is set on a Hugo site whose layouts (or its theme's)
	// show a block quote's alert with a render hook, which reads any
	// type and a title after the marker.
	alertHook bool
	// fenceLabels are the attributes of a fenced code block that the
	// site's render hook shows above it ("filename"), see fenceLabels.
	fenceLabels []string
	// imageCaption is what the site's image render hook shows as an
	// image's caption: "text" (its alt text) or "title", or "", or
	// "em", the line of emphasis under it, for a Jekyll site's style.
	imageCaption string
	// emoji is set when the source showed :smile: as its emoji: Hugo's
	// enableEmoji, Jekyll's jemoji plugin.
	emoji bool
	// jekyll
	permalink string
	// exclude is exclude:, its entries without a wildcard (a path, or a
	// folder's) in a set, the patterns apart.
	exclude        map[string]bool
	excludePattern []string
	// chirpy is set when the Jekyll site's theme is Chirpy, whose
	// MathJax reads $…$ as inline mathematics on a page with math: true.
	chirpy bool
	// minimalMistakes is set when the site's theme is minimal-mistakes
	// (theme: or remote_theme:), whose includes the site does not hold.
	minimalMistakes bool
	// justTheDocs is set when the site's theme is Just the Docs, which
	// shows a page's title: only in its navigation.
	justTheDocs bool
	// include are the names of include:, which Jekyll reads though
	// they start with an underscore or a dot (_pages).
	include []string
	// dataDir is the folder of the data files, for {{ site.data.x }}:
	// data_dir, or _data; data holds each one read, nil when it cannot
	// be read, by its path.
	dataDir string
	data    map[string]any
	// defaults are _config.yml's front matter defaults, in order, for
	// {{ page.x }}.
	defaults []frontDefault
	// collections are Jekyll's collections by name; collectionsDir is
	// the folder that holds their _NAME folders, "" for the root.
	collections    map[string]collection
	collectionsDir string
	// callouts are the classes of Just the Docs' callouts that are
	// GitHub alerts, by name: "warning" is WARNING.
	callouts map[string]string
	// liquidNotes are the block tags of the site's own plugins
	// (_plugins/*.rb) that show their inside in an element of a note's
	// class, by name: the alert of that class, "NOTE" for
	// {% notice %}…{% endnotice %}.
	liquidNotes map[string]string
}

// note records something not converted at pos.
func (im *importer) note(pos diag.Pos, format string, args ...any) {
	im.addNote(Note{Pos: pos, What: fmt.Sprintf(format, args...)})
}

// addNote records n, and counts it among the notes at its file when
// includeText has asked for them.
func (im *importer) addNote(n Note) {
	im.res.Notes = append(im.res.Notes, n)
	if at := im.notesAt[n.Pos.Path]; at != nil {
		at[n] = true
	}
}

// dropNotes forgets every note at the file src.
func (im *importer) dropNotes(src string) {
	im.res.Notes = slices.DeleteFunc(im.res.Notes, func(n Note) bool { return n.Pos.Path == src })
	delete(im.notesAt, src)
}

// notesOf returns the set of the notes at the file src, made on first use
// and kept up to date as notes are added, so that a file included many
// times is not looked for among every note each time.
func (im *importer) notesOf(src string) map[Note]bool {
	if at := im.notesAt[src]; at != nil {
		return at
	}
	at := map[Note]bool{}
	for _, n := range im.res.Notes {
		if n.Pos.Path == src {
			at[n] = true
		}
	}
	put(&im.notesAt, src, at)
	return at
}

// notCopied notes the entry d at p of the source, which is neither a
// folder nor a regular file: the import does not copy it. A symbolic link
// may lead out of the source, or round in a loop; a named pipe, socket or
// device holds no file.
func (im *importer) notCopied(p string, d fs.DirEntry) {
	pos := diag.Pos{Path: p, Line: 1, Col: 1}
	if d.Type()&fs.ModeSymlink != 0 {
		im.note(pos, "a symbolic link, which the import does not follow: not copied (put a copy of what it leads to in its place)")
		return
	}
	im.note(pos, "a named pipe, socket or device: not copied")
}

// walkFiles calls file for each regular file of the source at or below
// root, in the order of fs.WalkDir. It notes an entry it cannot read, and
// one that is neither a folder nor a regular file (notCopied), and passes
// over an entry below root for which leave reports true, a folder with
// all it holds.
func (im *importer) walkFiles(root string, leave func(p string, d fs.DirEntry) bool, file func(p string, d fs.DirEntry) error) error {
	return fs.WalkDir(im.src, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			im.note(diag.Pos{Path: p}, "%s", sitefs.DescribeReadError(err))
			return nil
		}
		if p != root && leave(p, d) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			im.notCopied(p, d)
			return nil
		}
		return file(p, d)
	})
}

// done records something the importer decided at pos.
func (im *importer) done(pos diag.Pos, format string, args ...any) {
	im.addNote(Note{Pos: pos, What: fmt.Sprintf(format, args...), Done: true})
}

// tagKeys returns the front-matter keys whose words become the new
// page's tags: tags and categories, and Jekyll's category, a category
// of its own. To Hugo, category: is no taxonomy (its default is
// categories), only a parameter of the page.
func (im *importer) tagKeys() []string {
	if im.kind == Jekyll {
		return []string{"tags", "categories", "category"}
	}
	return []string{"tags", "categories"}
}

// plotlineWrites are the files of the new site that plotline writes
// itself, which a copy or a redirect would clash with, and what they are.
var plotlineWrites = map[string]string{
	"index.html":  "its home page",
	"404.html":    "its page for a missing address",
	"robots.txt":  "its robots.txt, allowing every robot and naming the sitemap",
	"sitemap.xml": "its sitemap of every page and list",
	"feed.xml":    "its Atom feed of the newest articles",
	".nojekyll":   "an empty .nojekyll",
	// A Jekyll page at /tags/ whose layout listed the tags.
	"tags/index.html": "its list of tags",
}

// copyFile adds the source file src to the new site at dest, or at dest
// without the characters the build refuses in a name (see visiblePath),
// unless a file is there already, and reports where and whether it did.
func (im *importer) copyFile(src, dest string) (string, bool) {
	if what, ok := plotlineWrites[strings.TrimPrefix(dest, "content/")]; ok {
		im.note(diag.Pos{Path: src}, "not copied: plotline writes %s", what)
		return "", false
	}
	clean, what, renamed := visiblePath(dest)
	if _, ok := im.res.Files[clean]; ok {
		im.note(diag.Pos{Path: src}, "not copied: %s comes from another file already", clean)
		return "", false
	}
	if info, err := fs.Stat(im.src, src); err == nil && info.Size() > sitefs.MaxAssetSize {
		// The build would refuse it; copied, a file of gigabytes (a
		// sparse one, which takes no room in the source) would fill
		// the disk.
		im.note(diag.Pos{Path: src}, "not copied: %s", (&sitefs.TooLargeError{Size: info.Size(), Limit: sitefs.MaxAssetSize}).Error())
		return "", false
	}
	if renamed {
		im.done(diag.Pos{Path: src}, "%s: plotline build refuses such names, so it is written as %s (mend a link to it by hand)", what, strings.TrimPrefix(clean, "content/"))
	}
	im.res.Files[clean] = File{Src: src}
	im.res.Copied++
	return clean, true
}

// tooLargePage reports whether data, the page p of the source, is larger
// than the 8 MB plotline reads of an article, and notes it when it is.
// Such a page is not imported: the build would refuse it, and the import
// keeps every page's text until the end, so that pages of 100 MB each
// would take gigabytes.
func (im *importer) tooLargePage(p string, data []byte) bool {
	if len(data) <= sitefs.MaxFileSize {
		return false
	}
	im.note(diag.Pos{Path: p}, "%s, for an article: not imported (split it into pages)", (&sitefs.TooLargeError{Size: int64(len(data)), Limit: sitefs.MaxFileSize}).Error())
	return true
}

// modDate returns the day a source file was last changed, for pages that
// name no date.
func (im *importer) modDate(p string) time.Time {
	info, err := fs.Stat(im.src, p)
	if err != nil {
		return time.Time{}
	}
	t := info.ModTime().UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// finish converts every page, now that all are known, and writes the
// config.
func (im *importer) finish() {
	// A page a theme's list made, with no text of its own, is no page
	// here; its old address leads to plotline's list (below).
	var lists []*page
	im.pages = slices.DeleteFunc(im.pages, func(p *page) bool {
		_, ok := themeLists[strings.ToLower(p.str("layout"))]
		if ok = ok && !p.draft && !p.section && !p.taxonomy && p.oldURL != "" && len(bytes.TrimSpace(p.body)) == 0; ok {
			lists = append(lists, p)
		}
		return ok
	})
	im.visibleNames()
	im.uniqueURLs()
	im.byKey = map[string][]*page{}
	im.byLowerKey = map[string][]*page{}
	im.dests = map[string]*page{}
	im.bundles = map[string]*page{}
	im.cascades = im.sections(func(p *page) bool { return p.get("cascade") != nil })
	for _, p := range im.pages {
		if im.dests[p.dest] == nil {
			im.dests[p.dest] = p
		}
		if path.Base(p.dest) == "index.md" && p.oldURL != "" {
			im.bundles[strings.TrimSuffix(p.oldURL, "/")+"/"] = p
		}
		for _, k := range p.keys() {
			if !slices.Contains(im.byKey[k], p) {
				im.byKey[k] = append(im.byKey[k], p)
			}
			if lk := strings.ToLower(k); !slices.Contains(im.byLowerKey[lk], p) {
				im.byLowerKey[lk] = append(im.byLowerKey[lk], p)
			}
		}
	}
	for _, p := range im.pages {
		// A file where the page's own HTML goes: an index.html without
		// front matter beside a bundle's index.md, a program's output,
		// which Hugo took for a second text of the page.
		out := "content/" + p.newURL + "index.html"
		if f, ok := im.res.Files[out]; ok && f.Src != "" {
			delete(im.res.Files, out)
			im.res.Copied--
			im.note(diag.Pos{Path: f.Src}, "not copied: the page %s is published at its address", p.src)
		}
	}
	// Addresses that plotline writes: an alias must land on none of them.
	taken := map[string]string{}
	for file, what := range plotlineWrites {
		taken[file] = "plotline (" + what + ")"
	}
	for _, p := range im.pages {
		taken[p.newURL+"index.html"] = p.src
	}
	for f := range im.res.Files {
		if rel, ok := strings.CutPrefix(f, "content/"); ok && !strings.HasSuffix(rel, ".md") {
			taken[rel] = f
		}
	}
	im.tags = map[string]bool{}
	for _, p := range im.pages {
		for _, t := range im.tagsOf(p) {
			im.tags[content.Slugify(t)] = true
		}
	}
	// The list of each tag, which a page of the source may have stood
	// at (a Jekyll page at /tags/markup/ whose layout listed the posts).
	for t := range im.tags {
		taken["tags/"+t+"/index.html"] = "plotline (its list of the tag " + t + ")"
	}
	for _, p := range lists {
		im.themeList(p, taken)
	}
	im.redirects(taken)
	im.termRedirects(taken)
	im.netlifyRedirects()
	for _, p := range im.pages {
		im.aliases(p, taken)
	}
	im.known = taken
	// The drafts by address, the first of an address winning: each link
	// looked for its draft among all the pages, so that 10,000 pages of
	// 50 links each took 25 s of CPU.
	im.drafts = map[string]*page{}
	for _, p := range slices.Backward(im.pages) {
		if p.draft {
			im.drafts["/"+p.newURL] = p
			// Its old addresses too (a Hugo url: "/p/y4ccxc8/"), to
			// which the source's other pages link.
			for _, a := range p.aliases {
				im.drafts[a] = p
			}
		}
	}
	for _, p := range im.pages {
		if p.html {
			p.converted = im.convertHTML(p)
		} else {
			p.converted = im.convertBody(p)
			if im.conf.blackfriday {
				blackfridayIDs(im.code, p)
			}
		}
	}
	im.listSections()
	im.mendFragments()
	for _, p := range im.pages {
		im.res.Files[p.written()] = File{Data: im.render(p)}
		im.res.Pages++
	}
	im.res.Files["plotline.yaml"] = File{Data: im.config()}
	slices.SortStableFunc(im.res.Notes, func(a, b Note) int { return diag.ComparePos(a.Pos, b.Pos) })
	// A snippet that is a page of its own and is shown in others is
	// converted more than once: a note at one place is given once.
	seen := map[Note]bool{}
	im.res.Notes = slices.DeleteFunc(im.res.Notes, func(n Note) bool {
		dup := seen[n]
		seen[n] = true
		return dup
	})
}

// config returns the plotline.yaml of the new site.
func (im *importer) config() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Imported from a %s site by plotline import.\n", map[Kind]string{Hugo: "Hugo", Jekyll: "Jekyll"}[im.kind])
	for _, kv := range [][2]string{{"title", im.conf.title}, {"description", im.conf.description}, {"language", im.conf.language}} {
		if kv[1] != "" {
			fmt.Fprintf(&b, "%s: %s\n", kv[0], yamlString(kv[1]))
		}
	}
	if u := im.conf.publishedURL(); u != "" {
		if !strings.HasSuffix(u, "/") {
			u += "/"
		}
		fmt.Fprintf(&b, "base_url: %s\n", yamlString(u))
	}
	if im.conf.unsafe {
		b.WriteString("# The source published the raw HTML of its pages; so does this site.\nunsafe_html: true\n")
	}
	if im.conf.straight {
		b.WriteString("# The source kept quotes and dashes as typed (--fast-list); so does this site.\ntypographer: false\n")
	}
	feeds := slices.DeleteFunc(slices.Clone(im.conf.feeds), func(f string) bool {
		_, taken := im.known[strings.TrimPrefix(f, "/")] // by a file of the source's
		return taken
	})
	if len(feeds) > 0 {
		b.WriteString("# The source's feeds, where readers subscribed: each gets a copy of feed.xml.\nfeed_aliases:\n")
		for _, f := range feeds {
			fmt.Fprintf(&b, "  - %s\n", yamlString(f))
		}
	}
	articleTags := im.articleTags()
	tagFeeds := slices.DeleteFunc(slices.Clone(im.conf.tagFeeds), func(f tagFeed) bool {
		_, taken := im.known[strings.TrimPrefix(f.addr, "/")]
		has := articleTags[content.Slugify(f.tag)]
		if f.src != "" {
			what := fmt.Sprintf("a feed of the posts of the tag or category %s that Jekyll made from this template, not imported", f.tag)
			switch {
			case !has:
				im.done(diag.Pos{Path: f.src}, "%s: no post has the tag, and the feed's address %s is not kept (tag_feed_aliases in plotline.yaml keeps it once an article has the tag)", what, f.addr)
			case !taken:
				im.done(diag.Pos{Path: f.src}, "%s: plotline writes the feed of the tag %s at /tags/%s/feed.xml, and at %s too (tag_feed_aliases in plotline.yaml), for the readers subscribed there", what, f.tag, content.Slugify(f.tag), f.addr)
			}
		}
		return taken || slices.Contains(feeds, f.addr) || !has
	})
	slices.SortFunc(tagFeeds, func(a, b tagFeed) int { return strings.Compare(a.addr, b.addr) })
	tagFeeds = slices.CompactFunc(tagFeeds, func(a, b tagFeed) bool { return a.addr == b.addr })
	if len(tagFeeds) > 0 {
		b.WriteString("# The source's feeds of its tags and categories: each gets a copy of the tag's feed.\ntag_feed_aliases:\n")
		for _, f := range tagFeeds {
			fmt.Fprintf(&b, "  %s: %s\n", yamlString(f.addr), yamlString(f.tag))
		}
	}
	return b.Bytes()
}

// languageTag returns s, a site's language as Hugo or Jekyll give it
// ("zh-cn", Jekyll's locale "en_US"), as the canonical language tag the
// config wants ("zh-CN", "en-US"), or "" when it is not one ("English").
func languageTag(s string) string {
	tag, err := language.Parse(strings.TrimSpace(s))
	if err != nil {
		return ""
	}
	return tag.String()
}

// ErrNotEmpty is returned by Write when the destination holds files.
var ErrNotEmpty = errors.New("exists and is not empty: import into a new folder")

// Write writes r into the folder dest, which must not exist or be empty,
// copying the source files from src. The new site is written into a
// temporary folder inside dest, whose files take their places in dest
// once it is whole: a Write that fails, or whose ctx is cancelled
// (Ctrl-C), leaves dest as it was, where a half-written site was left,
// which the next import refused as not empty. It writes through an
// os.Root of that folder, and refuses, before it writes anything, a name
// of r that is not a path inside it ("content/../../x.md", made of a
// name a hostile source chose), so that no file is written outside it.
func (r *Result) Write(ctx context.Context, src fs.FS, dest string) error {
	if err := CheckDest(dest); err != nil {
		return err
	}
	names := make([]string, 0, len(r.Files))
	for n := range r.Files {
		if !fs.ValidPath(n) || n == "." || strings.Contains(n, `\`) {
			return fmt.Errorf("%s: %q is not a path inside the new site; nothing was written", dest, n)
		}
		names = append(names, n)
	}
	slices.Sort(names)
	_, err := os.Stat(dest)
	made := errors.Is(err, fs.ErrNotExist)
	if err := os.MkdirAll(dest, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(dest, writeTemp+"*")
	if err != nil {
		return errors.Join(err, undo(dest, "", nil, made))
	}
	if err := r.writeAll(ctx, src, tmp, names); err != nil {
		return errors.Join(err, undo(dest, tmp, nil, made))
	}
	done, err := os.ReadDir(tmp)
	if err != nil {
		return errors.Join(err, undo(dest, tmp, nil, made))
	}
	var moved []string
	for _, e := range done {
		if err := os.Rename(filepath.Join(tmp, e.Name()), filepath.Join(dest, e.Name())); err != nil {
			return errors.Join(err, undo(dest, tmp, moved, made))
		}
		moved = append(moved, e.Name())
	}
	return os.Remove(tmp)
}

// undo removes what a Write that failed wrote: its temporary folder tmp
// (if any), the files and folders moved from there into dest, and dest
// when the Write made it and it is empty again.
func undo(dest, tmp string, moved []string, made bool) error {
	var errs []error
	if tmp != "" {
		errs = append(errs, os.RemoveAll(tmp))
	}
	for _, name := range moved {
		errs = append(errs, os.RemoveAll(filepath.Join(dest, name)))
	}
	if made {
		errs = append(errs, os.Remove(dest))
	}
	return errors.Join(errs...)
}

// CheckDest returns an error unless dest is a folder Write may write a
// site into: one that does not exist, or is empty; ErrNotEmpty for a
// folder that holds files. The message names a folder that a killed
// import left there, which a writer may not know to look for.
func CheckDest(dest string) error {
	entries, err := os.ReadDir(dest)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), writeTemp) {
			return fmt.Errorf("%s %w (it holds %s, what an import that was stopped wrote: remove it)", dest, ErrNotEmpty, e.Name())
		}
	}
	if len(entries) > 0 {
		return fmt.Errorf("%s %w", dest, ErrNotEmpty)
	}
	return nil
}

// writeTemp begins the name of the folder Write writes a site into.
const writeTemp = ".plotline-import-"

// writeAll writes the files names of r into the folder dir.
func (r *Result) writeAll(ctx context.Context, src fs.FS, dir string, names []string) error {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	for _, n := range names {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := root.MkdirAll(path.Dir(n), 0o755); err != nil {
			return err
		}
		if err := writeFile(root, n, r.Files[n], src); err != nil {
			return err
		}
	}
	// Every site has its content folder, even one whose source had no
	// page to import (a theme's example site with a home page only), so
	// that the new site builds, empty, as a new one does.
	return root.MkdirAll("content", 0o755)
}

// writeFile writes f at name in root, a new file: its Data, or a copy of
// its source file in src.
func writeFile(root *os.Root, name string, f File, src fs.FS) error {
	var in io.Reader = bytes.NewReader(f.Data)
	if f.Data == nil {
		file, err := src.Open(f.Src)
		if err != nil {
			return err
		}
		defer file.Close()
		// A file that grew past the size the import saw is cut short
		// rather than copied whole.
		in = io.LimitReader(file, sitefs.MaxAssetSize+1)
	}
	out, err := root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// Report writes the report of r: each thing not converted at its
// position, its path joined to dir (the source folder as the user named
// it), then the totals.
func (r *Result) Report(w io.Writer, dir string) {
	for _, n := range r.Notes {
		n.Pos.Path = path.Join(filepath.ToSlash(dir), n.Pos.Path)
		if n.Done {
			fmt.Fprintf(w, "%s: note: %s\n", n.Pos, n.What)
		} else {
			fmt.Fprintf(w, "%s: not converted: %s\n", n.Pos, n.What)
		}
	}
	fmt.Fprintf(w, "imported %d pages, %d files; converted %d, not converted %d; %d aliases\n",
		r.Pages, r.Copied, r.Converted, r.NotConverted(), r.Aliases)
}

// readFile reads the file name of the source: a regular file of
// sitefs.MaxAssetSize at most, the most a build copies, so that a file of
// gigabytes (or a link to a device, where src follows links) is an error
// and not the import's memory, and a named pipe an error and not a wait.
func readFile(src fs.FS, name string) ([]byte, error) {
	return sitefs.ReadFile(src, name, sitefs.MaxAssetSize)
}

// markdownExt reports whether name is a Markdown file the generators read.
func markdownExt(name string) bool {
	return path.Ext(name) == ".md" || content.OtherMarkdown(name)
}

// newURL returns the URL plotline gives the page at dest with slug (a
// slug plotline would refuse is left out, as render leaves it out).
func newURL(dest, slug string) string {
	if !validSlug(slug) {
		slug = ""
	}
	u, _ := content.URLFor(&content.Page{Path: dest, Slug: slug})
	return u
}

// fileURL returns the site path of the file at the slash path f of the
// new site ("content/posts/p/pic.png"): beside its page bundle's page,
// which a slug may have moved ("/posts/dry-damp/pic.png"), as plotline
// publishes it.
func (im *importer) fileURL(f string) string {
	for dir := path.Dir(f); dir != "content" && dir != "." && dir != "/"; dir = path.Dir(dir) {
		if u, ok := im.bundleURL(dir); ok {
			return u + strings.TrimPrefix(f, dir+"/")
		}
	}
	return "/" + strings.TrimPrefix(f, "content/")
}

// bundleURL returns the address of the page whose bundle is the folder
// dir of the new site ("content/posts/a"), under which the bundle's files
// are published, and false when dir is no page's bundle.
func (im *importer) bundleURL(dir string) (string, bool) {
	if p := im.dests[dir+"/index.md"]; p != nil && p.newURL != "" {
		return "/" + p.newURL, true
	}
	return "", false
}

// taxonomyURL returns the address of plotline's list that stands for p, a
// Hugo page of a tag or category ("tags/go-lang/_index.md": the list of
// the tag, /tags/go-lang/) or of all of them ("tags/_index.md": /tags/).
func (im *importer) taxonomyURL(p *page) string {
	parts := strings.Split(path.Dir(p.rel), "/")
	if len(parts) == 2 {
		if slug := content.Slugify(parts[1]); im.tags[slug] {
			return "/tags/" + slug + "/"
		}
	}
	return "/tags/"
}

// tagURL returns the address of the list of a tag that the site path u
// was the list of in the source, written by Hugo's or Jekyll's rules:
// "/tags/passons-le-c.a.p/" is "/tags/passons-le-c-a-p/", and a category
// ("/categories/web/"), a tag here too, is "/tags/web/". A fragment or
// query stays. It returns false when u is no such list, or its tag is
// none of the pages'.
func (im *importer) tagURL(u string) (string, bool) {
	p, rest := addressPath(u)
	parts := strings.Split(strings.Trim(p, "/"), "/")
	if n := len(parts); n == 3 && (parts[2] == "index.html" || parts[2] == "_index.md") {
		parts = parts[:2]
	}
	if len(parts) != 2 || parts[0] != "tags" && parts[0] != "categories" {
		return "", false
	}
	slug := content.Slugify(parts[1])
	if !im.tags[slug] {
		return "", false
	}
	return "/tags/" + slug + "/" + rest, true
}

// movedFile returns the new site path of the file that the old site path
// p ("/en/basics/images/x.png") named: a file of a page bundle under the
// page's old address, now under its new one ("/basics/images/x.png").
func (im *importer) movedFile(p string) (string, bool) {
	for i := len(p) - 1; i > 0; i-- {
		if p[i-1] != '/' {
			continue
		}
		pg := im.bundles[p[:i]]
		if pg == nil {
			continue
		}
		rest := p[i:]
		if _, ok := im.res.Files[path.Join(path.Dir(pg.dest), rest)]; ok {
			return "/" + pg.newURL + rest, true
		}
	}
	return "", false
}

// draftAt returns the draft page whose new site path u ("/posts/x/",
// with or without a #fragment, or without its last slash, "/posts/x",
// as plotline's build finds the page too) names, or nil.
func (im *importer) draftAt(u string) *page {
	p, _ := splitSuffix(u)
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") {
		return nil
	}
	if d := im.drafts[p]; d != nil || strings.HasSuffix(p, "/") {
		return d
	}
	return im.drafts[p+"/"]
}

// articleTags returns the slugs of the tags that the new site's
// articles have (the posts, neither drafts nor dated after the import),
// whose feeds the build writes.
func (im *importer) articleTags() map[string]bool {
	tags := map[string]bool{}
	for _, p := range im.pages {
		if !p.post || p.draft || p.date.After(im.now) {
			continue
		}
		for _, t := range im.tagsOf(p) {
			tags[content.Slugify(t)] = true
		}
	}
	return tags
}

// tagsOf returns the words of p's front matter that become the new
// page's tags (see tagKeys), as the source wrote them; Jekyll splits a
// string of them at its spaces.
func (im *importer) tagsOf(p *page) []string {
	var out []string
	for _, key := range im.tagKeys() {
		out = append(out, p.list(key, im.kind == Jekyll)...)
	}
	return out
}

// termList is the old address of a list of a term, "/categories/r/",
// and the address of plotline's list that takes its place, "/tags/r/".
type termList struct{ old, to string }

// termRedirects writes a redirect at the old address of each of
// termLists to plotline's list, unless a file of the new site is there
// (taken, which gets each written).
func (im *importer) termRedirects(taken map[string]string) {
	var written []termList
	for _, l := range im.conf.termLists {
		file, msg := content.AliasFile(l.old)
		if _, isTaken := taken[file]; isTaken || msg != "" {
			continue
		}
		taken[file] = "a redirect to " + l.to
		im.res.Files["content/"+file] = File{Data: redirectFile(fromFile(file, l.to))}
		written = append(written, l)
	}
	if len(written) == 0 {
		return
	}
	first := written[0]
	if len(written) == 1 {
		im.done(im.conf.termListsAt, "the list Hugo published of categories at %s: a redirect to plotline's list at %s", first.old, first.to)
		return
	}
	im.done(im.conf.termListsAt, "the lists Hugo published of categories, %s and %d %s: each a redirect to plotline's list of the tag, or of the tags (%s leads to %s)", first.old, len(written)-1, plural(len(written)-1, "other", "others"), first.old, first.to)
}

// tagFeed is the address of a source's feed of a tag or a category,
// that tag, and the source file of the feed's template ("" for Hugo's).
type tagFeed struct{ addr, tag, src string }

// onSite reports whether the site path u ("/a/b/", "/a/b.html") is a
// page, an alias or a file of the new site, or a page plotline makes.
func (im *importer) onSite(u string) bool {
	p := strings.Trim(u, "/")
	first, _, _ := strings.Cut(p, "/")
	if p == "" || first == "tags" || p == "feed.xml" || p == "sitemap.xml" || slices.Contains(im.conf.feeds, "/"+p) ||
		slices.ContainsFunc(im.conf.tagFeeds, func(f tagFeed) bool { return f.addr == "/"+p }) {
		return true
	}
	_, file := im.known[p]
	_, dir := im.known[p+"/index.html"]
	return file || dir
}

// visibleNames writes each page whose path holds a character plotline
// build refuses in a name (sitefs.UnseenRune: an invisible one, a byte
// order mark a spreadsheet's cell left at the start of a title the name
// was made of; a control character, such as a line break; a bidi
// control), or whose name starts with a date that is none (datelessPath),
// under the path without it, with a note; its old address keeps it, for
// its redirect.
func (im *importer) visibleNames() {
	taken := map[string]bool{}
	for _, p := range im.pages {
		taken[p.dest] = true
	}
	for _, p := range im.pages {
		if dest, ok := unescapedPath(p.dest); ok && !taken[dest] {
			// A folder named with the % signs would be reached by no
			// link written as the name is: each decodes them.
			taken[dest] = true
			im.done(diag.Pos{Path: p.src, Line: 1, Col: 1}, "the file's name holds percent-escapes, which would be part of the page's address as they are, reached by no link that writes them so: written as %s, with the characters they stand for", strings.TrimPrefix(dest, "content/"))
			p.dest = dest
			p.newURL = newURL(p.dest, p.slug)
		}
		dest, what, ok := visiblePath(p.dest)
		if !ok {
			dest, what, ok = datelessPath(p.dest)
		}
		if !ok || taken[dest] || path.Base(dest) == ".md" {
			continue
		}
		taken[dest] = true
		p.dest = dest
		p.newURL = newURL(p.dest, p.slug)
		im.done(diag.Pos{Path: p.src, Line: 1, Col: 1}, "%s: plotline build refuses such names, so it is written as %s", what, strings.TrimPrefix(dest, "content/"))
	}
}

// unescapedPath returns the slash path p with the percent-escapes of its
// file's name undone ("%cf%80-day.md" is "π-day.md", as a WordPress
// export names a post), and whether it has any that stand for text: a
// name whose escapes make no UTF-8, a slash, a control or a character
// that shows as nothing is left as it is.
func unescapedPath(p string) (string, bool) {
	dir, name := path.Split(p)
	if !strings.Contains(name, "%") {
		return p, false
	}
	plain, err := url.PathUnescape(name)
	if _, _, unseen := sitefs.UnseenRune(plain); err != nil || plain == name || !utf8.ValidString(plain) || strings.ContainsAny(plain, "/\\%") || unseen || strings.ContainsFunc(plain, unicode.IsControl) {
		return p, false
	}
	return dir + plain, true
}

// datelessPath returns the slash path p without the YYYY-MM-DD- its name
// starts with when that is no date ("2021-09-31-recap.md", which Hugo
// published as it is), as a date is left out of a page's address, and
// what it is; ok is false when p's name has no such start.
func datelessPath(p string) (clean, what string, ok bool) {
	dir, name := path.Split(p)
	if _, _, prefixed, err := content.FileDate(name); prefixed && err != nil {
		return dir + name[11:], "the file name starts with " + name[:10] + ", which is no date", true
	}
	return p, "", false
}

// visiblePath returns the slash path p without the characters
// sitefs.UnseenRune finds in it, a white space among them (a line break,
// a tab) written as "-", as a slug writes it, and what the first of them
// is, "the file's name holds U+202E, a bidi control"; ok is false when
// p has none.
func visiblePath(p string) (clean, what string, ok bool) {
	dir, name := path.Split(p)
	r, why, inName := sitefs.UnseenRune(name)
	if !inName {
		if r, why, ok = sitefs.UnseenRune(dir); !ok {
			return p, "", false
		}
	}
	clean = strings.Map(func(r rune) rune {
		switch _, _, unseen := sitefs.UnseenRune(string(r)); {
		case !unseen:
			return r
		case unicode.IsSpace(r):
			return '-'
		}
		return -1
	}, p)
	what = "the file's name holds "
	if !inName {
		what = "the file's folder holds "
	}
	if sitefs.Invisible(r) {
		return clean, what + "an invisible character", true
	}
	why, _, _ = strings.Cut(why, ",")
	return clean, fmt.Sprintf("%sU+%04X, %s", what, r, why), true
}

// uniqueURLs gives each page that would share its plotline URL with an
// earlier one (two posts of one slug in different months, say, which
// the source kept apart by their dates) a slug of its own: its file name
// with the date, and a note.
func (im *importer) uniqueURLs() {
	slices.SortStableFunc(im.pages, func(a, b *page) int { return strings.Compare(a.src, b.src) })
	seen := map[string]*page{}
	for _, p := range im.pages {
		if other, ok := seen[p.newURL]; ok {
			src := cmp.Or(p.rel, p.src)
			name := strings.TrimSuffix(path.Base(src), path.Ext(src))
			if name == "index" {
				name = path.Base(path.Dir(src))
			}
			slug := content.FileSlug(name)
			if p.slug != "" && validSlug(p.slug) && !p.date.IsZero() {
				slug = p.date.Format("2006-01-02-") + p.slug
			}
			if seen[newURL(p.dest, slug)] != nil && !p.date.IsZero() {
				// Of one name too (creed.md and creed/index.md).
				slug = p.date.Format("2006-01-02-") + slug
			}
			for k, base := 2, slug; seen[newURL(p.dest, slug)] != nil; k++ {
				slug = fmt.Sprintf("%s-%d", base, k)
			}
			p.slug = slug
			p.newURL = newURL(p.dest, slug)
			im.done(diag.Pos{Path: p.src, Line: 1, Col: 1}, "its URL /%s would be that of %s too: slug %s", other.newURL, other.src, slug)
		}
		seen[p.newURL] = p
	}
}

// publishedURL returns the address the source was published at: its
// base URL when that is a full address on a host of the web, and "" for
// a site path, or a host on the writer's own machine (localHost), where
// no reader found the site.
func (c *siteConfig) publishedURL() string {
	u := c.baseURL
	if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") || localHost(u) {
		return ""
	}
	return u
}

// localHost reports whether u, a full address, is on the machine that
// opens it: localhost or a name under it, or a loopback or unspecified
// IP address (127.0.0.1, 0.0.0.0, [::1]). A config gives one for
// previews ("hugo server" at http://localhost:1313/), and the workflow
// that publishes the site passes its real address (--baseURL).
func localHost(u string) bool {
	parsed, err := url.Parse(u)
	if err != nil || parsed.Host == "" {
		return false
	}
	host := strings.TrimSuffix(strings.ToLower(parsed.Hostname()), ".")
	if ip, err := netip.ParseAddr(host); err == nil {
		return ip.IsLoopback() || ip.IsUnspecified()
	}
	return host == "localhost" || strings.HasSuffix(host, ".localhost")
}
