// Package config reads a site's optional configuration file, plotline.yaml
// or plotline.toml at the site root, and checks it.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math"
	"math/big"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"
	"golang.org/x/net/idna"
	"golang.org/x/text/language"

	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/sitefs"
	"github.com/plotline/plotline/internal/yamlpos"
)

// Config is a site's configuration. The zero value is not useful; start from
// Default.
type Config struct {
	Title       string `yaml:"title" toml:"title"`
	Description string `yaml:"description" toml:"description"`
	// Language is the pages' language as a BCP 47 tag ("en", "en-GB",
	// "ar"); Load writes it in its canonical form ("en_us" is "en-US").
	Language string `yaml:"language" toml:"language"`
	Author   string `yaml:"author" toml:"author"`
	// BaseURL is where the site is published, such as
	// "https://user.github.io/repo/". Its path is the prefix of every
	// internal link. Empty means the site is served at "/".
	BaseURL string `yaml:"base_url" toml:"base_url"`
	// UnsafeHTML lets raw HTML in Markdown through instead of escaping it.
	UnsafeHTML bool `yaml:"unsafe_html" toml:"unsafe_html"`
	// Typographer makes typographic marks of straight quotes, --, ---,
	// ... and << >> in prose and titles; true by default, as in Hugo.
	Typographer bool `yaml:"typographer" toml:"typographer"`
	// FeedItems is the number of newest articles in the Atom feed.
	FeedItems int `yaml:"feed_items" toml:"feed_items"`
	// PageSize is the number of articles on each page of the home page and
	// of each tag's list; 0 puts them all on one page.
	PageSize int `yaml:"page_size" toml:"page_size"`
	// FeedAliases are the old addresses of the feed, site paths below the
	// base path as written ("/index.xml", where Hugo wrote its feed): a
	// copy of the feed is written at each, so that readers subscribed
	// there keep getting it. FeedAliasPos says where each is written.
	FeedAliases []string `yaml:"feed_aliases" toml:"feed_aliases"`
	// TagFeedAliases are the old addresses of tags' feeds, in the order
	// the file gives them ("/categories/r/index.xml: r", where Hugo wrote
	// the feed of its category r): a copy of the tag's feed is written at
	// each.
	TagFeedAliases []TagFeedAlias `yaml:"-" toml:"-"`
	// Claims are the settings checked claims are read with.
	Claims Claims `yaml:"claims" toml:"claims"`

	// File is the config file that was read, "" when none.
	File string `yaml:"-" toml:"-"`
	// Unread are the other config files of the site, which are not read
	// (see Files): a writer editing one would see nothing change.
	Unread []string `yaml:"-" toml:"-"`

	// places holds where each key's value was set, by its dotted name
	// ("base_url", "claims.about"), so that Check reports a value at its
	// place.
	places map[string]diag.Pos
}

// Claims are the settings of checked claims ({{ ref | claim "…" }}).
type Claims struct {
	// About is the relative tolerance of "about", "nearly" and their kin:
	// 0.05 lets "about 12,000" hold from 11,400 to 12,600. 0 means that
	// default.
	About float64 `yaml:"about" toml:"about"`
	// Seasons is "northern" (the default: spring is March to May) or
	// "southern" (spring is September to November).
	Seasons string `yaml:"seasons" toml:"seasons"`
}

// Files are the names a config file may have, in the order they are tried.
var Files = []string{"plotline.yaml", "plotline.yml", "plotline.toml"}

// Default returns the configuration of a site without a config file.
func Default() Config {
	return Config{Title: "plotline", Language: "en", FeedItems: 20, PageSize: 25, Typographer: true}
}

// MaxSize is the size in bytes of the largest config file plotline reads:
// its title and description go into every page, so a text pasted in by
// mistake would be copied thousands of times.
const MaxSize = 1 << 20

