package site

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/plotline/plotline/internal/data"
)

// values answers the {{ block.field | format "arg" }} references of one page.
type values struct {
	blocks map[string]*data.Block
}

// ResolveValue implements markdown.ValueResolver.
func (v values) ResolveValue(expr string) (string, error) {
	ref, pipeline, _ := strings.Cut(expr, "|")
	ref = strings.TrimSpace(ref)
	name, field, ok := strings.Cut(ref, ".")
	if !ok || name == "" || field == "" {
		return "", fmt.Errorf("want a reference such as losses.crossing, got %q", ref)
	}
	b, ok := v.blocks[name]
	if !ok {
		return "", fmt.Errorf("no data block %q on this page%s", name, known(v.blocks))
	}
	val, err := b.Field(field)
	if err != nil {
		return "", err
	}
	pipeline = strings.TrimSpace(pipeline)
	if pipeline == "" {
		return val.String(), nil
	}
	if strings.Contains(pipeline, "|") {
		return "", fmt.Errorf("only one format may follow a reference")
	}
	format, arg, _ := strings.Cut(pipeline, " ")
	arg = strings.TrimSpace(arg)
	if strings.HasPrefix(arg, `"`) {
		unq, err := strconv.Unquote(arg)
		if err != nil {
			return "", fmt.Errorf("format %s: argument %s is not a quoted string", format, arg)
		}
		arg = unq
	}
	return data.Format(val, format, arg)
}

func known(blocks map[string]*data.Block) string {
	if len(blocks) == 0 {
		return " (it has none)"
	}
	names := slices.Sorted(maps.Keys(blocks))
	return " (known: " + strings.Join(names, ", ") + ")"
}
