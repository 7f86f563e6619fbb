package claim

import (
	"errors"
	"math/big"
	"strings"
)

// cmpKind is what a comparison says of v against w.
type cmpKind int

const (
	cMore        cmpKind = iota // v > w
	cLess                       // v < w
	cFarMore                    // v at least twice w (for positive w)
	cFarLess                    // v at most half w (for positive w)
	cSame                       // v and w equal at three significant figures
	cAboutSame                  // v within About of w
	cNearlySame                 // v short of w by at most About
	cAtLeastSame                // v ≥ w
	cRatio                      // a ratio of v to w: see ratioForm
	cJustMore                   // v above w by at most About
	cJustLess                   // v below w by at most About
	cWellMore                   // v above w by more than About
	cWellLess                   // v below w by more than About
	cPoints                     // v − w, or w − v, in percentage points
	cDiff                       // v − w, or w − v, in the values' own unit
)

// ratioForm is the ratio a cRatio comparison is about.
type ratioForm int

const (
	rTimes    ratioForm = iota // v/w: "nine times as many as"
	rPart                      // v/w as a fraction: "a third of", "half", "two-thirds of"
	rPctOf                     // 100·v/w: "30% of"
	rPctMore                   // 100·(v/w − 1): "30% more than"
	rPctLess                   // 100·(1 − v/w): "30% fewer than"
	rPartMore                  // v/w − 1 as a fraction: "a third more than"
	rPartLess                  // 1 − v/w as a fraction: "a fifth less than"
)

// cmpClaim is a parsed comparison.
type cmpClaim struct {
	kind  cmpKind
	form  ratioForm
	q     numQual // the qualifier of a ratio
	n     amount  // the number of a ratio: 9 for "nine times", 30 for "30% of"
	part  int     // the 3 of "a third of", "two-thirds", "one in three"
	parts int     // the 2 of "two-thirds": a part other than 1
	dir   int     // cPoints: 1 for "more than", -1 for "less than"
	// pointsUnit is how a cPoints phrase names its unit: "percentage
	// points", or "points" alone, as a poll's lead is given.
	pointsUnit string
	// updown marks a change written "up 10% on", "down 5% from", "down
	// about 7"; prep is its "on" or "from", "" when it has none.
	updown bool
	prep   string
	// rise and fall are the verbs of a change written "rose by 10%" or
	// "has fallen by half": the one written and its opposite, for
	// suggestions in the phrase's own words; "" otherwise.
	rise, fall string
	aux        string // the "has" of "has fallen by half"
	// doubled marks a whole ratio written as a verb, "has nearly doubled".
	doubled bool
	// How the phrase words things, for suggestions in its own words.
	more, less string // "more"/"fewer", "higher"/"lower"
	adj        string // the "many" of "as many as"; "" when not written
}

// thanWords pairs each word of "more than" and of "fewer than" with its
// opposite: the word for more first, then the word for less.
var thanWords = map[string][2]string{
	"more": {"more", "fewer"}, "greater": {"greater", "less"}, "larger": {"larger", "smaller"}, "higher": {"higher", "lower"},
	"bigger": {"bigger", "smaller"}, "fewer": {"more", "fewer"}, "less": {"more", "less"}, "smaller": {"larger", "smaller"},
	"lower": {"higher", "lower"}, "above": {"above", "below"}, "below": {"above", "below"},
}

// qualKinds are the comparisons a number qualifier makes of v against w:
// "about the same as", "slightly more than" (and "the same as", without).
var qualKinds = map[numQual]cmpKind{
	qBare: cSame, qAbout: cAboutSame, qNearly: cNearlySame, qAtLeast: cAtLeastSame,
	qJustOver: cJustMore, qJustUnder: cJustLess, qWellOver: cWellMore, qWellUnder: cWellLess,
}

// adjectives are the words of "as many as", "as much as", "as high as".
var adjectives = []string{"many", "much", "large", "high", "big", "great"}

// parseComparison reads a comparison phrase.
func parseComparison(s string) (*cmpClaim, *Error) {
	p := newParser(s)
	for _, alt := range []func(*cmpClaim) bool{p.ratio, p.points, p.difference, p.relation} {
		p.pos = 0
		c := &cmpClaim{more: "more", less: "fewer"}
		if alt(c) && p.done() {
			return c, nil
		}
	}
	return nil, p.err(s, KindComparison)
}

