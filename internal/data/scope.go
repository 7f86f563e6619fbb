package data

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/plotline/plotline/internal/claim"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/locale"
)

// ErrReported is returned for a reference to a block that has errors of
// its own. Those errors were reported where the block is declared; a
// reference to it adds nothing, so callers leave it out: one mistake, one
// error.
var ErrReported = errors.New("the data block has errors, reported where it is declared")

// Scope answers the {{ … }} expressions of one page from its data blocks.
type Scope struct {
	blocks map[string]*Block
	names  []string // the blocks' names, sorted
	// OnClaim, when set, is told of every claim checked, true or false,
	// with its place: for check --format json.
	OnClaim func(pos diag.Pos, c ClaimResult)
	// Claims are the settings claims are read with.
	Claims ClaimOptions
	// Locale writes the values in the page's language; nil writes
	// English. Claims are English phrases in every language.
	Locale *locale.Locale

	// values, dateIndex and dates are made by the first CheckLiterals
	// that needs them: the blocks' numbers and dates, their dates in
	// the formats the check reads that write digits alone and in those
	// that write words (see dateLiterals), and in the page's language.
	values      *scopeValues
	dateIndex   [2]literalIndex
	numberIndex literalIndex // see numberLiterals
	dates       []localDate
	// marks are how the page's language writes numbers, read by the
	// first CheckLiterals.
	marks *numberMarks
	// history holds each block's series as claims about its history
	// read it, with what they have read of it (see series).
	history map[*Block]claim.Series
}

// NewScope returns the scope of a page with the given blocks.
func NewScope(blocks []*Block) *Scope {
	s := &Scope{blocks: make(map[string]*Block, len(blocks))}
	for _, b := range blocks {
		s.blocks[b.Name] = b
	}
	s.names = slices.Sorted(maps.Keys(s.blocks))
	return s
}

// Block returns the block called name, or nil.
func (s *Scope) Block(name string) *Block { return s.blocks[name] }

// Missing returns the error for a block name the page does not declare.
func (s *Scope) Missing(name string) error {
	if len(s.blocks) == 0 {
		return fmt.Errorf("no data block %q on this page (it has none)", name)
	}
	for _, k := range s.names {
		if diag.OneEdit(name, k) {
			return fmt.Errorf("no data block %q on this page (known: %s): did you mean %s?", name, diag.Some(s.names), k)
		}
	}
	return fmt.Errorf("no data block %q on this page (known: %s)", name, diag.Some(s.names))
}

// Lookup returns the value ref names.
func (s *Scope) Lookup(ref Ref) (Value, error) {
	b, ok := s.blocks[ref.Block]
	if !ok {
		return Value{}, s.Missing(ref.Block)
	}
	v, err := b.Field(ref.Field)
	if err != nil && b.Broken {
		// The block's own error fails the build; a field no block has
		// is the writer's other mistake, whatever the data.
		if !slices.Contains(Fields(), ref.Field) {
			return Value{}, unknownField(b.Name, ref.Field, Fields())
		}
		return Value{}, ErrReported
	}
	return v, err
}

// Evaluation is what an expression shows, and what it was made from.
type Evaluation struct {
	Text  string
	Value Value        // the value referred to; zero for a literal
	Claim *ClaimResult // set for a claim
	// Warning, when not empty, says why the text is likely not what the
	// writer meant, though it is what the data says: a count of days to
	// a crossing that came before the date it counts from.
	Warning string
}

// eval evaluates e, found at pos between the text before and after it. A
// claim that is false is an error that says what the value is and which
// phrase would be true; a claim whose phrase cannot be read is one too.
// Claims, true or false, are also told to OnClaim.
func (s *Scope) eval(e Expr, before, after string, pos diag.Pos) (Evaluation, error) {
	if e.IsLiteral {
		return Evaluation{Text: e.Literal}, nil
	}
	// The page's words from a negation in the claim's own clause that
	// turn it: "will not be full" before "before May".
	var not []string
	if e.Claim != nil {
		ws := claim.ClauseWords(before)
		if i := claim.Negation(ws); i >= 0 {
			not = ws[i:]
		}
	}
	if e.Claim != nil && isObservation(e.Ref.Field) {
		return s.evalHistory(e, strings.Join(not, " "), pos)
	}
	v, err := s.Lookup(e.Ref)
	if errors.Is(err, ErrReported) && e.Format == "date" && e.Arg != "" {
		// The block's error is told where it is; a layout's, which no
		// value decides, is told too, so that both come at once (as
		// the clock of an hourly series may show, it is allowed here).
		if lerr := checkDateLayout(e.Arg, true, ByDay); lerr != nil {
			return Evaluation{}, lerr
		}
	}
	if err != nil {
		return Evaluation{}, err
	}
	if e.Claim != nil {
		checked := e
		if not != nil {
			// "will not be full before {{ … | claim "mid-April" }}": the
			// negation turns "before mid-April".
			c := *e.Claim
			c.Phrase, not = s.turnedPhrase(e, v, not)
			checked.Claim = &c
		} else if v.Kind == Date && e.Claim.Other == nil {
			// "before {{ b.crossing | claim "mid-April" }}" claims
			// "before mid-April".
			c := *e.Claim
			c.Phrase = s.widenedDatePhrase(e, v, before)
			checked.Claim = &c
		}
		ev, err := s.evalClaim(checked, v, strings.Join(not, " "), pos)
		if err != nil && not == nil && checked.Claim.Phrase != e.Claim.Phrase {
			err = fmt.Errorf("%w; the words just before the claim are read with its phrase", err)
		}
		if err == nil && not == nil {
			err = s.claimWords(e, v, before)
		}
		if err == nil {
			err = s.unitsAround(e.Ref, v, e.Claim.Phrase, before, after)
		}
		if err != nil {
			return Evaluation{}, err
		}
		ev.Text = e.Claim.Phrase
		ev.Warning = cmp.Or(s.pastCrossing(e.Ref, v), s.seenBefore(e.Ref), growthWithoutPercent(e, v, e.Claim.Phrase, after))
		return ev, nil
	}
	sized := v
	if e.Abs {
		sized.Num = math.Abs(v.Num)
	}
	text, shown, err := formatShown(s.Locale, sized, e.Format, e.Arg, s.Claims.About)
	if err == nil {
		err = s.bound(e, v, text, shown, before, after)
	}
	if err != nil {
		return Evaluation{}, err
	}
	return Evaluation{Text: text, Value: v, Warning: cmp.Or(s.pastCrossing(e.Ref, v), s.seenBefore(e.Ref), growthWithoutPercent(e, v, text, after))}, nil
}

