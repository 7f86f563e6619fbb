package chart

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/plotline/plotline/internal/data"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/locale"
	"github.com/plotline/plotline/internal/words"
	"github.com/plotline/plotline/internal/yamlpos"
	"github.com/plotline/plotline/internal/yamlsubset"
)

// Chart types a Spec may ask for.
const (
	TypeProjection = "projection"
	TypeLine       = "line"
	TypeBar        = "bar"
)

// DefaultHeight is the height in CSS pixels of a chart whose Spec sets none.
const DefaultHeight = 360

// Bounds of Spec.Height.
const (
	MinHeight = 120
	MaxHeight = 1200
)

// MaxBlocks is the most data blocks one chart draws: one colour each of
// the chart palette.
const MaxBlocks = 6

// Spec is what a fenced ```chart block asks for.
type Spec struct {
	Block string // the name of the (first) data block to draw
	// Data lists every block the chart draws, Block first; a chart block
	// that names one block has one entry here too.
	Data []BlockRef
	// Events are dates marked on the time axis.
	Events  []Event
	Title   string // shown above the chart
	Caption string // shown below the chart
	// Type is "projection", "line" or "bar"; empty means "projection" when
	// the block has a projection and "line" otherwise.
	Type string
	// Height is the height of the live chart in CSS pixels; 0 means
	// DefaultHeight.
	Height int
	// TitlePos and CaptionPos are where the title's and the caption's
	// values start in the file (or the start of their line), for the
	// {{ … }} they may hold.
	TitlePos, CaptionPos diag.Pos
	// Locale writes the chart's numbers and dates for readers, in the
	// site's language; nil writes English. It is not read from the
	// chart block: the build sets it.
	Locale *locale.Locale
	// Words gives plotline's own words on the chart (the legend, the
	// tables, the summary) in the site's language; nil writes English.
	// The build sets it, as it does Locale.
	Words *words.Table
}

// BlockRef names one data block of a chart and what the chart calls it.
type BlockRef struct {
	Block string   // the data block's name
	Name  string   // the legend's name for it; empty for the block's name
	Pos   diag.Pos // where the chart block names it
}

// Event is a date the chart marks with a thin vertical rule and a short
// label.
type Event struct {
	Date  time.Time
	Label string
	// LabelPos is where the label's value starts, for the {{ }} values
	// it may hold.
	LabelPos diag.Pos
	// DateRef, when the date is written as a value of the data
	// ("{{ beds.crossing }}"), is what stands between its braces, and
	// DatePos where the date is written; the caller sets Date from it,
	// so that the rule moves with the data, as a label's value does.
	DateRef string
	DatePos diag.Pos
}

// knownKeys lists the keys of a chart block, sorted.
func knownKeys() []string {
	return []string{"caption", "data", "events", "height", "title", "type"}
}

