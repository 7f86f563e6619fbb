package data

import (
	"fmt"
	"io/fs"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/yamlpos"
)

// parser holds what every part of Parse needs: where to read CSV files,
// which page is being parsed, and where to report problems.
type parser struct {
	fsys  fs.FS
	page  Page
	diags *diag.List
	// misread holds the value nodes already reported as a number split
	// by a thousands separator, so that reading them says nothing more.
	misread map[*yaml.Node]bool
	// read holds the observations read from each list of the page, and
	// from each CSV file, so that a series that many blocks draw (through
	// aliases, "series: *s", or by naming the same file) is read, and its
	// problems reported, once: blocks share what it holds.
	read    map[*yaml.Node]observations
	readCSV map[string]observations
	// csvs are the CSV files the build has read (Page.CSVs), or those
	// of this page alone.
	csvs *CSVTables
	// dirs holds the folders read for a missing CSV file's near names.
	dirs map[string][]fs.DirEntry
	// facts holds the seriesFacts of each series read, which the blocks
	// that share it share too.
	facts map[seriesKey]*seriesFacts
	// fits holds the fits of the series read (see fit).
	fits map[fitKey]fitted
}

// seriesKey tells a series by its first point and its length.
type seriesKey struct {
	first *Point
	n     int
}

// observations is what reading a series gave: its points, sorted by
// date, and whether it had no problems.
type observations struct {
	points []Point
	ok     bool
}

// pos returns the position of n in the page.
func (p *parser) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{Path: p.page.Path, Line: n.Line, Col: n.Column}
}

// errorf reports a problem at n, and returns false for the reader's ok.
func (p *parser) errorf(n *yaml.Node, format string, args ...any) bool {
	p.diags.Errorf(p.pos(n), format, args...)
	return false
}

// isNull reports whether n is missing or an explicit null (`key:` with
// nothing after it).
func isNull(n *yaml.Node) bool {
	n = yamlpos.Resolve(n)
	return n == nil || n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// field is one key of a mapping and its value.
type field struct {
	key, val *yaml.Node
}

// mapping returns the entries of the mapping n by key. Keys that are not
// in known and repeated keys are errors: a key the schema does not know
// is a value that would silently be left out. what names the mapping in
// messages ("in block \"losses\"").
//
// In a flow mapping, {date: 2025-01-01, value: 1,545} reads as value 1
// and a key 545 with no value: the thousands separator separates keys.
// That is reported once, at the number, and the number is not used.
func (p *parser) mapping(n *yaml.Node, what string, known []string) map[string]field {
	n = yamlpos.Resolve(n)
	out := make(map[string]field)
	var merges []field
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		rk := yamlpos.Resolve(k)
		if rk == nil || rk.Kind != yaml.ScalarNode {
			p.errorf(k, "want a name as key %s, got %s", what, yamlpos.Describe(k))
			continue
		}
		name := rk.Value
		if rk.ShortTag() == "!!merge" {
			// <<: *first, YAML's merge key: the keys of the mapping
			// (or mappings) it names, where n does not set them.
			merges = append(merges, field{k, v})
			continue
		}
		if prev, dup := out[name]; dup {
			p.errorf(k, "%s", yamlpos.Duplicate(name, what, prev.key.Line))
			continue
		}
		if !slices.Contains(known, name) {
			if groups := separatedGroups(n, i); len(groups) > 0 {
				num := n.Content[i-1]
				written := num.Value + "," + strings.Join(groups, ",")
				p.errorf(num, "%s: %s reads as %s and a key %q, because a comma separates keys in {…}: write %s, without a thousands separator",
					n.Content[i-2].Value, written, num.Value, groups[0], num.Value+strings.Join(groups, ""))
				p.misread[num] = true
				i += 2 * (len(groups) - 1)
				continue
			}
			p.errorf(k, "unknown key %q %s (want %s)%s", name, what, orList(known), diag.DidYouMean(name, known))
			continue
		}
		out[name] = field{k, v}
	}
	for _, m := range merges {
		p.merge(out, m, what, known)
	}
	return out
}

