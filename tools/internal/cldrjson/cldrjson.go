// Package cldrjson reads the locales of an unpacked package of CLDR's JSON
// release from npm (cldr-dates-full, cldr-misc-full, cldr-numbers-full),
// and writes package locale's tables from them, for the tools that make
// those tables.
package cldrjson

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// Locale is a locale's file in the package.
type Locale struct {
	Name string       // the locale's folder: "pt-PT"
	Tag  language.Tag // the locale
	Path string       // its file: DIR/main/pt-PT/numbers.json
}

// Open returns the version of the package unpacked in dir and the locales
// that have the file called file (such as "numbers.json"), in the order
// of their names. The root locale, "und", is left out, and so is a name
// that is not a language tag, with a line in the log.
func Open(dir, file string) (version string, locales []Locale, err error) {
	var pkg struct{ Version string }
	raw, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return "", nil, err
	}
	if err := json.Unmarshal(raw, &pkg); err != nil {
		return "", nil, fmt.Errorf("%s: %v", filepath.Join(dir, "package.json"), err)
	}
	paths, err := filepath.Glob(filepath.Join(dir, "main", "*", file))
	if err != nil || len(paths) == 0 {
		return "", nil, fmt.Errorf("no main/*/%s in %s", file, dir)
	}
	slices.Sort(paths)
	for _, p := range paths {
		name := filepath.Base(filepath.Dir(p))
		if name == "und" {
			continue
		}
		t, err := language.Parse(name)
		if err != nil {
			log.Printf("%s: %v; left out", name, err)
			continue
		}
		locales = append(locales, Locale{Name: name, Tag: t, Path: p})
	}
	return pkg.Version, locales, nil
}

// Write writes the table of all, each locale's line without its name, to
// path, as package locale reads it: the lines of comment, each after "# ",
// then a line for each locale whose line is not that of its closest parent
// in all (or, for a locale without a parent there, not root), in the
// order of their names, the name and the line separated by a tab. Package
// locale finds the locales left out by walking a tag's parents.
func Write(path string, comment []string, all map[string]string, root string) error {
	var b bytes.Buffer
	for _, c := range comment {
		fmt.Fprintf(&b, "# %s\n", c)
	}
	for _, name := range own(all, root) {
		if strings.Contains(all[name], "\n") {
			return fmt.Errorf("%s: a line break in %q", name, all[name])
		}
		fmt.Fprintf(&b, "%s\t%s\n", name, all[name])
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// own returns, in order, the names of the locales of all whose value is
// not that of their closest parent in all, or, for a locale without a
// parent there, not root's.
func own(all map[string]string, root string) []string {
	var names []string
	for name, v := range all {
		inherited := root
		for t := language.MustParse(name).Parent(); !t.IsRoot(); t = t.Parent() {
			if p, ok := all[t.String()]; ok {
				inherited = p
				break
			}
		}
		if v != inherited {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}
