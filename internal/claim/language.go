package claim

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// language is how a language other than English writes the phrases of
// claims: a table of its words, and runs of them, each with the English
// it stands for. A phrase all of whose words are in the table is read as
// its English twin, so that each phrase means what its twin means; any
// other is read as English.
type language struct {
	spec
	code string // "de", as Options.Language names it: the file's name
	// phrases and writes are Reads and Writes by the first word of each
	// run, fixes the Fixes compiled, examples the Examples by kind.
	phrases, writes table
	fixes           []*regexp.Regexp
	examples        map[Kind]string
}

// spec is a language as its file in languages/ writes it;
// docs/claims-in-languages.md says what each field holds.
type spec struct {
	Name string // "German", as messages name it
	// Decimal and Group are the marks its numbers are written with when
	// Options give none; DateMark is the mark between the day, the month
	// and the year of a date written with numbers: "." in German.
	Decimal, Group string
	DateMark       string `yaml:"dateMark"`
	// Before, Through and By write a period p where an "until" that
	// readers take two ways, as before p and as through it, is refused:
	// "vor", "bis Ende" and "bis" in German. Until holds, by a period as
	// written after "until", the wordings of before and through it that
	// the grammar asks for ("vor dem Sommer", "bis Ende des Sommers").
	Before, Through, By string
	Until               map[string][2]string
	// Reads are runs of its words with the English they stand for: one or
	// more alternatives split by "|", of which the first that reads as the
	// kind wanted is taken ("sept" is September in "sept. 2025" and seven
	// in "sept semaines"). An empty alternative drops the words. An
	// alternative follows the English before it as the words it stands
	// for follow theirs, glued ("mi-avril", "T1") or after a space, unless
	// it starts with a space.
	Reads map[string]string
	// Writes are runs of English words with the language's, as a
	// suggestion is written in the language: "mid -" is "Mitte" in German.
	// An alternative ending in a hyphen is glued to what follows it; one
	// starting with "+" to what comes before ("drei" and "+mal",
	// "dreimal"). Fixes, regular expressions and their replacements, put
	// right what Writes gives word by word ("im 2025" is "im Jahr 2025").
	Writes map[string]string
	Fixes  [][2]string
	// Examples are the phrases of each kind that an error offers for a
	// phrase written in the language, as examples does for English.
	Examples struct{ Any, Date, Number, Comparison, History string }
}

// files holds the tables of the languages whose phrases are read besides
// English, one file a language named by its base language.
//
//go:embed languages/*.yaml
var files embed.FS

// languages returns the languages of files by their base language, read
// on first use and never changed after.
var languages = sync.OnceValue(readLanguages)

// readLanguages reads the languages of files. A mistake in a file is
// plotline's own: it panics, and TestLanguageFiles with it.
func readLanguages() map[string]*language {
	runs := func(pairs map[string]string, in *local) table {
		out := table{}
		for _, run := range slices.Sorted(maps.Keys(pairs)) {
			toks, _ := lexIn(run, in)
			first := toks[0].text
			out[first] = append(out[first], phrase[[]string]{words: ws(toks), is: strings.Split(pairs[run], "|")})
		}
		return out
	}
	out := map[string]*language{}
	names, _ := fs.Glob(files, "languages/*.yaml")
	for _, name := range names {
		var sp spec
		src, _ := files.ReadFile(name)
		dec := yaml.NewDecoder(bytes.NewReader(src))
		dec.KnownFields(true)
		if err := dec.Decode(&sp); err != nil {
			panic(fmt.Sprintf("claim: %s: %v", name, err))
		}
		e := sp.Examples
		lang := &language{spec: sp, code: strings.TrimSuffix(path.Base(name), ".yaml"),
			examples: map[Kind]string{0: e.Any, KindDate: e.Date, KindNumber: e.Number, KindComparison: e.Comparison, KindHistory: e.History}}
		lang.phrases = runs(sp.Reads, &local{lang: lang, decimal: sp.Decimal, group: sp.Group})
		lang.writes = runs(sp.Writes, nil)
		for _, f := range sp.Fixes {
			lang.fixes = append(lang.fixes, regexp.MustCompile(f[0]))
		}
		out[lang.code] = lang
	}
	return out
}

// table holds runs of words, each with the words that stand for it, by
// the run's first word.
type table map[string][]phrase[[]string]

// longest consumes the longest run of t that comes next and returns what
// it stands for (none past the end, whose token has no text).
func (t table) longest(p *parser) ([]string, bool) {
	return longest(p, t[p.peek(0).text])
}

// maxReadings caps the English phrases one phrase may stand for.
const maxReadings = 16

