package claim

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
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
// nothing ("about", "some"), for a bound that ends a comparison
// ("twice as many as", "far more than", "doppelt so viele wie"), where
// the number is what another is compared with, and for "up to" after a
// verb of a rise ("went up to", "brings the total up to").
//
// A negation a few words before the bound, in its clause, turns it
// ("never fell below", "was not over", "no ward has more than"; see
// Negation): Bound then returns the bound it makes, in the words a claim
// reads in the page's language ("at least", "mindestens"), and said, the
// page's own words from the negation on; said is words otherwise. A
// negated bound that is not a plain one ("not nearly", "not within", "not
// as many as", "not up to") bounds nothing.
func Bound(text string, o Options) (words string, dir int, said string) {
	text = boundMarks.Replace(trimMarkup(text))
	trimmed := strings.TrimRightFunc(text, notWord)
	if strings.ContainsFunc(text[len(trimmed):], endsBound) {
		// A number or a stop between the words and the value: "under
		// 18 (", "aged over 65, ", "(under 18): ".
		return "", 0, ""
	}
	text = trimmed
	last := strings.ToLower(text[len(strings.TrimRightFunc(text, unicode.IsLetter)):])
	runs, ends := boundWords()
	if !ends[last] && !slices.Contains(valueWords, last) {
		return "", 0, "" // the common case: quick, as it is for every value
	}
	ws := strings.FieldsFunc(strings.ToLower(text), notWord)
	if words, dir, said, ok := boundAt(text, ws, 0, runs, o); ok {
		return words, dir, said
	}
	// Words that qualify the number between the bound and it: "more than
	// an estimated", "fewer than a reported", "over a total of".
	if skip := valueWordsEnd(ws); skip > 0 {
		if words, dir, said, ok := boundAt(text, ws, skip, runs, o); ok {
			return words, dir, said
		}
	}
	return "", 0, ""
}

// boundAt is Bound of the lower-case words ws of text, the last skip of
// them valueWords: it reads the longest run of runs before them, and ok
// is whether one reads as a bound or as words that bound nothing (a
// comparison, "a row over"), which is then what Bound returns.
func boundAt(text string, ws []string, skip int, runs map[string]bool, o Options) (words string, dir int, said string, ok bool) {
	head := ws[:len(ws)-skip]
	for k := min(len(head), maxBoundWords); k > 0; k-- {
		w := strings.Join(head[len(head)-k:], " ")
		if !runs[w] {
			continue
		}
		dir, plain := boundOf(w, o)
		if dir == 0 {
			continue
		}
		before := head[:len(head)-k]
		switch {
		case comparedBefore(before, w, o), w == "up to" && risesUp(before), notBound(before, w):
			return "", 0, "", true
		case strings.HasSuffix(w, "past") && !movesPast(before):
			continue // "in the past", "his past"
		}
		// The negation is sought in the bound's own clause, its words
		// hyphens and all: "Not-for-profits hold over" has none.
		clause := ClauseWords(text)
		if i := Negation(clause[:max(0, len(clause)-k-skip)]); i >= 0 {
			if !plain || slices.Contains([]string{"up to", "as many as", "as much as", "as high as"}, w) {
				// "not as many as", "not up to": fewer, not more.
				return "", 0, "", true
			}
			turned := map[int]string{2: "at most", 1: "less than", -1: "more than", -2: "at least"}[dir]
			return Wording(turned, o), map[int]int{2: -1, 1: -2, -1: 2, -2: 1}[dir], strings.Join(clause[i:], " "), true
		}
		return w, dir, strings.Join(ws[len(head)-k:], " "), true
	}
	return "", 0, "", false
}

// notBound reports whether before, the words before w, make w a word
// that bounds nothing: "over" and "über" after a noun of dispute or
// feeling or a verb of speech, where they mean "about" ("a row over",
// "fears over", "wir berichten über"); French "plus de" in "en plus
// de", "in addition to"; and "a maximum of" and "a minimum of" after a
// verb of reaching, where the number is the peak or the trough itself
// ("reached a maximum of", "fell to a minimum of").
func notBound(before []string, w string) bool {
	if len(before) == 0 {
		return false
	}
	last := before[len(before)-1]
	switch w {
	case "a maximum of", "a minimum of":
		if last == "to" || last == "at" {
			// "fell to a minimum of", "stood at a maximum of": the
			// trough or the peak; "limited to a maximum of", "capped
			// at": a bound.
			return len(before) > 1 && slices.Contains(movedTo, before[len(before)-2])
		}
	case "at a maximum of", "at a minimum of", "at a maximum", "at a minimum":
		return slices.Contains(movedTo, last)
	}
	// A word of a hyphen, "stand-off", is read as its two.
	hyphened := len(before) > 1 && slices.Contains(aboutBefore[w], before[len(before)-2]+"-"+last)
	return hyphened || slices.Contains(aboutBefore[w], last)
}