// merge adds to out the keys of the mapping that the merge key m names
// (<<: *first) or of each mapping of the list it names (<<: [*a, *b], the
// first taking precedence), where out does not have them. A merged
// mapping's own merge keys are not followed, so that merges cannot
// multiply one another.
func (p *parser) merge(out map[string]field, m field, what string, known []string) {
	v := yamlpos.Resolve(m.val)
	sources := []*yaml.Node{v}
	if v != nil && v.Kind == yaml.SequenceNode {
		sources = v.Content
	}
	for _, src := range sources {
		src = yamlpos.Resolve(src)
		if src == nil || src.Kind != yaml.MappingNode {
			p.errorf(m.val, "<<: want a mapping or a list of mappings to merge %s, got %s", what, yamlpos.Describe(m.val))
			return
		}
		for key, val := range yamlpos.Pairs(src) {
			k := yamlpos.Resolve(key)
			if k == nil || k.Kind != yaml.ScalarNode || k.ShortTag() == "!!merge" {
				continue
			}
			if _, set := out[k.Value]; set {
				continue
			}
			if !slices.Contains(known, k.Value) {
				p.errorf(m.key, "<<: merges unknown key %q from line %d %s (want %s)", k.Value, key.Line, what, orList(known))
				continue
			}
			out[k.Value] = field{key, val}
		}
	}
}

// separatedGroups reports whether the key at index i of the mapping m and
// the keys after it are the digit groups of a number split by thousands
// separators, "1,545" in a flow mapping: plain keys of three digits with
// no value, right after a plain whole number of one to three digits. It
// returns the groups, or nil.
func separatedGroups(m *yaml.Node, i int) []string {
	if m.Style&yaml.FlowStyle == 0 || i < 2 {
		return nil
	}
	prev := m.Content[i-1]
	if prev.Kind != yaml.ScalarNode || prev.Style != 0 || !isDigits(strings.TrimPrefix(prev.Value, "-"), 1, 3) {
		return nil
	}
	var groups []string
	for j := i; j+1 < len(m.Content); j += 2 {
		k, v := m.Content[j], m.Content[j+1]
		if k.Kind != yaml.ScalarNode || k.Style != 0 || !isDigits(k.Value, 3, 3) && !isGroupWithDecimals(k.Value) || !isNull(v) || v.Value != "" {
			break
		}
		groups = append(groups, k.Value)
		if strings.Contains(k.Value, ".") {
			break
		}
	}
	return groups
}

// isDigits reports whether s is between lo and hi ASCII digits.
func isDigits(s string, lo, hi int) bool {
	return len(s) >= lo && len(s) <= hi && !strings.ContainsFunc(s, func(r rune) bool { return r < '0' || r > '9' })
}

// isGroupWithDecimals reports whether s is the last group of a number
// with a decimal part: "545.25".
func isGroupWithDecimals(s string) bool {
	whole, frac, ok := strings.Cut(s, ".")
	return ok && isDigits(whole, 3, 3) && isDigits(frac, 1, 20)
}

// orList joins words as "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// number reads the number n holds; key names it in messages.
func (p *parser) number(key string, n *yaml.Node) (float64, bool) {
	v := yamlpos.Resolve(n)
	if p.misread[v] {
		return 0, false
	}
	if v == nil || v.Kind != yaml.ScalarNode || v.ShortTag() == "!!null" {
		return 0, p.errorf(n, "%s: want a number, got %s", key, yamlpos.Describe(n))
	}
	var f float64
	var err error = strconv.ErrSyntax // until v reads as a number
	lit := v.Value
	switch v.ShortTag() {
	case "!!int", "!!float":
		// A number is read from its digits in decimal, as a CSV cell
		// is: YAML would read 017 as octal, 15.
		if base := radixName(v.Value); base != "" {
			decoded := v.Decode(&f) == nil
			return 0, p.errorf(n, "%s: %q is a number in %s; write it in decimal digits%s", key, v.Value, base, pick(decoded, ": "+strconv.FormatFloat(f, 'f', -1, 64), ""))
		}
		if f, err = strconv.ParseFloat(v.Value, 64); err != nil {
			err = v.Decode(&f)
		}
	case "!!str":
		// value: "1545" is the number the quotes hold, as a quoted cell
		// of a CSV file is, and as a quoted date is a date.
		lit = strings.TrimSpace(v.Value)
		if _, _, ok := decimalDigits(lit); ok && radixName(lit) == "" && v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
			f, err = strconv.ParseFloat(lit, 64)
		}
	}
	if err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
		if msg, ok := keptAsWritten(lit, f); !ok {
			return 0, p.errorf(n, "%s: %s", key, msg)
		}
		return f, true
	}
	if plain, ok := withoutSeparators(v.Value); ok {
		return 0, p.errorf(n, "%s: %q has a thousands separator, which plotline does not guess at (in some languages it marks decimals); write %s", key, v.Value, plain)
	}
	hint := numberHint(v.Value)
	if hint == missingHint && key != "value" {
		hint = "" // a rate or a limit is no observation to leave out
	}
	if rest, ok := strings.CutSuffix(strings.TrimSpace(v.Value), "%"); ok && (key == "rate" || key == "low" || key == "high") {
		if _, _, ok := decimalDigits(strings.TrimSpace(rest)); ok {
			// rate: 5% is a growth of 5% a period.
			hint = ", write " + strings.TrimSpace(rest) + ": with model: exponential, a rate is a percentage a period"
		}
	}
	return 0, p.errorf(n, "%s: cannot use %q as a number%s", key, v.Value, hint)
}