// asAdj reads "as many as", "as much as" … and notes the adjective.
func (p *parser) asAdj(c *cmpClaim) bool {
	start := p.pos
	if p.seq("as") {
		if adj, ok := p.oneOf(adjectives...); ok && p.seq("as") {
			c.adj, c.less = adj, pick(adj == "much", "less", c.less)
			return true
		}
	}
	return p.back(start)
}

// than reads "more than", "fewer than", "higher than" …, "above" or
// "below", notes the words in c, and returns 1 for more, -1 for less, or
// 0 when none comes next.
func (p *parser) than(c *cmpClaim) int {
	w := p.peek(0).text
	pair, ok := thanWords[w]
	n := pick(pair[0] == "above", 1, 2) // "above", "more than"
	if !ok || n == 2 && p.peek(1).text != "than" {
		return 0
	}
	p.pos += n
	c.more, c.less = pair[0], pair[1]
	return pick(w == pair[0], 1, -1)
}

// relation reads a comparison without a ratio: "more than", "far fewer
// than", "the same as", "about as many as", "at least as high as", and a
// change from an earlier value, "up from", "down from".
func (p *parser) relation(c *cmpClaim) bool {
	if w, ok := p.oneOf("up", "down"); ok {
		// "18.5%, down from 26% in January": the direction alone.
		c.kind, c.more, c.less = pick(w == "down", cLess, cMore), "up from", "down from"
		return p.seq("from")
	}
	_, far := p.oneOf("far", "much", "many")
	switch dir := p.than(c); {
	case dir != 0:
		c.kind = pick(dir > 0, pick(far, cFarMore, cMore), pick(far, cFarLess, cLess))
		return true
	case far:
		return false
	}
	if p.asAdj(c) {
		c.kind = cSame // before the qualifiers, of which "as many as" N is one
		return true
	}
	q, _ := p.qualifier()
	kind, ok := qualKinds[q]
	if !ok {
		return false
	}
	c.kind = kind
	switch q {
	case qJustOver, qJustUnder, qWellOver, qWellUnder:
		// "slightly more than", "just below", "well above": the
		// qualifier is the whole comparison.
		return true
	}
	return p.asAdj(c) || p.seq("the", "same", "as") || p.seq("equal", "to")
}

// points reads a difference in percentage points: "2 percentage points
// more than", "about 1.5 percentage points below", and a poll's lead,
// "12 points ahead of", "3 points behind".
func (p *parser) points(c *cmpClaim) bool {
	c.kind = cPoints
	c.q, _ = p.qualifier()
	n, ok := p.amount()
	if !ok || n.currency != "" || n.percent {
		return false
	}
	c.pointsUnit = "percentage points"
	if !p.seq("percentage", "points") && !p.seq("percentage", "point") {
		if _, ok := p.oneOf("points", "point"); !ok {
			return false
		}
		c.pointsUnit = "points"
	}
	c.n = n
	switch {
	case p.seq("ahead", "of"):
		c.dir, c.more, c.less = 1, "ahead of", "behind"
	case p.seq("behind"):
		c.dir, c.more, c.less = -1, "ahead of", "behind"
	default:
		c.dir = p.than(c)
	}
	return c.dir != 0
}

// difference reads a difference of two values in their own unit: "3,000
// more than", "about $19 trillion higher than", "rose by 150", "has fallen
// by 1.2 million", "up 3,000 on", "down $2bn from".
func (p *parser) difference(c *cmpClaim) bool {
	c.kind = cDiff
	p.perfect(c) // "has risen by 150"
	updown, verb := p.changeWord(c)
	if verb && !p.seq("by") {
		return false
	}
	c.q, _ = p.qualifier()
	n, ok := p.amount()
	if !ok || n.percent {
		return false
	}
	c.n, c.dir = n, pick(updown == "down", -1, 1)
	switch {
	case verb:
		p.opt("from")
	case updown != "":
		c.updown = true
		p.prep(c)
	default:
		c.dir = p.than(c)
		return c.dir != 0
	}
	return true
}

