package claim

import (
	"slices"
	"strings"
	"sync"
	"unicode"
)

// maxBoundWords is the most words Bound reads before a number: "dans
// moins de", "nicht mehr als", "a little more than".
const maxBoundWords = 4

// Bound reads the words that end text, the prose before a number, as a
// claim on a page of o's language reads them before its number: it
// returns them with a sign, + when they make the number a least value
// ("more than", "at least", "no fewer than", "knapp über", "pas moins
// de"), - when they make it a greatest ("under", "nearly", "no more
// than", "knapp", "within" a count of time, "d'ici"), and 2 where they
// leave the number itself out ("more than", "under", "in less than"), 1
// where they let it in ("at least", "no more than", "within"). Of the runs of words that
// end text, the longest that reads is taken, so that "no more than" is
// not read as "more than". It returns "" and 0 for words that bound
// nothing ("about", "some"), and for a bound that ends a comparison
// ("twice as many as", "far more than", "doppelt so viele wie"), where
// the number is what another is compared with.
func Bound(text string, o Options) (string, int) {
	text = strings.ReplaceAll(trimMarkup(text), "’", "'")
	words := strings.TrimRightFunc(text, notWord)
	if strings.ContainsFunc(text[len(words):], endsBound) {
		// A number or a stop between the words and the value: "under
		// 18 (", "aged over 65, ", "(under 18): ".
		return "", 0
	}
	text = words
	last := text[strings.LastIndexFunc(text, func(r rune) bool { return !unicode.IsLetter(r) })+1:]
	runs, ends := boundWords()
	if !ends[strings.ToLower(last)] {
		return "", 0 // the common case: quick, as it is for every value
	}
	ws := strings.FieldsFunc(strings.ToLower(text), notWord)
	for k := min(len(ws), maxBoundWords); k > 0; k-- {
		w := strings.Join(ws[len(ws)-k:], " ")
		if !runs[w] {
			continue
		}
		if dir := boundOf(w, o); dir != 0 {
			if comparedBefore(ws[:len(ws)-k], w, o) {
				return "", 0
			}
			return w, dir
		}
	}
	return "", 0
}

// notWord reports whether r is neither a letter nor an apostrophe, which
// the words before a number are made of.
func notWord(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }

// endsBound reports whether r, between words and a number, parts them: a
// digit, or a mark that closes a phrase or a clause, a table's cell or a
// dash's aside ("65 and over | {{ }}").
func endsBound(r rune) bool { return unicode.IsDigit(r) || strings.ContainsRune(")]:;,.!?|/–—", r) }

// trimMarkup returns text without the HTML at its end that a writer puts
// between words and a number: spaces, an entity ("more than&nbsp;") and
// tags ("more than <strong>").
func trimMarkup(text string) string {
	for {
		text = strings.TrimRightFunc(text, unicode.IsSpace)
		switch {
		case strings.HasSuffix(text, ";"):
			i := strings.LastIndexByte(text, '&')
			if i < 0 || !isEntity(text[i+1:len(text)-1]) {
				return text
			}
			text = text[:i]
		case strings.HasSuffix(text, ">"):
			i := strings.LastIndexByte(text, '<')
			if i < 0 || i+1 == len(text)-1 || !unicode.IsLetter(rune(strings.TrimPrefix(text[i+1:], "/")[0])) {
				return text
			}
			text = text[:i]
		default:
			return text
		}
	}
}

// isEntity reports whether name, between & and ;, names a character:
// "nbsp", "#160", "#xA0".
func isEntity(name string) bool {
	if name == "" || len(name) > 32 {
		return false
	}
	digits := strings.TrimPrefix(name, "#")
	if digits != name {
		digits = strings.TrimPrefix(strings.TrimPrefix(digits, "x"), "X")
		return digits != "" && strings.Trim(digits, "0123456789abcdefABCDEF") == ""
	}
	return strings.IndexFunc(name, func(r rune) bool { return r > unicode.MaxASCII || !unicode.IsLetter(r) && !unicode.IsDigit(r) }) < 0
}

// comparedBefore reports whether the words before, then w, end with a
// comparison longer than w: "twice" before "as many as".
func comparedBefore(before []string, w string, o Options) bool {
	for k := 1; k <= min(len(before), maxBoundWords); k++ {
		run := strings.Join(before[len(before)-k:], " ") + " " + w
		if text, _, _, err := o.read(run, KindComparison); err == nil {
			if _, perr := parseComparison(text); perr == nil {
				return true
			}
		}
	}
	return false
}

