package locale

import (
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestLargeChromium checks the large numbers plotline writes in words,
// in full and short, against what Chromium's Intl.NumberFormat writes for
// the same locale with {notation: "compact", maximumSignificantDigits:
// 2}, recorded in testdata/intl-compact.txt: the word CLDR gives the
// magnitude, in the plural form the digits take, and the digits grouped
// from five on, in 43 locales (Hindi's lakh and crore, Japanese's 万 and
// 億, Arabic's and Russian's plural forms among them).
func TestLargeChromium(t *testing.T) {
	src, err := os.ReadFile("testdata/intl-compact.txt")
	if err != nil {
		t.Fatal(err)
	}
	nums := []float64{1e6, 84e6, 2.4e9, 5e9, 22e6, 1.5e6, 3e12}
	checked := 0
	for line := range strings.Lines(string(src)) {
		if strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(strings.TrimSuffix(line, "\n"), "\t")
		tag := fields[0]
		l := New(tag)
		for i, style := range []string{"long", "short"} {
			want := strings.Split(fields[1+i], "|")
			for j, n := range nums {
				w, err := strconv.Unquote(`"` + want[j] + `"`)
				if err != nil {
					t.Fatal(err)
				}
				got := writeLarge(l, n, style == "long")
				checked++
				if got != w {
					t.Errorf("%s %s %g: %q; Chromium writes %q", tag, style, n, got, w)
				}
			}
		}
	}
	if checked < 500 {
		t.Errorf("checked %d numbers; want the whole file's", checked)
	}
}

// writeLarge writes n, rounded to two significant figures, as approx
// does with a word: in the unit LargeScale gives, with AppendLarge.
func writeLarge(l *Locale, n float64, long bool) string {
	mag := int(math.Floor(math.Log10(n)))
	sc, ok := l.LargeScale(mag, long)
	if !ok {
		return l.Number(strconv.FormatFloat(n, 'f', 0, 64))
	}
	dec := max(1-(mag-sc.Exp), 0)
	digits := strconv.FormatFloat(n/math.Pow10(sc.Exp), 'f', dec, 64)
	if strings.Contains(digits, ".") {
		digits = strings.TrimSuffix(strings.TrimRight(digits, "0"), ".")
	}
	return string(l.AppendLarge(nil, digits, mag, long))
}
