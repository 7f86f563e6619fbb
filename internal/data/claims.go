package data

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/plotline/plotline/internal/claim"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/projection"
)

// ClaimOptions are the site-wide settings claims are read with.
type ClaimOptions struct {
	// About is the relative tolerance of "about", "nearly" and their kin;
	// 0 means claim.DefaultAbout.
	About float64
	// Southern reads seasons as in the southern hemisphere.
	Southern bool
}

// ClaimResult is one claim checked: what it said, of which value, and
// whether the value makes it true.
type ClaimResult struct {
	Ref     string // the value claimed about: "losses.crossing"
	Other   string // for a comparison, the value compared with
	Phrase  string // the writer's words: "by spring 2025"
	Value   string // the value as a message shows it: "15 April 2025"
	True    bool
	Meaning string // what the phrase stands for: "on or before 31 May 2025"
	Suggest string // a phrase of the same kind that is true: "mid-April 2025"
}

// evalClaim checks the claim of e about v and shows its phrase. A false
// claim is an error saying what the value is and which phrase would be
// true.
func (s *Scope) evalClaim(e Expr, v Value, not string, pos diag.Pos) (Evaluation, error) {
	c := e.Claim
	opts := s.claimOptions(e.Ref.Block)
	res := ClaimResult{Ref: e.Ref.String(), Phrase: c.Phrase}
	var verdict claim.Verdict
	var err error
	switch {
	case c.Other != nil:
		res.Other = c.Other.String()
		var w Value
		if w, err = s.Lookup(*c.Other); err != nil {
			return Evaluation{}, err
		}
		if v.Kind != Number || w.Kind != Number {
			return Evaluation{}, fmt.Errorf("claim %q compares two numbers, but %s is %s and %s is %s", c.Phrase, res.Ref, describeKind(v.Kind), res.Other, describeKind(w.Kind))
		}
		if a, b := s.blocks[e.Ref.Block].Unit, s.blocks[c.Other.Block].Unit; OtherMeasure(a, b) {
			return Evaluation{}, fmt.Errorf("claim %q compares %s in %s with %s in %s, and a claim compares the numbers alone: give both blocks one unit", c.Phrase, res.Ref, a, res.Other, b)
		}
		var as string
		if w, as, err = s.inTermsOf(e.Ref, *c.Other, w); err != nil {
			return Evaluation{}, fmt.Errorf("claim %q compares %s with %s, %w", c.Phrase, res.Ref, res.Other, err)
		}
		verdict, err = claim.Compare(c.Phrase, quantity(v), quantity(w), opts)
		if as != "" {
			verdict.Value += ", as " + as
		}
		// Two numbers every place shows alike are compared as alike too:
		// not "more than" of two that both show 100.
		if sv := shownQuantity(v); err == nil && verdict.True && shownAlike(v, w) && quantity(v) != quantity(w) {
			if shown, err := claim.Compare(c.Phrase, sv, sv, opts); err == nil && !shown.True {
				shown.Value = verdict.Value + ", both shown rounded as " + v.In(nil)
				verdict = shown
			}
		}
	case v.Kind == Number && wayOf(c.Phrase) != "":
		other := "other.ref"
		if b := s.blocks[e.Ref.Block]; b.Projection != nil && b.Projection.HasLimit {
			other = e.Ref.Block + ".limit"
		}
		return Evaluation{}, fmt.Errorf("claim %q is read both from zero and from the series' first value: compare the value with the limit, as in | claim %q %s", c.Phrase, wayOf(c.Phrase), other)
	case v.Kind == Date:
		verdict, err = dateClaim(c.Phrase, v, opts)
	case v.Kind == Number && otherCurrency(c.Phrase, s.blocks[e.Ref.Block].Unit) != "":
		return Evaluation{}, fmt.Errorf("claim %q is in %s, but %s is in %s: write the claim in the block's unit", c.Phrase, otherCurrency(c.Phrase, s.blocks[e.Ref.Block].Unit), res.Ref, s.blocks[e.Ref.Block].Unit)
	case v.Kind == Number:
		q := quantity(v)
		if exact, _, ok := s.countSpan(e.Ref); ok && boundsCount(c.Phrase, opts) {
			q.Value = exact // "at least 12" weeks to the crossing is of the time before its rounding
		}
		verdict, err = claim.Number(c.Phrase, q, opts)
	default:
		return Evaluation{}, fmt.Errorf("claim %q: %s is text; claims are about dates and numbers", c.Phrase, res.Ref)
	}
	var phraseErr *claim.Error
	switch {
	case errors.As(err, &phraseErr) && phraseErr.Is == claim.KindHistory:
		head, _, _ := strings.Cut(e.Ref.Field, ".") // the observation of last.value; else last
		return Evaluation{}, fmt.Errorf("claim %q is about the series' history: name the observation, as in {{ %s.%s | claim %q }}", c.Phrase, e.Ref.Block, pick(isObservation(head), head, "last"), c.Phrase)
	case errors.As(err, &phraseErr) && phraseErr.Is != 0 && phraseErr.Is != claim.KindComparison && c.Other == nil:
		return Evaluation{}, fmt.Errorf("claim %q is about a %s, but %s is %s", c.Phrase, phraseErr.Is, res.Ref, describeKind(v.Kind))
	case errors.As(err, &phraseErr) && phraseErr.Is == claim.KindComparison && c.Other == nil:
		return Evaluation{}, fmt.Errorf("claim %q compares two values: name the other after the phrase, as in | claim %q other.ref", c.Phrase, c.Phrase)
	case err != nil && unitIn(c.Phrase, s.blocks[e.Ref.Block].Unit):
		// "down 7 feet from": the phrases read numbers alone, and the
		// page shows the phrase, so the unit goes after the }}.
		unit := s.blocks[e.Ref.Block].Unit
		if fixed := withoutUnit(e, v, unit, opts); fixed != "" {
			return Evaluation{}, fmt.Errorf("claim %q: a claim's phrase reads the number alone; write the phrase without the unit (%s) and the unit after the }}, as in %s", c.Phrase, unit, fixed)
		}
		return Evaluation{}, fmt.Errorf("claim: %v; write the phrase without the unit (%s) and the unit after the }}, the phrase ending at its number, as \"fell by 7\" or \"down 7\" does", err, unit)
	case err != nil:
		return Evaluation{}, fmt.Errorf("claim: %v", err)
	}
	return s.told(res, verdict, v, not, pos)
}

