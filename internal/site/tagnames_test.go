package site

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
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
