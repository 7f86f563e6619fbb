//go:build linux

package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// TestServeWaitsForBuild takes the lock that a build holds on the output
// while it runs, as `plotline build` in another terminal would, then edits
// an article under `plotline serve`. The rebuild says once that it waits,
// naming the process in the lock file, and leaves the output alone until
// the lock is released; then it rebuilds and the page reloads.
func TestServeWaitsForBuild(t *testing.T) {
	dir := t.TempDir()
	article := func(text string) string {
		return "---\ntitle: A\ndate: 2025-01-01\n---\n\n" + text + "\n"
	}
	writeSite(t, dir, map[string]string{
		"plotline.yaml":         "title: Lock Test\n",
		"content/articles/a.md": article("First text."),
	})
	s := startServe(t, dir, 30*time.Second)
	es := s.events(t)
	es.settle(t, 300*time.Millisecond, 20*time.Second)

	lock := filepath.Join(dir, ".plotline-lock-public")
	f, err := os.OpenFile(lock, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		t.Fatalf("locking %s while serve is idle: %v", lock, err)
	}
	if _, err := f.WriteString("4242\n"); err != nil {
		t.Fatal(err)
	}

	writeFile(t, filepath.Join(dir, "content", "articles", "a.md"), article("Second text."))
	want := fmt.Sprintf("plotline: waiting for another build of %s to finish (pid 4242)", filepath.Join(dir, "public"))
	for deadline := time.Now().Add(20 * time.Second); !strings.Contains(s.stderr.String(), want); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no %q on stderr after an edit while the output is locked\nstderr:\n%s", want, s.stderr.String())
		}
	}
	if _, body := s.get(t, "articles/a/"); !strings.Contains(body, "First text.") {
		t.Errorf("articles/a/ changed while another build held the lock")
	}

	// Released as a build releases it: the file goes first.
	if err := os.Remove(lock); err != nil {
		t.Fatal(err)
	}
	f.Close()
	es.waitFor(t, 20*time.Second, "reload of /articles/a/", func(ev sseEvent) bool { return ev.reloads("/articles/a/") })
	if _, body := s.get(t, "articles/a/"); !strings.Contains(body, "Second text.") {
		t.Errorf("articles/a/ does not show the edit once the lock is released")
	}
	if n := strings.Count(s.stderr.String(), "waiting for another build"); n != 1 {
		t.Errorf("said %d times that it waits; want once\nstderr:\n%s", n, s.stderr.String())
	}
}
