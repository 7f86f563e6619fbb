// Package plotline holds the default templates and theme that every site
// starts from. A site's own templates/X or theme/X replaces the file of the
// same name, file by file.
package plotline

import (
	"embed"
	"io/fs"
)

//go:embed templates theme
var defaults embed.FS

// Defaults returns the embedded default files, laid out as in a site
// folder: templates/… and theme/….
func Defaults() fs.FS { return defaults }
