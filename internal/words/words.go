// Package words holds plotline's own words: those the templates write
// (By, min read, Download the data) and those the charts write (the
// legend, the tables' headers, the summary read to screen readers). Each
// has a Key and an English text; a Table gives the text of each key in
// one language, from a site's own i18n/<tag>.yaml, the built-in table of
// the language, or English, in that order (de-AT, then de, then en).
//
// A text may hold placeholders, "{count} observations from {first}",
// filled by Format in the order the English text names them; a
// translation may put them in any order, but must name the same ones.
// Numbers and dates inside them are written by the caller, in the
// site's language (package locale).
package words

import (
	"regexp"
	"slices"
	"sync"
)

// Key names one of plotline's words or sentences.
type Key uint16

// The keys, in the order of the English table. Their names in files and
// templates are the English table's: By is "by".
const (
	By Key = iota
	MinRead
	Updated
	Contents
	Sources
	PageNotFound
	NotFoundText
	NotFoundLink
	SkipToContent
	SiteNav
	Articles
	Tags
	Feed
	MadeWith
	MadeWithNoData
	NoArticles
	NoTags
	MoreTags
	TaggedTitle
	TaggedDescription
	TagArticlesOne
	TagArticlesOther
	AllTags
	TagsDescription
	Pages
	Newer
	Older
	PageOf
	EmbedFrom
	Data
	DownloadCSV
	DownloadSVG
	Source
	SourceList
	EmbedChart
	EmbedPaste
	CopyHTML
	Copied
	CopyByKeys
	ChartOwnPage
	Observed
	Projected
	CentralProjection
	LowHighRange
	LowScenario
	HighScenario
	Limit
	Events
	Range
	ChartOf
	And
	TableObserved
	TableObservedUnit
	TableProjected
	TableProjectedUnit
	MarkedDates
	ColDate
	ColValue
	ColNote
	ColCentral
	ColLow
	ColHigh
	ColEvent
	TableMore
	CentralReaches
	LowReaches
	HighReaches
	LineChart
	LineChartOf
	BarChart
	BarChartOf
	ProjectionStart
	ProjectionStartOf
	// ProjectionIn and ProjectionInOf are ProjectionStart and
	// ProjectionStartOf from an observation written as a month or a year,
	// whose date takes no "on".
	ProjectionIn
	ProjectionInOf
	Fitted
	RatePerHour
	RatePerDay
	RatePerWeek
	RatePerMonth
	RatePerYear
	Rising
	Falling
	Growing
	Shrinking
	NoChange
	ReachesOn
	NotReaching
	StillAt
	ReachingAt
	ByDate
	ByStart
	OnDate
	OnStart
	LowScenarioRate
	HighScenarioRate
	HighRate
	NotReachingLimit
	NoObservations
	OneObservation
	Observations
	ObservationsRange
	// OneObservationIn, ObservationsIn and ObservedRangeIn are the three
	// above of observations written as months or years.
	OneObservationIn
	ObservationsIn
	ObservedRangeIn
	SummaryLimit
	SummaryFloor
	SummaryCeiling
	SummaryEvents
	DateAtTime
	ImageChart
	MovedTo
	ListedOn
	HeadingLink
	AlertNote
	AlertTip
	AlertImportant
	AlertWarning
	AlertCaution
	FootnoteBack
	Notes
	Colon
	Semicolon
	Comma

	count // the number of keys
)

// Count is the number of keys: they run from 0 to Count-1.
const Count = int(count)

