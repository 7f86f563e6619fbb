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
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/output"
	"github.com/plotline/plotline/internal/render"
)

// Version changes whenever what the cache holds changes shape.
const Version = 8

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

// header is the first part of the cache file: what is not pages, and how
// many shards of pages follow. Each part is written after its length and
// each shard is a gob stream of its own, so that the shards are encoded
// and decoded in parallel: gob works through a value with reflection,
// and on 10,000 articles one stream of the whole cache took most of a
// second after the output was committed, with one core idle.
type header struct {
	Version int
	Global  Key
	Lists   map[string]List
	Outputs output.Set
	Shards  int
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
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	return decode(data)
}

// decode reads a cache file's contents; see header.
func decode(data []byte) (*Cache, error) {
	blob, data, err := nextBlob(data)
	if err != nil {
		return nil, err
	}
	var h header
	if err := gob.NewDecoder(bytes.NewReader(blob)).Decode(&h); err != nil {
		return nil, err
	}
	if h.Version != Version || h.Shards < 0 || h.Shards > maxShards {
		return &Cache{Version: h.Version}, nil
	}
	blobs := make([][]byte, h.Shards)
	for i := range blobs {
		if blobs[i], data, err = nextBlob(data); err != nil {
			return nil, err
		}
	}
	if len(data) != 0 {
		return nil, errors.New("cache file: bytes after the last shard")
	}
	shards := make([][]entry, len(blobs))
	var g errgroup.Group
	for i, blob := range blobs {
		g.Go(func() error {
			dec := gob.NewDecoder(bytes.NewReader(blob))
			for {
				var e entry
				err := dec.Decode(&e)
				if err == io.EOF {
					return nil
				}
				if err != nil {
					return err
				}
				shards[i] = append(shards[i], e)
			}
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	size := 0
	for _, shard := range shards {
		size += len(shard)
	}
	c := &Cache{Version: h.Version, Global: h.Global, Lists: h.Lists, Outputs: h.Outputs, Pages: make(map[string]Page, size)}
	if c.Lists == nil {
		c.Lists = map[string]List{}
	}
	for _, shard := range shards {
		for _, e := range shard {
			c.Pages[e.Path] = e.Page
		}
	}
	return c, nil
}

// maxShards bounds the shards a cache file may claim to hold.
const maxShards = 256

// nextBlob splits data into the blob its first length prefix announces
// and what follows.
func nextBlob(data []byte) (blob, rest []byte, err error) {
	n, k := binary.Uvarint(data)
	if k <= 0 || n > uint64(len(data)-k) {
		return nil, nil, errors.New("cache file: bad length")
	}
	return data[k : k+int(n)], data[k+int(n):], nil
}

// Save writes the cache file whole, or not at all. It encodes the pages
// in as many shards as Go may run threads at once.
func (c *Cache) Save(file string) error {
	blobs, err := c.encode(runtime.GOMAXPROCS(0))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), ".cache-*")
	if err != nil {
		return err
	}
	werr := writeBlobs(tmp, blobs)
	if err := errors.Join(werr, tmp.Close()); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), file)
}

// entry is a page in a shard of the cache file.
type entry struct {
	Path string
	Page Page
}

// pageBytes is about what a page takes in the cache file (2.3 KB on the
// benchmark site), to size the shards' buffers. Each shard is a stream of
// one gob message a page, not one message of all its pages, which gob
// would build in a buffer of its own grown by doubling: near the memory
// budget, at the end of a large build, the collector ran back to back
// while it grew.
const pageBytes = 2560

// encode returns the cache file's contents in blobs, each to be written
// after its length: the header, then the pages in n shards.
func (c *Cache) encode(n int) ([][]byte, error) {
	n = min(max(n, 1), maxShards)
	shards := make([][]entry, n)
	for i := range shards {
		shards[i] = make([]entry, 0, len(c.Pages)/n+1)
	}
	i := 0
	for path, p := range c.Pages {
		shards[i%n] = append(shards[i%n], entry{path, p})
		i++
	}
	blobs := make([]bytes.Buffer, n+1)
	var g errgroup.Group
	g.Go(func() error {
		h := header{Version: c.Version, Global: c.Global, Lists: c.Lists, Outputs: c.Outputs, Shards: n}
		return gob.NewEncoder(&blobs[0]).Encode(h)
	})
	for i, shard := range shards {
		g.Go(func() error {
			blobs[i+1].Grow(len(shard) * pageBytes)
			enc := gob.NewEncoder(&blobs[i+1])
			for _, e := range shard {
				if err := enc.Encode(e); err != nil {
					return err
				}
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	out := make([][]byte, len(blobs))
	for i := range blobs {
		out[i] = blobs[i].Bytes()
	}
	return out, nil
}

// writeBlobs writes each blob after its length.
func writeBlobs(w io.Writer, blobs [][]byte) error {
	for _, b := range blobs {
		if _, err := w.Write(binary.AppendUvarint(nil, uint64(len(b)))); err != nil {
			return err
		}
		if _, err := w.Write(b); err != nil {
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
