package importer

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"maps"
	"math"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/template/parse"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/gobwas/glob"
	"github.com/gohugoio/hugo-goldmark-extensions/passthrough"
	"go.yaml.in/yaml/v3"

	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/sitefs"
	"github.com/plotline/plotline/internal/yamlpos"
)

// hugoConfigs are the config files Hugo reads, in its order.
var hugoConfigs = []string{
	"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json",
	"config.toml", "config.yaml", "config.yml", "config.json",
	"config/_default/hugo.toml", "config/_default/hugo.yaml", "config/_default/hugo.yml",
	"config/_default/config.toml", "config/_default/config.yaml", "config/_default/config.yml",
}

// readConfig decodes the config file name of the source into a map,
// its keys in lower case when lower is set, as Hugo reads them (Jekyll
// reads them as written: a collection myDocs is the folder _myDocs); nil
// when there is no such file. A file there that cannot be read (a link out of the source,
// a named pipe) is an error: the site would be imported without its
// config.
func (im *importer) readConfig(name string, lower bool) (map[string]any, error) {
	data, err := readFile(im.src, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %s", name, sitefs.DescribeReadError(err))
	}
	var m map[string]any
	switch path.Ext(name) {
	case ".toml":
		if line := yamlpos.TOMLTooDeep(data, yamlpos.MaxTOMLDepth); line > 0 {
			return nil, fmt.Errorf("%s:%d:1: nested more than %d levels deep", name, line, yamlpos.MaxTOMLDepth)
		}
		_, err = toml.Decode(string(data), &m)
	case ".json":
		err = json.Unmarshal(data, &m)
	default:
		var doc yaml.Node
		if err = yaml.Unmarshal(data, &doc); err == nil {
			im.lastKeys(name, &doc)
			var x any
			var ok bool
			if x, err = yamlpos.Decode(&doc); err == nil {
				if m, ok = x.(map[string]any); !ok {
					err = doc.Decode(&m) // not a mapping: yaml.v3's words
				}
			}
		}
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if lower {
		return lowerKeys(m), nil
	}
	if m == nil {
		m = map[string]any{} // an empty file: the config of a site all the same
	}
	return m, nil
}

// lastKeys keeps, of a key that a mapping in n gives twice, the last
// value, as Ruby's YAML reader gives Jekyll (the YAML reader here would
// refuse the whole file, and the import with it), and notes each value
// left out.
func (im *importer) lastKeys(name string, n *yaml.Node) {
	if n.Kind == yaml.MappingNode {
		last := map[string]*yaml.Node{}
		for k := range yamlpos.Pairs(n) {
			last[k.Value] = k
		}
		var kept []*yaml.Node
		for k, v := range yamlpos.Pairs(n) {
			if l := last[k.Value]; l != k && k.Value != "<<" {
				im.done(diag.Pos{Path: name, Line: k.Line, Col: k.Column}, "key %q is given again at line %d: the last value is read%s, and this one left out", k.Value, l.Line, map[bool]string{true: ", as Jekyll's YAML reader reads it"}[im.kind == Jekyll])
				continue
			}
			kept = append(kept, k, v)
		}
		n.Content = kept
	}
	for _, c := range n.Content {
		im.lastKeys(name, c)
	}
}

// lowerKeys returns m with every key of every mapping in lower case.
func lowerKeys(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		if sub, ok := v.(map[string]any); ok {
			v = lowerKeys(sub)
		}
		out[strings.ToLower(k)] = v
	}
	return out
}

// lookup returns the value at the dotted key of m.
func lookup(m map[string]any, key string) any {
	var v any = m
	for k := range strings.SplitSeq(key, ".") {
		mm, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = mm[k]
	}
	return v
}

func lookupString(m map[string]any, key string) string {
	s, _ := lookup(m, key).(string)
	return s
}

// listOf returns the items of type T of v, a decoded list: v itself when
// it is a []T (TOML's list of tables), or else those of a []any.
func listOf[T any](v any) []T {
	if l, ok := v.([]T); ok {
		return l
	}
	l, _ := v.([]any)
	var out []T
	for _, x := range l {
		if t, ok := x.(T); ok {
			out = append(out, t)
		}
	}
	return out
}

// hugoContentDir returns the folder Hugo reads the pages of the site's
// default language from, or "" for content/: the mount whose target is
// content ([[module.mounts]] source = "content/en"; of the default
// language when several are), the language's contentDir ([languages.en]
// contentDir = "content/en"), or the site's.
func hugoContentDir(conf map[string]any) string {
	mounts := contentMounts(conf)
	if k := mainMount(mounts, strings.ToLower(cmp.Or(lookupString(conf, "defaultcontentlanguage"), "en"))); k >= 0 {
		return mounts[k].source
	}
	lang := strings.ToLower(lookupString(conf, "defaultcontentlanguage"))
	if langs, ok := lookup(conf, "languages").(map[string]any); ok {
		if lang == "" && len(langs) == 1 {
			for l := range langs {
				lang = l
			}
		}
		lang = cmp.Or(lang, "en") // Hugo's default
		if d := lookupString(langs, lang+".contentdir"); d != "" {
			return d
		}
	}
	return lookupString(conf, "contentdir")
}

// contentMount is a module mount of the site's files into content/.
type contentMount struct {
	source string      // "content/fr", "docs"
	target string      // its folder under content/: "" for content/ itself, "docs"
	langs  []string    // its languages (lang, or sites.matrix.languages), if it names any
	files  *fileFilter // its files: filter, nil for all
}

// fileFilter is a module mount's files: list, the globs of the files of
// its source it mounts ("**.md"), and of those it leaves out ("! _*"),
// each matched as Hugo matches it, with the glob library Hugo uses:
// against the path from the source, with a leading "/", in lower case,
// "*" within a folder's name and "**" across folders.
type fileFilter struct {
	include, exclude []*glob.Pattern
	// prefixes are the folders each included glob starts with, up to its
	// first wildcard ("/docs/" of "docs/**.md"): the folders above them
	// and under them are walked into.
	prefixes []string
}

// newFileFilter reads the globs of a mount's files: key, nil when there
// are none. A glob that does not compile matches nothing, as Hugo,
// which refuses it, mounts nothing by it.
func newFileFilter(globs []string) *fileFilter {
	if len(globs) == 0 {
		return nil
	}
	f := &fileFilter{}
	for _, g := range globs {
		g, exclude := strings.CutPrefix(g, "! ")
		g = "/" + strings.TrimPrefix(strings.ToLower(strings.TrimSpace(g)), "/")
		compiled, err := glob.Compile(g, '/')
		if err != nil {
			continue
		}
		if exclude {
			f.exclude = append(f.exclude, compiled)
			continue
		}
		f.include = append(f.include, compiled)
		prefix := g
		if k := strings.IndexAny(g, "*?[{"); k >= 0 {
			prefix = g[:k]
		}
		f.prefixes = append(f.prefixes, prefix[:strings.LastIndexByte(prefix, '/')+1])
	}
	return f
}

// match reports whether the mount holds the file, or walks into the
// folder, rel ("/docs/v1", "/_index.md"), as Hugo's filter tells: no
// glob left out matches it, and an included one does, or none is given.
func (f *fileFilter) match(rel string, isDir bool) bool {
	if f == nil {
		return true
	}
	rel = strings.ToLower(rel)
	if slices.ContainsFunc(f.exclude, func(g *glob.Pattern) bool { return g.Match(rel) }) {
		return false
	}
	if len(f.include) == 0 || slices.ContainsFunc(f.include, func(g *glob.Pattern) bool { return g.Match(rel) }) {
		return true
	}
	return isDir && slices.ContainsFunc(f.prefixes, func(p string) bool {
		return strings.HasPrefix(rel+"/", p) || strings.HasPrefix(p, rel+"/")
	})
}

// contentMounts returns the mounts of the Hugo config conf whose target
// is content/ or a folder of it, in their order.
func contentMounts(conf map[string]any) []contentMount {
	var mounts []contentMount
	for _, m := range listOf[map[string]any](lookup(conf, "module.mounts")) {
		t, _ := m["target"].(string)
		src, _ := m["source"].(string)
		t = path.Clean(t)
		under, ok := strings.CutPrefix(t, "content/")
		if t == "content" {
			under, ok = "", true
		}
		if !ok || src == "" {
			continue
		}
		files, _ := m["files"].(string)
		globs := listOf[string](m["files"])
		if files != "" {
			globs = []string{files}
		}
		cm := contentMount{source: src, target: under, files: newFileFilter(globs)}
		if l, _ := m["lang"].(string); l != "" {
			cm.langs = []string{strings.ToLower(l)}
		}
		for _, l := range listOf[string](lookup(m, "sites.matrix.languages")) {
			cm.langs = append(cm.langs, strings.ToLower(l))
		}
		mounts = append(mounts, cm)
	}
	return mounts
}

// mainMount returns the index in mounts of the one that holds the pages
// of the default language def: the first whose target is content/ and
// that names no language or def among its languages, else the first
// whose target is content/; -1 when none is.
func mainMount(mounts []contentMount, def string) int {
	if k := slices.IndexFunc(mounts, func(m contentMount) bool {
		return m.target == "" && (len(m.langs) == 0 || slices.Contains(m.langs, def))
	}); k >= 0 {
		return k
	}
	return slices.IndexFunc(mounts, func(m contentMount) bool { return m.target == "" })
}

// hugoConfig reads the config of a Hugo site as Hugo merges it: the
// first config file of the site's folder, then every file of
// config/_default, whose name is the key it sets (params.toml is
// [params], hugo.toml and config.toml the whole), each filling in what
// is not set yet. A language's file is that language's config, as Hugo
// reads it: languages.fr.toml is [languages.fr], params.fr.toml and
// menus.fr.toml its params and menus. The files of config/production,
// read the same way, are set over all that: hugo builds a site in its
// production environment.
func (im *importer) hugoConfig() (map[string]any, error) {
	var conf map[string]any
	for _, name := range hugoConfigs {
		if strings.HasPrefix(name, "config/") {
			break
		}
		c, err := im.readConfig(name, true)
		if err != nil {
			return nil, err
		}
		if c != nil {
			conf = c
			break
		}
	}
	def, err := im.hugoConfigDir("config/_default")
	if err != nil {
		return nil, err
	}
	if def != nil {
		conf = fillConfig(conf, def)
	}
	prod, err := im.hugoConfigDir("config/production")
	if err != nil {
		return nil, err
	}
	if prod != nil {
		conf = fillConfig(prod, conf)
	}
	if conf != nil {
		im.themeMarkup(conf)
	}
	return conf, nil
}

// themeMarkup merges into conf the markup config of each theme or
// module it names whose folder the source holds (themes/NAME, the
// first named first), as Hugo merges it: by the _merge of the site's
// markup, or else of the theme's, "shallow" adding the theme's keys the
// site's markup lacks (goldmark, highlight), "deep" the settings of
// those keys too, the site's own winning; none by default. The themes
// and modules whose folders the source lacks, or holds empty, are
// noted: when their markup would have been merged, that what they set
// (raw HTML, the delimiters of mathematics) is not known, and otherwise
// that their shortcodes are not read. Hugo Blox's and
// Wowchemy's modules are known (see hugo), and left out of the note.
func (im *importer) themeMarkup(conf map[string]any) {
	var missing, absent, unvendored []string
	for _, t := range hugoThemes(conf) {
		if t == "" {
			continue
		}
		dir := "themes/" + t
		if strings.Contains(t, "/") && !holdsFiles(im.src, dir) {
			dir = "_vendor/" + t // a module, which hugo mod vendor copied
		}
		merge := strings.ToLower(lookupString(conf, "markup._merge"))
		if !holdsFiles(im.src, dir) {
			// No such folder, or an empty one (a git submodule not
			// checked out).
			lt := strings.ToLower(t)
			known := strings.Contains(lt, "hugoblox/") || strings.Contains(lt, "wowchemy/")
			switch {
			case (merge == "shallow" || merge == "deep") && !known:
				missing = append(missing, t)
			case known || slices.ContainsFunc(strings.Split(lt, "/"), func(part string) bool {
				return slices.Contains([]string{"docsy", "hextra", "blowfish", "congo"}, strings.TrimPrefix(part, "@"))
			}):
				// A theme whose shortcodes the import knows, of that
				// name or in a folder of it ("docsy/theme", npm's "@docsy/theme").
			case strings.Contains(t, "/"):
				unvendored = append(unvendored, t)
			default:
				absent = append(absent, t)
			}
			continue
		}
		theme := im.themeConfig(dir)
		tm, _ := theme["markup"].(map[string]any)
		if tm == nil {
			continue
		}
		merge = strings.ToLower(cmp.Or(merge, lookupString(theme, "markup._merge")))
		if merge != "shallow" && merge != "deep" {
			continue
		}
		sm, _ := conf["markup"].(map[string]any)
		if sm == nil {
			sm = map[string]any{}
			conf["markup"] = sm
		}
		for k, v := range tm {
			if _, ok := sm[k]; k != "_merge" && (!ok || merge == "deep") {
				fillConfig(sm, map[string]any{k: v})
			}
		}
	}
	if len(missing) > 0 {
		im.done(diag.Pos{Path: cmp.Or(configName(im.src), "config")}, "the markup config is merged with that of %s, whose folders the source lacks (themes/%s): it is not read, so what it set is not known (if it published raw HTML, set unsafe_html: true in plotline.yaml)", strings.Join(missing, ", "), missing[0])
	}
	if len(absent) > 0 {
		im.done(diag.Pos{Path: cmp.Or(configName(im.src), "config")}, "the source lacks the folder of %s (themes/%s, empty or absent: a git submodule not checked out, or a module): its shortcodes are not read, so the pages' uses of them are not converted, but for those of a theme plotline knows by its name (%s)", strings.Join(absent, ", "), absent[0], knownThemes)
	}
	if len(unvendored) > 0 {
		im.done(diag.Pos{Path: cmp.Or(configName(im.src), "config")}, "the source imports the module %s, which it does not hold (Hugo fetches it; no _vendor/%s): its shortcodes are not read, so the pages' uses of them are not converted, but for those of a theme plotline knows by its name (%s; run hugo mod vendor in the source, then import again)", strings.Join(unvendored, ", "), unvendored[0], knownThemes)
	}
}

// holdsFiles reports whether dir is a folder of src with something in
// it: not absent, nor an empty folder (a git submodule not checked out).
func holdsFiles(src fs.FS, dir string) bool {
	entries, err := fs.ReadDir(src, dir)
	return err == nil && len(entries) > 0
}