// translation is a phrase of a language as English reads it.
type translation struct {
	texts []string // the English phrases it may stand for, the likeliest first
	// until is where the period after an "until" starts in the phrase
	// folded to lower case, or -1.
	until int
}

// translate returns the English phrases toks stand for, and false when a
// word of them is not in lang's table.
func (lang *language) translate(toks []token) (translation, bool) {
	tr := translation{until: -1}
	until := func(alts []string, p *parser) {
		if alts[0] == "until" && !p.done() {
			tr.until = p.peek(0).at
		}
	}
	var ok bool
	tr.texts, ok = lang.phrases.readings(toks, join, func(t token) string { return t.text }, until)
	return tr, ok
}

// readings returns the texts toks may be read as, at most maxReadings of
// them, and false at a word t lacks: each run of words t holds stands for
// each of its alternatives, and any other token for other's text of it,
// joined by join. found, when set, is told of each run's alternatives,
// with p after the run.
func (t table) readings(toks []token, join func(text, alt string, glued bool) string, other func(token) string, found func(alts []string, p *parser)) ([]string, bool) {
	texts := []string{""}
	p := &parser{toks: toks}
	for !p.done() {
		tok, start := p.peek(0), p.pos
		alts, ok := t.longest(p)
		switch {
		case ok && found != nil:
			found(alts, p)
		case ok:
		case tok.kind == tWord:
			return nil, false
		default:
			alts = []string{other(tok)}
			p.pos++
		}
		var next []string
		for _, text := range texts {
			for _, alt := range alts {
				next = append(next, join(text, alt, toks[start].glued))
			}
		}
		texts = next[:min(len(next), maxReadings)]
	}
	return texts, true
}

// join appends the English alt to text: glued when the words it stands
// for are glued to those before them ("mi-avril", "T1"), unless alt starts
// with a space or would run two words into one.
func join(text, alt string, glued bool) string {
	if alt == "" {
		return text
	}
	last, _ := utf8.DecodeLastRuneInString(text)
	first, _ := utf8.DecodeRuneInString(alt)
	if text == "" || glued && first != ' ' && !(unicode.IsLetter(last) && unicode.IsLetter(first)) {
		return text + alt
	}
	return text + " " + strings.TrimPrefix(alt, " ")
}

// options returns Options that read phrases as l does.
func (l *local) options() Options {
	return Options{Language: l.lang.code, Decimal: l.decimal, Group: l.group}
}

// currencyAfter matches a currency sign written after its number, as
// German and French write it: "12.000 €", "3 Mrd. €".
var currencyAfter = regexp.MustCompile(`(^|\s)(-?[0-9][0-9,.]*(?:\s(?:thousand|million|billion|trillion))?)\s?([€$£])(\s|$)`)

// read returns the English text phrase is read as on a page of o's
// language: phrase itself when o's language has no table or a word of
// phrase is not in it, and otherwise the first English twin that reads as
// want (or as any kind). It returns the page's reading, nil for English;
// the translation, nil for a phrase read as English; and an error for a
// phrase of the language whose numbers cannot be read.
func (o Options) read(phrase string, want Kind) (string, *local, *translation, *Error) {
	l := localOf(o)
	if l == nil {
		return phrase, nil, nil, nil
	}
	toks, why := lexIn(phrase, l)
	tr, ok := l.lang.translate(toks)
	if !ok {
		return phrase, l, nil, nil
	}
	if why != "" {
		return "", l, nil, &Error{Phrase: phrase, Want: want, Reason: why, in: l}
	}
	for i, text := range tr.texts {
		tr.texts[i] = currencyAfter.ReplaceAllString(untilDay(text), "$1$3$2$4")
	}
	return choose(tr.texts, want), l, &tr, nil
}

// untilDay reads "until" before a day as "by": "bis zum 15. April", "bis
// 15.4.2025" and "jusqu'au 15 avril" take in the day, as "by 15 April"
// does.
func untilDay(text string) string {
	if m := untilADay.FindStringSubmatch(text); m != nil {
		if day, _ := strconv.Atoi(m[1]); day <= 31 { // no day: an ISO date
			return "by " + strings.TrimPrefix(text, "until ")
		}
	}
	return text
}

// untilADay matches "until" before a day of the month or an ISO date.
var untilADay = regexp.MustCompile(`^until (?:([0-9]{1,2}) |[0-9]{4}-[0-9]{2}-[0-9]{2}(?:\s|$))`)

