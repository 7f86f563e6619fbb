package cli

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/plotline/plotline/internal/config"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/serve"
	"github.com/plotline/plotline/internal/site"
	"github.com/plotline/plotline/internal/watch"
)

// debounce is how long the watcher waits for a burst of saves to end.
const debounce = 30 * time.Millisecond

// errorGrace is how long a failed rebuild waits before it reports its
// errors. An editor that saves in place truncates the file and then writes
// it, and a rebuild can read it in between; the second write's change
// arrives within this time and takes the error back before anyone sees it.
const errorGrace = 150 * time.Millisecond

func runWatch(ctx context.Context, e *env, args []string) int {
	var sf siteFlags
	fs := newFlags(e, "watch", "build the site, then rebuild it on every change", "plotline watch -s mysite")
	sf.register(fs)
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	return watchLoop(ctx, e, &sf, nil)
}

func runServe(ctx context.Context, e *env, args []string) int {
	var sf siteFlags
	fs := newFlags(e, "serve", "preview the site locally, rebuilding and reloading the browser on every change", "plotline serve -s mysite --port 1313 --open")
	sf.register(fs)
	port := fs.Int("port", 1313, "the `port` to listen on (0 picks a free one)")
	bind := fs.String("bind", "127.0.0.1", "the `address` to listen on")
	open := fs.Bool("open", false, "open the site in the browser")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	b, cfg, dest, err := sf.load()
	if err != nil {
		return report(e, err)
	}
	srv := serve.New(dest, cfg.BasePath(), serve.Options{})
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	served := make(chan error, 1)
	addr := fmt.Sprintf("%s:%d", *bind, *port)

	// Build first so the first page asked for exists, then listen.
	first := make(chan struct{})
	go func() {
		<-first
		served <- srv.ListenAndServe(ctx, addr, func(url string) {
			fmt.Fprintf(e.stdout, "serving %s at %s (Ctrl-C to stop)\n", dest, url)
			if *open {
				openBrowser(url)
			}
		})
		cancel()
	}()
	code := watchLoop(ctx, e, &sf, &watchHooks{builder: b, server: srv, basePath: cfg.BasePath(), started: first})
	if err := <-served; err != nil {
		fmt.Fprintf(e.stderr, "plotline: %v\n", err)
		return exitInternal
	}
	return code
}

// watchHooks connects the watch loop to a preview server.
type watchHooks struct {
	builder  *site.Builder
	server   *serve.Server
	basePath string
	started  chan struct{} // closed after the first build
}

// watchLoop builds the site, then rebuilds it on every change until ctx is
// done. A build with errors prints them (and shows them in the browser)
// and waits for the next change; the process never exits on a content
// error. A change that comes while a build runs cancels it; the changes of
// a cancelled or failed build are built again with the next ones, so the
// last change always wins.
func watchLoop(ctx context.Context, e *env, sf *siteFlags, hooks *watchHooks) int {
	var b *site.Builder
	var dest string
	var err error
	if hooks != nil {
		b = hooks.builder
		dest = sf.dest
		if dest == "" {
			dest = filepath.Join(sf.dir, "public")
		}
	} else {
		b, _, dest, err = sf.load()
		if err != nil {
			return report(e, err)
		}
	}
	ignore := []string{}
	if rel, err := filepath.Rel(sf.dir, dest); err == nil && !strings.HasPrefix(rel, "..") {
		ignore = append(ignore, filepath.ToSlash(rel))
	}
	w, err := watch.New(ctx, sf.dir, []string{"content", "templates", "theme"}, config.Files, debounce, watch.WithIgnore(ignore...))
	if err != nil {
		return report(e, err)
	}
	defer w.Close()

	res, err := b.Build(ctx)
	printDiags(e, res.Warnings)
	if err != nil {
		publishError(e, hooks, err)
	} else {
		fmt.Fprintf(e.stdout, "built %d pages in %d ms; watching for changes\n", res.Pages, res.Duration.Milliseconds())
	}
	if hooks != nil {
		close(hooks.started)
	}

	// One build at a time runs in its own goroutine; a new change cancels
	// it, waits for it, and starts another with the changes of both.
	type outcome struct {
		res     site.Result
		err     error
		paths   []string
		started time.Time
	}
	var (
		pending     watch.ChangeSet
		failure     error            // a failed build's error, not yet reported
		reportAt    <-chan time.Time // when to report it
		running     chan outcome
		cancelBuild context.CancelFunc = func() {}
		carried     []string           // what builds cancelled after finishing changed
	)
	defer func() { cancelBuild() }()
	stop := func() {
		if running == nil {
			return
		}
		cancelBuild()
		o := <-running
		running = nil
		if o.err == nil {
			carried = append(carried, o.res.Changed...)
		}
	}
	start := func() {
		bctx, cancel := context.WithCancel(ctx)
		cancelBuild = cancel
		paths := pending.Paths()
		ch := make(chan outcome, 1)
		go func(b *site.Builder) {
			t := time.Now()
			res, err := b.Rebuild(bctx, paths)
			ch <- outcome{res, err, paths, t}
		}(b)
		running = ch
	}
	for {
		select {
		case <-ctx.Done():
			stop()
			return ExitOK
		case err, ok := <-w.Errors():
			if !ok {
				stop()
				return ExitOK
			}
			if errors.Is(err, watch.ErrOverflow) {
				// Changes may have been missed: build everything.
				stop()
				pending = pending.Merge(watch.NewChangeSet(config.Files...))
				start()
				continue
			}
			fmt.Fprintf(e.stderr, "plotline: watching: %v\n", err)
		case <-reportAt:
			publishError(e, hooks, failure)
			failure, reportAt = nil, nil
		case cs, ok := <-w.Changes():
			if !ok {
				stop()
				return ExitOK
			}
			failure, reportAt = nil, nil
			stop()
			pending = pending.Merge(cs)
			if slices.ContainsFunc(cs.Paths(), func(p string) bool { return slices.Contains(config.Files, p) }) {
				// The config changed: start over with a new builder.
				nb, _, _, err := sf.load()
				if err != nil {
					publishError(e, hooks, err)
					continue
				}
				b = nb
			}
			start()
		case o := <-running:
			running = nil
			printDiags(e, o.res.Warnings)
			if o.err != nil {
				if ctx.Err() != nil {
					return ExitOK
				}
				failure, reportAt = o.err, time.After(errorGrace)
				continue // pending keeps the paths: they are built with the next change
			}
			changed := append(carried, o.res.Changed...)
			carried = nil
			fmt.Fprintf(e.stdout, "rebuilt after %s: %d pages rendered, %d files written in %d ms\n",
				describeChanges(o.paths), o.res.Pages, len(changed), time.Since(o.started).Milliseconds())
			if hooks != nil {
				hooks.server.Publish(reloadEvent(hooks.basePath, o.paths, changed))
			}
			pending = watch.ChangeSet{}
		}
	}
}

