package claim

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// Numbers are compared as exact decimals: a float64 value counts as its
// shortest decimal form (0.29 is 29/100, not the binary fraction nearest
// to it), so a boundary written in a phrase is met exactly, and 0.29 as a
// percentage is 29%, not 28.999999999999996%.

// ratOf returns the shortest decimal that reads back as f. f must be finite.
func ratOf(f float64) *big.Rat {
	r, ok := new(big.Rat).SetString(strconv.FormatFloat(f, 'g', -1, 64))
	if !ok {
		return new(big.Rat)
	}
	return r
}

// Round rounds f to n decimals (a negative n rounds to tens, hundreds and
// so on), halves away from zero, as a writer reads f: its shortest decimal
// form is rounded, not the binary fraction nearest to it, so 2.675 is 2.68
// and 1.005 is 1.01 at two decimals. Every number plotline rounds for a
// reader goes through it, so that the prose, the chart and a claim's
// verdict round alike. NaN, the infinities and 0 are returned as they are.
func Round(f float64, n int) float64 {
	if f == 0 || math.IsNaN(f) || math.IsInf(f, 0) {
		return f
	}
	if n >= -22 && n <= 22 {
		// 10^|n| is exact, so x is f's decimal form shifted, give or take
		// a few units of its last binary place (f is within half a unit of
		// its decimal form, the product within another half): away from a
		// half by more than that, the binary value rounds as the decimal
		// form does, and quicker.
		scale := math.Pow10(abs(n))
		x := pick(n < 0, f/scale, f*scale)
		margin := math.Abs(x)*0x1p-49 + 1e-9
		if frac := math.Abs(x - math.Trunc(x)); math.Abs(x) < 1<<52 && math.Abs(frac-0.5) > margin {
			return pick(n < 0, math.Round(x)*scale, math.Round(x)/scale)
		}
	}
	r, _ := roundAt(ratOf(f), pow10(-n)).Float64()
	return r
}

// ratInt returns n as a Rat.
func ratInt(n int64) *big.Rat { return new(big.Rat).SetInt64(n) }

// pow10 returns 10ⁿ.
func pow10(n int) *big.Rat {
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(n))), nil)
	if n < 0 {
		return new(big.Rat).SetFrac(big.NewInt(1), p)
	}
	return new(big.Rat).SetInt(p)
}

func abs(n int) int { return pick(n < 0, -n, n) }

func add(a, b *big.Rat) *big.Rat { return new(big.Rat).Add(a, b) }
func sub(a, b *big.Rat) *big.Rat { return new(big.Rat).Sub(a, b) }
func mul(a, b *big.Rat) *big.Rat { return new(big.Rat).Mul(a, b) }
func quo(a, b *big.Rat) *big.Rat { return new(big.Rat).Quo(a, b) }
func absRat(a *big.Rat) *big.Rat { return new(big.Rat).Abs(a) }

// half returns x/2.
func half(x *big.Rat) *big.Rat { return quo(x, ratInt(2)) }

// roundAt rounds x to a whole multiple of unit, halves away from zero, as
// plotline's round format does.
func roundAt(x, unit *big.Rat) *big.Rat {
	q := quo(absRat(x), unit)
	// floor(q + 1/2) = (2·num + den) div (2·den)
	n := new(big.Int).Mul(q.Num(), big.NewInt(2))
	n.Add(n, q.Denom())
	n.Quo(n, new(big.Int).Mul(q.Denom(), big.NewInt(2)))
	r := mul(new(big.Rat).SetInt(n), unit)
	if x.Sign() < 0 {
		r.Neg(r)
	}
	return r
}

// magnitude returns the exponent e with 10ᵉ ≤ |x| < 10ᵉ⁺¹. x must not be 0.
func magnitude(x *big.Rat) int {
	a := absRat(x)
	// The bit lengths give e to within one or two; exact steps finish it.
	e := int(math.Floor(float64(a.Num().BitLen()-a.Denom().BitLen()) * math.Log10(2)))
	for pow10(e).Cmp(a) > 0 {
		e--
	}
	for pow10(e+1).Cmp(a) <= 0 {
		e++
	}
	return e
}

