package importer

import (
	"bytes"
	"regexp"
	"strings"
)

// autoIDsRE matches the reference of a kramdown attribute list that gives
// the terms of a definition list ids: "auto_ids", or "auto_ids-g-" whose
// ids start with "g-".
var autoIDsRE = regexp.MustCompile(`^auto_ids(?:-([\w-]+))?$`)

// autoIDs finds kramdown's {:auto_ids} attribute lists that give their
// ids to the terms of a definition list, on a line of their own directly
// after the list or, after a blank line, directly before it. It returns
// the id of each term, by the body offset of the term's line, and the
// body offsets of those attribute lists. A term whose text is Liquid, or
// that names its own id, is left out.
func autoIDs(body []byte, code []span) (terms map[int]string, lists map[int]bool) {
	var lines [][2]int // each line's start and end, without its line feed
	for off := 0; off < len(body); {
		end := bytes.IndexByte(body[off:], '\n')
		if end < 0 {
			lines = append(lines, [2]int{off, len(body)})
			break
		}
		lines = append(lines, [2]int{off, off + end})
		off += end + 1
	}
	text := func(k int) []byte { return body[lines[k][0]:lines[k][1]] }
	for k := range lines {
		line := bytes.TrimSpace(text(k))
		if !bytes.HasPrefix(line, []byte("{:")) || bytes.HasPrefix(line, []byte("{::")) || !bytes.HasSuffix(line, []byte("}")) || inSpans(code, lines[k][0]) {
			continue
		}
		prefix, ok := "", false
		for _, f := range strings.Fields(string(line[2 : len(line)-1])) {
			if m := autoIDsRE.FindStringSubmatch(f); m != nil {
				prefix, ok = m[1], true
				break
			}
		}
		if !ok {
			continue
		}
		// kramdown gives a block attribute list to the block it follows,
		// and to the next one only after a blank line.
		var dl []int
		if k > 0 && len(bytes.TrimSpace(text(k-1))) > 0 {
			for s := k - 1; s >= 0; s-- {
				if t := text(s); len(bytes.TrimSpace(t)) == 0 || t[0] == ' ' || t[0] == '\t' || t[0] == ':' || s > 0 && len(bytes.TrimSpace(text(s-1))) > 0 {
					continue // not where a list's terms may start
				}
				found, end := definitionTerms(body, lines, s)
				if found == nil || end != k {
					break
				}
				dl = found // an earlier start may take in more of the list
			}
		} else if k+1 < len(lines) {
			if found, _ := definitionTerms(body, lines, k+1); found != nil {
				dl = found
			}
		}
		if dl == nil {
			continue
		}
		if lists == nil {
			terms, lists = map[int]string{}, map[int]bool{}
		}
		lists[lines[k][0]] = true
		seen := map[string]bool{}
		for _, t := range dl {
			term := bytes.TrimSpace(text(t))
			if bytes.Contains(term, []byte("{{")) || bytes.Contains(term, []byte("{%")) || bytes.Contains(term, []byte("{:")) {
				continue
			}
			id := kramdownID(string(term))
			if id == "" || seen[id] {
				continue // kramdown would repeat it; the first keeps the links
			}
			seen[id] = true
			terms[lines[t][0]] = prefix + id
		}
	}
	return terms, lists
}

// definitionTerms reads the kramdown definition list that starts at line
// k of body, whose lines are lines, and returns the line numbers of its
// terms and the number of the line after its last one; nil when no
// definition list starts there. A term is a line of a paragraph that a
// definition (":   …") follows; a definition runs on over indented lines,
// and over blank lines before indented ones.
func definitionTerms(body []byte, lines [][2]int, k int) (terms []int, end int) {
	text := func(k int) []byte { return body[lines[k][0]:lines[k][1]] }
	blank := func(k int) bool { return len(bytes.TrimSpace(text(k))) == 0 }
	indented := func(k int) bool { t := text(k); return len(t) > 0 && (t[0] == ' ' || t[0] == '\t') }
	definition := func(k int) bool {
		t := bytes.TrimLeft(text(k), " ")
		return len(text(k))-len(t) <= 3 && len(t) > 1 && t[0] == ':' && (t[1] == ' ' || t[1] == '\t')
	}
	n := len(lines)
	for j := k; j < n; {
		first := j
		for j < n && !blank(j) && !indented(j) && !definition(j) {
			j++
		}
		if j == first || j >= n || !definition(j) {
			break
		}
		for t := first; t < j; t++ {
			terms = append(terms, t)
		}
		last := j
	definitions:
		for j++; j < n; j++ {
			switch {
			case definition(j), indented(j) && !blank(j):
				last = j
			case blank(j):
				m := j
				for m < n && blank(m) {
					m++
				}
				if m < n && (definition(m) || indented(m)) {
					j = m - 1
					continue
				}
				break definitions
			case j+1 < n && definition(j+1):
				break definitions // the next term
			case bytes.HasPrefix(text(j), []byte("{:")) || bytes.IndexByte([]byte("#<>`~|"), text(j)[0]) >= 0:
				break definitions // an attribute list, or a block of another kind
			default:
				last = j // a lazy line of the definition
			}
		}
		end = last + 1
		for j < n && blank(j) {
			j++
		}
	}
	return terms, end
}

// kramdownID returns the id kramdown makes of text: what follows its
// first ASCII letter, with only ASCII letters, digits, spaces and "-"
// kept, spaces made "-", in lower case.
func kramdownID(text string) string {
	start := strings.IndexFunc(text, func(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' })
	if start < 0 {
		return ""
	}
	var b strings.Builder
	for _, r := range text[start:] {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}
