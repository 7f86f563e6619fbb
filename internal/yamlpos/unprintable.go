package yamlpos

import (
	"fmt"
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
				diags.Errorf(pos(n), "%s%s", prefix, UnprintableMessage(r))
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