// reachWords are the words before "a maximum of" or "a minimum of" that
// make the number the peak or trough reached.
var reachWords = strings.Fields(`reach reaches reached reaching hit hits hitting touch touches touched touching
	peak peaks peaked peaking record records recorded recording`)

// movedTo are the verbs whose "to" or "at" before "a maximum of" or "a
// minimum of" makes the number where the value went or stood, not a
// bound: "fell to a minimum of", "stood at a maximum of".
var movedTo = strings.Fields(`rose rise rises rising risen fell fall falls falling fallen dropped drop drops dropping
	climbed climb climbs climbing sank sink sinks sinking sunk declined decline declines declining grew grow grows growing grown
	increased increase increases increasing decreased decrease decreases decreasing jumped jump jumps surged soared plunged slumped
	peaked peak peaks bottomed stood stand stands`)

// aboutBefore are, for a bound word, the words before it that make it
// something else than a bound.
var aboutBefore = map[string][]string{
	"a maximum of": reachWords,
	"a minimum of": reachWords,
	"over": strings.Fields(`row rows fear fears dispute disputes concern concerns anger talks debate debates fight fights
		clash clashes worry worries question questions outcry standoff standoffs uproar battle battles
		protest protests outrage controversy argument arguments tension tensions unease alarm anxiety anxieties
		stand-off stand-offs clashed clashing argue argues argued arguing rowed rowing wrangle wrangles wrangled wrangling
		feud feuds feuded feuding split divided raised spread spreads stretched staggered phased`),
	"über": strings.Fields(`berichten berichtet berichtete berichteten bericht berichte sprechen spricht sprach sprachen
		reden redet redete redeten diskutieren diskutiert diskutierte debatte debatten streit diskussion diskussionen
		gespräche verhandlungen sorge sorgen ärger wut empörung klagen klagt klagte klagten streiten streitet stritt stritten
		informieren informiert informierte informierten entscheiden entscheidet entschied entschieden beraten berät beriet
		verhandeln verhandelt verhandelte`),
	"plus de": {"en"},
}

// movesPast reports whether before, the words before "past", end with a
// verb of motion or of being whose "past" it is, with at most its object
// or an adverb between ("rose past", "pushed the total past", "is now
// past"); not after a determiner ("the past", "its past") or a
// preposition ("over the past").
func movesPast(before []string) bool {
	if len(before) == 0 || slices.Contains(pastDeterminers, before[len(before)-1]) {
		return false
	}
	for i := len(before) - 1; i >= max(0, len(before)-4); i-- {
		switch w := before[i]; {
		case slices.Contains(upVerbs, w) || slices.Contains(pastVerbs, w):
			return true
		case slices.Contains(ceilingWords, w) || slices.Contains(aboutBefore["over"], w) || w == "over" || w == "during":
			return false
		}
	}
	return false
}

// pastDeterminers are the words after which "past" is an adjective: "the
// past 12 months".
var pastDeterminers = strings.Fields("the this these those that its their his her our my your last each every half quarter")

// pastVerbs are the verbs, besides upVerbs, that take "past" for a bound:
// "is past", "surged past", "sailed past".
var pastVerbs = strings.Fields(`is are was were be been being surge surges surging surged race races racing raced
	sail sails sailing sailed speed speeds speeding sped break breaks breaking broke broken`)

