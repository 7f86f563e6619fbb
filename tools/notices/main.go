// Command notices writes internal/notices/NOTICES.txt, the licences of
// plotline and of everything built into it, which the binary embeds and
// every release archive carries (see tools/internal/noticegen).
//
// Usage, anywhere in the repository, after a change to go.mod or to the
// vendored files:
//
//	go run ./tools/notices       (or go generate ./internal/notices)
//
// It writes the file only when its text changes. Its test fails when the
// committed file is out of date.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"

	"github.com/plotline/plotline/tools/internal/noticegen"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("notices", flag.ContinueOnError)
	flags.SetOutput(stderr)
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "notices: unexpected argument %q\n", flags.Arg(0))
		return 2
	}
	root, err := noticegen.ModuleRoot(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "notices: %v\n", err)
		return 1
	}
	text, err := noticegen.Generate(ctx, noticegen.Options{Root: root})
	if err != nil {
		fmt.Fprintf(stderr, "notices: %v\n", err)
		return 1
	}
	file := filepath.Join(root, filepath.FromSlash(noticegen.File))
	if old, err := os.ReadFile(file); err == nil && bytes.Equal(old, text) {
		fmt.Fprintf(stdout, "%s is up to date\n", noticegen.File)
		return 0
	}
	if err := os.WriteFile(file, text, 0o644); err != nil {
		fmt.Fprintf(stderr, "notices: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s\n", noticegen.File)
	return 0
}