// scenarioField splits a reference's field into the scenario it names
// and the field of that scenario: "low" and "crossing" for low.crossing,
// "central" for a field named alone.
func (r Ref) scenarioField() (scenario, field string) {
	scenario, field, found := strings.Cut(r.Field, ".")
	if !found {
		return "central", r.Field
	}
	return scenario, field
}

// seenBefore returns a warning when ref is a crossing, or counts the time
// to one, that a projection from an explicit start puts after an
// observation of the series had already reached the limit: the page
// would say the limit is reached on a day when its own data reached it
// earlier.
func (s *Scope) seenBefore(ref Ref) string {
	scenario, field := ref.scenarioField()
	b := s.blocks[ref.Block]
	if b.Projection == nil || !b.Projection.HasLimit || field != "crossing" && !strings.HasSuffix(field, "_to_limit") {
		return ""
	}
	c, err := b.Field(scenario + ".crossing")
	if err != nil {
		return ""
	}
	pr := b.Projection
	// Which way the projection goes to its limit: from its start, or, from
	// a start on the limit, by its rate.
	rising := pr.Start.Value < pr.Limit || pr.Start.Value == pr.Limit && pr.Central.Rate > 0
	for _, o := range b.Series {
		// An observation after the start, before the crossing: one
		// before the start is the series' past ("back at 1,075 feet"
		// after years below it), not what the projection missed.
		if o.Date.After(pr.Start.Date) && o.Date.Before(c.Date) && (rising && o.Value >= pr.Limit || !rising && o.Value <= pr.Limit) {
			return fmt.Sprintf("the projection from %s (%s) reaches limit %s on %s, after the series reached it on %s (%s); start the projection at the last observation (start: last), or write of it as a forecast made then",
				pr.Start.Date.Format(dateLayout), num(pr.Start.Value), num(pr.Limit), c.Date.Format(dateLayout), o.Date.Format(dateLayout), num(o.Value))
		}
	}
	return ""
}

// pastCrossing returns a warning when ref counts the days or weeks to a
// crossing and v, its value, is below zero: the limit was crossed before
// as_of ("in -8 weeks"), which prose that counts down to it cannot say.
func (s *Scope) pastCrossing(ref Ref, v Value) string {
	if !strings.HasSuffix(ref.Field, "_to_limit") || v.Kind != Number || v.Num >= 0 {
		return ""
	}
	crossing := ref.Field[:strings.Index(ref.Field, ".")+1] + "crossing" // of the same scenario
	c, err := s.Lookup(Ref{Block: ref.Block, Field: crossing})
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%s is below zero: the limit is crossed on %s, before as_of (%s), the date it counts from; write about %s.%s instead, or set the block's as_of",
		ref, c.Date.Format(dateLayout), s.blocks[ref.Block].AsOf.Format(dateLayout), ref.Block, crossing)
}

// EvalAround parses and evaluates the expression src, found at pos
// between the text before it on its line, whose last words ("within",
// "more than") may make the value a bound that its rounding must keep
// true (see bound), and the text after it, whose first words ("or more",
// "%") may too.
func (s *Scope) EvalAround(src, before, after string, pos diag.Pos) (Evaluation, error) {
	e, err := ParseExpr(src)
	if err != nil {
		return Evaluation{}, err
	}
	return s.eval(e, before, after, pos)
}

// maxBefore is how many bytes before a value bound reads, room for the
// longest words claim.Bound reads ("dans moins de", "nicht weniger
// als"); markdown hands its resolver as many (markdown.maxBefore), so
// that a line of many values is not read again for each.
const maxBefore = 48

// bound returns an error when v, shown as text (the number shown, as its
// format rounded it) between the words before it on its line and those
// after it, is a bound its rounding made false: a count of weeks, months
// or years to a crossing (countBound), or a number rounded the wrong way
// after "more than" or "under", or before "or more" (numberBound). The
// words before are read as a claim on the page reads them (claim.Bound),
// in the page's language or English; those after in English. It also
// returns one when the words before say a rise or a fall that v's sign
// denies (signBound), and when v, in percentage points, is followed by
// "%" or "per cent".
func (s *Scope) bound(e Expr, v Value, text string, shown float64, before, after string) error {
	if v.Kind == Date {
		return s.dateBound(e, v, text, before, after)
	}
	if v.Kind != Number {
		return nil
	}
	if err := s.unitsAround(e.Ref, v, text, before, after); err != nil {
		return err
	}
	if strings.TrimSpace(before) != "" {
		opts := s.claimOptions(e.Ref.Block)
		if err := s.exactly(e, v, text, shown, before); err != nil {
			return err
		}
		if err := s.signBound(e, v, text, before, opts); err != nil {
			return err
		}
		if w, dir, said := claim.Bound(before, opts); dir != 0 {
			if w == "over" && overMeansMore(before, after) {
				w = "more than"
			}
			if err := s.countBound(e.Ref, e.Format, v, w, dir, said, opts); err != nil {
				return err
			}
			return s.numberBound(e, v, text, shown, w, dir, said+" "+text, opts)
		}
	}
	if err := s.directionAfter(e, v, text, after); err != nil {
		return err
	}
	if q, words := boundAfter(after); q != "" {
		return s.numberBound(e, v, text, shown, q, pick(q == "at least", 1, -1), text+words, s.claimOptions(e.Ref.Block))
	}
	return nil
}

// directionAfter returns an error when v, shown by abs without its sign,
// is followed, in its clause, by English words of the other way than its
// sign: "{{ lake.rate | abs }} feet lower each week", "a {{ lake.rate |
// abs }}-foot drop", of a rate that rises. The words before a value are
// read by signBound.
func (s *Scope) directionAfter(e Expr, v Value, text, after string) error {
	if !e.absolute() || v.Num == 0 || !strings.HasPrefix(s.Locale.Language(), "en") && s.Locale.Language() != "" {
		return nil
	}
	clause, _, _ := strings.Cut(strings.ReplaceAll(after[:min(len(after), 80)], "-", " "), ".")
	clause, _, _ = strings.Cut(clause, ",")
	clause, _, _ = strings.Cut(clause, ";")
	words := strings.Fields(clause)
	end := 0                                            // where the word read ends in after (clause is as long as after's start)
	said := func() string { return text + after[:end] } // the page's words: "10 feet lower", "10-foot drop"
	for _, w := range words[:min(len(words), 4)] {
		end = strings.Index(clause[end:], w) + end + len(w)
		w = strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }))
		switch {
		case slices.Contains(fallAfter, w) && v.Num > 0, slices.Contains(riseAfter, w) && v.Num < 0:
			return s.otherWay(said(), e.Ref, v.Num)
		case slices.Contains(fallAfter, w) || slices.Contains(riseAfter, w):
			return nil
		}
	}
	return nil
}