// ClauseWords returns the lower-case words of the last clause of text,
// after its last stop (. , ; : ! ? a dash, a bracket or a table's |), a
// hyphenated word one word, a curly apostrophe straight ("won’t"), a
// number a word: the words a negation is sought in. An aside between
// commas, dashes or brackets that says who says so or how sure it is
// ("will not, officials say, be full") is left out, and the clause goes
// on before it.
func ClauseWords(text string) []string {
	text = trimMarkup(withoutComments(text))
	const stops = ".,;:!?()[]—–|"
	end := strings.LastIndexAny(text, stops)
	for end > 0 {
		r, n := utf8.DecodeRuneInString(text[end:])
		open := r // the mark that opens an aside this one closes
		switch r {
		case ')':
			open = '('
		case ',', '—', '–':
		default:
			open = 0
		}
		start := strings.LastIndexAny(text[:end], stops)
		if open == 0 || start < 0 || !strings.HasPrefix(text[start:], string(open)) || !isAside(text[start+len(string(open)):end]) {
			break
		}
		if lead := strings.Fields(strings.ToLower(text[strings.LastIndexAny(text[:start], stops)+1 : start])); len(lead) > 0 &&
			(len(lead) == 1 && slices.Contains([]string{"no", "yes", "nein", "ja", "non", "oui"}, lead[0]) || len(lead) > 1 && lead[0] == "no" && lead[1] == "doubt") {
			// "No, officials say, it will": the answer, or "no doubt",
			// before the aside is no part of the clause after it.
			text = text[end+n:]
			end = strings.LastIndexAny(text, stops)
			break
		}
		text = text[:start] + " " + text[end+n:]
		end = strings.LastIndexAny(text, stops)
	}
	clause := strings.ReplaceAll(text[end+1:], "’", "'")
	return strings.FieldsFunc(strings.ToLower(clause), func(r rune) bool { return notWord(r) && r != '-' && !unicode.IsDigit(r) })
}

// withoutComments returns text without its HTML comments ("will <!-- not
// --> be full"), which a reader does not see; an unclosed one is left.
func withoutComments(text string) string {
	for {
		i := strings.Index(text, "<!--")
		if i < 0 {
			return text
		}
		j := strings.Index(text[i+4:], "-->")
		if j < 0 {
			return text
		}
		text = text[:i] + " " + text[i+4+j+3:]
	}
}

// isAside reports whether s, the words between two commas, dashes or
// brackets, is an aside of four words at most that says who says so or
// how sure it is: "officials say", "however", "it seems".
func isAside(s string) bool {
	ws := strings.Fields(strings.ToLower(s))
	return len(ws) > 0 && len(ws) <= 4 && slices.ContainsFunc(ws, func(w string) bool { return slices.Contains(asideWords, w) })
}

// asideWords are the words of an aside (see isAside).
var asideWords = strings.Fields(`say says said warn warns warned believe believes believed think thinks thought
	expect expects expected argue argues argued insist insists insisted claim claims claimed suggest suggests suggested
	reckon reckons estimate estimates estimated predict predicts predicted admit admits admitted fear fears feared
	seems seem appears apparently however though perhaps probably surely admittedly clearly indeed course fact
	according reportedly true sure agree agrees know knows thankfully turns least
	scheint sagen sagt sagte jedoch allerdings offenbar laut zufolge selon semble dit disent cependant toutefois apparemment`)

// boundMarks writes the marks that may stand inside the words of a bound
// as Bound reads them: a curly apostrophe straight, a no-break space as
// a space ("more&nbsp;than"). It is made once and only read.
var boundMarks = strings.NewReplacer("’", "'", "&nbsp;", " ", "&#160;", " ", "&#xa0;", " ", "&#xA0;", " ")

// Negation returns where in ws, the lower-case words of a clause before
// a bound (ClauseWords), a negation stands that turns it, or -1: "not",
// "never", "no", "none", "nowhere", "cannot", "without", "failed", a word
// ending in "n't", or "nicht", "nie", "jamais", among the last five, or
// further back as the clause's first word, up to eight words back ("none
// of the wards in the county has more than", "at no point did the ward
// hold more than"; not "without", which governs its own words), with no
// word between them that takes the negation for itself ("not long
// before", "not much more than", "not significantly above", "not only",
// "not surprisingly", "not a", but "not a single") or starts another
// clause ("not clear whether more than", "did not say how many", "will not
// be full until after", "und", "et"). "whether or not" and "if not" are
// none, and nor is "no" before a number ("Ward No 3").
func Negation(ws []string) int {
	for i := len(ws) - 1; i >= max(0, len(ws)-maxNegationWords); i-- {
		switch w := ws[i]; {
		case slices.Contains(negations, w) || strings.HasSuffix(w, "n't"):
			switch {
			case i > 0 && (ws[i-1] == "or" || ws[i-1] == "if"):
				return -1 // "whether or not", "if not"
			case w == "no" && i+1 < len(ws) && strings.IndexFunc(ws[i+1], unicode.IsDigit) == 0:
				continue // "Ward No 3": a number's sign
			case i >= len(ws)-5, w != "without" && (i == 0 || i == 1 && ws[0] == "at"):
				return i
			}
			return -1 // further back, of words of its own
		case w == "a" && i+1 < len(ws) && ws[i+1] == "single":
			// "not a single ward": the negation's own words.
		case slices.Contains(negationStops, w):
			return -1
		}
	}
	return -1
}

