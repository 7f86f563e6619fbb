package site

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"runtime"
	"slices"

	"golang.org/x/sync/errgroup"

	"github.com/plotline/plotline/internal/buildcache"
	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/output"
	"github.com/plotline/plotline/internal/sitefs"
	"github.com/plotline/plotline/internal/words"
)

// A full build with a cache (Options.CacheFile) reuses the pages of the
// previous build of the same output whose inputs have not changed: the
// build's inputs as a whole (globalKey) and the page's own (pageKey). A
// reused page's files are taken from the previous output as they are.

// hashFiles hashes the names and contents of the files of the folder dir,
// as the build reads them (leaving out what sitefs.LeftOut does).
func hashFiles(h io.Writer, fsys fs.FS, dir string) error {
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if skip, err := sitefs.SkipLeftOut(dir, p, d); skip {
			return err
		}
		if d.IsDir() {
			return nil
		}
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			// The build reports it; the key only has to differ.
			fmt.Fprintf(h, "%s!%v\x00", p, err)
			return nil
		}
		sum := sha256.Sum256(src)
		fmt.Fprintf(h, "%s=%x\x00", p, sum)
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// globalKey hashes what every page depends on.
func (r *run) globalKey(site *content.Site) (buildcache.Key, error) {
	h := sha256.New()
	fmt.Fprintf(h, "v%d\x00", buildcache.Version)
	if exe, err := os.Executable(); err == nil {
		if fi, err := os.Stat(exe); err == nil {
			fmt.Fprintf(h, "%s\x00%d\x00%d\x00", exe, fi.Size(), fi.ModTime().UnixNano())
		}
	}
	fmt.Fprintf(h, "%#v\x00%v\x00%v\x00%v\x00", r.b.cfg, r.b.opts.Drafts, r.b.opts.Future, r.st.site.HasData)
	for _, name := range slices.Sorted(maps.Keys(r.st.theme)) {
		fmt.Fprintf(h, "%s=%s\x00", name, r.st.theme[name])
	}
	for _, dir := range []string{"templates", words.Dir} {
		if err := hashFiles(h, r.b.fsys, dir); err != nil {
			return buildcache.Key{}, err
		}
	}
	for _, p := range site.Pages {
		fmt.Fprintf(h, "page %s %s %v %q\x00", p.Path, p.URL, p.Broken, p.Nav)
		for _, a := range p.Aliases {
			// Links to an alias are checked against the set of aliases.
			fmt.Fprintf(h, "alias %s\x00", a.File)
		}
	}
	for _, a := range site.Assets {
		fmt.Fprintf(h, "asset %s\x00", a)
	}
	// The pages dated after the build's day: on a later day the set
	// differs, and so does every page that lists or links to them.
	for _, p := range site.Later {
		fmt.Fprintf(h, "later %s\x00", p.Path)
	}
	return buildcache.Key(h.Sum(nil)), nil
}

// pageKey hashes a page's own inputs under the global key: its source
// and the digests of the files it depends on.
func (r *run) pageKey(src []byte, deps []string) (buildcache.Key, bool) {
	h := sha256.New()
	h.Write(r.cacheGlobal[:])
	h.Write(src)
	for _, d := range deps {
		digest := r.depDigest(d)
		if digest == nil {
			return buildcache.Key{}, false
		}
		fmt.Fprintf(h, "\x00%s\x00", d)
		h.Write(digest)
	}
	return buildcache.Key(h.Sum(nil)), true
}

// depDigest returns the SHA-256 of the file at path, read once a build,
// or nil when it cannot be read: a 3.5 MB CSV file that a thousand blocks
// read was read and hashed a thousand times, for minutes.
func (r *run) depDigest(path string) []byte {
	if d, ok := r.depDigests.Load(path); ok {
		return d.([]byte)
	}
	var digest []byte
	if data, err := fs.ReadFile(r.b.fsys, path); err == nil {
		sum := sha256.Sum256(data)
		digest = sum[:]
	}
	d, _ := r.depDigests.LoadOrStore(path, digest)
	return d.([]byte)
}

// reuse takes the files a cached page wrote from the previous output,
// when they are all still as written. It returns the page's record, or
// nil when the page must be rendered.
func (r *run) reuse(path string, src []byte, feed feedSet) *record {
	c, ok := r.prev.Pages[path]
	if !ok {
		return nil
	}
	key, ok := r.pageKey(src, c.Deps)
	if !ok || key != c.Key {
		return nil
	}
	rec := &record{path: path, url: c.URL, kind: c.Kind, date: c.Date, summary: &c.Summary, deps: c.Deps, links: c.Links, checks: c.Checks, ids: c.IDs, card: c.Card, key: key, unknown: c.Unknown, tagPos: c.TagPos, warnings: c.Warnings}
	if feed[path] {
		if c.Feed == "" {
			return nil // the feed now needs its HTML, which was not kept
		}
		rec.feed = c.Feed
	}
	files := slices.Sorted(maps.Keys(c.Files))
	if slices.ContainsFunc(files, func(f string) bool { return !r.tx.Unchanged(f, c.Files[f]) }) {
		return nil
	}
	for _, f := range files {
		r.reuseFile(f, path, c.Files[f])
		rec.outputs = append(rec.outputs, f)
	}
	r.mu.Lock()
	r.reused++
	r.mu.Unlock()
	return rec
}

// reuseList takes a list page from the previous output when what it
// shows has not changed and the file is as written, and reports whether
// it did.
func (r *run) reuseList(sitePath, owner string, key uint64) bool {
	if r.prev == nil {
		return false
	}
	c, ok := r.prev.Lists[sitePath]
	if !ok || c.Key != key || !r.tx.Unchanged(sitePath, c.File) {
		return false
	}
	r.reuseFile(sitePath, owner, c.File)
	return true
}

// saveCache records this build for the next one. A file's stamp is the
// one the output recorded when it wrote or took the file; the files it
// has none for are looked up by as many workers as there are cores: at
// 10,000 articles there are over 20,000 files.
func (r *run) saveCache(file string) error {
	c := buildcache.New(r.cacheGlobal)
	c.Outputs = r.tx.Set()
	var recs []*record
	for _, rec := range r.st.pages {
		if rec.key != (buildcache.Key{}) {
			recs = append(recs, rec)
		}
	}
	lists := slices.Collect(maps.Keys(r.st.lists))
	pageFiles := make([]map[string]output.Stamp, len(recs))
	listFiles := make([]output.Stamp, len(lists))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, rec := range recs {
		g.Go(func() error {
			files := make(map[string]output.Stamp, len(rec.outputs))
			for _, f := range rec.outputs {
				st, err := r.tx.FileStamp(f)
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
			listFiles[i], err = r.tx.FileStamp(sitePath)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	for i, rec := range recs {
		c.Pages[rec.path] = buildcache.Page{Key: rec.key, URL: rec.url, Kind: rec.kind, Date: rec.date, Summary: *rec.summary, Feed: rec.feed, Deps: rec.deps, Links: rec.links, Checks: rec.checks, IDs: rec.ids, Card: rec.card, Unknown: rec.unknown, TagPos: rec.tagPos, Warnings: rec.warnings, Files: pageFiles[i]}
	}
	for i, sitePath := range lists {
		c.Lists[sitePath] = buildcache.List{Key: r.st.lists[sitePath], File: listFiles[i]}
	}
	return c.Save(file)
}