// themeConfig reads the config of the theme in the folder dir as Hugo
// does: its first config file, then the files of its config/_default,
// each filling in what is not set yet; nil when it has none. A file
// that cannot be read or decoded is noted and passed over.
func (im *importer) themeConfig(dir string) map[string]any {
	var conf map[string]any
	for _, name := range hugoConfigs {
		if strings.HasPrefix(name, "config/") {
			break
		}
		c, err := im.readConfig(dir+"/"+name, true)
		if err != nil {
			im.note(diag.Pos{Path: dir + "/" + name}, "the theme's config is not read: %v", err)
			continue
		}
		if c != nil {
			conf = c
			break
		}
	}
	def, err := im.hugoConfigDir(dir + "/config/_default")
	if err != nil {
		im.note(diag.Pos{Path: dir + "/config/_default"}, "the theme's config is not read: %v", err)
	}
	if def != nil {
		conf = fillConfig(conf, def)
	}
	return conf
}

// hugoConfigDir reads the config files of the folder dir of a Hugo
// site (config/_default, config/production) as one config, each file
// at the key its name gives; nil when dir has none.
func (im *importer) hugoConfigDir(dir string) (map[string]any, error) {
	var conf map[string]any
	entries, _ := fs.ReadDir(im.src, dir)
	for _, e := range entries {
		ext := path.Ext(e.Name())
		key := strings.ToLower(strings.TrimSuffix(e.Name(), ext))
		if e.IsDir() || !slices.Contains([]string{".toml", ".yaml", ".yml", ".json"}, ext) {
			continue
		}
		c, err := im.readConfig(dir+"/"+e.Name(), true)
		if err != nil {
			return nil, err
		}
		if i := strings.LastIndexByte(key, '.'); i >= 0 {
			switch name := key[:i]; name {
			case "params", "menus":
				c = map[string]any{name: c}
			case "menu":
				c = map[string]any{"menus": c}
			}
			c = map[string]any{"languages": map[string]any{key[i+1:]: c}}
		} else if key != "hugo" && key != "config" {
			c = map[string]any{key: c}
		}
		conf = fillConfig(conf, c)
	}
	return conf, nil
}

// fillConfig sets in dst each key of src that dst lacks, going into the
// mappings both have, and returns dst.
func fillConfig(dst, src map[string]any) map[string]any {
	if dst == nil {
		dst = map[string]any{}
	}
	for k, v := range src {
		d, ok := dst[k]
		if !ok {
			dst[k] = v
			continue
		}
		dm, ok1 := d.(map[string]any)
		sm, ok2 := v.(map[string]any)
		if ok1 && ok2 {
			fillConfig(dm, sm)
		}
	}
	return dst
}

// pinnedHugo returns the version of Hugo that netlify.toml, where a
// site published by Netlify says which Hugo builds it, sets for the
// production site, and where: context.production's HUGO_VERSION, else
// the build's. ok is false when the source has no such file or setting,
// or the file cannot be read.
func (im *importer) pinnedHugo() (version string, pos diag.Pos, ok bool) {
	const name = "netlify.toml"
	data, err := readFile(im.src, name)
	if err != nil || yamlpos.TOMLTooDeep(data, yamlpos.MaxTOMLDepth) > 0 {
		return "", diag.Pos{}, false
	}
	var conf map[string]any
	if _, err := toml.Decode(string(data), &conf); err != nil {
		return "", diag.Pos{}, false
	}
	lines := strings.Split(string(data), "\n")
	for _, table := range []string{"context.production.environment", "build.environment"} {
		var v any = conf
		for part := range strings.SplitSeq(table+".HUGO_VERSION", ".") {
			m, _ := v.(map[string]any)
			v = m[part]
		}
		s, isText := v.(string)
		if !isText || s == "" {
			continue
		}
		// At the value: the first line that sets it, from the table's
		// header on when it has one.
		pos := diag.Pos{Path: name, Line: 1, Col: 1}
		from := max(0, slices.IndexFunc(lines, func(l string) bool { return strings.TrimSpace(l) == "["+table+"]" }))
		for i, line := range lines[from:] {
			if k := strings.Index(line, `"`+s+`"`); k >= 0 && strings.Contains(line[:k], "HUGO_VERSION") {
				pos.Line, pos.Col = from+i+1, k+1
				break
			}
		}
		return s, pos, true
	}
	return "", diag.Pos{}, false
}

// blackfridayEra reports whether Hugo of the version v ("0.54.0", "v0.58")
// read Markdown with Blackfriday, as every Hugo before 0.60 did.
func blackfridayEra(v string) bool {
	major, rest, _ := strings.Cut(strings.TrimPrefix(v, "v"), ".")
	minor, _, _ := strings.Cut(rest, ".")
	m, err1 := strconv.Atoi(major)
	n, err2 := strconv.Atoi(minor)
	return err1 == nil && err2 == nil && m == 0 && n < 60
}

func (im *importer) hugo() error {
	conf, err := im.hugoConfig()
	if err != nil {
		return err
	}
	contentDir := path.Clean(cmp.Or(hugoContentDir(conf), "content"))
	if conf == nil {
		if _, err := fs.Stat(im.src, contentDir); err != nil {
			return fmt.Errorf("not a Hugo site: no hugo.toml, config.toml or config.yaml, and no content folder")
		}
	}
	// The default language's own title and description come before
	// the site's, as Hugo shows them on its pages.
	def := "languages." + strings.ToLower(cmp.Or(lookupString(conf, "defaultcontentlanguage"), "en")) + "."
	im.conf.title = cmp.Or(lookupString(conf, def+"title"), lookupString(conf, "title"))
	im.conf.baseURL = lookupString(conf, "baseurl")
	if localHost(im.conf.baseURL) {
		im.done(diag.Pos{Path: cmp.Or(configName(im.src), "config")}, "baseURL %s is on the writer's own machine, for previews, not where the site is published: read as no base URL, so plotline.yaml gets no base_url (set it there, or pass --base-url to build)", im.conf.baseURL)
	}
	im.conf.language = languageTag(cmp.Or(lookupString(conf, "locale"), lookupString(conf, "languagecode"), lookupString(conf, "defaultcontentlanguage")))
	im.conf.description = cmp.Or(lookupString(conf, def+"params.description"), lookupString(conf, "params.description"))
	im.conf.unsafe, _ = lookup(conf, "markup.goldmark.renderer.unsafe").(bool)
	if merge, _ := lookup(conf, "markup._merge").(string); !im.conf.unsafe && merge == "deep" &&
		(importsModule(conf, "hugoblox/") || importsModule(conf, "wowchemy/")) {
		// Hugo Blox's modules (Wowchemy's before them) publish raw
		// HTML, and the site merges their markup config into its own.
		im.conf.unsafe = true
	}
	im.conf.passthrough, _ = lookup(conf, "markup.goldmark.extensions.passthrough.enable").(bool)
	typo := lookup(conf, "markup.goldmark.extensions.typographer")
	im.conf.straight = typo == false || lookup(conf, "markup.goldmark.extensions.typographer.disable") == true
	im.conf.blackfriday = lookupString(conf, "markup.goldmark.parser.autoheadingidtype") == "blackfriday"
	if strings.EqualFold(lookupString(conf, "markup.defaultmarkdownhandler"), "blackfriday") {
		// Hugo's old Markdown reader, kept by the config until Hugo
		// 0.100: it published raw HTML and made ids its own way.
		im.conf.unsafe, im.conf.blackfriday = true, true
	} else if v, pos, ok := im.pinnedHugo(); ok && blackfridayEra(v) {
		im.conf.unsafe = true
		if lookupString(conf, "markup.goldmark.parser.autoheadingidtype") == "" {
			im.conf.blackfriday = true
		}
		im.done(pos, "Hugo %s built the site, before 0.60, with its old Markdown reader (Blackfriday), which published the raw HTML of the pages and made their headings' ids its own way: so do the imported pages (unsafe_html: true, and the old ids written where plotline's differ)", v)
	}
	if im.conf.passthrough {
		// The delimiters Hugo's passthrough reads: with $…$ among the
		// inline ones, the page's $…$ are found as Hugo found them.
		var pt passthrough.Config
		for kind, dst := range map[string]*[]passthrough.Delimiters{"block": &pt.BlockDelimiters, "inline": &pt.InlineDelimiters} {
			for _, d := range listOf[[]any](lookup(conf, "markup.goldmark.extensions.passthrough.delimiters."+kind)) {
				if len(d) == 2 {
					*dst = append(*dst, passthrough.Delimiters{Open: fmt.Sprint(d[0]), Close: fmt.Sprint(d[1])})
				}
			}
		}
		if slices.Contains(pt.InlineDelimiters, passthrough.Delimiters{Open: "$", Close: "$"}) {
			im.conf.dollarInline = &pt
		}
	}
	if im.conf.dollarInline == nil {
		// A theme's or the site's MathJax or KaTeX that reads $…$
		// (hugo-coder's math partial): the pages' $…$ are its.
		im.dollarScript(layoutDirs(conf)...)
	}
	im.mathCodeScript(layoutDirs(conf), hugoConfigFiles(im.src)...)
	im.conf.buildExpired, _ = lookup(conf, "buildexpired").(bool)
	im.conf.buildDrafts, _ = lookup(conf, "builddrafts").(bool)
	fm, _ := lookup(conf, "frontmatter").(map[string]any)
	for _, v := range fm {
		l, _ := v.([]any)
		im.conf.nameSlugs = im.conf.nameSlugs || len(l) > 0 && strings.EqualFold(fmt.Sprint(l[0]), ":filename")
	}
	im.conf.emoji, _ = lookup(conf, "enableemoji").(bool)
	ignore, _ := lookup(conf, "ignorefiles").([]any)
	if s, ok := lookup(conf, "ignorefiles").(string); ok {
		ignore = []any{s}
	}
	for _, x := range ignore {
		s, ok := x.(string)
		re, err := regexp.Compile(s)
		if !ok {
			im.note(diag.Pos{Path: configName(im.src)}, "ignoreFiles: %v is no text: left out", x)
			continue
		}
		if err != nil {
			im.note(diag.Pos{Path: configName(im.src)}, "ignoreFiles: %q is no regular expression (%v): left out", s, err)
			continue
		}
		im.conf.ignore = append(im.conf.ignore, re)
	}
	siteShortcodes(im.src, conf, &im.conf)
	// Docsy is a theme or a module import with a folder named docsy in
	// its path: a theme named docsy, or its theme folder (docsy/theme);
	// google/docsy (its theme folder included); a folder of themesDir
	// named docsy, or npm's package @docsy/theme (as npm installs it,
	// "path: docsy", "path: '@docsy/theme'").
	themes := hugoThemes(conf)
	im.conf.docsy = slices.ContainsFunc(themes, func(t string) bool {
		return slices.ContainsFunc(strings.Split(t, "/"), func(dir string) bool {
			return strings.EqualFold(strings.TrimPrefix(dir, "@"), "docsy")
		})
	})
	im.conf.hextra = slices.ContainsFunc(themes, func(t string) bool { return strings.EqualFold(path.Base(t), "hextra") })
	if slices.ContainsFunc(themes, func(t string) bool {
		t = strings.ToLower(t)
		return path.Base(t) == "blowfish" || path.Base(t) == "congo" || strings.Contains(t, "nunocoracao/blowfish") || strings.Contains(t, "jpanther/congo")
	}) {
		// Blowfish and Congo, whose templates a site that takes them as
		// a module or a git submodule does not hold: their alert, button
		// and chart as those templates make them, unless one was read.
		im.themeShortcodes(map[string]shortcode{"alert": {iconAlert: "triangle-exclamation"}, "button": {link: true}, "chart": {script: true}})
	}
	if slices.ContainsFunc(themes, func(t string) bool {
		t = strings.ToLower(t)
		return path.Base(t) == "hugo-book" || strings.Contains(t, "alex-shpak/hugo-book")
	}) {
		// hugo-book, as a module or a git submodule not checked out: its
		// hint is a note of the kind its first parameter names, its
		// button a link, its details a <details>, its katex mathematics.
		im.themeShortcodes(map[string]shortcode{"hint": {quote: true, quoteKind: true}, "button": {link: true}, "details": {details: true}, "katex": {math: true}})
	}
	im.conf.vars = conf
	im.conf.alertHook = alertHook(im.src, conf)
	im.conf.fenceLabels = fenceLabels(im.src, conf)
	im.conf.imageCaption = imageCaption(im.src, conf)
	im.conf.taxonomies = map[string]bool{}
	tx, _ := lookup(conf, "taxonomies").(map[string]any)
	for _, v := range tx {
		if plural, ok := v.(string); ok && plural != "tags" && plural != "categories" {
			im.conf.taxonomies[strings.ToLower(plural)] = true
		}
	}
	im.conf.paths.keepCase, _ = lookup(conf, "disablepathtolower").(bool)
	im.conf.paths.noAccents, _ = lookup(conf, "removepathaccents").(bool)
	im.conf.permalinks = readPermalinks(map[string]string{}, lookup(conf, "permalinks"))
	// Docsy's feed is of its rss_sections, as Hugo's lists are of
	// mainSections: the sections of its articles, either way.
	for _, key := range []string{"params.mainsections", "mainsections", "params.rss_sections"} {
		if len(im.conf.mainSections) > 0 {
			break
		}
		if v, ok := lookup(conf, key).(string); ok {
			im.conf.mainSections = []string{v}
		} else {
			im.conf.mainSections = append(im.conf.mainSections, listOf[string](lookup(conf, key))...)
		}
		// mainSections = "", as a theme's example config leaves it:
		// none named, so the section of the articles is found below.
		im.conf.mainSections = slices.DeleteFunc(im.conf.mainSections, func(s string) bool { return strings.TrimSpace(s) == "" })
	}

	ml := hugoLanguages(conf)
	im.conf.langTags = ml.tags
	if len(ml.hosts) > 0 {
		// A multihost site: each language at the root of its own host,
		// the default language's the new site's.
		im.conf.hosts = ml.hosts
		im.conf.baseURL = cmp.Or(ml.hosts[ml.def], im.conf.baseURL)
	}
	confName := configName(im.src)
	walks := []hugoWalk{{dir: contentDir}}
	if mounts := contentMounts(conf); len(mounts) > 0 {
		if k := mainMount(mounts, ml.def); k >= 0 {
			walks[0].files = mounts[k].files // its files: globs
		}
	}
	if !fs.ValidPath(contentDir) {
		// "../x" or "/etc", which the site's files cannot be read
		// from: noted with the name as written, as another mount's is.
		walks = nil
		mounts := contentMounts(conf)
		if k := mainMount(mounts, ml.def); k >= 0 {
			im.note(diag.Pos{Path: confName}, "module mount %s (to content): outside the site's folder: not imported", mounts[k].source)
		} else {
			im.note(diag.Pos{Path: confName}, "contentDir %s: outside the site's folder: not imported", hugoContentDir(conf))
		}
	}
	for _, code := range ml.codes {
		d := ml.dirs[code]
		if code == ml.def || d == "" || d == contentDir {
			continue
		}
		if info, err := fs.Stat(im.src, d); err != nil || !info.IsDir() {
			im.note(diag.Pos{Path: confName}, "language %s: its contentDir %s is not a folder: not imported", code, d)
			continue
		}
		walks = append(walks, hugoWalk{dir: d, lang: code})
	}
	walks = im.mountWalks(conf, confName, ml, walks)
	count := map[string]int{}
	for _, w := range walks {
		if err := im.hugoWalk(w, walks, ml, count); err != nil {
			return fmt.Errorf("not a Hugo site: %w", err)
		}
	}
	im.noteLanguages(confName, walks)
	im.termTitles()
	im.unrendered()
	im.cascadedHeadless()
	main := im.conf.mainSections
	if len(main) == 0 {
		main = im.postSections(confName, count)
	}
	for _, p := range im.pages {
		p.post = len(p.cats) == 1 && slices.ContainsFunc(main, func(s string) bool { return strings.EqualFold(s, p.cats[0]) })
		p.cats = nil
	}
	im.hugoFeeds(conf, ml, main)
	im.categoryLists(conf, ml, confName)
	im.sectionPages(contentDir)
	im.copyStatic("static", false)
	for _, t := range hugoThemes(conf) {
		// Hugo publishes a theme's static/ too, under the site's own:
		// a file of the site's, of the same name, wins.
		im.copyStatic("themes/"+t+"/static", true)
	}
	return nil
}

