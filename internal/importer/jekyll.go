package importer

import (
	"bytes"
	"cmp"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/sitefs"
)

// jekyllSkip are the files of a Jekyll site's root that are the site's
// machinery, not its pages or files.
var jekyllSkip = setOf("Gemfile Gemfile.lock node_modules vendor Rakefile package.json package-lock.json")

// fileDate reads the YYYY-MM-DD- a file name starts with, and returns the
// name without it and without its extension.
func fileDate(name string) (time.Time, string, bool, error) {
	d, rest, prefixed, err := content.FileDate(strings.TrimSuffix(name, path.Ext(name)) + ".md")
	return d, strings.TrimSuffix(rest, ".md"), prefixed, err
}

// jekyllNameDateRE is the date a Jekyll post's file name starts with, as
// Jekyll reads it: its month and day may have one digit
// ("2015-9-19-presenting-polyglot.md").
var jekyllNameDateRE = regexp.MustCompile(`^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})-(.+)$`)

// nameDate is fileDate for the site being imported: on a Jekyll site, a
// month or day of one digit is read too, as Jekyll reads it.
func (im *importer) nameDate(name string) (time.Time, string, bool, error) {
	d, rest, prefixed, err := fileDate(name)
	if prefixed || im.kind != Jekyll {
		return d, rest, prefixed, err
	}
	m := jekyllNameDateRE.FindStringSubmatch(strings.TrimSuffix(name, path.Ext(name)))
	if m == nil {
		return d, rest, prefixed, err
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	t := time.Date(y, time.Month(mo), day, 0, 0, 0, 0, time.UTC)
	if t.Month() != time.Month(mo) || t.Day() != day {
		return time.Time{}, rest, false, nil // 2015-2-30 is no date: no post
	}
	return t, m[4], true, nil
}

func (im *importer) jekyll() error {
	var conf map[string]any
	var confName string
	var err error
	for _, confName = range []string{"_config.yml", "_config.yaml"} {
		if conf, err = im.readConfig(confName, false); err != nil {
			return err
		} else if conf != nil {
			break
		}
	}
	// The config's text, for the places of its entries in notes, read
	// before a source: key makes the site a folder of it.
	confData, _ := readFile(im.src, confName)
	if conf == nil {
		if _, err := fs.Stat(im.src, "_posts"); err != nil {
			return fmt.Errorf("not a Jekyll site: no _config.yml and no _posts folder")
		}
	}
	if dir := lookupString(conf, "source"); dir != "" {
		if err := im.jekyllSource(dir); err != nil {
			return err
		}
	}
	im.conf.vars = conf
	im.conf.parseBlockHTML, _ = lookup(conf, "kramdown.parse_block_html").(bool)
	im.conf.dataDir = cmp.Or(strings.Trim(lookupString(conf, "data_dir"), "/"), "_data")
	im.conf.defaults = frontDefaults(conf)
	im.conf.title = lookupString(conf, "title")
	im.conf.language = languageTag(cmp.Or(lookupString(conf, "lang"), lookupString(conf, "locale")))
	im.conf.description = lookupString(conf, "description")
	if t, ok := htmlAsText(im.conf.description); ok {
		im.done(entryPos(confName, confData, "description", ""), "description: its HTML written as the text it showed, %q, as plotline shows the site's description as text", t)
		im.conf.description = t
	}
	site := strings.TrimSuffix(lookupString(conf, "url"), "/")
	if localHost(site) {
		im.done(entryPos(confName, confData, "url", ""), "url %s is on the writer's own machine, for previews, not where the site is published: read as no url", site)
		if u := im.cname(); u != "" {
			site = u
		}
	} else if site == "" {
		site = im.cname()
	}
	im.conf.baseURL = site + "/" + strings.Trim(lookupString(conf, "baseurl"), "/")
	if data, err := readFile(im.src, "_includes/base_path.html"); err == nil && bytes.Contains(data, []byte("assign relative_root_path = site.baseurl")) {
		im.conf.rootVar = "relative_root_path"
	}
	im.conf.unsafe = true // kramdown publishes raw HTML
	im.conf.permalink = lookupString(conf, "permalink")
	im.conf.emoji = hasPlugin(conf, "jemoji") // GitHub's emoji plugin
	if addr := cleanURL(cmp.Or(lookupString(conf, "feed.path"), "feed.xml")); hasPlugin(conf, "jekyll-feed") && addr != "/feed.xml" {
		// Its feed of the posts, at plotline's feed.xml unless its
		// path says else.
		im.keepFeed(entryPos(confName, confData, "feed", ""), addr, "jekyll-feed's feed of the posts")
	}
	im.conf.exclude = map[string]bool{}
	for _, e := range lookupPaths(conf, "exclude") {
		if strings.ContainsAny(e, `*?[\`) {
			im.conf.excludePattern = append(im.conf.excludePattern, e)
		} else {
			im.conf.exclude[e] = true
		}
	}
	im.conf.include = lookupPaths(conf, "include")
	theme := func(name string) bool {
		return slices.ContainsFunc([]string{"theme", "remote_theme"}, func(key string) bool {
			return strings.Contains(strings.ToLower(lookupString(conf, key)), name)
		})
	}
	im.conf.minimalMistakes, im.conf.chirpy, im.conf.justTheDocs = theme("minimal-mistakes"), theme("chirpy"), theme("just-the-docs")
	im.dollarScript("_includes", "_layouts")
	if emCaptions(im.src) {
		im.conf.imageCaption = "em"
	}
	im.readCollections(conf)
	if cd := im.conf.collectionsDir; cd != "" && !holdsFiles(im.src, cd) {
		// Jekyll reads the posts and collections there only, and
		// found none either.
		im.note(entryPos(confName, confData, "collections_dir", ""), "collections_dir: %s names no folder of the source, where Jekyll reads the posts and collections from: none of its collections is imported (the site may be built from the folder above, with --config naming this one: import that folder, with this config as its _config.yml)", cd)
	}
	im.readCallouts(conf)
	im.readPluginNotes()
	im.conf.polyglot = readPolyglot(conf)
	if pl := im.conf.polyglot; pl != nil {
		for _, l := range pl.refused {
			im.note(entryPos(confName, confData, "languages", l), "jekyll-polyglot: language %q is no language code (letters and digits, in parts joined by hyphens or underscores: \"pt-BR\"), or names a folder plotline keeps for its own pages (tags, theme): not a language; its pages are imported as drafts, and nothing is written under a folder of that name", l)
		}
	}
	err = im.walkFiles(".", func(p string, d fs.DirEntry) bool {
		name := d.Name()
		if content.Hidden(name) || jekyllSkip[name] && !strings.Contains(p, "/") || im.excluded(p) {
			return true
		}
		coll, inColl := im.collectionOf(p)
		if d.IsDir() && inColl && !coll.output {
			im.skipCollection(p, coll)
			return true
		}
		return d.IsDir() && strings.HasPrefix(name, "_") && name != "_posts" && name != "_drafts" && !inColl && !im.included(p)
	}, func(p string, d fs.DirEntry) error {
		name := d.Name()
		if coll, inColl := im.collectionOf(p); inColl {
			return im.collectionFile(p, coll)
		}
		dir := path.Dir(p)
		if dir == "." {
			dir = ""
		}
		// Posts: in _posts or _drafts, at the root or below a folder
		// whose names are categories.
		var cats []string
		kind := ""
		parts := strings.Split(dir, "/")
		skip := 0
		if cd := im.conf.collectionsDir; cd != "" && strings.HasPrefix(dir+"/", cd+"/") {
			skip = len(strings.Split(cd, "/")) // the posts of collections_dir/_posts
		}
		if i := slices.IndexFunc(parts, func(s string) bool { return s == "_posts" || s == "_drafts" }); i >= 0 {
			kind = parts[i]
			if i > skip {
				cats = parts[skip:i]
			}
		}
		if strings.HasPrefix(name, "_") && !im.included(p) {
			return nil
		}
		data, err := readFile(im.src, p)
		if err != nil {
			im.note(diag.Pos{Path: p}, "%s", sitefs.DescribeReadError(err))
			return nil
		}
		fm, _, bodyOff, _, hasFM := splitFrontMatter(data)
		// jekyll-optional-front-matter makes a page of Markdown
		// without front matter, as GitHub Pages does.
		optional := !hasFM && kind == "" && markdownExt(p) && hasPlugin(im.conf.vars, "jekyll-optional-front-matter")
		if kind == "" && !hasFM && !optional {
			im.copyAsIs(p, p)
			return nil
		}
		if im.tooLargePage(p, data) {
			return nil
		}
		if kind != "" && !hasFM && !markdownExt(p) && path.Ext(p) != ".html" {
			// An image beside the posts: no post, whatever its name.
			im.done(diag.Pos{Path: p}, "a file in %s that is no post (no front matter: an image, say): not imported (move it out of %s, into assets/ say, and link it from there)", kind, kind)
			return nil
		}
		if kind == "_posts" && !jekyllNameDateRE.MatchString(name) {
			// Jekyll reads a post's date from its file's name, and
			// publishes no post of a file whose name has none.
			im.done(diag.Pos{Path: p, Line: 1, Col: 1}, "a post whose file name does not start with its date (YYYY-MM-DD-title), which Jekyll does not publish: not imported (rename it, as 2024-01-31-%s, to publish it)", name)
			return nil
		}
		base := strings.TrimSuffix(name, path.Ext(name))
		var pg *page
		if !markdownExt(p) {
			if path.Ext(p) == ".html" && (kind != "" || !(dir == "" && (base == "index" || base == "404"))) {
				// A page or post of HTML with no Liquid in it (as
				// jekyll-import writes a WordPress blog's posts): its
				// layout framed it, and its text is the page's own.
				if hp, ok := im.readPage(p, data); ok && len(bytes.TrimSpace(hp.body)) > 0 && !bytes.Contains(hp.body, []byte("{{")) && !bytes.Contains(hp.body, []byte("{%")) {
					if kind == "" && wholeDocument(hp) {
						// No layout framed it: Jekyll published it as
						// it is, and so does the new site.
						if dest, ok := im.copyFile(p, "content/"+p); ok {
							im.res.Files[dest] = File{Data: hp.body}
							im.done(diag.Pos{Path: p}, "a whole HTML document with front matter but no Liquid, which Jekyll published as it is: copied without its front matter")
						}
						return nil
					}
					pg = hp
					pg.html = true
					im.done(diag.Pos{Path: p, Line: 1, Col: 1}, "a page written in HTML, without Liquid: imported as a page whose text is that HTML, published as it is")
				}
			}
			switch {
			case pg != nil:
			case kind == "" && dir == "" && name == "404.html":
				im.done(diag.Pos{Path: p}, "not imported: plotline writes %s", plotlineWrites[name])
				return nil
			case kind == "" && dir == "" && base == "index":
				im.done(diag.Pos{Path: p}, "the home page is not imported: plotline makes the home page")
				return nil
			case kind == "" && plainAfterFrontMatter(p, data[bodyOff:]) && frontLayout(im.src, decodeFront(fm)) == nil:
				// Jekyll ran it through Liquid, which left it as it is,
				// and published it without its front matter.
				if dest, ok := im.copyFile(p, "content/"+p); ok {
					im.res.Files[dest] = File{Data: data[bodyOff:]}
					im.done(diag.Pos{Path: p}, "a file with front matter but no Liquid, which Jekyll published as its text: copied without its front matter")
				}
				return nil
			case kind == "" && (path.Ext(p) == ".scss" || path.Ext(p) == ".sass"):
				im.done(diag.Pos{Path: p}, "Sass, which Jekyll compiled to CSS: not imported (put the CSS it made, %s, in its place)", strings.TrimSuffix(p, path.Ext(p))+".css")
				return nil
			case kind == "" && im.postsFeed(p, data):
				return nil
			case kind == "":
				im.done(diag.Pos{Path: p}, "a file with front matter that Jekyll runs through Liquid (a template): not imported")
				return nil
			default:
				im.done(diag.Pos{Path: p}, "a post in neither Markdown nor HTML without Liquid: not imported (convert it to Markdown)")
				return nil
			}
		}
		if kind == "" && dir == "" && base == "index" {
			im.done(diag.Pos{Path: p}, "the home page is not imported: plotline makes the home page")
			return nil
		}
		if pg == nil {
			var ok bool
			if pg, ok = im.readPage(p, data); !ok && kind == "" && !optional {
				return nil
			}
			if !ok {
				// Jekyll publishes a post or draft without front
				// matter, as it does one with, and so a page with
				// jekyll-optional-front-matter.
				pg = &page{src: p, source: data, body: data}
			}
		}
		pg.post = kind != ""
		pg.permalink, _ = im.pageDefault(pg, "permalink").(string)
		if kind == "" && jekyllPageURL(pg, p, im.conf.permalink) == "/404.html" {
			// The page for a missing address, in Markdown or kept in
			// _pages (permalink: /404.html), as a 404.html is.
			im.done(diag.Pos{Path: p}, "not imported: plotline writes %s", plotlineWrites["404.html"])
			return nil
		}
		if layout := pg.str("layout"); kind == "" && len(bytes.TrimSpace(pg.body)) == 0 && themeLists[strings.ToLower(layout)] == "" &&
			liquidForRE.Match(jekyllLayout(im.src, layout)) {
			// A tag's page and the like: the layout made all of it, a
			// list of its own with a loop ({% for post in site.tags[page.tag] %}).
			im.done(diag.Pos{Path: p, Line: 1, Col: 1}, "no text of its own: its layout %s made the page, a list, as a template does: not imported", layout)
			return nil
		}
		if kind == "" {
			pg.dest = "content/" + strings.TrimSuffix(im.pagePath(p), path.Ext(p)) + ".md"
			im.fillIn(pg)
			pg.oldURL = jekyllPageURL(pg, p, im.conf.permalink)
		} else {
			_, rest, _ := strings.Cut(p, kind+"/")
			pg.draft = pg.draft || kind == "_drafts"
			// Posts of the root's _posts go to content/posts; those of
			// en/news/_posts to content/en/news, so that two folders'
			// posts of one name (one post in two languages) stay apart.
			folder := "content/posts"
			if len(cats) > 0 {
				folder = path.Join(append([]string{"content"}, cats...)...)
			}
			file := strings.TrimSuffix(path.Base(rest), path.Ext(rest))
			title := file // the name without its date, for :title
			if d, name, ok, _ := im.nameDate(path.Base(rest)); ok {
				// A date of one-digit month or day is written in full
				// ("2015-09-19-…"), which plotline reads as the date.
				file, title = d.Format("2006-01-02-")+name, name
			}
			pg.dest = path.Join(folder, path.Dir(rest), file+".md")
			im.fillIn(pg)
			pg.cats = slices.Concat(cats, pg.list("categories", true), pg.list("category", false))
			pg.oldURL = jekyllPostURL(pg, title, im.conf.permalink)
		}
		im.redirectOf(pg)
		pg.newURL = newURL(pg.dest, pg.slug)
		im.pages = append(im.pages, pg)
		return nil
	})
	if err != nil {
		return err
	}
	im.polyglotPages(confName)
	return nil
}

// wholeDocument reports whether the Jekyll page p, written in HTML, is a
// document of its own that no layout framed: its layout is null or
// none, or its text starts with a doctype or <html>.
func wholeDocument(p *page) bool {
	if n := p.get("layout"); n != nil && n.Kind == yaml.ScalarNode && (n.ShortTag() == "!!null" || strings.EqualFold(strings.TrimSpace(n.Value), "none") || strings.TrimSpace(n.Value) == "") {
		return true
	}
	start := bytes.ToLower(bytes.TrimSpace(p.body))
	return bytes.HasPrefix(start, []byte("<!doctype")) || bytes.HasPrefix(start, []byte("<html"))
}

// plainAfterFrontMatter reports whether the file p, whose text after its
// front matter is body, is one that Jekyll published as that text: no
// Liquid in it, and of a kind Jekyll converts to no other (Sass and
// CoffeeScript it does).
func plainAfterFrontMatter(p string, body []byte) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".scss", ".sass", ".coffee", ".html", ".htm":
		return false
	}
	return !bytes.Contains(body, []byte("{{")) && !bytes.Contains(body, []byte("{%"))
}

// liquidForRE finds a Liquid for loop's start tag.
var liquidForRE = regexp.MustCompile(`\{%-?\s*for\s`)

// jekyllLayout returns the text of the Jekyll layout name in _layouts/,
// the first of its .html, .md and .markdown files, or else of a file of
// another ending (a feed's feed.xml), and nil when there is none (or name
// is a path, which no layout's is).
func jekyllLayout(src fs.FS, name string) []byte {
	if name == "" || strings.ContainsAny(name, "/\\") {
		return nil
	}
	for _, ext := range []string{".html", ".md", ".markdown"} {
		if data, err := readFile(src, "_layouts/"+name+ext); err == nil {
			return data
		}
	}
	entries, _ := fs.ReadDir(src, "_layouts")
	for _, e := range entries {
		if n := e.Name(); !e.IsDir() && strings.TrimSuffix(n, path.Ext(n)) == name {
			if data, err := readFile(src, "_layouts/"+n); err == nil {
				return data
			}
		}
	}
	return nil
}

// decodeFront decodes a file's front matter fm; one that does not
// decode is empty.
func decodeFront(fm []byte) map[string]any {
	var front map[string]any
	_ = yaml.Unmarshal(fm, &front)
	return front
}

// frontLayout returns the text of the layout that the front matter of a
// file, front, names, which Jekyll renders the file's text into; nil when
// it names none, none or null, or one the site lacks.
func frontLayout(src fs.FS, front map[string]any) []byte {
	name, _ := front["layout"].(string)
	if strings.EqualFold(strings.TrimSpace(name), "none") {
		return nil
	}
	return jekyllLayout(src, strings.TrimSpace(name))
}

// jekyllSource makes dir, the folder that _config.yml's source: names,
// the one the site is read from, as Jekyll reads it: its pages, posts,
// includes and collections, with exclude: and collections_dir: under
// it. The config stays the one beside it.
func (im *importer) jekyllSource(dir string) error {
	clean := path.Clean(strings.TrimSuffix(strings.TrimPrefix(dir, "./"), "/"))
	if clean == "." {
		return nil
	}
	if !fs.ValidPath(clean) {
		return fmt.Errorf("_config.yml: source: %s is not a folder of the site", dir)
	}
	if info, err := fs.Stat(im.src, clean); err != nil || !info.IsDir() {
		return fmt.Errorf("_config.yml: source: %s is not a folder", dir)
	}
	sub, err := fs.Sub(im.src, clean)
	if err != nil {
		return err
	}
	im.src, im.srcDir = sub, clean
	return nil
}

// registerTagRE finds the name a Jekyll plugin registers a Liquid tag
// by: Liquid::Template.register_tag('notice', …).
var registerTagRE = regexp.MustCompile(`register_tag\(\s*['"]([\w-]+)['"]`)

// pluginClassRE finds the classes of the element a plugin's tag renders,
// "<div class=\"notice #{@type}\">" in Ruby.
var pluginClassRE = regexp.MustCompile(`<(?:div|aside|section)\b[^>]*\bclass=\\?"([^"\\]*)`)

// readPluginNotes reads the site's own plugins for block tags that show
// their inside in an element of a note's class (a Liquid::Block whose
// render writes <div class="notice …">): liquidNotes.
func (im *importer) readPluginNotes() {
	entries, _ := fs.ReadDir(im.src, "_plugins")
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".rb" {
			continue
		}
		data, err := readFile(im.src, "_plugins/"+e.Name())
		if err != nil || !bytes.Contains(data, []byte("Liquid::Block")) {
			continue
		}
		names := registerTagRE.FindAllSubmatch(data, -1)
		classes := pluginClassRE.FindSubmatch(data)
		if len(names) != 1 || classes == nil {
			continue // a file of several tags: which renders what is unclear
		}
		if kind := classesAlert(strings.Fields(string(classes[1]))); kind != "" {
			put(&im.conf.liquidNotes, string(names[0][1]), kind)
		}
	}
}

// readCallouts reads the callouts of a Just the Docs config, classes of
// block quotes each shown with its title ("callouts: {warning: {title:
// Warning}}"): one named or titled as a note is the alert nearest it
// (information is a NOTE).
func (im *importer) readCallouts(conf map[string]any) {
	cs, _ := lookup(conf, "callouts").(map[string]any)
	for name, v := range cs {
		title, _ := lookup(map[string]any{"c": v}, "c.title").(string)
		if kind := cmp.Or(classAlert(title), classAlert(name)); kind != "" {
			put(&im.conf.callouts, name, kind)
		}
	}
}

// feedExts are the endings of the feeds plotline keeps at their address
// (see site's feedCopyExts): those under which servers send a feed.
var feedExts = []string{".xml", ".rss", ".atom"}

// postsFeed reports whether p, a template of a Jekyll site whose text is
// data, is a feed of the site's posts: RSS or Atom that lists
// site.posts. Its address keeps its readers, as one of the config's
// feed_aliases, with a note; plotline's own feed.xml needs none.
func (im *importer) postsFeed(p string, data []byte) bool {
	if !slices.Contains(feedExts, path.Ext(p)) {
		return false
	}
	fm, _, bodyOff, _, _ := splitFrontMatter(data)
	front := decodeFront(fm) // one that does not decode has no permalink
	// A feed's text may be its layout's (feeds/r.xml of layout: feed and
	// category: r).
	body := slices.Concat(data[bodyOff:], frontLayout(im.src, front))
	if !bytes.Contains(body, []byte("site.posts")) || !bytes.Contains(body, []byte("<feed")) && !bytes.Contains(body, []byte("<rss")) {
		return false
	}
	permalink, _ := front["permalink"].(string)
	addr := cleanURL(cmp.Or(permalink, p))
	if feedFilterRE.Match(body) {
		// R-bloggers' feed of the posts tagged rstats: a copy of every
		// article there would send the others to its readers. plotline
		// writes each tag's feed beside its list.
		if tag := feedTag(body, front); tag != "" && addr != "/feed.xml" {
			// Told once the posts are read (see config): whether any
			// has the tag.
			im.conf.tagFeeds = append(im.conf.tagFeeds, tagFeed{addr: addr, tag: tag, src: p})
			return true
		}
		im.done(diag.Pos{Path: p}, "a feed of some of the posts, those of a tag or a category, that Jekyll made from this template: not imported, and not kept at %s; plotline writes each tag's feed at tags/NAME/feed.xml, beside its list, where its readers may subscribe", addr)
		return true
	}
	im.keepFeed(diag.Pos{Path: p}, addr, "a feed of the posts that Jekyll made from this template, not imported")
	return true
}

// feedTag returns the tag or category that a feed's template, body,
// picks its posts of: the one it names ({% if post.tags contains
// "rstats" %}), or the one of its front matter, front, that it reads
// (page.category); "" when it is neither.
func feedTag(body []byte, front map[string]any) string {
	if m := feedTagRE.FindSubmatch(body); m != nil {
		return string(m[1]) + string(m[2])
	}
	for _, key := range []string{"category", "tag"} {
		if v, ok := front[key].(string); ok && bytes.Contains(body, []byte("page."+key)) {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// feedTagRE finds the tag or category a feed's template names in the
// condition that picks its posts, in the first or the second group.
var feedTagRE = regexp.MustCompile(`post\.(?:tags|categories|category)\s+contains\s+(?:"([^"]+)"|'([^']+)')`)

// feedFilterRE matches what picks some of the posts in a feed's
// template: a condition on their tags or categories, a where filter,
// a tag's or a category's posts; not a list of each post's tags.
var feedFilterRE = regexp.MustCompile(`\{%-?\s*(?:if|elsif|unless)\b[^%]*\bpost\.(?:tags|categories|category)\b|\|\s*where(?:_exp)?\b|\bsite\.(?:tags|categories)\s*[.\[]`)

// keepFeed keeps the address addr of the source's feed of its posts, of
// which what is said at pos: plotline's own feed.xml is there, or, at
// another address, one of the config's feed_aliases writes it there.
func (im *importer) keepFeed(pos diag.Pos, addr, what string) {
	if addr == "/feed.xml" {
		im.done(pos, "%s: plotline writes its Atom feed of the newest articles at the same address, feed.xml, for the readers subscribed to it", what)
		return
	}
	if slices.Contains(im.conf.feeds, addr) || len(im.conf.feeds) == content.MaxFeedAliases {
		return
	}
	im.conf.feeds = append(im.conf.feeds, addr)
	im.done(pos, "%s: plotline writes its Atom feed of the newest articles at feed.xml, and at %s too (feed_aliases in plotline.yaml), for the readers subscribed there", what, addr)
}

// hasPlugin reports whether the Jekyll config conf names the plugin
// name in its plugins or, as older sites do, its gems.
func hasPlugin(conf map[string]any, name string) bool {
	return slices.ContainsFunc([]string{"plugins", "gems"}, func(key string) bool {
		list, _ := lookup(conf, key).([]any)
		return slices.Contains(list, any(name))
	})
}

// lookupPaths returns the texts of the list at key in the config conf,
// each without slashes at its ends; an empty one, which names no path,
// is left out.
func lookupPaths(conf map[string]any, key string) []string {
	var out []string
	for _, s := range listOf[string](lookup(conf, key)) {
		if s = strings.Trim(s, "/"); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// excluded reports whether the config's exclude list names p or a folder
// it is in. A path without a wildcard is looked up with each of its
// folders in a set: a list of 20,000 entries checked against each of
// 5,000 posts took 21 s.
func (im *importer) excluded(p string) bool {
	for q := p; q != "."; q = path.Dir(q) {
		if im.conf.exclude[q] {
			return true
		}
	}
	for _, e := range im.conf.excludePattern {
		if ok, _ := path.Match(e, p); ok || strings.HasPrefix(p, e+"/") {
			return true
		}
		if ok, _ := path.Match(e, path.Base(p)); ok && !strings.Contains(e, "/") && strings.ContainsAny(e, "*?[") {
			return true
		}
	}
	return false
}

// included reports whether Jekyll reads p, a path of the source, though
// its name starts with an underscore: include: names it or a folder it is
// in, by its path or its name.
func (im *importer) included(p string) bool {
	return slices.ContainsFunc(im.conf.include, func(e string) bool {
		byPath, _ := path.Match(e, p)
		byName, _ := path.Match(e, path.Base(p))
		return byPath || byName || strings.HasPrefix(p, e+"/")
	})
}

// pagePath is where the new site keeps the Jekyll page p: a page of a
// folder of the root that include: names and whose name starts with an
// underscore (_pages/about.md), which holds pages but is no part of their
// addresses, at the root (about.md), unless the root has a page of that
// name, when it stays in its folder without the underscore
// (pages/about.md). Any other page stays where it is.
func (im *importer) pagePath(p string) string {
	top, rest, ok := strings.Cut(p, "/")
	if !ok || !strings.HasPrefix(top, "_") || !im.included(top) {
		return p
	}
	noExt := strings.TrimSuffix(rest, path.Ext(rest))
	for _, ext := range []string{".md", ".markdown", ".html"} {
		if _, err := fs.Stat(im.src, noExt+ext); err == nil {
			return strings.TrimPrefix(top, "_") + "/" + rest
		}
	}
	return rest
}

// collection is one of a Jekyll site's collections (collections: in
// _config.yml).
type collection struct {
	name      string // "docs"
	dir       string // its folder, "_docs" or "my_collections/_docs"
	output    bool   // Jekyll writes a page of each document
	permalink string // its pattern, "/:collection/:path/"
}

// readCollections reads the collections of a Jekyll config: a mapping of
// names to their settings, or a list of names (which have no output).
func (im *importer) readCollections(conf map[string]any) {
	im.conf.collectionsDir = strings.Trim(lookupString(conf, "collections_dir"), "/")
	im.conf.collections = map[string]collection{}
	add := func(name string, settings map[string]any) {
		if name == "posts" || name == "" {
			// Posts are read as posts; a permalink of theirs set here is
			// the site's permalink for them.
			if pl, _ := settings["permalink"].(string); pl != "" {
				im.conf.permalink = pl
			}
			return
		}
		c := collection{name: name, dir: path.Join(im.conf.collectionsDir, "_"+name)}
		c.output, _ = settings["output"].(bool)
		pl, _ := settings["permalink"].(string)
		c.permalink = jekyllStyle(pl)
		if c.permalink == "" {
			// Jekyll's default: /:collection/:path, ended as the site's
			// permalink style ends its URLs.
			c.permalink = "/:collection/:path:output_ext"
			if strings.HasSuffix(jekyllStyle(im.conf.permalink), "/") {
				c.permalink = "/:collection/:path/"
			}
		}
		im.conf.collections[c.dir] = c
	}
	switch cs := lookup(conf, "collections").(type) {
	case map[string]any:
		for name, v := range cs {
			settings, _ := v.(map[string]any)
			add(name, settings)
		}
	case []any:
		for _, name := range listOf[string](cs) {
			add(name, nil)
		}
	}
}

// collectionOf returns the collection whose folder p is or is in.
func (im *importer) collectionOf(p string) (collection, bool) {
	for dir, c := range im.conf.collections {
		if p == dir || strings.HasPrefix(p, dir+"/") {
			return c, true
		}
	}
	return collection{}, false
}

// skipCollection notes that the collection c, whose folder is p, is not
// imported: Jekyll wrote no page of it (its documents are data for the
// site's templates).
func (im *importer) skipCollection(p string, c collection) {
	n := 0
	_ = fs.WalkDir(im.src, p, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			n++
		}
		return nil
	})
	im.note(diag.Pos{Path: p}, "collection %s (%s/, %d %s) has no output: Jekyll published no page of it, only its templates read it: not imported", c.name, p, n, plural(n, "file", "files"))
}

// collectionFile imports the file p of the collection c: a Markdown
// document as a page under content/NAME/ at the URL its permalink gave
// it, which becomes an alias; any other file as it is, at the address
// Jekyll copied it to.
func (im *importer) collectionFile(p string, c collection) error {
	rel := strings.TrimPrefix(p, c.dir+"/")
	if strings.HasPrefix(path.Base(rel), "_") {
		return nil
	}
	data, err := readFile(im.src, p)
	if err != nil {
		im.note(diag.Pos{Path: p}, "%s", sitefs.DescribeReadError(err))
		return nil
	}
	_, _, _, _, hasFM := splitFrontMatter(data)
	if !hasFM || !markdownExt(p) {
		switch {
		case hasFM:
			im.done(diag.Pos{Path: p}, "a file with front matter that Jekyll runs through Liquid (a template): not imported")
		default:
			im.copyAsIs(p, c.name+"/"+rel) // a translation's README.md, say
		}
		return nil
	}
	if im.tooLargePage(p, data) {
		return nil // as a post or a page of that size
	}
	pg, ok := im.readPage(p, data)
	if !ok {
		return nil
	}
	noExt := strings.TrimSuffix(rel, path.Ext(rel))
	pg.dest = "content/" + c.name + "/" + noExt + ".md"
	undated := path.Base(noExt)
	if d, name, ok, _ := im.nameDate(path.Base(rel)); ok {
		// Jekyll dates a document by its name as it dates a post, a
		// month or day of one digit too: written in full, as a post's;
		// its :title is the rest of the name, as a post's.
		pg.dest = path.Join(path.Dir(pg.dest), d.Format("2006-01-02-")+name+".md")
		undated = name
	}
	im.fillIn(pg)
	pg.permalink, _ = im.pageDefault(pg, "permalink").(string)
	pg.oldURL = jekyllDocURL(pg, c, noExt, undated)
	im.redirectOf(pg)
	pg.newURL = newURL(pg.dest, pg.slug)
	im.pages = append(im.pages, pg)
	return nil
}

// copyAsIs copies the file p of the source, which Jekyll copies as it
// is (it has no front matter), to dest under content/; Markdown, which
// plotline would read as a page, as a .txt file, with a note.
func (im *importer) copyAsIs(p, dest string) {
	if markdownExt(p) {
		dest = strings.TrimSuffix(dest, path.Ext(dest)) + ".txt"
		im.done(diag.Pos{Path: p}, "Markdown without front matter, which Jekyll copies as it is: copied as %s", dest)
	}
	im.copyFile(p, "content/"+dest)
}

// frontDefault is one of the front matter defaults of a Jekyll config:
// values for the pages under path (from the source's root, "" for all)
// of a type ("pages", "posts", a collection's name, "" for any).
type frontDefault struct {
	path, typ string
	values    map[string]any
}

// frontDefaults reads the defaults: of a Jekyll config.
func frontDefaults(conf map[string]any) []frontDefault {
	var out []frontDefault
	for _, m := range listOf[map[string]any](lookup(conf, "defaults")) {
		values, _ := m["values"].(map[string]any)
		if values == nil {
			continue
		}
		scope, _ := m["scope"].(map[string]any)
		p, _ := scope["path"].(string)
		t, _ := scope["type"].(string)
		out = append(out, frontDefault{path: strings.Trim(p, "/"), typ: t, values: values})
	}
	return out
}

// pageDefault returns the value the Jekyll config's defaults give the
// key of the page p, as Jekyll picks it: of the defaults whose scope
// holds p, the one with the longest path, then one with a type, then
// the last; nil when none gives one.
func (im *importer) pageDefault(p *page, key string) any {
	typ := "pages"
	if c, ok := im.collectionOf(p.src); ok {
		typ = c.name
	} else if p.post {
		typ = "posts"
	}
	var v any
	best := -1
	for _, d := range im.conf.defaults {
		if d.path != "" && p.src != d.path && !strings.HasPrefix(p.src, d.path+"/") {
			continue
		}
		if d.typ != "" && d.typ != typ {
			continue
		}
		val, ok := d.values[key]
		if !ok {
			continue
		}
		score := 2 * len(d.path)
		if d.typ != "" {
			score++
		}
		if score >= best {
			v, best = val, score
		}
	}
	return v
}

// cname returns the address of the site that its CNAME file names, as
// GitHub Pages publishes it there and gives Jekyll's site.url from it
// ("https://opensource.guide"), with a note; "" when there is none or
// the file holds no domain name.
func (im *importer) cname() string {
	data, err := readFile(im.src, "CNAME")
	if err != nil {
		return ""
	}
	host := strings.ToLower(strings.TrimSpace(string(data)))
	if host == "" || strings.ContainsAny(host, " \t\r\n/:?#@") || !strings.Contains(host, ".") {
		return ""
	}
	u := "https://" + host
	im.done(diag.Pos{Path: "CNAME"}, "the site's address is %s, the domain its CNAME names, as GitHub Pages published it (_config.yml gives no url of its own)", u)
	return u
}

// imgEmRE finds a style rule for the emphasis right after an image.
var imgEmRE = regexp.MustCompile(`img\s*\+\s*em\s*[{,]`)

// emCaptions reports whether the site's own style sheets (in _sass/,
// css/ or assets/) style the emphasis right after an image, "img + em {
// display: block }", so that "![](x.jpg)" over "*Album cover*" showed a
// caption under the image.
func emCaptions(src fs.FS) bool {
	for _, data := range filesIn(src, []string{"_sass", "css", "assets"}, func(d fs.DirEntry) bool {
		ext := path.Ext(d.Name())
		return d.Type().IsRegular() && (ext == ".scss" || ext == ".sass" || ext == ".css")
	}) {
		if imgEmRE.Match(data) {
			return true
		}
	}
	return false
}