// maxNegationWords is how many words back Negation reads.
const maxNegationWords = 8

// negations are the words that turn a bound after them.
var negations = []string{"not", "never", "no", "none", "neither", "nor", "nowhere", "nobody", "cannot", "without", "failed", "fails", "fail",
	"nicht", "nie", "niemals", "kein", "keine", "jamais"}

// negationStops are the words that, between a negation and a bound, keep
// the negation from turning it.
var negationStops = []string{"only", "just", "long", "far", "much", "well", "quite", "even", "nearly", "exactly", "necessarily",
	"always", "merely", "simply", "slightly", "significantly", "substantially", "markedly", "considerably", "greatly",
	"dramatically", "sharply", "statistically", "a", "that", "whether", "if", "which", "who", "when", "while", "because",
	"as", "until", "till", "unless", "and", "but", "or", "so", "than", "how", "why", "what", "where", "whose", "whom",
	"though", "although", "surprisingly", "unexpectedly", "und", "aber", "oder", "dass", "weil", "wenn", "et", "mais", "ou",
	"que", "qui", "car", "si"}

// risesUp reports whether before, the words before "up to", end with a
// verb whose "up" it is, with at most its object between: "went up to",
// "brings the total up to", "revised it up to"; "by up to", "costs up
// to" and a verb after can, could or will ("fines could go up to") leave
// "up to" a bound.
func risesUp(before []string) bool {
	for i := len(before) - 1; i >= max(0, len(before)-4); i-- {
		switch w := before[i]; {
		case slices.Contains(upVerbs, w):
			return i == 0 || !slices.Contains(modals, before[i-1]) // "could go up to": a ceiling
		case slices.Contains(ceilingWords, w) || slices.Contains(modals, w):
			return false // "by up to", "can carry up to"
		}
	}
	return false
}

// modals are the verbs of what may be, after which "up to" is a ceiling;
// ceilingWords the words before "up to" that make it one too.
var (
	modals       = []string{"can", "could", "will", "would", "may", "might", "should", "must", "shall"}
	ceilingWords = []string{"by", "of", "with", "at", "in", "for", "to", "from", "on"}
)

// upVerbs are the forms of the verbs that take "up" for a rise or a sum.
var upVerbs = strings.Fields(`go goes going gone went shoot shoots shooting shot climb climbs climbing climbed
	add adds adding added bring brings bringing brought move moves moving moved push pushes pushing pushed
	drive drives driving drove driven revise revises revising revised
	tick ticks ticking ticked edge edges edging edged inch inches inching inched creep creeps creeping crept
	jump jumps jumping jumped ramp ramps ramping ramped step steps stepping stepped scale scales scaling scaled
	mount mounts mounting mounted pile piles piling piled stack stacks stacking stacked sum sums summing summed
	build builds building built bump bumps bumping bumped ratchet ratchets ratcheting ratcheted
	rise rises rising rose risen grow grows growing grew grown come comes coming came run runs running ran
	soar soars soaring soared take takes taking took taken raise raises raising raised lift lifts lifting lifted
	hike hikes hiking hiked send sends sending sent boost boosts boosting boosted`)

// notWord reports whether r is neither a letter nor an apostrophe, which
// the words before a number are made of.
func notWord(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }

// endsBound reports whether r, between words and a number, parts them: a
// digit, or a mark that closes a phrase or a clause, a table's cell or a
// dash's aside ("65 and over | {{ }}").
func endsBound(r rune) bool { return unicode.IsDigit(r) || strings.ContainsRune(")]:;,.!?|/–—", r) }

