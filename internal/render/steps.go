package render

import (
	"fmt"
	"html/template"
	"math"
	"slices"
	"strings"
	"text/template/parse"

	"github.com/plotline/plotline/internal/diag"
)

// MaxRangeTurns is the largest number a {{ range }} may run over. A turn
// that writes a value takes about a microsecond, so that a million are a
// second of every page that runs them; no page lists a million things
// that are not data, which a range over the data gives. A turn that
// writes nothing passes no bound of the output (MaxOutputBytes) and
// nothing else stops it: {{ range 9223372036854775807 }}{{ end }} ran
// for ever, at 5×10⁷ empty turns a second.
const MaxRangeTurns = 1_000_000

// MaxSteps is the most steps one run of a template may take, counted
// when the templates are parsed: a step is a call of a template or a
// turn of a {{ range }} over a number, a range over the data counted
// once. Ten million calls of templates take about 3 s; 41 templates that
// each call the next twice make 2⁴⁰ calls, a day of every page that runs
// them, and nested ranges over numbers each within MaxRangeTurns
// multiply as they do.
const MaxSteps = 10_000_000

// emptyTurnsPerSecond is how many turns of a {{ range }} that writes
// nothing the templates take a second, the fastest a step goes: what a
// message's "for hours" is reckoned from.
const emptyTurnsPerSecond = 50_000_000

// tooManySteps returns an error for each template of set t that ranges
// over a number larger than MaxRangeTurns, and at the place where a
// template's run passes MaxSteps. The count needs no clock, and the
// data of no page: a range over the data is counted once, an {{ if }}
// or {{ with }} as its longer branch, and a template that calls itself,
// through others or not, counts the inner call as nothing, as Go's
// templates stop such a loop 100,000 calls deep (one that calls itself
// twice, under an {{ if }} that ends it 40 deep, is not counted: its
// data decides how deep it goes).
func (l *Layouts) tooManySteps(t *template.Template) diag.List {
	c := &stepCounter{l: l, trees: map[string]*parse.Tree{}, memo: map[call]int64{}, busy: map[string]bool{}, refused: map[call]bool{}}
	var names []string
	for _, tt := range t.Templates() {
		if tt.Tree == nil || tt.Tree.Root == nil {
			continue
		}
		c.trees[tt.Name()] = tt.Tree
		names = append(names, tt.Name())
	}
	slices.Sort(names) // in a loop, which template counts the inner call as nothing depends on the order
	for _, name := range names {
		c.template(name, -1)
	}
	return c.diags
}

// stepCounter counts the steps of the templates of one set.
type stepCounter struct {
	l     *Layouts
	trees map[string]*parse.Tree
	memo  map[call]int64  // a run's steps, once counted
	busy  map[string]bool // the templates being counted
	// refused are the runs refused already, themselves or through a
	// template they call: their callers are not refused again.
	refused map[call]bool
	diags   diag.List
}

// call is a run of a template: its name, and the largest number its dot
// may be, or -1 when it is not a number the templates write.
type call struct {
	name string
	dot  int64
}

// run is the count of one template run: its tree, the numbers its
// variables and its first dot ($) may hold, and whether it has been
// refused already.
type run struct {
	name string
	tree *parse.Tree
	vars map[string]int64 // a variable's largest number, or -1 when not known
	dot  int64            // $, as for call
	told bool
}

// template returns the steps of a run of template name with a dot of
// up to dot (-1: not a number), 1 for the call and those of what it
// runs; a template the set lacks, or one that is being counted (a loop),
// counts 0.
func (c *stepCounter) template(name string, dot int64) int64 {
	key := call{name, dot}
	if n, ok := c.memo[key]; ok {
		return n
	}
	tree := c.trees[name]
	if tree == nil || c.busy[name] {
		return 0
	}
	c.busy[name] = true
	r := &run{name: name, tree: tree, vars: varBounds(tree.Root), dot: dot}
	n := add(1, c.list(r, tree.Root, 1, dot))
	delete(c.busy, name)
	c.memo[key] = n
	c.refused[key] = r.told
	return n
}