// choose returns the first of texts that reads as want, or else the
// first that is a phrase of want but a wrong one, or else the first that
// reads as any kind, or else the first.
func choose(texts []string, want Kind) string {
	if len(texts) == 1 {
		return texts[0]
	}
	for _, pass := range []func(*Error) bool{
		func(err *Error) bool { return err == nil },
		func(err *Error) bool { return err != nil && err.Reason != "" },
	} {
		for _, text := range texts {
			if pass(parseAs(text, want)) {
				return text
			}
		}
	}
	for _, text := range texts {
		if _, err := KindOf(text); err == nil {
			return text
		}
	}
	return texts[0]
}

// parseAs reads the English text as want (any kind for 0) and returns why
// it does not read, or nil.
func parseAs(text string, want Kind) *Error {
	var err *Error
	switch want {
	case KindDate:
		_, err = parseDate(text)
	case KindNumber:
		_, err = parseNumber(text)
	case KindComparison:
		_, err = parseComparison(text)
	case KindHistory:
		_, err = parseHistory(text)
	default:
		if _, kerr := KindOf(text); kerr != nil {
			return &Error{Phrase: text}
		}
	}
	return err
}

// check reads phrase on a page of o's language, as the kind want, and has
// f check the English text it is read as. A suggestion is written in the
// page's language where it can be.
func (o Options) check(phrase string, want Kind, f func(text string) (Verdict, error)) (Verdict, error) {
	verdict, l, err := o.checkIn(phrase, want, f)
	if err != nil || l == nil {
		return verdict, err
	}
	verdict.Suggest = l.suggest(verdict.Suggest, func(s string) bool {
		v, _, err := o.checkIn(s, want, f)
		return err == nil && v.True
	})
	return verdict, nil
}

// checkIn is check without writing the suggestion in the page's
// language; it returns the page's reading, nil for English.
func (o Options) checkIn(phrase string, want Kind, f func(text string) (Verdict, error)) (Verdict, *local, error) {
	if err := tooLong(phrase, want); err != nil {
		return Verdict{}, nil, err
	}
	text, l, tr, rerr := o.read(phrase, want)
	if rerr != nil {
		return Verdict{}, l, rerr
	}
	verdict, err := f(text)
	return verdict, l, l.finish(err, phrase, text, tr)
}

// finish turns err, about the English text a phrase was read as, into an
// error about the phrase as written.
func (l *local) finish(err error, phrase, text string, tr *translation) error {
	if err == nil || l == nil {
		return err
	}
	var e *Error
	if errors.As(err, &e) {
		out := *e
		out.Phrase, out.in = phrase, l
		if tr != nil && tr.until >= 0 && strings.HasPrefix(text, "until ") && out.Reason != "" {
			out.Reason = l.untilReason(phrase, tr.until)
		} else if tr != nil {
			out.Reason = l.rewrite(out.Reason, out.Want)
		}
		return &out
	}
	if text == phrase {
		return err
	}
	return errors.New(strings.ReplaceAll(err.Error(), strconv.Quote(text), strconv.Quote(phrase)))
}

// quoted matches a phrase quoted in a message.
var quoted = regexp.MustCompile(`"[^"]+"`)

// rewrite returns the reason a phrase of l's language is refused with the
// phrases it offers ("write \"within 6 weeks\"") written in the language
// where they read there as the kind want.
func (l *local) rewrite(reason string, want Kind) string {
	return quoted.ReplaceAllStringFunc(reason, func(q string) string {
		for _, w := range l.write(q[1 : len(q)-1]) {
			text, _, tr, err := l.options().read(w, want)
			if err == nil && tr != nil && parseAs(text, want) == nil {
				return strconv.Quote(w)
			}
		}
		return q
	})
}

// untilReason says why an "until" phrase is refused, from the period that
// starts at byte at of the phrase folded to lower case, and what to write
// instead: the first of the language's wordings that reads as a date.
func (l *local) untilReason(phrase string, at int) string {
	lang := l.lang
	lower := strings.ToLower(phrase)
	rest := strings.TrimSpace(pick(len(lower) == len(phrase), phrase, lower)[at:])
	key := strings.ToLower(rest)
	first := func(cands ...string) string {
		for _, c := range cands {
			text, _, tr, err := l.options().read(c, KindDate)
			if err == nil && tr != nil && parseAs(text, KindDate) == nil {
				return strconv.Quote(c)
			}
		}
		return strconv.Quote(cands[len(cands)-1])
	}
	// "jusqu'à fin avril": by then, or in its last days?
	if i := strings.LastIndex(lang.Through, " "); i >= 0 && strings.HasPrefix(key, strings.ToLower(lang.Through[i+1:])+" ") {
		return "readers take it both as by then and as in its last days; write " +
			first(lang.Through[:i]+" "+rest) + " or " + strconv.Quote(rest)
	}
	forms := lang.Until[key]
	return "readers take it both as before that time and as through it; write " +
		first(forms[0], lang.Before+" "+rest) + " or " + first(forms[1], lang.Through+" "+rest, lang.By+" "+rest)
}

