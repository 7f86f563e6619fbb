//go:build unix

package data

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestCSVNamedPipe reads a CSV file that is a named pipe: opening it would
// wait for a writer forever, so it is refused without being opened.
func TestCSVNamedPipe(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "content", "articles")
	if err := os.MkdirAll(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(folder, "pipe.csv"), 0o644); err != nil {
		t.Skipf("cannot make a named pipe: %v", err)
	}
	done := make(chan []string)
	go func() {
		_, msgs := parse(t, "data:\n  p:\n    csv: pipe.csv\n", os.DirFS(dir))
		done <- msgs
	}()
	select {
	case msgs := <-done:
		want := pagePath + ":3:10: csv: content/articles/pipe.csv cannot be read: is a named pipe, socket or device, not a regular file"
		if strings.Join(msgs, "\n") != want {
			t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), want)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("still reading the named pipe after 10 s")
	}
}
