package site

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestRebuildNewDeletedRenamed adds, deletes and renames articles of a
// site whose lists run over several pages, one change a rebuild: each is
// a rebuild, not a full build, and leaves what a clean build makes. A new
// article at the top of the lists moves every page of them; one in the
// middle moves only the pages from its own on.
func TestRebuildNewDeletedRenamed(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	files := map[string]string{"plotline.yaml": "page_size: 2\nfeed_items: 3\n"}
	article := func(title, date, tags string) string {
		return fmt.Sprintf("---\ntitle: %s\ndate: %s\ntags: [%s]\n---\nBody of %s.\n", title, date, tags, title)
	}
	for i := 1; i <= 9; i++ {
		tags := "all"
		if i%2 == 0 {
			tags = "all, even"
		}
		files[fmt.Sprintf("content/articles/a%d.md", i)] = article(fmt.Sprintf("A%d", i), fmt.Sprintf("2025-01-0%d", i), tags)
	}
	writeFiles(t, dir, files)
	b := newTestBuilder(t, dir, dest)
	ctx := context.Background()
	if _, err := b.Build(ctx); err != nil {
		t.Fatal(err)
	}
	rename := func(from, to string) func() {
		return func() {
			if err := os.Rename(filepath.Join(dir, from), filepath.Join(dir, to)); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, step := range []struct {
		name    string
		do      func()
		changes []string
		// The files the rebuild changes outside tags/, whose lists all
		// change with any article of the tag, for they show its count.
		changed []string
	}{
		{
			name: "new article, newest of all",
			do: func() {
				writeFiles(t, dir, map[string]string{"content/articles/new.md": article("New", "2025-02-01", "all, even")})
			},
			changes: []string{"content/articles/new.md"},
			changed: []string{"articles/new/index.html", "feed.xml", "index.html", "page/2/index.html", "page/3/index.html", "page/4/index.html", "page/5/index.html"},
		},
		{
			// Pages 1 to 3 show New to a5 as before: they stay.
			name:    "deleted article in the middle",
			do:      func() { os.Remove(filepath.Join(dir, "content/articles/a4.md")) },
			changes: []string{"content/articles/a4.md"},
			changed: []string{"articles/a4/index.html", "page/4/index.html", "page/5/index.html"},
		},
		{
			// Same date, same neighbours: only its own list page changes.
			name:    "renamed article",
			do:      rename("content/articles/a2.md", "content/articles/b2.md"),
			changes: []string{"content/articles/a2.md", "content/articles/b2.md"},
			changed: []string{"articles/a2/index.html", "articles/b2/index.html", "page/4/index.html"},
		},
		{
			name:    "renamed newest article",
			do:      rename("content/articles/new.md", "content/articles/newer.md"),
			changes: []string{"content/articles/new.md", "content/articles/newer.md"},
			changed: []string{"articles/new/index.html", "articles/newer/index.html", "feed.xml", "index.html"},
		},
		{
			// Eight articles: the fifth page goes.
			name:    "deleted newest article",
			do:      func() { os.Remove(filepath.Join(dir, "content/articles/newer.md")) },
			changes: []string{"content/articles/newer.md"},
			changed: []string{"articles/newer/index.html", "feed.xml", "index.html", "page/2/index.html", "page/3/index.html", "page/4/index.html", "page/5/index.html"},
		},
	} {
		step.do()
		res, err := b.Rebuild(ctx, step.changes)
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if res.Full {
			t.Errorf("%s: a full build; want a rebuild", step.name)
		}
		var changed []string
		for _, f := range res.Changed {
			if !strings.HasPrefix(f, "tags/") {
				changed = append(changed, f)
			}
		}
		if !slices.Equal(changed, step.changed) {
			t.Errorf("%s: changed %v outside tags/; want %v", step.name, changed, step.changed)
		}
		assertSameAsCleanBuild(t, dir, dest)
		if t.Failed() {
			t.FailNow()
		}
	}
}

// TestRebuildPassing checks which changed paths a rebuild reports as
// passing, in neither the last build nor this one: sed -i's temporary
// file beside the article it renames over, and a Markdown file saved and
// removed between two builds. A page, a draft and a file of the last
// build that are removed are not passing: the rebuild takes them out.
func TestRebuildPassing(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	writeFiles(t, dir, map[string]string{
		"content/articles/a.md":     "---\ntitle: A\ndate: 2025-01-01\n---\nA.\n",
		"content/articles/b.md":     "---\ntitle: B\ndate: 2025-01-02\n---\nB.\n",
		"content/articles/d.md":     "---\ntitle: D\ndate: 2025-01-03\ndraft: true\n---\nD.\n",
		"content/articles/map.png":  "png",
		"content/articles/keep.png": "png",
	})
	b := newTestBuilder(t, dir, dest)
	ctx := context.Background()
	if _, err := b.Build(ctx); err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{"content/articles/a.md": "---\ntitle: A\ndate: 2025-01-01\n---\nA again.\n"})
	for _, p := range []string{"b.md", "d.md", "map.png"} {
		if err := os.Remove(filepath.Join(dir, "content/articles", p)); err != nil {
			t.Fatal(err)
		}
	}
	changes := []string{"content/articles/a.md", "content/articles/b.md", "content/articles/d.md", "content/articles/map.png",
		"content/articles/sedq1Xz9", "content/articles/c.md"}
	res, err := b.Rebuild(ctx, changes)
	if err != nil {
		t.Fatal(err)
	}
	if res.Full {
		t.Fatal("a full build; want a rebuild")
	}
	want := []string{"content/articles/c.md", "content/articles/sedq1Xz9"}
	if got := slices.Sorted(slices.Values(res.Passing)); !slices.Equal(got, want) {
		t.Errorf("passing %q; want %q", got, want)
	}
	assertSameAsCleanBuild(t, dir, dest)
}
