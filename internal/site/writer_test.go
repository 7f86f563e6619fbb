package site

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/plotline/plotline"
	"github.com/plotline/plotline/internal/config"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/overlay"
)

// TestRebuildEqualsCleanBuildWriter is TestRebuildEqualsCleanBuild with
// what a writer does to an explainer site: data blocks and charts, CSV
// files edited, removed and renamed, values and links to headings of
// other pages that come and go, page bundles, templates and the theme,
// folders renamed or removed whole, and files saved with CRLF line ends
// or a byte-order mark. After every step the rebuild's output and errors
// must be those of a clean build of the same files, and its warnings among
// the clean build's (all of them, for a full rebuild). The environment
// variable PLOTLINE_WRITER_SEED runs one other seed.
func TestRebuildEqualsCleanBuildWriter(t *testing.T) {
	seeds := []uint64{1, 2, 3}
	if s := os.Getenv("PLOTLINE_WRITER_SEED"); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		seeds = []uint64{n}
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprint(seed), func(t *testing.T) { writerRun(t, seed) })
	}
}

func writerRun(t *testing.T, seed uint64) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	writeFiles(t, dir, map[string]string{"plotline.yaml": "base_url: https://example.org/desk/\npage_size: 3\nfeed_items: 4\n"})
	writeFiles(t, dir, testSite)
	// The day of every build: pages dated after it are left out.
	today := func() time.Time { return time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC) }
	builder := func(dest string) *Builder {
		fsys := os.DirFS(dir)
		cfg, err := config.Load(fsys)
		if err != nil {
			t.Fatal(err)
		}
		return NewBuilder(cfg, overlay.New(fsys, plotline.Defaults()), Options{Dest: dest, Today: today})
	}
	b := builder(dest)
	ctx := context.Background()
	if _, err := b.Build(ctx); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(seed, 7))
	exists := func(p string) bool { _, err := os.Stat(filepath.Join(dir, p)); return err == nil }
	remove := func(p string) { os.RemoveAll(filepath.Join(dir, filepath.FromSlash(p))) }
	folders := []string{"content/articles", "content/notes", "content/more"}
	page := func(i int) string {
		return fmt.Sprintf("%s/w%d.md", folders[i%3], i)
	}
	bundle := func(i int) string { return fmt.Sprintf("content/notes/b%d", i) }
	csvPath := func(i int) string { return fmt.Sprintf("content/notes/d%d.csv", i) }
	// body returns an article; kind picks what it holds.
	body := func(i, step, kind int) string {
		var fm, text strings.Builder
		fmt.Fprintf(&fm, "title: W%d v%d\ndate: 2025-03-%02d\ntags: [t%d]\n", i, step, 1+rng.IntN(5), rng.IntN(3))
		fmt.Fprintf(&text, "Body %d.\n\n", step)
		if rng.IntN(4) != 0 {
			text.WriteString("## Part one\n\nOne.\n\n")
		}
		if rng.IntN(2) == 0 {
			text.WriteString("## Part two\n\nTwo.\n\n")
		}
		switch kind {
		case 0: // an inline data block, a chart and values
			fmt.Fprintf(&fm, "data:\n  s:\n    unit: things\n    series:\n      - {date: 2025-01-01, value: %d}\n      - {date: 2025-02-01, value: %d}\n    projection:\n      rate: -1\n      per: day\n      limit: 0\n", 50+rng.IntN(9), 40+rng.IntN(9))
			text.WriteString("It ends on {{ s.crossing }}, from {{ s.last.value }}.\n\n```chart\ndata: s\n```\n")
		case 1: // a block read from a CSV file beside the notes
			if folders[i%3] != "content/notes" {
				break
			}
			fmt.Fprintf(&fm, "data:\n  c:\n    csv: d%d.csv\n", rng.IntN(2))
			text.WriteString("Last: {{ c.last.value }}.\n\n```chart\ndata: c\n```\n")
		case 2: // links to headings of other pages
			j := rng.IntN(16)
			for range 16 {
				if exists(page(j)) {
					break
				}
				j = rng.IntN(16)
			}
			frag := []string{"part-one", "part-one", "part-two"}[rng.IntN(3)]
			rel, _ := filepath.Rel(filepath.Dir(page(i)), page(j))
			fmt.Fprintf(&text, "See [%d](%s#%s).\n", j, filepath.ToSlash(rel), frag)
		case 3: // a draft
			fm.WriteString("draft: true\n")
		case 4: // a key plotline does not read, and a number typed by hand
			fm.WriteString("colour: red\n")
		case 5: // a link to a bundle's file, or to its page's heading
			fmt.Fprintf(&text, "![pic](/notes/b%d/pic.png)\n", rng.IntN(2))
			fmt.Fprintf(&text, "[b](/notes/b%d/#part-one)\n", rng.IntN(2))
		case 9: // links to lists: a tag's, a page of the home list
			fmt.Fprintf(&text, "[tag](/tags/t%d/) and [more](/page/%d/)\n", rng.IntN(3), 2+rng.IntN(2))
		case 10: // a place in the navigation, or an address of its own
			if rng.IntN(2) == 0 {
				fmt.Fprintf(&fm, "nav: N%d\n", rng.IntN(2))
			} else {
				fmt.Fprintf(&fm, "slug: s%d\naliases: [/old/w%d/]\n", rng.IntN(3), i)
			}
		case 11: // a page, not an article
			fm.WriteString("type: page\n")
		}
		s := "---\n" + fm.String() + "---\n" + text.String()
		switch rng.IntN(6) {
		case 0:
			s = strings.ReplaceAll(s, "\n", "\r\n")
		case 1:
			s = "\ufeff" + s
		}
		return s
	}
	steps := 40
	if testing.Short() {
		steps = 10
	}
	var pending, broken []string
	for step := range steps {
		var changed, did []string
		if len(broken) > 0 && rng.IntN(2) == 0 {
			// The writer mends the pages with errors.
			for _, p := range broken {
				if exists(p) && strings.HasSuffix(p, ".md") {
					writeFiles(t, dir, map[string]string{p: fmt.Sprintf("---\ntitle: Mended %d\ndate: 2025-03-01\n---\n## Part one\n\n## Part two\n", step)})
					changed = append(changed, p)
				}
			}
			did = append(did, "mend")
		}
		broken = nil
		for range 1 + rng.IntN(3) {
			i := rng.IntN(6)
			p := page(i)
			op := rng.IntN(16)
			did = append(did, fmt.Sprintf("op%d/%d", op, i))
			switch {
			case op < 5 || (op < 7 && !exists(p)): // write a page
				writeFiles(t, dir, map[string]string{p: body(i, step, rng.IntN(12))})
				changed = append(changed, p)
			case op == 5: // remove it
				remove(p)
				changed = append(changed, p)
			case op == 6: // rename it to another folder
				q := page(i + 3*(1+rng.IntN(2)))
				if exists(q) {
					continue
				}
				os.MkdirAll(filepath.Dir(filepath.Join(dir, q)), 0o755)
				os.Rename(filepath.Join(dir, p), filepath.Join(dir, q))
				changed = append(changed, p, q)
			case op == 7: // a CSV file: written, removed or renamed
				c := csvPath(i % 2)
				switch {
				case !exists(c) || rng.IntN(3) == 0:
					csv := fmt.Sprintf("date,value\n2025-01-01,%d\n2025-02-01,%d\n", 10+rng.IntN(9), rng.IntN(9))
					if rng.IntN(3) == 0 { // a column plotline does not read: a warning
						csv = fmt.Sprintf("date,value,note\n2025-01-01,%d,x\n2025-02-01,%d,y\n", 10+rng.IntN(9), rng.IntN(9))
					}
					writeFiles(t, dir, map[string]string{c: csv})
					changed = append(changed, c)
				case rng.IntN(2) == 0:
					remove(c)
					changed = append(changed, c)
				default:
					d := csvPath(1 - i%2)
					os.MkdirAll(filepath.Dir(filepath.Join(dir, d)), 0o755)
					os.Rename(filepath.Join(dir, c), filepath.Join(dir, d))
					changed = append(changed, c, d)
				}
			case op == 8: // a page bundle, published or a draft, with a picture
				k := i % 2
				draft := ""
				if rng.IntN(3) == 0 {
					draft = "draft: true\n"
				}
				writeFiles(t, dir, map[string]string{
					bundle(k) + "/index.md": fmt.Sprintf("---\ntitle: Bundle %d\ndate: 2025-03-0%d\n%s---\n![pic](pic.png)\n\n## Part one\n", k, 1+rng.IntN(5), draft),
					bundle(k) + "/pic.png":  fmt.Sprintf("png %d", step),
				})
				changed = append(changed, bundle(k)+"/index.md", bundle(k)+"/pic.png")
			case op == 9: // a bundle's picture edited or removed
				k := i % 2
				if rng.IntN(2) == 0 {
					remove(bundle(k) + "/pic.png")
				} else if exists(bundle(k)) {
					writeFiles(t, dir, map[string]string{bundle(k) + "/pic.png": fmt.Sprintf("png %d", step)})
				}
				changed = append(changed, bundle(k)+"/pic.png")
			case op == 10: // a folder renamed or removed whole, as the watcher names it
				f := folders[1+rng.IntN(2)]
				if !exists(f) {
					continue
				}
				if rng.IntN(2) == 0 {
					remove(f)
					changed = append(changed, f)
					continue
				}
				to := f + "-old"
				if exists(to) {
					remove(to)
					changed = append(changed, to)
				}
				os.Rename(filepath.Join(dir, f), filepath.Join(dir, to))
				changed = append(changed, f)
				filepath.WalkDir(filepath.Join(dir, to), func(q string, d os.DirEntry, err error) error {
					if err == nil && !d.IsDir() {
						rel, _ := filepath.Rel(dir, q)
						changed = append(changed, filepath.ToSlash(rel))
					}
					return nil
				})
			case op == 11: // a template override, written or removed
				f := "templates/partials/footer.html"
				if exists(f) {
					remove(f)
				} else {
					tpl := fmt.Sprintf("{{- define \"footer\" -}}<footer>%d {{ .Site.Title }}</footer>{{- end -}}\n", step)
					if rng.IntN(3) == 0 { // a mistake in it
						tpl = strings.Replace(tpl, "{{ .Site.Title }}", "{{ .Site.Title }", 1)
					}
					writeFiles(t, dir, map[string]string{f: tpl})
				}
				changed = append(changed, f)
			case op == 12: // a theme file, written or removed
				f := "theme/css/extra.css"
				if exists(f) {
					remove(f)
				} else {
					writeFiles(t, dir, map[string]string{f: fmt.Sprintf("body{margin:%dpx}\n", step)})
				}
				changed = append(changed, f)
			case op == 13: // the article with the CSV chart, edited
				writeFiles(t, dir, map[string]string{"content/articles/c.md": strings.Replace(testSite["content/articles/c.md"], "rate: -1", fmt.Sprintf("rate: -%d", 1+rng.IntN(3)), 1)})
				changed = append(changed, "content/articles/c.md")
			default: // the CSV of c.md
				writeFiles(t, dir, map[string]string{"content/articles/stock.csv": fmt.Sprintf("date,value\n2025-01-01,%d\n2025-01-05,%d\n", 10+rng.IntN(5), 5+rng.IntN(4))})
				changed = append(changed, "content/articles/stock.csv")
			}
		}
		pending = append(pending, changed...)
		before := readTree(t, dest)
		res, err := b.Rebuild(ctx, pending)
		if err != nil {
			// A failed rebuild leaves the output as it was.
			after := readTree(t, dest)
			if !maps.EqualFunc(before, after, func(a, b []byte) bool { return string(a) == string(b) }) {
				t.Errorf("step %d: the failed rebuild changed the output", step)
			}
		}
		cleanDest := filepath.Join(t.TempDir(), "public")
		clean, cleanErr := builder(cleanDest).Build(ctx)
		switch {
		case err == nil && cleanErr == nil:
			pending = nil
			assertSameTree(t, dest, cleanDest)
			// A rebuild warns about what it rendered; a full one about
			// everything, as a clean build does.
			for _, w := range res.Warnings {
				if !slices.Contains(clean.Warnings, w) {
					t.Errorf("step %d: rebuild warning %s; a clean build does not give it", step, w)
				}
			}
			if g, w := res.Warnings.Error(), clean.Warnings.Error(); res.Full && g != w {
				t.Errorf("step %d: rebuild warnings\n%s\nclean build warnings\n%s", step, g, w)
			}
		case (err == nil) != (cleanErr == nil):
			t.Fatalf("step %d: rebuild error %v; clean build error %v", step, err, cleanErr)
		case errorsOf(err) != errorsOf(cleanErr):
			t.Errorf("step %d: rebuild errors\n%v\nclean build errors\n%v", step, errorsOf(err), errorsOf(cleanErr))
		default:
			var l diag.List
			errors.As(err, &l)
			for _, d := range l.Errors() {
				broken = append(broken, d.Pos.Path)
			}
		}
		if t.Failed() {
			t.Fatalf("step %d (%v, changes %v)", step, did, changed)
		}
	}
}