// fallAfter and riseAfter are the English words after a number that say
// which way it goes: "10 feet lower", "a 10-foot drop".
var (
	fallAfter = strings.Fields("lower fewer less down drop drops fall falls decline declines decrease decreases loss losses smaller shorter")
	riseAfter = strings.Fields("higher more up rise rises increase increases gain gains larger bigger taller")
)

// unitsAround returns an error when the words around a number, v of ref
// shown as text (a value, or a claim's phrase), name another period or
// unit of time than its own, or per cent where it is in points.
func (s *Scope) unitsAround(ref Ref, v Value, text, before, after string) error {
	if v.Kind != Number {
		return nil
	}
	named, err := s.periodAfter(ref, text, after)
	if err != nil {
		return err
	}
	if !named {
		// "the daily count grows by {{ b.rate }} a week" names it after.
		if err := s.periodBefore(ref, text, before); err != nil {
			return err
		}
	}
	if err := s.shareRatePercent(ref, text, after); err != nil {
		return err
	}
	mark := percentAfter(after)
	if v.Points && mark != "" {
		return fmt.Errorf("\"%s%s\" says a change in per cent, but %s is in percentage points, a difference of two percentages (40%% to 42%% is 2 points, a rise of 5%%); write \"percentage points\" or \"points\" after it", text, mark, ref)
	}
	if mark != "" && !v.Percent && !strings.Contains(text, "%") && s.ofShares(ref) {
		// "{{ sh.last.value }}%" of 0.145: "0.145%", where the claims,
		// the chart and the percent format read 14.5%.
		shown, _ := Format(v, "percent", "")
		return fmt.Errorf("\"%s%s\" shows %s as a per cent, but %s is a share, every value of its block between -1 and 1, which is %s: write {{ %s | percent }}, or give the block unit: percent if %s is itself a per cent", text, mark, text, ref, shown, ref, text)
	}
	return nil
}

// ofShares reports whether ref is a value of its block's scale (an
// observation, the limit, a floor or ceiling, value_at_until) in a block
// of shares.
func (s *Scope) ofShares(ref Ref) bool {
	_, field := ref.scenarioField() // "value" of last.value and start.value
	return slices.Contains([]string{"value", "limit", "floor", "ceiling", "value_at_until"}, field) && s.blocks[ref.Block].shares()
}

// shares reports whether b is a block of shares: every observation
// between -1 and 1, its unit no per cent or points, as the chart and the
// claims read it.
func (b *Block) shares() bool {
	return b != nil && len(b.Series) > 0 && !PercentUnit(b.Unit) && !pointsUnit(b.Unit) &&
		!slices.ContainsFunc(b.Series, func(p Point) bool { return p.Value < -1 || p.Value > 1 })
}

// signBound returns an error when the words before v, a number shown as
// text, say it rises or falls and its sign says otherwise: a minus sign
// after words of a fall reads as a rise, and after words of a rise as a
// fall; after abs, which takes the sign away, words of a fall before a
// number above zero, or of a rise before one below, are false.
func (s *Scope) signBound(e Expr, v Value, text, before string, opts claim.Options) error {
	// The sign before the number's first digit: "-1.3", "about -1.3".
	if digit := strings.IndexFunc(text, unicode.IsDigit); digit > 0 && strings.ContainsAny(text[max(0, digit-3):digit], "-−") {
		if w := claim.Falls(before, opts); w != "" {
			return fmt.Errorf("\"%s %s\" reads as a rise: %s is below zero, and %q already says it falls; write {{ %s }}", w, text, e.Ref, w, absExpr(e))
		}
		if w := claim.Rises(before, opts); w != "" {
			return fmt.Errorf("\"%s %s\" reads as a fall: %s is below zero, and %q says it rises; write the words of a fall, then {{ %s }}", w, text, e.Ref, w, absExpr(e))
		}
	}
	if !e.absolute() {
		return nil
	}
	// abs takes a sign away, so the words before say which way the
	// number goes: a rate the data turned the other way would keep them,
	// whatever the data says.
	if w := pick(v.Num > 0, claim.Falls, claim.Rises)(before, opts); w != "" && v.Num != 0 {
		return s.otherWay(w+" "+text, e.Ref, v.Num)
	}
	return nil
}

// otherWay is the error of said, words of a fall around num (ref shown by
// abs) above zero, or of a rise around one below it.
func (s *Scope) otherWay(said string, ref Ref, num float64) error {
	if num > 0 {
		return fmt.Errorf("\"%s\" is false: %s is %s, above zero, a rise, and abs shows it as it is; write the words of a rise", said, ref, WrittenNumberIn(s.Locale, num, 0))
	}
	return fmt.Errorf("\"%s\" is false: %s is %s, below zero, a fall, and abs takes its sign away; write the words of a fall", said, ref, WrittenNumberIn(s.Locale, num, 0))
}

// shareRatePercent returns an error when text, the linear rate ref of a
// block of shares, is written in per cent ("2%", by the percent format)
// without "points" after it: 0.40 to 0.42 a year is 2 percentage points
// a year, a rise of 5%, and "grows 2% a year" says the second.
func (s *Scope) shareRatePercent(ref Ref, text, after string) error {
	b := s.blocks[ref.Block]
	if _, field := ref.scenarioField(); field != "rate" || !strings.HasSuffix(strings.TrimSpace(text), "%") || !b.shares() ||
		b.Projection == nil || b.Projection.Model == "exponential" {
		return nil
	}
	next := strings.ToLower(strings.TrimLeft(trimSpaceEntities(trimCloseMarks(after)), "-")) // "%-Punkte"
	if slices.ContainsFunc([]string{"point", "percentage point", "pts", "pp", "prozentpunkt", "punkt"}, func(w string) bool { return strings.HasPrefix(next, w) }) {
		return nil
	}
	share := "a share"
	if b.Unit != "" {
		share += " (" + b.Unit + ")"
	}
	return fmt.Errorf("\"%s\" of %s, the change a %s of %s, reads as a growth in per cent; it is in percentage points: write \"points\" or \"percentage points\" after it", text, ref, b.Projection.Per, share)
}

// growthWithoutPercent warns of the rate of an exponential projection, a
// growth in per cent a period, shown as a bare number: "falling {{
// b.rate | abs }} a week" of -10 would print "falling 10 a week", where
// the chart says "shrinking 10% a week".
func growthWithoutPercent(e Expr, v Value, text, after string) string {
	_, field := e.Ref.scenarioField()
	if field != "rate" || !v.Percent || v.Points || strings.HasSuffix(text, "%") || percentAfter(after) != "" {
		return ""
	}
	return fmt.Sprintf("%s is a growth in per cent a period, which %q shows as a plain number: write \"%%\" or \"per cent\" after it, or {{ %s | percent }}", e.Ref, text, e.Ref)
}