// trimMarkup returns text without the markup at its end that a writer
// puts between words and a number: spaces, an entity ("more than&nbsp;"),
// tags ("more than <strong>"), a comment ("fewer than <!-- check -->")
// and a footnote's mark ("before[^1]").
func trimMarkup(text string) string {
	for {
		text = strings.TrimRightFunc(text, unicode.IsSpace)
		switch {
		case strings.HasSuffix(text, "-->"):
			i := strings.LastIndex(text, "<!--")
			if i < 0 {
				return text
			}
			text = text[:i]
		case strings.HasSuffix(text, "]"):
			i := strings.LastIndex(text, "[^")
			if i < 0 || strings.ContainsFunc(text[i:], unicode.IsSpace) || strings.Count(text[i:], "]") != 1 {
				return text
			}
			text = text[:i]
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
// whether they leave it out, as Bound returns them: as the qualifier of
// a number phrase, or as the words of a date phrase that bound a count of
// time ("within", "by", "d'ici"). plain is whether they are a plain
// bound, which a negation turns into the other: "more than", "at most".
func boundOf(w string, o Options) (dir int, plain bool) {
	if text, _, _, err := o.read(w+" 1", KindNumber); err == nil {
		if c, perr := parseNumber(text); perr == nil && c.share == nil && c.mag == nil && boundDirs[c.q] != 0 {
			return boundDirs[c.q], slices.Contains([]numQual{qMore, qAtLeast, qLess, qAtMost}, c.q)
		}
	}
	if text, _, _, err := o.read(w, KindDate); err == nil {
		p := newParser(text)
		rel, ok := longest(p, datePrefixes)
		if ok && p.done() && (rel == relWithin || rel == relWithinLess || rel == relBy) {
			return pick(rel == relWithinLess, -2, -1), false
		}
	}
	return 0, false
}

// boundDirs are the qualifiers that bound a number, as Bound returns them.
var boundDirs = map[numQual]int{
	qAtLeast: 1, qMore: 2, qJustOver: 2, qWellOver: 2,
	qAtMost: -1, qLess: -2, qNearly: -2, qJustUnder: -2, qWellUnder: -2,
}

// fallWords say that a number is a fall, after which its minus sign
// would say so twice: "falling -1.3 a day" reads as a rise.
var fallWords = []string{"falling", "falls", "fell", "fallen", "down", "dropping", "dropped", "drops", "declining", "declined", "declines",
	"decreasing", "decreased", "decreases", "shrinking", "shrinks", "shrank", "shrunk", "shrink", "sinking", "sank", "sunk", "sink", "losing", "lost", "loses", "lose",
	"shed", "sheds", "shedding", "dwindling", "dwindled", "dwindles", "dwindle", "dipping", "dipped", "dips", "sliding", "slid", "slides", "slide", "slipping", "slipped", "slips",
	"plunging", "plunged", "plunges", "plummeting", "plummeted", "plummets", "slumping", "slumped", "slumps", "sinks", "draining", "drained", "lower", "tumbling", "tumbled", "tumbles",
	"retreating", "retreated", "retreats", "receding", "receded", "recedes", "easing", "eased", "eases", "contracting", "contracted", "contraction",
	"reducing", "reduced", "reduces", "cutting", "cuts",
	"fall", "drop", "decline", "decrease", "loss", "reduction", "cut", "dip", "slump", "plunge", "deficit", "shortfall"}

// riseWords say that a number is a rise, after which a minus sign says
// the opposite: "rising -1.3 a day" reads as a fall.
var riseWords = []string{"rising", "rises", "rose", "risen", "up", "growing", "grows", "grew", "grown", "grow", "increasing",
	"increased", "increases", "climbing", "climbed", "climbs", "climb", "gaining", "gained", "gains", "adding", "added", "adds",
	"jumping", "jumped", "jumps", "soaring", "soared", "soars", "soar", "surging", "surged", "surges", "swelling", "swelled", "swells", "swollen",
	"mounting", "mounted", "mounts", "expanding", "expanded", "expands", "expansion",
	"higher", "rise", "increase", "gain", "growth", "jump", "surge", "surplus"}

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
