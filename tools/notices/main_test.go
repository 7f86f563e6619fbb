package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/plotline/plotline/internal/notices"
	"github.com/plotline/plotline/tools/internal/noticegen"
)

// TestUpToDate makes the notices again from go.mod, the module cache and
// the vendored files, and fails when the committed NOTICES.txt, which the
// binary embeds, says anything else. It downloads nothing: outside CI, a
// module missing from the cache skips it; .ci/run downloads them first.
func TestUpToDate(t *testing.T) {
	root, err := noticegen.ModuleRoot(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// The go command reads go.mod and go.sum in another process; reading
	// them here too makes go test's cache of this result depend on them.
	for _, f := range []string{"go.mod", "go.sum"} {
		if _, err := os.ReadFile(filepath.Join(root, f)); err != nil {
			t.Fatal(err)
		}
	}
	inCI := os.Getenv("CI") != ""
	got, err := noticegen.Generate(context.Background(), noticegen.Options{Root: root, Env: []string{"GOPROXY=off"}})
	if errors.Is(err, noticegen.ErrModuleMissing) {
		if inCI {
			t.Fatalf("%v", err)
		}
		t.Skipf("cannot check %s: %v", noticegen.File, err)
	}
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(noticegen.File)))
	if err != nil {
		t.Fatal(err)
	}
	lines := func(b []byte) []string { return strings.Split(string(b), "\n") }
	if diff := cmp.Diff(lines(committed), lines(got)); diff != "" {
		t.Errorf("%s is out of date: run go run ./tools/notices (-committed +made now):\n%s", noticegen.File, diff)
	}
	if notices.Text() != string(committed) {
		t.Errorf("internal/notices embeds another text than %s", noticegen.File)
	}

	// What the notices must name, and what they must not: go-cmp and
	// chromedp are used by the tests only.
	for _, want := range []string{
		"\tplotline\n",
		"plotline, LICENSE\n",
		"Copyright (c) The plotline authors",
		"Go, the standard library and runtime, LICENSE\n",
		"Copyright 2009 The Go Authors",
		"(theme/vendor/echarts), NOTICE\n",
		"(theme/vendor/echarts), licenses/LICENSE-zrender\n",
		"(internal/ogimage/fonts), OFL.txt\n",
		"(internal/ogimage/fonts), GO-LICENSE\n",
		"\tgithub.com/yuin/goldmark@v",
		"\tgolang.org/x/sys@v",
		"go.yaml.in/yaml/v3@v3.0.6, NOTICE\n",
	} {
		if !strings.Contains(string(got), want) {
			t.Errorf("the notices have no %q", want)
		}
	}
	for _, unwanted := range []string{"chromedp", "go-cmp", "go-internal", root} {
		if strings.Contains(string(got), unwanted) {
			t.Errorf("the notices mention %q, which the binary does not contain", unwanted)
		}
	}
}
