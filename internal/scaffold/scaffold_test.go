package scaffold

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// pins are the versions the tests write workflows with.
var pins = Pins{Plotline: "v1.2.3", Go: "1.26"}

func TestSitePaths(t *testing.T) {
	var got []string
	for _, f := range Site(pins) {
		got = append(got, f.Path)
		if len(f.Data) == 0 {
			t.Errorf("%s is empty", f.Path)
		}
	}
	want := []string{Workflow, ".gitignore", "content/articles/returns-backlog.md", "plotline.yaml"}
	if !slices.Equal(got, want) {
		t.Errorf("Site() paths = %q; want %q", got, want)
	}
}

func file(t *testing.T, name string) []byte {
	t.Helper()
	return fileWith(t, pins, name)
}

func fileWith(t *testing.T, p Pins, name string) []byte {
	t.Helper()
	for _, f := range Site(p) {
		if f.Path == name {
			return f.Data
		}
	}
	t.Fatalf("Site() has no %s", name)
	return nil
}

func TestUndot(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"dot_gitignore", ".gitignore"},
		{"dot_github/workflows/pages.yml", ".github/workflows/pages.yml"},
		{"content/articles/a.md", "content/articles/a.md"},
		{"content/my_dot_file.md", "content/my_dot_file.md"},
	} {
		if got := undot(tc.in); got != tc.want {
			t.Errorf("undot(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func TestGitignore(t *testing.T) {
	if got := string(file(t, ".gitignore")); !slices.Contains(strings.Split(got, "\n"), "public/") {
		t.Errorf(".gitignore = %q; want a line public/", got)
	}
}

// workflow is the part of a GitHub Actions workflow the tests look at.
type workflow struct {
	On          map[string]any `yaml:"on"`
	Permissions map[string]string
	Jobs        map[string]struct {
		Needs string
		Steps []struct {
			ID   string
			Uses string
			Run  string
			With map[string]string
		}
	}
}

func decodeWorkflow(t *testing.T, src []byte) workflow {
	t.Helper()
	var wf workflow
	if err := yaml.Unmarshal(src, &wf); err != nil {
		t.Fatalf("pages.yml is not valid YAML: %v\n%s", err, src)
	}
	return wf
}

// TestWorkflow decodes the Pages workflow and checks that it installs the
// pinned Go and plotline, builds with the base URL Pages gives, uploads
// public/ and deploys it.
func TestWorkflow(t *testing.T) {
	wf := decodeWorkflow(t, file(t, Workflow))
	if _, ok := wf.On["push"]; !ok {
		t.Error("pages.yml does not run on push")
	}
	if wf.Permissions["pages"] != "write" || wf.Permissions["id-token"] != "write" {
		t.Errorf("permissions = %v; want pages and id-token write", wf.Permissions)
	}
	build, ok := wf.Jobs["build"]
	if !ok {
		t.Fatal("pages.yml has no jobs.build")
	}
	deploy, ok := wf.Jobs["deploy"]
	if !ok {
		t.Fatal("pages.yml has no jobs.deploy")
	}
	if deploy.Needs != "build" {
		t.Errorf("jobs.deploy.needs = %q; want build", deploy.Needs)
	}
	if len(deploy.Steps) == 0 || !strings.HasPrefix(deploy.Steps[0].Uses, "actions/deploy-pages@") {
		t.Errorf("jobs.deploy does not use actions/deploy-pages: %+v", deploy.Steps)
	}

	// The order matters: Go, then plotline, then the Pages address, then the build.
	var order []string
	for _, s := range build.Steps {
		switch {
		case strings.HasPrefix(s.Uses, "actions/setup-go@"):
			if s.With["go-version"] != "1.26" {
				t.Errorf("setup-go go-version = %q; want 1.26", s.With["go-version"])
			}
			order = append(order, "setup-go")
		case strings.HasPrefix(s.Run, "go install "):
			if want := "go install github.com/plotline/plotline/cmd/plotline@v1.2.3"; s.Run != want {
				t.Errorf("install step runs %q; want %q", s.Run, want)
			}
			order = append(order, "install")
		case strings.HasPrefix(s.Uses, "actions/configure-pages@") && s.ID == "pages":
			order = append(order, "pages")
		case strings.HasPrefix(s.Run, "plotline build "):
			if !strings.Contains(s.Run, `--base-url "${{ steps.pages.outputs.base_url }}/"`) {
				t.Errorf("build step %q does not take the base URL from configure-pages", s.Run)
			}
			order = append(order, "build")
		case strings.HasPrefix(s.Uses, "actions/upload-pages-artifact@"):
			if s.With["path"] != "public" {
				t.Errorf("upload-pages-artifact path = %q; want public", s.With["path"])
			}
			order = append(order, "upload")
		}
	}
	if want := []string{"setup-go", "install", "pages", "build", "upload"}; !slices.Equal(order, want) {
		t.Errorf("build steps = %q; want %q", order, want)
	}
}

// TestWorkflowPins writes the workflow with several pins and checks that
// each is installed as given, and that nothing floats.
func TestWorkflowPins(t *testing.T) {
	for _, p := range []Pins{
		{Plotline: "v1.2.3", Go: "1.26"},
		{Plotline: "v1.3.0-rc.1", Go: "1.26.8"},
		{Plotline: "v0.0.0-20261126111256-e5815da47025", Go: "1.30"},
		{Plotline: "", Go: "1.26"},
	} {
		src := fileWith(t, p, Workflow)
		wf := decodeWorkflow(t, src)
		want := p.Plotline
		if want == "" {
			want = Placeholder
		}
		var goVersion, install string
		for _, s := range wf.Jobs["build"].Steps {
			if strings.HasPrefix(s.Uses, "actions/setup-go@") {
				goVersion = s.With["go-version"]
			}
			if strings.HasPrefix(s.Run, "go install ") {
				install = s.Run
			}
		}
		if goVersion != p.Go {
			t.Errorf("%+v: go-version = %q; want %q", p, goVersion, p.Go)
		}
		if got, want := install, "go install github.com/plotline/plotline/cmd/plotline@"+want; got != want {
			t.Errorf("%+v: install step %q; want %q", p, got, want)
		}
		for _, floating := range []string{"@latest", "stable"} {
			if bytes.Contains(src, []byte(floating)) {
				t.Errorf("%+v: the workflow mentions %q; want every version pinned", p, floating)
			}
		}
		comment := bytes.Contains(src, []byte("# "+Placeholder+" is a placeholder"))
		if comment != (p.Plotline == "") {
			t.Errorf("%+v: placeholder comment present = %v; want %v", p, comment, p.Plotline == "")
		}
	}
}

func TestConfigBaseURLCommented(t *testing.T) {
	var cfg map[string]any
	src := file(t, "plotline.yaml")
	if err := yaml.Unmarshal(src, &cfg); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"title", "description", "language", "author"} {
		if _, ok := cfg[k]; !ok {
			t.Errorf("plotline.yaml has no %s", k)
		}
	}
	if _, ok := cfg["base_url"]; ok {
		t.Error("plotline.yaml sets base_url; want it commented out, since the workflow passes it")
	}
	if !bytes.Contains(src, []byte("# base_url: ")) {
		t.Error("plotline.yaml has no commented base_url example")
	}
}

// TestArticleTitle checks that any title survives the front matter.
func TestArticleTitle(t *testing.T) {
	for _, title := range []string{
		"Plain",
		`Quotes "and" 'apostrophes'`,
		"Colon: a # hash, [brackets] {braces} & *star",
		`Back\slash`,
		"- leading dash",
		"Ünïcödé — and an emoji 📈",
		"A very long title " + strings.Repeat("that goes on and on ", 10),
		"two\nlines",
		"{{ not.a.value }}",
	} {
		src := string(Article(title, "2025-03-04"))
		fm, _, ok := strings.Cut(strings.TrimPrefix(src, "---\n"), "\n---\n")
		if !strings.HasPrefix(src, "---\n") || !ok {
			t.Fatalf("Article(%q) has no front matter:\n%s", title, src)
		}
		var got struct {
			Title string
			Date  string
			Data  any
		}
		if err := yaml.Unmarshal([]byte(fm), &got); err != nil {
			t.Errorf("Article(%q): front matter does not decode: %v\n%s", title, err, fm)
			continue
		}
		if got.Title != title || got.Date != "2025-03-04" {
			t.Errorf("Article(%q): title %q, date %q; want %q, 2025-03-04", title, got.Title, got.Date, title)
		}
		if got.Data != nil {
			t.Errorf("Article(%q): data = %v; want the example data block commented out", title, got.Data)
		}
	}
}
