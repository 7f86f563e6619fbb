package devloop

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// fakeBuilds is a Build that takes a set time, can be told to fail, and
// records every build it starts and how it ended. The test and the loop's
// goroutines share it, so every field is read and written under mu: in a
// synctest bubble, time passing orders them but is no synchronisation for
// the race detector.
type fakeBuilds struct {
	mu       sync.Mutex
	took     time.Duration
	finishes bool            // a cancelled build still runs to its end, as one past the point of no return does
	fail     map[string]bool // a build whose paths hold one of these fails
	log      []string        // "start a,b", "done a,b", "cancelled a,b", "failed a,b"
	calls    int
}

func (f *fakeBuilds) build(ctx context.Context, paths []string) (int, []string, error) {
	joined := strings.Join(paths, ",")
	f.mu.Lock()
	f.calls++
	call := f.calls
	f.log = append(f.log, "start "+joined)
	took, done := f.took, ctx.Done()
	if f.finishes {
		done = nil
	}
	f.mu.Unlock()
	select {
	case <-done:
		f.note("cancelled " + joined)
		return 0, nil, ctx.Err()
	case <-time.After(took):
	}
	for _, p := range paths {
		if f.failing(p) {
			f.note("failed " + joined)
			return 0, nil, errors.New("bad " + p)
		}
	}
	f.note("done " + joined)
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = fmt.Sprintf("out/%s#%d", p, call)
	}
	return call, out, nil
}

// setFail makes the builds of path fail from now on, or no longer fail.
func (f *fakeBuilds) setFail(path string, fail bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fail[path] = fail
}

func (f *fakeBuilds) failing(path string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.fail[path]
}

// callCount returns how many builds have started.
func (f *fakeBuilds) callCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls
}

func (f *fakeBuilds) note(s string) {
	f.mu.Lock()
	f.log = append(f.log, s)
	f.mu.Unlock()
}

func (f *fakeBuilds) history() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.log)
}

// harness runs a Loop with fake builds in a synctest bubble.
type harness struct {
	builds  *fakeBuilds
	changes chan []string
	errs    chan error
	mu      sync.Mutex // guards built and failed, written by the loop's goroutine
	built   []Built[int]
	failed  []error
	done    chan error
	cancel  context.CancelFunc
}

// told returns the builds the loop has told of, and the failures.
func (h *harness) told() ([]Built[int], []error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return slices.Clone(h.built), slices.Clone(h.failed)
}

// errMissed is the harness's error of a watcher that may have missed
// changes.
var errMissed = errors.New("changes may have been missed")

func start(t *testing.T, took time.Duration, fail ...string) *harness {
	h := &harness{
		builds:  &fakeBuilds{took: took, fail: map[string]bool{}},
		changes: make(chan []string),
		errs:    make(chan error),
		done:    make(chan error, 1),
	}
	for _, f := range fail {
		h.builds.fail[f] = true
	}
	l := &Loop[int]{
		Build:   h.builds.build,
		Changes: h.changes,
		Errors:  h.errs,
		Missed:  func(err error) bool { return errors.Is(err, errMissed) },
		All:     []string{"plotline.yaml"},
		Grace:   150 * time.Millisecond,
		OnBuilt: func(b Built[int]) {
			h.mu.Lock()
			h.built = append(h.built, b)
			h.mu.Unlock()
		},
		OnFailed: func(err error) {
			h.mu.Lock()
			h.failed = append(h.failed, err)
			h.mu.Unlock()
		},
	}
	ctx, cancel := context.WithCancel(t.Context())
	h.cancel = cancel
	go func() { h.done <- l.Run(ctx) }()
	return h
}

// stop ends the loop and waits for it.
func (h *harness) stop(t *testing.T) {
	t.Helper()
	h.cancel()
	if err := <-h.done; err != nil {
		t.Errorf("Run() = %v; want nil", err)
	}
}

// TestCancelAndMerge sends a change while a build runs: the build is
// cancelled, and the next one covers both changes.
func TestCancelAndMerge(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := start(t, 100*time.Millisecond)
		h.changes <- []string{"a"}
		time.Sleep(50 * time.Millisecond)
		h.changes <- []string{"b"}
		time.Sleep(200 * time.Millisecond)
		synctest.Wait()
		want := []string{"start a", "cancelled a", "start a,b", "done a,b"}
		if got := h.builds.history(); !slices.Equal(got, want) {
			t.Errorf("builds: %q; want %q", got, want)
		}
		built, _ := h.told()
		if len(built) != 1 || !slices.Equal(built[0].Paths, []string{"a", "b"}) || built[0].Took != 100*time.Millisecond || built[0].Result != 2 {
			t.Errorf("told of %+v; want one build of a and b, the second call, that took 100ms", built)
		}
		h.stop(t)
	})
}