// told tells OnClaim of the claim res, now checked with verdict, of the
// value v, found at pos, and evaluates it: its phrase when the verdict
// holds, and otherwise an error saying what the value is and which phrase
// would be true. not, when the page's words before the claim turn it
// ("will not be full", as eval finds them), is those words: the page then says
// the claim is false, and that is what must hold.
func (s *Scope) told(res ClaimResult, verdict claim.Verdict, v Value, not string, pos diag.Pos) (Evaluation, error) {
	res.Value, res.True, res.Meaning, res.Suggest = verdict.Value, verdict.True, verdict.Meaning, verdict.Suggest
	if not != "" {
		res.True = !verdict.True
	}
	if s.OnClaim != nil {
		s.OnClaim(pos, res)
	}
	if not != "" {
		if verdict.True {
			return Evaluation{}, fmt.Errorf("%q is false: claim %q holds, %s is %s; write the claim without %q", not+" "+res.Phrase, res.Phrase, res.Ref, res.Value, not)
		}
		return Evaluation{Text: res.Phrase, Value: v, Claim: &res}, nil
	}
	if !verdict.True {
		if res.Other != "" {
			return Evaluation{}, fmt.Errorf("claim %q is false of %s and %s: %s (%s)", res.Phrase, res.Ref, res.Other, res.Value, res.Suggest)
		}
		if v.Kind == Date && res.Meaning != "" && !strings.EqualFold(res.Meaning, res.Phrase) {
			// "before autumn" is read with a season's months, which a
			// writer may count otherwise: say how it was read.
			return Evaluation{}, fmt.Errorf("claim %q is false: it reads as %s, and %s is %s (%s)", res.Phrase, res.Meaning, res.Ref, res.Value, res.Suggest)
		}
		return Evaluation{}, fmt.Errorf("claim %q is false: %s is %s (%s)", res.Phrase, res.Ref, res.Value, res.Suggest)
	}
	return Evaluation{Text: res.Phrase, Value: v, Claim: &res}, nil
}