// list returns the steps of list, before being the steps of its run
// taken before it and dot what its dot may be, as for call. Where before
// and the list's steps pass MaxSteps, the first time for the run, an
// error is added at the node that makes them.
func (c *stepCounter) list(r *run, list *parse.ListNode, before, dot int64) int64 {
	if list == nil {
		return 0
	}
	var sum int64
	for _, n := range list.Nodes {
		var k int64
		var why string // "; " and what makes the steps, when known
		switch n := n.(type) {
		case *parse.TemplateNode:
			arg := r.number(n.Pipe, dot)
			k = c.template(n.Name, arg)
			if c.refused[call{n.Name, arg}] || k > MaxSteps {
				r.told = true // at the template it calls, or further in
			}
			why = fmt.Sprintf("; this call of %q takes %d", n.Name, k)
		case *parse.IfNode:
			k = max(c.list(r, n.List, add(before, sum), dot), c.list(r, n.ElseList, add(before, sum), dot))
		case *parse.WithNode:
			k = max(c.list(r, n.List, add(before, sum), r.number(n.Pipe, dot)), c.list(r, n.ElseList, add(before, sum), dot))
		case *parse.RangeNode:
			turns := r.number(n.Pipe, dot)
			if turns < 0 {
				// Over the data: once.
				k = add(1, max(c.list(r, n.List, add(before, add(sum, 1)), -1), c.list(r, n.ElseList, add(before, sum), dot)))
				break
			}
			if turns == 0 {
				k = c.list(r, n.ElseList, add(before, sum), dot)
				break
			}
			if turns > MaxRangeTurns {
				// Each such range is a mistake of its own; the steps
				// of the run are not told again.
				c.diags.Errorf(c.l.nodePos(r.tree, n), "%s", rangeMessage(n.Pipe, turns))
				r.told = true
			}
			body := c.list(r, n.List, 0, turns-1)
			k = mul(turns, add(1, body))
			why = fmt.Sprintf("; this {{ range }} runs %d times, each taking %d", turns, add(1, body))
		}
		sum = add(sum, k)
		if total := add(before, sum); total > MaxSteps && !r.told {
			r.told = true
			c.diags.Errorf(c.l.nodePos(r.tree, n), "template %q would take %s steps by here%s, more than the %d plotline allows one run of a template (a step is a call of a template or a turn of a {{ range }} over a number%s): call fewer templates, or range over the data or over smaller numbers",
				r.name, countText(total), running(total), MaxSteps, why)
		}
	}
	return sum
}

// running returns ", running for hours" (minutes, days, years) for
// steps, or "" when they take less than a minute.
func running(steps int64) string {
	if long := howLong(steps); long != "" {
		return ", running" + long
	}
	return ""
}

// rangeMessage is the error for a {{ range }} over turns, more than
// MaxRangeTurns.
func rangeMessage(pipe *parse.PipeNode, turns int64) string {
	what := strings.TrimSpace(pipeText(pipe))
	if strings.Trim(what, "()") != fmt.Sprint(turns) {
		what += fmt.Sprintf(" (up to %d)", turns)
	}
	long := howLong(turns)
	if long == "" {
		long = fmt.Sprintf(" %d times on every page that runs it", turns)
	}
	return fmt.Sprintf("range over %s would run%s, more than the %d turns plotline allows a {{ range }} over a number: range over the data, or a smaller number", what, long, MaxRangeTurns)
}

// pipeText is the text of what a range's pipeline ranges over, without
// its variables.
func pipeText(pipe *parse.PipeNode) string {
	var parts []string
	for _, cmd := range pipe.Cmds {
		parts = append(parts, cmd.String())
	}
	return strings.Join(parts, " | ")
}

// countText writes a count n, "9223372036854775807 or more" for one
// that add or mul could not hold.
func countText(n int64) string {
	if n == math.MaxInt64 {
		return "9223372036854775807 or more"
	}
	return fmt.Sprint(n)
}

// howLong returns " for minutes" (hours, days, years) for steps taken at
// emptyTurnsPerSecond, or "" for less than a minute.
func howLong(steps int64) string {
	s := float64(steps) / emptyTurnsPerSecond
	switch {
	case s >= 365*24*3600:
		return " for years"
	case s >= 24*3600:
		return " for days"
	case s >= 3600:
		return " for hours"
	case s >= 60:
		return " for minutes"
	}
	return ""
}

