package markdown

import (
	"fmt"
	"strings"
	"testing"

	"github.com/plotline/plotline/internal/diag"
)

// TestTooDeep checks which Markdown is refused for nesting, and where.
// Positions are in content/case.md, whose body starts on line 5.
func TestTooDeep(t *testing.T) {
	const (
		blocks   = "block quotes and lists nest more than 100 deep here, counting their markers and indentation: plotline refuses Markdown this deep"
		emphasis = "more than 100 emphasis markers (*) are open at once in this paragraph: plotline refuses Markdown this deep (write \\* for a star that is no emphasis)"
		tildes   = "more than 100 emphasis markers (~) are open at once in this paragraph: plotline refuses Markdown this deep (write \\~ for a tilde that is no strikethrough)"
		unders   = "more than 100 emphasis markers (_) are open at once in this paragraph: plotline refuses Markdown this deep (write \\_ for an underscore that is no emphasis)"
		closers  = "too many * that close no emphasis come after others that stay as they are (2 * 3, a_b): plotline refuses Markdown that would take seconds to read (write \\* for a star that is no emphasis)"
		closers_ = "too many _ that close no emphasis come after others that stay as they are (2 * 3, a_b): plotline refuses Markdown that would take seconds to read (write \\_ for an underscore that is no emphasis)"
		unclosed = "more than 100000 [ in this file open a link that no ] closes: plotline refuses Markdown that would take seconds to read (write \\[ for a bracket)"
		table    = "this table has more than 200000 cells, counting its rows and the columns of its row of dashes: plotline refuses Markdown that would take seconds to read (split the table, or link to the data as a CSV file)"
		notes    = "more than 2000 footnotes in this file: plotline refuses Markdown that would take seconds to read (goldmark sorts footnotes in time that grows with the square of their number)"
		refs     = "more than 10000 references to footnotes in this file: plotline refuses Markdown that would make a page forty times its size (each reference writes a link to its note and one back from the note: cite a note once where it applies, or name the source in the text)"
		heads    = "more than 20000 headings in this file: plotline refuses Markdown that would make a page thirty times its size (each heading writes its id, a link to itself and a line of the page's contents: split the article)"
		links    = "too many [ and ] of links in this paragraph, or a link address thousands of characters long without a space: plotline refuses Markdown that would take seconds to read (write \\[ and \\] for brackets, or break the paragraph up)"
	)
	// 4,100 markers that stay, then closers with no opener: the 4,093rd
	// takes goldmark's walk back past MaxEmphasisWalk (4,093 × 4,100).
	const inert, closer = 4100, 4093
	indented := func(levels int) string {
		var b strings.Builder
		for i := range levels {
			b.WriteString(strings.Repeat("  ", i) + "- a\n")
		}
		return b.String()
	}
	for _, tc := range []struct {
		name, body string
		want       string // "" for none
	}{
		{"100 block quotes", strings.Repeat(">", 100) + " a\n", ""},
		{"101 block quotes", strings.Repeat(">", 101) + " a\n", "5:101: " + blocks},
		{"block quotes with spaces", "Intro.\n\n" + strings.Repeat("> ", 150) + "a\n", "7:201: " + blocks},
		{"list markers on one line", strings.Repeat("* ", 101) + "a\n", "5:201: " + blocks},
		{"a line of spaces alone", "Intro.\n" + strings.Repeat(" ", 300) + "\nText.\n", ""},
		{"a line of spaces, then text", "Intro.\n\n" + strings.Repeat(" ", 300) + "a\n", "7:202: " + blocks},
		{"ordered markers", strings.Repeat("1. ", 101) + "a\n", "5:301: " + blocks},
		{"quotes and lists", strings.Repeat("> - ", 51) + "a\n", "5:201: " + blocks},
		{"lists nested by indentation", indented(102), "105:201: " + blocks},
		{"100 lists nested by indentation", indented(60), ""},
		// goldmark sorts footnotes with an insertion sort: each given in
		// order walks the whole sorted list. A definition is four lines
		// here, from line 5, so the 2,001st is on line 4 × 2,000 + 7.
		{"2000 footnotes", footnotes(2000), ""},
		{"2001 footnotes", footnotes(2001), "8007:1: " + notes},
		{"footnotes in a block quote", "> " + strings.ReplaceAll(footnotes(2001), "\n", "\n> "), "8007:3: " + notes},
		// Each reference writes a link to its note and one back. The
		// 10,001st "x[^1] " starts at column 6 × 10,000 + 1; over lines
		// of two, the first of line 5,001 (line 5,005 of the file).
		{"10,000 references to a footnote", strings.Repeat("x[^1] ", 10000) + "\n\n[^1]: n\n", ""},
		{"10,001 references to a footnote", strings.Repeat("x[^1] ", 10001) + "\n\n[^1]: n\n", "5:60002: " + refs},
		{"references over lines", strings.Repeat("See[^a] and[^b].\n", 5001), "5005:4: " + refs},
		{"references in a block quote", "> " + strings.Repeat("x[^1] ", 10001), "5:60004: " + refs},
		{"references in fenced code", "```\n" + strings.Repeat("x[^1] ", 20000) + "\n```\n", ""},
		// Each heading writes its id, a link to itself and a line of
		// the contents: the 20,001st is on line 20,005 (setext: its
		// "=" on line 40,006).
		{"20,000 headings", strings.Repeat("## a\n\n", 20000), ""},
		{"20,001 headings", strings.Repeat("## a\n", 20001), "20005:1: " + heads},
		{"empty headings", strings.Repeat("#\n", 20001), "20005:1: " + heads},
		{"setext headings", strings.Repeat("a\n=\n", 20001), "40006:1: " + heads},
		{"headings in a block quote", strings.Repeat("> ### a\n", 20001), "20005:3: " + heads},
		{"hashes that are no headings", strings.Repeat("#a #7 ####### a\n", 30000), ""},
		{"headings in fenced code", "```\n" + strings.Repeat("# a\n", 30000) + "```\n", ""},
		{"footnote definitions in fenced code", "```\n" + strings.Repeat("[^1]: x\n", 3000) + "```\n", ""},
		{"deep quotes inside fenced code", "```\n" + strings.Repeat(">", 500) + "\n```\n", ""},
		{"deep quotes after fenced code", "~~~~\nx\n~~~~\n" + strings.Repeat(">", 500) + "\n", "8:101: " + blocks},
		{"a long run of stars opens", strings.Repeat("*", 300) + "a", "5:101: " + emphasis},
		{"a thematic break of stars", strings.Repeat("*", 300) + "\n", ""},
		{"openers that never close", strings.Repeat("*a_ ", 200), "5:401: " + emphasis},
		{"nested strong", strings.Repeat("**a ", 60) + strings.Repeat(" a**", 60), "5:201: " + emphasis},
		{"strikethrough", strings.Repeat("~~a ", 60), "5:201: " + tildes},
		{"one tilde", strings.Repeat("~a ", 101), "5:301: " + tildes},
		{"underscores", strings.Repeat("_a ", 101), "5:301: " + unders},
		{"emphasis that closes", strings.Repeat("*a* _b_ **c** ~~d~~ ", 200), ""},
		{"snake_case names", strings.Repeat("foo_bar_baz ", 300), ""},
		{"escaped stars", strings.Repeat("\\*a ", 300), ""},
		{"paragraphs reset the count", strings.Repeat(strings.Repeat("*a ", 60)+"\n\n", 5), ""},
		{"stars in indented code", "Text.\n\n" + strings.Repeat("    char **argv;\n", 200), ""},
		{"arithmetic", strings.Repeat("2 * 3 * 4 ", 200), ""},
		{"arithmetic, then emphasis", strings.Repeat("2 * 3 ", 150) + "*a* __b__", ""},
		{"names within words, then emphasis", strings.Repeat("cradle_to_gate ", 150) + "_a_ **b**", ""},
		// goldmark walks every marker before a closer that has no opener.
		{"a few closers after arithmetic", strings.Repeat("2 * 3 ", 150) + "a* b*", ""},
		{"closers after arithmetic", strings.Repeat("2 * 3 ", inert) + strings.Repeat("a* ", inert), fmt.Sprintf("5:%d: %s", 6*inert+3*(closer-1)+2, closers)},
		{"closers after names within words", strings.Repeat("x__y ", inert) + strings.Repeat("a_ ", inert), fmt.Sprintf("5:%d: %s", 5*inert+3*(closer-1)+2, closers_)},
		// "**" within a word may open and close: a closer "*" after it
		// cannot close it (1 + 2 is a multiple of three) and stays on the
		// list, so the m-th walks back over m-1 closers and the "**":
		// m(m+3)/2 passes 2^24 at the 5,792nd, at column 4 + 3 × 5,791 + 2.
		{"closers after strong within a word", "a**b" + strings.Repeat("c* ", 6000), "5:17379: " + closers},
		{"emphasis within words", strings.Repeat("un**frigging**believable, a*b* c and a**b* c ", 3000), ""},
		// goldmark looks between each "]" and its "[" for a link: the
		// m-th "]" of 20,000 nested pairs is 2m bytes from its "[", and
		// the 16,384th takes the sum, m(m+1), past MaxLinkWalk (2^28).
		{"nested brackets", strings.Repeat("[", 20000) + "a" + strings.Repeat("]", 20000), "5:36385: " + links},
		// It reads a label back over the lines after it: the m-th line
		// "[a]" adds m-1 for those above it and 2 for its own brackets,
		// m(m-1)/2 + 2m in all, past 2^28 at line 23,169.
		{"a label a line", strings.Repeat("[a]\n", 30000), "23173:3: " + links},
		{"reference definitions in one paragraph", strings.Repeat("[r]: https://example.org/\n", 30000), "23173:3: " + links},
		{"reference definitions, one a paragraph", strings.Repeat("[r]: https://example.org/\n\n", 30000), ""},
		{"a label a line, over paragraphs", strings.Repeat(strings.Repeat("[a]\n", 1000)+"\n", 30), ""},
		// And it reads an address to a space or its ")", to the end of
		// the line without one: the k-th "](" of 20,000 "[a](" reads
		// 80,000-4k bytes, four units each; the 858th passes 2^28
		// (858 × 319,986 − 8 × 858 × 857 units), at column 4 × 857 + 3.
		{"addresses without a space", strings.Repeat("[a](", 20000), "5:3431: " + links},
		// Five bytes a unit: the k-th reads 100,000-5k-5 (or -4) bytes,
		// and the 683rd passes 2^28, at column 5 × 682 + 4 (or + 3).
		{"images", strings.Repeat("![a](", 20000), "5:3414: " + links},
		{"addresses in angle brackets", strings.Repeat("[a](<", 20000), "5:3413: " + links},
		{"links, references and labels", "[c]: https://example.org/c\n\n" + strings.Repeat("See [a](https://example.org/a \"A\"), [b][c], [c] and \\[d\\].\n", 10000), ""},
		{"escaped brackets", strings.Repeat("\\[a\\](", 20000), ""},
		// goldmark keeps a node for every "[" that no "]" closes.
		{"100,000 unclosed brackets", strings.Repeat("[a", 100000), ""},
		{"100,001 unclosed brackets", strings.Repeat("[a", 100001), "5:200001: " + unclosed},
		{"unclosed brackets over paragraphs", strings.Repeat(strings.Repeat("[a", 1000)+"\n\n", 101), "205:1: " + unclosed},
		{"closers over paragraphs", strings.Repeat(strings.Repeat("2 * 3 ", 100)+strings.Repeat("a* ", 100)+"\n\n", 1700), fmt.Sprintf("%d:%d: %s", 5+2*1677, 6*100+3*72+2, closers)},
		// A table's cells are its rows, the header's among them, times
		// its columns. The header is on line 5, its dashes on line 6.
		{"a table of 200,000 cells", "| a | b |\n|---|:-:|\n" + strings.Repeat("| a | b |\n", 99999), ""},
		{"a table of 200,002 cells", "| a | b |\n|---|:-:|\n" + strings.Repeat("| a | b |\n", 100000), "100006:1: " + table},
		{"short rows count whole", "| a | b |\n|---|---|\n" + strings.Repeat("a\n", 100000), "100006:1: " + table},
		// 50,000 columns: the fifth row, the fourth below the dashes.
		{"a wide table", strings.Repeat("|a", 50000) + "\n" + strings.Repeat("|-", 50000) + "\n" + strings.Repeat("|a\n", 10), "10:1: " + table},
		{"dashes without pipes", "a | b\n--- | ---\n" + strings.Repeat("a | b\n", 100000), "100006:1: " + table},
		{"more columns than cells", "a\n" + strings.Repeat("|-", 200001) + "|\n", "6:1: " + table},
		{"a table in a block quote", "> a\n> -:\n" + strings.Repeat("> a\n", 200000), "200006:3: " + table},
		{"tables over paragraphs", strings.Repeat("| a | b |\n|---|---|\n"+strings.Repeat("| a | b |\n", 1000)+"\n", 300), ""},
		{"a setext heading, then lines", "a\n---\n" + strings.Repeat("a\n", 300000), ""},
		{"dashes in prose", "a\n" + strings.Repeat("a - b - c\n", 300000), ""},
		{"a table in fenced code", "```\n| a |\n|---|\n" + strings.Repeat("| a |\n", 300000) + "```\n", ""},
		// goldmark reads no emphasis in a raw HTML block: a page written
		// in HTML with many target="_blank" is no deep Markdown.
		{"underscores in raw HTML", "<div id=\"toc\">\n" + strings.Repeat("<a href=\"/a_b/\" target=\"_blank\">a</a>\n", 300) + "</div>\n", ""},
		{"stars in a pre block with blank lines", "<pre>\n\n" + strings.Repeat("*a ", 300) + "\n\n</pre>\n", ""},
		{"emphasis after a raw HTML block", "<div>\n*a\n\n" + strings.Repeat("*", 300) + "a", "8:101: " + emphasis},
		{"emphasis after a pre block", "<pre>\n\n</pre>\n" + strings.Repeat("*", 300) + "a", "8:101: " + emphasis},
		{"a pre block ends a paragraph", strings.Repeat("*a ", 60) + "\n<pre>x</pre>\n" + strings.Repeat("*a ", 60), ""},
		{"a tag within a paragraph", "a <div>\n" + strings.Repeat("*", 300) + "a", "6:101: " + emphasis},
		// goldmark reads no emphasis in code spans, mathematics,
		// autolinks, HTML tags and links' addresses.
		{"underscores in code spans", strings.Repeat("`_id` ", 101), ""},
		{"stars in code spans", strings.Repeat("`**kwargs` ", 51) + strings.Repeat("``*p`` ", 150), ""},
		{"code spans over lines of a paragraph", strings.Repeat("`*p`, `**q`\n", 150), ""},
		{"stars in mathematics", strings.Repeat("$$ *x $$ and \\( *y \\) and \\[ *z \\] ", 150), ""},
		{"stars in autolinks", strings.Repeat("<https://x.com/*a> ", 150), ""},
		{"stars in email autolinks", strings.Repeat("<a*b@x.com> ", 150), ""},
		{"stars in links' addresses", strings.Repeat("[l](https://x.com/*a) ![i](</*a b>) [m]( /*a ) ", 150), ""},
		{"stars in HTML tags", strings.Repeat("<span title=\"*a\" class='_b' data-x=*c>a</span> ", 150), ""},
		// What goldmark reads as emphasis counts: a lone $ is a
		// dollar; so does what follows a "]" that closes no "[", a
		// link within a link, a footnote or a task's box, and, as
		// that is not told apart, an address with a title.
		{"stars between dollars", strings.Repeat("$ *x $ ", 150), "5:703: " + emphasis},
		{"an address with a title", strings.Repeat("[l](/*a \"t\") ", 150), "5:1306: " + emphasis},
		{"addresses without a label", strings.Repeat("](/*a) ", 150), "5:704: " + emphasis},
		{"a link in a link", strings.Repeat("[a [b](c)](/*a) ", 150), "5:1613: " + emphasis},
		{"after a footnote", strings.Repeat("[^1](/*a) ", 150) + "\n\n[^1]: n\n", "5:1007: " + emphasis},
		{"an escaped bracket before an address", strings.Repeat("\\[l](/*a) ", 150), "5:1007: " + emphasis},
		{"a task's box before an address", "- [x](/*a) " + strings.Repeat("*a ", 100), "5:309: " + emphasis},
		// Code, mathematics or a tag that a later line may close: the
		// pairs of a line are not goldmark's, and all counts.
		{"a code span over two lines", "a `\n` " + strings.Repeat("*a ", 150) + "`", "6:303: " + emphasis},
		{"mathematics over two lines", "$$ a\n$$ " + strings.Repeat("*a ", 150) + "$$", "6:304: " + emphasis},
		{"a tag over two lines", "<span title=\"\n` \"> " + strings.Repeat("*a ", 150) + "`", "6:306: " + emphasis},
		{"an unclosed code span", "`a " + strings.Repeat("*a ", 150), "5:304: " + emphasis},
		{"code spans after a paragraph's unclosed one", "a `\n\n" + strings.Repeat("`*p` ", 150), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := casefrontMatter + tc.body
			var diags diag.List
			_, err := New(Options{}).Convert(&Page{Path: casePath, Source: []byte(src), BodyOffset: len(casefrontMatter)}, &diags)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			for _, d := range diags {
				if strings.Contains(d.Message, "plotline refuses Markdown") {
					got = strings.TrimPrefix(d.String(), casePath+":")
				}
			}
			if got != tc.want {
				t.Errorf("got %q; want %q", got, tc.want)
			}
		})
	}
}