// wayOf returns the comparison a phrase of how far along the way a value
// is stands for from zero, "half of" for "halfway to the limit" and "more
// than a third of" for "more than a third of the way", and "" for others.
func wayOf(phrase string) string {
	p := strings.ToLower(phrase)
	if i := strings.Index(p, " of the way"); i > 0 {
		return p[:i] + " of"
	}
	for _, h := range []string{"halfway", "half-way", "half way"} {
		if i := strings.Index(p, h); i >= 0 {
			return p[:i] + "half of"
		}
	}
	return ""
}

// boundsCount reports whether the words before the number of phrase bound
// it, as "at least" and "within" do, where "about" and none do not: a
// count rounded to the nearest week is about that many weeks, as "in about
// {{ ice.years_to_limit }} years" says, but not at least that many.
func boundsCount(phrase string, o claim.Options) bool {
	end := strings.IndexFunc(phrase, unicode.IsDigit)
	if end < 0 { // a number in words: "at least twelve"
		end = max(strings.LastIndex(phrase, " "), 0)
	}
	_, dir, _ := claim.Bound(phrase[:end], o)
	return dir != 0
}

// unitIn reports whether phrase holds a word of unit other than a scale
// or "of", as a word of its own: "7 feet lower than" of a block in feet.
func unitIn(phrase, unit string) bool {
	said := strings.FieldsFunc(strings.ToLower(phrase), func(r rune) bool { return !unicode.IsLetter(r) })
	return slices.ContainsFunc(strings.Fields(strings.ToLower(unit)), func(w string) bool {
		return !slices.Contains([]string{"of", "thousand", "million", "billion", "trillion"}, w) && slices.Contains(said, w)
	})
}

// withoutUnit returns the claim of e, a number v, written with the words
// of unit its phrase holds after the }} ("{{ lake.last.value | claim
// "fallen by about 7" lake.first.value }} feet" for "fallen by about 7
// feet from"), when the phrase up to them reads as a claim and nothing
// follows them but an "on" or a "from", which the words after the }} take
// the place of; and "" otherwise.
func withoutUnit(e Expr, v Value, unit string, opts claim.Options) string {
	c := e.Claim
	words := strings.Fields(strings.ToLower(unit))
	isUnit := func(w string) bool {
		w = strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }))
		return w != "" && slices.Contains(words, w)
	}
	said := strings.Fields(c.Phrase)
	first := slices.IndexFunc(said, func(w string) bool {
		return isUnit(w) && !slices.Contains([]string{"of", "thousand", "million", "billion", "trillion"}, strings.ToLower(w))
	})
	if first <= 0 {
		return ""
	}
	end := first
	for end < len(said) && isUnit(said[end]) {
		end++
	}
	switch rest := said[end:]; {
	case len(rest) > 1, len(rest) == 1 && !slices.Contains([]string{"on", "from"}, strings.ToLower(rest[0])):
		return ""
	}
	head := strings.Join(said[:first], " ")
	var err error
	other := ""
	if c.Other != nil {
		other = " " + c.Other.String()
		_, err = claim.Compare(head, quantity(v), quantity(v), opts)
	} else {
		_, err = claim.Number(head, quantity(v), opts)
	}
	if phraseErr := (*claim.Error)(nil); errors.As(err, &phraseErr) {
		return ""
	}
	return fmt.Sprintf("{{ %s | claim %q%s }} %s", e.Ref, head, other, strings.Join(said[first:end], " "))
}

