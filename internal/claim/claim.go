package claim

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"math"
	"math/big"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// DefaultAbout is the relative tolerance of "about", "nearly", "just over"
// and the like when Options.About is 0: five per cent.
const DefaultAbout = 0.05

// Options is what a phrase is read against.
type Options struct {
	// AsOf is the day "within N weeks" counts from, and the day against
	// which a phrase that leaves out the year is placed: it means the first
	// such period that does not end before AsOf. It is taken as a day in
	// UTC. Phrases that need it are an error while it is zero.
	AsOf time.Time
	// About is the relative tolerance of "about", "nearly", "just over" and
	// their kin: 0.05 lets "about 12,000" hold from 11,400 to 12,600. Zero
	// means DefaultAbout; it must be less than 1.
	About float64
	// Southern reads seasons as in the southern hemisphere: spring is
	// September to November, summer December to February, autumn March to
	// May and winter June to August.
	Southern bool
	// Language is the base language of the page, "de" or "fr": a phrase
	// whose words are all of that language is read as its English twin
	// ("bis Mitte April" as "by mid-April"), with numbers written as the
	// language writes them; any other phrase is read as English. Empty,
	// or a language without a table of words, reads English only.
	Language string
	// Decimal and Group are the marks the page's numbers are written
	// with, "," and "." in German, for phrases read in Language; empty
	// takes the language's own.
	Decimal, Group string
}

// Quantity is a number checked by Number or Compare.
type Quantity struct {
	// Value is the number.
	Value float64
	// Percent says Value is in percent units already (5 means 5%). When it
	// is false, a phrase with a percent sign is checked against Value×100.
	Percent bool
	// Scale is the power of ten Value is counted in, 12 for a value in
	// "trillion dollars"; 0 for ones. A number phrase that names a
	// multiplier of a thousand or more ("$38 trillion", "tens of
	// millions") is checked against Value×10^Scale; one without, against
	// Value as it is, for prose that gives the unit after the phrase
	// ("about 38 trillion dollars"). Two values of different scales are
	// compared at their full size.
	Scale int
	// Points says Value is in percentage points: a change of a value in
	// percent (a rise from 4.2% to 4.7% is 0.5 points), or a number of a
	// unit that says so. A number phrase in percent ("about 0.5%") or a
	// share ("half") of it is refused, as readers take 0.5% of 4.2% for
	// 0.021 points.
	Points bool
}

// Verdict is the outcome of checking one claim.
type Verdict struct {
	// True says the value makes the claim true.
	True bool
	// Meaning says what the phrase stands for, in words: "on or before 31
	// May 2025", "11,400 to 12,600", "a ratio of at least 8.5 and under 9.5".
	Meaning string
	// Value is the value as a message shows it: "23 August 2025",
	// "11,960", "2,700 is 9 times 300".
	Value string
	// Suggest is a phrase of the same kind that the value makes true:
	// "late August 2025", "about 12,000", "within 19 weeks", "nine times
	// as many as". It is set whether or not the claim holds.
	Suggest string
}

// Kind is the kind of value a phrase is about.
type Kind int

const (
	// KindDate is a phrase about a date: "by spring 2025", "within 6 weeks".
	KindDate Kind = iota + 1
	// KindNumber is a phrase about a number: "about 12,000", "over 5%".
	KindNumber
	// KindComparison is a phrase about one number against another:
	// "more than", "nine times as many as", "a third of".
	KindComparison
	// KindHistory is a phrase about an observation against the rest of
	// its series: "up 3% on a year earlier", "the highest since 1998".
	KindHistory
)

// String names k: "date", "number", "comparison" or "history".
func (k Kind) String() string {
	return cmp.Or(map[Kind]string{KindDate: "date", KindNumber: "number", KindComparison: "comparison", KindHistory: "history"}[k], "unknown")
}

// examples lists phrases of each kind that error messages offer.
var examples = map[Kind]string{
	0:              `a date, number, comparison or history phrase such as "by spring 2025", "about 12,000", "more than" or "up 3% on a year earlier"`,
	KindDate:       `a date phrase such as "by spring 2025", "mid-April", "before the end of March" or "within 6 weeks"`,
	KindNumber:     `a number phrase such as "about 12,000", "more than 1.5 million", "between 10% and 15%" or "nearly twenty"`,
	KindComparison: `a comparison such as "more than", "about the same as", "nine times as many as" or "a third of"`,
	KindHistory:    `a phrase about a series' history such as "up 3% on a year earlier", "doubled since 1990", "the highest since 1998" or "has risen every year since 2010"`,
}

// Error reports a phrase that cannot be checked as the kind asked for.
type Error struct {
	// Phrase is the phrase as given.
	Phrase string
	// Want is the kind of phrase that was asked for.
	Want Kind
	// Is is the kind the phrase reads as instead, or 0 if it reads as none:
	// "about 12,000" given to Date is a KindNumber.
	Is Kind
	// Reason says what is wrong when more is known than that the phrase is
	// not understood: "29 February 2025 is not a day".
	Reason string
	// in is the page's language, whose words a slip is put right to; nil
	// for English.
	in *local
}

// Error says what is wrong with the phrase. A phrase that is not
// understood gets examples of phrases that are.
func (e *Error) Error() string {
	switch {
	case e.Reason != "":
		return fmt.Sprintf("cannot read %q: %s", shorten(e.Phrase), e.Reason)
	case e.Is != 0:
		return fmt.Sprintf("%q is a %s phrase, not a %s phrase", e.Phrase, e.Is, e.Want)
	}
	if near := respell(e.Phrase, e.Want, e.in); near != "" {
		return fmt.Sprintf("cannot read %q: did you mean %q?", e.Phrase, near)
	}
	if e.in != nil && e.in.speaks(e.Phrase) {
		return fmt.Sprintf("cannot read %q: want %s", e.Phrase, e.in.lang.examples[e.Want])
	}
	return fmt.Sprintf("cannot read %q: want %s", e.Phrase, examples[e.Want])
}

