// Command plotline builds explainer sites: Markdown articles whose front
// matter carries data blocks and projections, rendered with interactive
// charts into a static site.
//
// Run "plotline help" for the commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

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

func main() {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(gcPercent)
		debug.SetMemoryLimit(memoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
