package ogimage

import (
	"cmp"
	"image"
	"image/color"
	"slices"
)

// paletted returns img, which is opaque, as an image of at most 256
// colours: the most frequent ones, each other colour replaced by the
// nearest of them. A card is a few flat colours and the antialiased edges
// between them, so the few pixels that change are edge pixels, and they
// change by a shade.
//
// It is done for speed: the PNG encoder filters every row of a true-colour
// image five ways to pick one, which was two thirds of a card's time, and
// it filters no paletted image, whose rows are a third as long too.
func paletted(img *image.RGBA) *image.Paletted {
	b := img.Bounds()
	counts := make(map[uint32]int, 4096)
	pix := img.Pix
	last, run := rgbAt(pix, 0), 0
	for i := 0; i < len(pix); i += 4 {
		c := rgbAt(pix, i)
		if c != last {
			counts[last] += run
			last, run = c, 0
		}
		run++
	}
	counts[last] += run

	type tally struct {
		colour uint32
		n      int
	}
	tallies := make([]tally, 0, len(counts))
	for c, n := range counts {
		tallies = append(tallies, tally{c, n})
	}
	// Most frequent first; equal counts by colour, so that the same
	// pixels always give the same palette.
	slices.SortFunc(tallies, func(a, b tally) int { return cmp.Or(cmp.Compare(b.n, a.n), cmp.Compare(a.colour, b.colour)) })
	kept := make([]uint32, min(len(tallies), 256))
	pal := make(color.Palette, len(kept))
	index := make(map[uint32]uint8, len(tallies))
	for i := range kept {
		c := tallies[i].colour
		kept[i] = c
		pal[i] = color.RGBA{R: uint8(c >> 16), G: uint8(c >> 8), B: uint8(c), A: 0xff}
		index[c] = uint8(i)
	}
	for _, t := range tallies[len(kept):] {
		index[t.colour] = nearest(kept, t.colour)
	}

	out := image.NewPaletted(b, pal)
	// A small direct-mapped cache in front of the map: text and edges
	// change colour every few pixels, among a few colours.
	var cache [1024]struct {
		colour uint32 // plus 1<<24, so that the zero entry is empty
		idx    uint8
	}
	last = rgbAt(pix, 0)
	idx := index[last]
	for i, j := 0, 0; i < len(pix); i, j = i+4, j+1 {
		if c := rgbAt(pix, i); c != last {
			e := &cache[(c*0x9E3779B1)>>22]
			if e.colour != c|1<<24 {
				e.colour, e.idx = c|1<<24, index[c]
			}
			last, idx = c, e.idx
		}
		out.Pix[j] = idx
	}
	return out
}

// rgbAt returns the colour of the pixel at offset i of pix as 0xRRGGBB.
func rgbAt(pix []uint8, i int) uint32 {
	return uint32(pix[i])<<16 | uint32(pix[i+1])<<8 | uint32(pix[i+2])
}

// nearest returns the index of the colour of pal closest to c, by the
// squared distance of their components.
func nearest(pal []uint32, c uint32) uint8 {
	best, bestD := 0, int(^uint(0)>>1)
	for i, p := range pal {
		dr := int(p>>16&0xff) - int(c>>16&0xff)
		dg := int(p>>8&0xff) - int(c>>8&0xff)
		db := int(p&0xff) - int(c&0xff)
		if d := dr*dr + dg*dg + db*db; d < bestD {
			best, bestD = i, d
		}
	}
	return uint8(best)
}