// shorten returns phrase cut to its first characters when it is longer
// than a phrase may be, so that an error quotes its start, not a page.
func shorten(phrase string) string {
	if utf8.RuneCountInString(phrase) <= maxPhrase {
		return phrase
	}
	end := 0
	for range 60 {
		_, n := utf8.DecodeRuneInString(phrase[end:])
		end += n
	}
	return phrase[:end] + "…"
}

// respell returns phrase with one misspelt word put right ("Febuary",
// "fourty", "thousnad", "droped", "higest"; "Febuar" on a page in
// German), when a word of four letters or more is one slip from a month, a
// season, a number word, a verb of a change ("doubled", "dropped"), a word
// of a series' history ("highest", "record", "earlier"), or a word of the
// page's language l, and the phrase then reads as the kind want (any kind
// when want is 0). It returns "" otherwise.
func respell(phrase string, want Kind, l *local) string {
	var vocabulary []string
	for _, words := range []map[string]int{numberWords, tensWords, multipliers, partWords, multipleWords, multipleVerbs, superlatives, ordinals} {
		vocabulary = slices.AppendSeq(vocabulary, maps.Keys(words))
	}
	vocabulary = slices.AppendSeq(vocabulary, maps.Keys(changeVerbs))
	vocabulary = append(vocabulary, "halved")
	vocabulary = slices.AppendSeq(vocabulary, maps.Keys(monthNames))
	vocabulary = slices.AppendSeq(vocabulary, maps.Keys(seasonNames))
	vocabulary = append(vocabulary, "record", "earlier", "previous", "consecutive", "every")
	if l != nil {
		vocabulary = append(vocabulary, l.lang.vocabulary()...)
	}
	slices.Sort(vocabulary)
	vocabulary = slices.Compact(vocabulary)
	reads := func(s string) bool {
		if l == nil {
			return parseAs(s, want) == nil
		}
		text, _, _, err := l.options().read(s, want)
		return err == nil && parseAs(text, want) == nil
	}
	words := pick(l != nil, letterWords, asciiWords) // on an English page, a to z alone
	for _, at := range words.FindAllStringIndex(phrase, -1) {
		start, end := at[0], at[1]
		word := strings.ToLower(phrase[start:end])
		if utf8.RuneCountInString(word) >= 4 && !slices.Contains(vocabulary, word) {
			for _, v := range vocabulary {
				if utf8.RuneCountInString(v) < 4 || !oneEdit(word, v) {
					continue
				}
				if first, _ := utf8.DecodeRuneInString(phrase[start:]); unicode.IsUpper(first) {
					r, size := utf8.DecodeRuneInString(v)
					v = string(unicode.ToUpper(r)) + v[size:]
				}
				if s := phrase[:start] + v + phrase[end:]; reads(s) {
					return s
				}
			}
		}
	}
	return ""
}

// asciiWords and letterWords match the words of a phrase, runs of the
// letters a to z or of any letters.
var asciiWords, letterWords = regexp.MustCompile(`[A-Za-z]+`), regexp.MustCompile(`\pL+`)

// KindOf returns the kind of value phrase, read as English, is about. A
// phrase that reads as more than one kind, such as "2025" (a year, or the
// number 2025), reports the first of date, number, comparison and history.
func KindOf(phrase string) (Kind, error) {
	if err := tooLong(phrase, 0); err != nil {
		return 0, err
	}
	for k := KindDate; k <= KindHistory; k++ {
		if err := parseAs(phrase, k); err == nil || err.Reason != "" {
			return k, nil
		}
	}
	return 0, &Error{Phrase: phrase}
}

// maxPhrase is the most characters a phrase may have. The longest the
// tables read has some fifty; a longer one is a sentence, not a claim,
// and reading it would take time out of proportion to what it could say.
const maxPhrase = 200

// tooLong returns the error for a phrase longer than maxPhrase, or nil.
func tooLong(phrase string, want Kind) *Error {
	if n := utf8.RuneCountInString(phrase); n > maxPhrase {
		return &Error{Phrase: phrase, Want: want, Reason: fmt.Sprintf("a claim is a phrase of at most %d characters, not %d", maxPhrase, n)}
	}
	return nil
}

// wrongKind returns the error for a phrase that does not read as want:
// it names the kind the phrase is, when it is one.
func wrongKind(phrase string, want Kind, err *Error) error {
	if err.Reason != "" {
		return err
	}
	if k, kerr := KindOf(phrase); kerr == nil && k != want {
		return &Error{Phrase: phrase, Want: want, Is: k}
	}
	return &Error{Phrase: phrase, Want: want}
}

// about returns the tolerance o asks for as an exact decimal, or why it
// cannot be used, or a value of qs is no finite number to check.
func (o Options) about(qs ...Quantity) (*big.Rat, error) {
	a := cmp.Or(o.About, DefaultAbout)
	if math.IsNaN(a) || a < 0 || a >= 1 {
		return nil, fmt.Errorf("tolerance of \"about\" is %v; want a fraction from 0 to 1, such as 0.05", o.About)
	}
	for _, q := range qs {
		if math.IsNaN(q.Value) || math.IsInf(q.Value, 0) {
			return nil, errors.New("the value is not a finite number")
		}
	}
	return ratOf(a), nil
}
