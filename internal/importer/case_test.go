package importer

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite the expected parts of testdata/cases/*.txtar from current output")

// caseNow is the day a case imports on, unless its comment names another
// with a line "now: 2020-01-02".
var caseNow = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// Each case of testdata/cases is a small site in a txtar archive, and
// what its import must make of it. The comment says what the case shows;
// a line "kind: hugo" or "kind: jekyll" in it names the generator. Files:
//
//	src/PATH    a file of the source site
//	want/PATH   the file PATH of the new site, byte for byte
//	files       every file of the new site, one a line; a copied one as
//	            "PATH <- SOURCE PATH"
//	report      the report, as plotline import writes it
//
// go test -run Cases -update rewrites files, report and each want/ file
// from what the import makes; review the diff.
func TestCases(t *testing.T) {
	names, err := filepath.Glob(filepath.Join("testdata", "cases", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(names) == 0 {
		t.Fatal("no cases in testdata/cases")
	}
	for _, name := range names {
		t.Run(strings.TrimSuffix(filepath.Base(name), ".txtar"), func(t *testing.T) { runCase(t, name) })
	}
}

func runCase(t *testing.T, name string) {
	a, err := txtar.ParseFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var kind Kind
	now := caseNow
	for l := range strings.Lines(string(a.Comment)) {
		if k, ok := strings.CutPrefix(l, "kind:"); ok {
			kind = Kind(strings.TrimSpace(k))
		}
		if d, ok := strings.CutPrefix(l, "now:"); ok {
			if now, err = time.Parse("2006-01-02", strings.TrimSpace(d)); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
	}
	src := fstest.MapFS{}
	for _, f := range a.Files {
		if p, ok := strings.CutPrefix(f.Name, "src/"); ok {
			src[p] = &fstest.MapFile{Data: f.Data, ModTime: now}
		}
	}
	res, err := Import(src, kind, now)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	got := map[string][]byte{}
	var files bytes.Buffer
	paths := make([]string, 0, len(res.Files))
	for p := range res.Files {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		f := res.Files[p]
		if f.Data != nil {
			files.WriteString(p + "\n")
			got["want/"+p] = f.Data
			continue
		}
		files.WriteString(p + " <- " + f.Src + "\n")
		sf, ok := src[f.Src]
		if !ok {
			t.Errorf("%s: %s is copied from %s, which the source does not have", name, p, f.Src)
			continue
		}
		got["want/"+p] = sf.Data
	}
	got["files"] = files.Bytes()
	var report bytes.Buffer
	res.Report(&report, "")
	got["report"] = report.Bytes()

	changed := false
	for i, f := range a.Files {
		if f.Name != "files" && f.Name != "report" && !strings.HasPrefix(f.Name, "want/") {
			continue
		}
		g, ok := got[f.Name]
		if !ok {
			t.Errorf("%s: the new site has no %s", name, strings.TrimPrefix(f.Name, "want/"))
			continue
		}
		if bytes.Equal(f.Data, g) {
			continue
		}
		if *update {
			a.Files[i].Data = g
			changed = true
			continue
		}
		t.Errorf("%s: %s differs (-want +got):\n%s", name, f.Name, cmp.Diff(string(f.Data), string(g)))
	}
	if changed {
		if err := os.WriteFile(name, txtar.Format(a), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
