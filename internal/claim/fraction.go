package claim

import (
	"math/big"
	"strings"
)

// partWords are the fractions "a third of" … "a twentieth of".
var partWords = map[string]int{
	"third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
	"ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
	"fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
	"twentieth": 20,
}

// multipleWords are the words for a whole ratio: "double", "threefold".
var multipleWords = map[string]int{
	"double": 2, "twofold": 2, "triple": 3, "treble": 3, "threefold": 3, "quadruple": 4,
	"fourfold": 4, "fivefold": 5, "sixfold": 6, "sevenfold": 7, "eightfold": 8, "ninefold": 9,
	"tenfold": 10,
}

// multipleVerbs are the verbs of a whole ratio: "has more than doubled",
// "nearly tripled"; "halved" is read as "half".
var multipleVerbs = map[string]int{"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4}

// multiple reads "twice", "double", "triple", "fourfold", "10-fold" and
// returns the ratio it names.
func (p *parser) multiple() (int, bool) {
	if p.seq("twice") {
		return 2, true
	}
	for _, words := range []map[string]int{multipleWords, multipleVerbs} {
		if k, ok := words[p.peek(0).text]; ok && p.peek(0).kind == tWord {
			p.pos++
			return k, true
		}
	}
	start := p.pos
	if k, ok := p.wholeCount(); ok {
		p.opt("-")
		if p.seq("fold") {
			return k, true
		}
	}
	return 0, p.back(start)
}

// fraction reads a fraction: "half", "a half", "a third", "one-fifth", "two
// thirds", "three-quarters", "one in five", "nine out of ten". It sets
// c.part to its denominator and c.parts to its numerator.
func (p *parser) fraction(c *cmpClaim) bool {
	start := p.pos
	if p.seq("half") || p.seq("a", "half") || p.seq("one", "half") || p.seq("halved") {
		c.parts, c.part = 1, 2
		return true
	}
	if _, ok := p.oneOf("a", "an", "one"); ok {
		p.opt("-")
		if n, ok := p.partWord(false); ok {
			c.parts, c.part = 1, n
			return true
		}
		p.pos = start
	}
	if k, ok := p.wholeCount(); ok && k >= 2 {
		p.opt("-")
		if n, ok := p.partWord(true); ok && k < n {
			c.parts, c.part = k, n
			return true
		}
	}
	p.pos = start
	if k, ok := p.wholeCount(); ok && (p.seq("in") || p.seq("out", "of")) {
		if n, ok := p.wholeCount(); ok && n >= 2 && k < n {
			c.parts, c.part = k, n
			return true
		}
	}
	return p.back(start)
}

// partWord reads "third" … "twentieth", or, plural, "thirds" …
// "twentieths", and returns the denominator.
func (p *parser) partWord(plural bool) (int, bool) {
	t := p.peek(0)
	w, cut := strings.CutSuffix(t.text, "s")
	n, ok := partWords[pick(plural, w, t.text)]
	if !ok || t.kind != tWord || plural && !cut {
		return 0, false
	}
	p.pos++
	return n, true
}

// wholeCount reads a whole number of at least 1 for a fraction: "one",
// "nine", "10", "a hundred".
func (p *parser) wholeCount() (int, bool) {
	start := p.pos
	n, ok := p.amount()
	if !ok || n.currency != "" || n.percent || !n.n.IsInt() || n.n.Sign() <= 0 || !n.n.Num().IsInt64() || n.n.Num().Int64() > 1e6 {
		return 0, p.back(start)
	}
	return int(n.n.Num().Int64()), true
}

// fractionInterval returns the values of v/w (or of v/w − 1 and 1 − v/w for
// "a third more than", "a fifth less than") that a fraction allows. With a
// qualifier it is the number k/n under that qualifier. Alone, a part ("a
// third", "one in five") holds when w/v rounds to n at two figures, as
// "three times" holds when v/w does; any other fraction ("two-thirds",
// "nine in ten") when v/w rounds to k/n at two figures: two-thirds is 0.665
// up to 0.675.
func (c *cmpClaim) fractionInterval(a *big.Rat) interval {
	k, n := ratInt(int64(c.parts)), ratInt(int64(c.part))
	f := quo(k, n)
	switch {
	case c.q != qBare:
		return qualInterval(c.q, f, nil, a)
	case c.parts == 1:
		// (1/(n+h), 1/(n−h)], where h is half a unit of n's second figure.
		h := half(twoFigures(n, ratInt(1)))
		return interval{lo: quo(ratInt(1), add(n, h)), loOpen: true, hi: quo(ratInt(1), sub(n, h))}
	}
	f2 := roundSig(f, 2)
	return roundInterval(f2, sigUnit(f2, 2))
}
