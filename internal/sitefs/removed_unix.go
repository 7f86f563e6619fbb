//go:build unix

package sitefs

import (
	"io/fs"
	"syscall"
)

// removed reports whether fi, got from an open folder, describes one
// that has been removed: it is linked from no folder any more. A process
// whose working folder was removed still finds it at ".", so that the
// path alone does not tell.
func removed(fi fs.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && st.Nlink == 0
}