// dataText reads the text of the data's key held by n, a unit, a label or
// a source, in which a {{ }} is an error (see noValues): written without
// quotes too, where YAML reads it as a mapping, and a message that asked
// for quotes would lead to the next error.
func (p *parser) dataText(key string, n *yaml.Node) (string, bool) {
	if yamlpos.UnquotedBraces(n) {
		return "", p.errorf(n, "%s", noValuesMessage(key))
	}
	text, ok := p.text(key, n)
	p.noValues(key, n, text)
	return text, ok
}

// noValues reports a {{ }} in text, the value of the data's key held by
// n: the data is what values are computed from, so a value is never put
// into it, and it would be shown as typed. The error stands at the {{
// when n is a scalar of one line.
func (p *parser) noValues(key string, n *yaml.Node, text string) {
	before, _, ok := strings.Cut(text, "{{")
	if !ok {
		return
	}
	at := p.pos(n)
	v := yamlpos.Resolve(n)
	if v == n && !strings.Contains(before, "\n") {
		switch v.Style {
		case 0:
			at.Col += utf8.RuneCountInString(before)
		case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
			if !strings.ContainsAny(before, `"'\`) {
				at.Col += utf8.RuneCountInString(before) + 1
			}
		}
	}
	p.diags.Errorf(at, "%s", noValuesMessage(key))
}

// MaxLabelRunes is the most characters an observation's label may have.
// A label is shown in the chart's tooltip, its table, its static drawings
// and its option, once for each chart of its block: a label of 8 MB (a
// whole text pasted into one cell) drawn by 20 charts took 4.3 GB and
// 25 s before the page was refused as too large. No tooltip reads well
// past a sentence or two; notes on the data go in the prose.
const MaxLabelRunes = 1000

// MaxUnitRunes is the most characters a block's unit may have. The unit
// is written beside every value of the block: a unit of 1 MB on a block
// of 28 observations and one chart made 166 MB of output in 10 s. Units
// are a few words ("people a day", "thousand tonnes of CO2 a year").
const MaxUnitRunes = 200

// labelTooLong returns the message for a label of n characters, past
// MaxLabelRunes.
func labelTooLong(n int) string {
	return fmt.Sprintf("label: %d characters, more than the %d a label may have: it is shown in each chart's tooltip and table; shorten it (a note on the data goes in the prose)", n, MaxLabelRunes)
}

// noValuesMessage says why a {{ }} in the data's key is an error.
func noValuesMessage(key string) string {
	return key + ": {{ }} is not read in the data, which values are computed from: write the " + key +
		" as text (values go in the prose, the title, the description and a chart's title, caption and event labels)"
}

// places returns Point.Places of the number written as lit, whose value
// is f: the decimals of lit when it has more than f's shortest form, or 0.
func places(lit string, f float64) int {
	lit = strings.TrimSpace(lit)
	_, frac, ok := strings.Cut(lit, ".")
	if !ok || strings.ContainsAny(lit, "eE_") {
		return 0
	}
	n := len(frac) - len(strings.TrimLeft(frac, "0123456789")) // the digits that lead frac
	shortest := strconv.FormatFloat(f, 'f', -1, 64)
	_, sfrac, _ := strings.Cut(shortest, ".")
	return pick(n > len(sfrac) && n <= 20, n, 0)
}

// numberPlaces is number, with the value's Point.Places.
func (p *parser) numberPlaces(key string, n *yaml.Node) (float64, int, bool) {
	f, ok := p.number(key, n)
	if !ok {
		return 0, 0, false
	}
	return f, places(yamlpos.Resolve(n).Value, f), true
}

// keptAsWritten reports whether f, read from the decimal number lit, is
// the number lit writes, digit for digit, as every place that shows it
// writes it. A float64 holds 15 to 17 significant digits and no number
// nearer zero than about 10⁻³²⁴, so 9007199254740993 reads as
// 9007199254740992 and 1e-400 as 0: such a number would be shown as
// another, in the prose, the chart and the CSV alike. When it is not
// kept, the message says what it would be shown as. A literal that is
// not a plain decimal number (YAML's 1_000 is one) is taken as read.
func keptAsWritten(lit string, f float64) (string, bool) {
	wd, we, ok := decimalDigits(strings.ReplaceAll(lit, "_", ""))
	if !ok {
		return "", true
	}
	fd, fe, _ := decimalDigits(strconv.FormatFloat(math.Abs(f), 'e', -1, 64))
	if wd == fd && (wd == "" || we == fe) {
		return "", true
	}
	return fmt.Sprintf("%s cannot be kept as written: a number holds about 16 significant digits, none beyond them, "+
		"and would be shown as %s; round it (or write it in a larger unit, such as millions)", yamlpos.Shorten(strings.TrimSpace(lit)), yamlpos.Shorten(WrittenNumber(f, 0))), false
}

// decimalDigits returns the significant digits of the decimal number s,
// without sign, leading or trailing zeros, and the power of ten of its
// first one: "-0.0250" is "25" and -2 (2.5·10⁻²), "1.5e3" "15" and 3. A
// zero has no digits. ok is false when s is not a decimal number.
func decimalDigits(s string) (digits string, exp int, ok bool) {
	s = strings.TrimLeft(strings.TrimSpace(s), "+-")
	mant, e, hasExp := strings.Cut(strings.ToLower(s), "e")
	if hasExp {
		var err error
		if exp, err = strconv.Atoi(e); err != nil {
			return "", 0, false
		}
	}
	whole, frac, _ := strings.Cut(mant, ".")
	if whole == "" && frac == "" || !isDigits(whole, 0, len(whole)) || !isDigits(frac, 0, len(frac)) {
		return "", 0, false
	}
	all := whole + frac
	lead := len(all) - len(strings.TrimLeft(all, "0"))
	digits = strings.TrimRight(all[lead:], "0")
	return digits, exp + len(whole) - lead - 1, true
}

// radixMessage says how to write lit, a number written in another base
// (see radixName), in decimal digits.
func radixMessage(lit, base string) string {
	if f, err := strconv.ParseFloat(lit, 64); err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
		return fmt.Sprintf("%q is a number in %s; write it in decimal digits: %s", lit, base, strconv.FormatFloat(f, 'f', -1, 64))
	}
	if i, err := strconv.ParseInt(lit, 0, 64); err == nil {
		return fmt.Sprintf("%q is a number in %s; write it in decimal digits: %d", lit, base, i)
	}
	return fmt.Sprintf("%q is a number in %s; write it in decimal digits", lit, base)
}

// radixName returns the base a YAML number is written in when it is not
// decimal ("hexadecimal" for 0x1F, "octal" for 0o17, "binary" for 0b11),
// or "".
func radixName(s string) string {
	s = strings.TrimLeft(s, "+-")
	if len(s) < 3 || s[0] != '0' {
		return ""
	}
	switch s[1] {
	case 'x', 'X':
		return "hexadecimal"
	case 'o', 'O':
		return "octal"
	case 'b', 'B':
		return "binary"
	}
	return ""
}

// withoutSeparators returns s without its thousands separators when s is
// a number written with them: "1,545", "12 000", "1 234 567.5", with a
// comma, space, no-break space, narrow no-break space, thin space or
// apostrophe between groups of three digits.
func withoutSeparators(s string) (string, bool) {
	s = strings.TrimSpace(s)
	sign := ""
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		sign, s = "-", rest
	} else if rest, ok := strings.CutPrefix(s, "\u2212"); ok {
		sign, s = "-", rest
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	if hasFrac && !isDigits(frac, 1, 20) {
		return "", false
	}
	var digits strings.Builder
	group := 0
	seps := 0
	for i, r := range whole {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
			group++
		case r == ',' || r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\'':
			if i == 0 || group == 0 || group > 3 || seps > 0 && group != 3 {
				return "", false
			}
			group = 0
			seps++
		default:
			return "", false
		}
	}
	if seps == 0 || group != 3 {
		return "", false
	}
	out := sign + digits.String()
	if hasFrac {
		out += "." + frac
	}
	return out, true
}

// date reads the YYYY-MM-DD date n holds; key names it in messages.
func (p *parser) date(key string, n *yaml.Node) (time.Time, bool) {
	v := yamlpos.Resolve(n)
	if v == nil || v.Kind != yaml.ScalarNode || v.ShortTag() == "!!null" {
		return time.Time{}, p.errorf(n, "%s: want a date (YYYY-MM-DD), got %s", key, yamlpos.Describe(n))
	}
	t, ok := parseDate(v.Value)
	if !ok {
		p.errorf(n, "%s: %q is not a valid date (want YYYY-MM-DD)%s", key, v.Value, DateHint(v.Value))
	}
	return t, ok
}

// quarterRE matches a quarter of a year as statistics write it: 2024-Q1,
// 2024 Q1, 2024Q1, Q1 2024, Q1-2024.
var quarterRE = regexp.MustCompile(`^(?:(\d{4})[- ]?[Qq]([1-4])|[Qq]([1-4])[- /]?(\d{4}))$`)

// badObservationDate is the message for s, an observation's date that
// parseObservationDate refused.
func badObservationDate(key, s string) string {
	if _, ok := parseDate(s[:min(len(s), 10)]); ok && len(s) > 10 && (s[10] == 'T' || s[10] == 't' || s[10] == ' ') {
		msg := fmt.Sprintf("%s: %q is not a valid time (want YYYY-MM-DDTHH:MM, such as %sT06:00, seconds and a zone optional)", key, s, s[:10])
		if name := zoneName(s); name != "" {
			msg += fmt.Sprintf(": a zone is written Z or as an offset such as -05:00, not %q", name)
		}
		return msg
	}
	if hint := otherDateTimeHint(s); hint != "" {
		return fmt.Sprintf("%s: %q is not a valid date and time (want YYYY-MM-DDTHH:MM)%s", key, s, hint)
	}
	if m := quarterRE.FindStringSubmatch(s); m != nil {
		// 2024-Q1: quarterly statistics, a grain plotline lacks.
		y, q := m[1]+m[4], int((m[2] + m[3])[0]-'0')
		end := time.Date(0, time.Month(3*q+1), 0, 0, 0, 0, 0, time.UTC)
		return fmt.Sprintf("%s: %q is not a valid date (want YYYY-MM-DD): that is a quarter, and a series is read by the day, the month or the year; write the quarter's last day, %s-%s, or its first month, %s-%02d", key, s, y, end.Format("01-02"), y, 3*q-2)
	}
	if y, m, found := strings.Cut(s, "-"); found && isDigits(y, 4, 4) && isDigits(m, 1, 1) && m != "0" {
		// 2024-3: an observation may be a month, written with two digits.
		return fmt.Sprintf("%s: %q is not a valid date (want YYYY-MM-DD): that is a month; write it %s-0%s", key, s, y, m)
	}
	return fmt.Sprintf("%s: %q is not a valid date (want YYYY-MM-DD)%s", key, s, DateHint(s))
}

// otherDateTimeHint says how to write s, a date written another way and a
// time of day after a space, as a gauge's export gives them ("14/08/2022
// 03:00"): ": write 2022-08-14T03:00", or both readings where the order of
// day and month is not known. It is "" for anything else.
func otherDateTimeHint(s string) string {
	date, clock, ok := strings.Cut(strings.TrimSpace(s), " ")
	if !ok {
		return ""
	}
	var at time.Time
	var err error
	for _, layout := range []string{"15:04", "15:04:05"} {
		if at, err = time.Parse(layout, clock); err == nil {
			break
		}
	}
	if err != nil {
		return ""
	}
	hm := at.Format(pick(at.Second() != 0, "15:04:05", "15:04"))
	hint := yamlpos.DateHint(date)
	if !strings.Contains(hint, "write ") || strings.Contains(hint, "is a year") || strings.Contains(hint, "is a month") {
		return ""
	}
	// Each date the hint names, YYYY-MM-DD, is followed by the time.
	return isoDates.ReplaceAllStringFunc(hint, func(d string) string {
		_, err := time.Parse(time.DateOnly, d)
		return pick(err != nil, d, d+"T"+hm)
	})
}

// isoDates matches the dates a hint writes, YYYY-MM-DD.
var isoDates = regexp.MustCompile(`[0-9]{4}-[0-9]{2}-[0-9]{2}`)

// zoneName returns the letters that end s, a time refused, when they
// name a zone as some agencies write it (2025-03-01 06:00 UTC, EST), and
// "" otherwise.
func zoneName(s string) string {
	name := strings.TrimLeft(s[strings.LastIndexAny(s, " 0123456789")+1:], " ")
	return pick(len(name) < 2 || len(name) > 5 || strings.TrimLeft(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "", "", name)
}

// parseDate parses a YYYY-MM-DD date as midnight UTC.
func parseDate(s string) (time.Time, bool) {
	if len(s) != len(time.DateOnly) {
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, s)
	return t, err == nil
}

// text reads the scalar n holds as text; key names it in messages.
func (p *parser) text(key string, n *yaml.Node) (string, bool) {
	v := yamlpos.Resolve(n)
	if v == nil || v.Kind != yaml.ScalarNode {
		return "", p.errorf(n, "%s: want text, got %s", key, yamlpos.Describe(n))
	}
	return pick(v.ShortTag() == "!!null", "", v.Value), true
}
