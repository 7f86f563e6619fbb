package yamlsubset

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// generatedFrontMatter is front matter as the benchmark corpus and most
// writers lay it out.
const generatedFrontMatter = `title: "What 13 Months of Incidents Data Say About Elections"
date: 2023-10-22
description: "One tally matches the visible province, with a projection of incidents."
tags: [data, environment]
data:
  outages:
    unit: incidents
    series:
      - {date: 2023-04-22, value: 3232, label: "Ministry"}
      - {date: 2023-05-02, value: 4613, label: "Ministry"}
      - {date: 2023-07-05, value: 11628, label: "Press reports"}
    projection:
      start: {date: 2023-04-03, value: 0}
      rate: 114
      per: day
      limit: 57000
      until: 2024-10-12
      low: 77
      high: 160
`

// accepted are texts in the subset: Parse must read each, and agree with
// yaml.v3 on it.
var accepted = []string{
	generatedFrontMatter,
	"title: x\n",
	"title: x",
	"  indented: 1\n  too: 2\n",
	"\n# a comment first\n\ntitle: plain words, with commas # and a comment\n",
	"title: 'it''s quoted'\nsub: \"double, with # inside\"\n",
	"title: café au lait\nnext: ok\n",
	"tags:\n- a\n- b\nafter: 1\n",
	"tags:\n  - a\n  - 'b'\n  - \"c\"\n",
	"data:\n  s:\n    series:\n      - date: 2024-01-01\n        value: 5\n        label: first\n      - date: 2024-02-01\n        value: 6.5\n",
	"list:\n- compact: 1\n  mapping: 2\n- next: 3\n",
	"empty: []\nnone: {}\n",
	"flow: [ a , b ]\nmap: {a: 1, 'b': two, \"c\": three}\n",
	"url: https://example.org/a:b?c=d#frag\n",
	"values: [1, -2, 3.5, 0x1F, 1_000, .5, +3, 012, 1e3, .inf, -.inf, .nan]\n",
	"flags: [true, false, True, FALSE, yes, no, on, off, y, n, null, Null, ~]\n",
	"dates: [2024-01-01, 2024-1-1, 2024-13-45, 2024-01-01T10:00:00Z, 2024-01-01 10:00:00]\n",
	"draft: true\nslug: my-post\nweight: -3\n",
	"x: a#b\ny: a:b\nz: -a\n",
	"sources:\n  - name: Agency\n    url: https://example.org\n  - plain entry\n",
	"nested:\n  deeper:\n    deepest:\n      - [a, b]\n      - {k: v}\n",
	"emoji: 😀 and 中文\nmore: ü\n",
	"<<: {a: 1}\n",
	"key with spaces: value\n'quoted key': 1\n\"dq key\": 2\n",
}

// declined are texts outside the subset: Parse must leave each to yaml.v3.
var declined = []string{
	"",
	"# only a comment\n",
	"- a\n- b\n",
	"scalar\n",
	"title: a\n  continued\n",
	"title: |\n  block\n",
	"title: >\n  folded\n",
	"a: &x 1\nb: *x\n",
	"a: !!str 1\n",
	"a:\n",
	"a:\nb: 1\n",
	"a:\tb\n",
	"a: b\r\nc: d\r\n",
	"---\na: 1\n",
	"a: 1\n...\n",
	"a: \"esc\\\"aped\"\n",
	"a: 'open\n",
	"a: [x,\n  y]\n",
	"a: [x, [y]]\n",
	"a: [x, ]\n",
	"a: [k: v]\n",
	"a: {k}\n",
	"a : b\n",
	"a: b: c\n",
	"a: b\n b: c\n",
	"-\n  a: 1\n",
	"a:\n  - - x\n",
	"a:\n  -\n    b: 1\n",
	"? complex\n: key\n",
	"a: 1\n  # more indented comment\n  b: 2\n",
	"%YAML 1.2\n---\na: 1\n",
	"a: \u2028\n",
	"a: " + strings.Repeat("x", maxSize) + "\n",
	"a: {" + strings.Repeat("k", 1100) + ": 1}\n", // yaml.v3 refuses so long a key
	"\ufeffa: 1\n",
}