// turnedPhrase returns the claim of e about v as a negation before it
// turns it: the longest run of the words after the negation (not, its
// first word the negation) that makes one claim with its phrase ("before"
// of "will not be full before {{ b.crossing | claim "mid-April" }}"),
// or its phrase alone; and the words of not before that run.
func (s *Scope) turnedPhrase(e Expr, v Value, not []string) (phrase string, negation []string) {
	opts := s.claimOptions(e.Ref.Block)
	for k := len(not) - 1; k > 0; k-- {
		p := strings.Join(not[len(not)-k:], " ") + " " + e.Claim.Phrase
		var err error
		switch v.Kind {
		case Date:
			_, err = dateClaim(p, v, opts)
		case Number:
			_, err = claim.Number(p, quantity(v), opts)
		default:
			err = errors.ErrUnsupported
		}
		if err == nil {
			return p, not[:len(not)-k]
		}
	}
	return e.Claim.Phrase, not
}

// widenedDatePhrase returns the claim of e about v, a date, with the
// longest run of the words of its clause before it, up to maxDateWords,
// that makes one claim with its phrase: "before mid-April" of "full
// before {{ b.crossing | claim "mid-April" }}". Words that make no claim
// with it are left, as is a run after a noun of time ("in the weeks
// before"), which speaks of another time; the phrase alone is then the
// claim.
func (s *Scope) widenedDatePhrase(e Expr, v Value, before string) string {
	opts := s.claimOptions(e.Ref.Block)
	ws := claim.ClauseWords(before)
	for k := min(len(ws), maxDateWords); k > 0; k-- {
		phrase := strings.Join(ws[len(ws)-k:], " ") + " " + e.Claim.Phrase
		if _, err := dateClaim(phrase, v, opts); err != nil {
			continue
		}
		if ofAnotherTime(ws, k) {
			break
		}
		return phrase
	}
	return e.Claim.Phrase
}

// claimWords returns an error when the words just before the claim of e,
// a number v, bound it as a claim's qualifier does and make with its
// phrase a claim that is false: "nearly {{ b.last.value | claim "200" }}"
// says less than 200. A word that is also a preposition ("over", "under",
// "über") may be of other words ("a row over 200 job cuts"): they are
// left, as words that make no claim are. A date's words are read by
// widenedDatePhrase.
func (s *Scope) claimWords(e Expr, v Value, before string) error {
	c := e.Claim
	if c.Other != nil || v.Kind != Number {
		return nil
	}
	if _, _, ok := s.countSpan(e.Ref); ok {
		return nil // a count of time to a crossing: its claim reads the span
	}
	opts := s.claimOptions(e.Ref.Block)
	words, dir, said := claim.Bound(before, opts)
	if dir == 0 || !strings.Contains(words, " ") && slices.Contains(prepositions, words) {
		return nil
	}
	phrase := words + " " + c.Phrase
	verdict, err := claim.Number(phrase, quantity(v), opts)
	if err != nil || verdict.True {
		return nil
	}
	return fmt.Errorf("%q is false: %s is %s, and the words before claim %q are read with it; without them, write {{ %s | claim %q }}", said+" "+c.Phrase, e.Ref, verdict.Value, c.Phrase, e.Ref, verdict.Suggest)
}

// prepositions are the bound words that are also prepositions of other
// words, which claimWords leaves.
var prepositions = []string{"over", "under", "above", "below", "beneath", "beyond", "über", "unter", "sur", "sous"}

// isObservation reports whether field names an observation as a whole,
// first, last, max or min, as a claim about a series' history does.
func isObservation(field string) bool {
	return slices.Contains([]string{"first", "last", "max", "min"}, field)
}