// english holds each key's name and English text.
var english = [count]struct{ name, text string }{
	By:                 {"by", "By {author}"},
	MinRead:            {"min_read", "{minutes} min read"},
	Updated:            {"updated", "Updated"},
	Contents:           {"contents", "Contents"},
	Sources:            {"sources", "Sources"},
	PageNotFound:       {"page_not_found", "Page not found"},
	NotFoundText:       {"not_found_text", "There is no page at this address. It may have moved, or the link may be mistyped."},
	NotFoundLink:       {"not_found_link", "Go to the list of articles"},
	SkipToContent:      {"skip_to_content", "Skip to content"},
	SiteNav:            {"site_nav", "Site"},
	Articles:           {"articles", "Articles"},
	Tags:               {"tags", "Tags"},
	Feed:               {"feed", "Feed"},
	MadeWith:           {"made_with", "Made with plotline: every number in these articles is computed from the data it cites."},
	MadeWithNoData:     {"made_with_no_data", "Made with plotline."},
	NoArticles:         {"no_articles", "No articles yet."},
	NoTags:             {"no_tags", "No tags yet."},
	MoreTags:           {"more_tags", "and {count} more"},
	TaggedTitle:        {"tagged_title", "Articles tagged “{tag}”"},
	TaggedDescription:  {"tagged_description", "Articles tagged {tag}."},
	TagArticlesOne:     {"tag_articles_one", "{count} article"},
	TagArticlesOther:   {"tag_articles_other", "{count} articles"},
	AllTags:            {"all_tags", "All tags"},
	TagsDescription:    {"tags_description", "Every tag of {site}."},
	Pages:              {"pages", "Pages"},
	Newer:              {"newer", "Newer"},
	Older:              {"older", "Older"},
	PageOf:             {"page_of", "Page {number} of {total}"},
	EmbedFrom:          {"embed_from", "From"},
	Data:               {"data", "Data"},
	DownloadCSV:        {"download_csv", "Download the data (CSV)"},
	DownloadSVG:        {"download_svg", "Download the chart (SVG)"},
	Source:             {"source", "Source"},
	SourceList:         {"source_list", "Source: {sources}"},
	EmbedChart:         {"embed_chart", "Embed this chart"},
	EmbedPaste:         {"embed_paste", "Paste this HTML into another page to show the chart there, at the width of its column:"},
	CopyHTML:           {"copy_html", "Copy the HTML"},
	Copied:             {"copied", "Copied"},
	CopyByKeys:         {"copy_by_keys", "Press Ctrl+C or ⌘C to copy"},
	ChartOwnPage:       {"chart_own_page", "The chart on its own page"},
	Observed:           {"observed", "Observed"},
	Projected:          {"projected", "Projected"},
	CentralProjection:  {"central_projection", "Central projection"},
	LowHighRange:       {"low_high_range", "Low–high range"},
	LowScenario:        {"low_scenario", "Low scenario"},
	HighScenario:       {"high_scenario", "High scenario"},
	Limit:              {"limit", "Limit"},
	Events:             {"events", "Events"},
	Range:              {"range", "Range"},
	ChartOf:            {"chart_of", "Chart of {subject}"},
	And:                {"and", "and"},
	TableObserved:      {"table_observed", "Observed"},
	TableObservedUnit:  {"table_observed_unit", "Observed {unit}"},
	TableProjected:     {"table_projected", "Projected"},
	TableProjectedUnit: {"table_projected_unit", "Projected {unit}"},
	MarkedDates:        {"marked_dates", "Marked dates"},
	ColDate:            {"col_date", "Date"},
	ColValue:           {"col_value", "Value"},
	ColNote:            {"col_note", "Note"},
	ColCentral:         {"col_central", "Central"},
	ColLow:             {"col_low", "Low"},
	ColHigh:            {"col_high", "High"},
	ColEvent:           {"col_event", "Event"},
	TableMore:          {"table_more", "{count} more observations, from {first} to {last}, are left out here: the CSV holds every one."},
	CentralReaches:     {"central_reaches", "Central reaches {limit}"},
	LowReaches:         {"low_reaches", "Low scenario reaches {limit}"},
	HighReaches:        {"high_reaches", "High scenario reaches {limit}"},
	LineChart:          {"line_chart", "Line chart:"},
	LineChartOf:        {"line_chart_of", "Line chart of {subject}:"},
	BarChart:           {"bar_chart", "Bar chart:"},
	BarChartOf:         {"bar_chart_of", "Bar chart of {subject}:"},
	ProjectionStart:    {"projection_start", "Projection: {value} on {date}"},
	ProjectionStartOf:  {"projection_start_of", "Projection of {unit}: {value} on {date}"},
	ProjectionIn:       {"projection_in", "Projection: {value} ({date})"},
	ProjectionInOf:     {"projection_in_of", "Projection of {unit}: {value} ({date})"},
	Fitted:             {"fitted", "(fitted to the observations)"},
	RatePerHour:        {"rate_per_hour", "{rate} an hour"},
	RatePerDay:         {"rate_per_day", "{rate} a day"},
	RatePerWeek:        {"rate_per_week", "{rate} a week"},
	RatePerMonth:       {"rate_per_month", "{rate} a month"},
	RatePerYear:        {"rate_per_year", "{rate} a year"},
	Rising:             {"rising", "rising {rate}"},
	Falling:            {"falling", "falling {rate}"},
	Growing:            {"growing", "growing {rate}"},
	Shrinking:          {"shrinking", "shrinking {rate}"},
	NoChange:           {"no_change", "no change ({rate})"},
	ReachesOn:          {"reaches_on", "reaches {limit} on {date}"},
	NotReaching:        {"not_reaching", "does not reach {limit} {when}"},
	StillAt:            {"still_at", "still {value} {when}"},
	ReachingAt:         {"reaching_at", "reaching {value} {when}"},
	ByDate:             {"by_date", "by {date}"},
	ByStart:            {"by_start", "by the start of {date}"},
	OnDate:             {"on_date", "on {date}"},
	OnStart:            {"on_start", "on the start of {date}"},
	LowScenarioRate:    {"low_scenario_rate", "low scenario {rate}"},
	HighScenarioRate:   {"high_scenario_rate", "high scenario {rate}"},
	HighRate:           {"high_rate", "high {rate}"},
	NotReachingLimit:   {"not_reaching_limit", "(not reaching {limit})"},
	NoObservations:     {"no_observations", "No observations."},
	OneObservation:     {"one_observation", "1 observation, {value} on {date}."},
	Observations:       {"observations", "{count} observations from {first}, latest {value} on {date}."},
	ObservationsRange:  {"observations_range", "{count} observations from {first}, latest {value} on {date}, ranging from {low} to {high}."},
	OneObservationIn:   {"one_observation_in", "1 observation, {value} ({date})."},
	ObservationsIn:     {"observations_in", "{count} observations from {first} to {date}, the latest {value}."},
	ObservedRangeIn:    {"observed_range_in", "{count} observations from {first} to {date}, the latest {value}, ranging from {low} to {high}."},
	SummaryLimit:       {"summary_limit", "Limit: {limit}."},
	SummaryFloor:       {"summary_floor", "The projection goes no lower than {floor}."},
	SummaryCeiling:     {"summary_ceiling", "The projection goes no higher than {ceiling}."},
	SummaryEvents:      {"summary_events", "Marked dates: {events}."},
	DateAtTime:         {"date_at_time", "{date} at {time}"},
	ImageChart:         {"image_chart", "Chart: {title}"},
	MovedTo:            {"moved_to", "This page has moved to {title}."},
	ListedOn:           {"listed_on", "The list of articles is on {title}."},
	HeadingLink:        {"heading_link", "Link to this section"},
	AlertNote:          {"alert_note", "Note"},
	AlertTip:           {"alert_tip", "Tip"},
	AlertImportant:     {"alert_important", "Important"},
	AlertWarning:       {"alert_warning", "Warning"},
	AlertCaution:       {"alert_caution", "Caution"},
	FootnoteBack:       {"footnote_back", "Back to the text"},
	Notes:              {"notes", "Notes"},
	Colon:              {"colon", ":"},
	Semicolon:          {"semicolon", ";"},
	Comma:              {"comma", ","},
}