// diffWords writes a difference d of c in its words, at the precision of
// c's number: "3,000 more than", "rose by $19 trillion", "down 150 from".
// A difference too small for c's multiplier ("1.5 million" for 300,000)
// is written "about" it, to two figures or as many as it takes to hold.
// A difference that rounds to 0 at c's precision gives "".
func (c *cmpClaim) diffWords(d, a *big.Rat) string {
	style := c.n.numStyle // a difference is never in per cent (difference)
	var text string
	if absRat(d).Cmp(style.mult()) >= 0 || style.multWord == "" {
		unit := c.n.unit
		if style.multWord != "" {
			// Read to two figures at least, as any number with a
			// multiplier is: 1,299.5 is "1.3k", not "1k".
			unit = twoFigures(absRat(d), unit)
			if unit.Cmp(style.mult()) > 0 {
				unit = style.mult()
			}
		}
		n := roundAt(absRat(d), unit)
		if n.Sign() == 0 {
			return ""
		}
		text = style.write(n, func(x *big.Rat) string { return trimZeros(formatRat(x, decimalsOf(quo(unit, style.mult())))) })
	} else {
		style.multWord = ""
		text = style.about(absRat(d), a)
	}
	return c.change(text, d.Sign() < 0)
}

// change writes a change of size n, down or up, in the words of c: "rose
// by n", "down n" and the "on" or "from" c has after it, "n above", "n
// more than".
func (c *cmpClaim) change(n string, down bool) string {
	word := pick(down, c.less, c.more)
	switch {
	case c.rise != "":
		return c.aux + pick(down, c.fall, c.rise) + " by " + n
	case c.updown && c.prep != "":
		return pick(down, "down ", "up ") + n + " " + c.prep
	case c.updown:
		return pick(down, "down ", "up ") + n
	case word == "above" || word == "below":
		return n + " " + word
	}
	return n + " " + word + " than"
}

// prep reads the "on" or "from" after a change, "up 3,000 on", which may
// be left out, "down about 7", into c.prep.
func (p *parser) prep(c *cmpClaim) {
	c.prep, _ = p.oneOf("on", "from")
}

// changeVerbs are the verbs of a change, "rose by 30%", "has fallen by
// half", each with its opposite; riseVerbs says which of them rise.
var changeVerbs = map[string]string{
	"rose": "fell", "risen": "fallen", "grew": "shrank", "grown": "shrunk", "increased": "decreased",
	"climbed": "fell", "jumped": "fell", "fell": "rose", "fallen": "risen", "dropped": "rose",
	"declined": "rose", "decreased": "increased", "shrank": "grew", "shrunk": "grown",
}

var riseVerbs = map[string]bool{"rose": true, "risen": true, "grew": true, "grown": true, "increased": true, "climbed": true, "jumped": true}

// changeWord reads "up" or "down", or a verb of change ("rose", "fell"),
// which it records in c as the verbs of both directions, and says which
// way it points; verb is set for a verb.
func (p *parser) changeWord(c *cmpClaim) (updown string, verb bool) {
	if updown, ok := p.oneOf("up", "down"); ok {
		return updown, false
	}
	t := p.peek(0)
	if t.kind != tWord || changeVerbs[t.text] == "" {
		return "", false
	}
	p.pos++
	if riseVerbs[t.text] {
		c.rise, c.fall = t.text, changeVerbs[t.text]
		return "up", true
	}
	c.rise, c.fall = changeVerbs[t.text], t.text
	return "down", true
}

// perfect reads the "has" or "have" that starts the phrase before a verb,
// with or without a qualifier, into c.aux: "has fallen by half", "have
// more than doubled". It reads nothing else, and nothing when no such
// verb follows.
func (p *parser) perfect(c *cmpClaim) {
	start := p.pos
	if _, ok := p.oneOf("has", "have"); !ok {
		return
	}
	p.qualifier()
	t := p.peek(0)
	p.pos = start
	if t.kind == tWord && (changeVerbs[t.text] != "" || multipleVerbs[t.text] != 0 || t.text == "halved") {
		c.aux = p.peek(0).text + " "
		p.pos++
	}
}

