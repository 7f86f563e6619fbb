package watch

import (
	"maps"
	"slices"
	"sync"
	"time"
)

// Debouncer gathers changed paths and emits them, sorted and each once,
// once no path has been added for a quiet period. Every Add restarts the
// one timer of the current burst, so a steady stream of changes keeps
// the batch open; a batch that waits for a slow reader keeps growing
// until it is taken. A path is a slash path relative to the site root,
// such as "content/a.md"; one may name a directory that was removed or
// moved away, everything under it changed with it.
//
// A Debouncer runs one goroutine, which Close stops.
type Debouncer struct {
	quiet  time.Duration
	in     chan string
	out    chan []string
	stop   chan struct{}
	exited chan struct{}
	once   sync.Once
}

// NewDebouncer returns a running Debouncer that emits a batch after quiet
// has passed with no Add.
func NewDebouncer(quiet time.Duration) *Debouncer {
	d := &Debouncer{
		quiet:  quiet,
		in:     make(chan string),
		out:    make(chan []string),
		stop:   make(chan struct{}),
		exited: make(chan struct{}),
	}
	go d.run()
	return d
}

// Add records a change to path p. It does nothing after Close.
func (d *Debouncer) Add(p string) {
	select {
	case d.in <- p:
	case <-d.stop:
	}
}

// C returns the channel on which batches are delivered, each a new slice.
// It is closed when the Debouncer stops.
func (d *Debouncer) C() <-chan []string { return d.out }

// Close stops the Debouncer, drops any batch not yet delivered, closes the
// channel returned by C and waits for the goroutine to end. It is safe to
// call more than once.
func (d *Debouncer) Close() {
	d.once.Do(func() { close(d.stop) })
	<-d.exited
}

// run owns the pending batch and the timer.
func (d *Debouncer) run() {
	defer close(d.exited)
	defer close(d.out)

	var (
		pending = map[string]bool{}
		batch   []string // pending, sorted, once the burst has gone quiet
		timer   *time.Timer
		fired   <-chan time.Time // the timer's channel while a burst is open
		send    chan []string    // d.out once the burst has gone quiet, else nil
	)
	defer func() {
		if timer != nil {
			timer.Stop()
		}
	}()
	for {
		select {
		case p := <-d.in:
			pending[p] = true
			if timer == nil {
				timer = time.NewTimer(d.quiet)
			} else {
				timer.Reset(d.quiet)
			}
			fired, send = timer.C, nil
		case <-fired:
			fired, send, batch = nil, d.out, slices.Sorted(maps.Keys(pending))
		case send <- batch:
			clear(pending)
			send = nil
		case <-d.stop:
			return
		}
	}
}
