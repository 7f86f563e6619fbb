// Package devloop runs the edit–build loop of plotline watch and serve:
// change sets come in from a watcher, builds go out, one at a time. A
// change that comes while a build runs cancels it, and the next build
// covers the changes of both, so the last change always wins; the changes
// of a build that fails are built again with the next ones. A failed build
// is reported only when no change follows it within a grace period: an
// editor that saves by truncating a file and then writing it can be read
// in between, and the second write takes the error back before anyone
// sees it. The loop knows nothing of sites, watchers or servers: the
// caller gives it a build function and is told what happened.
package devloop

import (
	"context"
	"slices"
	"time"
)

// Build builds after the files at paths changed, as site.Builder.Rebuild
// does, and returns what it made of them (R: site.Result, say) and the
// paths of the output files whose contents changed. It must stop early,
// with ctx's error, when ctx is cancelled.
type Build[R any] func(ctx context.Context, paths []string) (result R, changed []string, err error)

// Built is a build that succeeded.
type Built[R any] struct {
	Result  R
	Paths   []string      // the changed files it covered
	Changed []string      // the output files it changed, those of cancelled builds that had already written included
	Took    time.Duration // from its start to its end
}

// Loop is the edit–build loop. Set its fields, then call Run.
type Loop[R any] struct {
	// Build runs one build. Restart, when not nil, is called before a
	// build whose changes include a path for which Restart reports true
	// (the config file, say), and returns the Build to use from then on.
	Build   Build[R]
	Restart func(paths []string) (Build[R], bool, error)

	// Changes delivers change sets, as sorted paths; Errors the watcher's
	// problems. Closing either ends the loop.
	Changes <-chan []string
	Errors  <-chan error

	// Missed, when not nil, reports whether an error of Errors says that
	// changes may have been missed (the watcher's queue overflowed): the
	// next build then covers All, the change set that stands for every
	// file.
	Missed func(error) bool
	All    []string

	// Grace is how long a failed build waits before it is reported.
	Grace time.Duration

	// Check, when not nil, is called before each build; an error ends the
	// loop with it (the site folder was moved away, say).
	Check func() error

	// OnBuilt, OnFailed and OnWatchError are told what happened. They run
	// on the loop's goroutine and may be nil.
	OnBuilt      func(Built[R])
	OnFailed     func(error)
	OnWatchError func(error)
}

// outcome is a build that ended, and its error.
type outcome[R any] struct {
	Built[R]
	err error
}

// Run runs the loop until ctx is done, a channel closes, or Check fails;
// it returns nil, or Check's error. It does not run a first build: the
// caller builds before it starts the loop.
func (l *Loop[R]) Run(ctx context.Context) error {
	var (
		pending  []string         // changes not yet built
		failure  error            // a failed build's error, not yet reported
		reportAt <-chan time.Time // when to report it
		running  chan outcome[R]
		cancel   context.CancelFunc = func() {}
		carried  []string           // what builds cancelled after they finished changed
	)
	defer func() { cancel() }()
	// stop cancels the running build and waits for it.
	stop := func() {
		if running == nil {
			return
		}
		cancel()
		o := <-running
		running = nil
		if o.err == nil {
			carried = append(carried, o.Changed...)
		}
	}
	start := func() error {
		if l.Check != nil {
			if err := l.Check(); err != nil {
				return err
			}
		}
		if l.Restart != nil {
			b, restarted, err := l.Restart(pending)
			if err != nil {
				failure, reportAt = err, time.After(l.Grace)
				return nil
			}
			if restarted {
				l.Build = b
			}
		}
		bctx, c := context.WithCancel(ctx)
		cancel = c
		paths := slices.Clone(pending)
		ch := make(chan outcome[R], 1)
		build := l.Build
		go func() {
			t := time.Now()
			result, changed, err := build(bctx, paths)
			ch <- outcome[R]{Built[R]{result, paths, changed, time.Since(t)}, err}
		}()
		running = ch
		return nil
	}
	for {
		select {
		case <-ctx.Done():
			stop()
			return nil
		case err, ok := <-l.Errors:
			if !ok {
				stop()
				return nil
			}
			if l.Missed != nil && l.Missed(err) {
				stop()
				pending = merge(pending, l.All)
				if err := start(); err != nil {
					return err
				}
				continue
			}
			if l.OnWatchError != nil {
				l.OnWatchError(err)
			}
		case <-reportAt:
			if l.OnFailed != nil {
				l.OnFailed(failure)
			}
			failure, reportAt = nil, nil
		case cs, ok := <-l.Changes:
			if !ok {
				stop()
				return nil
			}
			failure, reportAt = nil, nil
			stop()
			pending = merge(pending, cs)
			if err := start(); err != nil {
				return err
			}
		case o := <-running:
			running = nil
			if o.err != nil {
				if ctx.Err() != nil {
					return nil
				}
				// pending keeps the paths: they are built with the next change.
				failure, reportAt = o.err, time.After(l.Grace)
				continue
			}
			o.Changed = merge(carried, o.Changed)
			carried = nil
			pending = nil
			if l.OnBuilt != nil {
				l.OnBuilt(o.Built)
			}
		}
	}
}

// merge returns the sorted union of a and b.
func merge(a, b []string) []string {
	out := append(slices.Clone(a), b...)
	slices.Sort(out)
	return slices.Compact(out)
}