// ratio reads a comparison of the ratio of v to w, with an optional
// qualifier: "nine times as many as", "twice", "more than half", "a third
// of", "about 30% of", "30% more than", "fell by half", "rose by 30%".
func (p *parser) ratio(c *cmpClaim) bool {
	c.kind = cRatio
	p.perfect(c)                    // "has fallen by half", "has more than doubled"
	updown, verb := p.changeWord(c) // "up 10% on", "down 5% from", "rose 30%"
	if updown != "" {
		p.opt("by")
	}
	c.q, _ = p.qualifier()
	start := p.pos
	c.doubled = multipleVerbs[p.peek(0).text] != 0
	if k, ok := p.multiple(); ok && updown == "" {
		c.form, c.n = rTimes, amount{n: ratInt(int64(k)), unit: twoFigures(ratInt(int64(k)), ratInt(1))}
		if p.timesThan(ratInt(int64(k))) {
			return false
		}
		p.asAdj(c)
		return true
	}
	if updown != "" && p.fraction(c) {
		// "fell by half", "rose by a third", "down by half from": the
		// change as a fraction.
		c.form, c.updown = pick(updown == "up", rPartMore, rPartLess), !verb
		p.prep(c)
		return true
	}
	if updown == "" && p.fraction(c) {
		c.form = rPart
		if !p.asAdj(c) {
			switch p.than(c) {
			case 1:
				c.form = rPartMore
			case -1:
				c.form = rPartLess
			default:
				p.opt("of")
			}
		}
		return true
	}
	p.pos = start
	n, ok := p.amount()
	if !ok || n.currency != "" {
		return false
	}
	c.n = n
	if !n.percent {
		if updown != "" || !p.seq("times") {
			return false
		}
		c.form = rTimes
		c.n.unit = twoFigures(n.n, n.unit)
		if p.timesThan(n.n) {
			return false
		}
		p.asAdj(c)
		return true
	}
	if updown == "" {
		updown, _ = p.oneOf("up", "down") // "10% up on"
		if p.prep(c); updown != "" && c.prep == "" {
			return false
		}
	} else {
		p.prep(c) // "up 10% on", "down 5%", "rose by 30% from"
	}
	switch {
	case updown != "":
		c.form, c.updown = pick(updown == "up", rPctMore, rPctLess), true
	case p.seq("of"):
		c.form = rPctOf
	default:
		dir := p.than(c)
		c.form = pick(dir > 0, rPctMore, rPctLess)
		return dir != 0
	}
	return true
}

// asWords pairs each word of "more than" with the adjective of "as … as".
var asWords = map[string]string{
	"more": "many", "greater": "great", "larger": "large", "higher": "high", "bigger": "big", "above": "high",
}

// timesThan reads the "more than" or "fewer than" after "N times", which
// readers take more than one way, and records what to write instead: "three
// times more than" is three times as many to some and four times to others;
// "three times fewer than" is a third as many to most, but says it by
// multiplying. It reports whether it read one.
func (p *parser) timesThan(n *big.Rat) bool {
	var c cmpClaim
	start := p.pos
	switch p.than(&c) {
	case 1:
		adj := asWords[c.more]
		p.fail("readers take it both as %q and as %q; write the one that is meant",
			timesWords(n)+" as "+adj+" as", timesWords(add(n, ratInt(1)))+" as "+adj+" as")
	case -1:
		part := percentWords(quo(ratInt(100), n)) + " of"
		if n.IsInt() && n.Num().IsInt64() && n.Num().Int64() >= 2 && n.Num().Int64() < int64(len(ordinalWords)) {
			part = ordinalWords[n.Num().Int64()]
		}
		p.fail("\"times %s\" is read as a division by some readers and not by others; write %q", c.less, part)
	default:
		return false
	}
	p.pos = start
	return true
}

// timesWords writes the count of a ratio: "twice", "nine times", "2.5
// times", "317 times".
func timesWords(n *big.Rat) string {
	if n.IsInt() && n.Num().IsInt64() {
		switch k := n.Num().Int64(); {
		case k == 2:
			return "twice"
		case k >= 3 && k < int64(len(countWords)):
			return countWords[k] + " times"
		}
	}
	return formatShort(n) + " times"
}

