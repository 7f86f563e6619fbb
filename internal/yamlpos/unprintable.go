package yamlpos

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/plotline/plotline/internal/diag"
)

// Unprintable returns the byte offset in s of its first character that a
// web page may not hold, and that character: a control character other
// than tab, line feed, form feed and carriage return (U+0000 to U+001F,
// U+007F to U+009F), or a noncharacter (U+FDD0 to U+FDEF, U+xFFFE and
// U+xFFFF). HTML counts each as an error, and a reader sees nothing or a
// box. So is a bidi override (U+202D, U+202E), which a page may hold but
// which shows what follows it in an order of its own: after U+202E, a
// value 12 reads 21, a date 2025 reads 5202. ok is false when s has none.
func Unprintable[T string | []byte](s T) (offset int, r rune, ok bool) {
	for i := 0; i < len(s); {
		if c := s[i]; c >= 0x20 && c < 0x7f {
			i++ // printable ASCII, most of any text
			continue
		}
		c, size := utf8.DecodeRune([]byte(s[i:min(i+utf8.UTFMax, len(s))]))
		if unprintable(c) {
			return i, c, true
		}
		i += size
	}
	return 0, 0, false
}

func unprintable(c rune) bool {
	if c == '\t' || c == '\n' || c == '\f' || c == '\r' {
		return false
	}
	return c < 0x20 || c >= 0x7f && c <= 0x9f || // control characters
		c >= 0xfdd0 && c <= 0xfdef || c&0xfffe == 0xfffe && c <= utf8.MaxRune || // noncharacters
		c == leftToRightOverride || c == rightToLeftOverride
}

// The bidi overrides, which Unprintable finds too.
const (
	leftToRightOverride = '\u202d'
	rightToLeftOverride = '\u202e'
)

// UnprintableMessage is the message for the character r that a web page
// may not hold (see Unprintable).
func UnprintableMessage(r rune) string {
	return UnprintableWhat(r) + ": remove it"
}

// UnprintableWhat says what is wrong with the character r that
// Unprintable finds, for a message that goes on to say what was done.
func UnprintableWhat(r rune) string {
	switch r {
	case rightToLeftOverride:
		return "the character U+202E, a bidi override, shows what follows it in reverse order, so that a reader takes 12 for 21 (to set a phrase right to left, put it between U+2067 and U+2069)"
	case leftToRightOverride:
		return "the character U+202D, a bidi override, shows what follows it left to right whatever its script, so that a phrase in Arabic or Hebrew reads backwards (to set a phrase left to right, put it between U+2066 and U+2069)"
	}
	return fmt.Sprintf("the character U+%04X cannot be shown in a web page", r)
}

// CheckUnprintable reports, at each scalar of the tree under n that holds
// a character Unprintable finds (written as an escape such as "\u0007",
// since YAML allows none of them as they are), an error: "title: the
// character U+0007 cannot be shown in a web page: remove it", after what
// ("chart: "). pos gives a node's position. Aliases are not followed: what they point to is
// checked where it stands.
func CheckUnprintable(n *yaml.Node, what string, pos func(*yaml.Node) diag.Pos, diags *diag.List) {
	var walk func(n *yaml.Node, key string)
	walk = func(n *yaml.Node, key string) {
		if n == nil {
			return
		}
		switch n.Kind {
		case yaml.ScalarNode:
			if _, r, ok := Unprintable(n.Value); ok {
				prefix := what
				if key != "" {
					prefix += key + ": "
				}
				msg := UnprintableMessage(r)
				if hint := speltHint(n.Value); hint != "" {
					msg = UnprintableWhat(r) + hint
				}
				diags.Errorf(pos(n), "%s%s", prefix, msg)
			}
		case yaml.MappingNode:
			for k, v := range Pairs(n) {
				walk(k, "")
				walk(v, k.Value)
			}
		case yaml.DocumentNode, yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c, key)
			}
		}
	}
	walk(n, "")
}

// speltHint says, for a value whose unprintable characters are bytes of
// UTF-8 spelt one a character (see SpeltUTF8), what to write in their
// place: ": "\u00e2\u0080\u0099" are the bytes of ’ in UTF-8, … write
// ’". It is "" for any other value.
func speltHint(v string) string {
	spelt := map[string]string{}
	SpeltUTF8(v, spelt)
	if len(spelt) == 0 {
		return ""
	}
	from := slices.Sorted(maps.Keys(spelt))[0]
	return fmt.Sprintf(": %+q are the bytes of %s in UTF-8, each read as a character (in double quotes, \\x%02X is the character U+%04X, not a byte): write %s", from, spelt[from], []rune(from)[0], []rune(from)[0], spelt[from])
}

// SpeltUTF8 returns s with each run of the characters U+0080 to U+00FF
// whose characters, taken as bytes, are UTF-8, written as what that
// UTF-8 says, when one such run holds one of the controls U+0080 to
// U+009F, which no text holds: "you\u00e2\u0080\u0099re" is "you’re",
// which a WordPress export wrote "you\xE2\x80\x99re" in a double-quoted
// YAML title, whose \x escapes are characters, not bytes; "été", spelt
// "\u00c3\u00a9t\u00c3\u00a9" beside it, is mended too, but not alone,
// as a text may hold "Ã©" on purpose. A character of the range alone
// stays (café). Each run mended goes into spelt (when it is not nil),
// mapped to what it became.
func SpeltUTF8(s string, spelt map[string]string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0x80 && r <= 0x9f }) {
		return s
	}
	// The runs, each with the UTF-8 its characters spell ("" for none).
	type run struct{ text, utf8 string }
	var runs []run
	control := false
	rs := []rune(s)
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && rs[j] >= 0x80 && rs[j] <= 0xff {
			j++
		}
		if j == i {
			for j < len(rs) && (rs[j] < 0x80 || rs[j] > 0xff) {
				j++
			}
			runs = append(runs, run{text: string(rs[i:j])})
			i = j
			continue
		}
		raw := make([]byte, j-i)
		for k, r := range rs[i:j] {
			raw[k] = byte(r)
		}
		r := run{text: string(rs[i:j])}
		if j-i > 1 && utf8.Valid(raw) {
			r.utf8 = string(raw)
			control = control || slices.ContainsFunc(rs[i:j], func(r rune) bool { return r <= 0x9f })
		}
		runs = append(runs, r)
		i = j
	}
	if !control {
		return s
	}
	var b strings.Builder
	for _, r := range runs {
		if r.utf8 == "" {
			b.WriteString(r.text)
			continue
		}
		if spelt != nil {
			spelt[r.text] = r.utf8
		}
		b.WriteString(r.utf8)
	}
	return b.String()
}
