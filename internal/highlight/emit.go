package highlight

import "strings"

// Class names chroma's HTML formatter gives token types (chroma.StandardTypes).
const (
	clsText        = ""
	clsWhitespace  = "w"
	clsError       = "err"
	clsKeyword     = "k"
	clsKwConstant  = "kc"
	clsKwDecl      = "kd"
	clsKwNamespace = "kn"
	clsKwType      = "kt"
	clsName        = "n"
	clsNameOther   = "nx"
	clsBuiltin     = "nb"
	clsBuiltinPs   = "bp"
	clsClass       = "nc"
	clsDecorator   = "nd"
	clsException   = "ne"
	clsFunction    = "nf"
	clsFuncMagic   = "fm"
	clsNamespace   = "nn"
	clsVarMagic    = "vm"
	clsString      = "s"
	clsStrAffix    = "sa"
	clsStrChar     = "sc"
	clsStrDouble   = "s2"
	clsStrEscape   = "se"
	clsStrInterpol = "si"
	clsStrSingle   = "s1"
	clsNumber      = "m"
	clsNumBin      = "mb"
	clsNumFloat    = "mf"
	clsNumHex      = "mh"
	clsNumInteger  = "mi"
	clsNumOct      = "mo"
	clsOperator    = "o"
	clsOpWord      = "ow"
	clsPunct       = "p"
	clsHashbang    = "ch"
	clsCommentMul  = "cm"
	clsPreproc     = "cp"
	clsComment1    = "c1"
)

const (
	lineOpen  = `<span class="line"><span class="cl">`
	lineClose = `</span></span>`
)

// emitter writes tokens as chroma's HTML formatter does: runs of the same
// class merged into one span, each line in its own line span, and no span
// at all for plain text.
type emitter struct {
	src   string
	b     strings.Builder
	start int    // start of the pending run
	pos   int    // end of the pending run: all of src before it is tokenised
	cls   string // class of the pending run
	open  bool   // a line span is open in b
}

// emit adds the token src[e.pos:end] with class cls.
func (e *emitter) emit(cls string, end int) {
	if end <= e.pos {
		return
	}
	if cls != e.cls {
		e.flush()
		e.cls = cls
	}
	e.pos = end
}

// flush writes the pending run.
func (e *emitter) flush() {
	text := e.src[e.start:e.pos]
	e.start = e.pos
	for text != "" {
		piece := text
		nl := strings.IndexByte(text, '\n')
		if nl >= 0 {
			piece = text[:nl+1]
		}
		text = text[len(piece):]
		if !e.open {
			e.b.WriteString(lineOpen)
			e.open = true
		}
		if e.cls != "" {
			e.b.WriteString(`<span class="`)
			e.b.WriteString(e.cls)
			e.b.WriteString(`">`)
			escape(&e.b, piece)
			e.b.WriteString(`</span>`)
		} else {
			escape(&e.b, piece)
		}
		if nl >= 0 {
			e.b.WriteString(lineClose)
			e.open = false
		}
	}
}

// finish writes what is pending and closes the last line.
func (e *emitter) finish() {
	e.flush()
	if e.open {
		e.b.WriteString(lineClose)
		e.open = false
	}
}

// escape writes s to b escaped as html.EscapeString does.
func escape(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		case '&':
			rep = "&amp;"
		case '\'':
			rep = "&#39;"
		case '"':
			rep = "&#34;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(rep)
		last = i + 1
	}
	b.WriteString(s[last:])
}
