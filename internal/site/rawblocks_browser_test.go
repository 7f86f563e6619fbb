package site

import (
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"
)

// rawBlocksArticle has an image, a video and a linked image written as
// raw HTML between paragraphs, each start tag alone on its line, as
// imported documentation writes a screenshot: goldmark puts them in the
// page as they are, with no paragraph around them; and a block of
// mathematics, whose own rule once set its margins.
const rawBlocksArticle = `---
title: Raw blocks
date: 2025-01-20
---
A paragraph before.

<img src="shot.png" width="300" alt="A screenshot">

<video src="clip.mp4" width="300" controls>
</video>

<a href="shot.png">
<img src="shot.png" width="300" alt="The screenshot, linked">
</a>

$$
p_\theta(x_0) = \int p_\theta(x_{0:T})\, dx_{1:T}
$$

A paragraph after.
`

// rawBlocksJS returns, for each raw element and block of mathematics at
// the top of the article's text, how far its start stands from the start of the paragraph before
// it, in CSS pixels.
const rawBlocksJS = `(() => {
	const body = document.querySelector('.article-body'), p = body.querySelector(':scope > p').getBoundingClientRect();
	return Array.from(body.querySelectorAll(':scope > img, :scope > video, :scope > a, :scope > div.math'), el => {
		const r = el.getBoundingClientRect();
		return {Tag: el.tagName, Offset: Math.round(getComputedStyle(body).direction === 'rtl' ? p.right - r.right : r.left - p.left)};
	});
})()`

// TestBrowserRawBlocksInColumn opens an article whose text holds raw
// HTML images and a video between paragraphs, and checks that each
// starts where the text does, left to right and right to left: they
// stood at the start of the wide column, 100 pixels left of the text at
// 1280, as an inline element takes no margin of the text column. So did
// a block of mathematics ($$ on lines of their own, as an imported
// Chirpy post writes them), whose rule's margin: 1rem 0 outweighed the
// text column's.
func TestBrowserRawBlocksInColumn(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	for _, lang := range []string{"en", "fa"} {
		root := serveDir(t, buildFS(t, fstest.MapFS{
			"plotline.yaml":             {Data: []byte("title: Raw\nbase_url: https://example.github.io/repo/\nunsafe_html: true\nlanguage: " + lang + "\n")},
			"content/articles/raw.md":   {Data: []byte(rawBlocksArticle)},
			"content/articles/shot.png": {Data: []byte("png")},
			"content/articles/clip.mp4": {Data: []byte("mp4")},
		}))
		for _, width := range []int64{390, 1280} {
			setWindow(t, ctx, width, "light", true)
			navigate(t, ctx, root+"articles/raw/")
			got, err := chromedp.Run(ctx, chromedp.Evaluate[[]struct {
				Tag    string
				Offset float64
			}](rawBlocksJS))
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 4 {
				t.Fatalf("%s, %d px: %d raw elements and blocks of mathematics; want 4", lang, width, len(got))
			}
			for _, el := range got {
				if el.Offset != 0 {
					t.Errorf("%s, %d px: the %s starts %v px from the text's start; want 0", lang, width, el.Tag, el.Offset)
				}
			}
		}
	}
}
