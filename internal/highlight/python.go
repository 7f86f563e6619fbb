package highlight

import "strings"

// pyState is one entry of the Python scanner's state stack, named after the
// states of chroma's Python lexer.
type pyState struct {
	kind  uint8
	quote byte  // string states: ' or "
	long  bool  // string states: triple-quoted
	f     bool  // string states: an f-string
	esc   uint8 // string states: which escapes are recognised
}

// Python scanner states.
const (
	pyRoot      = iota
	pyFuncName  // after def
	pyClassName // after class
	pyFromImport
	pyImport
	pyString
	pyFExpr      // inside {…} of an f-string
	pyFExprInner // inside brackets within an f-string expression
)

// Escapes recognised in a Python string.
const (
	escNone   = iota // raw strings: only \\, \quote and \newline
	escString        // backslash escapes
	escF             // {{, }} and backslash escapes
	escRF            // {{ and }} only
)

// pyScanner lexes Python following chroma's Python lexer rule by rule.
type pyScanner struct {
	e     *emitter
	s     string
	i     int
	stack []pyState
}

// scanPython lexes Python following chroma's Python lexer rule by rule.
func scanPython(e *emitter) bool {
	s := e.src
	if !plainUnicode(s) || strings.Contains(s, "{,2}") {
		// chroma reads {,2} in its docstring rule as literal text.
		return false
	}
	var stack [8]pyState
	p := &pyScanner{e: e, s: s, stack: append(stack[:0], pyState{kind: pyRoot})}
	for p.i < len(s) {
		top := p.stack[len(p.stack)-1]
		var ok bool
		switch top.kind {
		case pyRoot:
			ok = p.root()
		case pyFuncName:
			ok = p.funcName()
		case pyClassName:
			ok = p.name(clsClass)
		case pyFromImport:
			ok = p.fromImport()
		case pyImport:
			ok = p.importNames()
		case pyString:
			ok = p.str(top)
		case pyFExpr:
			ok = p.fexpr()
		case pyFExprInner:
			ok = p.fexprInner()
		}
		if ok {
			continue
		}
		c := s[p.i]
		if c == '\n' && top.kind != pyRoot {
			p.stack = p.stack[:1]
			continue
		}
		if c < ' ' && !isSpace(c) {
			return false // chroma's \s may take control characters
		}
		p.tok(clsError, runeEnd(s, p.i))
	}
	return true
}

// tok emits s[p.i:end] with class cls and moves past it.
func (p *pyScanner) tok(cls string, end int) {
	p.e.emit(cls, end)
	p.i = end
}

func (p *pyScanner) push(st pyState) { p.stack = append(p.stack, st) }

func (p *pyScanner) pop() { p.stack = p.stack[:len(p.stack)-1] }

// word returns the word starting at p.i and its end.
func (p *pyScanner) word() (string, int) {
	end := wordEnd(p.s, p.i)
	return p.s[p.i:end], end
}

