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
	"syscall"

	"github.com/plotline/plotline/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