// Load reads the first config file of Files found at the root of fsys over
// Default. A missing file is not an error.
func Load(fsys fs.FS) (Config, error) {
	cfg := Default()
	for _, name := range Files {
		src, err := sitefs.ReadFile(fsys, name, MaxSize)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			var diags diag.List
			diags.Errorf(diag.Pos{Path: name, Line: 1, Col: 1}, "%s", sitefs.DescribeReadError(err))
			return cfg, diags.Err()
		}
		cfg.File = name
		for _, other := range Files {
			if _, err := fs.Stat(fsys, other); other != name && err == nil {
				cfg.Unread = append(cfg.Unread, other)
			}
		}
		cfg.places = map[string]diag.Pos{}
		// A byte-order mark is no column (see diag.At) and no part of a
		// key: read the text after it, whose positions are the file's.
		src = bytes.TrimPrefix(src, []byte("\ufeff"))
		var diags diag.List
		if strings.HasSuffix(name, ".toml") {
			decodeTOML(name, src, &cfg, &diags)
		} else {
			decodeYAML(name, src, &cfg, &diags)
		}
		// The values that decoded are checked too, so that every
		// mistake of the file shows at once.
		diags.Add(cfg.check()...)
		if tag, ok := cfg.languageTag(); ok {
			cfg.Language = tag.String()
		}
		return cfg, diags.Errors().Bound(diag.MaxListed, "this config file").Err()
	}
	return cfg, cfg.Check()
}

// knownKeys are the keys of a config file, and claimKeys those of its
// claims, for the unknown-key message.
var (
	knownKeys = []string{"author", "base_url", "claims", "description", "feed_aliases", "feed_items", "language", "page_size", "tag_feed_aliases", "title", "typographer", "unsafe_html"}
	claimKeys = []string{"about", "seasons"}
)

// unknownKey is the message for the key k that is none of known, where
// names the mapping it is in ("" for the top, " in claims"), and names a
// known key one slip away from k ("baseurl" for base_url).
func unknownKey(k, where string, known []string) string {
	return fmt.Sprintf("unknown key %q%s (known: %s)%s", k, where, strings.Join(known, ", "), diag.DidYouMean(k, known))
}

// wants says, for each key of a config file and of its claims, what its
// value must be, for the message when it is not.
var wants = map[string]string{
	"title": "text", "description": "text", "language": "text", "author": "text", "base_url": "text",
	"unsafe_html": "true or false", "typographer": "true or false", "feed_items": "a whole number", "page_size": "a whole number",
	"claims": "a mapping of about and seasons", "about": "a share such as 0.05 (five per cent)", "seasons": "text",
	"feed_aliases":     "a list of site paths such as /index.xml",
	"tag_feed_aliases": "a mapping of old addresses of tags' feeds to tags, such as /categories/r/index.xml: r",
}

func decodeYAML(name string, src []byte, cfg *Config, diags *diag.List) {
	root := yamlpos.FileMapping(name, src, "keys to values", diags)
	if root == nil {
		return
	}
	at := func(n *yaml.Node) diag.Pos { return diag.Pos{Path: name, Line: n.Line, Col: n.Column} }
	dup := func(k, first *yaml.Node) {
		diags.Errorf(at(k), "%s", yamlpos.Duplicate(k.Value, "", first.Line))
	}
	for k, v := range yamlpos.Keys(root, dup) {
		switch {
		case k.Value == "feed_aliases":
			cfg.places[k.Value] = at(v)
			decodeFeedAliases(k, v, cfg, at, diags)
		case k.Value == "tag_feed_aliases":
			cfg.places[k.Value] = at(v)
			decodeTagFeedAliases(k, v, cfg, at, diags)
		case k.Value != "claims" && slices.Contains(knownKeys, k.Value):
			cfg.places[k.Value] = at(v)
			decodeKey(k, v, cfg, "", at, diags)
		case k.Value == "claims":
			if v.Kind != yaml.MappingNode {
				diags.Errorf(at(v), "claims: want %s, got %s", wants["claims"], yamlpos.Describe(v))
				continue
			}
			dupClaim := func(k, first *yaml.Node) {
				diags.Errorf(at(k), "%s", yamlpos.Duplicate(k.Value, "in claims", first.Line))
			}
			for ck, cv := range yamlpos.Keys(v, dupClaim) {
				if !slices.Contains(claimKeys, ck.Value) {
					diags.Errorf(at(ck), "%s", unknownKey(ck.Value, " in claims", claimKeys))
					continue
				}
				cfg.places["claims."+ck.Value] = at(cv)
				decodeKey(ck, cv, &cfg.Claims, "claims: ", at, diags)
			}
		default:
			diags.Errorf(at(k), "%s", unknownKey(k.Value, "", knownKeys))
		}
	}
}

