package chart

import (
	"html"
	"strconv"
)

// EmbedHeightKey is the key of the message an embed page posts to the
// page around it, {EmbedHeightKey: height in CSS pixels}, whenever its
// height changes; EmbedSnippet's script reads it.
const EmbedHeightKey = "plotline-embed-height"

// EmbedSnippet returns the HTML another site pastes into a page to show a
// chart whose embed page is at src, an absolute URL: an iframe as wide as
// its column, with no border, loaded when it comes near the screen and
// height CSS pixels tall until the page inside says how tall it is, and a
// script that sets the iframe's height from that page's messages. The
// script heeds only messages from that iframe, from src's origin, holding
// a number. title names the iframe for screen readers.
func EmbedSnippet(src, title string, height int) string {
	return `<iframe src="` + html.EscapeString(src) + `" title="` + html.EscapeString(title) +
		`" height="` + strconv.Itoa(height) + `" loading="lazy" style="width:100%;border:0"></iframe>` + "\n" +
		`<script>(function(f){addEventListener("message",function(e){var h=e.data&&e.data["` + EmbedHeightKey + `"];` +
		`if(e.source===f.contentWindow&&e.origin===new URL(f.src).origin&&typeof h=="number"&&h>0&&h<1e5)f.style.height=Math.ceil(h)+"px"})})(document.currentScript.previousElementSibling)</script>`
}
