package markdown

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/yuin/goldmark"

	"github.com/plotline/plotline/internal/diag"
)

var update = flag.Bool("update", false, "rewrite the expected parts of testdata/*.txt from current output")

// Case files hold Markdown inputs and the HTML and diagnostics each must
// produce. Text before the first separator describes the file. A case is:
//
//	//- - - - - - - - -//
//	name of the case ; option, option
//	Markdown input, any number of lines
//	//= = = = = = = = =//
//	expected HTML
//	//! ! ! ! ! ! ! ! !//
//	expected diagnostics, one a line
//
// The diagnostics part is left out when there are none. Options: "unsafe"
// converts with Options.UnsafeHTML; "novalues", "nocharts" and "nolinks"
// leave the page without that resolver; "feed" expects the feed's HTML
// (Result.FeedHTML) instead of the page's; "summary" expects
// Result.Summary after the HTML, following a line "summary:"; "taken"
// converts as a page whose templates give the id "main" (Page.TakenIDs).
//
// A preamble line "extensions: values, anchors" converts the file's cases
// with only those of plotline's extensions (see caseExtensions); without
// one, a file gets them all, as New gives them.
//
// Each input is the body of content/case.md, after four lines of front
// matter, so its first line is line 5 of the file.
const (
	caseSep  = "//- - - - - - - - -//"
	htmlSep  = "//= = = = = = = = =//"
	diagsSep = "//! ! ! ! ! ! ! ! !//"

	casePath        = "content/case.md"
	casefrontMatter = "---\ntitle: Case\ndate: 2025-01-01\n---\n"
)

// caseExtensions are the names a case file's preamble may give its
// extensions by.
var caseExtensions = map[string]func(opts Options, feed bool) goldmark.Extender{
	"values":    func(Options, bool) goldmark.Extender { return &Values{} },
	"charts":    func(_ Options, feed bool) goldmark.Extender { return &Charts{Feed: feed} },
	"links":     func(o Options, _ bool) goldmark.Extender { return &Links{Unsafe: o.UnsafeHTML} },
	"prose":     func(Options, bool) goldmark.Extender { return &Prose{} },
	"html":      func(o Options, _ bool) goldmark.Extender { return &HTML{Unsafe: o.UnsafeHTML} },
	"anchors":   func(Options, bool) goldmark.Extender { return &Anchors{} },
	"templates": func(Options, bool) goldmark.Extender { return &Templates{} },
	"alerts":    func(Options, bool) goldmark.Extender { return &Alerts{} },
	"math":      func(Options, bool) goldmark.Extender { return &Math{} },
	"footnotes": func(Options, bool) goldmark.Extender { return &Footnotes{} },
}

// converterFor returns the Converter for a case file with the given
// preamble.
func converterFor(t *testing.T, preamble string, opts Options) *Converter {
	t.Helper()
	var names []string
	for l := range strings.Lines(preamble) {
		if rest, ok := strings.CutPrefix(l, "extensions:"); ok {
			for n := range strings.SplitSeq(rest, ",") {
				names = append(names, strings.TrimSpace(n))
			}
		}
	}
	if names == nil {
		return New(opts)
	}
	for _, n := range names {
		if caseExtensions[n] == nil {
			t.Fatalf("unknown extension %q in the preamble", n)
		}
	}
	return newConverter(opts, func(feed bool) []goldmark.Extender {
		var exts []goldmark.Extender
		for _, n := range names {
			exts = append(exts, caseExtensions[n](opts, feed))
		}
		return exts
	})
}

type testCase struct {
	name    string
	options []string
	input   string
	html    string
	diags   []string
}

func (c *testCase) has(option string) bool { return slices.Contains(c.options, option) }

