package cli

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// isTerminal reports whether w is a terminal a person watches: a character
// device, and not a CI job (which sets CI). getenv is os.Getenv outside
// tests.
func isTerminal(w io.Writer, getenv func(string) string) bool {
	if getenv("CI") != "" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// startProgress shows how long a build has been running: after every
// interval it rewrites one line on w, "building… 3 s". The returned
// function stops it and clears the line, if one was shown; a build that
// ends within the first interval prints nothing at all.
func startProgress(w io.Writer, interval time.Duration) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	shown := false
	go func() {
		defer close(finished)
		start := time.Now()
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-done:
				if shown {
					fmt.Fprint(w, "\r\x1b[K")
				}
				return
			case now := <-t.C:
				fmt.Fprintf(w, "\rbuilding… %d s", int(now.Sub(start).Round(time.Second)/time.Second))
				shown = true
			}
		}
	}()
	return sync.OnceFunc(func() {
		close(done)
		<-finished
	})
}

// progressFor starts a progress line on stderr when stderr is a terminal,
// and does nothing otherwise.
func progressFor(e *env) (stop func()) {
	if !isTerminal(e.stderr, os.Getenv) {
		return func() {}
	}
	return startProgress(e.stderr, time.Second)
}
