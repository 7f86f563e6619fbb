// Package config reads a site's optional configuration file, plotline.yaml
// or plotline.toml at the site root, and checks it.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"

	"github.com/plotline/plotline/internal/diag"
)

// Config is a site's configuration. The zero value is not useful; start from
// Default.
type Config struct {
	Title       string `yaml:"title" toml:"title"`
	Description string `yaml:"description" toml:"description"`
	Language    string `yaml:"language" toml:"language"`
	Author      string `yaml:"author" toml:"author"`
	// BaseURL is where the site is published, such as
	// "https://user.github.io/repo/". Its path is the prefix of every
	// internal link. Empty means the site is served at "/".
	BaseURL string `yaml:"base_url" toml:"base_url"`
	// UnsafeHTML lets raw HTML in Markdown through instead of escaping it.
	UnsafeHTML bool `yaml:"unsafe_html" toml:"unsafe_html"`
	// FeedItems is the number of newest articles in the Atom feed.
	FeedItems int `yaml:"feed_items" toml:"feed_items"`
	// PageSize is the number of articles on each page of the home page and
	// of each tag's list; 0 puts them all on one page.
	PageSize int `yaml:"page_size" toml:"page_size"`

	// File is the config file that was read, "" when none.
	File string `yaml:"-" toml:"-"`
}

// Files are the names a config file may have, in the order they are tried.
var Files = []string{"plotline.yaml", "plotline.yml", "plotline.toml"}

// Default returns the configuration of a site without a config file.
func Default() Config {
	return Config{Title: "plotline", Language: "en", FeedItems: 20, PageSize: 25}
}

// Load reads the first config file of Files found at the root of fsys over
// Default. A missing file is not an error.
func Load(fsys fs.FS) (Config, error) {
	cfg := Default()
	for _, name := range Files {
		src, err := fs.ReadFile(fsys, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			var diags diag.List
			msg := err.Error()
			var pe *fs.PathError
			if errors.As(err, &pe) {
				msg = pe.Err.Error()
			}
			diags.Errorf(diag.Pos{Path: name, Line: 1, Col: 1}, "cannot read: %s", msg)
			return cfg, diags.Err()
		}
		cfg.File = name
		var diags diag.List
		if strings.HasSuffix(name, ".toml") {
			decodeTOML(name, src, &cfg, &diags)
		} else {
			decodeYAML(name, src, &cfg, &diags)
		}
		if err := diags.Err(); err != nil {
			return cfg, err
		}
		break
	}
	return cfg, cfg.Check()
}

// knownKeys are the keys of a config file, for the unknown-key message.
const knownKeys = "author, base_url, description, feed_items, language, page_size, title, unsafe_html"

func decodeYAML(name string, src []byte, cfg *Config, diags *diag.List) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		pos, msg := errorPos(name, err)
		diags.Errorf(pos, "%s", msg)
		return
	}
	if len(doc.Content) == 0 {
		return
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		diags.Errorf(diag.Pos{Path: name, Line: root.Line, Col: root.Column}, "want a mapping of keys to values")
		return
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		pos := diag.Pos{Path: name, Line: v.Line, Col: v.Column}
		switch k.Value {
		case "title", "description", "language", "author", "base_url", "unsafe_html", "feed_items", "page_size":
		default:
			diags.Errorf(diag.Pos{Path: name, Line: k.Line, Col: k.Column}, "unknown key %q (known: %s)", k.Value, knownKeys)
			continue
		}
		// Decode one key at a time so a wrong type names its own line.
		one := yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{k, v}}
		if err := one.Decode(cfg); err != nil {
			diags.Errorf(pos, "%s: %s", k.Value, strings.TrimPrefix(err.Error(), "yaml: unmarshal errors:\n  "))
		}
	}
}

func decodeTOML(name string, src []byte, cfg *Config, diags *diag.List) {
	md, err := toml.Decode(string(src), cfg)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			diags.Errorf(diag.Pos{Path: name, Line: pe.Position.Line, Col: pe.Position.Col}, "%s", pe.Message)
			return
		}
		pos, msg := errorPos(name, err)
		diags.Errorf(pos, "%s", msg)
		return
	}
	for _, k := range md.Undecoded() {
		diags.Errorf(diag.Pos{Path: name, Line: 1, Col: 1}, "unknown key %q (known: %s)", k.String(), knownKeys)
	}
}

// lineRE matches a decoder error that names its line:
// "yaml: line 3: msg" or "toml: line 3 (last key "k"): msg".
var lineRE = regexp.MustCompile(`(?s)^(?:yaml|toml): line (\d+)(?: \(last key "([^"]*)"\))?: (.*)$`)

// errorPos returns where a decoder error points in file name, and its
// message without the decoder's own "line N" prefix.
func errorPos(name string, err error) (diag.Pos, string) {
	m := lineRE.FindStringSubmatch(err.Error())
	if m == nil {
		return diag.Pos{Path: name, Line: 1, Col: 1}, err.Error()
	}
	line, _ := strconv.Atoi(m[1])
	if m[2] != "" {
		return diag.Pos{Path: name, Line: line}, m[2] + ": " + m[3]
	}
	return diag.Pos{Path: name, Line: line}, m[3]
}

// Check reports a configuration that cannot build a site.
func (c *Config) Check() error {
	if c.BaseURL != "" {
		u, err := url.Parse(c.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("base URL %q: want an absolute http(s) URL such as https://user.github.io/repo/", c.BaseURL)
		}
	}
	if c.PageSize < 0 {
		return fmt.Errorf("page_size: want a positive number, or 0 for one page, got %d", c.PageSize)
	}
	if c.FeedItems < 0 {
		return fmt.Errorf("feed_items: want a positive number, got %d", c.FeedItems)
	}
	return nil
}

// BasePath returns the path of the base URL with a leading and trailing
// slash: "/" or "/repo/".
func (c *Config) BasePath() string {
	if c.BaseURL == "" {
		return "/"
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil {
		return "/"
	}
	p := "/" + strings.Trim(u.Path, "/") + "/"
	if p == "//" {
		return "/"
	}
	return p
}

// AbsURL returns the absolute URL of a site path such as "articles/x/"; with
// no base URL it returns the root-relative path.
func (c *Config) AbsURL(sitePath string) string {
	if c.BaseURL == "" {
		return "/" + strings.TrimPrefix(sitePath, "/")
	}
	return strings.TrimSuffix(c.BaseURL, "/") + "/" + strings.TrimPrefix(sitePath, "/")
}