// evalHistory checks the claim of e about the history of a block's
// series: e.Ref names an observation (block.last), which the claim
// measures against the others: "up 3% on a year earlier", "the highest
// since 1998".
func (s *Scope) evalHistory(e Expr, not string, pos diag.Pos) (Evaluation, error) {
	c := e.Claim
	b, ok := s.blocks[e.Ref.Block]
	if !ok {
		return Evaluation{}, s.Missing(e.Ref.Block)
	}
	if b.Broken {
		return Evaluation{}, ErrReported
	}
	v, err := b.pointField(e.Ref.Field, "value", e.Ref.Field)
	if err != nil {
		return Evaluation{}, err
	}
	at := b.observation(e.Ref.Field)
	if c.Other != nil {
		var phraseErr *claim.Error
		if _, err := claim.Compare(c.Phrase, quantity(v), quantity(v), s.claimOptions(e.Ref.Block)); errors.As(err, &phraseErr) && phraseErr.Is == 0 {
			return Evaluation{}, fmt.Errorf("claim: %v", err) // no comparison: naming a value would not help
		}
		other := *c.Other
		if isObservation(other.Field) {
			other.Field += ".value" // an observation of the other too
		}
		return Evaluation{}, fmt.Errorf("claim %q compares two numbers: name a value, as in {{ %s.%s.value | claim %q %s }}", c.Phrase, e.Ref.Block, e.Ref.Field, c.Phrase, other)
	}
	if b.facts().timed {
		return Evaluation{}, fmt.Errorf("claim %q: the series of %q gives times of day; claims about a series' history read daily, monthly and annual series", c.Phrase, b.Name)
	}
	series := s.series(b)
	series.Unit = quantity(v)
	series.Grain = [...]claim.Grain{ByDay: claim.ByDay, ByMonth: claim.ByMonth, ByYear: claim.ByYear}[b.Series[at].Grain]
	verdict, err := claim.History(c.Phrase, series, at, s.claimOptions(e.Ref.Block))
	var phraseErr *claim.Error
	switch {
	case errors.As(err, &phraseErr) && phraseErr.Is != 0 && phraseErr.Is != claim.KindHistory:
		ref := e.Ref.String() + pick(phraseErr.Is == claim.KindDate, ".date", ".value")
		if phraseErr.Is == claim.KindComparison {
			return Evaluation{}, fmt.Errorf("claim %q is a comparison, not a claim about the series' history: write {{ %s | claim %q other.ref }}, or name what it is measured from, as in %q", c.Phrase, ref, c.Phrase, c.Phrase+" a year earlier")
		}
		return Evaluation{}, fmt.Errorf("claim %q is about a %s, not about the series' history: write {{ %s | claim %q }}", c.Phrase, phraseErr.Is, ref, c.Phrase)
	case err != nil:
		return Evaluation{}, fmt.Errorf("claim: %v", err)
	}
	return s.told(ClaimResult{Ref: e.Ref.String(), Phrase: c.Phrase}, verdict, v, not, pos)
}

// series returns b's series as claims about its history read it, made
// once a page with the Memo its claims share: each claim copied it, 3 MB
// for 100,000 observations, and read it whole.
func (s *Scope) series(b *Block) claim.Series {
	if cs, ok := s.history[b]; ok {
		return cs
	}
	obs := make([]claim.Observation, len(b.Series))
	for i, p := range b.Series {
		obs[i] = claim.Observation{Date: p.Date, Value: p.Value}
	}
	if s.history == nil {
		s.history = map[*Block]claim.Series{} // made by the first claim about a history
	}
	s.history[b] = claim.Series{Obs: obs, Memo: &claim.Memo{}}
	return s.history[b]
}

// observation returns the index in b.Series of the observation first,
// last, max or min names: the earliest of equal greatest or least values,
// as Field gives them. The series is not empty.
func (b *Block) observation(which string) int {
	switch which {
	case "last":
		return len(b.Series) - 1
	case "max":
		return b.facts().maxAt
	case "min":
		return b.facts().minAt
	}
	return 0
}

// dateClaim checks phrase against the date v: a day, or the whole of
// the month or year an observation written as one stands for ("2024-09",
// "1959"), as the data says nothing of its days.
func dateClaim(phrase string, v Value, opts claim.Options) (claim.Verdict, error) {
	switch v.Grain.Shows(v.Date) {
	case ByYear:
		return claim.DateSpan(phrase, v.Date, v.Date.AddDate(1, 0, -1), opts)
	case ByMonth:
		return claim.DateSpan(phrase, v.Date, v.Date.AddDate(0, 1, -1), opts)
	}
	return claim.Date(phrase, v.Date, opts)
}