// boundWords returns every run of words that Bound may read as a bound, and
// their last words, made on first use and never changed after: the qualifiers of number phrases, the words
// that start a date phrase, and the runs of each language's table; other
// words are passed over without being parsed, as nearly all the words
// before a value are.
var boundWords = sync.OnceValues(func() (map[string]bool, map[string]bool) {
	runs, ends := map[string]bool{}, map[string]bool{}
	add := func(words []string) {
		run := strings.ReplaceAll(strings.Join(words, " "), " ' ", "'")
		runs[run] = true
		ends[run[strings.LastIndexAny(run, " '")+1:]] = true
	}
	for _, q := range numQualifiers {
		add(q.words)
	}
	for _, d := range datePrefixes {
		add(d.words)
	}
	for _, lang := range languages() {
		for _, ps := range lang.phrases {
			for _, p := range ps {
				add(p.words)
			}
		}
	}
	return runs, ends
})

// boundOf says which way the words w bound the number after them, and
// whether they leave it out, as Bound returns them: as the
// qualifier of a number phrase, or as the words of a date phrase that
// bound a count of time ("within", "by", "d'ici").
func boundOf(w string, o Options) int {
	if text, _, _, err := o.read(w+" 1", KindNumber); err == nil {
		if c, perr := parseNumber(text); perr == nil && c.share == nil && c.mag == nil && boundDirs[c.q] != 0 {
			return boundDirs[c.q]
		}
	}
	if text, _, _, err := o.read(w, KindDate); err == nil {
		p := newParser(text)
		rel, ok := longest(p, datePrefixes)
		if ok && p.done() && (rel == relWithin || rel == relWithinLess || rel == relBy) {
			return pick(rel == relWithinLess, -2, -1)
		}
	}
	return 0
}

// boundDirs are the qualifiers that bound a number, as Bound returns them.
var boundDirs = map[numQual]int{
	qAtLeast: 1, qMore: 2, qJustOver: 2, qWellOver: 2,
	qAtMost: -1, qLess: -2, qNearly: -2, qJustUnder: -2, qWellUnder: -2,
}

// fallWords say that a number is a fall, after which its minus sign
// would say so twice: "falling -1.3 a day" reads as a rise.
var fallWords = []string{"falling", "falls", "fell", "fallen", "down", "dropping", "dropped", "drops", "declining", "declined",
	"decreasing", "decreased", "shrinking", "shrank", "shrunk", "sinking", "sank", "losing", "lost",
	"shed", "sheds", "shedding", "dwindling", "dwindled", "fall", "drop", "decline", "decrease", "loss", "reduction", "cut"}

// riseWords say that a number is a rise, after which a minus sign says
// the opposite: "rising -1.3 a day" reads as a fall.
var riseWords = []string{"rising", "rises", "rose", "risen", "up", "growing", "grows", "grew", "grown", "increasing",
	"increased", "increases", "climbing", "climbed", "gaining", "gained", "adding", "added", "adds",
	"rise", "increase", "gain", "growth", "jump"}

// Falls returns the words that end text, the prose before a number, when
// they say that the number is a fall, so that its minus sign would say so
// twice: "falling", "fell by", "a fall of", "down" and their like, and on a page of o's
// language the runs its table reads as them ("sank um", "en baisse de").
// It returns "" for any other words.
func Falls(text string, o Options) string { return says(text, o, fallWords) }

// Rises is Falls for the words that say a number is a rise: "rising",
// "rose by", "a rise of", "up".
func Rises(text string, o Options) string { return says(text, o, riseWords) }

// says returns the words that end text when they are one of change, "by"
// or "of" after it, or a run of o's language that its table reads so.
func says(text string, o Options, change []string) string {
	ws := strings.FieldsFunc(strings.ToLower(strings.ReplaceAll(trimMarkup(text), "’", "'")), notWord)
	// is reports whether english, a word of change and perhaps "by" or
	// "of" after it, says the change; of a table's reading, with words
	// before it.
	is := func(english string, alone bool) bool {
		e := strings.Fields(english)
		if n := len(e); n > 1 && (e[n-1] == "by" || e[n-1] == "of") {
			e = e[:n-1]
		}
		return len(e) > 0 && (!alone || len(e) == 1) && slices.Contains(change, e[len(e)-1])
	}
	if lang := languages()[o.Language]; lang != nil {
		for k := min(len(ws), maxBoundWords); k > 0; k-- {
			run := strings.Join(ws[len(ws)-k:], " ")
			for _, english := range strings.Split(lang.Reads[run], "|") {
				if is(english, false) {
					return run
				}
			}
		}
	}
	for k := 1; k <= min(len(ws), 2); k++ {
		if run := strings.Join(ws[len(ws)-k:], " "); is(run, true) {
			return run
		}
	}
	return ""
}