// errorsOf returns the errors of a failed build, without its warnings.
func errorsOf(err error) string {
	var l diag.List
	if errors.As(err, &l) {
		return l.Errors().Error()
	}
	return err.Error()
}

// TestRebuildNavGoes takes a page in the navigation out of the site, by
// removing it or making it a draft: every page shows the navigation, so
// none may still link to it.
func TestRebuildNavGoes(t *testing.T) {
	about := "---\ntitle: About\ndate: 2025-01-01\ntype: page\nnav: About\n---\nAbout us.\n"
	for _, tc := range []struct {
		name string
		edit func(dir string)
	}{
		{"removed", func(dir string) { os.Remove(filepath.Join(dir, "content/about.md")) }},
		{"draft", func(dir string) {
			writeFiles(t, dir, map[string]string{"content/about.md": strings.Replace(about, "nav:", "draft: true\nnav:", 1)})
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{"content/about.md": about}
			for k, v := range testSite {
				files[k] = v
			}
			dir, dest, b := builtTestSite(t, files)
			tc.edit(dir)
			if _, err := b.Rebuild(t.Context(), []string{"content/about.md"}); err != nil {
				t.Fatal(err)
			}
			assertSameAsCleanBuild(t, dir, dest)
		})
	}
}

// assertSameTree compares every file and folder of got with want's.
func assertSameTree(t *testing.T, got, want string) {
	t.Helper()
	g, w := readTree(t, got), readTree(t, want)
	for name, wb := range w {
		if gb, ok := g[name]; !ok {
			t.Errorf("%s: missing after the rebuild", name)
		} else if string(gb) != string(wb) {
			t.Errorf("%s: differs from a clean build", name)
		}
	}
	for name := range g {
		if _, ok := w[name]; !ok {
			t.Errorf("%s: left over; a clean build does not write it", name)
		}
	}
}