// knownThemes are the themes whose shortcodes the importer knows by the
// theme's name, for a site that does not hold their templates.
const knownThemes = "Docsy, Hextra, Blowfish, Congo, hugo-book"

// themeShortcodes sets the shortcodes of a theme that the site takes
// but may not hold (a module, a git submodule not checked out) as its
// templates make them, each unless its template was read.
func (im *importer) themeShortcodes(known map[string]shortcode) {
	for name, s := range known {
		if old := im.conf.shortcodes[name]; !old.read {
			s.own = old.own
			im.conf.shortcodes[name] = s
		}
	}
}

// hugoFeeds records the feeds a Hugo site wrote of its articles, where
// readers subscribed, to keep: the home page's (/index.xml; under the
// default language's folder on a site that puts it in one), and those
// of the sections of its articles, main (/posts/index.xml), unless the
// site's config turned them off. A feed Hugo wrote at /feed.xml is
// plotline's own. Its tags' feeds are not kept.
func (im *importer) hugoFeeds(conf map[string]any, ml multilingual, main []string) {
	rss := func(v any) bool {
		return slices.ContainsFunc(listOf[string](v), func(k string) bool { return strings.EqualFold(k, "rss") })
	}
	if off, _ := lookup(conf, "disablerss").(bool); off || rss(lookup(conf, "disablekinds")) {
		return // disableRSS: Hugo's before 0.20
	}
	name := cmp.Or(lookupString(conf, "outputformats.rss.basename"), "index") + ".xml"
	if uri := strings.Trim(lookupString(conf, "rssuri"), "/"); uri != "" && !strings.Contains(uri, "/") {
		name = uri // rssURI: the feed's file name before Hugo 0.20 (atom.xml)
	}
	prefix := ml.rootPrefix()
	var feeds []string
	if home := lookup(conf, "outputs.home"); home == nil || rss(home) {
		feeds = append(feeds, prefix+name)
	}
	if section := lookup(conf, "outputs.section"); section == nil || rss(section) {
		for _, s := range main {
			if s = strings.ToLower(strings.Trim(s, "/")); s != "" {
				feeds = append(feeds, prefix+s+"/"+name)
			}
		}
	}
	feeds = slices.DeleteFunc(feeds, func(f string) bool { return f == "/feed.xml" })
	if len(feeds) > content.MaxFeedAliases {
		feeds = feeds[:content.MaxFeedAliases]
	}
	im.conf.feeds = feeds
	term := lookup(conf, "outputs.term")
	if term == nil {
		term = lookup(conf, "outputs.taxonomy") // the term's kind before Hugo 0.73
	}
	// A term's page is of the kind term, or taxonomy before Hugo 0.73.
	if kinds := listOf[string](lookup(conf, "disablekinds")); (term == nil || rss(term)) && !slices.ContainsFunc(kinds, func(k string) bool {
		return strings.EqualFold(k, "term") || strings.EqualFold(k, "taxonomy")
	}) {
		im.hugoTagFeeds(conf, prefix, name)
	}
}

// categoryLists finds the lists Hugo published of the categories of the
// site's articles in its default language, /categories/r/, and of the
// categories, /categories/, whose old addresses lead to plotline's lists
// of those tags, /tags/r/, and of the tags (see termRedirects), which
// says so at the config, confName.
func (im *importer) categoryLists(conf map[string]any, ml multilingual, confName string) {
	prefix := ml.rootPrefix()
	seen := map[string]bool{}
	for t, seg := range im.articleTerms(conf, "categories") {
		if slug := content.Slugify(t); slug != "" && !seen[seg] {
			seen[seg] = true
			im.conf.termLists = append(im.conf.termLists, termList{old: prefix + "categories/" + seg + "/", to: "/tags/" + slug + "/"})
		}
	}
	if len(im.conf.termLists) == 0 {
		return
	}
	slices.SortFunc(im.conf.termLists, func(a, b termList) int { return strings.Compare(a.old, b.old) })
	im.conf.termLists = append(im.conf.termLists, termList{old: prefix + "categories/", to: "/tags/"})
	im.conf.termListsAt = diag.Pos{Path: confName}
}

// articleTerms yields each term of the taxonomy plural (tags,
// categories) that an article of the Hugo site of config conf has in its
// default language, with the path segment Hugo made of it ("r"), once
// for each article; nothing when plural is no taxonomy of the site. An
// article's terms alone are a tag's of the new site; another language's
// were under its folder.
func (im *importer) articleTerms(conf map[string]any, plural string) iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		if tx, declared := lookup(conf, "taxonomies").(map[string]any); declared && !slices.Contains(slices.Collect(maps.Values(tx)), any(plural)) {
			return // Hugo published no list or feed of it
		}
		for _, p := range im.pages {
			if !p.post || p.draft || p.lang != "" {
				continue
			}
			for _, t := range p.list(plural, false) {
				if seg := im.conf.paths.path(t); seg != "" && !strings.Contains(seg, "/") && !yield(t, seg) {
					return
				}
			}
		}
	}
}

// rootPrefix is the folder of the default language's addresses on the
// site, "/en/" where Hugo put them under its code, and "/" otherwise (on
// a multihost site each language is at its host's root).
func (ml multilingual) rootPrefix() string {
	if ml.inSubdir && len(ml.hosts) == 0 {
		return "/" + ml.def + "/"
	}
	return "/"
}

// hugoTagFeeds keeps the feeds Hugo wrote of each term of the site's
// tags and categories that its articles (posts) have in its default
// language, at prefix, the taxonomy, the term's path and name
// (/categories/r/index.xml): each becomes one of the config's
// tag_feed_aliases, the copy of its tag's feed, at most
// content.MaxTagFeedAliases of them, those of the terms with the most
// pages first.
func (im *importer) hugoTagFeeds(conf map[string]any, prefix, name string) {
	count := map[tagFeed]int{}
	for _, key := range im.tagKeys() {
		for t, seg := range im.articleTerms(conf, key) {
			count[tagFeed{addr: prefix + key + "/" + seg + "/" + name, tag: t}]++
		}
	}
	feeds := slices.SortedFunc(maps.Keys(count), func(a, b tagFeed) int {
		return cmp.Or(count[b]-count[a], strings.Compare(a.addr, b.addr), strings.Compare(a.tag, b.tag))
	})
	// One tag for each address: the spelling most pages write.
	seen := map[string]bool{}
	feeds = slices.DeleteFunc(feeds, func(f tagFeed) bool {
		dup := seen[f.addr]
		seen[f.addr] = true
		return dup
	})
	if len(feeds) > content.MaxTagFeedAliases {
		feeds = feeds[:content.MaxTagFeedAliases]
	}
	slices.SortFunc(feeds, func(a, b tagFeed) int { return strings.Compare(a.addr, b.addr) })
	im.conf.tagFeeds = feeds
}

// postSections returns the section whose pages are the articles of a
// Hugo site that names none (mainSections, Docsy's rss_sections), with
// a note at the config, confName, when it had others: Docsy's blog, as
// Docsy's feed is of it by default; else the section with the most
// pages that give their own date, as a blog's posts do and a
// documentation's pages do not; else the section with the most pages,
// Hugo's main section. count holds the number of pages of each
// section.
func (im *importer) postSections(confName string, count map[string]int) []string {
	dated := map[string]int{}
	for _, p := range im.pages {
		if len(p.cats) == 1 && (p.setDate.IsZero() || p.str("publishdate") != "") {
			dated[p.cats[0]]++
		}
	}
	best, why := "", ""
	for s, n := range count {
		if d, bd := dated[s], dated[best]; d > bd || d == bd && (n > count[best] || n == count[best] && s < best) {
			best = s
		}
	}
	switch {
	case im.conf.docsy && count["blog"] > 0:
		best, why = "blog", "Docsy's feed is of blog unless rss_sections says otherwise"
	case dated[best] > 0:
		why = fmt.Sprintf("%d of its %d pages give their own date, the most of any section", dated[best], count[best])
	default:
		why = "none gives its own date: the section with the most pages, as Hugo takes it"
	}
	if len(count) > 1 {
		others := slices.Sorted(maps.Keys(count))
		others = slices.DeleteFunc(others, func(s string) bool { return s == best })
		im.done(diag.Pos{Path: confName}, "the pages of %s are the site's articles, in its feed, on its home page and tag pages (%s); those of %s get type: page (a mainSections of params would name others)", best, why, strings.Join(others, ", "))
	}
	return []string{best}
}

// copyStatic copies the files of dir, a static/ folder of the source,
// when there is one, into content/, where each keeps its address; a
// Markdown file, which plotline would read as a page, is copied as .txt.
// With quiet, a file whose place another already took is left out
// without a note.
func (im *importer) copyStatic(dir string, quiet bool) {
	if info, err := fs.Stat(im.src, dir); err != nil || !info.IsDir() {
		return
	}
	_ = im.walkFiles(dir, func(_ string, d fs.DirEntry) bool { return content.Hidden(d.Name()) }, func(p string, _ fs.DirEntry) error {
		rel := strings.TrimPrefix(p, dir+"/")
		dest := rel
		if markdownExt(rel) {
			dest = strings.TrimSuffix(rel, path.Ext(rel)) + ".txt"
		}
		if _, taken := im.res.Files["content/"+dest]; taken && quiet {
			return nil
		}
		if dest != rel {
			// Published as it is, which plotline would read as a
			// page: the file keeps its text under another name.
			im.done(diag.Pos{Path: p}, "a Markdown file of static/, which Hugo copies as it is: copied as %s", dest)
		}
		im.copyFile(p, "content/"+dest)
		return nil
	})
}

// hugoThemes returns the themes conf names, the first the one whose
// files win: its module imports (which Hugo finds in the site's themes
// folder too, themes/github.com/wowchemy/…, where a site keeps a copy),
// then its themes.
func hugoThemes(conf map[string]any) []string {
	if t, ok := lookup(conf, "theme").(string); ok {
		return append(moduleImports(conf), t)
	}
	return append(moduleImports(conf), listOf[string](lookup(conf, "theme"))...)
}

// importsModule reports whether the Hugo config conf imports a module,
// not disabled, whose path holds name, in lower case.
func importsModule(conf map[string]any, name string) bool {
	return slices.ContainsFunc(moduleImports(conf), func(p string) bool { return strings.Contains(strings.ToLower(p), name) })
}

// moduleImports returns the paths of the modules the Hugo config conf
// imports, but those disabled.
func moduleImports(conf map[string]any) []string {
	var paths []string
	for _, m := range listOf[map[string]any](lookup(conf, "module.imports")) {
		p, _ := m["path"].(string)
		if d, _ := m["disable"].(bool); !d {
			paths = append(paths, p)
		}
	}
	return paths
}

// layoutDirs returns the layouts folders of a Hugo site and of the
// themes conf names, the site's first.
func layoutDirs(conf map[string]any) []string {
	dirs := []string{"layouts"}
	for _, t := range hugoThemes(conf) {
		dirs = append(dirs, "themes/"+t+"/layouts")
	}
	return dirs
}

// filesIn yields the path and the text of each file under the folders
// roots of src, in order, that keep reports true for; a folder or a file
// that cannot be read is passed over.
func filesIn(src fs.FS, roots []string, keep func(d fs.DirEntry) bool) iter.Seq2[string, []byte] {
	return func(yield func(string, []byte) bool) {
		done := false
		for _, root := range roots {
			_ = fs.WalkDir(src, root, func(p string, d fs.DirEntry, err error) error {
				if err != nil || done {
					return fs.SkipDir
				}
				if d.IsDir() || !keep(d) {
					return nil
				}
				if data, err := readFile(src, p); err == nil && !yield(p, data) {
					done = true
				}
				return nil
			})
		}
	}
}

// alertHook reports whether the Hugo site src, or a theme conf names,
// has a block-quote render hook that reads alerts (.AlertType).
func alertHook(src fs.FS, conf map[string]any) bool {
	for _, data := range filesIn(src, layoutDirs(conf), func(d fs.DirEntry) bool { return strings.HasPrefix(d.Name(), "render-blockquote") }) {
		if bytes.Contains(data, []byte(".AlertType")) {
			return true
		}
	}
	return false
}

