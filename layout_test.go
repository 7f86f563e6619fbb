package plotline

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// allowedInternal lists, for each internal package, the internal packages
// it may import. The data flows one way: files → content → data →
// chart and markdown → render → site; watch and serve know nothing of
// builds, and only cli knows everything.
var allowedInternal = map[string][]string{
	"diag":        {},
	"projection":  {},
	"overlay":     {},
	"highlight":   {},
	"anchor":      {},
	"scaffold":    {},
	"sitefs":      {},
	"yamlsubset":  {},
	"yamlpos":     {"diag"},
	"claim":       {},
	"version":     {},
	"ogimage":     {},
	"notices":     {},
	"locale":      {},
	"words":       {"diag", "yamlpos", "sitefs"},
	"browsertest": {},
	"config":      {"diag", "yamlpos", "sitefs"},
	"content":     {"diag", "sitefs", "yamlsubset", "yamlpos"},
	"data":        {"diag", "projection", "claim", "yamlpos", "sitefs", "locale"},
	"chart":       {"diag", "data", "yamlpos", "yamlsubset", "ogimage", "locale", "words"},
	"markdown":    {"diag", "highlight", "anchor"},
	"render":      {"diag", "sitefs", "locale", "words"},
	"output":      {"sitefs"},
	"buildcache":  {"content", "diag", "output", "render"},
	"importer":    {"content", "diag", "anchor", "yamlpos", "sitefs", "markdown"},
	"site":        {"diag", "config", "content", "data", "chart", "markdown", "render", "sitefs", "output", "buildcache", "ogimage", "locale", "words"},
	"watch":       {"sitefs"},
	"devloop":     {},
	"serve":       {"sitefs"},
	"cli":         {"*"},
}

// TestLayout fails when a package imports one the table above forbids, so
// the direction of the dependencies is kept by the tests.
func TestLayout(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}} {{join .Imports " "}}`, "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	const prefix = "github.com/plotline/plotline/internal/"
	checked := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg, ok := strings.CutPrefix(fields[0], prefix)
		if !ok {
			continue
		}
		allowed, known := allowedInternal[pkg]
		if !known {
			t.Errorf("internal/%s is not in the layout table: add it with the packages it may import", pkg)
			continue
		}
		checked++
		used := map[string]bool{}
		for _, imp := range fields[1:] {
			dep, ok := strings.CutPrefix(imp, prefix)
			if !ok || (len(allowed) == 1 && allowed[0] == "*") {
				continue
			}
			used[dep] = true
			if !slices.Contains(allowed, dep) {
				t.Errorf("internal/%s imports internal/%s, which the layout forbids", pkg, dep)
			}
		}
		// The table says what the design intends, no more: an edge the
		// code does not use is one a later change could take unseen.
		for _, a := range allowed {
			if a != "*" && !used[a] {
				t.Errorf("the layout lets internal/%s import internal/%s, which it does not: remove it from the table", pkg, a)
			}
		}
	}
	if checked < 10 {
		t.Errorf("checked %d internal packages; want all of them", checked)
	}
}
