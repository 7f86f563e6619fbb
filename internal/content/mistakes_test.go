package content

import (
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/plotline/plotline/internal/diag"
)

// mistakes returns the cases of internal/yamlpos/testdata/mistakes.txt
// whose names start with prefix: each file and the one error it should
// give, "line:col: message".
func mistakes(t *testing.T, prefix string) (names []string, srcs [][]byte, wants []string) {
	t.Helper()
	a, err := txtar.ParseFile("../yamlpos/testdata/mistakes.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, f := range a.Files {
		if name, ok := strings.CutSuffix(f.Name, ".want"); ok {
			for _, l := range strings.Split(string(f.Data), "\n") {
				if l != "" && !strings.HasPrefix(l, "#") {
					want[name] = l
				}
			}
		}
	}
	for _, f := range a.Files {
		if strings.HasPrefix(f.Name, prefix) && !strings.HasSuffix(f.Name, ".want") {
			names, srcs, wants = append(names, f.Name), append(srcs, f.Data), append(wants, want[f.Name])
		}
	}
	if len(names) == 0 {
		t.Fatalf("no cases named %s… in mistakes.txt", prefix)
	}
	return names, srcs, wants
}

// TestMistakes parses the articles of the table of writers' mistakes in
// internal/yamlpos/testdata/mistakes.txt, and expects each one's error at
// the line and column counted by hand.
func TestMistakes(t *testing.T) {
	names, srcs, wants := mistakes(t, "content/")
	for i, name := range names {
		var diags diag.List
		Parse(name, srcs[i], &diags)
		got := diagStrings(diags.Errors())
		if want := name + ":" + wants[i]; len(got) != 1 || got[0] != want {
			t.Errorf("%s:\ngot  %s\nwant %s", name, strings.Join(got, "\n     "), want)
		}
	}
}
