package site

import (
	"errors"

	"github.com/plotline/plotline/internal/data"
	"github.com/plotline/plotline/internal/diag"
)

// values answers the {{ … }} references of one page's Markdown body from
// its data blocks.
type values struct {
	scope *data.Scope
}

// ResolveValue implements markdown.ValueResolver.
func (v values) ResolveValue(expr, before, after string, pos diag.Pos) (string, string, error) {
	ev, err := v.scope.EvalAround(expr, before, after, pos)
	if errors.Is(err, data.ErrReported) {
		return "", "", nil // the block's own error fails the build
	}
	return ev.Text, ev.Warning, err
}

// CheckText implements markdown.TextChecker: numbers and dates typed by
// hand that come from the data are warnings.
func (v values) CheckText(text string, at func(off int) diag.Pos, diags *diag.List) {
	v.scope.CheckLiterals(text, at, diags)
}