// percentAfter returns the sign or word of per cent that starts after,
// the text after a value: "%", " per cent", " percent", and the words of
// the languages plotline has words for ("Prozent", "pour cent"), after
// spaces, no-break spaces or an entity of one; not "% points" or
// "%-Punkte", which say percentage points, nor "percentage points".
func percentAfter(after string) string {
	rest := strings.TrimPrefix(trimSpaceEntities(after), "-") // "a 1.5-percent rise"
	for _, mark := range percentMarks {
		tail := cutFold(rest, mark)
		if tail == rest {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(tail); unicode.IsLetter(r) {
			continue // "percentage"
		}
		next := strings.ToLower(strings.TrimLeft(trimSpaceEntities(tail), "-"))
		if slices.ContainsFunc([]string{"point", "pts", "pp", "punkt", "pkt"}, func(p string) bool { return strings.HasPrefix(next, p) }) {
			return "" // "% points", "%-Punkte": percentage points
		}
		return after[:len(after)-len(rest)+len(mark)]
	}
	return ""
}

// periodAfter returns an error when the words after a rate name another
// period than its projection's ("rising {{ b.rate }} a day" of a rate a
// week), or the unit after a count of time to a crossing is not the
// count's ("{{ b.days_to_limit }} weeks"), and named, whether they name
// the rate's own. Between a rate and its period may stand a per cent sign
// or the block's unit, and two other words: "14 new beds a day".
func (s *Scope) periodAfter(ref Ref, text, after string) (named bool, err error) {
	b := s.blocks[ref.Block]
	if b == nil || b.Projection == nil {
		return false, nil
	}
	_, field := ref.scenarioField()
	unit, count := strings.CutSuffix(field, "s_to_limit")
	if !count && field != "rate" {
		return false, nil // every other number, the most of them: nothing read
	}
	rest := trimSpaceEntities(trimCloseMarks(after))
	if count {
		sep := " "
		if r, ok := strings.CutPrefix(rest, "-"); ok {
			rest, sep = r, "-" // "a 40-week wait"
		}
		said := rest[:len(rest)-len(strings.TrimLeftFunc(rest, unicode.IsLetter))]
		named, ok := timeUnits[strings.ToLower(said)]
		if !ok || named == unit {
			return ok, nil
		}
		if _, counted := countUnits[named+"s_to_limit"]; !counted {
			return false, fmt.Errorf("\"%s%s%s\" is false: %s counts %ss, not %ss", text, sep, said, ref, unit, named)
		}
		return false, fmt.Errorf("\"%s%s%s\" is false: %s counts %ss, not %ss; write {{ %s.%s%ss_to_limit }}",
			text, sep, said, ref, unit, named, ref.Block, strings.TrimSuffix(ref.Field, field), named)
	}
	// "a 70-a-day rise": the hyphens of a compound are spaces to the
	// words read here (one byte for one, so that rest stays the end of
	// after).
	rest = strings.ReplaceAll(strings.TrimPrefix(rest, "-"), "-", " ")
	for _, mark := range rateMarks {
		rest = trimSpaceEntities(cutFold(rest, mark))
	}
	rest = trimSpaceEntities(cutFold(rest, b.Unit))
	if per, ok := strings.CutPrefix(rest, "/"); ok {
		// "30 beds/day", "2%/yr": a period after a slash.
		word := per[:len(per)-len(strings.TrimLeftFunc(per, unicode.IsLetter))]
		if named, ok := timeUnits[strings.ToLower(word)]; ok && named != b.Projection.Per {
			return false, fmt.Errorf("\"%s%s\" is false: %s is a rate %s %s (the block's per: %s); write \"/%s\"",
				text, after[:len(after)-len(per)+len(word)], ref, pick(b.Projection.Per == "hour", "an", "a"), b.Projection.Per, b.Projection.Per, b.Projection.Per)
		}
		return ok, nil
	}
	// Two words may stand before the period: "14 new beds a day"; a
	// third would read "patients staying a day".
	for skipped := 0; skipped <= 2; skipped++ {
		for _, p := range periodWords {
			tail := cutFold(rest, p.words)
			if tail == rest || startsWord(tail) || otherTime(tail) {
				continue
			}
			if p.period == b.Projection.Per {
				return true, nil
			}
			hint := ""
			if p.english {
				hint = fmt.Sprintf("; write \"%s %s\"", pick(b.Projection.Per == "hour", "an", "a"), b.Projection.Per)
			}
			return false, fmt.Errorf("\"%s%s\" is false: %s is a rate %s %s (the block's per: %s)%s",
				text, after[:len(after)-len(tail)], ref, pick(b.Projection.Per == "hour", "an", "a"), b.Projection.Per, b.Projection.Per, hint)
		}
		word := strings.TrimLeftFunc(rest, unicode.IsLetter)
		if word == rest || !strings.HasPrefix(word, " ") {
			return false, nil // no word, or one that a mark ends
		}
		rest = strings.TrimLeft(word, " ")
	}
	return false, nil
}

// periodBefore returns an error when one of the last four words of the
// clause before a rate names another period than its projection's: "a
// daily rise of {{ b.rate }}" of a rate a week.
func (s *Scope) periodBefore(ref Ref, text, before string) error {
	b := s.blocks[ref.Block]
	if _, field := ref.scenarioField(); b == nil || b.Projection == nil || field != "rate" {
		return nil
	}
	ws := claim.ClauseWords(before)
	for _, w := range ws[max(0, len(ws)-4):] {
		period, ok := periodAdjectives[w]
		if !ok || period == b.Projection.Per {
			continue
		}
		hint := ""
		if slices.Contains([]string{"hourly", "daily", "weekly", "monthly", "yearly", "annual", "annually", "fortnightly", "quarterly"}, w) {
			english := map[string]string{"hour": "hourly", "day": "daily", "week": "weekly", "month": "monthly", "year": "annual"}
			hint = fmt.Sprintf("; write \"%s\"", english[b.Projection.Per])
		}
		return fmt.Errorf("\"%s … %s\" is false: %s is a rate %s %s (the block's per: %s)%s",
			w, text, ref, pick(b.Projection.Per == "hour", "an", "a"), b.Projection.Per, b.Projection.Per, hint)
	}
	return nil
}

// periodAdjectives are the words before a rate that name its period, in
// the languages plotline has words for; not French's "quotidien" or
// "hebdomadaire", which are also a daily and a weekly paper.
var periodAdjectives = map[string]string{
	"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month", "yearly": "year", "annual": "year", "annually": "year",
	"fortnightly": "fortnight", "quarterly": "quarter",
	"stündlich": "hour", "stündliche": "hour", "täglich": "day", "tägliche": "day", "wöchentlich": "week", "wöchentliche": "week",
	"monatlich": "month", "monatliche": "month", "jährlich": "year", "jährliche": "year",
	"quotidienne": "day", "mensuelle": "month", "annuelle": "year",
}

// otherTime reports whether s, the text after the words of a period
// after a rate, makes them a time of another figure: "a year earlier",
// "a week ago", "im Jahr zuvor", "im Jahr 2024".
func otherTime(s string) bool {
	w := strings.ToLower(strings.TrimLeft(s, " \u00a0"))
	if w != "" && w[0] >= '0' && w[0] <= '9' {
		return true
	}
	w = w[:len(w)-len(strings.TrimLeftFunc(w, unicode.IsLetter))]
	return slices.Contains([]string{"ago", "earlier", "before", "later", "since", "prior", "previously", "back", "zuvor", "davor", "früher", "vorher", "auparavant", "avant", "plus", "plus-tôt"}, w)
}

// timeUnits are the words of a unit of time after a count of them, and
// the unit as a *_to_limit field names it.
var timeUnits = map[string]string{
	"hour": "hour", "hours": "hour", "day": "day", "days": "day", "week": "week", "weeks": "week",
	"month": "month", "months": "month", "year": "year", "years": "year",
	"stunde": "hour", "stunden": "hour", "tag": "day", "tage": "day", "tagen": "day", "woche": "week", "wochen": "week",
	"monat": "month", "monate": "month", "monaten": "month", "jahr": "year", "jahre": "year", "jahren": "year",
	"heure": "hour", "heures": "hour", "jour": "day", "jours": "day", "semaine": "week", "semaines": "week",
	"mois": "month", "an": "year", "ans": "year", "année": "year", "années": "year",
}

// cutFold returns s without prefix, of any case, at its start, or s.
func cutFold(s, prefix string) string {
	if prefix != "" && len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):]
	}
	return s
}

