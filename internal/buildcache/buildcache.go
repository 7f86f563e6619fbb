// Package buildcache keeps, between two builds of one output folder, what
// the last build rendered and from what: for each page the hash of its
// inputs, what lists show of it and the files it wrote with their stamps;
// for each list page the fingerprint of what it shows. A build reuses a
// page whose inputs hash the same and whose files are still in the output
// as they were written. The cache is a file outside the site and the
// output, one per output folder (DefaultFile); a cache that is missing,
// unreadable or of another version is an empty one.
package buildcache

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/output"
	"github.com/plotline/plotline/internal/render"
)

// Version changes whenever what the cache holds changes shape.
const Version = 6

// Key is the hash of a build's or a page's inputs.
type Key [32]byte

// Cache is what the cache file holds.
type Cache struct {
	Version int
	// Global is the hash of what every page depends on (the plotline
	// binary, the config, the templates and theme, the set of pages and
	// files); a cache whose Global differs from the build's is empty.
	Global  Key
	Pages   map[string]Page // by source path
	Lists   map[string]List // by site path
	Outputs output.Set      // every file of the output
}

// Page is one page of the last build.
type Page struct {
	Key     Key
	URL     string
	Kind    content.Kind
	Date    time.Time
	Summary render.Summary
	Feed    string               // its HTML for the feed, when it was in the feed
	Deps    []string             // other content files it reads (CSV)
	Links   []string             // site paths it links to
	Checks  []LinkCheck          // links checked once every page is rendered
	IDs     []string             // the ids of its HTML, sorted
	Card    Key                  // the hash of what its preview image was drawn from; zero for none
	Unknown []content.UnknownKey // front-matter keys plotline does not read
	Files   map[string]output.Stamp
}

// LinkCheck is a link whose target depends on the pages: a fragment,
// which must name an id of its target page, or a list plotline makes from
// the pages (a tag's), which must exist. It is checked once every page is
// rendered, and again whenever the pages change.
type LinkCheck struct {
	Pos      diag.Pos
	Dest     string // as written
	Target   string // site path: "articles/x/", "tags/economy/"
	Fragment string // decoded; "" for none
	List     bool   // the target is a list page
}

// List is one list page of the last build.
type List struct {
	Key  uint64
	File output.Stamp
}

// New returns a cache with nothing to reuse.
func New(global Key) *Cache {
	return &Cache{Version: Version, Global: global, Pages: map[string]Page{}, Lists: map[string]List{}}
}

// Load reads the cache file; a missing, unreadable or outdated cache,
// or one made for another Global key, is an empty one.
func Load(file string, global Key) *Cache {
	data, err := os.ReadFile(file)
	if err != nil {
		return New(global)
	}
	var c Cache
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&c); err != nil || c.Version != Version || c.Global != global {
		return New(global)
	}
	return &c
}

// Save writes the cache file whole, or not at all.
func (c *Cache) Save(file string) error {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(c); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), ".cache-*")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(buf.Bytes())
	if err := errors.Join(werr, tmp.Close()); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), file)
}

// DefaultFile returns where the cache of the output folder dest is kept:
// in the user's cache folder, one file per output folder. It returns ""
// when there is no cache folder.
func DefaultFile(dest string) string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	abs, err := filepath.Abs(dest)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(dir, "plotline", fmt.Sprintf("%x.gob", sum[:12]))
}
