package importer

import (
	"encoding/json"
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2/lexers"
)

// codeInside keeps the inside of the paired shortcode t, which the
// importer cannot convert, as a fenced code block, when its name says
// code or data (codeblock, echarts, timeline) or its inside is data
// (JSON, YAML, TOML), so that it is not published as prose: a "# x" in
// it a heading, its quotes curled. Both tags are kept as comments, each
// on a line of its own, with the note of a shortcode not converted. The
// fence's language is the first of the tag's arguments (lang, language,
// or one by position) that names a language chroma knows, else the
// inside's data format, else the language of a file's name among them
// ("main.js"). It returns how many bytes of the body it took,
// 0 when t is no such shortcode, or it or its end tag does not stand
// alone on its line.
func (c *converter) codeInside(t tag, a args) int {
	b := c.body
	if t.closing || strings.HasSuffix(t.args, "/") || c.inHTMLBlock(t.start) || !endsLine(b, t.end) {
		return 0
	}
	indent := string(b[lineStart(b, t.start):t.start])
	if strings.TrimSpace(indent) != "" {
		return 0
	}
	end := c.shortcodeEnd(t)
	if end < 0 {
		return 0
	}
	et, ok := c.shortcodeTag(end)
	if !ok || !endsLine(b, et.end) || strings.TrimSpace(string(b[lineStart(b, end):end])) != "" {
		return 0
	}
	inside := string(b[t.end:end])
	data := dataFormat(inside)
	if !codeName(t.name) && data == "" {
		return 0
	}
	language := data
	given := append([]string{a.named["lang"], a.named["language"]}, a.posn...)
	for _, name := range slices.Sorted(maps.Keys(a.named)) {
		if a.named[name] == "true" && chromaKnows(name) {
			given = append(given, name) // FixIt's echarts js=true
		}
	}
	if k := slices.IndexFunc(given, chromaKnows); k >= 0 {
		language = strings.ToLower(strings.TrimSpace(given[k]))
	} else if language == "" {
		// A file's name, "main.js": the language chroma gives it.
		for _, s := range append([]string{a.named["title"], a.named["file"], a.named["filename"]}, a.posn...) {
			if l := fileLanguage(s); l != "" {
				language = l
				break
			}
		}
	}
	c.wrap(t, "shortcode "+t.name)
	c.out.WriteString("\n" + indent)
	n := c.fence(t, language, "/"+t.name, [2]string{"{{<", ">}}"}, [2]string{"{{%", "%}}"})
	c.im.res.Converted-- // the fence counted the shortcode, which is not converted
	c.out.WriteString("\n" + indent + "<!-- plotline import: " + commentSafe(string(b[et.start:et.end])) + " -->")
	return n
}

// codeWords are the words of a shortcode's name that say its inside is
// code or data for a script: a highlighter's, a chart's, a diagram's.
var codeWords = setOf("code codeblock codes highlight hl syntax snippet src pre echarts chart charts chartjs mermaid timeline json yaml yml toml csv tsv plotly vega vegalite plantuml graphviz diagram flowchart mindmap markmap apexcharts highcharts")

// codeName reports whether the shortcode's name says its inside is code
// or data: one of its words ("tabbed-codeblock" is "tabbed" and
// "codeblock") is a codeWord, or starts "highlight" or ends "chart".
func codeName(name string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !('a' <= r && r <= 'z' || '0' <= r && r <= '9') }) {
		if codeWords[w] || strings.HasPrefix(w, "highlight") || strings.HasSuffix(w, "chart") || strings.HasSuffix(w, "charts") {
			return true
		}
	}
	return false
}

// chromaKnows reports whether s is the name or an alias of a language
// chroma knows, in any case ("apacheConf"); a file name ("apache.conf")
// is not.
func chromaKnows(s string) bool {
	return chromaNames()[strings.ToLower(strings.TrimSpace(s))]
}

// chromaNames holds the names and aliases of chroma's languages, in
// lower case. (lexers.Get, which tries a name as a file's too, takes
// milliseconds a call.)
var chromaNames = sync.OnceValue(func() map[string]bool {
	names := map[string]bool{}
	for _, l := range lexers.GlobalLexerRegistry.Lexers {
		conf := l.Config()
		names[strings.ToLower(conf.Name)] = true
		for _, alias := range conf.Aliases {
			names[strings.ToLower(alias)] = true
		}
	}
	return names
})

