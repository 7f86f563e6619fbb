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
	"bufio"
	"crypto/sha256"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/output"
	"github.com/plotline/plotline/internal/render"
)

// Version changes whenever what the cache holds changes shape.
const Version = 12

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
	TagPos  []diag.Pos           // where each of its summary's tags is written
	// Warnings are the page's own, reported again when it is reused, so
	// that a build from the cache says what a clean build says.
	Warnings diag.List
	Files    map[string]output.Stamp
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

// The cache file is a gob stream: a header, then one message a page, so
// that neither writing nor reading it holds the whole file in a buffer.
// Encoded as one message, the cache of the 10,000-article benchmark site
// went through a buffer gob grew by doubling to 23 MB, at the end of the
// build, near the memory budget: the collector ran eight times while it
// grew and the save took a second.

// header is the first message of the cache file: what is not pages, and
// how many page messages follow.
type header struct {
	Version int
	Global  Key
	Lists   map[string]List
	Outputs output.Set
	Pages   int
}

// entry is a page message of the cache file.
type entry struct {
	Path string
	Page Page
}

// Load reads the cache file; a missing, unreadable or outdated cache,
// or one made for another Global key, is an empty one.
func Load(file string, global Key) *Cache {
	c, err := Read(file)
	if err != nil || c.Version != Version || c.Global != global {
		return New(global)
	}
	return c
}

// Read reads the cache file as it is, for a look at what it holds; a
// file of another version gives a Cache with that Version and nothing
// else.
func Read(file string) (*Cache, error) {
	// Opened without waiting, so that a named pipe in the cache's place
	// cannot stop the build, which waited for a writer forever; then
	// anything but a regular file is no cache.
	f, err := os.OpenFile(file, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("cache file %s is not a regular file", file)
	}
	return decode(bufio.NewReaderSize(f, 64<<10))
}

// decode reads a cache file's contents from r.
func decode(r io.Reader) (*Cache, error) {
	dec := gob.NewDecoder(r)
	var h header
	if err := dec.Decode(&h); err != nil {
		return nil, err
	}
	if h.Version != Version {
		return &Cache{Version: h.Version}, nil
	}
	if h.Pages < 0 {
		return nil, errors.New("cache file: a negative number of pages")
	}
	c := &Cache{Version: h.Version, Global: h.Global, Lists: h.Lists, Outputs: h.Outputs, Pages: make(map[string]Page, min(h.Pages, 1<<20))}
	if c.Lists == nil {
		c.Lists = map[string]List{}
	}
	for range h.Pages {
		var e entry
		if err := dec.Decode(&e); err != nil {
			return nil, err
		}
		// A time comes back from gob in the machine's local zone when
		// that zone has its offset: give it its own, as content does.
		e.Page.Date = content.OwnOffset(e.Page.Date)
		e.Page.Summary.Date = content.OwnOffset(e.Page.Summary.Date)
		e.Page.Summary.Updated = content.OwnOffset(e.Page.Summary.Updated)
		e.Page.Summary.DataDate = content.OwnOffset(e.Page.Summary.DataDate)
		c.Pages[e.Path] = e.Page
	}
	var extra entry
	if err := dec.Decode(&extra); err != io.EOF {
		return nil, errors.New("cache file: more than its pages")
	}
	return c, nil
}

// Save writes the cache file whole, or not at all.
func (c *Cache) Save(file string) error {
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), ".cache-*")
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(tmp, 64<<10)
	werr := c.encode(w)
	if werr == nil {
		werr = w.Flush()
	}
	if err = errors.Join(werr, tmp.Close()); err == nil {
		err = os.Rename(tmp.Name(), file)
	}
	if err != nil {
		// With a folder in the cache file's place, say, the new cache is
		// not kept, and neither is its temporary file, one more each build.
		os.Remove(tmp.Name())
	}
	return err
}

// encode writes the cache file's contents to w.
func (c *Cache) encode(w io.Writer) error {
	enc := gob.NewEncoder(w)
	h := header{Version: c.Version, Global: c.Global, Lists: c.Lists, Outputs: c.Outputs, Pages: len(c.Pages)}
	if err := enc.Encode(h); err != nil {
		return err
	}
	for path, p := range c.Pages {
		if err := enc.Encode(entry{path, p}); err != nil {
			return err
		}
	}
	return nil
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
