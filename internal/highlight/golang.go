package highlight

import "strings"

// scanGo lexes Go following chroma's Go lexer rule by rule.
func scanGo(e *emitter) bool {
	s := e.src
	if !plainUnicode(s) {
		return false
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case isSpace(c):
			i = spaceEnd(s, i)
			e.emit(clsWhitespace, i)
			continue
		case c == '/' && at(s, i+1) == '/':
			end := strings.IndexByte(s[i:], '\n')
			if end < 0 {
				end = len(s)
			} else {
				end += i
			}
			cls := clsComment1
			if i+2 < len(s) && !isSpace(s[i+2]) {
				if s[i+2] < ' ' {
					return false
				}
				cls = clsPreproc
			}
			e.emit(cls, end)
			i = end
			continue
		case c == '/' && at(s, i+1) == '\\':
			return false // a comment may open across a line continuation
		case c == '/' && at(s, i+1) == '*':
			if end := goCommentEnd(s, i+2); end >= 0 {
				e.emit(clsCommentMul, end)
				i = end
				continue
			}
		case isIdentStart(s, i):
			i = goWord(e, s, i)
			continue
		case isDigit(c) || c == '.' && isDigit(at(s, i+1)):
			cls, end := goNumber(s, i)
			e.emit(cls, end)
			i = end
			continue
		case c == '\'':
			end := goChar(s, i)
			if end < 0 {
				e.emit(clsError, i+1)
				i++
				continue
			}
			e.emit(clsStrChar, end)
			i = end
			continue
		case c == '`':
			n := strings.IndexByte(s[i+1:], '`')
			if n < 0 {
				e.emit(clsError, i+1)
				i++
				continue
			}
			end := i + 1 + n + 1
			if strings.Contains(s[i:end], "{{") {
				return false // chroma lexes raw strings as text templates
			}
			e.emit(clsString, end)
			i = end
			continue
		case c == '"':
			end := goString(s, i)
			if end < 0 {
				return false
			}
			e.emit(clsString, end)
			i = end
			continue
		}
		if n := goOperator(s, i); n > 0 {
			e.emit(clsOperator, i+n)
			i += n
			continue
		}
		if strings.IndexByte("|^<>=!()[]{}.,;:~", c) >= 0 {
			e.emit(clsPunct, i+1)
			i++
			continue
		}
		if c < ' ' {
			return false // chroma's \s may take control characters
		}
		i = runeEnd(s, i)
		e.emit(clsError, i)
	}
	e.emit(clsWhitespace, len(s))
	return true
}

// goCommentEnd returns the end of the block comment whose body starts at
// s[i], or -1 when it is not closed.
func goCommentEnd(s string, i int) int {
	for ; i < len(s); i++ {
		if s[i] != '*' {
			continue
		}
		if at(s, i+1) == '/' {
			return i + 2
		}
		if strings.HasPrefix(s[i+1:], "\\\n/") {
			return i + 4
		}
	}
	return -1
}

// goWord lexes the identifier or keyword at s[i] and returns its end.
func goWord(e *emitter, s string, i int) int {
	end := wordEnd(s, i)
	w := s[i:end]
	switch w {
	case "import", "package":
		e.emit(clsKwNamespace, end)
		return end
	case "var", "func", "struct", "map", "chan", "type", "interface", "const":
		e.emit(clsKwDecl, end)
		return end
	case "break", "default", "select", "case", "defer", "go", "else", "goto",
		"switch", "fallthrough", "if", "range", "continue", "for", "return":
		e.emit(clsKeyword, end)
		return end
	case "true", "false", "iota", "nil":
		e.emit(clsKwConstant, end)
		return end
	}
	if at(s, end) == '(' && goBuiltin(w) {
		e.emit(clsBuiltin, end)
		e.emit(clsPunct, end+1)
		return end + 1
	}
	if goType(w) {
		e.emit(clsKwType, end)
		return end
	}
	if s[i] < 0x80 {
		if j := spaceEnd(s, end); at(s, j) == '(' {
			e.emit(clsFunction, end)
			e.emit(clsWhitespace, j)
			e.emit(clsPunct, j+1)
			return j + 1
		}
	}
	e.emit(clsNameOther, end)
	return end
}

// goBuiltin reports whether w is a predeclared type or function that chroma
// marks as a builtin when a call's parenthesis follows it.
func goBuiltin(w string) bool {
	switch w {
	case "uint", "uint8", "uint16", "uint32", "uint64", "int", "int8", "int16",
		"int32", "int64", "float", "float32", "float64", "complex64", "complex128",
		"byte", "rune", "string", "bool", "error", "uintptr", "print", "println",
		"panic", "recover", "close", "complex", "real", "imag", "len", "cap",
		"append", "copy", "delete", "new", "make", "clear", "min", "max":
		return true
	}
	return false
}

// goType reports whether w is a predeclared type name.
func goType(w string) bool {
	switch w {
	case "uint", "uint8", "uint16", "uint32", "uint64", "int", "int8", "int16",
		"int32", "int64", "float", "float32", "float64", "complex64", "complex128",
		"byte", "rune", "string", "bool", "error", "uintptr", "any":
		return true
	}
	return false
}

