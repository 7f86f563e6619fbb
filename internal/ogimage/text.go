package ogimage

import (
	"embed"
	"fmt"
	"image/color"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The headline and dek are set in Charis SIL, a free font made from
// Bitstream Charter, the site's text face; the small print is set in the
// Go fonts, as the site sets its own in a sans-serif. The licences are in
// fonts/.
//
//go:embed fonts/CharisSIL-Bold.ttf fonts/CharisSIL-Regular.ttf
var fontFiles embed.FS

// style is one of the faces a card uses.
type style int

const (
	styleTitle  style = iota // the headline: Charis SIL Bold
	styleDek                 // the dek: Charis SIL Regular
	styleUI                  // small print: Go Regular
	styleUIBold              // the site's name and chart labels: Go Bold
	numStyles
)

// fontSet holds the parsed fonts: for each style, the fonts to take a
// glyph from, in order. sfnt.Font values are safe for concurrent use.
type fontSet struct {
	chain [numStyles][]*sfnt.Font
}

// loadFonts parses the embedded fonts.
func loadFonts() (fontSet, error) {
	var f [4]*sfnt.Font
	for i, name := range []string{"CharisSIL-Bold.ttf", "CharisSIL-Regular.ttf", "Go Regular", "Go Bold"} {
		src := map[string][]byte{"Go Regular": goregular.TTF, "Go Bold": gobold.TTF}[name]
		var err error
		if src == nil {
			if src, err = fontFiles.ReadFile("fonts/" + name); err != nil {
				return fontSet{}, fmt.Errorf("ogimage: %w", err)
			}
		}
		if f[i], err = sfnt.Parse(src); err != nil {
			return fontSet{}, fmt.Errorf("ogimage: font %s: %w", name, err)
		}
	}
	serifBold, serif, sans, sansBold := f[0], f[1], f[2], f[3]
	var fs fontSet
	fs.chain[styleTitle] = []*sfnt.Font{serifBold, sansBold}
	fs.chain[styleDek] = []*sfnt.Font{serif, sans}
	fs.chain[styleUI] = []*sfnt.Font{sans, serif}
	fs.chain[styleUIBold] = []*sfnt.Font{sansBold, serifBold}
	return fs, nil
}

// glyphRef is a glyph of one font.
type glyphRef struct {
	f *sfnt.Font
	x sfnt.GlyphIndex
}

type glyphKey struct {
	st style
	r  rune
}

// typesetter measures and draws text for one card. It is used by one
// goroutine: the sfnt.Buffer and the glyph cache are its own.
type typesetter struct {
	fonts    *fontSet
	buf      *sfnt.Buffer
	glyphs   map[glyphKey]glyphRef
	contours [][]pt // reused by draw
}

// glyph returns the glyph for r in the first font of st's chain that has
// one, or the first font's "missing" glyph.
func (t *typesetter) glyph(st style, r rune) glyphRef {
	k := glyphKey{st, r}
	if g, ok := t.glyphs[k]; ok {
		return g
	}
	chain := t.fonts.chain[st]
	g := glyphRef{f: chain[0]}
	for _, f := range chain {
		if x, err := f.GlyphIndex(t.buf, r); err == nil && x != 0 {
			g = glyphRef{f: f, x: x}
			break
		}
	}
	if t.glyphs == nil {
		t.glyphs = make(map[glyphKey]glyphRef)
	}
	t.glyphs[k] = g
	return g
}

// drawable returns s without the characters that no font of st's chain
// has, or "" when a letter, digit or mark is among them: a text in a
// script the fonts lack (Devanagari, Chinese) is left off the card rather
// than drawn as a row of empty boxes, and a symbol they lack (an emoji) is
// left out of its text.
func (t *typesetter) drawable(st style, s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r) || t.glyph(st, r).x != 0:
			b.WriteRune(r)
		case unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r):
			return ""
		}
	}
	return b.String()
}

func ppem(size float64) fixed.Int26_6 { return fixed.Int26_6(math.Round(size * 64)) }

func unfix(v fixed.Int26_6) float64 { return float64(v) / 64 }

