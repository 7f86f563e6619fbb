package data

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"unicode"

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
	// every format the check reads, and in the page's language.
	values    *scopeValues
	dateIndex literalIndex
	dates     []localDate
	// marks are how the page's language writes numbers, read by the
	// first CheckLiterals.
	marks *numberMarks
	// history holds each block's series as claims about its history
	// read it (see observations).
	history map[*Block][]claim.Observation
}

// NewScope returns the scope of a page with the given blocks.
func NewScope(blocks []*Block) *Scope {
	s := &Scope{blocks: make(map[string]*Block, len(blocks))}
	for _, b := range blocks {
		s.blocks[b.Name] = b
	}
	return s
}

// Block returns the block called name, or nil.
func (s *Scope) Block(name string) *Block { return s.blocks[name] }

// Blocks returns the page's blocks, by name.
func (s *Scope) Blocks() []*Block {
	out := make([]*Block, 0, len(s.blocks))
	for _, name := range slices.Sorted(maps.Keys(s.blocks)) {
		out = append(out, s.blocks[name])
	}
	return out
}

// Missing returns the error for a block name the page does not declare.
func (s *Scope) Missing(name string) error {
	if len(s.blocks) == 0 {
		return fmt.Errorf("no data block %q on this page (it has none)", name)
	}
	known := slices.Sorted(maps.Keys(s.blocks))
	for _, k := range known {
		if diag.OneEdit(name, k) {
			return fmt.Errorf("no data block %q on this page (known: %s): did you mean %s?", name, strings.Join(known, ", "), k)
		}
	}
	return fmt.Errorf("no data block %q on this page (known: %s)", name, strings.Join(known, ", "))
}