// decodeFeedAliases decodes the value v of feed_aliases, a list of
// site paths or one path alone (as a page's aliases may be), and records
// where each path is written.
func decodeFeedAliases(k, v *yaml.Node, cfg *Config, at func(*yaml.Node) diag.Pos, diags *diag.List) {
	v = yamlpos.Resolve(v)
	if v.Kind == yaml.ScalarNode && v.ShortTag() == "!!str" {
		v = &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{v}}
	}
	if v.Kind != yaml.SequenceNode {
		diags.Errorf(at(v), "%s: want %s, got %s", k.Value, wants[k.Value], yamlpos.Describe(v))
		return
	}
	for _, n := range v.Content {
		n = yamlpos.Resolve(n)
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!str" {
			diags.Errorf(at(n), "%s: want a site path such as /index.xml, got %s", k.Value, yamlpos.Describe(n))
			continue
		}
		cfg.places[fmt.Sprintf("%s.%d", k.Value, len(cfg.FeedAliases))] = at(n)
		cfg.FeedAliases = append(cfg.FeedAliases, n.Value)
	}
}

// TagFeedAlias is an old address of a tag's feed, from the config's
// tag_feed_aliases.
type TagFeedAlias struct {
	Path string   // the old address, a site path as written
	Tag  string   // the tag, as articles write it
	Pos  diag.Pos // where the address is written
}

// decodeTagFeedAliases decodes the value v of tag_feed_aliases, a
// mapping of old addresses to tags.
func decodeTagFeedAliases(k, v *yaml.Node, cfg *Config, at func(*yaml.Node) diag.Pos, diags *diag.List) {
	v = yamlpos.Resolve(v)
	if v.Kind != yaml.MappingNode {
		diags.Errorf(at(v), "%s: want %s, got %s", k.Value, wants[k.Value], yamlpos.Describe(v))
		return
	}
	dup := func(key, first *yaml.Node) {
		diags.Errorf(at(key), "%s", yamlpos.Duplicate(key.Value, "in "+k.Value, first.Line))
	}
	for path, tag := range yamlpos.Keys(v, dup) {
		tag = yamlpos.Resolve(tag)
		if tag.Kind != yaml.ScalarNode || tag.ShortTag() == "!!null" || strings.TrimSpace(tag.Value) == "" {
			diags.Errorf(at(tag), "%s: %s: want a tag, got %s", k.Value, path.Value, yamlpos.Describe(tag))
			continue
		}
		cfg.TagFeedAliases = append(cfg.TagFeedAliases, TagFeedAlias{Path: path.Value, Tag: tag.Value, Pos: at(path)})
	}
}

// FeedAliasPos returns where the i-th of FeedAliases is written: at the
// path itself in a YAML file, at the key's value in a TOML one.
func (c *Config) FeedAliasPos(i int) diag.Pos {
	if pos, ok := c.places[fmt.Sprintf("feed_aliases.%d", i)]; ok {
		return pos
	}
	return c.place("feed_aliases")
}

