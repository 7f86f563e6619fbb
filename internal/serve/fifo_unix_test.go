//go:build unix

package serve

import (
	"net/http"
	"os"
	"syscall"
	"testing"
	"time"
)

// TestOutputFolderPipe checks that a named pipe put where the output
// folder was is answered at once, where opening it would hold the request
// (and its thread) until something wrote to the pipe.
func TestOutputFolderPipe(t *testing.T) {
	dir := writeSite(t)
	h := New(dir, "/", Options{}).Handler()
	if err := os.Rename(dir, dir+".real"); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(dir, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	answered := make(chan int, 1)
	go func() {
		resp, _ := do(t, h, "GET", "/")
		answered <- resp.StatusCode
	}()
	select {
	case status := <-answered:
		if status != http.StatusNotFound {
			t.Errorf("GET / with a pipe for the folder: status %d; want 404", status)
		}
	case <-time.After(time.Minute): // a hang, not a measure of speed
		// Unblock the request's open so that the test ends.
		if f, err := os.OpenFile(dir, os.O_WRONLY, 0); err == nil {
			f.Close()
		}
		t.Fatal("GET / with a pipe for the folder was not answered")
	}
}
