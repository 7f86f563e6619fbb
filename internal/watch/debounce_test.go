package watch

import (
	"slices"
	"testing"
	"testing/synctest"
	"time"
)

// receive returns the batch ready on d's channel, if any, without waiting.
func receive(t *testing.T, d *Debouncer) ([]string, bool) {
	t.Helper()
	select {
	case cs, ok := <-d.C():
		if !ok {
			t.Fatal("C() closed early")
		}
		return cs, true
	default:
		return nil, false
	}
}

func TestDebouncerBurst(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		d := NewDebouncer(50 * time.Millisecond)
		defer d.Close()

		d.Add("content/a.md")
		time.Sleep(30 * time.Millisecond)
		d.Add("content/b.md")
		d.Add("content/a.md")

		time.Sleep(49 * time.Millisecond)
		synctest.Wait()
		if cs, ok := receive(t, d); ok {
			t.Fatalf("at t=79ms got batch %q; want none", cs)
		}

		time.Sleep(1 * time.Millisecond)
		synctest.Wait()
		cs, ok := receive(t, d)
		if !ok {
			t.Fatal("at t=80ms got no batch; want one")
		}
		if got, want := cs, []string{"content/a.md", "content/b.md"}; !slices.Equal(got, want) {
			t.Errorf("batch = %q; want %q", got, want)
		}

		time.Sleep(time.Second)
		synctest.Wait()
		if cs, ok := receive(t, d); ok {
			t.Errorf("after the batch got another %q; want none", cs)
		}
	})
}

func TestDebouncerStreamKeepsDelaying(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		d := NewDebouncer(50 * time.Millisecond)
		defer d.Close()

		// One add every 40ms for two seconds: never 50ms of quiet.
		start := time.Now()
		for i := range 50 {
			d.Add("content/a.md")
			if i%2 == 1 {
				d.Add("theme/css/site.css")
			}
			time.Sleep(40 * time.Millisecond)
			synctest.Wait()
			if cs, ok := receive(t, d); ok {
				t.Fatalf("at %v got batch %q during the stream; want none", time.Since(start), cs)
			}
		}
		// The last add was 40ms ago; the batch is due 10ms from now.
		time.Sleep(9 * time.Millisecond)
		synctest.Wait()
		if cs, ok := receive(t, d); ok {
			t.Fatalf("49ms after the last add got batch %q; want none", cs)
		}
		time.Sleep(1 * time.Millisecond)
		synctest.Wait()
		cs, ok := receive(t, d)
		if !ok {
			t.Fatal("50ms after the last add got no batch; want one")
		}
		if got, want := cs, []string{"content/a.md", "theme/css/site.css"}; !slices.Equal(got, want) {
			t.Errorf("batch = %q; want %q", got, want)
		}
	})
}

func TestDebouncerSecondBurst(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		d := NewDebouncer(50 * time.Millisecond)
		defer d.Close()

		d.Add("content/a.md")
		first := <-d.C()
		if got, want := first, []string{"content/a.md"}; !slices.Equal(got, want) {
			t.Errorf("first batch = %q; want %q", got, want)
		}

		time.Sleep(500 * time.Millisecond)
		d.Add("content/b.md")
		start := time.Now()
		second := <-d.C()
		if got, want := time.Since(start), 50*time.Millisecond; got != want {
			t.Errorf("second batch came after %v; want %v", got, want)
		}
		if got, want := second, []string{"content/b.md"}; !slices.Equal(got, want) {
			t.Errorf("second batch = %q; want %q", got, want)
		}
		if slices.Contains(first, "content/b.md") {
			t.Error("first batch changed after delivery: has content/b.md")
		}
	})
}

func TestDebouncerSlowReaderGetsOneBatch(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		d := NewDebouncer(50 * time.Millisecond)
		defer d.Close()

		d.Add("content/a.md")
		time.Sleep(time.Second) // the batch is ready but nobody reads it
		d.Add("content/b.md")
		time.Sleep(time.Second)
		synctest.Wait()
		cs, ok := receive(t, d)
		if !ok {
			t.Fatal("got no batch; want one")
		}
		if got, want := cs, []string{"content/a.md", "content/b.md"}; !slices.Equal(got, want) {
			t.Errorf("batch = %q; want %q", got, want)
		}
		if cs, ok := receive(t, d); ok {
			t.Errorf("got a second batch %q; want none", cs)
		}
	})
}

func TestDebouncerClose(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		d := NewDebouncer(50 * time.Millisecond)
		d.Add("content/a.md")
		d.Close()
		d.Close() // a second Close is harmless
		d.Add("content/b.md")
		if cs, ok := <-d.C(); ok {
			t.Errorf("after Close got batch %q; want a closed channel", cs)
		}
		// synctest.Test fails if the goroutine were still running.
	})
}
