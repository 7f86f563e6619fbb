//go:build !unix

package sitefs

import "io/fs"

// removed is false here: the system does not say how many folders link
// to a folder, and a removed working folder is not found at "." anyway.
func removed(fs.FileInfo) bool { return false }