// Colon returns the colon of t followed by a space, ": ", as it stands
// between a name and what it names ("Limit: 12,000"); French writes a
// no-break space before it.
func (t *Table) Colon() string { return t.Text(Colon) + " " }

// Semicolon returns the semicolon of t followed by a space, "; ", as it
// stands between the parts of a list.
func (t *Table) Semicolon() string { return t.Text(Semicolon) + " " }

// Comma returns the comma of t followed by a space, ", ", as it stands
// between the clauses of a sentence and the items of a short list; Arabic
// and Persian write "، ".
func (t *Table) Comma() string { return t.Text(Comma) + " " }

// keyNames are the keys by their names, made on first use and never
// changed after.
var keyNames = sync.OnceValue(func() map[string]Key {
	names := make(map[string]Key, count)
	for k := range count {
		names[english[k].name] = k
	}
	return names
})

// Name returns the name of k in files and templates: "download_csv".
func (k Key) Name() string { return english[k].name }

// English returns the English text of k.
func (k Key) English() string { return english[k].text }

// piece is a part of a text: a literal, or the placeholder numbered arg
// (in the order of the English text) when arg is not negative.
type piece struct {
	lit string
	arg int
}

// placeholder matches a placeholder: a run of lower-case letters and
// underscores between braces; any other brace is a character of the text.
var placeholder = regexp.MustCompile(`\{([a-z_]+)\}`)

// placeholders returns the names of the placeholders of s, in order and
// each once.
func placeholders(s string) []string {
	var names []string
	for _, m := range placeholder.FindAllStringSubmatchIndex(s, -1) {
		if name := s[m[2]:m[3]]; !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	return names
}

// split splits s, a text of a key whose English placeholders are args,
// into pieces, or returns nil when s names a placeholder args lacks.
func split(s string, args []string) (pieces []piece) {
	lit := 0 // the start of the literal being read
	for _, m := range placeholder.FindAllStringSubmatchIndex(s, -1) {
		n := slices.Index(args, s[m[2]:m[3]])
		if n < 0 {
			return nil
		}
		if lit < m[0] {
			pieces = append(pieces, piece{lit: s[lit:m[0]], arg: -1})
		}
		pieces = append(pieces, piece{arg: n})
		lit = m[1]
	}
	if lit < len(s) {
		pieces = append(pieces, piece{lit: s[lit:], arg: -1})
	}
	return pieces
}