// decodeKey decodes the key k and its value v into out, one key at a
// time so that a value of the wrong kind is reported at its own line.
// prefix goes before the key in messages.
func decodeKey(k, v *yaml.Node, out any, prefix string, at func(*yaml.Node) diag.Pos, diags *diag.List) {
	one := yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{k, v}}
	if err := one.Decode(out); err != nil {
		if _, err := strconv.ParseInt(strings.ReplaceAll(v.Value, "_", ""), 0, 64); wants[k.Value] == "a whole number" && errors.Is(err, strconv.ErrRange) {
			// A whole number all the same: "got a number" said nothing.
			diags.Errorf(at(v), "%s%s: %s is too large: want a whole number up to %d", prefix, k.Value, yamlpos.Shorten(v.Value), math.MaxInt64)
			return
		}
		diags.Errorf(at(v), "%s%s: want %s, got %s%s", prefix, k.Value, wants[k.Value], yamlpos.Describe(v), shareHint(k.Value, v.Value))
		return
	}
	// The decoder cuts a number with a fraction to the whole number
	// below it, so that page_size: 2.5 made pages of 2 without a word.
	if f, err := strconv.ParseFloat(v.Value, 64); wants[k.Value] == "a whole number" && v.ShortTag() == "!!float" && err == nil && f != math.Trunc(f) {
		diags.Errorf(at(v), "%s%s: want %s, got %s", prefix, k.Value, wants[k.Value], v.Value)
	}
}

// shareHint says how to write the value s of the key k when k is about
// and s a number in per cent, "5%": ": write 0.05". It is "" otherwise.
func shareHint(k, s string) string {
	pct, ok := strings.CutSuffix(strings.TrimSpace(s), "%")
	if k != "about" || !ok {
		return ""
	}
	r, ok := new(big.Rat).SetString(strings.TrimSpace(pct))
	if !ok || r.Sign() < 0 || strings.ContainsAny(pct, "eE/") {
		return ""
	}
	share := r.Quo(r, big.NewRat(100, 1)).FloatString(10)
	return ": write " + strings.TrimSuffix(strings.TrimRight(share, "0"), ".")
}

// maxTitleRunes and maxDescriptionRunes bound the site's title (and
// author) and description, in characters, as content bounds a page's.
// maxBaseURLRunes bounds the base URL, which leaves a page's address
// room under the 2,048 characters a sitemap's may have; maxLanguageRunes
// the language tag, some three times the longest a site has any use for
// (en-US-u-ca-gregory-nu-latn-x-house is 34).
const (
	maxTitleRunes       = 1000
	maxDescriptionRunes = 5000
	maxBaseURLRunes     = 1000
	maxLanguageRunes    = 100
)

// decodeTOML reads the TOML file name, src, into cfg, as decodeYAML does
// a YAML one: into plain values first, then key by key, so that a value of
// the wrong type is reported at its place and does not hide the file's
// other mistakes.
func decodeTOML(name string, src []byte, cfg *Config, diags *diag.List) {
	text := yamlpos.New(name, src, 1)
	if line := yamlpos.TOMLTooDeep(src, yamlpos.MaxTOMLDepth); line > 0 {
		diags.Errorf(text.Pos(line, 1), "nested more than %d levels deep", yamlpos.MaxTOMLDepth)
		return
	}
	var doc map[string]toml.Primitive
	md, err := toml.Decode(string(src), &doc)
	if err != nil {
		pos, msg := text.TOMLError(err)
		diags.Errorf(pos, "%s", msg)
		return
	}
	keys := map[string]diag.Pos{} // where each key is written
	for _, k := range md.Keys() {
		if key, val, ok := text.TOMLKey(k); ok {
			keys[k.String()] = key
			cfg.places[k.String()] = val
		}
	}
	// at returns where the key of the dotted path is written (value
	// false) or its value is; a key TOMLPlaces does not place (quoted,
	// holding a dot) is placed at the nearest key around it that it
	// places, or at the file's first line.
	at := func(path string, value bool) diag.Pos {
		for p := path; p != ""; {
			places := keys
			if value {
				places = cfg.places
			}
			if pos, ok := places[p]; ok {
				return pos
			}
			i := strings.LastIndex(p, ".")
			if i < 0 {
				break
			}
			p = p[:i]
		}
		return diag.Pos{Path: name, Line: 1, Col: 1}
	}
	fields := map[string]any{
		"title": &cfg.Title, "description": &cfg.Description, "language": &cfg.Language, "author": &cfg.Author,
		"base_url": &cfg.BaseURL, "unsafe_html": &cfg.UnsafeHTML, "typographer": &cfg.Typographer, "feed_items": &cfg.FeedItems, "page_size": &cfg.PageSize,
		"feed_aliases": &cfg.FeedAliases,
	}
	claimFields := map[string]any{"about": &cfg.Claims.About, "seasons": &cfg.Claims.Seasons}
	for _, k := range slices.Sorted(maps.Keys(doc)) {
		if one, ok := rawTOML(md, doc[k]).(string); ok && k == "feed_aliases" {
			cfg.FeedAliases = []string{one} // one path alone, as in YAML
			continue
		}
		if k == "tag_feed_aliases" {
			decodeTOMLTagFeedAliases(md, doc[k], cfg, func(p string) diag.Pos { return at(p, false) }, diags)
			continue
		}
		if field, ok := fields[k]; ok {
			decodeTOMLKey(md, k, doc[k], field, "", at(k, true), diags)
			continue
		}
		if k != "claims" {
			diags.Errorf(at(k, false), "%s", unknownKey(k, "", knownKeys))
			continue
		}
		var claims map[string]toml.Primitive
		raw := rawTOML(md, doc[k])
		if _, table := raw.(map[string]any); !table || md.PrimitiveDecode(doc[k], &claims) != nil {
			diags.Errorf(at(k, true), "claims: want %s, got %s", wants["claims"], describeTOML(raw))
			continue
		}
		for _, ck := range slices.Sorted(maps.Keys(claims)) {
			field, ok := claimFields[ck]
			if !ok {
				diags.Errorf(at("claims."+ck, false), "%s", unknownKey(ck, " in claims", claimKeys))
				continue
			}
			decodeTOMLKey(md, ck, claims[ck], field, "claims: ", at("claims."+ck, true), diags)
		}
	}
}

