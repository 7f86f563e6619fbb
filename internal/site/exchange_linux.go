package site

import "golang.org/x/sys/unix"

// exchange swaps the folders at a and b in one step, so that there is no
// moment at which b does not exist (a preview server reading it never
// sees it missing).
func exchange(a, b string) error {
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
}