// TestFailedBuildWaits fails a build: it is reported after the grace
// period when nothing follows it, and not at all when a change comes
// within it; the failed build's changes are built again with that change.
func TestFailedBuildWaits(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := start(t, 10*time.Millisecond, "bad")
		h.changes <- []string{"bad"}
		time.Sleep(10*time.Millisecond + 149*time.Millisecond)
		synctest.Wait()
		if _, failed := h.told(); len(failed) != 0 {
			t.Fatalf("the failure was reported before the grace period ended")
		}
		time.Sleep(time.Millisecond)
		synctest.Wait()
		if _, failed := h.told(); len(failed) != 1 {
			t.Fatalf("the failure was not reported after the grace period (%d reports)", len(failed))
		}

		// The writer fixes the file quickly: nothing is reported, and the
		// next build covers both changes.
		h.builds.setFail("bad", false)
		h.builds.setFail("half-written", true)
		h.changes <- []string{"half-written"}
		time.Sleep(20 * time.Millisecond)
		h.builds.setFail("half-written", false)
		h.changes <- []string{"half-written"}
		time.Sleep(500 * time.Millisecond)
		synctest.Wait()
		built, failed := h.told()
		if len(failed) != 1 {
			t.Errorf("a failure followed by a change within the grace period was reported")
		}
		if n := len(built); n != 1 || !slices.Equal(built[0].Paths, []string{"bad", "half-written"}) {
			t.Errorf("told of %+v; want one build of bad and half-written", built)
		}
		h.stop(t)
	})
}

// TestCarriedChanges cancels a build that runs to its end all the same,
// as one past the point where it can stop does: the loop learns that it
// succeeded only while it waits for it, and tells of its changed files
// with the next build's. (A change that comes in the very instant a build
// ends reaches the same code, or not, as the loop's select chooses; a
// build that ignores its cancellation reaches it every time.)
func TestCarriedChanges(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := start(t, 100*time.Millisecond)
		h.builds.mu.Lock()
		h.builds.finishes = true
		h.builds.mu.Unlock()
		h.changes <- []string{"a"}
		time.Sleep(50 * time.Millisecond)
		h.changes <- []string{"b"}
		time.Sleep(300 * time.Millisecond)
		synctest.Wait()
		if want := []string{"start a", "done a", "start a,b", "done a,b"}; !slices.Equal(h.builds.history(), want) {
			t.Errorf("builds: %q; want %q", h.builds.history(), want)
		}
		built, _ := h.told()
		if len(built) != 1 {
			t.Fatalf("told of %d builds; want 1", len(built))
		}
		if want := []string{"out/a#1", "out/a#2", "out/b#2"}; !slices.Equal(built[0].Changed, want) {
			t.Errorf("changed %q; want %q: the first build's files too", built[0].Changed, want)
		}
		h.stop(t)
	})
}

// TestOverflow builds everything after the watcher may have missed
// changes, and tells of other watcher errors.
func TestOverflow(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := start(t, 10*time.Millisecond)
		h.errs <- fmt.Errorf("the queue overflowed: %w", errMissed)
		time.Sleep(50 * time.Millisecond)
		synctest.Wait()
		if want := []string{"start plotline.yaml", "done plotline.yaml"}; !slices.Equal(h.builds.history(), want) {
			t.Errorf("builds: %q; want %q", h.builds.history(), want)
		}
		h.stop(t)
	})
}

// TestCheckStops ends the loop when the check before a build fails.
func TestCheckStops(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		moved := errors.New("the site folder moved")
		changes := make(chan []string)
		l := &Loop[int]{
			Build:   (&fakeBuilds{}).build,
			Changes: changes,
			Check:   func() error { return moved },
		}
		done := make(chan error, 1)
		go func() { done <- l.Run(t.Context()) }()
		changes <- []string{"a"}
		if err := <-done; !errors.Is(err, moved) {
			t.Errorf("Run() = %v; want %v", err, moved)
		}
	})
}

// TestRestart swaps the build function for a new one when the config
// changes, and reports a config that cannot be read like a failed build.
func TestRestart(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		first, second := &fakeBuilds{}, &fakeBuilds{}
		changes := make(chan []string)
		var mu sync.Mutex // guards failed, written by the loop's goroutine
		var failed []error
		broken := true
		l := &Loop[int]{
			Build:   first.build,
			Changes: changes,
			Grace:   150 * time.Millisecond,
			Restart: func(paths []string) (Build[int], bool, error) {
				if !slices.Contains(paths, "plotline.yaml") {
					return nil, false, nil
				}
				if broken {
					return nil, false, errors.New("plotline.yaml:1:1: bad")
				}
				return second.build, true, nil
			},
			OnFailed: func(err error) {
				mu.Lock()
				failed = append(failed, err)
				mu.Unlock()
			},
		}
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan error, 1)
		go func() { done <- l.Run(ctx) }()
		changes <- []string{"content/a.md"}
		time.Sleep(time.Millisecond)
		changes <- []string{"plotline.yaml"}
		time.Sleep(200 * time.Millisecond)
		synctest.Wait()
		mu.Lock()
		reports := len(failed)
		mu.Unlock()
		if reports != 1 || second.callCount() != 0 {
			t.Errorf("a broken config: %d failures reported, %d builds of the new builder; want 1 and 0", reports, second.callCount())
		}
		broken = false
		changes <- []string{"plotline.yaml"}
		time.Sleep(time.Millisecond)
		synctest.Wait()
		if first.callCount() != 1 || second.callCount() != 1 {
			t.Errorf("builds: %d with the first builder, %d with the second; want 1 and 1", first.callCount(), second.callCount())
		}
		cancel()
		<-done
	})
}