func TestAccepted(t *testing.T) {
	for _, src := range accepted {
		doc, ok := Parse([]byte(src))
		if !ok {
			t.Errorf("declined %q", src)
			continue
		}
		if diff := compare(doc, []byte(src)); diff != "" {
			t.Errorf("%q: %s", src, diff)
		}
	}
}

func TestDeclined(t *testing.T) {
	for _, src := range declined {
		if doc, ok := Parse([]byte(src)); ok || doc != nil {
			t.Errorf("accepted %q", src)
		}
	}
}

// TestExampleSite checks that the example site's front matter is read here,
// not left to yaml.v3, and read the same.
func TestExampleSite(t *testing.T) {
	files, err := filepath.Glob("../../content/*/*.md")
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob("../../content/*.md")
	files = append(files, more...)
	if len(files) < 2 {
		t.Fatalf("found %d example articles", len(files))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		fm, ok := frontMatter(src)
		if !ok {
			continue
		}
		doc, ok := Parse(fm)
		if !ok {
			t.Errorf("%s: front matter declined", f)
			continue
		}
		if diff := compare(doc, fm); diff != "" {
			t.Errorf("%s: %s", f, diff)
		}
	}
}

// frontMatter returns the text between a file's "---" lines.
func frontMatter(src []byte) ([]byte, bool) {
	rest, ok := bytes.CutPrefix(src, []byte("---\n"))
	if !ok {
		return nil, false
	}
	i := bytes.Index(rest, []byte("\n---\n"))
	if i < 0 {
		return nil, false
	}
	return rest[:i+1], true
}

// FuzzParse checks that whatever Parse accepts, yaml.v3 reads to the same
// node tree.
func FuzzParse(f *testing.F) {
	for _, s := range accepted {
		f.Add(s)
	}
	for _, s := range declined {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		doc, ok := Parse([]byte(src))
		if !ok {
			return
		}
		if diff := compare(doc, []byte(src)); diff != "" {
			t.Fatalf("%q: %s", src, diff)
		}
	})
}

// compare returns how doc differs from what yaml.v3 reads from src, or ""
// when it does not.
func compare(doc *yaml.Node, src []byte) string {
	var want yaml.Node
	if err := yaml.Unmarshal(src, &want); err != nil {
		return "yaml.v3 refuses it: " + err.Error()
	}
	return diffNodes("", doc, &want)
}

// diffNodes returns the first difference between two node trees, leaving
// out comments.
func diffNodes(path string, got, want *yaml.Node) string {
	g := fmt.Sprintf("kind %d tag %q value %q style %d at %d:%d anchor %q alias %v",
		got.Kind, got.Tag, got.Value, got.Style, got.Line, got.Column, got.Anchor, got.Alias != nil)
	w := fmt.Sprintf("kind %d tag %q value %q style %d at %d:%d anchor %q alias %v",
		want.Kind, want.Tag, want.Value, want.Style, want.Line, want.Column, want.Anchor, want.Alias != nil)
	if g != w {
		return fmt.Sprintf("at %s: got %s, yaml.v3 has %s", path, g, w)
	}
	if len(got.Content) != len(want.Content) {
		return fmt.Sprintf("at %s: %d children, yaml.v3 has %d", path, len(got.Content), len(want.Content))
	}
	for i := range got.Content {
		if d := diffNodes(fmt.Sprintf("%s/%d", path, i), got.Content[i], want.Content[i]); d != "" {
			return d
		}
	}
	return ""
}

