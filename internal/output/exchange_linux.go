package output

import "golang.org/x/sys/unix"

// exchange swaps the files or folders at a and b in one step, so that
// there is no moment at which b does not exist (a preview server reading
// it never sees it missing). It fails when either is missing, or the
// file system cannot.
func exchange(a, b string) error {
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
}