// countLength returns the unit of the count of time to a crossing that
// field is ("weeks_to_limit": "week") and its mean length in days (see
// countUnits), and false for another field.
func countLength(field string) (name string, days float64, ok bool) {
	per, ok := countUnits[field]
	if !ok {
		return "", 0, false
	}
	name = strings.TrimSuffix(field, "s_to_limit")
	if per < 0 {
		return name, float64(-per), true
	}
	return name, float64(per) * 365.25 / 12, true
}

// inTermsOf returns w, the value of other, which a claim compares with
// the value of ref, in ref's terms when the two count one thing per
// another time: a linear rate per another period ("2 a day" is 14 a
// week) or a count of time in another unit (100 days are 14.3 weeks),
// with a note of the conversion for the message. It is an error when
// the two rates do not compare as numbers: an exponential rate, a
// percentage, with a linear one, or two exponential rates of different
// periods. Other values come back as they are.
func (s *Scope) inTermsOf(ref, other Ref, w Value) (Value, string, error) {
	_, fv := ref.scenarioField()
	_, fw := other.scenarioField()
	if nv, dv, ok := countLength(fv); ok {
		nw, dw, ok := countLength(fw)
		if !ok || nw == nv {
			return w, "", nil
		}
		was := w
		w.Num, w.Exact = w.Num*dw/dv, false
		w.Num = Round(w.Num, w.decimals()) // as the message shows it
		return w, fmt.Sprintf("%s %ss are %s %ss", was.In(nil), nw, w.In(nil), nv), nil
	}
	bv, bw := s.blocks[ref.Block], s.blocks[other.Block]
	if fv != "rate" || fw != "rate" || bv.Projection == nil || bw.Projection == nil {
		return w, "", nil
	}
	pv, pw := bv.Projection, bw.Projection
	switch {
	case pv.Model != pw.Model:
		exp, lin := pick(pv.Model == "exponential", bv, bw), pick(pv.Model == "exponential", bw, bv)
		return w, "", fmt.Errorf("but %s grows by a per cent a %s and %s by a number of %s a %s, which do not compare as numbers", exp.Name, exp.Projection.Per, lin.Name, cmp.Or(lin.Unit, "its unit"), lin.Projection.Per)
	case pv.Per == pw.Per:
		return w, "", nil
	case pv.Model == "exponential":
		return w, "", fmt.Errorf("but their rates are per cent a %s and a %s, which do not compare as numbers: give both projections one per", pv.Per, pw.Per)
	}
	dv, _ := projection.ParsePeriod(pv.Per)
	dw, _ := projection.ParsePeriod(pw.Per)
	was := w
	w.Num, w.Exact = w.Num*dv.Days()/dw.Days(), false
	w.Num = Round(w.Num, w.decimals())
	return w, fmt.Sprintf("%s a %s is %s a %s", was.In(nil), pw.Per, w.In(nil), pv.Per), nil
}

// quantity is v as the claim package reads a number.
func quantity(v Value) claim.Quantity {
	return claim.Quantity{Value: v.Num, Percent: v.Percent, Scale: v.Scale, Points: v.Points}
}

// shownQuantity is v as a {{ }} without a format shows it, and the
// chart's table and tooltip: a computed number rounded (data.Round).
func shownQuantity(v Value) claim.Quantity {
	q := quantity(v)
	if !v.Exact {
		q.Value = Round(v.Num, v.decimals())
	}
	return q
}