// Lookup returns the value ref names.
func (s *Scope) Lookup(ref Ref) (Value, error) {
	b, ok := s.blocks[ref.Block]
	if !ok {
		return Value{}, s.Missing(ref.Block)
	}
	v, err := b.Field(ref.Field)
	if err != nil && b.Broken {
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

// Eval evaluates e, found at pos. A claim that is false is an error that
// says what the value is and which phrase would be true; a claim whose
// phrase cannot be read is one too. Claims, true or false, are also told
// to OnClaim.
func (s *Scope) Eval(e Expr, pos diag.Pos) (Evaluation, error) { return s.eval(e, "", pos) }

// eval is Eval of a value that follows the text before on its line.
func (s *Scope) eval(e Expr, before string, pos diag.Pos) (Evaluation, error) {
	if e.IsLiteral {
		return Evaluation{Text: e.Literal}, nil
	}
	if e.Claim != nil && isObservation(e.Ref.Field) {
		return s.evalHistory(e, pos)
	}
	v, err := s.Lookup(e.Ref)
	if err != nil {
		return Evaluation{}, err
	}
	if e.Claim != nil {
		return s.evalClaim(e, v, pos)
	}
	text, shown, err := formatShown(s.Locale, v, e.Format, e.Arg, s.Claims.About)
	if err == nil {
		err = s.bound(e, v, text, shown, before)
	}
	if err != nil {
		return Evaluation{}, err
	}
	return Evaluation{Text: text, Value: v, Warning: s.pastCrossing(e.Ref, v)}, nil
}

// pastCrossing returns a warning when ref counts the days or weeks to a
// crossing and v, its value, is below zero: the limit was crossed before
// as_of ("in -8 weeks"), which prose that counts down to it cannot say.
func (s *Scope) pastCrossing(ref Ref, v Value) string {
	scenario, field, ok := strings.Cut(ref.Field, ".")
	if !ok {
		scenario, field = "", ref.Field
	}
	if !strings.HasSuffix(field, "_to_limit") || v.Kind != Number || v.Num >= 0 {
		return ""
	}
	crossing := "crossing"
	if scenario != "" {
		crossing = scenario + ".crossing"
	}
	c, err := s.Lookup(Ref{Block: ref.Block, Field: crossing})
	b := s.blocks[ref.Block]
	if err != nil || b == nil {
		return ""
	}
	return fmt.Sprintf("%s is below zero: the limit is crossed on %s, before as_of (%s), the date it counts from; write about %s.%s instead, or set the block's as_of",
		ref, c.Date.Format(dateLayout), b.AsOf.Format(dateLayout), ref.Block, crossing)
}

// EvalString parses and evaluates the expression src, found at pos.
func (s *Scope) EvalString(src string, pos diag.Pos) (Evaluation, error) {
	return s.EvalAfter(src, "", pos)
}

// EvalAfter is EvalString of an expression that follows the text before
// on its line, whose last words ("within", "more than") may make the value
// a bound that its rounding must keep true (see bound).
func (s *Scope) EvalAfter(src, before string, pos diag.Pos) (Evaluation, error) {
	e, err := ParseExpr(src)
	if err != nil {
		return Evaluation{}, err
	}
	return s.eval(e, before, pos)
}

// maxBefore is how many bytes before a value bound reads, room for the
// longest of the words below ("dans moins de"); markdown hands its
// resolver as many (markdown.maxBefore), so that a line of many values is
// not read again for each.
const maxBefore = 48

// Words that make a count of time to a crossing a bound: it is at most
// (upTo) or at least (past) what follows them.
var (
	upToWords = []string{"within", "within the next", "in the next", "in under", "in less than", "less than", "under", "no more than", "at most",
		"innerhalb", "innerhalb von", "binnen", "in weniger als", "weniger als", "höchstens", "d'ici", "en moins de", "dans moins de", "moins de", "au plus"}
	pastWords = []string{"more than", "in more than", "at least", "no less than", "mehr als", "in mehr als", "mindestens", "plus de", "dans plus de", "au moins"}
	// Words that make a number a bound: at least (over) or at most (under)
	// the number that follows.
	overWords  = []string{"more than", "over", "above", "at least", "mehr als", "über", "mindestens", "plus de", "au moins"}
	underWords = []string{"less than", "fewer than", "under", "below", "at most", "no more than", "up to", "nearly", "almost",
		"weniger als", "unter", "höchstens", "fast", "moins de", "au plus", "presque"}
	// Words that say a number is a fall, after which its minus sign
	// would say so twice: "falling -1.3 a day" reads as a rise.
	fallWords = []string{"falling", "falls", "fell", "fallen", "down", "dropping", "dropped", "drops", "declining", "declined",
		"decreasing", "decreased", "shrinking", "shrank", "sinking", "sank", "losing", "lost",
		"falling by", "fell by", "down by", "dropped by", "declined by", "decreased by", "shrank by"}
)

// bound returns an error when v, shown as text (the number shown, as its
// format rounded it) after the words before it on its line, is a bound
// its rounding made false: a count of weeks,
// months or years to a crossing (countBound), or a number rounded the
// wrong way after "more than" or "under" (numberBound); or when it is
// written with its minus sign after a word that says it falls.
func (s *Scope) bound(e Expr, v Value, text string, shown float64, before string) error {
	if v.Kind != Number || strings.TrimSpace(before) == "" {
		return nil
	}
	before = strings.ReplaceAll(strings.ToLower(before), "’", "'")
	words := strings.FieldsFunc(before, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	ends := func(list []string) string {
		for _, p := range list {
			if endsWith(words, p) {
				return p
			}
		}
		return ""
	}
	if err := s.countBound(e.Ref, e.Format, v, ends); err != nil {
		return err
	}
	if w := ends(fallWords); w != "" && strings.ContainsAny(text[:min(len(text), 3)], "-−") {
		return fmt.Errorf("\"%s %s\" reads as a rise: %s is below zero, and %q already says it falls; write {{ %s | abs }}", w, text, e.Ref, w, e.Ref)
	}
	return s.numberBound(e, v, text, shown, cmp.Or(ends(overWords), ends(underWords)))
}

// endsWith reports whether words end with the words of the phrase p,
// read from its end without splitting it: it runs for every value.
func endsWith(words []string, p string) bool {
	for i := len(words) - 1; p != ""; i-- {
		w := p
		if k := strings.LastIndexByte(p, ' '); k >= 0 {
			w, p = p[k+1:], p[:k]
		} else {
			p = ""
		}
		if i < 0 || words[i] != w {
			return false
		}
	}
	return true
}

// numberBound returns an error when v, rounded by its format to shown
// and written as text, follows w, words that make it a bound ("more
// than", "under"), and the rounding went the way that makes the bound
// false: "more than {{ x.value_at_until | comma }}" of 11,999.6 would say
// "more than 12,000". A format that shows no rounded number (shown is
// NaN: approx, percent, abs) is left alone.
func (s *Scope) numberBound(e Expr, v Value, text string, shown float64, w string) error {
	if w == "" || math.IsNaN(shown) {
		return nil
	}
	if math.Abs(shown-v.Num) <= 1e-12*math.Abs(v.Num) {
		return nil
	}
	up, way := shown > v.Num, "down"
	if up != slices.Contains(overWords, w) {
		return nil
	}
	if up {
		way = "up"
	}
	return fmt.Errorf("\"%s %s\" is false: %s is %s, rounded %s to %s; write it unrounded, or a bound the number holds", w, text, e.Ref, WrittenNumberIn(s.Locale, v.Num, 0), way, text)
}

// countBound returns an error when v, a count of whole weeks, months or
// years to a crossing as ref names it (rounded to the nearest), shown as a
// whole number, follows words (ends finds them) that make it a bound its
// rounding made false: "within {{ b.weeks_to_limit }} weeks" of a crossing
// 13.4 weeks away would say 13, and "more than" one 13.6 weeks away 14.
func (s *Scope) countBound(ref Ref, format string, v Value, ends func([]string) string) error {
	scenario, field, ok := strings.Cut(ref.Field, ".")
	if !ok {
		scenario, field = "central", ref.Field
	}
	months := 0 // weeks
	switch field {
	case "months_to_limit":
		months = 1
	case "years_to_limit":
		months = 12
	case "weeks_to_limit":
	default:
		return nil
	}
	b := s.blocks[ref.Block]
	if b == nil || (format != "" && format != "comma" && format != "int") {
		return nil
	}
	c, err := b.Field(scenario + ".crossing")
	if err != nil {
		return nil
	}
	unit := strings.TrimSuffix(field, "s_to_limit")
	exact := float64(daysBetween(b.AsOf, c.Date)) / 7
	if months > 0 {
		exact = calendarSpan(b.AsOf, c.Date, months)
	}
	if exact <= 0 {
		return nil // a crossing before as_of: pastCrossing warns of it
	}
	crossing := strings.TrimSuffix(ref.String(), field) + "crossing"
	why := fmt.Sprintf("%s is %s, %.1f %ss after as_of (%s), and %s is rounded to the nearest %s",
		crossing, c.Date.Format(dateLayout), exact, unit, b.AsOf.Format(dateLayout), field, unit)
	if w := ends(upToWords); w != "" && v.Num < exact {
		n := math.Ceil(exact)
		return fmt.Errorf("\"%s %g %ss\" is false: %s; write {{ %s | claim \"within %g %s\" }}", w, v.Num, unit, why, crossing, n, unit+strings.Repeat("s", min(int(n)-1, 1)))
	}
	if w := ends(pastWords); w != "" && v.Num > exact && exact > 0 {
		return fmt.Errorf("\"%s %g %ss\" is false: %s; write \"about\", or the date", w, v.Num, unit, why)
	}
	return nil
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
		ev, err := s.EvalAfter(src, text[max(0, i-maxBefore):i], at(i))
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