// startsWord reports whether s starts with a letter or a digit.
func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// A periodWord is words after a rate that name its period ("a day"),
// the period as per names it, and whether the words are English.
type periodWord struct {
	words, period string
	english       bool
}

// periodWords are the words after a rate that name its period.
var periodWords = func() []periodWord {
	var ws []periodWord
	for _, p := range []struct {
		period         string
		english, other []string
	}{
		{"hour", []string{"an hour", "per hour", "each hour", "every hour", "hourly"}, []string{"pro stunde", "par heure", "stündlich"}},
		{"day", []string{"a day", "per day", "each day", "every day", "daily", "per diem", "in 24 hours", "every 24 hours", "per 24 hours"}, []string{"pro tag", "am tag", "täglich", "par jour", "chaque jour"}},
		{"week", []string{"a week", "per week", "each week", "every week", "weekly"}, []string{"pro woche", "wöchentlich", "par semaine", "chaque semaine"}},
		{"month", []string{"a month", "per month", "each month", "every month", "monthly"}, []string{"pro monat", "im monat", "monatlich", "par mois", "chaque mois"}},
		{"year", []string{"a year", "per year", "each year", "every year", "yearly", "annually", "per annum"}, []string{"pro jahr", "im jahr", "jährlich", "par an", "par année", "chaque année"}},
		// Periods no block's per: names, which are never a rate's own.
		{"fortnight", []string{"a fortnight", "per fortnight", "each fortnight", "every fortnight", "fortnightly"}, nil},
		{"quarter", []string{"a quarter", "per quarter", "each quarter", "every quarter", "quarterly"}, []string{"pro quartal", "im quartal", "par trimestre"}},
	} {
		for _, w := range p.english {
			ws = append(ws, periodWord{w, p.period, true})
		}
		for _, w := range p.other {
			ws = append(ws, periodWord{w, p.period, false})
		}
	}
	return ws
}()

// rateMarks are the words that may stand between a rate and its
// period: those of percentage points and of per cent.
var rateMarks = append([]string{"percentage points", "points"}, percentMarks...)

// percentMarks are the signs and words of per cent after a number.
var percentMarks = []string{"%", "per cent", "per-cent", "percent", "pct", "pc", "prozent", "pour cent", "por ciento", "per cento", "procent", "por cento"}

// trimSpaceEntities returns s without the spaces, no-break spaces
// (U+00A0, U+202F) and the entities of a no-break space it starts with.
func trimSpaceEntities(s string) string {
	for {
		t := strings.TrimLeft(s, " \t\u00a0\u202f")
		for _, e := range []string{"&nbsp;", "&#160;", "&#xa0;", "&#xA0;"} {
			t = strings.TrimPrefix(t, e)
		}
		if t == s {
			return s
		}
		s = t
	}
}

// afterWords are the words after a number that make it a bound, and the
// qualifier a claim writes before it for them: "1,205 or more" is "at
// least 1,205".
var afterWords = []struct{ words, qualifier string }{
	{"or more", "at least"}, {"or higher", "at least"}, {"or above", "at least"}, {"or over", "at least"}, {"or greater", "at least"},
	{"and over", "at least"}, {"and above", "at least"}, {"and up", "at least"}, {"-plus", "at least"},
	{"or fewer", "at most"}, {"or less", "at most"}, {"or lower", "at most"}, {"or below", "at most"}, {"or under", "at most"},
	{"at least", "at least"}, {"at the least", "at least"}, {"at most", "at most"}, {"at the most", "at most"},
}

// boundAfter returns the qualifier that the words at the start of after,
// the text after a number, make of it ("or more", "+"), and those words
// as the page shows them; "" when they make none.
func boundAfter(after string) (qualifier, words string) {
	if plus, ok := strings.CutPrefix(after, "+"); ok {
		// "12,000+", a least value; "12,000 + 300" and "12,000+/-3"
		// are a sum and a margin.
		if r, _ := utf8.DecodeRuneInString(plus); !unicode.IsDigit(r) && !strings.ContainsRune("/-+{", r) {
			return "at least", "+"
		}
		return "", ""
	}
	rest := trimSpaceEntities(trimCloseMarks(after))
	if q, w, _ := boundAfterWords(after, rest); q != "" {
		return q, w
	}
	// One word between, the unit or what is counted: "1,205 people or
	// more", "13 weeks at least".
	word := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })
	if word <= 0 || rest[word] != ' ' {
		return "", ""
	}
	q, w, next := boundAfterWords(after, trimSpaceEntities(rest[word:]))
	if len(next) > 0 && next[0] == "than" {
		return "", "" // "1,205 beds or more than twice that": another comparison
	}
	return q, w
}

