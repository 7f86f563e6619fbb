//go:build !unix

package output

// mountPoint is false here: the system's own error on the swap says what
// is wrong.
func mountPoint(dir string) bool { return false }