// fenceLabels returns the attributes of a fenced code block that the
// Hugo site's code block render hook (render-codeblock.html, its own or
// its theme's) shows above the code, as hugo-book's shows
// {filename=hugo.toml}: those of filename, file and title it reads.
func fenceLabels(src fs.FS, conf map[string]any) []string {
	var keys []string
	for _, data := range filesIn(src, layoutDirs(conf), func(d fs.DirEntry) bool { return d.Name() == "render-codeblock.html" }) {
		for _, m := range fenceAttrRE.FindAllSubmatch(data, -1) {
			if k := cmp.Or(string(m[1]), string(m[2])); (k == "filename" || k == "file" || k == "title") && !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	return keys
}

// imageCaption returns what the Hugo site's image render hook
// (render-image.html, its own or its theme's) shows in a <figcaption>
// under the image: "text", the image's text (.Text, .PlainText), or
// "title", its title; "" when it shows no caption. The site's hook is
// read first.
func imageCaption(src fs.FS, conf map[string]any) string {
	for _, data := range filesIn(src, layoutDirs(conf), func(d fs.DirEntry) bool { return d.Name() == "render-image.html" }) {
		from := bytes.Index(data, []byte("<figcaption"))
		to := bytes.Index(data, []byte("</figcaption>"))
		if from < 0 || to < from {
			continue
		}
		switch caption := data[from:to]; {
		case bytes.Contains(caption, []byte(".Text")) || bytes.Contains(caption, []byte(".PlainText")):
			return "text"
		case bytes.Contains(caption, []byte(".Title")):
			return "title"
		}
	}
	return ""
}

// fenceAttrRE finds an attribute a code block render hook reads:
// index .Attributes "filename", or .Attributes.filename.
var fenceAttrRE = regexp.MustCompile(`index\s+\$?\.Attributes\s+"(\w+)"|\.Attributes\.(\w+)`)

// mediaRE finds, in a shortcode's template, an element that plays or
// frames its source rather than showing an image of it.
var mediaRE = regexp.MustCompile(`<(?:video|audio|iframe|object|embed)\b`)

// figureSrcRE finds, in a shortcode's template, the use of its src
// parameter.
var figureSrcRE = regexp.MustCompile(`\.Get\s+"src"|\.Params\.src\b`)

// captionParamRE finds, in a shortcode's template, the use of its title
// or caption parameter.
var captionParamRE = regexp.MustCompile(`\.Get\s+"(title|caption)"|\.Params\.(title|caption)\b`)

// highlightRE finds, in a shortcode's template, a call of Hugo's
// highlighter: highlight, transform.Highlight.
var highlightRE = regexp.MustCompile(`\b(?:transform\.Highlight|highlight)\s`)

// codeLangRE finds, in a shortcode's template, the use of a parameter
// that names the language of its code: the first, lang or language.
var codeLangRE = regexp.MustCompile(`\.Get\s+(?:0\b|"lang(?:uage)?")|\.Params\.lang(?:uage)?\b`)

// langPosRE finds, in a shortcode's template, the parameter by position
// that a variable or scratch key of the language takes: "$lang := .Get
// 1", "$.Scratch.Add "c-language" (lower (.Get 1))"; with lower, if any.
var langPosRE = regexp.MustCompile(`(?i)lang[\w-]*"?\s*(?::?=)?\s*\(*\s*(lower\s+)?\(*\s*\.Get\s+(\d+)\b`)

// shortcode is what the importer reads of a site's own shortcode in its
// template, which the conversion of its tags follows.
type shortcode struct {
	own  bool // of the site's own layouts/, not its themes'
	read bool // its template was read
	// figure: it shows the image its src parameter names; media: it
	// plays that file, in a "video" or an "audio", with the text of its
	// caption parameter (title or caption) as the caption, if any.
	figure         bool
	media, caption string
	// embed: the address of the <iframe> that its template is, a
	// player or a page of another site, made of its parameters
	// (jsfiddle's "//jsfiddle.net/{{ .Get 0 }}/embedded/"), or "".
	embed string
	// cites: it is a quote that cites its source, a <cite> (Octopress's
	// blockquote, of author, source, link and title).
	cites bool
	// quote: it is a block quote of its inside; quoteKind: its first
	// parameter is the kind of the note (hugo-book's {{% hint warning
	// %}}); note: the element around its inside is of a note's class
	// (<div class="warning">), the alert nearest that class, "WARNING".
	quote, quoteKind bool
	note             string
	// kindDefault: the kind of note the template takes when its first
	// parameter is not given ({{ $type := .Get 0 | default "info" }});
	// noteTitle: it shows its second parameter, or its title one, as
	// the note's title (beautifulhugo's callout, a heading above the
	// inside).
	kindDefault string
	noteTitle   bool
	// details, math: a <details> of its inside, or its inside as
	// mathematics for a script to typeset (hugo-book's katex).
	details, math bool
	// code: it highlights its inside as code; codeLang: its first or
	// lang parameter names the language.
	code, codeLang bool
	// langPos is 1 and the position of the parameter that names the
	// language of its code when the template reads it so ("c-language"
	// (lower (.Get 1)), tranquilpeak's codeblock, whose first is its
	// title), or 0; langLower says that the template puts it in lower
	// case.
	langPos   int
	langLower bool
	// include: it shows the text of the page its first parameter names
	// (site.GetPage, then .RenderShortcodes or .Content).
	include bool
	// iconAlert: a box of its inside beside an icon, a warning sign
	// unless the first or icon parameter names another (Congo's and
	// Blowfish's alert): that default icon, "triangle-exclamation".
	iconAlert string
	// inlineTag: one inline element around its inside and nothing else
	// (Wowchemy's hl, <mark>): the element, "mark".
	inlineTag string
	// bare: its template is its inside alone, {{ .Inner }} (or safeHTML
	// of it): Hugo wrote the inside as it is (PaperMod's rawhtml).
	bare bool
	// wrapper: used without parameters, its template shows its inside
	// among elements and nothing of its own (wrapperTemplate).
	wrapper bool
	// link: a link of its inside to its href parameter (Congo's and
	// Blowfish's button); script: it gives its inside to a script
	// (Congo's Chart.js chart).
	link, script bool
	// textParam, hrefParam: it is one link whose text is its parameter
	// textParam and whose address is hrefParam, or whose address the
	// template computes ("" then): <a href="{{ .Get "url" }}">{{ .Get
	// "title" }}</a> (a "0" or "1" names a parameter by position).
	textParam, hrefParam string
	// inner: it shows its inside (.Inner) in some way.
	inner bool
	// serverOnly: its template shows something only under hugo server
	// ({{ if hugo.IsServer }}…{{ end }}, all of it): the published
	// site showed nothing of it.
	serverOnly bool
	// text: its template is fixed text and nothing else, without an
	// action or an element ("26.03", a version a site writes in many
	// places), that text, its surrounding white space trimmed.
	text string
}

// partialOnlyRE matches a shortcode's template that hands itself to a
// partial and does nothing else but comment: {{ partial "x.html" . }}.
var partialOnlyRE = regexp.MustCompile(`^(?:\s|<!--(?:[^-]|-[^-])*-->|\{\{-?\s*/\*(?:[^*]|\*[^/])*\*/\s*-?\}\})*\{\{-?\s*partial\s+"([^"]+)"\s+\.\s*-?\}\}\s*$`)

// partialTemplate returns the text of the partial name (with or without
// its .html) that Hugo would use: the site's layouts/partials (or
// _partials, Hugo 0.146 on) before its themes', the first theme first.
func partialTemplate(src fs.FS, themes []string, name string) ([]byte, bool) {
	if path.Ext(name) == "" {
		name += ".html"
	}
	roots := []string{"layouts"}
	for _, theme := range themes {
		roots = append(roots, "themes/"+theme+"/layouts", "_vendor/"+theme+"/layouts")
	}
	for _, root := range roots {
		for _, dir := range []string{"_partials", "partials"} {
			if data, err := readFile(src, path.Join(root, dir, name)); err == nil {
				return data, true
			}
		}
	}
	return nil, false
}

// siteShortcodes reads the shortcodes of the site and its themes into
// sc.shortcodes. conf names the themes; the site's template of a name is
// the one Hugo uses, of layouts/_shortcodes (Hugo 0.146 on) before
// layouts/shortcodes.
func siteShortcodes(src fs.FS, conf map[string]any, sc *siteConfig) {
	var dirs []string
	themes := hugoThemes(conf)
	for _, theme := range slices.Backward(themes) { // the first theme wins
		dirs = append(dirs, "themes/"+theme+"/layouts/shortcodes", "themes/"+theme+"/layouts/_shortcodes")
		// A module that hugo mod vendor copied into _vendor: Hugo
		// reads that copy.
		dirs = append(dirs, "_vendor/"+theme+"/layouts/shortcodes", "_vendor/"+theme+"/layouts/_shortcodes")
	}
	dirs = append(dirs, "layouts/shortcodes", "layouts/_shortcodes")
	sc.shortcodes = map[string]shortcode{}
	for _, dir := range dirs {
		for _, file := range shortcodeFiles(src, dir) {
			// A template in a folder is the shortcode of its path:
			// {{< pipelines/latest-version >}}.
			name := strings.ToLower(strings.TrimSuffix(file, ".html")) // as Hugo looks shortcodes up
			s := sc.shortcodes[name]
			s.own = s.own || !strings.HasPrefix(dir, "themes/") && !strings.HasPrefix(dir, "_vendor/")
			data, err := readFile(src, dir+"/"+file)
			if err != nil {
				sc.shortcodes[name] = s
				continue
			}
			if m := partialOnlyRE.FindSubmatch(data); m != nil {
				// {{ partial "shortcodes/figure.html" . }}: the partial,
				// given the shortcode itself, is its template.
				if p, ok := partialTemplate(src, themes, string(m[1])); ok {
					data = p
				}
			}
			text := strings.TrimSpace(string(data))
			if text == "" || strings.Contains(text, "{{") || strings.Contains(text, "<") {
				text = ""
			}
			if m := emojifyRE.FindSubmatch(data); m != nil {
				// {{ emojify ":white_check_mark:" }}: that emoji, the
				// same each time (jaegertracing's check_yes and check_no
				// in its tables of features).
				if e, ok := emojis.Get(string(m[1])); ok {
					text = string(e.Unicode)
				}
			}
			if strings.Contains(file, "/") {
				// Of a template in a folder, only fixed text is known.
				if text != "" {
					sc.shortcodes[name] = shortcode{own: s.own, read: true, text: text}
				} else {
					delete(sc.shortcodes, name) // a theme's of fixed text, which the site's replaces
				}
				continue
			}
			s = shortcode{own: s.own, read: true, text: text}
			// An <img>, or a <figure> of a partial's picture (Congo's
			// screenshot), of its src.
			pictured := bytes.Contains(data, []byte("<img")) || bytes.Contains(data, []byte("<figure")) && !mediaRE.Match(data)
			s.figure = pictured && figureSrcRE.Match(data)
			for _, el := range []string{"video", "audio"} {
				if !s.figure && bytes.Contains(data, []byte("<"+el)) && figureSrcRE.Match(data) {
					s.media = el
					if c := captionParamRE.FindSubmatch(data); c != nil {
						s.caption = cmp.Or(string(c[1]), string(c[2]))
					}
					break
				}
			}
			if !bytes.Contains(data, []byte(".Inner")) {
				s.embed = embedTemplate(data)
			}
			s.inner = bytes.Contains(data, []byte(".Inner"))
			s.quote = bytes.Contains(data, []byte("<blockquote")) && s.inner
			s.cites = s.quote && bytes.Contains(data, []byte("<cite"))
			// The first parameter, or a variable that holds it:
			// {{ $type := .Get 0 }} … class="notice {{ $type }}".
			classed := getZero(data)
			s.quoteKind = s.quote && quoteClassRE.Match(classed)
			if kind := noteTemplate(data); s.inner && !s.quote && kind != "" {
				s.quote, s.note = true, kind
			} else if s.inner && !s.quote && divClassParamRE.Match(classed) {
				// <div class="alert alert-{{ .Get 0 }}">: Wowchemy's
				// callout, whose first parameter is a note's kind.
				s.quote, s.quoteKind = true, true
			} else if k := classAlert(name); s.inner && !s.quote && k != "" && noteBlockRE.Match(data) {
				// Named for a note ("note", "warning") and a block of
				// its inside (digital.gov's note, <article
				// class="dg-note">): the alert of its name.
				s.quote, s.note = true, k
			}
			if m := kindDefaultRE.FindSubmatch(data); s.quoteKind && m != nil {
				s.kindDefault = string(m[1]) + string(m[2])
			}
			s.noteTitle = (s.quoteKind || s.note != "") && !s.cites && noteTitleRE.Match(data)
			if m := iconAlertRE.FindSubmatch(data); s.inner && !s.quote && m != nil {
				s.iconAlert = string(m[1])
			}
			s.link = s.inner && linkHrefRE.Match(data)
			if !s.inner {
				s.textParam, s.hrefParam = paramLink(data)
			}
			s.bare = bareInnerRE.Match(data)
			if m := inlineTagRE.FindSubmatch(data); m != nil && string(m[1]) == string(m[2]) {
				s.inlineTag = string(m[1])
			} else if highlightSpanRE.Match(data) {
				s.inlineTag = "mark" // a highlighter's colour: marked text
			}
			s.script = s.inner && bytes.Contains(data, []byte("<script")) && innerJSRE.Match(data)
			// A fold: a <details>, or learn's expand or an element of a
			// collapsible's class, a label that a script shows the
			// inside under when clicked.
			s.details = (bytes.Contains(data, []byte("<details")) || bytes.Contains(data, []byte("expand-label")) || collapsibleRE.Match(data)) && s.inner
			s.math = s.inner && bytes.Contains(data, []byte(`\\(`))
			// A block of code: an inline one (hl_inline) is left.
			s.code = s.inner && highlightRE.Match(data) && !bytes.Contains(data, []byte("hl_inline"))
			s.codeLang = s.code && codeLangRE.Match(data)
			if m := langPosRE.FindSubmatch(data); m != nil && s.codeLang {
				n, _ := strconv.Atoi(string(m[2]))
				s.langPos, s.langLower = n+1, len(m[1]) > 0
			}
			s.include = includeRE.Match(data) && (bytes.Contains(data, []byte(".RenderShortcodes")) || bytes.Contains(data, []byte(".Content")))
			s.serverOnly = serverOnlyTemplate(data)
			s.wrapper = s.inner && !s.bare && !s.quote && !s.details && !s.code && !s.math && !s.link && !s.script &&
				!s.figure && s.media == "" && s.inlineTag == "" && s.iconAlert == "" && !s.include && wrapperTemplate(data)
			sc.shortcodes[name] = s
		}
	}
}

// serverActionRE matches a template action, its inside the first group.
var serverActionRE = regexp.MustCompile(`\{\{-?\s*((?:[^}]|\}[^}])*?)\s*-?\}\}`)

// templateCommentRE matches a comment of a Go template, {{/* … */}}.
var templateCommentRE = regexp.MustCompile(`\{\{-?\s*/\*(?s:.*?)\*/\s*-?\}\}`)

// serverOnlyTemplate reports whether the shortcode template data is, but
// for comments and white space, one {{ if hugo.IsServer }} (or
// .Site.IsServer, site.IsServer) with no else, whose end is its last
// action: a template that shows nothing in a published site.
func serverOnlyTemplate(data []byte) bool {
	text := bytes.TrimSpace(templateCommentRE.ReplaceAll(data, nil))
	acts := serverActionRE.FindAllSubmatchIndex(text, -1)
	if len(acts) < 2 || acts[0][0] != 0 || acts[len(acts)-1][1] != len(text) {
		return false
	}
	switch f := strings.Fields(string(text[acts[0][2]:acts[0][3]])); {
	case len(f) != 2 || f[0] != "if":
		return false
	case f[1] != "hugo.IsServer" && f[1] != ".Site.IsServer" && f[1] != "site.IsServer" && f[1] != "$.Site.IsServer":
		return false
	}
	depth := 0
	for k, a := range acts {
		word, _, _ := strings.Cut(strings.TrimSpace(string(text[a[2]:a[3]])), " ")
		switch word {
		case "if", "with", "range", "block", "define":
			depth++
		case "end":
			depth--
		case "else":
			if depth == 1 {
				return false
			}
		}
		if depth == 0 && k != len(acts)-1 {
			return false
		}
	}
	return depth == 0
}

// wrapperTemplate reports whether the shortcode template data, used
// without parameters, lays out its inside and does nothing else: divs
// (and a style sheet's link), one of a class of a layout (a gallery, a
// grid, columns), around its inside, and no text of its own, no output
// it computes between elements. Such is hugo-easy-gallery's gallery,
// <div class="gallery …">{{ .Inner }}</div> around the figures inside
// it, which are the same one after another. A box or a note of its
// inside (<aside>, <div class="box">) is no layout: it sets its inside
// apart, as the inside alone does not. What a branch of a parameter,
// {{ with .Get "dir" }} or {{ if .Get "title" }}, shows up to its else is
// not shown by such a use, and is left out; so are assignments and the
// page's scratch pad, which show nothing. The template is read by
// text/template's parser, as Hugo reads it; one it cannot read is none.
func wrapperTemplate(data []byte) bool {
	tree := parse.New("shortcode")
	tree.Mode = parse.SkipFuncCheck // Hugo's functions, which text/template does not know
	if _, err := tree.Parse(string(data), "{{", "}}", map[string]*parse.Tree{}); err != nil {
		return false
	}
	var shown []byte
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c)
				}
			}
		case *parse.TextNode:
			shown = append(shown, n.Text...)
		case *parse.ActionNode:
			switch {
			case len(n.Pipe.Decl) > 0 || silentActionRE.MatchString(n.Pipe.String()):
			case innerActionRE.MatchString(n.Pipe.String()):
				shown = append(shown, 0)
			default:
				shown = append(shown, 1) // output of its own
			}
		case *parse.IfNode:
			walkBranch(n.BranchNode, walk)
		case *parse.WithNode:
			walkBranch(n.BranchNode, walk)
		case *parse.RangeNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.CommentNode:
		default:
			shown = append(shown, 1) // a template it calls, a block
		}
	}
	walk(tree.Root)
	shown = commentRE.ReplaceAll(shown, nil)
	if showsElementRE.Match(shown) || !layoutClassRE.Match(shown) {
		return false
	}
	for _, m := range elementRE.FindAllSubmatch(shown, -1) {
		if e := strings.ToLower(string(m[1])); e != "div" && e != "link" {
			return false
		}
	}
	rest := bytes.TrimSpace(tagRE.ReplaceAll(shown, nil))
	return bytes.IndexByte(rest, 0) >= 0 && len(bytes.Trim(rest, "\x00 \t\r\n")) == 0
}

