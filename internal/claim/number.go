package claim

import (
	"cmp"
	"fmt"
	"math/big"
	"slices"
	"strings"
)

// numberWords are the numbers a phrase may spell out.
var numberWords = map[string]int{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}

// tensWords are the tens a phrase may spell out, alone or joined to a
// unit: "forty", "twenty-five", "ninety nine".
var tensWords = map[string]int{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// wordBelowHundred reads a whole number from zero to 99 in words: "seven",
// "nineteen", "forty", "twenty-five", "ninety nine". A hyphen joins a ten
// and a unit only with no space either side.
func (p *parser) wordBelowHundred() (int, bool) {
	t := p.peek(0)
	if t.kind != tWord {
		return 0, false
	}
	tens, isTens := tensWords[t.text]
	if !isTens {
		n, ok := numberWords[t.text]
		if ok {
			p.pos++
		}
		return n, ok
	}
	p.pos++
	next := p.pos
	if h := p.peek(0); h.text == "-" && h.glued && p.peek(1).glued {
		p.pos++
	}
	if u := p.peek(0); u.kind == tWord && (p.pos > next || !u.glued) {
		if n, ok := numberWords[u.text]; ok && n >= 1 && n <= 9 {
			p.pos++
			return tens + n, true
		}
	}
	p.pos = next
	return tens, true
}

// afterHundred reads what may follow "hundred" in words: "and twenty",
// "twenty-five" ("a hundred and twenty", "three hundred twenty-five"). It
// reads nothing when "hundred" follows, since "a hundred and two hundred"
// is two numbers; nor after "and" when p.noAnd says the "and" joins a
// range, as in "between a hundred and fifty".
func (p *parser) afterHundred() (int, bool) {
	start := p.pos
	if p.seq("and") && p.noAnd {
		return 0, p.back(start)
	}
	n, ok := p.wordBelowHundred()
	if !ok || n == 0 || p.peek(0).text == "hundred" || p.peek(0).text == "and" {
		return 0, p.back(start)
	}
	return n, true
}

// multipliers are the words that scale the number before them, and the
// short forms of financial prose: "$1.2bn", "£300m", "12k".
var multipliers = map[string]int{
	"hundred": 2, "thousand": 3, "million": 6, "billion": 9, "trillion": 12,
	"k": 3, "m": 6, "mn": 6, "bn": 9, "tn": 12, "trn": 12,
}

// abbreviated are the short multipliers, written glued to the number. "k"
// and "m" count only so: "4.5 m" may be metres.
var abbreviated = map[string]bool{"k": true, "m": true, "mn": true, "bn": true, "tn": true, "trn": true}

// amount is a number as a phrase writes it, in its style.
type amount struct {
	n    *big.Rat // the number, multiplier applied
	unit *big.Rat // its last written digit: 1 for "12,000", 100,000 for "1.5 million"
	numStyle
	digits bool // written in digits, not words
}

// numStyle is how the numbers of a phrase are written, to write others the
// same way: "$1.5 million", "12.5%".
type numStyle struct {
	currency string // "$", "£" or "€" before it, or ""
	multWord string // "million" or "bn", or "" for none
	percent  bool   // written with %, "percent" or "per cent"
}

// mult returns the multiplier of s, 1 if it has none.
func (s numStyle) mult() *big.Rat {
	if s.multWord == "" {
		return ratInt(1) // quicker than pow10(0), as suggestions ask for it often
	}
	return pow10(multipliers[s.multWord])
}

// large reports whether s names a multiplier of a thousand or more, as
// "$38 trillion" and "12k" do and "3 hundred" does not.
func (s numStyle) large() bool { return multipliers[s.multWord] >= 3 }

// parseAmountText reads a number token: "12,000", "-1.5", ".25".
func parseAmountText(s string) (*big.Rat, bool) {
	return new(big.Rat).SetString(strings.ReplaceAll(s, ",", ""))
}

// amount reads a number: "12,000", "1.5 million", "$2 billion", "5%",
// "twelve", "a million", "−0.5 per cent".
func (p *parser) amount() (amount, bool) {
	start := p.pos
	var a amount
	minus := p.seq("minus") // "minus 3.5%"
	negative := false
	if t := p.peek(1); p.peek(0).text == "-" && t.glued && (t.text == "$" || t.text == "£" || t.text == "€") {
		p.pos++ // "-$5": the sign before the currency
		negative = true
	}
	if c, ok := p.oneOf("$", "£", "€"); ok {
		a.currency = c
	}
	if h, ok := p.halfA(); ok && !negative {
		h.currency = a.currency
		return h, true
	}
	t := p.peek(0)
	article := false
	switch _, isWord := numberWords[t.text]; {
	case t.kind == tNum:
		r, ok := parseAmountText(t.text)
		if !ok || negative && r.Sign() < 0 {
			return amount{}, p.back(start)
		}
		a.n, a.unit, a.digits = r, ratInt(1), true
		if _, frac, ok := strings.Cut(t.text, "."); ok {
			a.unit = pow10(-len(frac))
		}
	case negative:
		return amount{}, p.back(start)
	case isWord && t.kind == tWord || tensWords[t.text] > 0 && t.kind == tWord:
		n, _ := p.wordBelowHundred()
		p.pos-- // the last word is consumed below, as a number token is
		a.n, a.unit = ratInt(int64(n)), ratInt(1)
	case t.text == "a" || t.text == "an":
		a.n, a.unit, article = ratInt(1), ratInt(1), true
	default:
		return amount{}, p.back(start)
	}
	p.pos++
	if !article && a.n.IsInt() {
		// "two and a half", "2½": read to its tenths, as 2.5 is; "one
		// and a quarter", "2¾": to its hundredths, as 1.25 and 2.75 are.
		var frac *big.Rat
		var places int
		glued := p.peek(0).glued
		switch {
		case p.seq("and", "a", "half") || glued && p.seq("\u00bd"):
			frac, places = half(ratInt(1)), 1
		case p.seq("and", "a", "quarter") || glued && p.seq("\u00bc"):
			frac, places = quo(ratInt(1), ratInt(4)), 2
		case p.seq("and", "three", "quarters") || p.seq("and", "three", "-", "quarters") || glued && p.seq("\u00be"):
			frac, places = quo(ratInt(3), ratInt(4)), 2
		}
		if frac != nil {
			if a.n.Sign() < 0 {
				frac.Neg(frac)
			}
			a.n, a.unit = add(a.n, frac), pow10(-places)
		}
	}
	if negative != minus {
		a.n.Neg(a.n)
	}
	m := p.peek(0)
	if w, ok := multipliers[m.text]; ok && m.kind == tWord && !(abbreviated[m.text] && (article || len(m.text) == 1 && !m.glued)) {
		a.multWord = m.text
		a.n, a.unit = mul(a.n, pow10(w)), mul(a.unit, pow10(w))
		a.unit = twoFigures(a.n, a.unit)
		p.pos++
		if m.text == "hundred" && !a.digits && a.n.IsInt() {
			// "a hundred and twenty" is 120 as written; "three
			// hundred thousand" is 300 thousand.
			if n, ok := p.afterHundred(); ok {
				a.n, a.unit, a.multWord = add(a.n, ratInt(int64(n))), ratInt(1), ""
			}
			if t := p.peek(0); t.kind == tWord && multipliers[t.text] > 2 && !abbreviated[t.text] {
				w := multipliers[t.text]
				a.multWord = t.text
				a.n, a.unit = mul(a.n, pow10(w)), mul(a.unit, pow10(w))
				a.unit = twoFigures(a.n, a.unit)
				p.pos++
			}
		}
	} else if article {
		return amount{}, p.back(start)
	}
	if p.seq("%") || p.seq("percent") || p.seq("per", "cent") {
		a.percent = true
		if a.multWord == "hundred" {
			// "a hundred per cent" is all of it, as 100% is, not 95%
			// to 105%.
			a.unit, a.multWord = ratInt(1), ""
		}
	}
	return a, true
}

// twoFigures returns the precision a round word-sized number is read at:
// unit, its last written digit, or the unit of its second significant
// figure when that is finer. A number written with a multiplier ("a
// million", "2 million") and the count of a ratio ("twice", "three times",
// "a third") are read as 1.0 million, 2.0 times, 3.0: at their one written
// figure, "a million" would hold for anything from half a million to 1.49
// million, "twice" for 1.5 times and "half" for two-thirds.
func twoFigures(n, unit *big.Rat) *big.Rat {
	if n.Sign() == 0 {
		return unit
	}
	fine := sigUnit(n, 2)
	return pick(fine.Cmp(unit) < 0, fine, unit)
}

// halfA reads "half a million", "half a billion": half the multiplier,
// read to two figures as any number with a multiplier is, so 495,000 up to
// 505,000.
func (p *parser) halfA() (amount, bool) {
	start := p.pos
	if !p.seq("half", "a") && !p.seq("half", "an") {
		return amount{}, false
	}
	m := p.peek(0)
	w, ok := multipliers[m.text]
	if !ok || m.kind != tWord || abbreviated[m.text] {
		return amount{}, p.back(start)
	}
	p.pos++
	n := half(pow10(w))
	return amount{n: n, unit: twoFigures(n, n), numStyle: numStyle{multWord: m.text}}, true
}

// numQual is the qualifier of a number phrase, or of a ratio.
type numQual int

const (
	qBare      numQual = iota // rounds to N at N's precision
	qAbout                    // within About of N
	qNearly                   // short of N by at most About, towards zero
	qJustUnder                // below N by at most About
	qJustOver                 // above N by at most About
	qWellOver                 // above N by more than About
	qWellUnder                // below N by more than About
	qMore                     // more than N
	qAtLeast                  // N or more
	qLess                     // less than N
	qAtMost                   // N or less
	qRange                    // from A to B
)

var numQualifiers = slices.Concat(
	runs(qAbout, "about|around|roughly|approximately|approx|some|close to|an estimated"),
	runs(qNearly, "nearly|almost|just short of|just shy of|not quite"),
	runs(qJustUnder, "just under|just below|slightly under|slightly less than|slightly below|slightly fewer than|"+
		"a little less than|a little under|a little below|a little fewer than|marginally less than|marginally below"),
	runs(qJustOver, "just over|just above|just more than|slightly over|slightly more than|slightly above|"+
		"a little more than|a little over|a little above|marginally more than|marginally above"),
	runs(qMore, "more than|over|above|greater than|higher than|larger than|bigger than|longer than|in excess of|upwards of|north of|beyond|"+
		"exceeding|exceeds|exceeded|surpassing|surpasses|surpassed|topped|topping|passed|crossed|past"),
	runs(qAtLeast, "at least|no fewer than|no less than|not fewer than|not less than|as few as|as little as|as low as|"+
		"a minimum of|at a minimum|at a minimum of"),
	runs(qLess, "fewer than|less than|under|below|beneath|lower than|smaller than|shorter than|short of|shy of|south of"),
	runs(qAtMost, "at most|no more than|not more than|up to|as many as|as much as|as high as|a maximum of|at a maximum|at a maximum of"),
	runs(qWellOver, "well over|well above|well in excess of|well past"),
	runs(qWellUnder, "well under|well below|well short of|well beneath"),
)

// valueWords are the words that may stand between a bound and its number
// to say where the number comes from or what it adds to: "more than an
// estimated 1,205", "fewer than a reported", "over a record", "at least a
// further", "more than a total of". They qualify the number, not the
// bound, which is read as if they were not there; an article may come
// before them, but not alone ("more than the 1,205 beds it has" compares
// with another number). "total of" is one of them, as two words.
var valueWords = []string{"estimated", "reported", "expected", "projected", "forecast", "recorded", "record", "official",
	"further", "additional", "extra", "total of"}

// maxValueWords is the most of valueWords a bound may have after it:
// "an estimated further".
const maxValueWords = 2

// valueWordsEnd returns how many of the words ws end with a run of
// valueWords (with an article before them), as a bound may have between
// it and its number; 0 when they end with none.
func valueWordsEnd(ws []string) int {
	i, n := len(ws), 0
	for n < maxValueWords && i > 0 {
		switch {
		case i >= 2 && ws[i-2] == "total" && ws[i-1] == "of":
			i -= 2
		case slices.Contains(valueWords, ws[i-1]):
			i--
		default:
			return pick(n == 0, 0, valueArticle(ws, i))
		}
		n++
	}
	return pick(n == 0, 0, valueArticle(ws, i))
}

// valueArticle returns len(ws)-i, the words after i, and the article
// before them if ws has one at i-1.
func valueArticle(ws []string, i int) int {
	if i > 0 && (ws[i-1] == "a" || ws[i-1] == "an") {
		i--
	}
	return len(ws) - i
}

// valueWord reads one of valueWords.
func (p *parser) valueWord() bool {
	if p.seq("total", "of") {
		return true
	}
	_, ok := p.oneOf(valueWords...)
	return ok
}

// skipValueWords reads a run of valueWords after a bound, with an article
// before them: "an estimated", "a total of"; an article alone is left,
// as that of "more than a million".
func (p *parser) skipValueWords() {
	start := p.pos
	p.oneOf("a", "an")
	n := 0
	for n < maxValueWords && p.valueWord() {
		n++
	}
	if n == 0 {
		p.back(start)
	}
}

// qualifier reads a qualifier and returns it with the words it was written
// with; a phrase without one is qBare.
func (p *parser) qualifier() (numQual, string) {
	start := p.pos
	q, ok := longest(p, numQualifiers)
	if !ok {
		return qBare, ""
	}
	return q, strings.Join(ws(p.toks[start:p.pos]), " ")
}

// order is a number phrase that names a range by its order of
// magnitude: "tens of thousands" is 10,000 up to but not including 100,000.
type order struct {
	lo, hi int64
}

// magnitudes are the orders of magnitude a phrase may name, smallest
// first. "Dozens" starts at two dozen and ends where "hundreds" begins.
var magnitudes = []phrase[order]{
	{strings.Fields("dozens"), order{24, 100}},
	{strings.Fields("hundreds"), order{100, 1_000}},
	{strings.Fields("thousands"), order{1_000, 10_000}},
	{strings.Fields("tens of thousands"), order{10_000, 100_000}},
	{strings.Fields("hundreds of thousands"), order{100_000, 1_000_000}},
	{strings.Fields("millions"), order{1_000_000, 10_000_000}},
	{strings.Fields("tens of millions"), order{10_000_000, 100_000_000}},
	{strings.Fields("hundreds of millions"), order{100_000_000, 1_000_000_000}},
	{strings.Fields("billions"), order{1_000_000_000, 10_000_000_000}},
	{strings.Fields("tens of billions"), order{10_000_000_000, 100_000_000_000}},
	{strings.Fields("hundreds of billions"), order{100_000_000_000, 1_000_000_000_000}},
}

// interval returns the values m stands for.
func (m order) interval() interval {
	return interval{lo: ratInt(m.lo), hi: ratInt(m.hi), hiOpen: true}
}

// magnitudeVerdict checks an order of magnitude against q's value as it
// is. Its suggestion is the order of magnitude the value is in, or else
// "about" the value.
func (c *numClaim) magnitudeVerdict(q Quantity, a *big.Rat) Verdict {
	m := ratOf(q.Value)
	if c.scaled(q) {
		m = mul(m, pow10(q.Scale))
	}
	iv := c.mag.interval()
	v := Verdict{
		True:    iv.contains(m),
		Meaning: iv.describe(formatShort),
		Value:   formatValue(m),
	}
	for _, e := range magnitudes {
		if e.is.interval().contains(m) {
			v.Suggest = strings.Join(e.words, " ")
			return v
		}
	}
	about := &numClaim{q: qAbout, words: "about", a: amount{n: ratInt(1), unit: ratInt(1)}}
	v.Suggest = about.suggest(m, a)
	if c.scaled(q) {
		v.Suggest = suggestScaled(v.Suggest, q, about, a)
	}
	return v
}

// suggestScaled returns s, a suggestion for the value of q at its full
// size, when s is read so too; and otherwise c's suggestion for q's value
// as it is ("about 0.5" for half a million counted in millions), since a
// phrase without a large multiplier is checked against that.
func suggestScaled(s string, q Quantity, c *numClaim, a *big.Rat) string {
	if sc, err := parseNumber(s); err == nil && sc.scaled(q) {
		return s
	}
	return c.suggest(ratOf(q.Value), a)
}

// scaled reports whether c is checked against v at its full size, v's
// Value times 10^Scale: when v is counted in thousands or more and c names
// a multiplier of a thousand or more, "$38 trillion", "tens of millions".
func (c *numClaim) scaled(v Quantity) bool {
	if v.Scale <= 0 || v.Percent {
		return false
	}
	switch {
	case c.mag != nil:
		return c.mag.lo >= 1000
	case c.q == qRange:
		return c.a.large() || c.b.large()
	}
	return c.a.large()
}

// numClaim is a parsed number phrase.
type numClaim struct {
	q     numQual
	words string // the qualifier as written: "roughly"
	a, b  amount // b only for qRange
	// share is set for a fraction, "roughly a third", "one in five":
	// the value is then a share, checked as "a third of" 1 is.
	share *cmpClaim
	// mag is set for an order of magnitude, "tens of thousands".
	mag *order
}

// parseNumber reads a number phrase: a fraction, with or without a
// qualifier ("half", "roughly a third", "fewer than one in five",
// "two-thirds", "nine in ten"), an order of magnitude ("tens of
// thousands", "hundreds", "dozens of"), or a number with a qualifier, or
// two as a range.
func parseNumber(s string) (*numClaim, *Error) {
	p := newParser(s)
	share := &cmpClaim{kind: cRatio, form: rPart}
	if share.q, _ = p.qualifier(); p.fraction(share) && p.done() {
		return &numClaim{share: share}, nil
	}
	p.pos = 0
	m, ok := longest(p, magnitudes)
	if p.opt("of"); ok && p.done() {
		return &numClaim{mag: &m}, nil
	}
	p.pos = 0
	if _, ok := p.splitYear(); ok && p.done() {
		// "2024-25" is a fiscal year or a season, not 25 to 2,024.
		return nil, &Error{Phrase: s, Want: KindNumber}
	}
	p.pos = 0
	c := &numClaim{}
	if w, ok := p.oneOf("between", "from"); ok {
		c.q, p.noAnd = qRange, w == "between"
		if !p.amountRange(c, pick(w == "between", "and", "to")) {
			return nil, p.err(s, KindNumber)
		}
	} else {
		c.q, c.words = p.qualifier()
		if c.q != qBare {
			p.skipValueWords() // "more than an estimated 1,205"
		}
		start := p.pos
		var ok bool
		if c.a, ok = p.amount(); !ok {
			return nil, p.err(s, KindNumber)
		}
		if c.q == qBare && !p.done() {
			// "11,000 to 13,000", "11,000–13,000", read again from its start.
			p.pos, c.q = start, qRange
			if !p.amountRange(c, "to") {
				return nil, p.err(s, KindNumber)
			}
		}
	}
	if !p.done() {
		return nil, p.err(s, KindNumber)
	}
	return c, nil
}

// amountRange reads "A and B" or "A to B" after "between" or "from", or
// "A to B" alone; "A–B" in all three, with a dash only between digits,
// so that "twenty - one" is not read as 1 to 20.
func (p *parser) amountRange(c *numClaim, joiner string) bool {
	a, ok := p.amount()
	p.noAnd = false
	if !ok {
		return false
	}
	dash := p.seq("-")
	if !dash && !p.seq(joiner) {
		return false
	}
	b, ok := p.amount()
	if !ok || dash && !(a.digits && b.digits) {
		return false
	}
	c.a, c.b = inherit(a, b)
	return true
}

// inherit shares what is written once in a range between its ends: "10–15%"
// is 10% to 15%, "$1.2 to 1.5 million" is $1.2 million to $1.5 million. A
// multiplier after the second number applies to the first only when the
// first has none and is the smaller numeral, so "500,000 to 1.5 million"
// keeps its 500,000.
func inherit(a, b amount) (amount, amount) {
	a.percent = a.percent || b.percent
	b.percent = a.percent
	a.currency = cmp.Or(a.currency, b.currency)
	b.currency = cmp.Or(b.currency, a.currency)
	if a.multWord == "" && b.multWord != "" && a.n.Cmp(quo(b.n, b.mult())) <= 0 {
		a.multWord = b.multWord
		a.n, a.unit = mul(a.n, b.mult()), mul(a.unit, b.mult())
	}
	return a, b
}

// qualInterval returns the values a qualifier with the number n, written to
// the precision unit, allows; a is the tolerance of "about".
func qualInterval(q numQual, n, unit, a *big.Rat) interval {
	tol := mul(a, absRat(n))
	switch q {
	case qAbout:
		return interval{lo: sub(n, tol), hi: add(n, tol)}
	case qNearly, qJustUnder, qJustOver:
		// "Nearly" is short of N, towards zero; "under" and "over" say
		// which side of N, whatever its sign: "just under -100" is -105
		// up to -100, not -99.
		switch {
		case n.Sign() == 0:
			return interval{empty: true}
		case q == qJustUnder || q == qNearly && n.Sign() > 0:
			return interval{lo: sub(n, tol), hi: n, hiOpen: true}
		}
		return interval{lo: n, loOpen: true, hi: add(n, tol)}
	case qWellOver:
		return interval{lo: add(n, tol), loOpen: true}
	case qWellUnder:
		return interval{hi: sub(n, tol), hiOpen: true}
	case qMore:
		return interval{lo: n, loOpen: true}
	case qAtLeast:
		return interval{lo: n}
	case qLess:
		return interval{hi: n, hiOpen: true}
	case qAtMost:
		return interval{hi: n}
	}
	return roundInterval(n, unit)
}

// roundInterval returns the values that round to n at the precision unit,
// halves away from zero: 11,999.5 up to but not including 12,000.5 for 12,000.
func roundInterval(n, unit *big.Rat) interval {
	h := half(unit)
	return interval{lo: sub(n, h), hi: add(n, h), loOpen: n.Sign() <= 0, hiOpen: n.Sign() >= 0}
}

// interval returns the values c allows.
func (c *numClaim) interval(a *big.Rat) interval {
	if c.q == qRange {
		lo, hi := c.a.n, c.b.n
		if lo.Cmp(hi) > 0 {
			lo, hi = hi, lo
		}
		return interval{lo: lo, hi: hi}
	}
	return qualInterval(c.q, c.a.n, c.a.unit, a)
}

// write writes x in style s, with the digits text gives for the number
// before its multiplier.
func (s numStyle) write(x *big.Rat, text func(*big.Rat) string) string {
	out := s.currency
	if s.currency != "" && x.Sign() < 0 {
		out, x = "-"+s.currency, absRat(x) // "-$5", not "$-5"
	}
	switch {
	case abbreviated[s.multWord]:
		out += text(quo(x, s.mult())) + s.multWord
	case s.multWord != "":
		out += text(quo(x, s.mult())) + " " + s.multWord
	default:
		out += text(x)
	}
	if s.percent {
		out += "%"
	}
	return out
}

// style returns how c writes its numbers; a multiplier counts only when
// every number has the same one.
func (c *numClaim) style() numStyle {
	s := c.a.numStyle
	if c.q == qRange && c.b.multWord != c.a.multWord || s.multWord == "hundred" {
		s.multWord = "" // 295 to 305, not 2.95 to 3.05 hundred
	}
	return s
}

// Number checks the number phrase against v. The error is an *Error when
// the phrase is not a number phrase.
func Number(phrase string, v Quantity, o Options) (Verdict, error) {
	return o.check(phrase, KindNumber, func(text string) (Verdict, error) { return number(text, v, o) })
}

// number checks the English number phrase against v, as Number does.
func number(phrase string, v Quantity, o Options) (Verdict, error) {
	c, perr := parseNumber(phrase)
	if perr != nil {
		return Verdict{}, wrongKind(phrase, KindNumber, perr)
	}
	a, err := o.about(v)
	if err != nil {
		return Verdict{}, err
	}
	style := c.style()
	if v.Points && (style.percent || c.share != nil) {
		return Verdict{}, fmt.Errorf("%q reads the value as a share or in per cent, and it is in percentage points (%s): claim the number alone, as in \"about %s\", and write \"percentage points\" after it", phrase, formatShort(ratOf(v.Value)), formatShort(roundSig(ratOf(v.Value), 2)))
	}
	if c.share != nil {
		return c.shareVerdict(v, a), nil
	}
	if c.mag != nil {
		return c.magnitudeVerdict(v, a), nil
	}
	m := ratOf(v.Value)
	if style.percent && !v.Percent {
		m = mul(m, ratInt(100))
	}
	shown := numStyle{currency: style.currency, percent: style.percent || v.Percent}
	if c.scaled(v) {
		m = mul(m, pow10(v.Scale))
		if style.large() {
			shown.multWord = style.multWord // "$37.64 trillion"
		}
	}
	iv := c.interval(a)
	suggest := c.suggest(m, a)
	if c.scaled(v) {
		suggest = suggestScaled(suggest, v, c, a)
	}
	return Verdict{
		True:    iv.contains(m),
		Meaning: iv.describe(func(x *big.Rat) string { return style.write(x, formatShort) }),
		Value:   shown.write(m, formatValue),
		Suggest: suggest,
	}, nil
}

// shareVerdict checks a fraction ("a third", "nine in ten") against v as
// a share: 0.33, or 33 in percent units. Its meaning and suggestion are in
// per cent: "a share of over 32.79% and at most 33.9%", "30%".
func (c *numClaim) shareVerdict(v Quantity, a *big.Rat) Verdict {
	x := plain(v)
	iv := c.share.fractionInterval(a)
	pct := func(x *big.Rat) string { return formatShort(mul(x, ratInt(100))) + "%" }
	return Verdict{
		True:    iv.contains(x),
		Meaning: "a share of " + iv.describe(pct),
		Value:   showQuantity(v),
		Suggest: percentWords(mul(x, ratInt(100))),
	}
}

// suggest returns a number phrase that m makes true: c's own qualifier
// with m at c's precision when that holds, and otherwise "about" m to two
// significant figures (or more, if the tolerance asks for them).
func (c *numClaim) suggest(m, a *big.Rat) string {
	style := c.style()
	if c.q != qRange && (style.multWord == "" || absRat(m).Cmp(style.mult()) >= 0) {
		// m at the phrase's precision, or at m's own two figures when
		// the phrase has a multiplier and those are finer, since the
		// number written is read so: for "20 million", 1,449,999 is 1.4
		// million, not 1 million.
		unit := c.a.unit
		switch {
		case style.multWord != "":
			unit = twoFigures(m, unit)
			if unit.Cmp(style.mult()) > 0 {
				// The digits before the word are read to its unit:
				// "110 thousand" is 109.5 to 110.5 thousand, so
				// 107,640 is written 108 thousand.
				unit = style.mult()
			}
		case unit.Cmp(ratInt(1)) > 0:
			// A suggestion for "three hundred" is written in digits,
			// which are read to the unit: 11,960 holds for 11,960,
			// while 12,000, rounded to hundreds, would not.
			unit = ratInt(1)
		}
		n := roundAt(m, unit)
		if (n.Sign() != 0 || m.Sign() == 0) && qualInterval(c.q, n, unit, a).contains(m) {
			dec := decimalsOf(quo(unit, style.mult()))
			digits := func(x *big.Rat) string { return formatRat(x, dec) }
			if c.q != qBare {
				// Only a bare number is read at its written precision.
				digits = func(x *big.Rat) string { return trimZeros(formatRat(x, dec)) }
			}
			return strings.TrimSpace(c.words + " " + style.write(n, digits))
		}
	}
	if style.multWord != "" && absRat(m).Cmp(style.mult()) < 0 {
		style.multWord = ""
	}
	return style.about(m, a)
}

// about writes "about" m in style s, to two significant figures, or to
// as many more as the tolerance a asks for.
func (s numStyle) about(m, a *big.Rat) string {
	for figs := 2; ; figs++ {
		unit := sigUnit(m, figs)
		n := roundAt(m, unit)
		if qualInterval(qAbout, n, unit, a).contains(m) || figs > 40 {
			dec := decimalsOf(quo(unit, s.mult()))
			return "about " + s.write(n, func(x *big.Rat) string { return trimZeros(formatRat(x, dec)) })
		}
	}
}
