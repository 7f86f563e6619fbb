package words

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"
)

// Table is plotline's words in one language. Make it with New or Load,
// once a build, and pass it down; the nil Table is English.
type Table struct {
	text [count]string
	// from is the language each text is in: the tag of the file or
	// built-in table it came from, "en" for the English fallback.
	from [count]string
	// pieces are the texts split at their placeholders, for the keys
	// that have any.
	pieces [count][]piece
	// argc is the number of placeholders of each key's English text.
	argc [count]uint8
	// english is set when every text is the English one.
	english bool
}

// chain returns the tags to look a word up in, most specific first, the
// tag itself in its canonical form and English last: "de-AT", "de", "en".
// A tag that names a script other than its language's own is not given
// the language's words: ar-Latn, Arabic in Latin letters, gets English
// rather than words in Arabic letters. A tag that cannot be read gives
// English alone.
func chain(tag string) []string {
	t, err := language.Parse(tag)
	if err != nil {
		return []string{"en"}
	}
	base, _ := t.Base()
	ownScript := true
	if script, c := t.Script(); c == language.Exact {
		def, _ := language.Make(base.String()).Script()
		ownScript = script == def
	}
	var out []string
	for s := t.String(); s != "und" && !slices.Contains(out, s); s = t.String() {
		out = append(out, s)
		t = t.Parent()
	}
	if !slices.Contains(out, base.String()) && base.String() != "und" && ownScript {
		out = append(out, base.String())
	}
	if !slices.Contains(out, "en") {
		out = append(out, "en")
	}
	return out
}

// New returns the Table of the language tag from the built-in tables,
// with English for the words a language lacks.
func New(tag string) *Table {
	return newTable(chain(tag), nil)
}

// newTable makes the Table of the tags in chain, taking each word from
// the first of own's texts (by tag) or the built-in tables that has it.
func newTable(chain []string, own map[string]map[Key]string) *Table {
	t := &Table{english: true}
	built := map[string]map[Key]string{}
	for _, tag := range chain {
		built[tag] = builtin(tag)
	}
	for k := range count {
		t.text[k], t.from[k] = english[k].text, "en"
		for _, tag := range chain {
			s, ok := own[tag][k]
			if !ok {
				s, ok = built[tag][k]
			}
			if ok {
				t.text[k], t.from[k] = s, tag
				break
			}
		}
		t.english = t.english && t.text[k] == english[k].text
		if args := placeholders(english[k].text); len(args) > 0 {
			t.pieces[k] = split(t.text[k], args)
			t.argc[k] = uint8(len(args))
		}
	}
	return t
}

// englishTable is the nil Table's: English, made on first use and never
// changed after.
var englishTable = sync.OnceValue(func() *Table { return newTable([]string{"en"}, nil) })

// or returns t, or the English Table for nil.
func (t *Table) or() *Table {
	if t == nil {
		return englishTable()
	}
	return t
}

// IsEnglish reports whether every text of t is the English one.
func (t *Table) IsEnglish() bool { return t == nil || t.english }

// Text returns the text of k, placeholders and all.
func (t *Table) Text(k Key) string { return t.or().text[k] }

// Lang returns the language tag the text of k is in: the site's, one of
// its parents, or "en" for the English fallback.
func (t *Table) Lang(k Key) string { return t.or().from[k] }

// Lookup returns the key named name ("download_csv").
func (t *Table) Lookup(name string) (Key, bool) {
	k, ok := keyNames()[name]
	return k, ok
}

// Format returns the text of k with its placeholders filled by args, in
// the order of the English text's placeholders. A missing argument is
// left empty.
func (t *Table) Format(k Key, args ...string) string {
	var b strings.Builder
	t.Write(&b, k, args...)
	return b.String()
}

// Write writes the text of k to b as Format returns it.
func (t *Table) Write(b *strings.Builder, k Key, args ...string) {
	t = t.or()
	pieces := t.pieces[k]
	if pieces == nil {
		b.WriteString(t.text[k])
		return
	}
	for _, p := range pieces {
		switch {
		case p.arg < 0 && strings.HasPrefix(p.lit, ".") && !strings.HasPrefix(p.lit, "..") && strings.HasSuffix(b.String(), "."):
			// A full stop that ends a sentence after a value ending in
			// one is left out: "reaches 12 000 on 4 мая 2025 г." has
			// one, and so has a limit of "10 000 руб.".
			b.WriteString(p.lit[1:])
		case p.arg < 0:
			b.WriteString(p.lit)
		case p.arg < len(args):
			b.WriteString(args[p.arg])
		}
	}
}

// Func returns the template function T of t: {{ T "download_csv" }} is
// the text of the key download_csv, and {{ T "page_of" .Number .Total }}
// fills its placeholders with the arguments, in the order of the English
// text's ("Page {number} of {total}"). A whole number is written by
// number, in the site's language, in a text of the site's language; in
// the English text a language without a translation falls back to, as
// English writes it (an Arabic site's "5 min read" keeps its 5). Other
// values are written as fmt.Sprint writes them. An unknown key, or arguments that do not match the placeholders
// in number, is an error where T is called.
func (t *Table) Func(number func(int64) string) func(name string, args ...any) (string, error) {
	return func(name string, args ...any) (string, error) {
		k, ok := t.Lookup(name)
		if !ok {
			return "", fmt.Errorf("unknown key %q%s", name, suggest(name))
		}
		want := int(t.or().argc[k])
		if len(args) != want {
			if want == 0 {
				return "", fmt.Errorf("%s has no placeholders: give T no values, not %d", name, len(args))
			}
			return "", fmt.Errorf("%s has the placeholders %s: give T one value for each, not %d", name, braced(placeholders(english[k].text)), len(args))
		}
		if want == 0 {
			return t.Text(k), nil
		}
		num := number
		if t.Lang(k) == "en" {
			num = Itoa
		}
		var buf [8]string
		strs := buf[:0]
		for _, a := range args {
			switch v := a.(type) {
			case string:
				strs = append(strs, v)
			case int:
				strs = append(strs, num(int64(v)))
			case int64:
				strs = append(strs, num(v))
			default:
				strs = append(strs, fmt.Sprint(v))
			}
		}
		return t.Format(k, strs...), nil
	}
}

// Itoa writes n as strconv does, for T on an English site.
func Itoa(n int64) string { return strconv.FormatInt(n, 10) }
