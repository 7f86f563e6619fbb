package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/plotline/plotline/internal/data"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/site"
)

func TestCheckJSONEncoding(t *testing.T) {
	for _, tc := range []struct {
		name   string
		diags  diag.List
		claims []site.Claim
		want   string
	}{
		{"clean", nil, nil, `{"errors":[],"warnings":[],"claims":[]}`},
		{
			"both",
			diag.List{
				{Pos: diag.Pos{Path: "content/a.md", Line: 3, Col: 7}, Severity: diag.Error, Message: `date: cannot parse "next tuesday"`},
				{Pos: diag.Pos{Path: "content/a.md", Line: 4, Col: 1}, Severity: diag.Warning, Message: `unknown front-matter key "colour"`},
				{Pos: diag.Pos{Path: "plotline.yaml"}, Severity: diag.Error, Message: "<whole file> & more"},
			},
			[]site.Claim{
				{Pos: diag.Pos{Path: "content/a.md", Line: 9, Col: 4}, ClaimResult: data.ClaimResult{
					Ref: "losses.crossing", Phrase: "by spring 2025", Value: "15 April 2025", True: true,
					Meaning: "on or before 31 May 2025", Suggest: "mid-April 2025"}},
				{Pos: diag.Pos{Path: "content/a.md", Line: 10, Col: 1}, ClaimResult: data.ClaimResult{
					Ref: "a.last.value", Other: "b.last.value", Phrase: "more than", Value: "300 is 0.11 times 2,700",
					Meaning: "more than b.last.value", Suggest: "a ninth of"}},
			},
			`{"errors":[{"path":"content/a.md","line":3,"col":7,"message":"date: cannot parse \"next tuesday\""},` +
				`{"path":"plotline.yaml","line":0,"col":0,"message":"\u003cwhole file\u003e \u0026 more"}],` +
				`"warnings":[{"path":"content/a.md","line":4,"col":1,"message":"unknown front-matter key \"colour\""}],` +
				`"claims":[{"path":"content/a.md","line":9,"col":4,"ref":"losses.crossing","phrase":"by spring 2025","value":"15 April 2025","verdict":"true","meaning":"on or before 31 May 2025","suggest":"mid-April 2025"},` +
				`{"path":"content/a.md","line":10,"col":1,"ref":"a.last.value","other":"b.last.value","phrase":"more than","value":"300 is 0.11 times 2,700","verdict":"false","meaning":"more than b.last.value","suggest":"a ninth of"}]}`,
		},
	} {
		got, err := json.Marshal(checkJSON(tc.diags.Errors(), tc.diags.Warnings(), tc.claims))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != tc.want {
			t.Errorf("%s: checkJSON = %s\nwant %s", tc.name, got, tc.want)
		}
	}
}

// TestCheck runs "plotline check" on a site with an error and a warning,
// then on a clean one, and checks that the site folder, its public/
// included, is exactly as before and that no temporary folder is left.
func TestCheck(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	dir := t.TempDir()
	writeSite(t, dir, map[string]string{
		"content/articles/a.md":    "---\ntitle: A\ndate: 2025-01-01\ncolour: blue\n---\nSee {{ nowhere.rate }}.\n",
		"content/articles/b.md":    "---\ntitle: B\ndate: 2025-01-02\n---\nB.\n",
		"public/index.html":        "the last good build",
		"public/articles/old.html": "old",
	})
	before := readTree(t, dir)

	run := func(args ...string) (int, string, string) {
		var stdout, stderr bytes.Buffer
		code := Main(context.Background(), append([]string{"check", "-s", dir}, args...), &stdout, &stderr)
		return code, stdout.String(), stderr.String()
	}

	code, stdout, stderr := run("--format", "json")
	if code != ExitContent {
		t.Errorf("check --format json exit = %d; want %d\nstderr:\n%s", code, ExitContent, stderr)
	}
	var got checkOutput
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("check --format json printed %q: %v", stdout, err)
	}
	want := checkOutput{
		Errors:   []jsonDiag{{Path: "content/articles/a.md", Line: 6, Col: 5, Message: `{{ nowhere.rate }}: no data block "nowhere" on this page (it has none)`}},
		Warnings: []jsonDiag{{Message: `front matter key "colour" is not used by plotline (in 1 file, at content/articles/a.md:4:1); put a site's own keys under params:`}},
		Claims:   []jsonClaim{},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("check --format json (-want +got):\n%s", diff)
	}

	code, stdout, stderr = run()
	if code != ExitContent || stdout != "" {
		t.Errorf("check exit = %d, stdout %q; want %d and nothing", code, stdout, ExitContent)
	}
	wantErr := "warning: front matter key \"colour\" is not used by plotline (in 1 file, at content/articles/a.md:4:1)"
	if !strings.HasPrefix(stderr, wantErr) || !strings.Contains(stderr, "\ncontent/articles/a.md:6:5: {{ nowhere.rate }}") ||
		!strings.HasSuffix(stderr, "\nplotline: 1 error, 1 warning\n") || strings.Count(stderr, "warning:") != 1 {
		t.Errorf("check stderr:\n%s\nwant the warning, the error and a summary, each once", stderr)
	}

	writeFile(t, filepath.Join(dir, "content/articles/a.md"), "---\ntitle: A\ndate: 2025-01-01\n---\nFine.\n")
	before["content/articles/a.md"] = []byte("---\ntitle: A\ndate: 2025-01-01\n---\nFine.\n")
	code, stdout, _ = run()
	if code != ExitOK || stdout != "checked 6 pages: no errors, 0 warnings\n" {
		t.Errorf("check of a clean site: exit %d, stdout %q; want 0 and a summary", code, stdout)
	}

	if diff := diffTrees(readTree(t, dir), before); diff != "" {
		t.Errorf("check changed the site folder:\n%s", diff)
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("check left %d entries in the temporary folder, such as %s", len(left), left[0].Name())
	}
}