// decodeTOMLKey decodes the TOML value v of the key k into field, a
// pointer to a field of the config, or reports at pos a value of the wrong
// type. prefix goes before the key in messages.
func decodeTOMLKey(md toml.MetaData, k string, v toml.Primitive, field any, prefix string, pos diag.Pos, diags *diag.List) {
	if err := md.PrimitiveDecode(v, field); err != nil {
		raw := rawTOML(md, v)
		text, _ := raw.(string)
		diags.Errorf(pos, "%s%s: want %s, got %s%s", prefix, k, wants[k], describeTOML(raw), shareHint(k, text))
	}
}

// rawTOML returns the TOML value v as the decoder makes it of itself: a
// string, an int64, a table as a map, for describeTOML.
// decodeTOMLTagFeedAliases decodes the value v of tag_feed_aliases in a
// TOML file, a table of old addresses to tags, in the order of the
// addresses; at says where a dotted key is written.
func decodeTOMLTagFeedAliases(md toml.MetaData, v toml.Primitive, cfg *Config, at func(string) diag.Pos, diags *diag.List) {
	const k = "tag_feed_aliases"
	table, ok := rawTOML(md, v).(map[string]any)
	if !ok {
		diags.Errorf(at(k), "%s: want %s, got %s", k, wants[k], describeTOML(rawTOML(md, v)))
		return
	}
	for _, path := range slices.Sorted(maps.Keys(table)) {
		pos := at(toml.Key{k, path}.String())
		tag, ok := table[path].(string)
		if !ok || strings.TrimSpace(tag) == "" {
			diags.Errorf(pos, "%s: %s: want a tag, got %s", k, path, describeTOML(table[path]))
			continue
		}
		cfg.TagFeedAliases = append(cfg.TagFeedAliases, TagFeedAlias{Path: path, Tag: tag, Pos: pos})
	}
}

func rawTOML(md toml.MetaData, v toml.Primitive) any {
	var raw any
	_ = md.PrimitiveDecode(v, &raw) // into an interface, decoding does not fail
	return raw
}

// describeTOML names what the TOML value v holds in the words of
// yamlpos.Describe, as the same value written in YAML.
func describeTOML(v any) string {
	var n yaml.Node
	_ = n.Encode(v) // every value the TOML decoder makes has a YAML form
	return yamlpos.Describe(&n)
}