// shownAlike reports whether every place shows v and w alike: a {{ }}
// without a format, the chart's table and tooltip (shownQuantity), and,
// for shares (fractions from -1 to 1) and the numbers of a percent unit,
// the percent format, which shows them to a hundredth of a per cent:
// 0.1504 and 0.1503 are 0.15 in the table, but 15.04% and 15.03%.
func shownAlike(v, w Value) bool {
	if shownQuantity(v) != shownQuantity(w) {
		return false
	}
	if v.Points || !v.Percent && (math.Abs(v.Num) > 1 || math.Abs(w.Num) > 1) {
		return true
	}
	a, _ := Format(v, "percent", "")
	b, _ := Format(w, "percent", "")
	return a == b
}

// claimOptions returns how claims about block are read on this page,
// counting from its as_of.
func (s *Scope) claimOptions(block string) claim.Options {
	marks := s.Locale.Numbers()
	o := claim.Options{
		About: s.Claims.About, Southern: s.Claims.Southern,
		Language: s.Locale.Language(), Decimal: marks.Decimal, Group: marks.Group,
	}
	if b := s.blocks[block]; b != nil {
		o.AsOf = b.AsOf
	}
	return o
}

// OtherMeasure reports whether units a and b measure one thing in two
// ways a number does not carry: two currencies (dollars and euros), or a
// length, a weight, a temperature, a volume or an area in two units
// (metres and centimetres, °F and °C), of the units or of what they are
// per ("dollars per barrel" and "dollars per gallon"). Units it does not
// know, and the scale words before a unit ("million dollars", which the
// numbers carry), are left alone.
func OtherMeasure(a, b string) bool {
	a, aPer := cutPer(a)
	b, bPer := cutPer(b)
	return otherMeasure(a, b) || aPer != "" && bPer != "" && otherMeasure(aPer, bPer)
}

// cutPer splits unit at its "per" or "/": "dollars" and "barrel" of
// "dollars per barrel" and of "$/barrel"; all of it and "" when it has
// none.
func cutPer(unit string) (of, per string) {
	if i := strings.Index(strings.ToLower(unit), " per "); i >= 0 {
		return unit[:i], unit[i+len(" per "):]
	}
	if of, per, ok := strings.Cut(unit, "/"); ok {
		return of, per
	}
	return unit, ""
}

// otherMeasure is OtherMeasure of two units without a "per".
func otherMeasure(a, b string) bool {
	ma, ua := measureOf(a)
	mb, ub := measureOf(b)
	return ma != "" && ma == mb && ua != ub
}

// otherCurrency returns the currency a claim's phrase names by its sign
// ("about $1.2bn": "dollars") when unit, its block's, is a measure
// measureOf knows that is not that currency ("euros", "metres"), and
// otherwise "".
func otherCurrency(phrase, unit string) string {
	for _, c := range currencies {
		if !strings.Contains(phrase, c.sign) {
			continue
		}
		if m, which := measureOf(unit); m != "" && (m != "money" || !strings.HasSuffix(which, c.unit) && !(c.sign == "$" && which == "pesos")) {
			// "$" is any dollar: of a block in CAD too; and the peso's
			// sign in Mexico, Chile, Argentina and Colombia.
			return c.unit
		}
		return ""
	}
	return ""
}

// measureOf returns what unit measures, "money", "length", "weight",
// "temperature", "volume" or "area", and which of their units it is:
// "eur", "centimetre"; "" for a unit it does not know. A length after
// "square" or "cubic" ("million square kilometres") is an area or a
// volume.
func measureOf(unit string) (measure, which string) {
	words := strings.Fields(strings.ToLower(unit))
	for i, w := range words {
		w = strings.Trim(w, "()")
		for _, m := range measures {
			if !slices.ContainsFunc(m.names, func(name string) bool { return w == name || w == name+"s" || w == name+"es" }) {
				continue
			}
			if i == 0 {
				return m.measure, m.which
			}
			switch before := words[i-1]; {
			case m.measure == "length" && (before == "square" || before == "sq" || before == "sq."):
				return "area", "square " + m.which
			case m.measure == "length" && before == "cubic":
				return "volume", "cubic " + m.which
			case m.which == "dollars" && dollarsOf[before] != "":
				return m.measure, dollarsOf[before] // "Canadian dollars", as CAD
			case m.which == "miles" && before == "nautical":
				return m.measure, "nautical miles"
			}
			return m.measure, m.which
		}
	}
	for _, c := range currencies {
		if strings.Contains(unit, c.sign) {
			return "money", c.unit
		}
	}
	return "", ""
}

