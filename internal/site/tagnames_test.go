package site

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/render"
)

// TestTagSpellingsRebuild checks that the warnings about two names of one
// tag page ("C" and "C++") are those a clean build gives after each
// rebuild: an edit that moves the tags down a line (the lists stay as
// they were), an article that takes the other name away, and one that
// brings it back.
func TestTagSpellingsRebuild(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	writeFiles(t, dir, map[string]string{
		"plotline.yaml":         "title: Code desk\n",
		"content/articles/a.md": "---\ntitle: A\ndate: 2025-01-01\ntags: [C++]\n---\nText.\n",
		"content/articles/b.md": "---\ntitle: B\ndate: 2025-01-02\ntags: [C, Go]\n---\nText.\n",
	})
	b := newTestBuilder(t, dir, dest)
	if _, err := b.Build(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		name, file, text string
		want             []string
	}{
		{"the tags a line down", "content/articles/b.md", "---\ntitle: B\ndate: 2025-01-02\n# A comment, which changes no list.\ntags: [C, Go]\n---\nText.\n",
			[]string{`content/articles/a.md:4:8: warning: tags: "C++" has the page of "C" (content/articles/b.md:5:8), tags/c/, which lists the articles of both under "C": spell them alike, or rename one`}},
		{"the other name taken away", "content/articles/b.md", "---\ntitle: B\ndate: 2025-01-02\ntags: [Go]\n---\nText.\n", nil},
		{"and brought back", "content/articles/b.md", "---\ntitle: B\ndate: 2025-01-02\ntags: [Go, c]\n---\nText.\n",
			[]string{`content/articles/a.md:4:8: warning: tags: "C++" has the page of "c" (content/articles/b.md:4:12), tags/c/, which lists the articles of both under "c": spell them alike, or rename one`}},
	} {
		writeFiles(t, dir, map[string]string{step.file: step.text})
		res, err := b.Rebuild(context.Background(), []string{step.file})
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		clean, err := newTestBuilder(t, dir, filepath.Join(t.TempDir(), "public")).Build(context.Background())
		if err != nil {
			t.Fatalf("%s: clean build: %v", step.name, err)
		}
		got, want := tagWarnings(res.Warnings), tagWarnings(clean.Warnings)
		if !slices.Equal(got, want) || !slices.Equal(got, step.want) {
			t.Errorf("%s: rebuild warns\n%s\nclean build\n%s\nwant\n%s", step.name, strings.Join(got, "\n"), strings.Join(want, "\n"), strings.Join(step.want, "\n"))
		}
	}
}

// tagWarnings returns the warnings of ws about tags, as text.
func tagWarnings[W interface{ String() string }](ws []W) []string {
	var out []string
	for _, w := range ws {
		if s := w.String(); strings.Contains(s, "warning: tags:") {
			out = append(out, s)
		}
	}
	return out
}

// manyTagRecords returns an article of 30,000 tags and one that writes
// two of them in other ways.
func manyTagRecords() []*record {
	many := &render.Summary{}
	for i := range 30_000 {
		many.Tags = append(many.Tags, render.Tag{Name: fmt.Sprintf("T%d", i), Slug: fmt.Sprintf("t%d", i)})
	}
	other := &render.Summary{Tags: []render.Tag{{Name: "t1", Slug: "t1"}, {Name: "T2+", Slug: "t2"}}}
	return []*record{
		{path: "content/b.md", kind: content.Article, summary: other},
		{path: "content/a.md", kind: content.Article, summary: many},
	}
}

// TestListingManyTags makes the listing of an article of 30,000 tags and
// one that writes a few of them in other ways: each tag's names, its
// count and its entry in the list of tags. BenchmarkListingManyTags
// times it.
func TestListingManyTags(t *testing.T) {
	l := newListing(manyTagRecords())
	tags := l.tagList()
	if len(l.mixed) != 1 || !l.mixed["t2"] {
		t.Errorf("mixed = %v; want t2 alone (T2 and T2+ are not alike, T1 and t1 are)", l.mixed)
	}
	if len(tags) != 30_000 {
		t.Fatalf("tagList() has %d tags; want 30,000", len(tags))
	}
	for _, tag := range tags {
		want := strings.ToUpper(tag.Slug)
		count := 1
		switch tag.Slug {
		case "t1":
			want, count = "t1", 2
		case "t2":
			want, count = "T2+", 2
		}
		if tag.Name != want || tag.Count != count {
			t.Errorf("tag %s: %q of %d articles; want %q of %d, as the newest article writes it", tag.Slug, tag.Name, tag.Count, want, count)
		}
	}
}

// BenchmarkListingManyTags times the listing of TestListingManyTags: each
// tag's names and its entry in the list of tags come from reading each
// article's tags once, where both read every tag of the article for each
// of its tags, 900 million, most of the 30 s such an article took to
// build.
func BenchmarkListingManyTags(b *testing.B) {
	records := manyTagRecords()
	for b.Loop() {
		newListing(records).tagList()
	}
}

// spellingRecords returns two articles of 20,000 tags each, written two
// ways that are not alike, "T1" in one and "T1+" in the other.
func spellingRecords() []*record {
	plain, plus := &render.Summary{}, &render.Summary{}
	for i := range 20_000 {
		slug := fmt.Sprintf("t%d", i)
		plain.Tags = append(plain.Tags, render.Tag{Name: fmt.Sprintf("T%d", i), Slug: slug})
		plus.Tags = append(plus.Tags, render.Tag{Name: fmt.Sprintf("T%d+", i), Slug: slug})
	}
	return []*record{
		{path: "content/b.md", kind: content.Article, summary: plus},
		{path: "content/a.md", kind: content.Article, summary: plain},
	}
}

// TestTagSpellingsManyTags warns of each of 20,000 tags written two ways
// that are not alike. BenchmarkTagSpellingsManyTags times it.
func TestTagSpellingsManyTags(t *testing.T) {
	r := &run{st: &state{listing: newListing(spellingRecords()), pages: map[string]*record{}}}
	warnings := r.tagSpellings()
	if len(warnings) != 20_000 || !strings.Contains(warnings[0].Message, `"T0" has the page of "T0+"`) {
		t.Errorf("%d warnings, the first %v; want 20,000, the first of T0 and T0+", len(warnings), warnings[0])
	}
}

// BenchmarkTagSpellingsManyTags times the warnings of
// TestTagSpellingsManyTags: the tags of each article are read once for
// all of them, where each was read through every tag of both articles,
// 800 million.
func BenchmarkTagSpellingsManyTags(b *testing.B) {
	r := &run{st: &state{listing: newListing(spellingRecords()), pages: map[string]*record{}}}
	for b.Loop() {
		r.tagSpellings()
	}
}