// ParseSpec decodes src, the YAML body of a fenced chart block, into a Spec.
// line is the file line of the first body line, so that every problem is
// added to diags at its position in the file at path. It reports false when
// it added an error.
func ParseSpec(path string, src []byte, line int, diags *diag.List) (Spec, bool) {
	var spec Spec
	start := len(*diags)
	text := yamlpos.New(path, src, line)
	errorf := func(n *yaml.Node, format string, args ...any) {
		diags.Errorf(text.NodePos(n), format, args...)
	}
	failed := func() bool { return diag.List((*diags)[start:]).HasErrors() }

	if !utf8.Valid(src) {
		// An article is checked for UTF-8 before its charts are read;
		// this keeps the YAML decoder from reading the block as UTF-16.
		diags.Errorf(text.Pos(1, 1), "chart: the block is not valid UTF-8")
		return spec, false
	}
	if pos, msg, ok := text.HiddenBreak(); ok {
		diags.Errorf(pos, "chart: %s", msg)
		return spec, false
	}
	// A block in the common subset of YAML is read by yamlsubset, as
	// front matter is: the same tree, a fraction of the work.
	doc, ok := yamlsubset.Parse(src)
	if !ok {
		doc = new(yaml.Node)
		if err := yaml.Unmarshal(src, doc); err != nil {
			pos, msg := text.Error(err)
			diags.Errorf(pos, "chart: %s", msg)
			return spec, false
		}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		diags.Errorf(text.Pos(1, 1), "chart: data is required (the name of a data block)")
		return spec, false
	}
	yamlpos.CheckUnprintable(doc, "chart: ", text.NodePos, diags)
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		errorf(root, "chart: want keys (%s), got %s", strings.Join(knownKeys(), ", "), yamlpos.Describe(root))
		return spec, false
	}

	dup := func(k, first *yaml.Node) {
		errorf(k, "chart: %s", yamlpos.Duplicate(k.Value, "", text.NodePos(first).Line))
	}
	var dataNode *yaml.Node
	for k, v := range yamlpos.Keys(root, dup) {
		switch k.Value {
		case "data":
			dataNode = k
			if s, ok := scalar(v); ok && s != "" {
				spec.Block = s
				spec.Data = []BlockRef{{Block: s, Pos: text.NodePos(v)}}
				break
			}
			if v.Kind == yaml.SequenceNode && len(v.Content) == 0 {
				errorf(v, "chart: data is an empty list: name a data block, or list the blocks to draw")
				break
			}
			if v.Kind != yaml.SequenceNode {
				errorf(v, "chart: data must name a data block or list data blocks, got %s", yamlpos.Describe(v))
				break
			}
			if len(v.Content) > MaxBlocks {
				errorf(v, "chart: %d data blocks in one chart (at most %d)", len(v.Content), MaxBlocks)
				break
			}
			named := make(map[string]bool)
			for _, item := range v.Content {
				item = yamlpos.Resolve(item)
				ref, ok := blockRef(item, text.NodePos, errorf)
				if !ok {
					continue
				}
				if named[ref.Block] {
					errorf(item, "chart: data block %q is listed twice", ref.Block)
					continue
				}
				named[ref.Block] = true
				ref.Pos = text.NodePos(item)
				spec.Data = append(spec.Data, ref)
			}
			if len(spec.Data) > 0 {
				spec.Block = spec.Data[0].Block
			}
		case "events":
			if v.Kind != yaml.SequenceNode {
				errorf(v, "chart: events must be a list of {date, label}, got %s", yamlpos.Describe(v))
				break
			}
			for i, item := range v.Content {
				if i == MaxEvents {
					errorf(item, "chart: more than %d events: a chart marks %d dates at most, each drawn with its rule and label", MaxEvents, MaxEvents)
					break
				}
				if e, ok := event(yamlpos.Resolve(item), text.NodePos, errorf); ok {
					spec.Events = append(spec.Events, e)
				}
			}
		case "title", "caption":
			s, ok := scalar(v)
			switch {
			case !ok:
				errorf(v, "chart: %s must be text, got %s", k.Value, yamlpos.Describe(v))
			case k.Value == "title":
				spec.Title, spec.TitlePos = s, text.NodePos(v)
			default:
				spec.Caption, spec.CaptionPos = s, text.NodePos(v)
			}
		case "type":
			s, isText := scalar(v)
			switch {
			case s == TypeProjection || s == TypeLine || s == TypeBar:
				spec.Type = s
			case !isText:
				errorf(v, "chart: type must be one of projection, line or bar, got %s", yamlpos.Describe(v))
			default:
				errorf(v, "chart: unknown type %q (want projection, line or bar)%s", v.Value, diag.DidYouMean(s, []string{TypeProjection, TypeLine, TypeBar}))
			}
		case "height":
			s, _ := scalar(v)
			h, err := strconv.Atoi(s)
			switch {
			case err != nil:
				errorf(v, "chart: height must be a whole number of pixels, got %q", v.Value)
			case h < MinHeight || h > MaxHeight:
				errorf(v, "chart: height %d is out of range (want %d to %d)", h, MinHeight, MaxHeight)
			default:
				spec.Height = h
			}
		default:
			errorf(k, "chart: unknown key %q (known keys: %s)%s", k.Value, strings.Join(knownKeys(), ", "), diag.DidYouMean(k.Value, knownKeys()))
		}
	}
	if dataNode == nil {
		errorf(root, "chart: data is required (the name of a data block)")
	}
	return spec, !failed()
}

// blockRef reads one item of a list of data blocks: a name, or a mapping
// {block: name, name: "Legend name"}.
func blockRef(n *yaml.Node, pos func(*yaml.Node) diag.Pos, errorf func(n *yaml.Node, format string, args ...any)) (BlockRef, bool) {
	if s, ok := scalar(n); ok && s != "" {
		return BlockRef{Block: s}, true
	}
	if n.Kind != yaml.MappingNode {
		errorf(n, "chart: a data item must name a data block, got %s", yamlpos.Describe(n))
		return BlockRef{}, false
	}
	var ref BlockRef
	ok := true
	fail := func(n *yaml.Node, format string, args ...any) {
		errorf(n, format, args...)
		ok = false
	}
	dup := func(k, first *yaml.Node) {
		fail(k, "chart: %s", yamlpos.Duplicate(k.Value, "in a data item", pos(first).Line))
	}
	for k, v := range yamlpos.Keys(n, dup) {
		s, isText := scalar(v)
		switch k.Value {
		case "block":
			if !isText || s == "" {
				fail(v, "chart: block must name a data block, got %s", yamlpos.Describe(v))
			}
			ref.Block = s
		case "name":
			before, _, hasValues := strings.Cut(s, "{{")
			const noValues = "chart: name: {{ }} is not read here, and would be shown as typed: write the name as text (values go in a chart's title, caption and event labels)"
			switch {
			case yamlpos.UnquotedBraces(v):
				// {{ x }} without quotes, a mapping to YAML: quotes
				// would only lead to the error below.
				fail(v, noValues)
			case !isText:
				fail(v, "chart: name must be text, got %s", yamlpos.Describe(v))
			case strings.TrimSpace(s) == "":
				// "Chart of     (beds)": a name of spaces names nothing.
				fail(v, "chart: name is empty: write the legend's name for the block, or leave name out")
			case hasValues:
				// A legend's name is shown as written. The error stands
				// at the {{ when the name is written on one line as it
				// reads.
				at := *v
				if !strings.Contains(before, "\n") && (v.Style == 0 || v.Style == yaml.DoubleQuotedStyle || v.Style == yaml.SingleQuotedStyle) && !strings.ContainsAny(before, `"'\\`) {
					at.Column += utf8.RuneCountInString(before)
					if v.Style != 0 {
						at.Column++
					}
				}
				fail(&at, noValues)
			}
			ref.Name = strings.TrimSpace(s)
		default:
			fail(k, "chart: unknown key %q in a data item (known keys: block, name)", k.Value)
		}
	}
	if ref.Block == "" && ok {
		fail(n, "chart: a data item needs block (the name of a data block)")
	}
	return ref, ok
}