// fileLanguage returns the language chroma gives a file of the name s
// ("main.js" is js, "apache.conf" apacheconf) by its whole name or its
// extension, or "" for no file name or none it knows.
func fileLanguage(s string) string {
	if !strings.Contains(s, ".") || strings.ContainsAny(s, "/: ") {
		return ""
	}
	names := chromaFiles()
	s = strings.ToLower(s)
	if l, ok := names[s]; ok {
		return l
	}
	return names["*"+s[strings.LastIndexByte(s, '.'):]]
}

// chromaFiles holds the file names of chroma's languages, in lower case,
// each whole ("apache.conf") or "*" and an extension ("*.js"), and the
// first alias of the first language that has it. (lexers.Match takes
// milliseconds a call.)
var chromaFiles = sync.OnceValue(func() map[string]string {
	files := map[string]string{}
	for _, l := range lexers.GlobalLexerRegistry.Lexers {
		conf := l.Config()
		if len(conf.Aliases) == 0 {
			continue
		}
		for _, f := range conf.Filenames {
			f = strings.ToLower(f)
			if _, seen := files[f]; !seen && !strings.ContainsAny(strings.TrimPrefix(f, "*."), "*?[") {
				files[f] = conf.Aliases[0]
			}
		}
	}
	return files
})

var (
	// yamlKeyRE matches a line of YAML that is a key and a value, or a
	// key that opens a nested mapping or list ("events:"), or a list's
	// item.
	yamlKeyRE = regexp.MustCompile(`^\s*(?:-\s+)?["']?[\w.-]+["']?:(?:\s|$)|^\s*-\s`)
	// yamlOpenRE matches a key that a nested mapping or list follows.
	yamlOpenRE = regexp.MustCompile(`^["']?[\w.-]+["']?:\s*$`)
	// tomlLineRE matches a line of TOML: a table's header, or a key and
	// its value.
	tomlLineRE = regexp.MustCompile(`^\s*(?:\[\[?[\w."' -]+\]\]?|["']?[\w.-]+["']?\s*=\s*\S.*)\s*$`)
)

// dataFormat returns the format of s when it is data rather than prose:
// "json" for a JSON object or array; "yaml" for lines of YAML's keys, one
// of them at the left margin with a nested mapping or list after it (an
// echarts option, a timeline's events); "toml" for lines of TOML, a key
// and its value among them; or "".
func dataFormat(s string) string {
	t := strings.TrimSpace(s)
	if t == "" {
		return ""
	}
	if (t[0] == '{' || t[0] == '[') && json.Valid([]byte(t)) {
		return "json"
	}
	var lines []string
	for l := range strings.Lines(t) {
		if l = strings.TrimRight(l, " \t\r\n"); strings.TrimSpace(l) != "" && !strings.HasPrefix(strings.TrimSpace(l), "#") {
			lines = append(lines, l)
		}
	}
	if len(lines) < 2 {
		return ""
	}
	yaml, nested, toml, keyed := true, false, true, false
	depth := 0 // of the brackets of a TOML value over lines
	for k, l := range lines {
		yaml = yaml && yamlKeyRE.MatchString(l)
		if yamlOpenRE.MatchString(l) && k+1 < len(lines) && strings.HasPrefix(lines[k+1], " ") {
			nested = true
		}
		if depth == 0 {
			toml = toml && tomlLineRE.MatchString(l)
			keyed = keyed || strings.Contains(l, "=") && !strings.HasPrefix(strings.TrimSpace(l), "[")
		}
		if _, v, ok := strings.Cut(l, "="); ok || depth > 0 {
			if depth == 0 {
				l = v
			}
			depth += strings.Count(l, "[") + strings.Count(l, "{") - strings.Count(l, "]") - strings.Count(l, "}")
			depth = max(depth, 0)
		}
	}
	switch {
	case yaml && nested:
		return "yaml"
	case toml && keyed:
		return "toml"
	}
	return ""
}
