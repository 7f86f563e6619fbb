package diag

import (
	"fmt"
	"strings"
)

// OneEdit reports whether a becomes b by one byte inserted, deleted or
// changed, or by two neighbouring bytes swapped: a slip worth a "did you
// mean" in a message ("titel" for "title", "chrat" for "chart").
func OneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	switch {
	case len(a) == len(b):
		if i == len(a) {
			return false // the same
		}
		if a[i+1:] == b[i+1:] {
			return true // changed
		}
		return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:] // swapped
	case len(a)+1 == len(b):
		return a[i:] == b[i+1:] // inserted
	}
	return false
}

// Slip reports whether got, a name written by hand, may be a slip of
// want, a name plotline knows: the same but for the case of its letters,
// or one edit away (OneEdit) in lower case, in a name of three letters or
// more ("Title" and "titel" for title, "baseurl" for base_url). want is
// in lower case.
func Slip(got, want string) bool {
	return len(got) >= 3 && (strings.EqualFold(got, want) || OneEdit(strings.ToLower(got), want))
}

// DidYouMean returns ": did you mean NAME?" for the first name of known,
// in lower case, that got may be a slip of (Slip), "hight" of high,
// "titel" of title, and "" when there is none.
func DidYouMean(got string, known []string) string {
	for _, k := range known {
		if Slip(got, k) {
			return ": did you mean " + k + "?"
		}
	}
	return ""
}

// MaxNamed is how many names a message lists before it counts the rest
// (Some).
const MaxNamed = 20

// Some joins names for a message, "a, b, c", the first MaxNamed of them
// and then how many more there are, "… and 49980 more": a page of 50,000
// data blocks named each in each of its thousand messages, 389 MB.
func Some(names []string) string {
	if len(names) <= MaxNamed {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:MaxNamed], ", "), len(names)-MaxNamed)
}