// MaxEventLabel is the longest event label, in characters, as readers
// see it: a label stands above the chart, beside others.
const MaxEventLabel = 40

// EventLabelTooLong returns the message for an event label longer than
// MaxEventLabel, as it is shown (its {{ }} values written), and "" for one
// that fits.
func EventLabelTooLong(shown string) string {
	if utf8.RuneCountInString(shown) <= MaxEventLabel {
		return ""
	}
	return fmt.Sprintf("chart: event label %q is longer than %d characters: the table and the summary can say more", shown, MaxEventLabel)
}

// MaxPageObservations is how many observations the charts of a page may
// draw in all, each counted once for every chart that draws it. A chart
// draws every observation of its blocks and writes each into its table
// and CSV file, about 2 µs and 20 bytes: 40 charts of one CSV file of
// 300,000 days took 25 s of CPU and wrote 233 MB, and the 2,000 charts a
// page may have, an article of 40 KB, would take twenty minutes and write
// 12 GB. Twenty charts of a file of 500,000 observations are the most.
const MaxPageObservations = 10_000_000

// MaxEvents is how many events a chart, and the charts of a page in all,
// may mark. Each is drawn in the live chart, the static one, the SVG
// file, the table and the summary, about 1 KB and 30 µs: a YAML alias
// listed a million times in one chart block (7 MB) took 31 s of CPU and
// 2.6 GB, and made 1 GB of output. No chart needs a tenth of them.
const MaxEvents = 1000

// event reads one item of a chart's events: {date: 2024-06-19, label: "Treaty signed"}.
func event(n *yaml.Node, pos func(*yaml.Node) diag.Pos, errorf func(n *yaml.Node, format string, args ...any)) (Event, bool) {
	if n.Kind != yaml.MappingNode {
		errorf(n, "chart: an event must be {date, label}, got %s", yamlpos.Describe(n))
		return Event{}, false
	}
	var e Event
	ok, hasDate := true, false
	fail := func(n *yaml.Node, format string, args ...any) {
		errorf(n, format, args...)
		ok = false
	}
	dup := func(k, first *yaml.Node) {
		fail(k, "chart: %s", yamlpos.Duplicate(k.Value, "in an event", pos(first).Line))
	}
	for k, v := range yamlpos.Keys(n, dup) {
		s, isText := scalar(v)
		switch k.Value {
		case "date":
			if ref, ok := strings.CutPrefix(strings.TrimSpace(s), "{{"); ok && isText && strings.HasSuffix(ref, "}}") {
				e.DateRef, e.DatePos, hasDate = strings.TrimSpace(strings.TrimSuffix(ref, "}}")), pos(v), true
				continue
			}
			d, err := time.Parse(time.DateOnly, s)
			hint := ""
			if isText && err != nil {
				hint = data.DateHint(s)
			}
			switch {
			case hint != "":
				// A date written another way, or with a time of day,
				// which YAML calls a date: the date to write, as for
				// the data's dates.
				fail(v, "chart: event date must be a date such as 2024-06-19, got %q%s", s, hint)
			case !isText || err != nil:
				fail(v, "chart: event date must be a date such as 2024-06-19, got %s", yamlpos.Describe(v))
			}
			e.Date, hasDate = d, true
		case "label":
			switch {
			case isText && strings.TrimSpace(s) == "":
				fail(v, "chart: event label is empty: write what happened on the date")
			case !isText:
				fail(v, "chart: event label must be text, got %s", yamlpos.Describe(v))
			case !strings.Contains(s, "{{") && EventLabelTooLong(s) != "":
				// A label with values is measured once they are
				// written, by the caller that writes them.
				fail(v, "%s", EventLabelTooLong(s))
			}
			e.Label, e.LabelPos = s, pos(v)
		default:
			fail(k, "chart: unknown key %q in an event (known keys: date, label)", k.Value)
		}
	}
	if ok && (!hasDate || e.Label == "") {
		fail(n, "chart: an event needs a date and a label")
	}
	return e, ok
}

// scalar returns the text of a non-null scalar node.
func scalar(n *yaml.Node) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return "", false
	}
	return n.Value, true
}
