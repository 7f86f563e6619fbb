package plotline

import (
	"os/exec"
	"strings"
	"testing"
)

// allowedInternal lists, for each internal package, the internal packages
// it may import. The data flows one way: files → content → data →
// chart and markdown → render → site; watch and serve know nothing of
// builds, and only cli knows everything.
var allowedInternal = map[string][]string{
	"diag":       {},
	"projection": {},
	"overlay":    {},
	"highlight":  {},
	"scaffold":   {},
	"sitefs":     {},
	"yamlsubset": {},
	"config":     {"diag"},
	"content":    {"diag", "sitefs", "yamlsubset"},
	"data":       {"diag", "projection", "content"},
	"chart":      {"diag", "content", "data"},
	"markdown":   {"diag", "highlight"},
	"render":     {"diag"},
	"site":       {"diag", "config", "content", "data", "chart", "markdown", "render", "overlay", "projection"},
	"watch":      {"diag"},
	"serve":      {"diag"},
	"cli":        {"*"},
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
		for _, imp := range fields[1:] {
			dep, ok := strings.CutPrefix(imp, prefix)
			if !ok || (len(allowed) == 1 && allowed[0] == "*") {
				continue
			}
			ok = false
			for _, a := range allowed {
				ok = ok || a == dep
			}
			if !ok {
				t.Errorf("internal/%s imports internal/%s, which the layout forbids", pkg, dep)
			}
		}
	}
	if checked < 10 {
		t.Errorf("checked %d internal packages; want all of them", checked)
	}
}