// measure returns the quantity a ratio comparison is about for v and w,
// and false when w is zero or negative. There is no ratio to 0; against a
// negative number a ratio turns its words around: -390 would be "30% more
// than" -300, and -600 "twice" it, though each is below it.
func (c *cmpClaim) measure(v, w *big.Rat) (*big.Rat, bool) {
	if w.Sign() <= 0 {
		return nil, false
	}
	r := quo(v, w)
	hundred := ratInt(100)
	switch c.form {
	case rPctOf:
		return mul(r, hundred), true
	case rPctMore:
		return mul(sub(r, ratInt(1)), hundred), true
	case rPctLess:
		return mul(sub(ratInt(1), r), hundred), true
	case rPartMore:
		return sub(r, ratInt(1)), true
	case rPartLess:
		return sub(ratInt(1), r), true
	}
	return r, true
}

// interval returns the values of the measure that make a ratio comparison
// true, or of v itself for the other comparisons.
func (c *cmpClaim) interval(w, a *big.Rat) interval {
	switch c.kind {
	case cMore:
		return interval{lo: w, loOpen: true}
	case cLess:
		return interval{hi: w, hiOpen: true}
	case cFarMore:
		return interval{lo: add(w, absRat(w)), loOpen: w.Sign() == 0}
	case cFarLess:
		return interval{hi: sub(w, half(absRat(w))), hiOpen: w.Sign() == 0}
	case cSame:
		return sameInterval(w)
	case cAboutSame, cNearlySame, cAtLeastSame, cJustMore, cJustLess, cWellMore, cWellLess:
		for q, k := range qualKinds {
			if k == c.kind {
				return qualInterval(q, w, nil, a)
			}
		}
	}
	if c.part != 0 {
		return c.fractionInterval(a)
	}
	return qualInterval(c.q, c.n.n, c.n.unit, a)
}

// Compare checks the comparison phrase for v against w: "more than" says v
// is more than w. Percentages are compared as the fractions they are. The
// error is an *Error when the phrase is not a comparison.
func Compare(phrase string, v, w Quantity, o Options) (Verdict, error) {
	return o.check(phrase, KindComparison, func(text string) (Verdict, error) { return compare(text, v, w, o) })
}

