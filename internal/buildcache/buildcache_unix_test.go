//go:build unix

package buildcache

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestLoadNamedPipe checks that a named pipe where the cache file goes
// reads as an empty cache at once: opening it waited for a writer, and
// the build with it, until it was killed.
func TestLoadNamedPipe(t *testing.T) {
	file := filepath.Join(t.TempDir(), "cache.gob")
	if err := syscall.Mkfifo(file, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	global := sample(1).Global
	done := make(chan *Cache, 1)
	go func() { done <- Load(file, global) }()
	select {
	case got := <-done:
		if len(got.Pages) != 0 || got.Global != global {
			t.Errorf("Load of a named pipe = %d pages; want an empty cache", len(got.Pages))
		}
	case <-time.After(5 * time.Second):
		// Let the waiting open end, so that the test can end too.
		if f, err := os.OpenFile(file, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
		t.Fatal("Load of a named pipe still waits after 5 s")
	}
}
