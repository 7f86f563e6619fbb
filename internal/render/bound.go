package render

import (
	"fmt"
	htmltemplate "html/template"
	"reflect"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// A template can make a text without writing it: a variable set to
// {{ printf "%s%s" $s $s }} in a {{ range }} doubles each time round, and
// forty times round it asks for a terabyte, which ends the process with
// Go's "out of memory" before anything is written. The functions that
// make texts, Go's own and the site's, are therefore given in bounded
// forms: each works out how long its text could be before it makes it,
// and refuses, with an error at the call, a text longer than the most one
// page may have (Layouts.maxOutput).

// maxWidth is the largest width or precision fmt takes in a format; it
// writes a larger one as an error.
const maxWidth = 1_000_000

// textFuncs returns funcs with the functions that make texts in bounded
// forms: Go's print, printf, println, html, js and urlquery, and the
// site's T and date when funcs has them, as
// Funcs makes them. A function of funcs whose type is not that of Funcs'
// is left as it is. The bound is read from l at each call.
func (l *Layouts) textFuncs(funcs htmltemplate.FuncMap) htmltemplate.FuncMap {
	out := make(htmltemplate.FuncMap, len(funcs)+6)
	for name, f := range funcs {
		out[name] = f
	}
	out["print"] = func(args ...any) (string, error) {
		if err := l.fits(argsSize(args)); err != nil {
			return "", err
		}
		return fmt.Sprint(args...), nil
	}
	out["println"] = func(args ...any) (string, error) {
		if err := l.fits(argsSize(args) + 1); err != nil {
			return "", err
		}
		return fmt.Sprintln(args...), nil
	}
	out["printf"] = func(format string, args ...any) (string, error) {
		if err := l.fits(printfSize(format, args)); err != nil {
			return "", err
		}
		return fmt.Sprintf(format, args...), nil
	}
	// Each escapes every byte to six at most ("<" is \u003C in js).
	for name, escape := range map[string]func(...any) string{
		"html":     htmltemplate.HTMLEscaper,
		"js":       htmltemplate.JSEscaper,
		"urlquery": htmltemplate.URLQueryEscaper,
	} {
		out[name] = func(args ...any) (string, error) {
			if err := l.fits(6 * argsSize(args)); err != nil {
				return "", err
			}
			return escape(args...), nil
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
			if err := l.fits(5*len(layout) + 64); err != nil {
				return "", err
			}
			return f(layout, t), nil
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
// the width and precision it gives and the argument it writes, five
// times over for the verbs and flags that may write five bytes for one
// (% #x writes "0x41 " for "A"); and each argument once more, for those
// that no verb writes, which fmt lists after the text.
func printfSize(format string, args []any) int {
	sizes := make([]int, len(args))
	n := len(format)
	for i, a := range args {
		sizes[i] = textSize(a)
		n += sizes[i] + 64 // %!(EXTRA type=value)
	}
	argNum := 0
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
		i, argNum = argIndex(format, i, argNum)
		wid, i, argNum = widthOf(format, i, argNum)
		if i < len(format) && format[i] == '.' {
			i, argNum = argIndex(format, i+1, argNum)
			prec, i, argNum = widthOf(format, i, argNum)
		}
		i, argNum = argIndex(format, i, argNum)
		if i >= len(format) {
			n += 64 // %!(NOVERB)
			break
		}
		verb, size := utf8.DecodeRuneInString(format[i:])
		i += size
		// A verb writes its argument padded to its width, or a
		// message naming a verb that does not suit it, its type and
		// the argument: %!d(string=…).
		n += wid + prec + 64
		if verb == '%' {
			continue
		}
		if strings.ContainsRune("xXqU", verb) {
			grow = 5
		}
		if argNum >= 0 && argNum < len(args) {
			n += grow * sizes[argNum]
		}
		argNum++
	}
	return n
}

// argIndex reads an argument index, "[2]", at format[i:], and returns
// where it ends and the argument it names (counted from 0), or i and
// argNum when there is none. A broken index names no argument.
func argIndex(format string, i, argNum int) (int, int) {
	if i >= len(format) || format[i] != '[' {
		return i, argNum
	}
	end := strings.IndexByte(format[i:], ']')
	if end < 0 {
		return len(format), -1
	}
	n := 0
	for _, c := range format[i+1 : i+end] {
		if c < '0' || c > '9' || n > maxWidth {
			return i + end + 1, -1
		}
		n = n*10 + int(c-'0')
	}
	return i + end + 1, n - 1
}

// widthOf reads a width or precision at format[i:]: digits, or a "*",
// which takes an argument for it, and returns the largest it can be, where
// it ends and the next argument.
func widthOf(format string, i, argNum int) (int, int, int) {
	if i < len(format) && format[i] == '*' {
		return maxWidth, i + 1, argNum + 1
	}
	w := 0
	for i < len(format) && '0' <= format[i] && format[i] <= '9' {
		w = min(w*10+int(format[i]-'0'), maxWidth+1)
		i++
	}
	return min(w, maxWidth), i, argNum
}