// boundAfterWords is boundAfter of rest, the end of after from where its
// words of a bound may start; next are the lower-case words after them.
func boundAfterWords(after, rest string) (qualifier, words string, next []string) {
	for _, a := range afterWords {
		if tail := cutFold(rest, a.words); tail == rest || startsWord(tail) {
			continue // not these words, or "or moreover", "or more3"
		}
		next := strings.Fields(strings.ToLower(rest[len(a.words):]))
		if len(next) > 0 && slices.Contains([]string{"precisely", "exactly", "accurately", "specifically"}, strings.Trim(next[0], ",.;:")) {
			continue // "or more precisely 4,550.7": a correction, no bound
		}
		if strings.HasPrefix(a.words, "at ") && len(next) > 0 && startsWord(next[0]) {
			continue // "12 countries at least partly", "at most once": of the words after
		}
		if typed := after[:len(after)-len(rest)+len(a.words)]; !strings.ContainsAny(typed, "*_<&") {
			return a.qualifier, typed, next
		}
		return a.qualifier, " " + a.words, next // without the marks
	}
	return "", "", nil
}

// trimCloseMarks returns s, the text after a value, without the marks
// that end the emphasis or the element around it: "** or more", "</strong>
// or more".
func trimCloseMarks(s string) string {
	for {
		t := strings.TrimLeft(s, "*_")
		if strings.HasPrefix(t, "</") {
			if end := strings.IndexByte(t, '>'); end > 0 {
				t = t[end+1:]
			}
		}
		if t == s {
			return s
		}
		s = t
	}
}

// dateBound returns an error when v, a date known to the day that its
// format shows coarser (text: "mid-April 2025", "April 2025") or without
// its year ("2 December" of 2026), follows words that the claim of the
// date shown makes false: "runs dry before {{ b.crossing | approx }}" of
// 15 April would say "before mid-April 2025", and "full by {{ b.crossing
// | date "2 January" }}" of a day next year a day of this one. The words
// are the longest run of the last six before it that reads as a date
// phrase, turned by a negation before them ("will not be full by"); words
// that do not read ("until"), and words of a time near the date ("the
// weeks before"), are left. Words after it that name its end or its start
// are read with them: "before {{ }} is out" is before the end of April.
func (s *Scope) dateBound(e Expr, v Value, text, before, after string) error {
	if v.Grain.Shows(v.Date) != ByDay {
		return nil // the format shows all the data knows
	}
	shows := func(d time.Time) bool {
		w := v
		w.Date = d
		t, _, err := formatShown(s.Locale, w, e.Format, e.Arg, s.Claims.About)
		return err == nil && t == text
	}
	if !shows(v.Date.AddDate(0, 0, 1)) && !shows(v.Date.AddDate(0, 0, -1)) {
		if !strings.ContainsFunc(text, unicode.IsDigit) && shows(v.Date.AddDate(0, 0, 7)) {
			// A weekday alone ("on Thursday") names a day of the week of
			// as_of, the one just past or the one to come.
			asOf := s.claimOptions(e.Ref.Block).AsOf
			if days := v.Date.Sub(asOf).Hours() / 24; !asOf.IsZero() && (days <= -7 || days >= 7) {
				return fmt.Errorf("%q alone reads as a day within a week of as_of (%s), but %s is %s; show the date", text, asOf.Format("2 January 2006"), e.Ref, v.Date.Format("Monday 2 January 2006"))
			}
			return nil
		}
		// The day itself: "before 15 April" may be advice. Without its
		// year, it must be one of the two such days either side of the
		// block's as_of, unless its year is written before it.
		asOf := s.claimOptions(e.Ref.Block).AsOf
		if asOf.IsZero() || !shows(v.Date.AddDate(-1, 0, 0)) && !shows(v.Date.AddDate(1, 0, 0)) {
			return nil
		}
		if !besideYear(v.Date, asOf) && !strings.Contains(before, strconv.Itoa(v.Date.Year())) {
			return fmt.Errorf("%q without its year reads as the last such day before as_of (%s) or the next after it, but %s is %s; show the year", text, asOf.Format("2 January 2006"), e.Ref, v.Date.Format("2 January 2006"))
		}
		return nil
	}
	// The words of the date's own clause: "within months, before May"
	// is read from "before".
	ws := claim.ClauseWords(before)
	edge := dateEdge(after)
	for k := min(len(ws), maxDateWords); k > 0; k-- {
		phrase := strings.Join(ws[len(ws)-k:], " ") + " " + edge + text
		verdict, err := claim.Date(phrase, v.Date, s.claimOptions(e.Ref.Block))
		if err != nil {
			continue
		}
		if not := claim.Negation(ws[:len(ws)-k]); not >= 0 {
			// "will not be full by April": the claim turned.
			if phrase = strings.Join(ws[not:len(ws)-k], " ") + " " + phrase; !verdict.True {
				return nil
			}
			return fmt.Errorf("%q is false: %s is %s; write the day, or words without the negation", phrase, e.Ref, verdict.Value)
		}
		switch {
		case verdict.True:
			return nil
		case ofAnotherTime(ws, k):
			// "in the weeks before mid-April": a time near the date,
			// not the date.
			return nil
		}
		return fmt.Errorf("%q is false: %s is %s; write the day, or {{ %s | claim %q }} in place of %q", phrase, e.Ref, verdict.Value, e.Ref, verdict.Suggest, phrase)
	}
	return nil
}

// dateEdge returns "the end of " when after, the text after a date, starts
// with words that name its end ("is out", "is over", "ends"), "the start
// of " when they name its start ("begins"), and otherwise "".
func dateEdge(after string) string {
	rest := strings.ToLower(trimSpaceEntities(trimCloseMarks(after)))
	for _, e := range dateEdges {
		if tail, ok := strings.CutPrefix(rest, e.words); ok && !startsWord(tail) {
			return e.edge
		}
	}
	return ""
}

// dateEdges are the words after a date that name its end or its start.
var dateEdges = []struct{ words, edge string }{
	{"is out", "the end of "}, {"is over", "the end of "}, {"is done", "the end of "}, {"is through", "the end of "},
	{"ends", "the end of "}, {"has ended", "the end of "}, {"has passed", "the end of "}, {"is past", "the end of "},
	{"begins", "the start of "}, {"starts", "the start of "}, {"has begun", "the start of "}, {"has started", "the start of "},
}