// root follows chroma's root state; it reports false when no rule matches.
func (p *pyScanner) root() bool {
	s, i := p.s, p.i
	switch c := s[i]; {
	case c == '\n':
		p.tok(clsText, i+1)
		return true
	case c == '#':
		end := strings.IndexByte(s[i:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += i
		}
		cls := clsComment1
		if i == 0 && end > 2 && s[1] == '!' {
			cls = clsHashbang
		}
		p.tok(cls, end)
		return true
	case c == '\\':
		if at(s, i+1) == '\n' {
			p.tok(clsText, i+2)
		} else {
			p.tok(clsText, i+1)
		}
		return true
	}
	if isWordAt(s, i) {
		w, end := p.word()
		if pyKeyword(w) {
			if w == "yield" {
				end = pyThen(s, end, "from", end)
			}
			p.tok(clsKeyword, end)
			return true
		}
		if w == "False" || w == "True" || w == "None" {
			p.tok(clsKwConstant, end)
			return true
		}
		var cls string
		var next uint8
		switch {
		case strings.HasPrefix(s[i:], "def"):
			cls, next, end = clsKeyword, pyFuncName, i+3
		case strings.HasPrefix(s[i:], "class"):
			cls, next, end = clsKeyword, pyClassName, i+5
		case strings.HasPrefix(s[i:], "from"):
			cls, next, end = clsKwNamespace, pyFromImport, i+4
		case strings.HasPrefix(s[i:], "import"):
			cls, next, end = clsKwNamespace, pyImport, i+6
		}
		if cls != "" {
			if b := pyBlankEnd(s, end); b > end {
				p.tok(cls, end)
				p.tok(clsText, b)
				p.push(pyState{kind: next})
				return true
			}
		}
	}
	return p.expr()
}

// pyThen returns the end of " "+word at s[i] when a word boundary follows
// it, and otherwise def.
func pyThen(s string, i int, word string, def int) int {
	if at(s, i) == ' ' && strings.HasPrefix(s[i+1:], word) && !isWordAt(s, i+1+len(word)) {
		return i + 1 + len(word)
	}
	return def
}

// pyBlankEnd returns the end of the run of spaces and escaped spaces at s[i].
func pyBlankEnd(s string, i int) int {
	for i < len(s) {
		if isSpace(s[i]) {
			i++
		} else if s[i] == '\\' && isSpace(at(s, i+1)) {
			i += 2
		} else {
			break
		}
	}
	return i
}

// expr follows chroma's expr state.
func (p *pyScanner) expr() bool {
	s, i := p.s, p.i
	if p.stringStart() {
		return true
	}
	c := s[i]
	switch {
	case c == ' ' || c == '\t' || c == '\v' || c == '\f':
		end := i + 1
		for end < len(s) && s[end] != '\n' && isSpace(s[end]) {
			end++
		}
		p.tok(clsText, end)
		return true
	case isDigit(c) || c == '.' && isDigit(at(s, i+1)):
		cls, end := pyNumber(s, i)
		p.tok(cls, end)
		return true
	}
	if len(s)-i >= 2 {
		switch s[i : i+2] {
		case "!=", "==", "<<", ">>", ":=":
			p.tok(clsOperator, i+2)
			return true
		}
	}
	if strings.IndexByte("-~+/*%=<>&^|.", c) >= 0 {
		p.tok(clsOperator, i+1)
		return true
	}
	if strings.IndexByte("[]{}:(),;", c) >= 0 {
		p.tok(clsPunct, i+1)
		return true
	}
	if c == '@' {
		end := pyNameEnd(s, i+1)
		if end == i+1 {
			p.tok(clsOperator, i+1)
			return true
		}
		for {
			j := spaceEnd(s, end)
			if at(s, j) != '.' {
				break
			}
			j = spaceEnd(s, j+1)
			k := pyNameEnd(s, j)
			if k == j {
				break
			}
			end = k
		}
		p.tok(clsDecorator, end)
		return true
	}
	if !isWordAt(s, i) {
		return false
	}
	w, end := p.word()
	switch w {
	case "in", "is", "and", "or", "not":
		p.tok(clsOpWord, end)
		return true
	case "yield":
		p.tok(clsKeyword, pyThen(s, end, "from", end))
		return true
	case "async":
		if e := pyThen(s, end, "for", end); e > end {
			p.tok(clsKeyword, e)
			return true
		}
	case "lambda", "await", "else", "for", "if":
		p.tok(clsKeyword, end)
		return true
	case "False", "True", "None":
		p.tok(clsKwConstant, end)
		return true
	}
	if i == 0 || s[i-1] != '.' {
		if pyBuiltin(w) {
			p.tok(clsBuiltin, end)
			return true
		}
		switch w {
		case "self", "Ellipsis", "NotImplemented", "cls":
			p.tok(clsBuiltinPs, end)
			return true
		}
		if pyException(w) {
			p.tok(clsException, end)
			return true
		}
	}
	if pyMagicFunc(w) {
		p.tok(clsFuncMagic, end)
		return true
	}
	if pyMagicVar(w) {
		p.tok(clsVarMagic, end)
		return true
	}
	if end = pyNameEnd(s, i); end > i {
		p.tok(clsName, end)
		return true
	}
	return false
}

// pyNameEnd returns the end of the name at s[i], or i when there is none.
func pyNameEnd(s string, i int) int {
	if i >= len(s) || !isIdentStart(s, i) {
		return i
	}
	return wordEnd(s, i)
}

// stringStart lexes the opening of a string literal at p.i, if there is one.
func (p *pyScanner) stringStart() bool {
	s, i := p.s, p.i
	n := 0 // length of the prefix
	for n < 2 && i+n < len(s) && strings.IndexByte("rRfFbBuU", s[i+n]) >= 0 {
		n++
	}
	var st pyState
	for ; n >= 0; n-- {
		q := at(s, i+n)
		if q != '"' && q != '\'' {
			continue
		}
		switch strings.ToLower(s[i : i+n]) {
		case "rf", "fr":
			st = pyState{f: true, esc: escRF}
		case "f":
			st = pyState{f: true, esc: escF}
		case "rb", "br", "r":
			st = pyState{esc: escNone}
		case "", "u", "b":
			st = pyState{esc: escString}
		default:
			continue
		}
		st.kind, st.quote = pyString, q
		end := i + n + 1
		if at(s, end) == q && at(s, end+1) == q {
			st.long = true
			end += 2
		}
		p.tok(clsStrAffix, i+n)
		p.tok(pyStringClass(q), end)
		p.push(st)
		return true
	}
	return false
}

// pyStringClass returns the class of a string quoted with q.
func pyStringClass(q byte) string {
	if q == '"' {
		return clsStrDouble
	}
	return clsStrSingle
}

// str follows chroma's string states (dqs, tsqs, dqf, …, combined with the
// escape states).
func (p *pyScanner) str(st pyState) bool {
	s, i := p.s, p.i
	cls := pyStringClass(st.quote)
	c := s[i]
	// The escape states come first.
	if st.esc == escF || st.esc == escRF {
		if strings.HasPrefix(s[i:], "{{") || strings.HasPrefix(s[i:], "}}") {
			p.tok(clsStrEscape, i+2)
			return true
		}
	}
	if (st.esc == escF || st.esc == escString) && c == '\\' {
		if end := pyEscapeEnd(s, i); end > 0 {
			p.tok(clsStrEscape, end)
			return true
		}
	}
	// Then the string's own rules.
	if c == st.quote {
		if !st.long {
			p.tok(cls, i+1)
			p.pop()
			return true
		}
		if at(s, i+1) == c && at(s, i+2) == c {
			p.tok(cls, i+3)
			p.pop()
			return true
		}
	}
	if !st.long && c == '\\' {
		if d := at(s, i+1); d == '\\' || d == st.quote || d == '\n' {
			p.tok(clsStrEscape, i+2)
			return true
		}
	}
	if st.f {
		switch c {
		case '}':
			p.tok(clsStrInterpol, i+1)
		case '{':
			p.tok(clsStrInterpol, i+1)
			p.push(pyState{kind: pyFExpr})
		case '\\', '\'', '"':
			p.tok(cls, i+1)
		case '\n':
			if !st.long {
				return false
			}
			p.tok(cls, i+1)
		default:
			end := i + 1
			for end < len(s) && strings.IndexByte("\\'\"{}\n", s[end]) < 0 {
				end++
			}
			p.tok(cls, end)
		}
		return true
	}
	switch c {
	case '%':
		if end := pyPercentEnd(s, i); end > 0 {
			p.tok(clsStrInterpol, end)
		} else {
			p.tok(cls, i+1)
		}
	case '{':
		if end := pyFormatEnd(s, i); end > 0 {
			p.tok(clsStrInterpol, end)
		} else if at(s, i+1) == '{' {
			p.tok(cls, i+2)
		} else {
			p.tok(cls, i+1)
		}
	case '\\', '\'', '"':
		p.tok(cls, i+1)
	case '\n':
		if !st.long {
			return false
		}
		p.tok(cls, i+1)
	default:
		end := i + 1
		for end < len(s) && strings.IndexByte("\\'\"%{\n", s[end]) < 0 {
			end++
		}
		p.tok(cls, end)
	}
	return true
}

// pyEscapeEnd returns the end of the backslash escape at s[i], or -1.
func pyEscapeEnd(s string, i int) int {
	c := at(s, i+1)
	switch {
	case c != 0 && strings.IndexByte("\\abfnrtv\"'\n", c) >= 0:
		return i + 2
	case c == 'N' && at(s, i+2) == '{':
		for j := i + 3; j < len(s) && s[j] != '\n'; j++ {
			if s[j] == '}' {
				return j + 1
			}
		}
	case c == 'u':
		return hexRun(s, i+2, 4, func(k int) int { return k })
	case c == 'U':
		return hexRun(s, i+2, 8, func(k int) int { return k })
	case c == 'x':
		return hexRun(s, i+2, 2, func(k int) int { return k })
	case '0' <= c && c <= '7':
		j := i + 1
		for j < len(s) && j < i+4 && '0' <= s[j] && s[j] <= '7' {
			j++
		}
		return j
	}
	return -1
}

// pyPercentEnd returns the end of the %-format directive at s[i], or -1.
func pyPercentEnd(s string, i int) int {
	j := i + 1
	if at(s, j) == '(' {
		if k := wordEnd(s, j+1); k > j+1 && at(s, k) == ')' {
			j = k + 1
		}
	}
	for j < len(s) && strings.IndexByte("-#0 +", s[j]) >= 0 {
		j++
	}
	if at(s, j) == '*' {
		j++
	} else {
		j = digitsEnd(s, j)
	}
	if at(s, j) == '.' {
		if at(s, j+1) == '*' {
			j += 2
		} else if d := digitsEnd(s, j+1); d > j+1 {
			j = d
		}
	}
	if c := at(s, j); c == 'h' || c == 'l' || c == 'L' {
		j++
	}
	if c := at(s, j); c != 0 && strings.IndexByte("EFGXcdefgiorsaux%", c) >= 0 {
		return j + 1
	}
	return -1
}

// pyFormatEnd returns the end of the str.format field at s[i], or -1.
func pyFormatEnd(s string, i int) int {
	j := i + 1
	if k := wordEnd(s, j); k > j {
		j = k
		for {
			if at(s, j) == '.' {
				if k := wordEnd(s, j+1); k > j+1 {
					j = k
					continue
				}
			}
			if at(s, j) == '[' {
				if k := strings.IndexByte(s[j+1:], ']'); k > 0 {
					j += k + 2
					continue
				}
			}
			break
		}
	}
	if at(s, j) == '!' && strings.IndexByte("sra", at(s, j+1)) >= 0 && at(s, j+1) != 0 {
		j += 2
	}
	if at(s, j) == '}' {
		return j + 1
	}
	if at(s, j) != ':' {
		return -1
	}
	j++
	// The fill may be any character but a newline, then the alignment.
	starts := make([]int, 0, 3)
	if j < len(s) && s[j] != '\n' {
		if k := runeEnd(s, j); strings.IndexByte("<>=^", at(s, k)) >= 0 && at(s, k) != 0 {
			starts = append(starts, k+1)
		}
	}
	if strings.IndexByte("<>=^", at(s, j)) >= 0 && at(s, j) != 0 {
		starts = append(starts, j+1)
	}
	starts = append(starts, j)
	for _, k := range starts {
		if end := pyFormatSpecEnd(s, k); end > 0 {
			return end
		}
	}
	return -1
}

// pyFormatSpecEnd matches [-+ ]?#?0?(\d+)?,?(\.\d+)?[E-GXb-gnosx%]?\} at s[j].
func pyFormatSpecEnd(s string, j int) int {
	if c := at(s, j); c == '-' || c == '+' || c == ' ' {
		j++
	}
	if at(s, j) == '#' {
		j++
	}
	if at(s, j) == '0' {
		j++
	}
	j = digitsEnd(s, j)
	if at(s, j) == ',' {
		j++
	}
	if at(s, j) == '.' {
		if d := digitsEnd(s, j+1); d > j+1 {
			j = d
		}
	}
	if c := at(s, j); c != 0 && strings.IndexByte("EFGXbcdefgnosx%", c) >= 0 {
		j++
	}
	if at(s, j) == '}' {
		return j + 1
	}
	return -1
}

// pyDigitsEnd matches \d(?:_?\d)* at s[i] and returns its end, or -1.
func pyDigitsEnd(s string, i int) int {
	if !isDigit(at(s, i)) {
		return -1
	}
	i++
	for {
		if isDigit(at(s, i)) {
			i++
		} else if at(s, i) == '_' && isDigit(at(s, i+1)) {
			i += 2
		} else {
			return i
		}
	}
}

// pyExponentEnd matches [eE][+-]?\d(?:_?\d)* at s[i] and returns its end, or -1.
func pyExponentEnd(s string, i int) int {
	if c := at(s, i); c != 'e' && c != 'E' {
		return -1
	}
	i++
	if c := at(s, i); c == '+' || c == '-' {
		i++
	}
	return pyDigitsEnd(s, i)
}

// pyNumber returns the class and end of the number at s[i], trying chroma's
// number rules in order.
func pyNumber(s string, i int) (string, int) {
	d := pyDigitsEnd(s, i)
	end := -1
	if d > 0 && at(s, d) == '.' {
		end = d + 1
		if f := pyDigitsEnd(s, end); f > 0 {
			end = f
		}
	} else if d < 0 {
		end = pyDigitsEnd(s, i+1) // s[i] is a dot before a digit
	}
	if end > 0 {
		if x := pyExponentEnd(s, end); x > 0 {
			end = x
		}
		return clsNumFloat, end
	}
	if x := pyExponentEnd(s, d); x > 0 {
		if at(s, x) == 'j' {
			x++
		}
		return clsNumFloat, x
	}
	if s[i] == '0' {
		c := at(s, i+1)
		var cls string
		var ok func(byte) bool
		switch c {
		case 'o', 'O':
			cls, ok = clsNumOct, func(b byte) bool { return '0' <= b && b <= '7' }
		case 'b', 'B':
			cls, ok = clsNumBin, func(b byte) bool { return b == '0' || b == '1' }
		case 'x', 'X':
			cls, ok = clsNumHex, isHex
		}
		if ok != nil {
			j := i + 2
			for {
				if ok(at(s, j)) {
					j++
				} else if at(s, j) == '_' && ok(at(s, j+1)) {
					j += 2
				} else {
					break
				}
			}
			if j > i+2 {
				return cls, j
			}
		}
	}
	return clsNumInteger, d
}

// funcName follows chroma's funcname state.
func (p *pyScanner) funcName() bool {
	if p.i < len(p.s) && isWordAt(p.s, p.i) {
		w, end := p.word()
		if pyMagicFunc(w) {
			p.tok(clsFuncMagic, end)
			return true
		}
	}
	if p.name(clsFunction) {
		return true
	}
	p.pop()
	return true
}

// name lexes a name with class cls and pops the state; it reports false
// when there is no name at p.i.
func (p *pyScanner) name(cls string) bool {
	end := pyNameEnd(p.s, p.i)
	if end == p.i {
		return false
	}
	p.tok(cls, end)
	p.pop()
	return true
}

// fromImport follows chroma's fromimport state.
func (p *pyScanner) fromImport() bool {
	s, i := p.s, p.i
	if b := spaceEnd(s, i); b > i && strings.HasPrefix(s[b:], "import") && !isWordAt(s, b+6) {
		p.tok(clsText, b)
		p.tok(clsKwNamespace, b+6)
		p.pop()
		return true
	}
	if s[i] == '.' {
		p.tok(clsNamespace, i+1)
		return true
	}
	if strings.HasPrefix(s[i:], "None") && !isWordAt(s, i+4) {
		p.tok(clsBuiltinPs, i+4)
		p.pop()
		return true
	}
	if end := pyNameEnd(s, i); end > i {
		p.tok(clsNamespace, end)
		return true
	}
	p.pop()
	return true
}

// importNames follows chroma's import state.
func (p *pyScanner) importNames() bool {
	s, i := p.s, p.i
	if b := spaceEnd(s, i); b > i && strings.HasPrefix(s[b:], "as") {
		if a := spaceEnd(s, b+2); a > b+2 {
			p.tok(clsText, b)
			p.tok(clsKeyword, b+2)
			p.tok(clsText, a)
			return true
		}
	}
	if s[i] == '.' {
		p.tok(clsNamespace, i+1)
		return true
	}
	if end := pyNameEnd(s, i); end > i {
		p.tok(clsNamespace, end)
		return true
	}
	if b := spaceEnd(s, i); at(s, b) == ',' {
		p.tok(clsText, b)
		p.tok(clsOperator, b+1)
		p.tok(clsText, spaceEnd(s, b+1))
		return true
	}
	p.pop()
	return true
}

// fexpr follows chroma's expr-inside-fstring state.
func (p *pyScanner) fexpr() bool {
	s, i := p.s, p.i
	c := s[i]
	if c == '{' || c == '(' || c == '[' {
		p.tok(clsPunct, i+1)
		p.push(pyState{kind: pyFExprInner})
		return true
	}
	j := i
	if c == '=' {
		j = spaceEnd(s, i+1)
	}
	for _, k := range [...]int{j, i} {
		if at(s, k) == '!' && at(s, k+1) != 0 && strings.IndexByte("sraf", at(s, k+1)) >= 0 {
			k += 2
		}
		if d := at(s, k); d == '}' || d == ':' {
			p.tok(clsStrInterpol, k+1)
			p.pop()
			return true
		}
		if j == i {
			break
		}
	}
	if isSpace(c) {
		p.tok(clsText, spaceEnd(s, i))
		return true
	}
	return p.expr()
}

// fexprInner follows chroma's expr-inside-fstring-inner state.
func (p *pyScanner) fexprInner() bool {
	s, i := p.s, p.i
	switch c := s[i]; {
	case c == '{' || c == '(' || c == '[':
		p.tok(clsPunct, i+1)
		p.push(pyState{kind: pyFExprInner})
		return true
	case c == '}' || c == ')' || c == ']':
		p.tok(clsPunct, i+1)
		p.pop()
		return true
	case isSpace(c):
		p.tok(clsText, spaceEnd(s, i))
		return true
	}
	return p.expr()
}