// TestHostileSizes converts 8 MB articles of the shapes that make
// goldmark's work grow with the square of their depth, or that once made
// plotline's grow with the square of their length: each is refused or
// read in one pass. BenchmarkHostile measures them.
func TestHostileSizes(t *testing.T) {
	if testing.Short() {
		t.Skip("8 MB articles")
	}
	for _, tc := range hostile {
		t.Run(tc.name, func(t *testing.T) {
			src := tc.src()
			var diags diag.List
			_, err := New(Options{}).Convert(&Page{Path: casePath, Source: src, Values: fakeValues{}}, &diags)
			if err != nil {
				t.Fatal(err)
			}
			if len(diags) == 0 || !strings.Contains(diags[0].Message, tc.want) {
				t.Fatalf("first diagnostic of %d: %v; want one saying %q", len(diags), diags[:min(1, len(diags))], tc.want)
			}
			if len(diags) > maxReported+1 {
				t.Errorf("%d diagnostics; want at most %d", len(diags), maxReported+1)
			}
		})
	}
}

// hostile are 8 MB articles.
var hostile = []struct {
	name string
	src  func() []byte
	want string // in the first diagnostic
}{
	{"block quotes", repeat(">", ""), "nest more than 100"},
	{"lists", repeat("* ", ""), "nest more than 100"},
	{"quoted lists", repeat("> 1. ", ""), "nest more than 100"},
	{"emphasis", repeat("*a **a ", ""), "emphasis markers"},
	{"closers after inert stars", func() []byte { return []byte(strings.Repeat("a * ", 1<<20) + strings.Repeat("a* ", 1<<20)) }, "close no emphasis"},
	{"closers after strong within a word", func() []byte { return []byte("a**b" + strings.Repeat("c* ", (8<<20)/3)) }, "close no emphasis"},
	{"emphasis among code spans, tags and links", repeat("`*a` <b title=\"*\">[l](/*a) <https://x.com/*a> *a ", ""), "emphasis markers"},
	{"emphasis after a backtick no line closes", repeat("*a ", "`"), "emphasis markers"},
	{"one run of stars", func() []byte { return []byte(strings.Repeat("*", 4<<20) + "a" + strings.Repeat("*", 4<<20)) }, "emphasis markers"},
	{"link addresses", repeat("[a](", ""), "too many [ and ]"},
	{"nested brackets", func() []byte { return []byte(strings.Repeat("[", 4<<20) + strings.Repeat("]", 4<<20)) }, "too many [ and ]"},
	{"a label a line", repeat("[a]\n", ""), "too many [ and ]"},
	{"unclosed brackets", repeat("[a", ""), "no ] closes"},
	{"unclosed brackets over paragraphs", repeat("[a [b [c\n\n", ""), "no ] closes"},
	{"a table of one column", repeat("| a |\n", "| a |\n|---|\n"), "more than 200000 cells"},
	{"a wide table", func() []byte {
		row := strings.Repeat("| a ", 100000) + "|\n"
		return []byte(row + strings.Repeat("|---", 100000) + "|\n" + strings.Repeat(row, (8<<20)/len(row)-2))
	}, "more than 200000 cells"},
	{"unclosed values", repeat("{{", ""), "unclosed {{"},
	{"unclosed shortcodes", repeat("{{< ", ""), "Hugo shortcode"},
	// Tables of 10,000 rows, within MaxTableCells.
	{"values in tables", repeat("| a |\n|---|\n"+strings.Repeat("| {{ a | b }} |\n", 10000)+"\n", ""), "unknown reference"},
}

// repeat returns a function that makes 8 MB of unit after head.
func repeat(unit, head string) func() []byte {
	return func() []byte {
		return []byte(head + strings.Repeat(unit, (8<<20)/len(unit)))
	}
}

// BenchmarkHostile converts each of the 8 MB hostile articles.
func BenchmarkHostile(b *testing.B) {
	for _, tc := range hostile {
		b.Run(tc.name, func(b *testing.B) {
			src := tc.src()
			c := New(Options{})
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				var diags diag.List
				if _, err := c.Convert(&Page{Path: casePath, Source: src, Values: fakeValues{}}, &diags); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// footnotes returns n paragraphs, each with a footnote, and the
// footnote's definition after it.
func footnotes(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "x[^%d]\n\n[^%d]: y\n\n", i, i)
	}
	return b.String()
}
