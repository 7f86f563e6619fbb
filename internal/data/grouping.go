package data

import (
	"math"
	"strconv"
	"strings"

	"github.com/plotline/plotline/internal/diag"
)

// WarnPointGroups warns of each of blocks whose observations look written
// with a point between groups of thousands, on a site whose language
// writes numbers so (group is "."; German, Spanish, Italian, Dutch): every
// value with decimals has exactly three, the last of them 0 (1.200,
// 2.350), as round numbers of thousands are written and a measure to three
// decimals seldom is (petrol at 1.759 and 1.790 euros a litre is not
// warned of). plotline reads a point as the decimal mark
// in every language, so 1.500 is one and a half, which the page shows in
// the language's way, 1,500: where one thousand five hundred was meant,
// its readers read one and a half.
func WarnPointGroups(blocks []*Block, group, language string, diags *diag.List) {
	if group != "." {
		return
	}
	for _, b := range blocks {
		var seen []string
		grouped := true
		for _, p := range b.Series {
			whole := math.Trunc(p.Value)
			if p.Value == whole && p.Places == 0 {
				continue // a whole number
			}
			written := strconv.FormatFloat(p.Value, 'f', p.Decimals(), 64)
			_, frac, _ := strings.Cut(written, ".")
			if len(frac) != 3 || !strings.HasSuffix(frac, "0") || math.Abs(whole) < 1 || math.Abs(whole) > 999 {
				grouped = false
				break
			}
			if len(seen) < 2 {
				seen = append(seen, written)
			}
		}
		if !grouped || len(seen) == 0 {
			continue
		}
		at := b.Pos
		if b.CSV != "" {
			at = b.CSVPos
		}
		v, _ := strconv.ParseFloat(seen[0], 64)
		read := strconv.FormatFloat(v, 'f', -1, 64)
		diags.Warnf(at, "block %q: every value with decimals has three (%s), as numbers of thousands are written in this site's language (%s), but plotline reads a point as the decimal mark in every language, so %s is read as %s: write %s for the thousands, or %s to keep it as read",
			b.Name, strings.Join(seen, ", "), language, seen[0], read, strings.ReplaceAll(seen[0], ".", ""), read)
	}
}
