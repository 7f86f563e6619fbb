package words

import (
	"embed"

	"github.com/plotline/plotline/internal/diag"
)

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