// compare checks the English comparison phrase for v against w, as
// Compare does.
func compare(phrase string, v, w Quantity, o Options) (Verdict, error) {
	c, perr := parseComparison(phrase)
	if perr != nil {
		return Verdict{}, wrongKind(phrase, KindComparison, perr)
	}
	a, err := o.about(v, w)
	if err != nil {
		return Verdict{}, err
	}
	vr, wr := plain(v), plain(w)
	vs, ws := showQuantity(v), showQuantity(w)
	if v.Scale != w.Scale && !v.Percent && !w.Percent {
		// 1.2 (billion dollars) against 800 (million dollars): compared,
		// and shown, at their full size.
		vr, wr = mul(vr, pow10(v.Scale)), mul(wr, pow10(w.Scale))
		vs, ws = formatValue(vr), formatValue(wr)
	}
	iv := c.interval(wr, a)
	verdict := Verdict{Suggest: c.suggest(vr, wr, a)}
	if c.kind == cPoints {
		if c.pointsUnit == "points" && !v.Percent && !w.Percent && !v.Points && !w.Points {
			return Verdict{}, errors.New(`"points" are percentage points, a difference of two values in percent, and neither value is; for shares written as fractions (0.31) write "percentage points"`)
		}
		pv, pw := inPoints(v, vr), inPoints(w, wr)
		d := sub(pv, pw)
		hundred := ratInt(100)
		verdict.Suggest = c.suggest(quo(pv, hundred), quo(pw, hundred), a)
		verdict.True = iv.contains(mul(d, ratInt(int64(c.dir))))
		verdict.Meaning = "a difference of " + iv.describe(formatShort) + " percentage points"
		verdict.Value = vs + " is " + pointsWords(d, formatShort(roundSig(absRat(d), 3)), "percentage points", "more", "less") + " " + ws
		return verdict, nil
	}
	if c.kind == cDiff {
		if v.Percent || w.Percent {
			return Verdict{}, errors.New(`a difference of two percentages is in percentage points: write "N percentage points more than"`)
		}
		vd, wd := ratOf(v.Value), ratOf(w.Value)
		scaled := v.Scale == w.Scale && v.Scale > 0 && c.n.large()
		if v.Scale != w.Scale || scaled {
			vd, wd = mul(vd, pow10(v.Scale)), mul(wd, pow10(w.Scale))
		}
		d := sub(vd, wd)
		style := numStyle{currency: c.n.currency, multWord: c.n.multWord}
		verdict.True = iv.contains(mul(d, ratInt(int64(c.dir))))
		verdict.Meaning = "a difference of " + iv.describe(func(x *big.Rat) string { return style.write(x, formatShort) })
		word := pick(d.Sign() < 0, "less", "more")
		show := pick(scaled, func(x *big.Rat) string { return style.write(x, formatValue) }, formatValue) // "$37.64 trillion"
		verdict.Value = show(vd) + " is " + show(absRat(d)) + " " + word + " than " + show(wd)
		if scaled && absRat(d).Cmp(c.n.mult()) < 0 {
			// Too small for the phrase's multiplier: a suggestion
			// without one is read against the numbers as written.
			d = sub(ratOf(v.Value), ratOf(w.Value))
		}
		verdict.Suggest = c.diffWords(d, a)
		if verdict.Suggest == "" {
			verdict.Suggest = c.suggest(vd, wd, a) // "more than", "the same as"
		}
		return verdict, nil
	}
	if c.kind != cRatio {
		show := formatShort
		if w.Points || w.Percent { // in w's unit: 5% or 5 percentage points, not 0.05
			unit := pick(w.Points, " percentage points", "%")
			show = func(x *big.Rat) string { return formatShort(mul(x, ratInt(100))) + unit }
		}
		verdict.True = iv.contains(vr)
		verdict.Meaning = iv.describe(show)
		verdict.Value = vs + " against " + ws
		return verdict, nil
	}
	verdict.Meaning = c.ratioMeaning(iv)
	m, ok := c.measure(vr, wr)
	if !ok {
		verdict.Value = pick(wr.Sign() < 0, vs+" against "+ws+": no ratio is read to a number below 0", vs+" against 0: there is no ratio")
		return verdict, nil
	}
	verdict.True = iv.contains(m)
	verdict.Value = ratioValue(c.form, vs, ws, quo(vr, wr))
	return verdict, nil
}

// sameInterval returns the numbers that are the same as w at three
// significant figures. Just below a power of ten the figures are a tenth
// as wide: 999.5 and 1,004.9 are both 1,000.
func sameInterval(w *big.Rat) interval {
	w3 := roundSig(w, 3)
	if w3.Sign() == 0 {
		return interval{lo: w3, hi: w3}
	}
	up := sigUnit(w3, 3)
	down := up
	if absRat(w3).Cmp(pow10(magnitude(w3))) == 0 {
		down = quo(up, ratInt(10))
	}
	if w3.Sign() > 0 {
		return interval{lo: sub(w3, half(down)), hi: add(w3, half(up)), hiOpen: true}
	}
	return interval{lo: sub(w3, half(up)), loOpen: true, hi: add(w3, half(down))}
}

// roundSig rounds x to n significant figures.
func roundSig(x *big.Rat, n int) *big.Rat { return roundAt(x, sigUnit(x, n)) }

// plain returns q's value as a plain number: 5% is 0.05, and so are 5
// percentage points, so that a value in percent and one in points compare
// as the numbers of percent they are.
func plain(q Quantity) *big.Rat {
	r := ratOf(q.Value)
	if q.Percent || q.Points {
		r = quo(r, ratInt(100))
	}
	return r
}

// inPoints returns q, whose plain value is r, as a number of percentage
// points: a value in percent or in points as it is (5% is 5), a share as
// a hundredfold (0.05 is 5).
func inPoints(q Quantity, r *big.Rat) *big.Rat {
	if q.Percent || q.Points {
		return ratOf(q.Value)
	}
	return mul(r, ratInt(100))
}