// walkBranch walks what an if or a with of a shortcode's template shows
// to a use without parameters: its else alone when its condition is a
// parameter ({{ with .Get "dir" }}), which such a use does not give, and
// both branches otherwise.
func walkBranch(b parse.BranchNode, walk func(parse.Node)) {
	if !paramCondRE.MatchString(b.Pipe.String()) {
		walk(b.List)
	}
	if b.ElseList != nil {
		walk(b.ElseList)
	}
}

var (
	// paramCondRE matches the condition of an if or a with that is a
	// parameter of the shortcode: .Get "dir", (.Get 0), $.Get "x" | …
	paramCondRE = regexp.MustCompile(`^\(?\$?\.Get\b`)
	// silentActionRE matches a template action that shows nothing: an
	// assignment, a call of the page's scratch pad or of a scratch.
	silentActionRE = regexp.MustCompile(`^(?:\$\w*\s*:?=|\$?\.?(?:Page\.)?Scratch\.(?:Set|Add|SetInMap|Delete)\b|\$\w+\.(?:Set|Add|SetInMap|Delete)\b)`)
	// innerActionRE matches an action that shows the shortcode's
	// inside: .Inner, $.Inner | markdownify.
	innerActionRE = regexp.MustCompile(`^\$?\.Inner\b`)
	// showsElementRE matches an element that shows something without
	// text of its own, or runs.
	showsElementRE = regexp.MustCompile(`(?i)<(?:img|svg|picture|video|audio|iframe|canvas|object|embed|script|style|input|button|select|textarea)\b`)
	// layoutClassRE matches a class attribute that names a layout.
	layoutClassRE = regexp.MustCompile(`(?i)\bclass\s*=\s*["']?[^"'>]*\b(?:gallery|grid|row|columns?|masonry)\b`)
	// elementRE matches an HTML start or end tag, its name in the first
	// group.
	elementRE = regexp.MustCompile(`</?([A-Za-z][A-Za-z0-9-]*)`)
)

// shortcodeFiles returns the paths, from dir, of the shortcode templates
// in dir and its folders, in order; a folder deeper than maxShortcodeDepth
// is not read.
func shortcodeFiles(src fs.FS, dir string) []string {
	var files []string
	var walk func(rel string, depth int)
	walk = func(rel string, depth int) {
		entries, _ := fs.ReadDir(src, path.Join(dir, rel))
		for _, e := range entries {
			name := path.Join(rel, e.Name())
			switch {
			case e.IsDir() && depth < maxShortcodeDepth:
				walk(name, depth+1)
			case !e.IsDir() && strings.HasSuffix(name, ".html"):
				files = append(files, name)
			}
		}
	}
	walk("", 0)
	return files
}

// maxShortcodeDepth bounds the folders of folders of shortcode templates
// that are read.
const maxShortcodeDepth = 4

// quoteClassRE finds, in a quote shortcode's template, a class made of
// its first parameter, the kind of a note: hugo-book's hint,
// "class" (slice "book-hint" (or (.Get 0) "default")).
var quoteClassRE = regexp.MustCompile(`class[^\n]*\.Get\s+0\b`)

// kindDefaultRE finds, in a shortcode's template, the default of its
// first parameter: .Get 0 | default "info", or default "info" (.Get 0).
var kindDefaultRE = regexp.MustCompile(`\.Get\s+0\s*\|\s*default\s+"([\w-]+)"|default\s+"([\w-]+)"\s+\(?\s*\.Get\s+0\b`)

// noteTitleRE finds, in a note shortcode's template, its second
// parameter or its title one, which it shows as the note's title.
var noteTitleRE = regexp.MustCompile(`\.Get\s+(?:1\b|"title")`)

// getZeroVarRE finds, in a shortcode's template, a variable given its
// first parameter: {{ $type := .Get 0 }}.
var getZeroVarRE = regexp.MustCompile(`\$(\w+)\s*:?=\s*\(?\s*\.Get\s+0\b`)

// getZero returns the template data with each variable that holds the
// first parameter written as .Get 0, as quoteClassRE and divClassParamRE
// look for it.
func getZero(data []byte) []byte {
	for _, m := range getZeroVarRE.FindAllSubmatch(data, -1) {
		data = regexp.MustCompile(`\$`+string(m[1])+`\b`).ReplaceAllLiteral(data, []byte(".Get 0"))
	}
	return data
}

// iconAlertRE finds, in a shortcode's template, a warning sign as the
// default of its icon: default "triangle-exclamation".
var iconAlertRE = regexp.MustCompile(`default\s+"([\w-]*exclamation[\w-]*)"`)

// linkHrefRE finds, in a shortcode's template, a link to its href
// parameter: <a class="…" {{ with .Get "href" }}href="{{ . }}"{{ end }}.
var linkHrefRE = regexp.MustCompile(`<a\b[^>]*\.Get\s+"href"`)

// paramLinkRE matches, in a shortcode's template, a link whose text is
// a parameter or a variable, its attributes in the first group and what
// it shows in the second: <a href="{{ .Get "url" }}">{{ .Get "title" }}</a>,
// <a href='{{ $link }}'>{{ $text }}</a>.
var paramLinkRE = regexp.MustCompile(`<a\b([^>]*)>\s*\{\{-?\s*((?:\.Get\s+(?:"\w+"|\d)|\$\w+)(?:\s*\|\s*(?:markdownify|htmlEscape|safeHTML|plainify))*)\s*-?\}\}\s*</a>`)

// hrefParamRE finds the address of a link among its attributes: a
// parameter or a variable.
var hrefParamRE = regexp.MustCompile(`href=["']\{\{-?\s*(\.Get\s+(?:"\w+"|\d)|\$\w+)(?:\s*\|\s*\w+)*\s*-?\}\}["']`)

// paramLink returns the parameters of a shortcode whose template data is
// one link that shows a parameter, its text and its address (see
// shortcode.textParam), or "" for its text when it is none. A variable
// stands for the parameter it is set to ({{ $text := .Get "text" }}).
func paramLink(data []byte) (text, href string) {
	ms := paramLinkRE.FindAllSubmatch(data, -1)
	if len(ms) != 1 {
		return "", ""
	}
	param := func(expr string) string {
		expr = strings.TrimSpace(expr)
		if v, ok := strings.CutPrefix(expr, "$"); ok {
			set := paramVarRE.FindAllSubmatch(data, -1)
			i := slices.IndexFunc(set, func(m [][]byte) bool { return string(m[1]) == v })
			if i < 0 {
				return ""
			}
			expr = ".Get " + string(set[i][2])
		}
		p, _ := strings.CutPrefix(expr, ".Get")
		return strings.Trim(strings.Fields(p)[0], `"`)
	}
	text = param(strings.SplitN(string(ms[0][2]), "|", 2)[0])
	if m := hrefParamRE.FindSubmatch(ms[0][1]); m != nil && text != "" {
		href = param(string(m[1]))
	}
	return text, href
}

// embedTemplate returns the address of the <iframe> that a shortcode's
// template, data, is, with nothing else but a <style> and <div>s around
// it (a container that keeps its shape): an address on another site,
// "//jsfiddle.net/{{ .Get 0 }}/embedded/", or one a parameter gives,
// "{{ index .Params 0 }}/embed"; "" when data is no such template.
func embedTemplate(data []byte) string {
	t := bytes.TrimSpace(styleElementRE.ReplaceAll(data, nil))
	for {
		m := wrapperDivRE.FindSubmatch(t)
		if m == nil {
			break
		}
		t = bytes.TrimSpace(m[1])
	}
	m := iframeEmbedRE.FindSubmatch(t)
	if m == nil {
		return ""
	}
	return string(m[1]) + string(m[2])
}

var (
	// styleElementRE matches a <style> element.
	styleElementRE = regexp.MustCompile(`(?s)<style\b[^>]*>.*?</style>`)
	// wrapperDivRE matches a <div> around all the rest, the rest in
	// its first group.
	wrapperDivRE = regexp.MustCompile(`(?s)^<div\b[^>]*>(.*)</div>$`)
	// iframeEmbedRE matches one <iframe> and nothing else, its address
	// in the first group (between double quotes) or the second (single
	// ones): on another site, or starting with a parameter.
	iframeEmbedRE = regexp.MustCompile(`^<iframe\b[^>]*?\ssrc\s*=\s*(?:"((?:(?:https:)?//[a-z0-9.-]+\.[a-z]{2,}/|\{\{)(?:[^"{]|\{\{(?:[^}]|\}[^}])*\}\})*)"|'((?:(?:https:)?//[a-z0-9.-]+\.[a-z]{2,}/|\{\{)(?:[^'{]|\{\{(?:[^}]|\}[^}])*\}\})*)')[^>]*>\s*</iframe>$`)
)

// noteBlockRE finds, in a shortcode's template, a block element of a
// class, which may hold a note: <article class="dg-note">.
var noteBlockRE = regexp.MustCompile(`<(?:div|aside|section|article)\b[^>]*\bclass\s*=`)

// collapsibleRE finds, in a shortcode's template, an element of a
// collapsible's class, which a script opens and closes (keda-docs'
// <div class="card is-collapsible" x-data="{ open: false }">): a fold.
var collapsibleRE = regexp.MustCompile(`\bclass\s*=\s*"[^"]*\b(?:is-)?collapsible\b`)

// bareInnerRE matches a shortcode's template that is its inside and
// nothing else: {{ .Inner }}, {{- .Inner | safeHTML -}}.
var bareInnerRE = regexp.MustCompile(`^\s*\{\{-?\s*\.Inner\s*(?:\|\s*safeHTML\s*)?-?\}\}\s*$`)

// emojifyRE matches a shortcode's template that is one emoji by its
// short name and nothing else, {{ emojify ":x:" }}: the name in its first
// group.
var emojifyRE = regexp.MustCompile(`^\s*\{\{-?\s*emojify\s+"(?:\s*):([a-z0-9_+-]+):(?:\s*)"\s*-?\}\}\s*$`)

// highlightSpanRE matches a shortcode's template that is one <span> of
// a highlighter's class around its inside and nothing else:
// Tranquilpeak's hl-text, <span class="highlight-text {{ .Get 0 }}">{{ .Inner }}</span>.
var highlightSpanRE = regexp.MustCompile(`^\s*<span\s+class\s*=\s*"[^"]*\bhighlight(?:-text|er)?\b[^"]*">\{\{-?\s*\.Inner\s*(?:\|\s*(?:markdownify|emojify)\s*)*-?\}\}</span>\s*$`)

// inlineTagRE matches a shortcode's template that is one inline element
// around its inside and nothing else: <mark>{{ .Inner | markdownify }}</mark>.
var inlineTagRE = regexp.MustCompile(`^\s*<(mark|kbd|sub|sup|small|ins|del|s|u)>\{\{-?\s*\.Inner\s*(?:\|\s*(?:markdownify|emojify)\s*)*-?\}\}</(\w+)>\s*$`)

// innerJSRE finds, in a shortcode's template, its inside given to a
// script as code: .Inner | safeJS.
var innerJSRE = regexp.MustCompile(`\.Inner\s*\|\s*safeJS`)

// divClassParamRE finds, in a shortcode's template, a block element
// whose class is made of its first parameter, or of all its parameters
// (Tranquilpeak's alert, class="alert {{ range .Params }}{{ . }} {{ end }}").
var divClassParamRE = regexp.MustCompile(`<(?:div|aside|section)\b[^>]*\bclass\s*=\s*"[^"]*(?:\.Get\s+0\b|range\s+\.Params\b)`)

// noteClassRE finds, in a shortcode's template, a block element with a
// class written out: <div class="note">.
var noteClassRE = regexp.MustCompile(`<(?:div|aside|section)\b[^>]*\bclass\s*=\s*"([^"{}]*)"`)

// paramVarRE matches, in a shortcode's template, a variable set to a
// parameter, its name in the first group and the parameter in the
// second: {{ $text := .Get "text" }}, {{ $u := (.Get 0) }}.
var paramVarRE = regexp.MustCompile(`\$(\w+)\s*:=\s*\(?\s*\.Get\s+("\w+"|\d)\s*\)?\s*-?\}\}`)