// dollarsOf are the words before "dollars" that name which, as
// measures names them by their codes.
var dollarsOf = map[string]string{
	"canadian": "canadian dollars", "australian": "australian dollars", "zealand": "new zealand dollars",
	"kong": "hong kong dollars", "singapore": "singapore dollars", "us": "dollars", "u.s.": "dollars", "american": "dollars",
}

// measures are the units measureOf knows, by the words that name them
// (and those words with an s or es). Abbreviations that are also words
// or multiples ("m", "in", "l", "t") are left out.
var measures = []struct {
	measure, which string
	names          []string
}{
	{"money", "dollars", []string{"usd", "dollar"}}, {"money", "euros", []string{"eur", "euro"}},
	{"money", "pounds", []string{"gbp", "pound", "sterling"}}, {"money", "yen", []string{"jpy", "yen"}},
	{"money", "francs", []string{"chf", "franc"}}, {"money", "yuan", []string{"cny", "rmb", "yuan", "renminbi"}},
	{"money", "rupees", []string{"inr", "rupee"}}, {"money", "canadian dollars", []string{"cad"}},
	{"money", "australian dollars", []string{"aud"}}, {"money", "new zealand dollars", []string{"nzd"}},
	{"money", "hong kong dollars", []string{"hkd"}}, {"money", "singapore dollars", []string{"sgd"}},
	{"money", "reais", []string{"brl", "reais"}}, {"money", "won", []string{"krw", "won"}},
	{"money", "pesos", []string{"mxn", "peso"}}, {"money", "rand", []string{"zar", "rand"}},
	{"money", "kronor", []string{"sek", "krona", "kronor"}}, {"money", "kroner", []string{"nok", "dkk", "krone", "kroner"}},
	{"money", "roubles", []string{"rub", "rouble", "ruble"}}, {"money", "zloty", []string{"pln", "zloty", "złoty"}},
	{"length", "millimetres", []string{"millimetre", "millimeter", "mm"}}, {"length", "centimetres", []string{"centimetre", "centimeter", "cm"}},
	{"length", "metres", []string{"metre", "meter"}}, {"length", "kilometres", []string{"kilometre", "kilometer", "km"}},
	{"length", "miles", []string{"mile", "mi"}}, {"length", "feet", []string{"foot", "feet", "ft"}}, {"length", "inches", []string{"inch"}},
	{"length", "yards", []string{"yard", "yd"}}, {"length", "nautical miles", []string{"nmi"}},
	{"weight", "milligrams", []string{"milligram", "mg"}}, {"weight", "grams", []string{"gram"}}, {"weight", "kilograms", []string{"kilogram", "kilo", "kg"}},
	{"weight", "tonnes", []string{"tonne", "ton"}}, {"weight", "pounds (weight)", []string{"lb"}}, {"weight", "ounces", []string{"ounce", "oz"}},
	{"temperature", "degrees celsius", []string{"celsius", "centigrade", "°c", "ºc", "℃"}},
	{"temperature", "degrees fahrenheit", []string{"fahrenheit", "°f", "ºf", "℉"}}, {"temperature", "kelvin", []string{"kelvin"}},
	{"volume", "litres", []string{"litre", "liter"}}, {"volume", "millilitres", []string{"millilitre", "milliliter", "ml"}},
	{"volume", "gallons", []string{"gallon", "gal"}}, {"volume", "barrels", []string{"barrel", "bbl"}},
	{"volume", "cubic metres", []string{"m³", "m3"}},
	{"area", "hectares", []string{"hectare", "ha"}}, {"area", "acres", []string{"acre"}},
	{"area", "square kilometres", []string{"km²", "km2"}}, {"area", "square metres", []string{"m²", "m2"}},
}