// showQuantity writes q as messages show it: "2,700", "5%", "0.5
// percentage points".
func showQuantity(q Quantity) string {
	s := formatValue(ratOf(q.Value))
	switch {
	case q.Points:
		s += " percentage points"
	case q.Percent:
		s += "%"
	}
	return s
}

// ratioMeaning says what a ratio comparison allows:
// "a ratio of at least 8.5 and under 9.5", "an increase of 25% to 35%".
func (c *cmpClaim) ratioMeaning(iv interval) string {
	pct := func(x *big.Rat) string { return formatShort(x) + "%" }
	if c.form == rPartMore || c.form == rPartLess { // a fraction, shown in per cent
		pct = func(x *big.Rat) string { return formatShort(mul(x, ratInt(100))) + "%" }
	}
	switch c.form {
	case rPctOf:
		return "a share of " + iv.describe(pct)
	case rPctMore, rPartMore:
		return "an increase of " + iv.describe(pct)
	case rPctLess, rPartLess:
		return "a decrease of " + iv.describe(pct)
	}
	return "a ratio of " + iv.describe(formatShort)
}

// ratioValue writes v against w as the ratio form speaks of it: "2,700 is
// 9 times 300", "390 is 30% more than 300".
func ratioValue(form ratioForm, vs, ws string, r *big.Rat) string {
	// Three significant figures, or more, up to six, where three would put
	// x on a half that it is not on: 2.3493 is 2.349, not 2.35, which
	// reads as 2.4 at the two figures a suggestion has.
	sig3 := func(x *big.Rat) string {
		r, two := roundSig(x, 3), roundSig(x, 2)
		for n := 4; n <= 6 && roundSig(r, 2).Cmp(two) != 0; n++ {
			r = roundSig(x, n)
		}
		return formatShort(r)
	}
	hundred := ratInt(100)
	switch form {
	case rPctOf:
		return vs + " is " + sig3(mul(r, hundred)) + "% of " + ws
	case rPctMore, rPctLess, rPartMore, rPartLess:
		d := mul(sub(r, ratInt(1)), hundred)
		return vs + " is " + sig3(absRat(d)) + pick(d.Sign() < 0, "% less than ", "% more than ") + ws
	}
	return vs + " is " + sig3(r) + " times " + ws
}

// pointsWords writes a difference d in percentage points, whose size is
// written n, in the words more and less: "2 percentage points more than",
// "1 percentage point below", or "the same as" for 0.
func pointsWords(d *big.Rat, n, unit, more, less string) string {
	if n == "1" {
		unit = strings.TrimSuffix(unit, "s")
	}
	word := n + " " + unit + " " + pick(d.Sign() > 0, more, less)
	switch {
	case d.Sign() == 0:
		return "the same as"
	case more == "ahead of" || more == "above": // less is "behind" or "below"
		return word
	}
	return word + " than"
}

// countWords spells the counts of "nine times as many as".
var countWords = []string{"", "once", "twice", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}

// ordinalWords spells the parts of "a ninth of"; 2 and 4 are "half" and "a quarter".
var ordinalWords = []string{"", "", "half", "a third of", "a quarter of", "a fifth of", "a sixth of",
	"a seventh of", "an eighth of", "a ninth of", "a tenth of", "an eleventh of", "a twelfth of",
	"a thirteenth of", "a fourteenth of", "a fifteenth of", "a sixteenth of", "a seventeenth of",
	"an eighteenth of", "a nineteenth of", "a twentieth of"}