// Warnings returns a warning at each config file of the site that is not
// read, as another one is.
func (c *Config) Warnings() diag.List {
	var l diag.List
	for _, name := range c.Unread {
		l.Warnf(diag.Pos{Path: name}, "this file is not read: %s is, and a site has one config file (plotline reads the first of %s): move what it holds into %s and remove it", c.File, strings.Join(Files, ", "), c.File)
	}
	return l
}

// Check reports a configuration that cannot build a site: every value out
// of its range, each at the place it was set when that is known.
func (c *Config) Check() error {
	return c.check().Err()
}

// SetBaseURL sets the base URL from somewhere other than the config file,
// such as the flag named from, which Check then names in its message.
func (c *Config) SetBaseURL(u, from string) {
	c.BaseURL = u
	// A copy of c may share the map; it keeps its own places.
	c.places = maps.Clone(c.places)
	if c.places == nil {
		c.places = map[string]diag.Pos{}
	}
	c.places["base_url"] = diag.Pos{Path: from}
}

// check returns the mistakes Check reports.
func (c *Config) check() diag.List {
	var diags diag.List
	if n := utf8.RuneCountInString(c.BaseURL); n > maxBaseURLRunes {
		// Not quoted: the message would be as long. Every link of every
		// page starts with it: one of 800 KB made 13 MB of each page.
		diags.Errorf(c.place("base_url"), "base URL: %d characters, more than the %d a base URL may have: every address of every page starts with it", n, maxBaseURLRunes)
	} else if c.BaseURL != "" {
		if msg := baseURLMistake(c.BaseURL); msg != "" {
			diags.Errorf(c.place("base_url"), "base URL %q: %s", c.BaseURL, msg)
		}
	}
	for _, f := range []struct {
		key, text string
		limit     int
	}{{"title", c.Title, maxTitleRunes}, {"description", c.Description, maxDescriptionRunes}, {"author", c.Author, maxTitleRunes}} {
		if strings.Contains(f.text, "{{") {
			// Shown as typed on every page: the config has no data
			// blocks to take values from.
			diags.Errorf(c.place(f.key), "%s: {{ }} is not read in the config file, and would be shown as typed on every page: write it as text (values go in an article's prose, title, description and charts)", f.key)
		}
		// Written on every page: a title of 900 KB, under the config's
		// 1 MB, on a site of 10,000 pages would be 9 GB of output.
		if n := utf8.RuneCountInString(f.text); n > f.limit {
			diags.Errorf(c.place(f.key), "%s: %d characters, more than the %d the site's %s may have: it is written on every page", f.key, n, f.limit, f.key)
		}
		// As in an article's text: a bell or a terminal's escape is no
		// character of a web page, and a bidi override reorders what a
		// reader sees, here on every page.
		if _, r, ok := yamlpos.Unprintable(f.text); ok {
			diags.Errorf(c.place(f.key), "%s: %s", f.key, yamlpos.UnprintableMessage(r))
		} else if !utf8.ValidString(f.text) {
			// YAML's !!binary, decoded into the text as its bytes, which
			// were written into every page as they are.
			diags.Errorf(c.place(f.key), "%s: want text, got bytes that are not UTF-8 (a !!binary value?): write the text itself", f.key)
		}
	}
	if _, set := c.places["title"]; set && strings.TrimSpace(c.Title) == "" {
		// Pages were titled "A · ", the home page's <title> was empty,
		// and the header's link to the home page had no text.
		diags.Errorf(c.place("title"), "title: must not be empty: it names the site in every page's title, its header and the feed")
	}
	if c.PageSize < 0 {
		diags.Errorf(c.place("page_size"), "page_size: want a positive number, or 0 for one page, got %d", c.PageSize)
	}
	if c.FeedItems < 0 {
		diags.Errorf(c.place("feed_items"), "feed_items: want a positive number, got %d", c.FeedItems)
	} else if _, set := c.places["feed_items"]; set && c.FeedItems == 0 {
		// Unlike page_size: 0, which puts every article on one page,
		// this published a feed of no article without a word.
		diags.Errorf(c.place("feed_items"), "feed_items: want a positive number, got 0, which would publish a feed of no articles (to have every article in it, give their number)")
	}
	// NaN, which YAML writes .nan and TOML nan, is none of them: it was
	// an error at every claim of every article, never at this file.
	if a := c.Claims.About; a < 0 || a >= 1 || math.IsNaN(a) {
		hint := ""
		if a >= 1 && a < 100 {
			// 5 where 5 per cent was meant.
			hint = fmt.Sprintf(": for %v per cent, %s", a, strings.TrimPrefix(shareHint("about", fmt.Sprint(a, "%")), ": "))
		}
		diags.Errorf(c.place("claims.about"), "claims: about: want a share such as 0.05 (five per cent), got %v%s", a, hint)
	}
	if s := c.Claims.Seasons; s != "" && s != "northern" && s != "southern" {
		diags.Errorf(c.place("claims.seasons"), "claims: seasons: want northern or southern, got %q", s)
	}
	if n := utf8.RuneCountInString(c.Language); n > maxLanguageRunes {
		// Private-use subtags have no bound of their own: en-x-… of
		// 800 KB was written into every page's lang, a megabyte each.
		diags.Errorf(c.place("language"), "language: %d characters, more than the %d a language tag may have: it is written on every page", n, maxLanguageRunes)
	} else if _, ok := c.languageTag(); c.Language != "" && !ok {
		diags.Errorf(c.place("language"), "language: want a language tag such as en, en-GB, de or ar, got %q", c.Language)
	} else if _, set := c.places["language"]; set && c.Language == "" {
		// Pages would say lang="", a language unknown.
		diags.Errorf(c.place("language"), "language: want a language tag such as en, en-GB, de or ar, got empty text (leave the key out for en)")
	}
	return diags
}

