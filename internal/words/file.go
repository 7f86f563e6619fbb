package words

import (
	"embed"
	"errors"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"

	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/sitefs"
	"github.com/plotline/plotline/internal/yamlpos"
)

// Dir is the folder of a site's own words: i18n/de.yaml holds its German
// ones, flat "key: text" lines as Hugo's i18n files have them.
const Dir = "i18n"

// MaxFileSize is the size in bytes of the largest file of words plotline
// reads: each word may go into every page, so a text pasted in by mistake
// would be copied thousands of times.
const MaxFileSize = 1 << 20

// Load returns the Table of the language tag: the words of the site's
// own files in Dir for the tag and its parents (i18n/de-AT.yaml, then
// i18n/de.yaml, then i18n/en.yaml) over the built-in tables, with English
// for the rest. A site may give words in a language plotline has no
// table for: its file covers the keys it gives. Mistakes in the files
// (an unknown key, a text whose placeholders are not the English text's)
// are reported in diags at their places, and the file's other keys still
// read; a file of another language is left out with a warning.
func Load(fsys fs.FS, tag string, diags *diag.List) *Table {
	tags := chain(tag)
	if fi, err := fs.Stat(fsys, Dir); err == nil && !fi.IsDir() {
		// A file where the folder goes: ReadDir's words would be the
		// system's ("readdirent ./i18n: not a directory").
		diags.Errorf(diag.Pos{Path: Dir, Line: 1, Col: 1}, "is a file, where plotline reads a folder of the site's own words (such as %s/de.yaml): make it a folder, or remove it", Dir)
		return newTable(tags, nil)
	}
	entries, err := fs.ReadDir(fsys, Dir)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			diags.Errorf(diag.Pos{Path: Dir}, "%v", err)
		}
		return newTable(tags, nil)
	}
	own := map[string]map[Key]string{}
	for _, e := range entries {
		name := e.Name()
		ext := path.Ext(name)
		if e.IsDir() || strings.HasPrefix(name, ".") || (ext != ".yaml" && ext != ".yml") {
			continue
		}
		file := Dir + "/" + name
		t, err := language.Parse(strings.TrimSuffix(name, ext))
		if err != nil {
			diags.Warnf(diag.Pos{Path: file}, "not read: %q is no language tag (name the file after one, such as de.yaml)", strings.TrimSuffix(name, ext))
			continue
		}
		if !slices.Contains(tags, t.String()) {
			diags.Warnf(diag.Pos{Path: file}, "not read: the site's language is %s", tags[0])
			continue
		}
		if own[t.String()] != nil {
			diags.Errorf(diag.Pos{Path: file}, "a second file of the words of %s: keep one", t)
			continue
		}
		src, err := sitefs.ReadFile(fsys, file, MaxFileSize)
		if err != nil {
			diags.Errorf(diag.Pos{Path: file, Line: 1, Col: 1}, "%s", sitefs.DescribeReadError(err))
			continue
		}
		own[t.String()] = decode(file, src, diags)
	}
	return newTable(tags, own)
}

// decode reads the words of the file name, src: a mapping of key names
// to texts.
func decode(name string, src []byte, diags *diag.List) map[Key]string {
	out := map[Key]string{}
	root := yamlpos.FileMapping(name, src, "keys to texts", diags)
	if root == nil {
		return out
	}
	at := func(n *yaml.Node) diag.Pos { return diag.Pos{Path: name, Line: n.Line, Col: n.Column} }
	dup := func(k, first *yaml.Node) {
		diags.Errorf(at(k), "%s", yamlpos.Duplicate(k.Value, "", first.Line))
	}
	for k, v := range yamlpos.Keys(root, dup) {
		key, ok := keyNames()[k.Value]
		if !ok {
			diags.Errorf(at(k), "unknown key %q%s", k.Value, suggest(k.Value))
			continue
		}
		if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
			diags.Errorf(at(v), "%s: want text, got %s", k.Value, yamlpos.Describe(v))
			continue
		}
		if n := utf8.RuneCountInString(v.Value); n > MaxRunes {
			diags.Errorf(at(v), "%s: %d characters, more than the %d a word of plotline's may have: it is written on many pages, some on every one", k.Value, n, MaxRunes)
			continue
		}
		if _, r, ok := yamlpos.Unprintable(v.Value); ok {
			diags.Errorf(at(v), "%s: %s", k.Value, yamlpos.UnprintableMessage(r))
			continue
		}
		if msg := checkPlaceholders(key, v.Value); msg != "" {
			diags.Errorf(at(v), "%s: %s", k.Value, msg)
			continue
		}
		out[key] = v.Value
	}
	return out
}

// builtins holds plotline's words in the languages it has them in, one
// file a language written as a site's own i18n/<tag>.yaml is.
//
//go:embed i18n/*.yaml
var builtins embed.FS

// builtin returns the built-in words of the language tag ("de"), or nil
// when there are none. A mistake in a built-in file is plotline's own:
// it panics, and TestBuiltinComplete with it.
func builtin(tag string) map[Key]string {
	name := "i18n/" + tag + ".yaml"
	src, err := builtins.ReadFile(name)
	if err != nil {
		return nil
	}
	var diags diag.List
	words := decode(name, src, &diags)
	if len(diags) > 0 {
		panic(diags.Error())
	}
	return words
}

// MaxRunes is the most characters a site's text for one of plotline's
// words may have. Some are written on every page (made_with, in the
// footer): a text of 300 KB on a site of 3,000 pages made 1.1 GB of
// output. The longest English text has under a hundred characters.
const MaxRunes = 1000

// suggest returns ": did you mean NAME?" for a name one slip away from a
// key's, and otherwise where the keys are listed.
func suggest(name string) string {
	for k := range count {
		if diag.OneEdit(name, english[k].name) {
			return ": did you mean " + english[k].name + "?"
		}
	}
	return " (README.md, \"plotline's own words\", lists the keys)"
}

// checkPlaceholders says what is wrong with the placeholders of s, a
// text for k, or "" when it names those of the English text, each at
// least once, and no others.
func checkPlaceholders(k Key, s string) string {
	want := placeholders(english[k].text)
	got := placeholders(s)
	for _, g := range got {
		if !slices.Contains(want, g) {
			if len(want) == 0 {
				return "unknown placeholder {" + g + "}: the English text has none"
			}
			return "unknown placeholder {" + g + "} (the English text has " + braced(want) + ")"
		}
	}
	if missing := slices.DeleteFunc(want, func(w string) bool { return slices.Contains(got, w) }); len(missing) > 0 {
		return "missing placeholder " + braced(missing) + " (the English text is " + strconv.Quote(english[k].text) + ")"
	}
	return ""
}

// braced writes names as "{a}, {b}".
func braced(names []string) string { return "{" + strings.Join(names, "}, {") + "}" }
