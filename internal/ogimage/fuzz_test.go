package ogimage

import (
	"fmt"
	"image"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font/sfnt"
)

// watchdog turns a hang into a crash that names its input: it panics when
// the returned stop is not called within 10 seconds.
func watchdog(input ...string) (stop func()) {
	t := time.AfterFunc(10*time.Second, func() {
		panic(fmt.Sprintf("still running after 10 s on input %.300q", input))
	})
	return func() { t.Stop() }
}

// FuzzCardText draws cards whose every text is written by the fuzzer: a
// card must come out, 1200×630, whatever the text, quickly.
func FuzzCardText(f *testing.F) {
	f.Add(kurskTitle, kurskDek, "The Projection Desk", "casualties")
	f.Add("", "", "", "")
	f.Add(" \t\n", "\x00\x01\x7f", "\u202e\u200b\u00ad", "\ufeff")
	f.Add("\xff\xfe\xc0\x80 broken", "\xed\xa0\x80 surrogate", "ok", "\xf4\x90\x80\x80")
	f.Add("Ζ\u0301\u0308\u0323\u0330"+strings.Repeat("\u0336", 500), "نص عربي من اليمين", "日本語のサイト", "单位")
	f.Add(strings.Repeat("W", 5000), strings.Repeat("word ", 2000), strings.Repeat("x", 1000), strings.Repeat("u", 1000))
	f.Add(strings.Repeat(" ", 1<<16)+"late", strings.Repeat("\u200b", 1<<12), "🧭📈🏳️‍🌈", "👩‍👩‍👧‍👦")
	f.Add("A\u2028B\u2029C", "tab\there", "new\nline", "\r\n")
	r := newRenderer(f) // parsed once, for every input
	f.Fuzz(func(t *testing.T, title, dek, site, unit string) {
		defer watchdog(title, dek, site, unit)()
		c := kurskCard()
		c.Title, c.Dek, c.Site = title, dek, site
		c.Plot.Unit = unit
		c.Plot.LimitLabel, c.Plot.CrossingLabel = unit, title
		c.Plot.XTicks[0].Label, c.Plot.YTicks[1].Label = dek, site
		// The drawing alone: the PNG encoder is the same for any text.
		for _, plot := range []*Plot{c.Plot, nil} {
			c.Plot = plot
			img, lay, err := r.draw(c)
			if err != nil {
				t.Fatalf("draw: %v", err)
			}
			if got := img.Bounds(); got != image.Rect(0, 0, Width, Height) {
				t.Fatalf("image bounds = %v; want 1200×630", got)
			}
			if !lay.title.inside(rect{0, 0, Width, Height}) {
				t.Fatalf("headline at %v, outside the card", lay.title)
			}
		}
	})
}

// FuzzWrap sets fuzzed text in fuzzed sizes and widths and checks what
// the card's text relies on: the text is clean, no line is too wide, no
// text is lost or added, and an ellipsis ends what was cut. It draws
// nothing, so it runs far faster than FuzzCardText.
func FuzzWrap(f *testing.F) {
	f.Add(kurskTitle, uint8(54), uint16(1072), uint8(2), false)
	f.Add(longTitle, uint8(48), uint16(1072), uint8(3), true)
	f.Add(strings.Repeat("W", 700), uint8(80), uint16(60), uint8(1), false)
	f.Add("a\u0301\u0301\u0301 b\tc\n\nd \u202e\xff", uint8(9), uint16(1), uint8(4), true)
	f.Add("日本語の見出しは空白なしで続く", uint8(30), uint16(200), uint8(2), false)
	r := newRenderer(f)
	f.Fuzz(func(t *testing.T, s string, size uint8, maxW uint16, maxLines uint8, bold bool) {
		defer watchdog(s)()
		ts := &typesetter{fonts: &r.fonts, buf: new(sfnt.Buffer)}
		st := styleUI
		if bold {
			st = styleTitle
		}
		sz, w, n := 8+float64(size%90), 20+float64(maxW%1200), 1+int(maxLines%4)

		clean, cut := cleanText(s, 600)
		if !utf8.ValidString(clean) || strings.Contains(clean, "  ") || strings.TrimSpace(clean) != clean {
			t.Fatalf("cleanText(%q) = %q: not one clean line", s, clean)
		}
		if c := utf8.RuneCountInString(clean); c > 600 {
			t.Fatalf("cleanText kept %d characters; want at most 600", c)
		}
		for _, c := range clean {
			if unicode.Is(unicode.Cc, c) || unicode.Is(unicode.Cf, c) || (unicode.IsSpace(c) && c != ' ') {
				t.Fatalf("cleanText(%q) kept %U", s, c)
			}
		}

		lines, ell := ts.wrap(st, sz, w, clean, n, cut)
		if len(lines) > n {
			t.Fatalf("%d lines; want at most %d", len(lines), n)
		}
		if (clean != "" || cut) && len(lines) == 0 {
			t.Fatalf("no line for %q", clean)
		}
		for i, l := range lines {
			if got := ts.width(st, sz, l); got > w && utf8.RuneCountInString(l) > 2 {
				t.Fatalf("line %d %q is %.1fpx wide; want at most %v", i, l, got, w)
			}
		}
		if cut && !ell {
			t.Fatalf("the text was cut, but %q end without an ellipsis", lines)
		}
		joined := strings.ReplaceAll(strings.Join(lines, ""), " ", "")
		all := strings.ReplaceAll(clean, " ", "")
		if ell {
			if !strings.HasSuffix(lines[len(lines)-1], "…") {
				t.Fatalf("cut, but the last line %q has no ellipsis", lines[len(lines)-1])
			}
			if kept := strings.TrimSuffix(joined, "…"); !strings.HasPrefix(all, kept) {
				t.Fatalf("lines %q are not the start of %q", lines, clean)
			}
		} else if joined != all {
			t.Fatalf("lines %q do not hold the text %q", lines, clean)
		}
	})
}