// OpenGraphLocale returns the site's language as Open Graph's og:locale
// writes it, a language and a country joined by an underscore: "en_GB"
// for en-GB, and for a tag without a country the one it is most often
// spoken in ("en_US" for en, "de_DE" for de). It returns "" when no
// country is known (x-klingon), the region is no country (es-419) or the
// tag names no language (und).
func (c *Config) OpenGraphLocale() string {
	tag, ok := c.languageTag()
	if !ok {
		return ""
	}
	base, sure := tag.Base()
	region, confidence := tag.Region()
	// For und, no language, x/text guesses English with low confidence.
	if sure <= language.Low || confidence == language.No || !region.IsCountry() || region.String() == "ZZ" || base.String() == "und" {
		return ""
	}
	return base.String() + "_" + region.String()
}

// WithLanguage returns c for a page in the language tag (its own lang:),
// and false when tag is no language tag.
func (c Config) WithLanguage(tag string) (Config, bool) {
	c.Language = tag
	t, ok := c.languageTag()
	c.Language = t.String() // as HTML wants it: pt_BR is pt-BR
	return c, ok && tag != ""
}

// languageTag returns the site's language read as a BCP 47 tag, and false
// when it is none.
func (c *Config) languageTag() (language.Tag, bool) {
	tag, err := language.Parse(c.Language)
	return tag, err == nil
}

// rightToLeft are the scripts written from right to left that a
// language's tag may name or imply (ISO 15924 codes).
var rightToLeft = []string{"Adlm", "Arab", "Hebr", "Mand", "Nkoo", "Rohg", "Samr", "Syrc", "Thaa", "Yezi"}

// Direction returns "rtl" when the site's language is written from right
// to left, in the script its tag names or, without one, the script the
// language is most often written in ("ar", "he", "fa", "ur"; not
// "ar-Latn"), and "ltr" otherwise.
func (c *Config) Direction() string {
	tag, ok := c.languageTag()
	if !ok {
		return "ltr"
	}
	if script, confidence := tag.Script(); confidence != language.No && slices.Contains(rightToLeft, script.String()) {
		return "rtl"
	}
	return "ltr"
}