// publishError prints a failed build's errors and shows them in the
// browser.
func publishError(e *env, hooks *watchHooks, err error) {
	var lines []string
	var l diag.List
	if errors.As(err, &l) {
		printDiags(e, l)
		for _, d := range l {
			lines = append(lines, d.String())
		}
		fmt.Fprintf(e.stderr, "plotline: %d error%s; still serving the last good build\n", len(l.Errors()), plural(len(l.Errors())))
	} else {
		fmt.Fprintf(e.stderr, "plotline: %v\n", err)
		lines = []string{err.Error()}
	}
	if hooks != nil {
		hooks.server.Publish(serve.Event{Kind: serve.KindError, Errors: lines})
	}
}

// reloadEvent tells the open pages what a rebuild changed: a stylesheet
// edit swaps stylesheets in place; otherwise the pages whose HTML changed
// reload, or every page when a file they may show (an image, a script)
// changed.
func reloadEvent(basePath string, inputs, changed []string) serve.Event {
	cssOnly := len(inputs) > 0
	for _, p := range inputs {
		if !strings.HasPrefix(p, "theme/") || path.Ext(p) != ".css" {
			cssOnly = false
		}
	}
	if cssOnly {
		var urls []string
		for _, p := range inputs {
			urls = append(urls, basePath+p)
		}
		return serve.Event{Kind: serve.KindCSS, Paths: urls}
	}
	var pages []string
	for _, p := range changed {
		switch {
		case strings.HasSuffix(p, "/index.html") || p == "index.html":
			pages = append(pages, basePath+strings.TrimSuffix(p, "index.html"))
		case p == "404.html", p == "feed.xml", p == "sitemap.xml", p == "robots.txt", strings.HasSuffix(p, ".csv"):
			// Not shown inside a page.
		default:
			return serve.Event{Kind: serve.KindReload} // anything may show it
		}
	}
	if len(pages) == 0 {
		return serve.Event{Kind: serve.KindOK}
	}
	return serve.Event{Kind: serve.KindReload, Paths: pages}
}

// describeChanges names the changed files for the rebuild line.
func describeChanges(paths []string) string {
	if len(paths) <= 3 {
		return strings.Join(paths, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(paths[:2], ", "), len(paths)-2)
}

// openBrowser opens url in the desktop's browser, if there is one.
func openBrowser(url string) {
	for _, cmd := range []string{"xdg-open", "open"} {
		if p, err := exec.LookPath(cmd); err == nil {
			_ = exec.Command(p, url).Start()
			return
		}
	}
}