// maxDateWords is the most words dateBound reads before a date: "no
// later than the end of the first quarter of".
const maxDateWords = 10

// besideYear reports whether d is one of the two days of its month and
// day either side of asOf, the last on or before it and the next after
// it: the ones a reader takes a day named without its year for, of the
// news just past or of a forecast.
func besideYear(d, asOf time.Time) bool {
	y := asOf.Year()
	if time.Date(y, d.Month(), d.Day(), 0, 0, 0, 0, time.UTC).After(asOf) {
		y--
	}
	return d.Year() == y || d.Year() == y+1
}

// timeNouns are the words of another time near a date, which the words
// after them speak of rather than of the date: "in the weeks before", "a
// week or so before", "the night before", "in den Wochen vor", "quelques
// jours avant". "long" and "shortly" before "before" are left out: "long
// before May" is before May.
var timeNouns = map[string]bool{
	"hour": true, "hours": true, "day": true, "days": true, "week": true, "weeks": true, "fortnight": true, "fortnights": true,
	"month": true, "months": true, "year": true, "years": true, "decade": true, "decades": true,
	"time": true, "while": true, "night": true, "nights": true, "period": true,
	"stunden": true, "tag": true, "tage": true, "tagen": true, "woche": true, "wochen": true, "monat": true, "monate": true, "monaten": true, "jahre": true, "jahren": true,
	"heures": true, "jour": true, "jours": true, "semaine": true, "semaines": true, "mois": true, "ans": true, "années": true,
}

// ofAnotherTime reports whether the words of a clause before the last k
// of ws, which make a claim with a date, speak of another time near it:
// a noun of time among the three words before them ("a week or so
// before", "the night before").
func ofAnotherTime(ws []string, k int) bool {
	before := ws[:len(ws)-k]
	return slices.ContainsFunc(before[max(0, len(before)-3):], func(w string) bool { return timeNouns[w] })
}

// numberBound returns an error when v, rounded by its format to shown
// and written as text, follows w, words that make it a bound ("more
// than", "under"; dir as claim.Bound gives it), and the claim they make
// of it with the number shown is false (or, where claims cannot read the
// number as shown, it was rounded up after "more than" or down after
// "under"): "more than {{ x.value_at_until | comma }}" of 11,999.6 would
// say "more than 12,000"; after abs, the claim is of the number without
// its sign. A format that shows no rounded number (shown is NaN: approx)
// is left alone.
func (s *Scope) numberBound(e Expr, v Value, text string, shown float64, w string, dir int, said string, opts claim.Options) error {
	ref := e.Ref.String()
	if e.absolute() {
		v.Num, ref = math.Abs(v.Num), ref+" | abs"
	}
	if math.IsNaN(shown) || math.Abs(shown-v.Num) <= 1e-12*math.Abs(v.Num) {
		return nil
	}
	verdict, err := claim.Number(w+" "+text, quantity(v), opts)
	if err != nil {
		if _, err := claim.Number(w+" 1", claim.Quantity{Value: 1}, opts); err != nil {
			return nil // words that bound a count of time alone: "within", "by"
		}
		// Words of large numbers claims do not read ("84,1 millones"):
		// by the way the number was rounded.
		verdict.True = (shown > v.Num) != (dir > 0)
	}
	if verdict.True {
		return nil
	}
	return fmt.Errorf("\"%s\" is false: %s is %s, rounded %s to %s; write it unrounded, or a bound the number holds", said, ref, WrittenNumberIn(s.Locale, v.Num, 0), pick(shown > v.Num, "up", "down"), text)
}

// countBound returns an error when v, a count of whole weeks, months or
// years to a crossing as ref names it (rounded to the nearest), shown as a
// whole number, follows words w that make it a bound its rounding made
// false (dir as claim.Bound gives it; "over", which before a span of time
// also reads as "during", makes none): "within {{ b.weeks_to_limit }} weeks" of a crossing
// 13.4 weeks away would say 13, and "more than" one 13.6 weeks away 14.
// The message quotes the words, said as the page writes them, and the
// count as the page shows it, the unit after them only when the words are
// English, and offers a claim in
// the page's language, as claims write it ("innerhalb von 14 Wochen").
func (s *Scope) countBound(ref Ref, format string, v Value, w string, dir int, said string, opts claim.Options) error {
	exact, c, ok := s.countSpan(ref)
	if !ok || format != "" && format != "comma" && format != "int" {
		return nil
	}
	field := ref.Field[strings.LastIndex(ref.Field, ".")+1:]
	unit := strings.TrimSuffix(field, "s_to_limit")
	if exact <= 0 {
		return nil // a crossing before as_of: pastCrossing warns of it
	}
	// The bound holds of a count rounded its way, and of one that is
	// exact unless the words leave it out ("in under 6 weeks" of 42 days).
	if d := v.Num - exact; !(dir < 0 && (d < 0 || dir == -2 && d == 0) || dir > 0 && w != "over" && (d > 0 || dir == 2 && d == 0)) {
		return nil
	}
	crossing, why := s.countRounding(ref, v, exact, c)
	shown := fmt.Sprintf("%s %s", said, WrittenNumberIn(s.Locale, v.Num, 0))
	if english, _, _ := claim.Bound(said, claim.Options{}); english != "" {
		shown += " " + unit + pick(v.Num == 1, "", "s")
	}
	if dir > 0 {
		return fmt.Errorf("\"%s\" is false: %s; write %q, or the date", shown, why, claim.Wording("about", opts))
	}
	n := math.Ceil(exact)
	within := fmt.Sprintf("within %g %s", n, unit+strings.Repeat("s", min(int(n)-1, 1)))
	if verdict, err := claim.Date(within, c.Date, opts); err == nil && verdict.True {
		within = verdict.Suggest
	}
	return fmt.Errorf("\"%s\" is false: %s; write {{ %s | claim %q }}", shown, why, crossing, within)
}

// overMeansMore reports whether "over" at the end of before, the words
// before a count of time, means "more than" rather than "during": after
// "in", "within", "with" and the other words of overMoreBefore, or a verb
// of taking ("in over 13 weeks", "it takes the ward over 13 weeks"), or
// before "away", "until", "to go" and the like ("over 13 weeks away").
func overMeansMore(before, after string) bool {
	ws := claim.ClauseWords(before)
	if len(ws) >= 2 && slices.Contains(overMoreBefore, ws[len(ws)-2]) {
		return true
	}
	if slices.ContainsFunc(ws[max(0, len(ws)-4):], func(w string) bool { return slices.Contains(takeVerbs, w) }) {
		return true // "it will take the ward over 6 weeks"
	}
	rest := strings.Fields(strings.ToLower(after))
	word := func(i int) string { return strings.TrimRight(rest[i], ".,;:!?)") }
	return len(rest) >= 2 && (slices.Contains(overMoreAfter, word(1)) || len(rest) >= 3 && word(1) == "to" && word(2) == "go")
}

