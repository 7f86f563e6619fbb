package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/plotline/plotline/internal/importer"
	"github.com/plotline/plotline/internal/sitefs"
)

const importUsage = `usage: plotline import hugo|jekyll SRC DEST

Make a new plotline site in DEST from the Hugo or Jekyll site in SRC. DEST
must not exist, or be empty; SRC is only read.

The pages and their files are copied into DEST/content/, their front matter
mapped onto plotline's keys (the others go under params:), shortcodes and
Liquid tags converted where plotline has an equivalent and wrapped in HTML
comments where it has none, and every page given an alias at each address
it had, so that old links keep working. DEST/plotline.yaml takes the title
and base URL of the source's config.

The report on stdout lists, at its source position, each thing not
converted, then the totals.

Example:

	plotline import jekyll ~/blog ~/blog-plotline
`

func runImport(ctx context.Context, e *env, args []string) int {
	flags := newFlags(e, "import", "bring a Hugo or Jekyll site in", "plotline import hugo ~/blog ~/blog-plotline")
	flags.Usage = func() { fmt.Fprint(flags.Output(), importUsage) }
	pos, code := parseWithArgs(e, flags, args)
	if code >= 0 {
		return code
	}
	if len(pos) != 3 || (pos[0] != "hugo" && pos[0] != "jekyll") {
		return e.fail(ExitUsage, "plotline import: want hugo or jekyll, the source folder and a new folder, as in: plotline import hugo ~/blog ~/blog-plotline")
	}
	kind, src, dest := importer.Kind(pos[0]), pos[1], pos[2]
	if err := importer.CheckDest(dest); errors.Is(err, importer.ErrNotEmpty) {
		return e.fail(ExitContent, "plotline import: %v; nothing was written", err)
	}
	if info, err := os.Stat(src); err != nil || !info.IsDir() {
		return e.fail(ExitContent, "plotline import: %s is not a folder", src)
	}
	// The day whose expired pages become drafts: a build's day, so that
	// SOURCE_DATE_EPOCH makes an import the same on every run.
	today, err := buildDay()
	if err != nil {
		return report(e, err)
	}
	start := time.Now()
	// The source is read through an os.Root, as a site is: a symbolic
	// link that leads out of it (an include linked to a key in the
	// importer's home folder) is an error, not a way to copy that file
	// into the new site, and a named pipe is refused, not waited on.
	dir, err := sitefs.Open(src)
	if err != nil {
		return e.fail(ExitContent, "plotline import: %v", err)
	}
	defer dir.Close()
	fsys := dir.FS
	// What an interrupted import leaves is dest as it was: Import
	// writes nothing, and Write writes the new site beside dest's
	// files and removes it unless it is whole.
	was := "does not exist"
	if _, err := os.Stat(dest); err == nil {
		was = "is still empty"
	}
	interrupted := func() int {
		return e.fail(ExitContent, "plotline import: interrupted; nothing was written: %s %s", dest, was)
	}
	// Import does not stop when asked to, and a large site takes it
	// a while: it runs beside, so that an interruption is answered at
	// once, with what it leaves, and not, a second later, by plotline
	// saying that a previous output is unchanged, which an import has
	// none of.
	type imported struct {
		res *importer.Result
		err error
	}
	done := make(chan imported, 1)
	go func() {
		res, err := importer.Import(fsys, kind, today)
		done <- imported{res, err}
	}()
	var res *importer.Result
	select {
	case r := <-done:
		res, err = r.res, r.err
	case <-ctx.Done():
		return interrupted()
	}
	if err != nil {
		return e.fail(ExitContent, "plotline import: %s: %v", src, err)
	}
	if err := res.Write(ctx, fsys, dest); err != nil {
		if ctx.Err() != nil {
			return interrupted()
		}
		if errors.Is(err, importer.ErrNotEmpty) {
			return e.fail(ExitContent, "plotline import: %v; nothing was written", err)
		}
		return e.fail(ExitContent, "plotline import: %v", err)
	}
	res.Report(e.stdout, src)
	fmt.Fprintf(e.stdout, "wrote %s in %.2f s; next: plotline build -s %s\n", dest, time.Since(start).Seconds(), dest)
	return ExitOK
}
