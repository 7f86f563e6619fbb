package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/render"
)

// The build cache lets a build reuse what the previous build of the same
// output folder rendered. It is a file outside the site and the output
// (Options.CacheFile); a page is reused when the build's inputs as a whole
// (the plotline binary, the config, the templates and theme, the set of
// pages and files) and the page's own inputs (its source and the CSV files
// it reads) are byte for byte the same, and the files it wrote are still
// in the output as they were written. Reused files are hard-linked from
// the previous output into the new one, so the swap-on-success rule holds;
// when nothing at all would change, the previous output is left in place.

// cacheVersion changes whenever what the cache holds changes shape.
const cacheVersion = 3

// buildCache is what the cache file holds.
type buildCache struct {
	Version int
	Global  [32]byte
	Pages   map[string]cachedPage // by source path
	Lists   map[string]cachedList // by site path
	Outputs outputSet             // every file of the output
}

// outputSet fingerprints a set of site paths: two builds whose outputs
// hold the same files have the same one.
type outputSet struct {
	Count int
	Sum   uint64 // of the paths' FNV-1a hashes, so that order does not count
}

// add counts sitePath in the set.
func (s *outputSet) add(sitePath string) {
	h := fnv.New64a()
	h.Write([]byte(sitePath))
	s.Count++
	s.Sum += h.Sum64()
}

// cachedPage is one page of the last build.
type cachedPage struct {
	Key     [32]byte
	URL     string
	Kind    content.Kind
	Date    time.Time
	Summary render.Summary
	Feed    string
	Deps    []string
	Files   map[string]fileStamp // site path → how it was written
}

// cachedList is one list page of the last build.
type cachedList struct {
	Key  uint64
	File fileStamp
}

// fileStamp identifies a file as a build wrote it.
type fileStamp struct {
	Size    int64
	ModTime int64
}

func stampOf(fi fs.FileInfo) fileStamp {
	return fileStamp{Size: fi.Size(), ModTime: fi.ModTime().UnixNano()}
}

// emptyCache returns a cache with nothing to reuse.
func emptyCache(global [32]byte) *buildCache {
	return &buildCache{Version: cacheVersion, Global: global, Pages: map[string]cachedPage{}, Lists: map[string]cachedList{}}
}

// loadCache reads the cache file; a missing, unreadable or outdated cache
// is an empty one.
func loadCache(file string, global [32]byte) *buildCache {
	empty := emptyCache(global)
	if file == "" {
		return nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return empty
	}
	var c buildCache
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&c); err != nil || c.Version != cacheVersion || c.Global != global {
		return empty
	}
	return &c
}