// layout calls fn with the pen position of every rune of s set in st at
// size, and returns the width of the whole. Pairs of the same font are
// kerned where the font's kern table says so.
func (t *typesetter) layout(st style, size float64, s string, fn func(g glyphRef, x float64, i int)) float64 {
	em := ppem(size)
	x := 0.0
	var prev glyphRef
	for i, r := range s {
		g := t.glyph(st, r)
		if i > 0 && prev.f == g.f {
			if k, err := g.f.Kern(t.buf, prev.x, g.x, em, font.HintingNone); err == nil {
				x += unfix(k)
			}
		}
		if fn != nil {
			fn(g, x, i)
		}
		if adv, err := g.f.GlyphAdvance(t.buf, g.x, em, font.HintingNone); err == nil {
			x += unfix(adv)
		}
		prev = g
	}
	return x
}

// width returns the width of s set in st at size.
func (t *typesetter) width(st style, size float64, s string) float64 {
	return t.layout(st, size, s, nil)
}

// capHeight returns the height of a capital letter of st at size.
func (t *typesetter) capHeight(st style, size float64) float64 {
	f := t.fonts.chain[st][0]
	m, err := f.Metrics(t.buf, ppem(size), font.HintingNone)
	if err != nil || m.CapHeight <= 0 {
		return 0.7 * size
	}
	return unfix(m.CapHeight)
}

// draw sets s in st at size in col, with its baseline starting at
// (x, y).
func (t *typesetter) draw(cv *canvas, st style, size, x, y float64, s string, col color.NRGBA) {
	em := ppem(size)
	// Curves are cut into lines here, not by the rasterizer, whose
	// arithmetic for them rounds differently from machine to machine.
	contours := t.contours[:0]
	var cur []pt
	var pen pt
	lineTo := func(v pt) { cur = append(cur, v) }
	t.layout(st, size, s, func(g glyphRef, gx float64, _ int) {
		segs, err := g.f.LoadGlyph(t.buf, g.x, em, nil)
		if err != nil {
			return
		}
		for _, sg := range segs {
			var p [3]pt // the segment's points, placed on the canvas
			for i := range sg.Args {
				p[i] = pt{x + gx + unfix(sg.Args[i].X), y + unfix(sg.Args[i].Y)}
			}
			switch sg.Op {
			case sfnt.SegmentOpMoveTo:
				if len(cur) > 0 {
					contours = append(contours, cur)
				}
				cur, pen = []pt{p[0]}, p[0]
			case sfnt.SegmentOpLineTo:
				lineTo(p[0])
				pen = p[0]
			case sfnt.SegmentOpQuadTo:
				flattenQuad(pen, p[0], p[1], lineTo)
				pen = p[1]
			case sfnt.SegmentOpCubeTo:
				flattenCube(pen, p[0], p[1], p[2], lineTo)
				pen = p[2]
			}
		}
	})
	if len(cur) > 0 {
		contours = append(contours, cur)
	}
	t.contours = contours
	if len(contours) == 0 {
		return
	}
	box := bbox(contours[0])
	for _, c := range contours[1:] {
		box = union(box, bbox(c))
	}
	// The outlines keep their winding: the holes of letters wind the
	// other way.
	cv.rasterize(contours, pixelRect(box), col)
}

// curveSteps returns how many lines a curve whose control points stray
// by dev (the larger |p0 − 2p1 + p2|) from a straight line is cut into:
// enough to keep the error well under a tenth of a pixel.
func curveSteps(dev pt) int {
	d := float64(dev.X*dev.X) + float64(dev.Y*dev.Y)
	return 1 + min(64, int(math.Sqrt(math.Sqrt(3*d))))
}

// flattenQuad calls lineTo along the quadratic curve from a through
// control point b to c, ending at c.
func flattenQuad(a, b, c pt, lineTo func(pt)) {
	n := curveSteps(pt{a.X - 2*b.X + c.X, a.Y - 2*b.Y + c.Y})
	for i := 1; i < n; i++ {
		t := float64(i) / float64(n)
		lineTo(lerp(lerp(a, b, t), lerp(b, c, t), t))
	}
	lineTo(c)
}

