package cli

import (
	"os"
	"testing"
)

// TestMain keeps the build cache of the tests' builds in a temporary
// folder instead of the user's cache folder.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "plotline-cli-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CACHE_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
