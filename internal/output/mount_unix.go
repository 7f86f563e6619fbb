//go:build unix

package output

import (
	"os"
	"path/filepath"
	"syscall"
)

// mountPoint reports whether dir is a folder on another file system than
// the folder that holds it, as a mount point is. A folder that cannot be
// looked at is not one.
func mountPoint(dir string) bool {
	in, err := os.Stat(dir)
	if err != nil || !in.IsDir() {
		return false
	}
	up, err := os.Stat(filepath.Dir(dir))
	if err != nil {
		return false
	}
	a, ok := in.Sys().(*syscall.Stat_t)
	b, ok2 := up.Sys().(*syscall.Stat_t)
	return ok && ok2 && a.Dev != b.Dev
}