func BenchmarkParse(b *testing.B) {
	src := []byte(generatedFrontMatter)
	b.Run("subset", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, ok := Parse(src); !ok {
				b.Fatal("declined")
			}
		}
	})
	b.Run("yaml.v3", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var n yaml.Node
			if err := yaml.Unmarshal(src, &n); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestGenerated builds many documents from the subset's grammar, with
// scalars chosen to sit on its edges, and checks that Parse agrees with
// yaml.v3 on every one it accepts, and accepts most.
func TestGenerated(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	accepted := 0
	const n = 5000
	for range n {
		src := generate(rng)
		doc, ok := Parse([]byte(src))
		if !ok {
			continue
		}
		accepted++
		if diff := compare(doc, []byte(src)); diff != "" {
			t.Fatalf("%q: %s", src, diff)
		}
	}
	t.Logf("accepted %d of %d generated documents", accepted, n)
	if accepted < n/4 {
		t.Errorf("accepted %d of %d generated documents", accepted, n)
	}
}

// edgeScalars are scalars on the edges of what the subset reads.
var edgeScalars = []string{
	"a", "plain words", "a:b", "a: b", "-x", "- x", "x #y", "x#y", "#x", "'q''s'", "'q'", `"d"`, `"a'b"`,
	"1", "-1", "+1", "0", "012", "09", "1.5", ".5", "1e3", "0x1F", "1_000", "2024-01-01", "2024-1-1",
	"2024-13-45", "2024-01-01T10:00:00Z", "true", "True", "yes", "no", "on", "~", "null", "<<", "é",
	":", "?x", ",", "a,b", "[a]", "{a: 1}", "[]", "{}", "[a, b]", "{a: 1, b: 'c'}", "[a, 'b', \"c\"]",
	"https://example.org/x?y=1", "a ", "x:", "!x", "&x", "*x", "|", ">", "%x", "@x", "`x", "a]", "a}",
	"😀", "a - b", "[a,b]", "{a:1}", "[ a ]", "{ a: b }", "[a :b]", "[a?]", "{a: b?c}", "{a: b:c}", "{'a': b}", "{\"a\":b}",
}

// generate returns a random document of nested mappings and sequences.
func generate(rng *rand.Rand) string {
	var b strings.Builder
	genMapping(rng, &b, rng.IntN(2)*2, 0, false)
	return b.String()
}

func genMapping(rng *rand.Rand, b *strings.Builder, indent, depth int, compact bool) {
	for i := range 1 + rng.IntN(3) {
		if !(compact && i == 0) {
			b.WriteString(strings.Repeat(" ", indent))
		}
		key := edgeScalars[rng.IntN(len(edgeScalars))]
		if rng.IntN(3) > 0 {
			key = fmt.Sprintf("k%d", i)
		}
		b.WriteString(key + ":")
		genValue(rng, b, indent, depth)
		if rng.IntN(8) == 0 {
			b.WriteString(strings.Repeat(" ", rng.IntN(indent+3)) + "# note\n")
		}
		if rng.IntN(10) == 0 {
			b.WriteString("\n")
		}
	}
}

func genSequence(rng *rand.Rand, b *strings.Builder, indent, depth int) {
	for range 1 + rng.IntN(3) {
		b.WriteString(strings.Repeat(" ", indent) + "-" + strings.Repeat(" ", 1+rng.IntN(2)))
		switch {
		case depth < 3 && rng.IntN(3) == 0:
			genMapping(rng, b, indent+2, depth+1, true)
		default:
			b.WriteString(edgeScalars[rng.IntN(len(edgeScalars))])
			b.WriteString(comment(rng) + "\n")
		}
	}
}

func genValue(rng *rand.Rand, b *strings.Builder, indent, depth int) {
	switch r := rng.IntN(6); {
	case depth < 3 && r == 0:
		b.WriteString(comment(rng) + "\n")
		genMapping(rng, b, indent+1+rng.IntN(3), depth+1, false)
	case depth < 3 && r == 1:
		b.WriteString(comment(rng) + "\n")
		genSequence(rng, b, indent+rng.IntN(2)*2, depth+1)
	default:
		b.WriteString(" " + edgeScalars[rng.IntN(len(edgeScalars))] + comment(rng) + "\n")
	}
}

func comment(rng *rand.Rand) string {
	if rng.IntN(6) == 0 {
		return " # c"
	}
	return ""
}

// longLine is front matter with one long line of many non-ASCII scalars,
// whose columns are counted in characters.
func longLine(n int) []byte {
	return []byte("k: [" + strings.Repeat("é, 😀x, ", n) + "é]\n")
}

func TestLongNonASCIILine(t *testing.T) {
	src := longLine(2000)
	doc, ok := Parse(src)
	if !ok {
		t.Fatal("declined")
	}
	if diff := compare(doc, src); diff != "" {
		t.Error(diff)
	}
}

// BenchmarkParseLongLine shows that a line of many nodes costs its length
// once: the time per node stays flat as the line grows.
func BenchmarkParseLongLine(b *testing.B) {
	for _, n := range []int{1000, 5000, 20000} {
		src := longLine(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, ok := Parse(src); !ok {
					b.Fatal("declined")
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(2*n), "ns/node")
		})
	}
}