// partialNoteRE finds, in a shortcode's template, a partial given the
// kind of a note: {{ partial "admonition.html" (dict "type" "info"
// "content" .Inner) }} (vitess's info and warning).
var partialNoteRE = regexp.MustCompile(`partial\s+"[^"]+"\s*\(\s*dict\b[^)]*?"(?:type|kind|class)"\s+"([\w -]+)"`)

// noteTemplate returns the alert nearest the note a shortcode's
// template, data, makes of its inside: the gravest kind of the classes
// of its first block element (<div class="note"> a NOTE, <aside
// class="callout warning"> a WARNING), or of the kind it gives a partial
// (see partialNoteRE), or "" when they name none.
func noteTemplate(data []byte) string {
	m := noteClassRE.FindSubmatch(data)
	if m == nil {
		m = partialNoteRE.FindSubmatch(data)
	}
	if m == nil {
		return ""
	}
	best := -1
	for class := range strings.FieldsSeq(string(m[1])) {
		best = max(best, slices.Index(alertClasses, strings.ToLower(class)))
	}
	if best < 0 {
		return ""
	}
	return alertKinds[best]
}

// includeRE finds, in a shortcode's template, the page its first or path
// parameter names: site.GetPage (.Get 0), with .Get 0 read before.
var includeRE = regexp.MustCompile(`GetPage\b[^\n]*\.Get\s+(?:0\b|"path")|\.Get\s+(?:0\b|"path")[\s\S]*GetPage\s+\.`)

// configName returns the name of the config file Hugo reads in src, or
// "" when there is none.
func configName(src fs.FS) string {
	for _, name := range hugoConfigs {
		if _, err := fs.Stat(src, name); err == nil {
			return name
		}
	}
	return ""
}

// hugoConfigFiles returns the names of the config files of a Hugo site
// in src: the one configName finds, and those of config/_default and
// config/production.
func hugoConfigFiles(src fs.FS) []string {
	names := []string{configName(src)}
	for _, dir := range []string{"config/_default", "config/production"} {
		entries, _ := fs.ReadDir(src, dir)
		for _, e := range entries {
			if !e.IsDir() {
				names = append(names, dir+"/"+e.Name())
			}
		}
	}
	return names
}

// hugoWalk is one content folder of a Hugo site: the default
// language's, or another language's contentDir.
type hugoWalk struct {
	dir   string      // "content", "content/no"
	lang  string      // "" for the default language
	files *fileFilter // the files of dir its mount holds, nil for all
	// under is the folder of content/ a module mount puts the files
	// of dir in ("docs" for source = "docs", target = "content/docs"),
	// or "".
	under string
}

// mountWalks returns walks, the content folders of a Hugo site, with
// those of its other module mounts into content/ (the main one's is
// contentDir, the first of walks): each of its languages, if it names
// one, and at its target. What is not a folder of the site (one file, a
// folder outside the site's) is left out with a note at the config,
// confName.
func (im *importer) mountWalks(conf map[string]any, confName string, ml multilingual, walks []hugoWalk) []hugoWalk {
	mounts := contentMounts(conf)
	main := mainMount(mounts, ml.def)
	for k, m := range mounts {
		if k == main {
			continue
		}
		target := path.Join("content", m.target)
		lang := ""
		if len(m.langs) > 0 && !slices.Contains(m.langs, ml.def) {
			lang = m.langs[0]
			if len(m.langs) > 1 {
				im.done(diag.Pos{Path: confName}, "module mount %s (to %s) for the languages %s: its pages imported as %s only", m.source, target, strings.Join(m.langs, ", "), lang)
			}
		}
		dir := path.Clean(m.source)
		if !fs.ValidPath(dir) {
			im.note(diag.Pos{Path: confName}, "module mount %s (to %s): outside the site's folder: not imported", m.source, target)
			continue
		}
		if info, err := fs.Stat(im.src, dir); err != nil || !info.IsDir() {
			im.note(diag.Pos{Path: confName}, "module mount %s (to %s): not a folder of the site: not imported", m.source, target)
			continue
		}
		if slices.ContainsFunc(walks, func(w hugoWalk) bool { return w.dir == dir }) {
			continue // a language's contentDir too
		}
		walks = append(walks, hugoWalk{dir: dir, lang: lang, under: m.target, files: m.files})
		if lang != "" {
			im.done(diag.Pos{Path: confName}, "module mount %s (to %s): its pages imported as language %s", m.source, target, lang)
		} else if m.target != "" {
			im.done(diag.Pos{Path: confName}, "module mount %s: its pages imported under %s", m.source, target)
		}
	}
	return walks
}

// multilingual is what the importer reads of a Hugo site's languages.
type multilingual struct {
	def      string            // the default language, "en"
	codes    []string          // the languages of the config, sorted
	dirs     map[string]string // each language's contentDir, cleaned, or ""
	inSubdir bool              // defaultContentLanguageInSubdir
	own      map[string]any    // each language's own permalinks table, if it has one
	hosts    map[string]string // each language's own baseURL (a multihost site), if any has one
	tags     map[string]string // each language's locale or languageCode, if it has one
	titles   map[string]string // each language's own title, if it has one
}

// hugoLanguages reads the languages of a Hugo config.
func hugoLanguages(conf map[string]any) multilingual {
	ml := multilingual{def: strings.ToLower(cmp.Or(lookupString(conf, "defaultcontentlanguage"), "en")), dirs: map[string]string{}, own: map[string]any{}}
	ml.inSubdir, _ = lookup(conf, "defaultcontentlanguageinsubdir").(bool)
	langs, _ := lookup(conf, "languages").(map[string]any)
	for code := range langs {
		ml.codes = append(ml.codes, code)
		if d := lookupString(langs, code+".contentdir"); d != "" {
			ml.dirs[code] = path.Clean(d)
		}
		if pl := lookup(langs, code+".permalinks"); pl != nil {
			ml.own[code] = pl
		}
		if u := lookupString(langs, code+".baseurl"); u != "" {
			put(&ml.hosts, code, u)
		}
		if t := cmp.Or(lookupString(langs, code+".locale"), lookupString(langs, code+".languagecode")); t != "" {
			put(&ml.tags, code, t)
		}
		if t := lookupString(langs, code+".title"); t != "" {
			put(&ml.titles, code, t)
		}
	}
	slices.Sort(ml.codes)
	return ml
}

// permalinks returns the permalink patterns of the language code: the
// site's, each replaced by the one the language's own config gives for
// its section ([languages.en.permalinks] blog = "/:year/:month/:slug/").
func (ml multilingual) permalinks(code string, site map[string]string) map[string]string {
	own, ok := ml.own[code]
	if !ok {
		return site
	}
	return readPermalinks(maps.Clone(site), own)
}

// readPermalinks adds to dst the patterns of a Hugo permalinks table,
// v, by section: the table itself, or its page table (Hugo's
// [permalinks.page]) and its section table ([permalinks.section]), each
// pattern of which is at its section's name after sectionPermalink, and
// returns dst.
func readPermalinks(dst map[string]string, v any) map[string]string {
	pl, _ := v.(map[string]any)
	page, ok1 := pl["page"].(map[string]any)
	section, ok2 := pl["section"].(map[string]any)
	if ok1 || ok2 {
		pl = page
	}
	for prefix, table := range map[string]map[string]any{"": pl, sectionPermalink: section} {
		for k, v := range table {
			if s, ok := v.(string); ok {
				dst[prefix+k] = s
			}
		}
	}
	return dst
}

// sectionPermalink is put before a section's name for the pattern of its
// section pages among the patterns of its pages (see readPermalinks): a
// character no name of a folder in a config holds.
const sectionPermalink = "\x00section:"

// langCodeRE matches a language code a file name may end with when the
// config lists no languages: "fr", "pt-br".
var langCodeRE = regexp.MustCompile(`^[a-z]{2}(-[a-z]{2})?$`)

// fileLang returns the language a file name ends with, "post.fr.md"
// giving "fr" and "post.md", when it is one the config lists (or looks
// like one, when it lists none).
func (ml multilingual) fileLang(rel string) (string, string) {
	ext := path.Ext(rel)
	base := strings.TrimSuffix(path.Base(rel), ext)
	k := strings.LastIndexByte(base, '.')
	if k <= 0 {
		return "", rel
	}
	code := strings.ToLower(base[k+1:])
	if len(ml.codes) > 0 && !slices.Contains(ml.codes, code) || len(ml.codes) == 0 && !langCodeRE.MatchString(code) {
		return "", rel
	}
	return code, path.Join(path.Dir(rel), base[:k]+ext)
}

// hugoWalk imports the pages and files of the content folder w. A page
// of a language other than the default goes under a folder of its
// code, "content/es/posts/p/index.md", as its old address went under
// "/es/": a page of another language's contentDir, or a translation by
// file name ("index.es.md").
func (im *importer) hugoWalk(w hugoWalk, walks []hugoWalk, ml multilingual, count map[string]int) error {
	firstIndex := map[string]string{} // by folder and stem: the page file read first
	// Whether each folder is a leaf bundle of Hugo's, holding a page
	// named index (index.md, index.es.md, index.html), whose resources
	// its other files are; read once: read for each of its files, a
	// folder of 5,000 posts took 56 s to import.
	leaf := map[string]bool{}
	isLeaf := func(dir string) bool {
		b, ok := leaf[dir]
		if !ok {
			entries, _ := fs.ReadDir(im.src, dir)
			b = slices.ContainsFunc(entries, func(e fs.DirEntry) bool {
				n := e.Name()
				return !e.IsDir() && strings.HasPrefix(n, "index.") && (markdownExt(n) || path.Ext(n) == ".html")
			})
			leaf[dir] = b
		}
		return b
	}
	// isBranch reports whether the folder dir of content/ (as a page's
	// rel names it) has an _index file, a section's page: Hugo's :sections
	// of a page are those of the nearest such folder above it. A folder
	// outside this walk's (a module mount's) is taken as one, as before.
	branch := map[string]bool{}
	isBranch := func(dir string) bool {
		if w.under != "" && dir != w.under && !strings.HasPrefix(dir, w.under+"/") {
			return true
		}
		b, ok := branch[dir]
		if !ok {
			entries, _ := fs.ReadDir(im.src, path.Join(w.dir, strings.TrimPrefix(strings.TrimPrefix(dir, w.under), "/")))
			b = slices.ContainsFunc(entries, func(e fs.DirEntry) bool { return !e.IsDir() && strings.HasPrefix(e.Name(), "_index.") })
			branch[dir] = b
		}
		return b
	}
	return im.walkFiles(w.dir, func(p string, d fs.DirEntry) bool {
		// Hugo matches ignoreFiles against the file's absolute path; the
		// path from the site's folder, with a leading slash, stands in.
		return content.Hidden(d.Name()) || slices.ContainsFunc(im.conf.ignore, func(re *regexp.Regexp) bool { return re.MatchString("/" + p) }) ||
			!w.files.match(strings.TrimPrefix(p, w.dir), d.IsDir()) || // left out of its mount ("! _*")
			d.IsDir() && slices.ContainsFunc(walks, func(o hugoWalk) bool { return o.dir == p }) // another language's folder
	}, func(p string, d fs.DirEntry) error {
		rel := path.Join(w.under, strings.TrimPrefix(p, w.dir+"/"))
		folder := "content/"
		if w.lang != "" {
			folder += w.lang + "/"
		}
		// An HTML file is a page when it starts with front matter: its
		// text, read to tell, is the page's.
		var data []byte
		html := false
		if !markdownExt(p) {
			if path.Ext(p) == ".html" {
				if b, err := readFile(im.src, p); err == nil {
					n, _ := blankLead(b) // the blank lines Hugo skips before front matter
					_, _, _, _, html = splitFrontMatter(b[n:])
					data = b
				}
			}
			if !html {
				im.copyFile(p, folder+im.rawHTMLPath(p, folder, rel, data, isLeaf))
				return nil
			}
		}
		stem := strings.TrimSuffix(d.Name(), path.Ext(d.Name()))
		if markdownExt(p) && stem != "index" && stem != "_index" && !strings.HasPrefix(stem, "index.") && isLeaf(path.Dir(p)) {
			// A resource of a leaf bundle, which Hugo reads for the page
			// and publishes as no page of its own: its text stays.
			txt := strings.TrimSuffix(rel, path.Ext(rel)) + ".txt"
			im.done(diag.Pos{Path: p}, "a Markdown file of a page bundle, which Hugo publishes as no page: copied as %s", txt)
			im.copyFile(p, folder+txt)
			return nil
		}
		// Hugo reads the files of a bundle in order of name, as the walk
		// does, and publishes the first index file as the page
		// (blogdown's index.markdown and Quarto's index.md of one
		// post). Two pages of one folder and name (blogdown's
		// software.html and the software.md a Makefile rendered) are
		// one page at one address too, and would be one file of the
		// new site: the first is imported.
		key := path.Join(path.Dir(p), stem)
		if first, ok := firstIndex[key]; ok {
			if stem == "index" || stem == "_index" {
				im.done(diag.Pos{Path: p}, "%s, another index file of this page bundle, comes first by name, and Hugo published that one as the page: not imported", first)
			} else {
				im.done(diag.Pos{Path: p}, "%s, another page of this folder and name, comes first by name, and is the page published at their one address: not imported", first)
			}
			return nil
		}
		firstIndex[key] = d.Name()
		lang := w.lang
		if code, plain := ml.fileLang(rel); code != "" {
			lang, rel = code, plain
		}
		if lang == ml.def {
			lang = ""
		}
		// Another language's home page, at /es/, is a page at its
		// address, as a section's page is, below.
		if rel == "_index"+path.Ext(rel) && lang == "" {
			im.done(diag.Pos{Path: p}, "the home page's text is not imported: plotline makes the home page")
			return nil
		}
		if !html {
			var err error
			if data, err = readFile(im.src, p); err != nil {
				im.note(diag.Pos{Path: p}, "%s", sitefs.DescribeReadError(err))
				return nil
			}
		}
		if im.tooLargePage(p, data) {
			return nil
		}
		pg, ok := im.readPage(p, data)
		if !ok {
			// Hugo publishes a Markdown file without front matter as a
			// page, as it does one with.
			pg = &page{src: p, source: data, body: data}
		}
		pg.rel, pg.lang, pg.html = rel, lang, html
		if base := path.Base(rel); strings.TrimSuffix(base, path.Ext(base)) == "index" && pg.bool("headless") {
			// A headless bundle: Hugo publishes the files, which other
			// pages show, but no page; plotline publishes the files of
			// a folder without an index.md at their own addresses.
			im.done(diag.Pos{Path: p, Line: 1, Col: 1}, "headless: Hugo published no page for it, only its files: not imported as a page")
			return nil
		}
		if html {
			// Hugo publishes the HTML of a page written in HTML, as
			// blogdown writes R Markdown posts: so must plotline.
			im.conf.unsafe = true
		}
		pg.dest = path.Join("content", lang, strings.TrimSuffix(rel, path.Ext(rel))+".md")
		listPage := false
		if base := path.Base(rel); strings.TrimSuffix(base, path.Ext(base)) == "_index" {
			if top, _, _ := strings.Cut(rel, "/"); top == "tags" || top == "categories" {
				// A tag's page, or the page of all tags: plotline
				// makes those lists itself.
				listPage = true
				pg.taxonomy = true
			} else {
				// A section's page: a page at the section's address,
				// which links keep reaching.
				pg.dest = path.Join(path.Dir(pg.dest), "index.md")
				pg.section = true
				if parts := strings.Split(rel, "/"); len(parts) == 3 && im.conf.taxonomies[parts[0]] {
					// A term's page of another taxonomy than tags
					// (authors/ana-lima/): it lists the pages that
					// name the term, and is titled by it.
					pg.term = parts[0]
					if _, _, _, heading := leadingHeading(pg.body); pg.str("title") == "" && !heading {
						pg.title = parts[1] // for now: termTitles
						pg.termTitle = true
					}
				}
			}
		}
		// The files of its folder: beside it, or, for a translation by
		// file name, in the default language's folder.
		pg.filesDir = path.Dir(folder + rel)
		if d, ok := parseDate(pg.str("publishdate")); ok && pg.date.IsZero() {
			pg.date, pg.setDate = d, d // publishDate, read in any case
		}
		if f := cmp.Or(pg.field("draft"), pg.field("published")); pg.draft && im.conf.buildDrafts && f != nil {
			pg.draft = false
			im.done(f.pos, "a draft, which Hugo published, as the config sets buildDrafts: published (%s: left out)", f.key)
		}
		im.expiry(pg)
		top := diag.Pos{Path: p, Line: 1, Col: 1}
		switch {
		case listPage:
			im.done(top, "a page of the tags or categories (_index): plotline makes the lists of tags itself, and reads no such page: its text is written to %s, to move into an article", strings.TrimPrefix(pg.written(), "content/"))
		case strings.HasPrefix(pg.dest, "content/tags/") && !pg.draft:
			// A page of the folder of tags (_index.zh-CN.md, of a
			// language the config does not list), which Hugo published
			// under /tags/, where plotline lists a tag's pages.
			pg.draft = true
			im.done(top, "a page in the folder of tags, whose addresses plotline keeps for its lists of tags: imported as a draft, its text kept; move it to another folder to publish it")
		case pg.term != "":
			im.done(top, "a term's page of the taxonomy %s (_index): published at its address as a page, its text followed by a list of the pages of the term as they are now (new pages do not join it)", pg.term)
		case pg.section && pg.unrendered(): // made a draft by unrendered
		case pg.section && rel == "_index"+path.Ext(rel):
			im.done(top, "the home page of the language %s (_index): published at its address, /%s/, as a page, its text followed by a list of the language's pages as they are now (new pages do not join it), as plotline makes one home page", lang, lang)
			if t := cmp.Or(ml.titles[lang], im.conf.title); pg.title == "" && t != "" {
				// Hugo heads it with the language's title, not ".".
				pg.title = t
				im.done(top, "no title: titled %q, the title of the language's site", t)
			}
		case pg.section:
			im.done(top, "a section page (_index): published at its address as a page, its text followed by a list of the section's pages as they are now (new pages do not join it)")
		}
		if !listPage {
			im.fillIn(pg)
		}
		slug := pg.slug
		if name := path.Base(strings.TrimSuffix(strings.TrimSuffix(rel, path.Ext(rel)), "/index")); slug == "" && im.conf.nameSlugs && !pg.section {
			// Hugo took the date from the name, and the rest for a slug.
			if _, rest, prefixed, err := fileDate(name); prefixed && err == nil {
				pg.slug = rest
			}
		}
		pg.oldURL = hugoURL(pg, rel, ml.permalinks(cmp.Or(lang, ml.def), im.conf.permalinks), im.conf.paths, isBranch)
		pg.slug = slug
		switch {
		case lang != "":
			pg.oldURL = "/" + lang + pg.oldURL
		case ml.inSubdir && len(ml.codes) > 0 && len(ml.hosts) == 0:
			// On a multihost site, each language is at the root of its
			// host, the default one too.
			pg.oldURL = "/" + ml.def + pg.oldURL
		}
		if slug := im.conf.paths.path(pg.slug); slug != pg.slug && (strings.ContainsFunc(pg.slug, unicode.IsSpace) || slug == strings.ToLower(pg.slug)) {
			// Hugo made "internal functions" internal-functions in the
			// address, and "Hugo常用配置" hugo常用配置; plotline would keep
			// the space and the capital.
			for _, fl := range pg.fields {
				if pg.is(fl.key, "slug") {
					im.done(fl.pos, "slug %q: written %s, as Hugo made it in the page's address", pg.slug, slug)
				}
			}
			pg.slug = slug
		}
		im.previewImage(pg, p)
		pg.newURL = newURL(pg.dest, pg.slug)
		if section, _, found := strings.Cut(rel, "/"); found && !strings.HasPrefix(path.Base(rel), "_index.") {
			pg.cats = []string{section}
			count[section]++
		}
		im.pages = append(im.pages, pg)
		return nil
	})
}