// flattenCube calls lineTo along the cubic curve from a through control
// points b and c to d, ending at d.
func flattenCube(a, b, c, d pt, lineTo func(pt)) {
	d1 := pt{a.X - 2*b.X + c.X, a.Y - 2*b.Y + c.Y}
	d2 := pt{b.X - 2*c.X + d.X, b.Y - 2*c.Y + d.Y}
	dev := d1
	if float64(d2.X*d2.X)+float64(d2.Y*d2.Y) > float64(d1.X*d1.X)+float64(d1.Y*d1.Y) {
		dev = d2
	}
	n := curveSteps(dev)
	for i := 1; i < n; i++ {
		t := float64(i) / float64(n)
		ab, bc, cd := lerp(a, b, t), lerp(b, c, t), lerp(c, d, t)
		lineTo(lerp(lerp(ab, bc, t), lerp(bc, cd, t), t))
	}
	lineTo(d)
}

// cleanText returns s as one line of text to set: invalid UTF-8 replaced,
// each run of white space made one space, control and format characters
// (bidirectional overrides, soft hyphens, zero-width joiners) dropped. It
// keeps at most maxRunes characters and reports whether it cut s there.
func cleanText(s string, maxRunes int) (string, bool) {
	var b strings.Builder
	n := 0
	space := false
	// Past maxRunes·16 characters of space and invisible ones the text is
	// not worth reading on: it is cut there too.
	for seen, i := 0, 0; i < len(s); seen++ {
		if seen > maxRunes*16 {
			return b.String(), true
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case unicode.IsSpace(r) || r == '\u2028' || r == '\u2029':
			space = n > 0
			continue
		case unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Cs, r):
			continue
		}
		if n >= maxRunes || (space && n+1 >= maxRunes) {
			return b.String(), true
		}
		if space {
			b.WriteByte(' ')
			n++
			space = false
		}
		b.WriteRune(r)
		n++
	}
	return b.String(), false
}

// wrap breaks s into lines no wider than maxW when set in st at size. It
// breaks at spaces, and inside a word only when the word alone is too
// wide. With more than maxLines lines, or when cut says s itself was cut
// short, the last line kept ends with an ellipsis; wrap reports whether
// it added one.
func (t *typesetter) wrap(st style, size, maxW float64, s string, maxLines int, cut bool) ([]string, bool) {
	var lines []string
	line := ""
	for word := range strings.SplitSeq(s, " ") {
		if len(lines) > maxLines {
			break
		}
		if word == "" {
			continue
		}
		if line != "" && t.width(st, size, line+" "+word) <= maxW {
			line += " " + word
			continue
		}
		if line != "" {
			lines = append(lines, line)
		}
		// A word wider than a line is broken where it must be.
		for len(lines) <= maxLines && t.width(st, size, word) > maxW {
			n := t.fit(st, size, maxW, word)
			lines = append(lines, word[:n])
			word = word[n:]
		}
		line = word
	}
	if line != "" {
		lines = append(lines, line)
	}
	if len(lines) <= maxLines && !cut {
		return lines, false
	}
	lines = lines[:min(len(lines), maxLines)]
	if len(lines) == 0 {
		return []string{"…"}, true
	}
	lines[len(lines)-1] = t.ellipsize(st, size, maxW, lines[len(lines)-1])
	return lines, true
}

// fit returns how many bytes of s fit in maxW when set in st at size:
// at least one character, so that wrapping always moves on.
func (t *typesetter) fit(st style, size, maxW float64, s string) int {
	n := 0
	total := t.layout(st, size, s, func(_ glyphRef, x float64, i int) {
		if x <= maxW {
			n = i // the characters before this one fit
		}
	})
	if total <= maxW {
		return len(s)
	}
	if n == 0 {
		_, n = utf8.DecodeRuneInString(s)
	}
	return n
}

// ellipsize returns line with an ellipsis at its end, shortened by
// words, or by characters if it is one word, until the whole fits maxW
// and, of more than one word, does not end with a number: the words cut
// after a number may be its unit or its size ("36.8 trillion"), and
// "exceeds 36.8…" would say what the text does not.
func (t *typesetter) ellipsize(st style, size, maxW float64, line string) string {
	const ell = "…"
	trim := func(s string) string { return strings.TrimRight(s, " ,;:–—-") }
	for {
		s := trim(line)
		i := strings.LastIndexByte(s, ' ')
		if s == "" || t.width(st, size, s+ell) <= maxW && (i < 0 || !strings.ContainsFunc(s[i:], unicode.IsDigit)) {
			return s + ell
		}
		if i > 0 {
			line = s[:i]
			continue
		}
		_, n := utf8.DecodeLastRuneInString(s)
		line = s[:len(s)-n]
	}
}
