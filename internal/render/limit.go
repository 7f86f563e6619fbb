package render

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
	"text/template/parse"

	"github.com/plotline/plotline/internal/diag"
)

// MaxOutputBytes is the most one execution of a template may write (a
// Layouts' bound, which its tests lower): a
// page, a chart's figure, an embed page or an article's list entry. The
// largest page of plotline's budget sites, an article of 1,000 charts,
// is 38 MB; a {{ range }} over a number in the billions, or partials that
// call each other twice each, would fill the memory.
const MaxOutputBytes = 256 << 20

// errTooMuch is what a limitWriter says once its bound is passed.
var errTooMuch = errors.New("too much output")

// recentWrites is how many of its last writes a limitWriter keeps, to
// find the text of a template among them.
const recentWrites = 16

// limitWriter passes writes on to w until left bytes have been written,
// and fails every write after that. It keeps its last writes: the
// templates write a text of a template file as the slice the parser
// made of it, so that the place of the text tells where the templates
// were when they wrote too much.
type limitWriter struct {
	w      io.Writer
	left   int
	recent [recentWrites][]byte
	n      int
}

// Write writes p to w, or fails when that would pass the bound.
func (lw *limitWriter) Write(p []byte) (int, error) {
	lw.recent[lw.n%recentWrites] = p
	lw.n++
	if len(p) > lw.left {
		lw.left = -1
		return 0, errTooMuch
	}
	lw.left -= len(p)
	return lw.w.Write(p)
}

// execute runs the template name of set t with data into w, bounded by
// l.maxOutput; file is as for execError. Too much output is an
// *ExecError at the text of a template written last, or at the start of
// the template run when none of the last writes was one.
func (l *Layouts) execute(t *template.Template, w io.Writer, name string, data any, file string) error {
	lw := &limitWriter{w: w, left: l.maxOutput}
	err := t.ExecuteTemplate(lw, name, data)
	if !errors.Is(err, errTooMuch) {
		return l.execError(err, file)
	}
	pos := diag.Pos{Path: file, Line: 1, Col: 1}
	if top := t.Lookup(name); file == "" && top != nil && top.Tree != nil {
		pos.Path = top.Tree.ParseName
	}
	for i := lw.n - 1; i >= 0 && i >= lw.n-recentWrites; i-- {
		if p, ok := l.textPos(t, lw.recent[i%recentWrites]); ok {
			pos = p
			break
		}
	}
	return &ExecError{
		Diag: diag.Diagnostic{Pos: pos, Message: fmt.Sprintf("the templates wrote more than %d MB of one page when they came here, the most plotline writes: a {{ range }} that runs too long, or templates that call each other without end?", l.maxOutput>>20)},
		Err:  err,
	}
}

// textPos returns where in a template file of set t the text b is, when
// b is the text of one of its text nodes (the same bytes in memory, not
// the same characters).
func (l *Layouts) textPos(t *template.Template, b []byte) (diag.Pos, bool) {
	if len(b) == 0 {
		return diag.Pos{}, false
	}
	for _, tt := range t.Templates() {
		if tt.Tree == nil || tt.Tree.Root == nil {
			continue
		}
		n := findText(tt.Tree.Root, &b[0])
		if n == nil {
			continue
		}
		loc, _ := tt.Tree.ErrorContext(n) // "templates/x.html:3:14", its column in bytes from 0
		rest, c, _ := cutLast(loc, ":")
		path, ln, _ := cutLast(rest, ":")
		line, err1 := strconv.Atoi(ln)
		col, err2 := strconv.Atoi(c)
		if err1 != nil || err2 != nil {
			return diag.Pos{}, false
		}
		col++
		if src, ok := l.src[path]; ok {
			col = charColumn(src, line, col-1)
		}
		return diag.Pos{Path: path, Line: line, Col: col}, true
	}
	return diag.Pos{}, false
}

// cutLast slices s around the last sep.
func cutLast(s, sep string) (string, string, bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

// findText returns the text node under n whose text starts at p, or nil.
func findText(n parse.Node, p *byte) parse.Node {
	switch n := n.(type) {
	case *parse.TextNode:
		if len(n.Text) > 0 && &n.Text[0] == p {
			return n
		}
	case *parse.ListNode:
		if n == nil {
			return nil
		}
		for _, c := range n.Nodes {
			if f := findText(c, p); f != nil {
				return f
			}
		}
	case *parse.IfNode:
		return findBranch(&n.BranchNode, p)
	case *parse.RangeNode:
		return findBranch(&n.BranchNode, p)
	case *parse.WithNode:
		return findBranch(&n.BranchNode, p)
	}
	return nil
}

// findBranch is findText for the lists of a branch.
func findBranch(b *parse.BranchNode, p *byte) parse.Node {
	if f := findText(b.List, p); f != nil {
		return f
	}
	if b.ElseList != nil {
		return findText(b.ElseList, p)
	}
	return nil
}