// previewExts are the kinds of image plotline takes as a page's preview.
var previewExts = []string{".png", ".jpg", ".jpeg", ".gif", ".webp"}

// previewImage sets the preview image of the Hugo page p, at src, a
// bundle's index, from the theme's own way of naming it: PaperMod's
// cover.image when that is a file of the bundle, else Hugo Blox's
// (Wowchemy's) featured file of the bundle (featured.png). A page's own
// image: that names an image of the bundle (Stack's cover) is its preview
// as it is; one that names anything else stays, under params.
func (im *importer) previewImage(p *page, src string) {
	if base := path.Base(src); p.lang != "" || !strings.HasPrefix(base, "index.") && !strings.HasPrefix(base, "_index.") {
		return // a translation's files may be in another folder
	}
	dir := path.Dir(src)
	isImage := func(name string) bool {
		return slices.Contains(previewExts, strings.ToLower(path.Ext(name)))
	}
	inBundle := func(img string) bool {
		if !isImage(img) || !fs.ValidPath(img) {
			return false
		}
		_, err := fs.Stat(im.src, path.Join(dir, img))
		return err == nil
	}
	if n := p.get("image"); n != nil && n.Kind == yaml.ScalarNode {
		if inBundle(n.Value) {
			p.preview = n.Value
		}
		return
	}
	if c := p.get("cover"); c != nil && c.Kind == yaml.MappingNode {
		for k, v := range yamlpos.Pairs(c) {
			if k.Value == "image" && inBundle(v.Value) {
				p.preview = v.Value
				im.done(p.fieldPos("cover"), "cover.image %s: the page's image:, its link preview", v.Value)
				return
			}
		}
	}
	entries, _ := fs.ReadDir(im.src, dir)
	for _, e := range entries {
		if name := e.Name(); strings.HasPrefix(name, "featured.") && isImage(name) && e.Type().IsRegular() {
			p.preview = name
			im.done(diag.Pos{Path: src, Line: 1, Col: 1}, "%s, the bundle's featured image: the page's image:, its link preview", name)
			return
		}
	}
}

// expiry reads the expiry date of the Hugo page p (expiryDate, or
// unpublishdate, in any case), after which Hugo leaves the page out of
// the site unless buildExpired is set. A page that has expired by the
// time of the import becomes a draft, which plotline does not publish
// either; plotline has no expiry, so one that has not says when it would
// have gone. Either way the date stays, under params.
func (im *importer) expiry(p *page) {
	for _, f := range p.fields {
		if !strings.EqualFold(f.key, "expiryDate") && !strings.EqualFold(f.key, "unpublishdate") {
			continue
		}
		s := ""
		if f.val.Kind == yaml.ScalarNode && f.val.ShortTag() != "!!null" {
			s = strings.TrimSpace(f.val.Value)
		}
		if s == "" {
			return // Hugo takes an empty date as none
		}
		t, ok := parseDate(s)
		switch {
		case !ok:
			im.note(f.pos, "%s %q not understood: the page is published, with no end", f.key, s)
		case im.conf.buildExpired:
		case t.Before(im.now):
			if !p.draft {
				p.draft = true
				im.done(f.pos, "%s %s has passed, so Hugo left the page out: imported as a draft", f.key, t.Format("2006-01-02"))
			}
		default:
			im.done(f.pos, "%s %s: plotline has no expiry date, so the page stays published after that day; make it a draft then", f.key, t.Format("2006-01-02"))
		}
		return
	}
}

// unrendered makes a draft of each Hugo page of which Hugo rendered no
// page, as its build options say (build: {render: never}): its own, or
// else those that the nearest section page above it that cascades
// build options with a render (a folder of snippets that a shortcode
// shows in other pages), or the page itself, cascades. Its text is
// kept, and not published.
func (im *importer) unrendered() {
	cascades := im.sections(func(p *page) bool { _, ok := p.cascadesRender(); return ok })
	for _, p := range im.pages {
		if p.draft {
			continue
		}
		pos := diag.Pos{Path: p.src, Line: 1, Col: 1}
		if never, ok := renderNever(p.get); ok {
			if never {
				p.draft = true
				v, _ := buildRender(p.get)
				im.done(pos, "build options render: %s: Hugo published no page of it: imported as a draft, its text kept", v)
			}
			continue
		}
		if s := nearest(cascades, p.lang, path.Dir(p.rel)); s != nil {
			if never, _ := s.cascadesRender(); never {
				p.draft = true
				from := "cascaded from " + s.src
				if s == p {
					from = "which it cascades to the pages below it"
				}
				v, _ := buildRender(func(key string) *yaml.Node { return child(s.get("cascade"), key) })
				im.done(pos, "build options render: %s, %s: Hugo published no page of it: imported as a draft, its text kept", v, from)
			}
		}
	}
}

// cascadedHeadless leaves out the page of each leaf bundle (index.md)
// that the nearest section page above it that cascades headless makes
// headless (cascade: {headless: true}), as Hugo Apéro's about page does
// its header, main and sidebar, whose front matter its template reads:
// Hugo published their files but no page, as of a bundle headless
// itself. A bundle's own headless wins.
func (im *importer) cascadedHeadless() {
	heads := im.sections(func(p *page) bool { return child(p.get("cascade"), "headless") != nil })
	if len(heads) == 0 {
		return
	}
	kept := im.pages[:0]
	for _, p := range im.pages {
		base := path.Base(p.rel)
		if strings.TrimSuffix(base, path.Ext(base)) == "index" && !p.has("headless") {
			if s := nearest(heads, p.lang, path.Dir(p.rel)); s != nil {
				if h, _ := strconv.ParseBool(child(s.get("cascade"), "headless").Value); h {
					// What the import noted of it as a page (no title,
					// no date) is moot.
					im.dropNotes(p.src)
					im.done(diag.Pos{Path: p.src, Line: 1, Col: 1}, "headless, cascaded from %s: Hugo published no page for it, only its files: not imported as a page", s.src)
					continue
				}
			}
		}
		kept = append(kept, p)
	}
	im.pages = kept
}

// sections returns the Hugo section pages (_index) for which has is
// true, by language and folder, for nearest.
func (im *importer) sections(has func(p *page) bool) map[string]*page {
	m := map[string]*page{}
	for _, p := range im.pages {
		if strings.HasPrefix(path.Base(p.rel), "_index.") && has(p) {
			m[p.lang+"|"+path.Dir(p.rel)] = p
		}
	}
	return m
}

// nearest returns the page of pages, by language and folder, of dir or
// the nearest folder above it, or nil.
func nearest(pages map[string]*page, lang, dir string) *page {
	for {
		if s, ok := pages[lang+"|"+dir]; ok {
			return s
		}
		if dir == "." || dir == "/" || dir == "" {
			return nil
		}
		dir = path.Dir(dir)
	}
}

// unrendered reports whether the Hugo section page p is rendered by no
// page, by its own build options or those it cascades.
func (p *page) unrendered() bool {
	if never, ok := renderNever(p.get); ok {
		return never
	}
	never, _ := p.cascadesRender()
	return never
}

// cascadesRender reports whether the Hugo page p cascades to itself and
// the pages below it build options by which Hugo renders no page, and
// whether it cascades a render at all.
func (p *page) cascadesRender() (never, ok bool) {
	c := p.get("cascade")
	return renderNever(func(key string) *yaml.Node { return child(c, key) })
}

// child returns the value of key in the mapping n, its case ignored, or
// nil.
func child(n *yaml.Node, key string) *yaml.Node {
	for k, v := range yamlpos.Pairs(n) {
		if strings.EqualFold(k.Value, key) {
			return v
		}
	}
	return nil
}

// renderNever reports whether the build options that get finds (build,
// or _build) say that Hugo renders no page (render: never, or false as
// Hugo before 0.65 wrote it), and whether they give a render at all.
// A render of link (Docsy's manualLink: a page that only leads
// elsewhere) gives the page an address but no page, as never does.
func renderNever(get func(key string) *yaml.Node) (never, ok bool) {
	v, ok := buildRender(get)
	return v == "never" || v == "false" || v == "link", ok
}

// buildRender returns the render of the build options that get finds,
// in lower case ("never"), and whether they give one.
func buildRender(get func(key string) *yaml.Node) (string, bool) {
	for _, key := range []string{"build", "_build"} {
		if r := child(get(key), "render"); r != nil && r.Kind == yaml.ScalarNode {
			return strings.ToLower(strings.TrimSpace(r.Value)), true
		}
	}
	return "", false
}

// noteLanguages says, for each language other than the default, how
// many of its pages were imported, from where and to where.
func (im *importer) noteLanguages(confName string, walks []hugoWalk) {
	byName := map[string]int{}
	byDir := map[string]int{}
	for _, p := range im.pages {
		if p.lang == "" {
			continue
		}
		if path.Dir(p.dest) == p.filesDir {
			byDir[p.lang]++
		} else {
			byName[p.lang]++
		}
	}
	say := func(code, how string, n int) {
		pages := plural(n, "page", "pages")
		if host := im.conf.hosts[code]; host != "" {
			// A multihost site: the language's old addresses were at the
			// root of its own host.
			im.done(diag.Pos{Path: confName}, "language %s: %d %s %s imported under /%s/, each with its lang:; its old addresses were on its own host, %s, and each has a redirect at the same path under /%s/: send that host's addresses there", code, n, pages, how, code, host, code)
			return
		}
		im.done(diag.Pos{Path: confName}, "language %s: %d %s %s imported under /%s/, each with its lang: and its old /%s/ address", code, n, pages, how, code, code)
	}
	dirs := map[string]string{}
	for _, w := range walks {
		dirs[w.lang] = w.dir
	}
	codes := append(slices.Collect(maps.Keys(byName)), slices.Collect(maps.Keys(byDir))...)
	slices.Sort(codes)
	for _, code := range slices.Compact(codes) {
		if n := byDir[code]; n > 0 {
			say(code, "of "+dirs[code], n)
		}
		if n := byName[code]; n > 0 {
			say(code, "translated by file name (x."+code+".md)", n)
		}
	}
}

