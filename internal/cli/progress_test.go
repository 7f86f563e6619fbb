package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// lockedBuffer is a bytes.Buffer safe for one writer and one reader.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestProgressLongBuild(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var w lockedBuffer
		stop := startProgress(&w, time.Second)
		time.Sleep(999 * time.Millisecond)
		synctest.Wait()
		if got := w.String(); got != "" {
			t.Errorf("after 0.999 s the progress line is %q; want nothing yet", got)
		}
		time.Sleep(2500 * time.Millisecond)
		synctest.Wait()
		if got, want := w.String(), "\rbuilding… 1 s\rbuilding… 2 s\rbuilding… 3 s"; got != want {
			t.Errorf("after 3.5 s the progress output is %q; want %q", got, want)
		}
		stop()
		if got := w.String(); !strings.HasSuffix(got, "building… 3 s\r\x1b[K") {
			t.Errorf("after stop the progress output is %q; want it to end by clearing the line", got)
		}
		stop() // a second stop does nothing
		time.Sleep(5 * time.Second)
		if got := w.String(); strings.Count(got, "\r\x1b[K") != 1 || strings.Count(got, "building") != 3 {
			t.Errorf("the progress line went on after stop: %q", got)
		}
	})
}

func TestProgressShortBuild(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var w lockedBuffer
		stop := startProgress(&w, time.Second)
		time.Sleep(400 * time.Millisecond)
		stop()
		if got := w.String(); got != "" {
			t.Errorf("a 0.4 s build printed %q; want nothing, not even a clear", got)
		}
	})
}

func TestIsTerminal(t *testing.T) {
	noCI := func(string) string { return "" }
	ci := func(k string) string {
		if k == "CI" {
			return "true"
		}
		return ""
	}
	file, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	if isTerminal(file, noCI) {
		t.Error("isTerminal(regular file) = true; want false")
	}
	if isTerminal(&bytes.Buffer{}, noCI) {
		t.Error("isTerminal(*bytes.Buffer) = true; want false")
	}
	// A character device stands in for a terminal.
	dev, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer dev.Close()
	if fi, err := dev.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		t.Skipf("%s is not a character device here", os.DevNull)
	}
	if !isTerminal(dev, noCI) {
		t.Errorf("isTerminal(%s) = false; want true", os.DevNull)
	}
	if isTerminal(dev, ci) {
		t.Errorf("isTerminal(%s) with CI=true = true; want false", os.DevNull)
	}
}