// save writes the cache file whole, or not at all.
func (c *buildCache) save(file string) error {
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

// DefaultCacheFile returns where the cache of the output folder dest is
// kept: in the user's cache folder, one file per output folder. It returns
// "" when there is no cache folder.
func DefaultCacheFile(dest string) string {
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

// globalKey hashes what every page depends on.
func (r *run) globalKey(site *content.Site) ([32]byte, error) {
	h := sha256.New()
	fmt.Fprintf(h, "v%d\x00", cacheVersion)
	if exe, err := os.Executable(); err == nil {
		if fi, err := os.Stat(exe); err == nil {
			fmt.Fprintf(h, "%s\x00%d\x00%d\x00", exe, fi.Size(), fi.ModTime().UnixNano())
		}
	}
	fmt.Fprintf(h, "%#v\x00%v\x00", r.b.cfg, r.b.opts.Drafts)
	for _, name := range slices.Sorted(maps.Keys(r.st.theme)) {
		fmt.Fprintf(h, "%s=%s\x00", name, r.st.theme[name])
	}
	err := fs.WalkDir(r.b.fsys, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := fs.ReadFile(r.b.fsys, p)
		if err != nil {
			// The template pass reports it; the key only has to differ.
			fmt.Fprintf(h, "%s!%v\x00", p, err)
			return nil
		}
		sum := sha256.Sum256(src)
		fmt.Fprintf(h, "%s=%x\x00", p, sum)
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return [32]byte{}, err
	}
	for _, p := range site.Pages {
		fmt.Fprintf(h, "page %s %s %v\x00", p.Path, p.URL, p.Broken)
	}
	for _, a := range site.Assets {
		fmt.Fprintf(h, "asset %s\x00", a)
	}
	var key [32]byte
	copy(key[:], h.Sum(nil))
	return key, nil
}

// pageKey hashes a page's own inputs under the global key.
func (r *run) pageKey(src []byte, deps []string) ([32]byte, bool) {
	h := sha256.New()
	h.Write(r.cacheGlobal[:])
	h.Write(src)
	for _, d := range deps {
		data, err := fs.ReadFile(r.b.fsys, d)
		if err != nil {
			return [32]byte{}, false
		}
		fmt.Fprintf(h, "\x00%s\x00%d\x00", d, len(data))
		h.Write(data)
	}
	var key [32]byte
	copy(key[:], h.Sum(nil))
	return key, true
}

// reuse takes the files a cached page wrote from the previous output,
// when they are all still as written. It returns the page's record, or
// nil when the page must be rendered.
func (r *run) reuse(path string, src []byte, feed feedPolicy) *record {
	c, ok := r.prev.Pages[path]
	if !ok {
		return nil
	}
	key, ok := r.pageKey(src, c.Deps)
	if !ok || key != c.Key {
		return nil
	}
	rec := &record{path: path, url: c.URL, kind: c.Kind, date: c.Date, deps: c.Deps, key: key}
	summary := c.Summary
	rec.summary = &summary
	if feed.wantsDated(c.Kind, c.Date, path) {
		if c.Feed == "" {
			return nil // the feed now needs its HTML, which was not kept
		}
		rec.feed = c.Feed
	}
	files := slices.Sorted(maps.Keys(c.Files))
	for _, f := range files {
		if !r.unchanged(f, c.Files[f]) {
			return nil
		}
	}
	for _, f := range files {
		r.linkOld(f, c.Files[f])
		rec.outputs = append(rec.outputs, f)
	}
	r.mu.Lock()
	r.reused++
	r.mu.Unlock()
	return rec
}

// unchanged reports whether the previous output holds the file at
// sitePath as the previous build wrote it.
func (r *run) unchanged(sitePath string, want fileStamp) bool {
	fi, err := os.Lstat(filepath.Join(r.out.dest, filepath.FromSlash(sitePath)))
	return err == nil && fi.Mode().IsRegular() && stampOf(fi) == want
}

// linkOld takes the file at sitePath, which unchanged has checked, from
// the previous output: the output links it in before it is committed, or
// keeps the previous output whole.
func (r *run) linkOld(sitePath string, want fileStamp) {
	r.out.linkLater(sitePath, want)
	r.mu.Lock()
	r.outputSet.add(sitePath)
	r.files++
	if filepath.Ext(sitePath) == ".html" {
		r.pages++
	}
	r.mu.Unlock()
}

// saveCache records this build for the next one. A file's stamp is the
// one the output recorded when it wrote or linked the file; the files it
// has none for are looked up by as many workers as there are cores: at
// 10,000 articles there are over 20,000 files.
func (r *run) saveCache(file string) error {
	c := &buildCache{Version: cacheVersion, Global: r.cacheGlobal, Pages: map[string]cachedPage{}, Lists: map[string]cachedList{}, Outputs: r.outputSet}
	var recs []*record
	for _, rec := range r.st.pages {
		if rec.key != ([32]byte{}) {
			recs = append(recs, rec)
		}
	}
	lists := slices.Collect(maps.Keys(r.st.lists))
	pageFiles := make([]map[string]fileStamp, len(recs))
	listFiles := make([]fileStamp, len(lists))
	stamp := func(sitePath string) (fileStamp, error) {
		if st, ok := r.out.stamp(sitePath); ok {
			return st, nil
		}
		fi, err := os.Stat(filepath.Join(r.out.dest, filepath.FromSlash(sitePath)))
		if err != nil {
			return fileStamp{}, err
		}
		return stampOf(fi), nil
	}
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, rec := range recs {
		g.Go(func() error {
			files := make(map[string]fileStamp, len(rec.outputs))
			for _, f := range rec.outputs {
				st, err := stamp(f)
				if err != nil {
					return err
				}
				files[f] = st
			}
			pageFiles[i] = files
			return nil
		})
	}
	for i, sitePath := range lists {
		g.Go(func() (err error) {
			listFiles[i], err = stamp(sitePath)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	for i, rec := range recs {
		c.Pages[rec.path] = cachedPage{Key: rec.key, URL: rec.url, Kind: rec.kind, Date: rec.date, Summary: *rec.summary, Feed: rec.feed, Deps: rec.deps, Files: pageFiles[i]}
	}
	for i, sitePath := range lists {
		c.Lists[sitePath] = cachedList{Key: r.st.lists[sitePath], File: listFiles[i]}
	}
	return c.save(file)
}