// fillIn gives a page without a title or date one, with a note: the
// title from its file name, the date of its file.
func (im *importer) fillIn(p *page) {
	if title, at, rest, ok := leadingHeading(p.body); ok && !p.html && (p.title == "" || title == strings.TrimSpace(p.title) || im.conf.justTheDocs) {
		// The page starts with its title as a heading, which its
		// theme showed in the title's place (Just the Docs) or beside
		// it: plotline shows the title, so the heading would repeat it.
		if ial := bytes.TrimSpace(rest[:lineEnd(rest, 0)]); p.title != "" && bytes.HasPrefix(ial, []byte("{:")) && !bytes.HasPrefix(ial, []byte("{::")) && bytes.HasSuffix(ial, []byte("}")) {
			rest = rest[lineEnd(rest, 0):] // the heading's attribute list, {: .no_toc }
		}
		switch pos := diag.At(p.src, p.source, p.bodyOff+at); {
		case p.title == "":
			// The page's first line is its title, as a README's is: it
			// becomes the title, which the page shows above its text.
			im.done(pos, "no title: titled %q from its first line, a heading, which the page now shows as its title", title)
		case title == strings.TrimSpace(p.title):
			im.done(pos, "its first line, a heading, repeats its title: left out, as the page shows its title")
			title = p.title
		default:
			// Just the Docs showed title: only in its navigation: the
			// heading is the title readers saw, whatever title: says.
			im.done(pos, "its first line, a heading, is the title its theme showed on the page (title: %q only in the navigation): it is the page's title, and left out of its text", p.title)
		}
		p.title, p.bodyOff, p.body = title, p.bodyOff+len(p.body)-len(rest), rest
	}
	if p.title == "" {
		src := cmp.Or(p.rel, p.src)
		name := strings.TrimSuffix(path.Base(src), path.Ext(src))
		if name == "index" || name == "_index" {
			name = path.Base(path.Dir(src))
		}
		if _, rest, prefixed, err := im.nameDate(name); prefixed && err == nil {
			name = rest
		}
		t := cmp.Or(strings.TrimSpace(strings.NewReplacer("-", " ", "_", " ").Replace(name)), name)
		p.title = capitalize(t)
		how := "from the file name"
		if _, inColl := im.collectionOf(p.src); im.kind == Jekyll && (p.post || inColl) {
			// Jekyll titled a post or a collection's document so.
			p.title = titleizeSlug(name)
			how = "from the file name, as Jekyll titled it"
		}
		im.done(diag.Pos{Path: p.src, Line: 1, Col: 1}, "no title: titled %q %s", p.title, how)
	}
	if p.date.IsZero() {
		// A date the front matter gives but neither plotline nor the
		// importer reads, "2023-01-29 18:30:22 2023 -0800".
		var unread *field
		for i, f := range p.fields {
			if p.is(f.key, "date") && strings.TrimSpace(p.str("date")) != "" {
				unread = &p.fields[i]
			}
		}
		if d, ok := leadingDate(p.str("date")); ok && unread != nil && im.kind == Jekyll {
			// Ruby's lenient parser, which Jekyll dates a page with,
			// took the date the text starts with: "2017-09-27
			// (optional)" dated the post, and its address, 2017-09-27.
			p.date, p.setDate = d, d
			im.done(unread.pos, "date %q not understood: dated %s, the date it starts with, as Jekyll read it", p.str("date"), d.Format("2006-01-02"))
			return
		}
		if d, _, prefixed, err := im.nameDate(path.Base(cmp.Or(p.rel, p.src))); prefixed && err == nil {
			p.date = d
			if unread != nil {
				p.setDate = d
				im.done(unread.pos, "date %q not understood: dated %s, from the file name", p.str("date"), d.Format("2006-01-02"))
			}
			return
		}
		p.setDate = im.modDate(p.src)
		why := "the day the file was last changed"
		if k, n := p.updated(); n != nil {
			// The file's time is that of the copy; the page says when
			// it was last changed, and a date after it would read as
			// published after its update.
			if u, ok := parseDate(strings.TrimSpace(n.Value)); ok {
				if u = time.Date(u.Year(), u.Month(), u.Day(), 0, 0, 0, 0, time.UTC); u.Before(p.setDate) {
					p.setDate, why = u, "the day its "+k+": names"
				}
			}
		}
		p.date = p.setDate
		if unread != nil {
			im.done(unread.pos, "date %q not understood: dated %s, %s", p.str("date"), p.date.Format("2006-01-02"), why)
			return
		}
		im.done(diag.Pos{Path: p.src, Line: 1, Col: 1}, "no date: dated %s, %s", p.date.Format("2006-01-02"), why)
	}
}

// leadingDate returns the day a date that plotline does not read
// starts with, "2017-09-27 (optional)", and false when it starts with
// none: YYYY-MM-DD followed by a space or nothing.
func leadingDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 10 || len(s) > 10 && s[10] != ' ' {
		return time.Time{}, false
	}
	d, err := time.Parse("2006-01-02", s[:10])
	return d, err == nil
}

// leadingHeading returns the text of the level-one ATX heading that body
// starts with (after blank lines), "# A title", its offset, and the body
// after it; false when the body starts otherwise, or the heading has
// markup a plain title would show as written.
func leadingHeading(body []byte) (title string, at int, rest []byte, ok bool) {
	start := 0
	for start < len(body) && len(bytes.TrimSpace(body[start:lineEnd(body, start)])) == 0 {
		start = lineEnd(body, start)
	}
	line, after, _ := bytes.Cut(body[start:], []byte("\n"))
	text, ok := bytes.CutPrefix(bytes.TrimRight(line, " \t\r"), []byte("# "))
	if !ok {
		return "", 0, nil, false
	}
	text = bytes.TrimSpace(text)
	if closing := bytes.TrimRight(text, "#"); len(closing) < len(text) && (len(closing) == 0 || closing[len(closing)-1] == ' ') {
		text = bytes.TrimSpace(closing)
	}
	if len(text) == 0 || bytes.ContainsAny(text, "*_`[]<>\\{}&") {
		return "", 0, nil, false
	}
	return string(text), start, after, true
}

// sectionPages gives each top folder of the default language's content
// that holds pages, none of them an article, and has no _index.md, the
// page Hugo published at its address all the same, the list of its
// pages (/publications/): a section page titled by the folder's name.
// plotline answers at a folder of articles itself, with a redirect to
// the home page's list.
func (im *importer) sectionPages(contentDir string) {
	type section struct {
		pages    int
		articles bool
		newest   time.Time
		src      string // its folder in the source
	}
	sections := map[string]*section{}
	var names []string
	taken := map[string]bool{}
	for _, p := range im.pages {
		taken[p.dest] = true
		rest, ok := strings.CutPrefix(p.dest, "content/")
		top, _, deeper := strings.Cut(rest, "/")
		if !ok || !deeper || p.lang != "" || p.taxonomy || im.conf.taxonomies[top] || top == "tags" || top == "categories" {
			continue
		}
		s := sections[top]
		if s == nil {
			// The section's folder: the page's, up as many folders as
			// its path in content/ is deep (a module mount's folder
			// holds it under another name).
			s = &section{src: path.Join(contentDir, top)}
			if p.rel != "" {
				src := p.src
				for range strings.Count(p.rel, "/") - 1 {
					src = path.Dir(src)
				}
				s.src = path.Dir(src)
			}
			sections[top] = s
			names = append(names, top)
		}
		if !p.draft {
			s.pages++
		}
		s.articles = s.articles || p.post
		if p.date.After(s.newest) {
			s.newest = p.date
		}
	}
	slices.Sort(names)
	for _, name := range names {
		s := sections[name]
		dest := "content/" + name + "/index.md"
		if s.pages == 0 || s.articles || taken[dest] {
			continue
		}
		if _, ok := im.res.Files["content/"+name+"/index.html"]; ok {
			continue
		}
		title := capitalize(strings.TrimSpace(strings.NewReplacer("-", " ", "_", " ").Replace(name)))
		pg := &page{src: s.src, dest: dest, section: true, title: title, date: s.newest, setDate: s.newest}
		pg.oldURL = "/" + name + "/"
		if !im.conf.paths.keepCase {
			pg.oldURL = strings.ToLower(pg.oldURL)
		}
		pg.newURL = newURL(pg.dest, "")
		im.pages = append(im.pages, pg)
		im.done(diag.Pos{Path: pg.src}, "a section without _index.md, whose list of pages Hugo published at %s: a page there, titled %q, its text a list of the section's pages as they are now (new pages do not join it)", pg.oldURL, title)
	}
}

// listSections ends the body of each Hugo section page with a list of
// links to the pages of its section, drafts and pages dated after the
// import left out (Hugo, without buildFuture, published neither), as
// Hugo's section templates list them: in the order of weight (pages without one last),
// then newest first, then by title.
//
// The pages of each folder and term are found in one pass over the
// pages: each section looked at every page, and a term's page read
// every page's terms, so that 1,000 authors' pages over 4,000 posts
// took 14 s of CPU (53 s on the busy machine).
func (im *importer) listSections() {
	taxonomies := map[string]bool{}
	for _, s := range im.pages {
		if s.section && s.term != "" {
			taxonomies[s.term] = true
		}
	}
	type key struct{ taxonomy, name string } // a folder, or a term's key
	listed := map[key][]*page{}
	add := func(k key, p *page) {
		if l := listed[k]; len(l) == 0 || l[len(l)-1] != p {
			listed[k] = append(l, p)
		}
	}
	for _, p := range im.pages {
		if p.draft || p.date.After(im.now) {
			continue
		}
		folder := path.Dir(p.dest)
		if path.Base(p.dest) == "index.md" {
			folder = path.Dir(folder)
		}
		add(key{"", folder}, p)
		for tx := range taxonomies {
			for _, t := range p.list(tx, false) {
				add(key{tx, content.Slugify(t)}, p)
			}
		}
	}
	for _, s := range im.pages {
		if !s.section {
			continue
		}
		dir := path.Dir(s.dest)
		k := key{"", dir}
		if s.term != "" {
			k = key{s.term, content.Slugify(path.Base(dir))}
		}
		pages := slices.DeleteFunc(slices.Clone(listed[k]), func(p *page) bool { return p == s })
		if len(pages) == 0 {
			continue
		}
		slices.SortStableFunc(pages, func(a, b *page) int {
			// Without a weight, a page comes after every weighted one.
			wa, wb := cmp.Or(a.weight(), math.MaxInt), cmp.Or(b.weight(), math.MaxInt)
			return cmp.Or(
				cmp.Compare(wa, wb),
				b.date.Compare(a.date),
				cmp.Compare(a.title, b.title),
				cmp.Compare(a.dest, b.dest),
			)
		})
		body := bytes.TrimRight(s.converted, "\n")
		if len(body) > 0 {
			body = append(body, "\n\n"...)
		}
		for _, p := range pages {
			to := strings.TrimPrefix(p.dest, dir+"/")
			if s.term != "" {
				to = "/" + p.newURL
			}
			body = fmt.Appendf(body, "- [%s](<%s>)\n", linkText(p.title), to)
		}
		s.converted = body
	}
}

// termTitles titles each page of a term that has no title of its own
// by the term, as the first page that names it writes it ("Ana Lima"),
// as Hugo titles it; a term no page names keeps a title made of its
// file's folder, "Ana lima".
func (im *importer) termTitles() {
	if !slices.ContainsFunc(im.pages, func(p *page) bool { return p.termTitle }) {
		return
	}
	written := map[string]string{} // by taxonomy and the term's key: the term as the first page naming it writes it
	for _, p := range im.pages {
		for tx := range im.conf.taxonomies {
			for _, t := range p.list(tx, false) {
				if k := tx + "|" + content.Slugify(t); written[k] == "" {
					written[k] = t
				}
			}
		}
	}
	for _, s := range im.pages {
		if !s.termTitle {
			continue
		}
		key := s.title
		title := written[s.term+"|"+content.Slugify(key)]
		how := "the term as its pages write it"
		if title == "" {
			title = capitalize(strings.TrimSpace(strings.NewReplacer("-", " ", "_", " ").Replace(key)))
			how = "its folder's name"
		}
		s.title = title
		im.done(diag.Pos{Path: s.src, Line: 1, Col: 1}, "no title: titled %q, %s", title, how)
	}
}

// weight returns the weight a Hugo page's front matter orders it by, 0
// when it has none.
func (p *page) weight() int {
	if n := p.get("weight"); n != nil {
		if w, err := strconv.Atoi(n.Value); err == nil {
			return w
		}
	}
	return 0
}

// linkText escapes the characters of a title that Markdown would read in
// a link's text; brackets as character references, since plotline reads
// \[…\] as mathematics.
func linkText(title string) string {
	var b strings.Builder
	for _, r := range title {
		switch {
		case r == '[' || r == ']':
			fmt.Fprintf(&b, "&#%d;", r)
			continue
		case strings.ContainsRune("\\*_`<>&!#{", r):
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// capitalize returns s with its first letter in upper case.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// titleizeSlug returns the title Jekyll gives a post or a document
// without one, from its file name's slug: each word between hyphens
// capitalized, the rest of it in lower case ("rendering-process" is
// "Rendering Process").
func titleizeSlug(slug string) string {
	words := strings.Split(slug, "-")
	for i, w := range words {
		words[i] = capitalize(strings.ToLower(w))
	}
	return strings.Join(words, " ")
}

// rawHTMLPath returns where, under folder of the new site, to copy the
// file rel, at p in the source, of a Hugo content folder, that is no
// page: rel itself, but for an HTML file without front matter, data,
// outside a leaf bundle (a redirect written by hand, a <meta
// http-equiv="refresh">), which Hugo published as it is at the address
// of a page: "guides/old.html", at /guides/old/, is
// "guides/old/index.html", and a section's "partners/_index.html"
// "partners/index.html".
func (im *importer) rawHTMLPath(p, folder, rel string, data []byte, isLeaf func(string) bool) string {
	stem, ok := strings.CutSuffix(path.Base(rel), ".html")
	dir := path.Dir(rel)
	if !ok || data == nil || stem == "index" || stem == "_index" && dir == "." || isLeaf(path.Dir(p)) && stem != "_index" {
		return rel
	}
	if stem != "_index" {
		dir = path.Join(dir, im.conf.paths.path(stem))
	}
	dest := path.Join(dir, "index.html")
	im.done(diag.Pos{Path: p}, "an HTML file without front matter, which Hugo published as it is at the address of a page: copied as %s", folder+dest)
	return dest
}