// speaks reports whether phrase has a word of l's language that English
// does not share: "bis" or "Frühjahr", but not "April".
func (l *local) speaks(phrase string) bool {
	toks, _ := lexIn(phrase, l)
	p := &parser{toks: toks}
	for !p.done() {
		start := p.pos
		alts, ok := l.lang.phrases.longest(p)
		if !ok {
			p.pos++
			continue
		}
		if alts[0] != strings.Join(ws(toks[start:p.pos]), " ") {
			return true
		}
	}
	return false
}

// ws returns the texts of toks.
func ws(toks []token) []string {
	var out []string
	for _, t := range toks {
		out = append(out, t.text)
	}
	return out
}

// vocabulary returns the single words of lang's table of four letters or
// more, which a slip in a phrase may be put right to.
func (lang *language) vocabulary() []string {
	var out []string
	for _, runs := range lang.phrases {
		for _, e := range runs {
			if len(e.words) == 1 && utf8.RuneCountInString(e.words[0]) >= 4 && isWord(e.words[0]) {
				out = append(out, e.words[0])
			}
		}
	}
	slices.Sort(out)
	return out
}

// isWord reports whether s is letters only.
func isWord(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
}

// oneEdit reports whether a and b differ by one letter changed, added or
// removed, or two neighbours swapped, counting letters, not bytes.
func oneEdit(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	i := 0
	for i < len(ra) && ra[i] == rb[i] {
		i++
	}
	same := func(x, y []rune) bool { return string(x) == string(y) }
	switch {
	case len(ra) == len(rb):
		if i == len(ra) {
			return false
		}
		if same(ra[i+1:], rb[i+1:]) {
			return true
		}
		return i+1 < len(ra) && ra[i] == rb[i+1] && ra[i+1] == rb[i] && same(ra[i+2:], rb[i+2:])
	case len(ra)+1 == len(rb):
		return same(ra[i:], rb[i+1:])
	}
	return false
}

// suggest returns the English suggestion s as the language writes it, the
// first of its wordings that holds (as holds reports); s itself when the
// language has no wording of it that holds, with its numbers written as
// the language writes them when s would otherwise be read as a phrase of
// the language.
func (l *local) suggest(s string, holds func(string) bool) string {
	if s == "" {
		return s
	}
	for _, w := range l.write(s) {
		if holds(w) {
			return w
		}
	}
	if toks, _ := lexIn(s, l); func() bool { _, ok := l.lang.translate(toks); return ok }() {
		if w := l.numbers(s); holds(w) {
			return w
		}
	}
	return s
}

// write returns the wordings of the English phrase s in l's language, or
// none when a word of s has none.
func (l *local) write(s string) []string {
	texts, _ := l.lang.writes.readings(lex(s), writeJoin, func(t token) string { return pick(t.kind == tNum, l.number(t.text), t.text) }, nil)
	for i, text := range texts {
		for i, re := range l.lang.fixes {
			text = re.ReplaceAllString(text, l.lang.Fixes[i][1])
		}
		texts[i] = text
	}
	return texts
}

// writeJoin appends alt to text as the language writes it: after a space,
// unless text ends in a hyphen, alt starts with "+", or alt is a mark
// glued to what came before it in English ("12%").
func writeJoin(text, alt string, glued bool) string {
	switch {
	case text == "":
		return strings.TrimPrefix(alt, "+")
	case strings.HasPrefix(alt, "+"):
		return text + alt[1:]
	case strings.HasSuffix(text, "-"), glued && !isWord(alt[:1]):
		return text + alt
	}
	return text + " " + alt
}

// number writes the number text, as English writes it ("-12,000.5"), with
// l's marks; a fraction of three zeros, which the language's readers
// would take for a group, is left out.
func (l *local) number(text string) string {
	whole, frac, hasFrac := strings.Cut(text, ".")
	out := strings.ReplaceAll(whole, ",", l.group)
	// "10,000" is refused as English's ten thousand; "10" allows every
	// number "10.000" does.
	if hasFrac && frac != "000" {
		out += l.decimal + frac
	}
	return out
}

// numbers writes every number of the English phrase s with l's marks.
func (l *local) numbers(s string) string {
	var b strings.Builder
	for i, t := range lex(s) {
		text := pick(t.kind == tNum, l.number(t.text), t.text)
		if i > 0 && !t.glued {
			b.WriteByte(' ')
		}
		b.WriteString(text)
	}
	return b.String()
}