// parseCases reads a case file: its preamble and its cases.
func parseCases(t *testing.T, src string) (string, []*testCase) {
	t.Helper()
	parts := strings.Split(src, caseSep+"\n")
	preamble := parts[0]
	var cases []*testCase
	for i, part := range parts[1:] {
		nameLine, rest, ok := strings.Cut(part, "\n")
		if !ok {
			t.Fatalf("case %d: no input after the name line", i+1)
		}
		c := &testCase{name: strings.TrimSpace(nameLine)}
		if name, opts, ok := strings.Cut(nameLine, ";"); ok {
			c.name = strings.TrimSpace(name)
			for o := range strings.SplitSeq(opts, ",") {
				c.options = append(c.options, strings.TrimSpace(o))
			}
		}
		input, want, ok := strings.Cut(rest, htmlSep+"\n")
		if !ok {
			t.Fatalf("case %d (%s): no %s line", i+1, c.name, htmlSep)
		}
		c.input = input
		want, diags, _ := strings.Cut(want, diagsSep+"\n")
		c.html = strings.TrimRight(want, "\n")
		for l := range strings.Lines(diags) {
			if l = strings.TrimRight(l, "\n"); l != "" {
				c.diags = append(c.diags, l)
			}
		}
		cases = append(cases, c)
	}
	return preamble, cases
}

// formatCases is the inverse of parseCases.
func formatCases(preamble string, cases []*testCase) string {
	var b strings.Builder
	b.WriteString(preamble)
	for _, c := range cases {
		b.WriteString(caseSep + "\n")
		b.WriteString(c.name)
		if len(c.options) > 0 {
			b.WriteString(" ; " + strings.Join(c.options, ", "))
		}
		b.WriteString("\n" + c.input + htmlSep + "\n" + c.html + "\n")
		if len(c.diags) > 0 {
			b.WriteString(diagsSep + "\n" + strings.Join(c.diags, "\n") + "\n")
		}
	}
	return b.String()
}

// fakeValues resolves the expressions it holds and nothing else.
type fakeValues map[string]string

func (v fakeValues) ResolveValue(expr, _, _ string, _ diag.Pos) (string, string, error) {
	if s, ok := v[expr]; ok {
		return s, "", nil
	}
	return "", "", fmt.Errorf("unknown reference %q", expr)
}

// fakeText warns at every "42" of the text it is given.
type fakeText struct{}

func (fakeText) CheckText(text string, at func(off int) diag.Pos, diags *diag.List) {
	for off := 0; ; off++ {
		i := strings.Index(text[off:], "42")
		if i < 0 {
			return
		}
		off += i
		diags.Warnf(at(off), "42 in %q", text)
	}
}

// fakeCharts writes a figure holding the chart's ordinal, body position and
// body. A body starting with "fail" makes it return an error; a line
// "bad: …" in the body makes it report a diagnostic at that line.
type fakeCharts struct{}

func (fakeCharts) RenderChart(w io.Writer, body []byte, bodyPos diag.Pos, ordinal int, diags *diag.List) error {
	if bytes.HasPrefix(body, []byte("fail")) {
		return errors.New("cannot draw this chart")
	}
	for i, line := range bytes.Split(body, []byte("\n")) {
		if bytes.HasPrefix(line, []byte("bad:")) {
			diags.Errorf(diag.Pos{Path: bodyPos.Path, Line: bodyPos.Line + i, Col: 1}, "unknown chart key \"bad\"")
		}
	}
	fmt.Fprintf(w, `<figure data-ordinal="%d" data-pos="%s">%s</figure>`, ordinal, bodyPos, html.EscapeString(string(body)))
	return nil
}

// RenderFeedChart writes a figure that names the chart, as a feed's.
func (fakeCharts) RenderFeedChart(w io.Writer, ordinal int, diags *diag.List) error {
	fmt.Fprintf(w, `<figure data-ordinal="%d" class="feed"></figure>`, ordinal)
	return nil
}

// fakeLinks knows a few site paths and writes them under /repo/. It records
// every destination it is asked about.
type fakeLinks struct {
	known map[string]bool
	asked []string
}

func newFakeLinks() *fakeLinks {
	return &fakeLinks{known: map[string]bool{
		"about.md":          true,
		"articles/kursk.md": true,
		"img/chart.png":     true,
		"/tags/":            true,
	}}
}

func (l *fakeLinks) ResolveLink(dest string, _ diag.Pos) (string, error) {
	l.asked = append(l.asked, dest)
	target, frag, _ := strings.Cut(dest, "#")
	if target == "" {
		return dest, nil // the page itself
	}
	if strings.Contains(target, ":") {
		return "", fmt.Errorf("the resolver must never see a URL with a scheme")
	}
	if !l.known[target] {
		return "", fmt.Errorf("no such page")
	}
	if frag != "" {
		frag = "#" + frag
	}
	return "/repo/" + strings.TrimPrefix(target, "/") + frag, nil
}

