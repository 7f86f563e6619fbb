package render

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"iter"
	"slices"
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
		err = l.execError(err, file, data)
		if e, ok := errors.AsType[*ExecError](err); ok && strings.Contains(e.Diag.Message, "exceeded maximum template depth") {
			// Where the depth ran out may be far from the call that
			// made the loop, in a template the site does not have.
			if calls, _ := l.callLoop(t, name, false); len(calls) > 0 {
				e.Diag.Message += ": the templates call each other in a loop, " + strings.Join(calls, ", ")
			}
		}
		return err
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
		for n := range nodes(tt.Tree.Root) {
			if text, ok := n.(*parse.TextNode); ok && len(text.Text) > 0 && &text.Text[0] == &b[0] {
				return l.nodePos(tt.Tree, text), true
			}
		}
	}
	return diag.Pos{}, false
}

// nodePos returns where node n of tree is in its template file, its
// column counted in characters.
func (l *Layouts) nodePos(tree *parse.Tree, n parse.Node) diag.Pos {
	loc, _ := tree.ErrorContext(n) // "templates/x.html:3:14", its column in bytes from 0
	rest, c := cutLast(loc, ":")
	path, ln := cutLast(rest, ":")
	line, _ := strconv.Atoi(ln)
	col, _ := strconv.Atoi(c)
	pos := diag.Pos{Path: path, Line: line, Col: col + 1}
	if src, ok := l.src[path]; ok && line > 0 {
		pos.Col = charColumn(src, line, col)
	}
	return pos
}

// cutLast slices s around the last sep, or returns s and "" when there
// is none.
func cutLast(s, sep string) (string, string) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, ""
	}
	return s[:i], s[i+len(sep):]
}

// nodes yields the nodes under n that are not lists or branches: those of
// its lists, and of the lists and else lists of its {{ if }}, {{ range }}
// and {{ with }}, in the order they are written.
func nodes(n parse.Node) iter.Seq[parse.Node] {
	return func(yield func(parse.Node) bool) { walkNodes(n, yield) }
}

// walkNodes is nodes' walk; it reports false once yield has.
func walkNodes(n parse.Node, yield func(parse.Node) bool) bool {
	var b *parse.BranchNode
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return true
		}
		for _, c := range n.Nodes {
			if !walkNodes(c, yield) {
				return false
			}
		}
		return true
	case *parse.IfNode:
		b = &n.BranchNode
	case *parse.RangeNode:
		b = &n.BranchNode
	case *parse.WithNode:
		b = &n.BranchNode
	default:
		return yield(n)
	}
	return walkNodes(b.List, yield) && walkNodes(b.ElseList, yield)
}

// callLoop returns the calls of a loop of templates of set t that the
// template name runs into, each as "base calls main at
// templates/base.html:59:10", and the place of the call that closes it,
// or nil when it runs into none. With always, only the calls a template
// makes whatever its data are followed: those outside its {{ if }},
// {{ range }} and {{ with }}.
func (l *Layouts) callLoop(t *template.Template, name string, always bool) ([]string, diag.Pos) {
	type call struct {
		to   string
		tree *parse.Tree
		node parse.Node
	}
	calls := map[string][]call{}
	for _, tt := range t.Templates() {
		if tt.Tree == nil || tt.Tree.Root == nil {
			continue
		}
		list := nodes(tt.Tree.Root)
		if always {
			list = slices.Values(tt.Tree.Root.Nodes)
		}
		for n := range list {
			if n, ok := n.(*parse.TemplateNode); ok {
				calls[tt.Name()] = append(calls[tt.Name()], call{n.Name, tt.Tree, n})
			}
		}
	}
	// A depth-first walk from name: the first call back to a template
	// on the path closes a loop. The places are those of the loop's
	// calls alone: each is counted from the top of its file.
	var path []string
	var via []call // via[i] is how path[i] calls path[i+1]
	done := map[string]bool{}
	var loop []string
	var at diag.Pos
	say := func(from string, c call) string {
		return fmt.Sprintf("%s calls %s at %s", from, c.to, l.nodePos(c.tree, c.node))
	}
	var visit func(string) bool
	visit = func(n string) bool {
		path = append(path, n)
		for _, c := range calls[n] {
			if i := slices.Index(path, c.to); i >= 0 {
				for j := i; j < len(path)-1; j++ {
					loop = append(loop, say(path[j], via[j]))
				}
				loop = append(loop, say(n, c))
				at = l.nodePos(c.tree, c.node)
				return true
			}
			if done[c.to] {
				continue
			}
			via = append(via, c)
			if visit(c.to) {
				return true
			}
			via = via[:len(via)-1]
		}
		path = path[:len(path)-1]
		done[n] = true
		return false
	}
	visit(name)
	return loop, at
}