// sigUnit returns the unit of the last of n significant figures of x: 1 for
// 11,960 at 5 figures, 1,000 at 2. For 0 it is 1.
func sigUnit(x *big.Rat, n int) *big.Rat {
	if x.Sign() == 0 {
		return ratInt(1)
	}
	return pow10(magnitude(x) - n + 1)
}

// decimalsOf returns the number of decimals needed to write a whole
// multiple of unit, which must be a power of ten: 0 for 1 or 1,000, 2 for 0.01.
func decimalsOf(unit *big.Rat) int {
	if unit.Cmp(ratInt(1)) >= 0 {
		return 0
	}
	return -magnitude(unit)
}

// exactDecimals returns the decimals that write x exactly, and false if x
// needs more than max of them.
func exactDecimals(x *big.Rat, max int) (int, bool) {
	for d := 0; d <= max; d++ {
		if new(big.Rat).Mul(x, pow10(d)).IsInt() {
			return d, true
		}
	}
	return 0, false
}

// formatRat writes x with dec decimals (rounded halves away from zero) and
// thousands separators: "11,999.5", "-0.25". A value that rounds to zero
// has no minus sign.
func formatRat(x *big.Rat, dec int) string {
	s, neg := strings.CutPrefix(x.FloatString(dec), "-")
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg && strings.Trim(s, "0.") != "" {
		b.WriteByte('-')
	}
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// trimZeros drops the trailing zeros of the decimals of a written number,
// and the decimal point if none is left: "0.0010" is "0.001", "5.0" is "5".
func trimZeros(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	return strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
}

// formatShort writes x exactly when six decimals are enough, and otherwise
// to four significant figures (at least all of its whole part): 11,400,
// 11,999.5, 0.2857, 123,457.
func formatShort(x *big.Rat) string {
	if d, ok := exactDecimals(x, 6); ok {
		return formatRat(x, d)
	}
	return formatRat(x, max(decimalsOf(sigUnit(x, 4)), 0))
}

// formatValue writes a value as messages show it: its whole part in full and
// six significant figures in all, trailing zeros dropped: 11,960, 0.0123,
// 1,234,568.
func formatValue(x *big.Rat) string {
	d, ok := exactDecimals(x, 20)
	if sig := decimalsOf(sigUnit(x, 6)); !ok || d > sig {
		d = sig
	}
	return trimZeros(formatRat(x, d))
}

// interval is a set of numbers between two bounds; a nil bound is
// unbounded, an open bound is not part of the set. empty marks the set that
// holds nothing ("nearly 0").
type interval struct {
	lo, hi         *big.Rat
	loOpen, hiOpen bool
	empty          bool
}

// contains reports whether x is in iv.
func (iv interval) contains(x *big.Rat) bool {
	if iv.empty {
		return false
	}
	if iv.lo != nil {
		if c := x.Cmp(iv.lo); c < 0 || c == 0 && iv.loOpen {
			return false
		}
	}
	if iv.hi != nil {
		if c := x.Cmp(iv.hi); c > 0 || c == 0 && iv.hiOpen {
			return false
		}
	}
	return true
}

// describe says what iv holds in words, writing each bound with f:
// "11,400 to 12,600", "at least 8.5 and under 9.5", "more than 300".
func (iv interval) describe(f func(*big.Rat) string) string {
	switch {
	case iv.empty:
		return "no value at all"
	case iv.lo != nil && iv.hi != nil:
		if iv.lo.Cmp(iv.hi) == 0 && !iv.loOpen && !iv.hiOpen {
			return "exactly " + f(iv.lo)
		}
		if !iv.loOpen && !iv.hiOpen {
			return f(iv.lo) + " to " + f(iv.hi)
		}
		return pick(iv.loOpen, "over ", "at least ") + f(iv.lo) + " and " + pick(iv.hiOpen, "under ", "at most ") + f(iv.hi)
	case iv.lo != nil:
		lo := f(iv.lo)
		return pick(iv.loOpen, "more than "+lo, lo+" or more")
	case iv.hi != nil:
		hi := f(iv.hi)
		return pick(iv.hiOpen, "less than "+hi, hi+" or less")
	}
	return "any value"
}
