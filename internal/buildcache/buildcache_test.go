package buildcache

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/output"
	"github.com/plotline/plotline/internal/render"
)

// sample returns a cache of n pages and two lists.
func sample(n int) *Cache {
	c := New(Key{1, 2, 3})
	c.Outputs = output.Set{Count: 3 * n, Sum: 42}
	for i := range n {
		path := fmt.Sprintf("content/articles/a%03d.md", i)
		url := fmt.Sprintf("articles/a%03d/", i)
		c.Pages[path] = Page{
			Key:     Key{byte(i)},
			URL:     url,
			Kind:    content.Article,
			Date:    time.Date(2025, 1, 1+i%28, 0, 0, 0, 0, time.UTC),
			Summary: render.Summary{Title: "Article " + fmt.Sprint(i), URL: url},
			IDs:     []string{"chart-1", "fn-1"},
			Files:   map[string]output.Stamp{url + "index.html": {Size: int64(100 + i), ModTime: int64(i)}},
		}
	}
	c.Lists["index.html"] = List{Key: 7, File: output.Stamp{Size: 9}}
	c.Lists["tags/index.html"] = List{Key: 8}
	return c
}

// encoded returns the cache file's contents for c.
func encoded(t *testing.T, c *Cache) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := c.encode(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestRoundTrip(t *testing.T) {
	for _, pages := range []int{0, 1, 2, 5, 100} {
		t.Run(fmt.Sprintf("%d pages", pages), func(t *testing.T) {
			want := sample(pages)
			got, err := decode(bytes.NewReader(encoded(t, want)))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("decoded cache differs:\n got %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestSaveLoad(t *testing.T) {
	file := filepath.Join(t.TempDir(), "sub", "cache.gob")
	want := sample(10)
	if err := want.Save(file); err != nil {
		t.Fatal(err)
	}
	if got := Load(file, want.Global); !reflect.DeepEqual(got, want) {
		t.Errorf("Load = %+v, want %+v", got, want)
	}
	if got := Load(file, Key{9}); len(got.Pages) != 0 || got.Global != (Key{9}) {
		t.Errorf("Load for another build = %d pages, global %x; want an empty cache for it", len(got.Pages), got.Global[:1])
	}
}

// TestLoadDamaged checks that a cache file that is cut short, has bytes
// added, or is not a cache file at all reads as an empty cache.
func TestLoadDamaged(t *testing.T) {
	c := sample(20)
	data := encoded(t, c)
	emptyCache := encoded(t, New(c.Global))
	// A header that counts one page fewer than follow.
	var short bytes.Buffer
	enc := gob.NewEncoder(&short)
	if err := enc.Encode(header{Version: Version, Global: c.Global, Pages: 1}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"content/articles/a000.md", "content/articles/a001.md"} {
		if err := enc.Encode(entry{p, c.Pages[p]}); err != nil {
			t.Fatal(err)
		}
	}
	cases := map[string][]byte{
		"empty":                 nil,
		"cut short":             data[:len(data)-1],
		"cut in the header":     append(append([]byte{}, data[:len(emptyCache)-1]...), 0),
		"part of a page added":  append(append([]byte{}, data...), data[len(data)-200:]...),
		"a page more than told": short.Bytes(),
		"extra bytes":           append(append([]byte{}, data...), 7, 1, 2),
		"not a cache":           []byte("hello, world"),
	}
	dir := t.TempDir()
	for name, b := range cases {
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if got := Load(file, c.Global); len(got.Pages) != 0 || len(got.Lists) != 0 || got.Version != Version {
			t.Errorf("%s: Load = %d pages, %d lists, version %d; want an empty cache", name, len(got.Pages), len(got.Lists), got.Version)
		}
	}
}

// TestLoadOtherVersion checks that a cache file of another version reads
// as an empty cache, whatever it holds.
func TestLoadOtherVersion(t *testing.T) {
	c := sample(3)
	c.Version = Version - 1
	data := encoded(t, c)
	file := filepath.Join(t.TempDir(), "cache.gob")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := Load(file, c.Global); len(got.Pages) != 0 {
		t.Errorf("Load of a version %d cache = %d pages; want none", c.Version, len(got.Pages))
	}
}

// FuzzDecode reads arbitrary bytes as a cache file. Nothing may panic,
// and what decodes must be a cache of this version with its maps made,
// which writes back to the same cache.
func FuzzDecode(f *testing.F) {
	for _, c := range []*Cache{sample(0), sample(1), sample(3)} {
		var b bytes.Buffer
		if err := c.encode(&b); err != nil {
			f.Fatal(err)
		}
		f.Add(b.Bytes())
	}
	f.Add([]byte("hello, world"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := decode(bytes.NewReader(data))
		if err != nil || c.Version != Version {
			return
		}
		if c.Pages == nil || c.Lists == nil {
			t.Fatalf("decoded cache has nil maps: %+v", c)
		}
		var b bytes.Buffer
		if err := c.encode(&b); err != nil {
			t.Fatalf("cannot write back what was read: %v", err)
		}
		again, err := decode(&b)
		if err != nil {
			t.Fatalf("cannot read back what was written: %v", err)
		}
		if !reflect.DeepEqual(again, c) {
			t.Fatalf("written and read back:\n%+v\nwant\n%+v", again, c)
		}
	})
}

// TestSaveOverFolder checks that a Save that cannot replace the cache
// file (a folder is in its place) leaves nothing behind: its temporary
// file stayed, one more each build, each the size of the cache.
func TestSaveOverFolder(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "cache.gob")
	if err := os.Mkdir(file, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := sample(3).Save(file); err == nil {
		t.Error("Save over a folder: no error")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("after Save over a folder, the cache folder holds %v; want cache.gob alone", names)
	}
}