// baseURLMistake says what is wrong with u as a base URL, or "". Every
// address of the site is u followed by a page's path, in links, feeds and
// embed snippets alike, so u must be nothing but a scheme, a host and a
// plain path.
func baseURLMistake(u string) string {
	p, err := url.Parse(u)
	switch {
	case err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "":
		return "want an absolute http(s) URL such as https://user.github.io/repo/"
	case p.User != nil:
		return "a base URL must not hold a user name or password: every page would show them"
	case p.RawQuery != "" || p.ForceQuery || p.Fragment != "" || strings.Contains(u, "#"):
		return "want no query (?…) or fragment (#…): pages are addressed by their paths under the base URL"
	case strings.ContainsAny(u, " \t\"<>\\^`{|}"):
		return "write its path percent-encoded (%20 for a space)"
	}
	for seg := range strings.SplitSeq(p.Path, "/") {
		if seg == "." || seg == ".." {
			return "its path must not hold . or .. segments"
		}
	}
	if strings.ContainsFunc(p.Path, func(r rune) bool { return r < ' ' || r == 0x7f || r == '\\' }) {
		// The preview server refuses such a path, so it could never
		// show the site.
		return "its path must not hold a control character or a backslash, even percent-encoded (%00, %0A, %5C)"
	}
	if port := p.Port(); port != "" {
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
			return fmt.Sprintf("its port %s is no port (want a number from 1 to 65535)", port)
		}
	}
	if _, err := asciiHost(p); err != nil {
		return fmt.Sprintf("its host %q cannot be written as a domain name (%s)", p.Hostname(), strings.Replace(strings.TrimPrefix(err.Error(), "idna: "), "rune", "character", 1))
	}
	return ""
}

// asciiHost returns the host and port of u with a host name in another
// script written in its ASCII form (IDNA), as DNS and the sitemap's
// readers take it: bücher.example is xn--bcher-kva.example. An ASCII host
// is returned as it is.
func asciiHost(u *url.URL) (string, error) {
	name := u.Hostname()
	if !strings.ContainsFunc(name, func(r rune) bool { return r >= utf8.RuneSelf }) {
		return u.Host, nil
	}
	ascii, err := idna.Lookup.ToASCII(name)
	if err != nil {
		return "", err
	}
	return strings.Replace(u.Host, name, ascii, 1), nil
}

// SiteURL returns the base URL as the site's absolute addresses start
// with it (links in the feed, the sitemap, canonical and preview tags,
// embed snippets): its host in ASCII (see asciiHost), its path
// percent-encoded (see BasePath) and ending with a slash, so that
// https://bücher.example/café is https://xn--bcher-kva.example/caf%C3%A9/.
// It returns "" without a base URL, or for one Check refuses.
func (c *Config) SiteURL() string {
	if c.BaseURL == "" || baseURLMistake(c.BaseURL) != "" {
		return ""
	}
	// baseURLMistake has parsed the URL and written its host in ASCII.
	u, _ := url.Parse(c.BaseURL)
	host, _ := asciiHost(u)
	return u.Scheme + "://" + host + c.BasePath()
}

// place returns where the key's value was set: its place in the config
// file, or the flag it came from; the file's start when the file does not
// say where; nothing known without a file.
func (c *Config) place(key string) diag.Pos {
	if pos, ok := c.places[key]; ok {
		return pos
	}
	if c.File != "" {
		return diag.Pos{Path: c.File, Line: 1, Col: 1}
	}
	return diag.Pos{}
}

// BasePath returns the path of the base URL with a leading and trailing
// slash, percent-encoded as links write it: "/" or "/repo/"; "/my%20site/"
// for https://ex.org/my site/, and "/a%3Fb/" as written, whose ? a link
// must not hold bare.
func (c *Config) BasePath() string {
	if c.BaseURL == "" {
		return "/"
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil {
		return "/"
	}
	p := "/" + strings.Trim(u.EscapedPath(), "/") + "/"
	if p == "//" {
		return "/"
	}
	return p
}
