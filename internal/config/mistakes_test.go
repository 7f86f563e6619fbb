package config

import (
	"path"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"
)

// TestMistakes loads the config files of the table of writers' mistakes
// in internal/yamlpos/testdata/mistakes.txt, and expects each one's error
// at the line and column counted by hand.
func TestMistakes(t *testing.T) {
	a, err := txtar.ParseFile("../yamlpos/testdata/mistakes.txt")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for i, f := range a.Files {
		if !strings.HasPrefix(f.Name, "config/") || strings.HasSuffix(f.Name, ".want") {
			continue
		}
		if i+1 == len(a.Files) || a.Files[i+1].Name != f.Name+".want" {
			t.Fatalf("%s: no %s.want after it", f.Name, f.Name)
		}
		var want string
		for _, l := range strings.Split(string(a.Files[i+1].Data), "\n") {
			if l != "" && !strings.HasPrefix(l, "#") {
				want = l
			}
		}
		file := "plotline" + path.Ext(f.Name)
		_, err := Load(fstest.MapFS{file: {Data: f.Data}})
		if err == nil {
			t.Errorf("%s: Load() = nil; want %s", f.Name, want)
			continue
		}
		if got := err.Error(); got != file+":"+want {
			t.Errorf("%s:\ngot  %s\nwant %s:%s", f.Name, got, file, want)
		}
		n++
	}
	if n < 5 {
		t.Errorf("%d config cases in mistakes.txt; want them all", n)
	}
}