// digitsEnd returns the end of the run of ASCII digits starting at s[i].
func digitsEnd(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// goImagEnd returns the end of an imaginary literal whose optional signed
// exponent starts at s[i], or -1.
func goImagEnd(s string, i int) int {
	if c := at(s, i); (c == 'e' || c == 'E') && (at(s, i+1) == '-' || at(s, i+1) == '+') {
		if d := digitsEnd(s, i+2); d > i+2 && at(s, d) == 'i' {
			return d + 1
		}
	}
	if at(s, i) == 'i' {
		return i + 1
	}
	return -1
}

// goNumber returns the class and end of the number at s[i], trying chroma's
// number rules in order.
func goNumber(s string, i int) (string, int) {
	d := digitsEnd(s, i)
	if d > i {
		if at(s, d) == 'i' {
			return clsNumber, d + 1
		}
		if at(s, d) == '.' {
			if end := goImagEnd(s, digitsEnd(s, d+1)); end >= 0 {
				return clsNumber, end
			}
		}
	} else if d := digitsEnd(s, i+1); d > i+1 {
		if end := goImagEnd(s, d); end >= 0 {
			return clsNumber, end
		}
	}
	if d > i {
		if c := at(s, d); c == 'e' || c == 'E' {
			if c := at(s, d+1); c == '-' || c == '+' {
				if g := digitsEnd(s, d+2); g > d+2 && at(s, g) == 'i' {
					return clsNumber, g + 1
				}
			}
		}
		if at(s, d) == '.' {
			f := digitsEnd(s, d+1)
			if f > d+1 {
				if g := goExponentEnd(s, f); g >= 0 {
					return clsNumFloat, g
				}
			}
			return clsNumFloat, f
		}
		if g := goExponentEnd(s, d); g >= 0 {
			return clsNumFloat, g
		}
	} else {
		f := digitsEnd(s, i+1)
		if g := goExponentEnd(s, f); g >= 0 {
			return clsNumFloat, g
		}
		return clsNumFloat, f
	}
	if s[i] == '0' {
		j := i + 1
		for j < len(s) && '0' <= s[j] && s[j] <= '7' {
			j++
		}
		if j > i+1 {
			return clsNumOct, j
		}
		if c := at(s, i+1); c == 'x' || c == 'X' {
			j := i + 2
			for j < len(s) && (isHex(s[j]) || s[j] == '_') {
				j++
			}
			if j > i+2 {
				return clsNumHex, j
			}
		}
		if at(s, i+1) == 'b' {
			j := i + 2
			for j < len(s) && (s[j] == '0' || s[j] == '1' || s[j] == '_') {
				j++
			}
			if j > i+2 {
				return clsNumBin, j
			}
		}
		return clsNumInteger, i + 1
	}
	j := i + 1
	for j < len(s) && (isDigit(s[j]) || s[j] == '_') {
		j++
	}
	return clsNumInteger, j
}

// goExponentEnd returns the end of the exponent [eE][+-]?\d+ at s[i], or -1.
func goExponentEnd(s string, i int) int {
	if c := at(s, i); c != 'e' && c != 'E' {
		return -1
	}
	j := i + 1
	if c := at(s, j); c == '+' || c == '-' {
		j++
	}
	if d := digitsEnd(s, j); d > j {
		return d
	}
	return -1
}

// goChar returns the end of the rune literal at s[i], or -1.
func goChar(s string, i int) int {
	j := i + 1
	if j >= len(s) {
		return -1
	}
	if s[j] != '\\' {
		j = runeEnd(s, j)
		if at(s, j) == '\'' {
			return j + 1
		}
		return -1
	}
	c := at(s, j+1)
	closeAt := func(k int) int {
		if at(s, k) == '\'' {
			return k + 1
		}
		return -1
	}
	switch {
	case strings.IndexByte(`'"\abfnrtv`, c) >= 0 && c != 0:
		return closeAt(j + 2)
	case c == 'x':
		return hexRun(s, j+2, 2, closeAt)
	case '0' <= c && c <= '7':
		k := j + 1
		for k < len(s) && k < j+4 && '0' <= s[k] && s[k] <= '7' {
			k++
		}
		return closeAt(k)
	case c == 'u':
		return hexRun(s, j+2, 4, closeAt)
	case c == 'U':
		return hexRun(s, j+2, 8, closeAt)
	}
	return -1
}

// hexRun checks for n hexadecimal digits at s[i] and passes their end to then.
func hexRun(s string, i, n int, then func(int) int) int {
	for k := i; k < i+n; k++ {
		if !isHex(at(s, k)) {
			return -1
		}
	}
	return then(i + n)
}

// goString returns the end of the interpreted string literal at s[i], or -1
// when it is not closed. Like chroma's rule, it may span lines.
func goString(s string, i int) int {
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			if c := at(s, j+1); c == '\\' || c == '"' {
				j++
			}
		case '"':
			return j + 1
		}
	}
	return -1
}

// goOperator returns the length of the operator at s[i], or 0.
func goOperator(s string, i int) int {
	rest := s[i:]
	for _, op := range [...]string{"<<=", ">>=", "&^=", "..."} {
		if strings.HasPrefix(rest, op) {
			return 3
		}
	}
	if len(rest) >= 2 {
		switch rest[:2] {
		case "<<", ">>", "<=", ">=", "&^", "+=", "-=", "*=", "/=", "%=", "&=",
			"|=", "&&", "||", "<-", "++", "--", "==", "!=", ":=":
			return 2
		}
	}
	if strings.IndexByte("+-*/%&", rest[0]) >= 0 {
		return 1
	}
	return 0
}