func testValues() fakeValues {
	return fakeValues{
		"losses.total":               "12,000",
		"losses.crossing | date":     "15 April 2025",
		"losses.rate|approx":         "about 90",
		"hostile":                    `</script><b>"x" & 'y'</b>`,
		"quote":                      `"quoted"`,
		"a*b*":                       "starred",
		"losses.total | number:0":    "12000",
		"losses.total | comma":       "12,000",
		`"13 January"`:               "13 January",
		`'13 January'`:               "13 January",
		"x":                          "X",
		"very.long.name.of.a.series": "long",
	}
}

// convertCase converts c as the body of a page.
func convertCase(t *testing.T, preamble string, c *testCase) (string, []string) {
	t.Helper()
	src := casefrontMatter + c.input
	p := &Page{Path: casePath, Source: []byte(src), BodyOffset: len(casefrontMatter)}
	if !c.has("novalues") {
		p.Values = testValues()
	}
	if !c.has("nocharts") {
		p.Charts = fakeCharts{}
	}
	if !c.has("nolinks") {
		p.Links = newFakeLinks()
	}
	p.Text = fakeText{}
	p.Feed = c.has("feed")
	if c.has("taken") {
		p.TakenIDs = []string{"main"}
	}
	var diags diag.List
	res, err := converterFor(t, preamble, Options{UnsafeHTML: c.has("unsafe")}).Convert(p, &diags)
	if err != nil {
		t.Fatalf("Convert() error = %v", err)
	}
	diags.Sort()
	var ds []string
	for _, d := range diags {
		ds = append(ds, d.String())
	}
	out := res.HTML
	if c.has("feed") {
		out = res.FeedHTML
	}
	got := strings.TrimRight(string(out), "\n")
	if c.has("summary") {
		got = strings.TrimRight(got+"\nsummary:\n"+res.Summary, "\n")
	}
	return got, ds
}

func TestCaseFiles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no case files in testdata")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txt"), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			preamble, cases := parseCases(t, string(src))
			seen := map[string]bool{}
			for _, c := range cases {
				if seen[c.name] {
					t.Errorf("two cases named %q", c.name)
				}
				seen[c.name] = true
				t.Run(c.name, func(t *testing.T) {
					gotHTML, gotDiags := convertCase(t, preamble, c)
					if *update {
						c.html, c.diags = gotHTML, gotDiags
						return
					}
					if diff := cmp.Diff(c.html, gotHTML); diff != "" {
						t.Errorf("HTML mismatch (-want +got):\n%s\ninput:\n%s", diff, c.input)
					}
					if diff := cmp.Diff(c.diags, gotDiags); diff != "" {
						t.Errorf("diagnostics mismatch (-want +got):\n%s\ninput:\n%s", diff, c.input)
					}
				})
			}
			if *update {
				if err := os.WriteFile(file, []byte(formatCases(preamble, cases)), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// TestCaseFormat checks that a case file survives a parse and format
// unchanged, so -update rewrites only the expected parts.
func TestCaseFormat(t *testing.T) {
	src := "About.\n" +
		caseSep + "\none\nin\n\n" + htmlSep + "\n<p>in</p>\n" +
		caseSep + "\ntwo ; unsafe, nolinks\na\nb\n" + htmlSep + "\n<p>a</p>\n" + diagsSep + "\nx:1:1: e\nx:2:1: f\n"
	preamble, cases := parseCases(t, src)
	if preamble != "About.\n" || len(cases) != 2 {
		t.Fatalf("parseCases() = %q, %d cases; want the preamble and 2 cases", preamble, len(cases))
	}
	c := cases[1]
	if c.name != "two" || !c.has("unsafe") || !c.has("nolinks") || c.has("novalues") || c.input != "a\nb\n" || c.html != "<p>a</p>" || len(c.diags) != 2 {
		t.Errorf("second case = %+v", c)
	}
	if cases[0].input != "in\n\n" {
		t.Errorf("first case input = %q; want %q", cases[0].input, "in\n\n")
	}
	if got := formatCases(preamble, cases); got != src {
		t.Errorf("formatCases(parseCases(src)) =\n%s\nwant\n%s", got, src)
	}
}