// overMoreBefore are the words right before "over" and a count of time
// that make it "more than": "in over", "with over 6 weeks to go", "it is
// over 6 weeks until"; overMoreAfter the words after the count's unit
// ("over 6 weeks away", "from full", "until", "remain", "left");
// takeVerbs the verbs of needing a time, a few words before "over".
var (
	overMoreBefore = []string{"in", "within", "for", "after", "with", "is", "are", "was", "were", "have", "has", "had", "leave", "leaves", "left"}
	overMoreAfter  = []string{"away", "from", "until", "till", "before", "remain", "remains", "remaining", "left"}
	takeVerbs      = []string{"take", "takes", "took", "taking", "need", "needs", "needed", "require", "requires", "required", "lasts"}
)

// countRounding returns the crossing whose count of time ref is, and
// why v, that count, is or is not the exact span to it (its crossing c,
// exact away): "losses.crossing is 15 April 2025, 13.1 weeks after as_of
// (13 January 2025), and weeks_to_limit is rounded to the nearest week".
func (s *Scope) countRounding(ref Ref, v Value, exact float64, c Value) (crossing, why string) {
	field := ref.Field[strings.LastIndex(ref.Field, ".")+1:]
	unit, asOf := strings.TrimSuffix(field, "s_to_limit"), s.blocks[ref.Block].AsOf.Format(dateLayout)
	crossing = strings.TrimSuffix(ref.String(), field) + "crossing"
	if v.Num == exact {
		return crossing, fmt.Sprintf("%s is %s, %g %s after as_of (%s) to the day", crossing, c.Date.Format(dateLayout), exact, unit+pick(exact == 1, "", "s"), asOf)
	}
	return crossing, fmt.Sprintf("%s is %s, %.1f %ss after as_of (%s), and %s is rounded to the nearest %s",
		crossing, c.Date.Format(dateLayout), exact, unit, asOf, field, unit)
}

// exactWords are the words before a number that say it is not rounded.
var exactWords = []string{"exactly", "precisely", "genau", "exakt", "exactement", "précisément", "exactamente", "esattamente", "precies"}

// exactly returns an error when the last word of the clause before v, a
// number shown rounded as text (to shown, NaN for approx), says it is
// exact: "exactly {{ k.last.value | comma }}" of 1,204.6, "in precisely
// {{ b.months_to_limit }} months" of a crossing 8.4 months away.
func (s *Scope) exactly(e Expr, v Value, text string, shown float64, before string) error {
	ws := claim.ClauseWords(before)
	if len(ws) == 0 || !slices.Contains(exactWords, ws[len(ws)-1]) {
		return nil
	}
	if len(ws) > 1 && (slices.Contains(exactHedges, ws[len(ws)-2]) || strings.HasSuffix(ws[len(ws)-2], "n't")) {
		return nil // "almost exactly", "not exactly", "more or less exactly"
	}
	said := ws[len(ws)-1] + " " + text
	if exact, c, ok := s.countSpan(e.Ref); ok {
		if exact == v.Num || exact <= 0 {
			return nil
		}
		_, why := s.countRounding(e.Ref, v, exact, c)
		return fmt.Errorf("\"%s\" is false: %s; write \"about\", or the date", said, why)
	}
	if math.IsNaN(shown) || math.Abs(shown) == math.Abs(v.Num) {
		return nil
	}
	ref, num := e.Ref.String(), v.Num
	if e.absolute() {
		ref, num = ref+" | abs", math.Abs(num)
	}
	return fmt.Errorf("\"%s\" is false: %s is %s, rounded to %s; write it unrounded, or \"about\"", said, ref, WrittenNumberIn(s.Locale, num, 0), text)
}

// exactHedges are the words before "exactly" that take its claim back:
// "almost exactly", "not exactly", "more or less exactly".
var exactHedges = []string{"almost", "nearly", "not", "less", "roughly", "approximately", "never", "nicht", "fast", "beinahe", "pas", "presque", "quasi"}

// countSpan returns the days, weeks, months or years from as_of to the crossing
// that ref, a count such as weeks_to_limit, gives rounded to a whole one
// (13.1 weeks for a crossing 92 days on), and that crossing; ok is false
// for any other ref. ref's block is one of the scope's, as for
// seenBefore and pastCrossing: eval has looked it up.
func (s *Scope) countSpan(ref Ref) (exact float64, crossing Value, ok bool) {
	scenario, field := ref.scenarioField()
	per, ok := countUnits[field]
	if !ok {
		return 0, Value{}, false
	}
	b := s.blocks[ref.Block]
	c, err := b.Field(scenario + ".crossing")
	if err != nil {
		return 0, Value{}, false
	}
	return calendarSpan(b.AsOf, c.Date, per), c, true
}

// Expand replaces each {{ … }} in text with what it shows, for text that
// a reader reads outside the Markdown body: an article's title and
// description, a chart's title and caption. at gives the position of a
// byte offset of text. Problems go to diags; an expression that fails
// shows nothing. \{{ is a literal "{{".
func (s *Scope) Expand(text string, at func(off int) diag.Pos, diags *diag.List) string {
	if !strings.Contains(text, "{{") {
		return text
	}
	var b strings.Builder
	off := 0
	for {
		i := strings.Index(text[off:], "{{")
		if i < 0 {
			b.WriteString(text[off:])
			return b.String()
		}
		i += off
		if i > 0 && text[i-1] == '\\' {
			b.WriteString(text[off : i-1])
			b.WriteString("{{")
			off = i + 2
			continue
		}
		b.WriteString(text[off:i])
		end := strings.Index(text[i+2:], "}}")
		if end < 0 {
			diags.Errorf(at(i), "unclosed {{: end the value with }} on the same line, or write \\{{ for two braces")
			return b.String()
		}
		src := text[i+2 : i+2+end]
		rest := text[i+2+end+2:]
		ev, err := s.EvalAround(src, text[max(0, i-maxBefore):i], rest[:min(len(rest), maxBefore)], at(i))
		switch {
		case errors.Is(err, ErrReported):
		case err != nil:
			diags.Errorf(at(i), "{{ %s }}: %v", strings.TrimSpace(src), err)
		default:
			b.WriteString(ev.Text)
			if ev.Warning != "" {
				diags.Warnf(at(i), "{{ %s }}: %s", strings.TrimSpace(src), ev.Warning)
			}
		}
		off = i + 2 + end + 2
	}
}