// number returns the number pipe gives when it is one the templates
// write: a constant (which Go's templates take as an int, not a float),
// in parentheses or not, a variable that holds only such numbers, or the
// dot (up to dot, -1 when it is none) or $ when they hold one: the
// largest it may be. It returns -1 for any other value.
func (r *run) number(pipe *parse.PipeNode, dot int64) int64 {
	if pipe == nil || len(pipe.Cmds) != 1 || len(pipe.Cmds[0].Args) != 1 {
		return -1
	}
	switch a := pipe.Cmds[0].Args[0].(type) {
	case *parse.NumberNode:
		return intConstant(a)
	case *parse.PipeNode:
		if len(a.Decl) == 0 {
			return r.number(a, dot)
		}
	case *parse.DotNode:
		return dot
	case *parse.VariableNode:
		if len(a.Ident) == 1 && a.Ident[0] == "$" {
			return r.dot
		}
		if len(a.Ident) == 1 {
			if n, ok := r.vars[a.Ident[0]]; ok {
				return n
			}
		}
	}
	return -1
}

// intConstant returns the int Go's templates make of n, or -1 when they
// make none (a float such as 1e12, or a number beyond an int), or a
// negative one, which a range runs over no times, as it does 0.
func intConstant(n *parse.NumberNode) int64 {
	switch {
	case n.IsComplex:
		return -1
	case n.IsFloat && !strings.HasPrefix(n.Text, "'") && !(len(n.Text) > 2 && n.Text[0] == '0' && strings.ContainsAny(n.Text[1:2], "xX") && !strings.ContainsAny(n.Text, "pP")) && strings.ContainsAny(n.Text, ".eEpP"):
		return -1
	case n.IsInt:
		return max(n.Int64, 0)
	}
	return -1
}

// varBounds returns the largest number each variable of a template's
// tree may hold when every value given it is a number the template
// writes ({{ $n := 1000 }}, {{ $n = 5 }}), another such variable, or a
// turn of a {{ range }} over one (one less); -1 for any other. The
// variables of a name are taken together, whatever their scopes: a
// variable given a larger number in another scope may make the bound
// larger than it is, but never smaller.
func varBounds(root *parse.ListNode) map[string]int64 {
	type value struct {
		n    *parse.NumberNode
		v    string // a variable's name
		turn bool   // a turn of a range over what n or v holds
		none bool   // any other value
	}
	values := map[string][]value{}
	give := func(pipe *parse.PipeNode, turn bool) {
		if pipe == nil || len(pipe.Decl) == 0 {
			return
		}
		v := value{none: true}
		if len(pipe.Cmds) == 1 && len(pipe.Cmds[0].Args) == 1 && (!turn || len(pipe.Decl) == 1) {
			arg := pipe.Cmds[0].Args[0]
			for {
				p, ok := arg.(*parse.PipeNode)
				if !ok || len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
					break
				}
				arg = p.Cmds[0].Args[0]
			}
			switch a := arg.(type) {
			case *parse.NumberNode:
				v = value{n: a, turn: turn}
			case *parse.VariableNode:
				if len(a.Ident) == 1 && a.Ident[0] != "$" {
					v = value{v: a.Ident[0], turn: turn}
				}
			}
		}
		for _, d := range pipe.Decl {
			values[d.Ident[0]] = append(values[d.Ident[0]], v)
		}
	}
	var walk func(parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c)
				}
			}
		case *parse.ActionNode:
			give(n.Pipe, false)
		case *parse.IfNode:
			give(n.Pipe, false)
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			give(n.Pipe, false)
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			give(n.Pipe, true)
			walk(n.List)
			walk(n.ElseList)
		}
	}
	walk(root)
	bounds := map[string]int64{}
	busy := map[string]bool{}
	var bound func(string) int64
	bound = func(name string) int64 {
		if b, ok := bounds[name]; ok {
			return b
		}
		if busy[name] || len(values[name]) == 0 {
			return -1
		}
		busy[name] = true
		b := int64(0)
		for _, v := range values[name] {
			var n int64 = -1
			switch {
			case v.none:
			case v.n != nil:
				n = intConstant(v.n)
			default:
				n = bound(v.v)
			}
			if n < 0 {
				b = -1
				break
			}
			if v.turn {
				n = max(n-1, 0)
			}
			b = max(b, n)
		}
		delete(busy, name)
		bounds[name] = b
		return b
	}
	for name := range values {
		bound(name)
	}
	return bounds
}

// add returns a+b, or math.MaxInt64 when that is larger; both are 0 or
// more.
func add(a, b int64) int64 {
	if a > math.MaxInt64-b {
		return math.MaxInt64
	}
	return a + b
}

// mul returns a×b, or math.MaxInt64 when that is larger; both are 0 or
// more.
func mul(a, b int64) int64 {
	if a != 0 && b > math.MaxInt64/a {
		return math.MaxInt64
	}
	return a * b
}
