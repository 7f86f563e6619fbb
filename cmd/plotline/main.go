// Command plotline builds explainer sites: Markdown articles whose front
// matter carries data blocks and projections, rendered with interactive
// charts into a static site.
//
// Run "plotline help" for the commands.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"github.com/plotline/plotline/internal/cli"
)

// Garbage collection settings used unless the environment sets GOGC or
// GOMEMLIMIT. A build allocates a few hundred kilobytes per page but keeps
// little of it, so the collector's default (collect whenever the heap has
// doubled) runs it very often: a 10,000-article build spent about a tenth
// of its CPU time marking. Letting the heap grow to five times what is
// live, but never past a fixed budget, collects less often while memory
// stays bounded; the budget is a soft limit, which the runtime exceeds
// rather than collect without end.
const (
	gcPercent   = 400
	memoryLimit = 150 << 20
)

// stopGrace is how long plotline, interrupted (Ctrl-C), waits for the
// command to wind down before it exits anyway. A build stops between two
// pages, but a page of hostile Markdown may take seconds to parse and
// does not look back; the build had written nothing the output shows, and
// what it left beside the output (its temporary folder, its lock) the next
// build clears up, since their owner is gone.
const stopGrace = time.Second

func main() {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" && (len(os.Args) < 2 || os.Args[1] != "import") {
		// Not for an import, which holds the whole source site and the
		// new one in memory (300 MB for a blog of 7,000 posts, 90 MB
		// of Markdown), above the budget: the collector ran without
		// pause, and the import took 27 s where it takes 11 s with the
		// runtime's own settings.
		debug.SetGCPercent(gcPercent)
		debug.SetMemoryLimit(memoryLimit)
	}
	os.Exit(run(os.Args[1:]))
}

// run runs the command line args until it ends or, once interrupted, for
// stopGrace at most, and returns the exit code.
func run(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	done := make(chan int, 1)
	go func() { done <- cli.Main(ctx, args, os.Stdout, os.Stderr) }()
	select {
	case code := <-done:
		return code
	case <-ctx.Done():
	}
	select {
	case code := <-done:
		return code
	case <-time.After(stopGrace):
		fmt.Fprintln(os.Stderr, "plotline: interrupted; the previous output is unchanged")
		return cli.ExitContent
	}
}