// suggest returns a comparison that v and w make true, in the words of c:
// a ratio for a ratio ("nine times as many as", "a ninth of", "20% more
// than") when both are positive, and otherwise "more than", "fewer than",
// "the same as" or "about the same as".
func (c *cmpClaim) suggest(v, w, a *big.Rat) string {
	aboutSame := qualInterval(qAbout, w, nil, a).contains(v)
	more, less, than := c.more, c.less, " than"
	switch c.more {
	case "above", "up from":
		than = ""
	case "ahead of":
		// A lead under half a point: "ahead of" and "behind" need a
		// number of points.
		more, less = "more", "less"
	}
	direction := func() string {
		return pick(v.Cmp(w) == 0, "the same as", pick(v.Cmp(w) > 0, more, less)+than)
	}
	switch c.kind {
	case cSame, cAboutSame, cNearlySame, cAtLeastSame:
		return pick(aboutSame, "about the same as", direction())
	case cPoints:
		// The difference at the phrase's precision, in its words.
		d := mul(sub(v, w), ratInt(100))
		n := roundAt(absRat(d), c.n.unit)
		if n.Sign() == 0 {
			return direction()
		}
		return pointsWords(d, formatRat(n, decimalsOf(c.n.unit)), c.pointsUnit, c.more, c.less)
	case cRatio:
	default:
		return direction()
	}
	if v.Sign() <= 0 || w.Sign() <= 0 {
		return direction()
	}
	r := quo(v, w)
	hundred := ratInt(100)
	if c.doubled {
		return c.verbRatio(r)
	}
	switch c.form {
	case rPctOf:
		return percentWords(mul(r, hundred)) + " of"
	case rPctMore, rPctLess, rPartMore, rPartLess:
		return c.percentChange(r, aboutSame)
	}
	if r.Cmp(new(big.Rat).SetFrac64(3, 2)) >= 0 {
		// The ratio as the count of a ratio is read, to the whole or
		// at two figures, in words when it is whole: "twice", "nine
		// times", "2.9 times", "317 times".
		s := timesWords(roundAt(r, twoFigures(r, ratInt(1))))
		if c.adj != "" {
			s += " as " + c.adj + " as"
		}
		return s
	}
	if inv := quo(w, v); inv.Cmp(new(big.Rat).SetFrac64(3, 2)) >= 0 {
		q := roundAt(inv, twoFigures(inv, ratInt(1)))
		if q.IsInt() && q.Num().IsInt64() && q.Num().Int64() < int64(len(ordinalWords)) {
			k := q.Num().Int64()
			return pick(k == 2 && c.adj != "", "half as "+c.adj+" as", ordinalWords[k])
		}
		return percentWords(mul(r, hundred)) + " of"
	}
	return c.percentChange(r, aboutSame)
}

// verbRatio writes the ratio r in the verbs of a phrase such as "has
// nearly doubled": "doubled", "tripled" or "quadrupled" when it rounds to
// one of them, "more than doubled" (tripled, quadrupled) above, and "rose
// by 60%" or "fell by 20%" below twice, each after the phrase's "has".
func (c *cmpClaim) verbRatio(r *big.Rat) string {
	verbs := []string{2: "doubled", 3: "tripled", 4: "quadrupled"}
	q := roundAt(r, twoFigures(r, ratInt(1)))
	if q.IsInt() && q.Num().IsInt64() && q.Num().Int64() >= 2 && q.Num().Int64() <= 4 {
		return c.aux + verbs[q.Num().Int64()]
	}
	for k := int64(4); k >= 2; k-- {
		if r.Cmp(ratInt(k)) > 0 {
			return c.aux + "more than " + verbs[k]
		}
	}
	d := mul(sub(r, ratInt(1)), ratInt(100))
	verb := pick(d.Sign() < 0, pick(c.aux != "", "fallen", "fell"), pick(c.aux != "", "risen", "rose"))
	return c.aux + verb + " by " + percentWords(absRat(d))
}

// percentChange returns "N% more than" or "N% fewer than" for the ratio r,
// or "about the same as" when the change rounds to 0% and that holds.
func (c *cmpClaim) percentChange(r *big.Rat, aboutSame bool) string {
	d := mul(sub(r, ratInt(1)), ratInt(100))
	if roundAt(d, ratInt(1)).Sign() == 0 && aboutSame {
		return "about the same as"
	}
	return c.change(percentWords(absRat(d)), d.Sign() < 0)
}

// percentWords writes x as a whole percentage, or with as many decimals as
// it takes not to round a non-zero x to 0: "30%", "0.04%".
func percentWords(x *big.Rat) string {
	for dec := range 30 {
		if n := roundAt(x, pow10(-dec)); n.Sign() != 0 || x.Sign() == 0 {
			return formatRat(n, dec) + "%"
		}
	}
	return "0%"
}
