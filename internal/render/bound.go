package render

import (
	"fmt"
	htmltemplate "html/template"
	"maps"
	"reflect"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// A template can make a text without writing it: a variable set to
// {{ printf "%s%s" $s $s }} in a {{ range }} doubles each time round, and
// forty times round it asks for two terabytes, which ends the process with
// Go's "out of memory" before anything is written. The functions that
// make texts, Go's own and the site's, are therefore given in bounded
// forms: each works out how long its text could be before it makes it,
// and refuses, with an error at the call, a text longer than the most one
// page may have (Layouts.maxOutput).

// textFuncs returns funcs with the functions that make texts in bounded
// forms: Go's print, printf, println, html, js and urlquery, and the
// site's T and date when funcs has them as Funcs makes them (a function
// of another type is left as it is). The bound is read from l at each
// call.
func (l *Layouts) textFuncs(funcs htmltemplate.FuncMap) htmltemplate.FuncMap {
	out := make(htmltemplate.FuncMap, len(funcs)+6)
	maps.Copy(out, funcs)
	out["print"] = func(args ...any) (string, error) {
		return l.bounded(argsSize(args), func() string { return fmt.Sprint(args...) })
	}
	out["println"] = func(args ...any) (string, error) {
		return l.bounded(argsSize(args)+1, func() string { return fmt.Sprintln(args...) })
	}
	out["printf"] = func(format string, args ...any) (string, error) {
		return l.bounded(printfSize(format, args), func() string { return fmt.Sprintf(format, args...) })
	}
	// Each escapes every byte to six at most ("<" is \u003C in js).
	for name, escape := range map[string]func(...any) string{
		"html":     htmltemplate.HTMLEscaper,
		"js":       htmltemplate.JSEscaper,
		"urlquery": htmltemplate.URLQueryEscaper,
	} {
		out[name] = func(args ...any) (string, error) {
			return l.bounded(6*argsSize(args), func() string { return escape(args...) })
		}
	}
	if tr, ok := funcs["T"].(func(string, ...any) (string, error)); ok {
		out["T"] = func(name string, args ...any) (string, error) {
			if !slices.ContainsFunc(args, isText) {
				return tr(name, args...) // a word and numbers: short
			}
			n, err := wordSize(tr, name, args)
			if err != nil {
				return "", err
			}
			if err := l.fits(n); err != nil {
				return "", err
			}
			return tr(name, args...)
		}
	}
	if f, ok := funcs["date"].(func(string, time.Time) string); ok {
		// A part of a layout writes five times its length at most:
		// ".9" writes up to ten digits of a second.
		out["date"] = func(layout string, t time.Time) (string, error) {
			return l.bounded(5*len(layout)+64, func() string { return f(layout, t) })
		}
	}
	return out
}

// fits returns an error when a text of n bytes would be longer than a
// page may be.
func (l *Layouts) fits(n int) error {
	if n <= l.maxOutput {
		return nil
	}
	return fmt.Errorf("this would make a text of up to %d MB, more than the %d MB plotline writes of one page: does a {{ range }} make a text longer each time round?", (n+1<<20-1)>>20, l.maxOutput>>20)
}

// bounded returns the text text makes, when a text of n bytes fits a page
// (see fits), without making it when it does not.
func (l *Layouts) bounded(n int, text func() string) (string, error) {
	if err := l.fits(n); err != nil {
		return "", err
	}
	return text(), nil
}

// wordSize returns at least the length of the text tr makes of the word
// name with args: the text made with every text among args replaced by a
// mark, and for each mark in it the longest of those texts.
func wordSize(tr func(string, ...any) (string, error), name string, args []any) (int, error) {
	const mark = "\uE000" // private use: a word that holds it is only counted longer
	probe := make([]any, len(args))
	longest := 0
	for i, a := range args {
		probe[i] = a
		if isText(a) {
			probe[i] = mark
			longest = max(longest, reflect.ValueOf(a).Len())
		}
	}
	text, err := tr(name, probe...)
	if err != nil {
		return 0, err
	}
	return len(text) + strings.Count(text, mark)*longest, nil
}

// isText reports whether a is a text, of a type whose kind is string.
func isText(a any) bool { return reflect.ValueOf(a).Kind() == reflect.String }

// argsSize returns at least the length of fmt.Sprint(args...): the length
// of each, and a space between any two.
func argsSize(args []any) int {
	n := len(args)
	for _, a := range args {
		n += textSize(a)
	}
	return n
}

// textSize returns at least the length of a written by any verb of fmt,
// before the verb's width and the fivefold of %x, %q and the flags # and
// + : the text itself, or what %v and %#v write of anything else.
func textSize(a any) int {
	v := reflect.ValueOf(a)
	switch v.Kind() {
	case reflect.String:
		return v.Len()
	case reflect.Invalid:
		return len("<nil>")
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		// %f of 1e308 has 309 digits; a complex number two such.
		return 1024
	}
	// Anything else comes from the site's data, whose size is bounded.
	return max(len(fmt.Sprint(a)), len(fmt.Sprintf("%#v", a)))
}

// printfSize returns at least the length of fmt.Sprintf(format, args...),
// without making it: the format's own text, and for each of its verbs
// the width and precision it gives, for each value it pads, and the
// argument it writes, five times over for the verbs and flags that may
// write five bytes for one (% #x writes "0x41 " for "A"); and each
// argument once more, for those that no verb writes, which fmt lists
// after the text. It reads the format as fmt does.
func printfSize(format string, args []any) int {
	sizes := make([]int, len(args))
	parts := make([]int, len(args))
	n := len(format)
	for i, a := range args {
		sizes[i] = textSize(a)
		parts[i] = values(reflect.ValueOf(a), 0)
		n += sizes[i] + 64 // %!(EXTRA type=value)
	}
	argNum := 0
	// star reads a width or precision of "*", which takes an argument
	// for it; fmt takes none larger than maxStar.
	star := func(i int) (int, int, bool) {
		if i < len(format) && format[i] == '*' {
			if argNum < len(args) {
				argNum++
			}
			return maxStar, i + 1, true
		}
		return 0, i, false
	}
	for i := 0; i < len(format); {
		if format[i] != '%' {
			i++
			continue
		}
		i++
		grow := 1
		for i < len(format) && strings.IndexByte("#0+- ", format[i]) >= 0 {
			if format[i] != '0' && format[i] != '-' {
				grow = 5
			}
			i++
		}
		var wid, prec int
		good, after := true, false
		i, after, good = argIndex(format, i, &argNum, len(args), good)
		if w, next, ok := star(i); ok {
			wid, i, after = w, next, false
		} else if wid, i = digits(format, i); after && wid > 0 {
			good = false
		}
		if i+1 < len(format) && format[i] == '.' {
			if after {
				good = false
			}
			i, after, good = argIndex(format, i+1, &argNum, len(args), good)
			if p, next, ok := star(i); ok {
				prec, i, after = p, next, false
			} else {
				prec, i = digits(format, i)
			}
		}
		if !after {
			i, _, good = argIndex(format, i, &argNum, len(args), good)
		}
		if i >= len(format) {
			n += 64 // %!(NOVERB)
			break
		}
		verb, size := utf8.DecodeRuneInString(format[i:])
		i += size
		// A verb writes its argument padded to its width, each value
		// of a list or a struct padded on its own, or a message naming
		// a verb that does not suit it, its type and the argument:
		// %!d(string=…). %% and %!d(BADINDEX) take no argument and no
		// width.
		n += 64
		if verb == '%' || !good {
			continue
		}
		if strings.ContainsRune("xXqU", verb) {
			grow = 5
		}
		if argNum < len(args) {
			n += grow*sizes[argNum] + (wid+prec)*parts[argNum]
		}
		argNum++
	}
	return n
}

// maxStar is the largest width or precision fmt takes from an argument
// ("%*d"); written in the format it may have seven digits.
const maxStar = 1_000_000

// digits reads a width or precision written at format[i:], and returns it
// and where it ends. As fmt, it reads no more of the format after a
// number of more than seven digits.
func digits(format string, i int) (int, int) {
	n := 0
	for ; i < len(format) && '0' <= format[i] && format[i] <= '9'; i++ {
		if n > maxStar {
			return 0, len(format)
		}
		n = n*10 + int(format[i]-'0')
	}
	return n, i
}

// argIndex reads an argument index, "[2]", at format[i:], as fmt does:
// it returns where it ends, whether there was one, and good, false once
// an index is broken or names none of the n arguments, when fmt writes the
// verb as %!d(BADINDEX); *argNum becomes the argument it names.
func argIndex(format string, i int, argNum *int, n int, good bool) (int, bool, bool) {
	if i >= len(format) || format[i] != '[' {
		return i, false, good
	}
	end := strings.IndexByte(format[i:], ']')
	if end < 0 {
		return i + 1, false, false
	}
	index, next := digits(format[:i+end], i+1)
	if end == 1 || next != i+end {
		return i + end + 1, false, false
	}
	if index < 1 || index > n {
		return i + end + 1, true, false
	}
	*argNum = index - 1
	return i + end + 1, true, good
}

// values returns at least the number of values fmt pads to a width in
// writing v at depth (0 for an argument): one for a value that is not a
// list, a map or a struct, or is a pointer within one (written as an
// address), and those of each element, key and field of the others.
func values(v reflect.Value, depth int) int {
	switch v.Kind() {
	case reflect.Pointer:
		if depth == 0 && !v.IsNil() {
			return values(v.Elem(), 1)
		}
	case reflect.Interface:
		if !v.IsNil() {
			return values(v.Elem(), depth)
		}
	case reflect.Slice, reflect.Array:
		n := 1
		for i := range v.Len() {
			n += values(v.Index(i), depth+1)
		}
		return n
	case reflect.Map:
		n := 1
		for it := v.MapRange(); it.Next(); {
			n += values(it.Key(), depth+1) + values(it.Value(), depth+1)
		}
		return n
	case reflect.Struct:
		n := 1
		for _, f := range v.Fields() {
			n += values(f, depth+1)
		}
		return n
	case reflect.Complex64, reflect.Complex128:
		return 2 // each part padded
	}
	return 1
}
