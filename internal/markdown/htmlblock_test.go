package markdown

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// FuzzHTMLBlock holds the emphasis count's reading of raw HTML blocks
// (htmlBlockStart, htmlBlockEnds) to goldmark's, in the direction that
// matters: a line the count takes for the start of a block starts one in
// goldmark, right after a line of a paragraph too (which only the first
// six kinds of CommonMark may end), and the count skips no line that
// goldmark reads as Markdown,
// where emphasis and links it did not count could be. (The count may
// miss a block goldmark sees, and count what goldmark skips: that
// over-counts, which is safe.)
func FuzzHTMLBlock(f *testing.F) {
	for _, s := range [][2]string{
		{"<div>", "*a*"}, {"<div class=x>", ""}, {"<DIV>", "b"}, {"</div>", "c"},
		{"<pre>", "*a*"}, {"<pre>x</pre>", "*a*"}, {"<script>", "</script>"}, {"<textarea", "x</TEXTAREA>"},
		{"<!-- a", "b -->"}, {"<!-- a -->", "*b*"}, {"<?php", "?>"}, {"<!DOCTYPE html", ">"},
		{"<![CDATA[", "]]>"}, {"<table>", "<tr>"}, {"<span>", "*a*"}, {"<custom-tag>", "x"},
		{"<div/>", "*a*"}, {"<h1>x</h1>", "*a*"}, {"<pre\t>", "x"}, {"<p", "x"},
	} {
		f.Add(s[0], s[1])
	}
	md := goldmark.New()
	f.Fuzz(func(t *testing.T, first, second string) {
		if strings.ContainsAny(first+second, "\n\r") {
			return
		}
		kind := htmlBlockStart([]byte(first))
		if kind == htmlNone {
			return
		}
		src := []byte("p\n" + first + "\n" + second + "\nx\n")
		doc := md.Parser().Parse(text.NewReader(src))
		var blk *ast.HTMLBlock
		if p := doc.FirstChild(); p != nil {
			blk, _ = p.NextSibling().(*ast.HTMLBlock)
		}
		if blk == nil {
			t.Fatalf("%q after a paragraph's line: the count reads the start of a raw HTML block (kind %d); goldmark does not", first, kind)
		}
		// The lines goldmark's block holds, its closing line included.
		end := 0
		if n := blk.Lines().Len(); n > 0 {
			end = blk.Lines().At(n - 1).Stop
		}
		if blk.HasClosure() {
			end = max(end, blk.ClosureLine.Stop)
		}
		held := bytes.Count(src[:end], []byte("\n")) - 1 // less the paragraph's line
		if end > 0 && src[end-1] != '\n' {
			held++
		}
		// The lines the count skips: to the line with the closer, or
		// to the blank line for a block of the sixth kind.
		skipped := 3
		switch {
		case htmlBlockEnds(kind, []byte(first)):
			skipped = 1
		case kind == htmlToBlank && strings.TrimSpace(second) == "":
			skipped = 1
		case htmlBlockEnds(kind, []byte(second)):
			skipped = 2
		}
		if skipped > held {
			t.Fatalf("%q then %q: the count skips %d lines as raw HTML (kind %d); goldmark's block holds %d", first, second, skipped, kind, held)
		}
	})
}
