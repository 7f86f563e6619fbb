package cli

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/plotline/plotline/internal/config"
	"github.com/plotline/plotline/internal/devloop"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/serve"
	"github.com/plotline/plotline/internal/site"
	"github.com/plotline/plotline/internal/sitefs"
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
	if code := parseFlags(e, fs, args); code >= 0 {
		return code
	}
	return watchLoop(ctx, e, &sf, nil)
}

func runServe(ctx context.Context, e *env, args []string) int {
	var sf siteFlags
	fs := newFlags(e, "serve", "preview the site locally, rebuilding and reloading the browser on every change", "plotline serve -s mysite --port 1313 --open")
	sf.register(fs)
	port := fs.Int("port", 1313, "the `port` to listen on (0 picks a free one)")
	bind := fs.String("bind", "127.0.0.1", "the `address` to listen on: 0.0.0.0 or :: for every interface, ::1 for IPv6")
	open := fs.Bool("open", false, "open the site in the browser")
	if code := parseFlags(e, fs, args); code >= 0 {
		return code
	}
	if *port < 0 || *port > 65535 {
		return e.fail(ExitUsage, "plotline serve: --port %d is not a port (want 0 to 65535)", *port)
	}
	if _, p, err := net.SplitHostPort(*bind); err == nil {
		// Listening failed with "lookup 127.0.0.1:8080: no such host".
		return e.fail(ExitUsage, "plotline serve: --bind %s names a port too: give the address alone, and the port with --port %s", *bind, p)
	}
	l, err := sf.open(e)
	if err != nil {
		return report(e, err)
	}
	cfg, dest := l.cfg, l.dest

	// Listen before building, so that a busy port is reported at once.
	// Requests that come during the first build wait in the listener's
	// queue until it is done and the server starts.
	host := bindHost(*bind)
	ln, err := serve.Listen(net.JoinHostPort(host, strconv.Itoa(*port)))
	if err != nil {
		hint := ""
		if errors.Is(err, syscall.EADDRINUSE) {
			hint = " (is another preview running? choose another port with --port, or --port 0 for any free one)"
		}
		return e.fail(exitInternal, "plotline serve: %v%s", err, hint)
	}
	if !ln.Loopback() {
		// Name the address as it was asked for: Go reports 0.0.0.0 as [::],
		// on which it listens for both.
		shown := net.JoinHostPort(cmp.Or(host, "0.0.0.0"), strconv.Itoa(ln.Port()))
		fmt.Fprintf(e.stderr, "plotline serve: warning: listening on %s, which other machines on your network can reach: they can read the preview, its build errors (which name your files) and, with --drafts, your drafts\n", shown)
	}

	srv := serve.New(dest, cfg.BasePath(), serve.Options{})
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	served := make(chan error, 1)
	first := make(chan struct{})
	go func() {
		select {
		case <-first:
		case <-ctx.Done(): // the watch loop ended before the first build did
			ln.Close()
			served <- nil
			return
		}
		served <- srv.Serve(ctx, ln, func(url string) {
			fmt.Fprintf(e.stdout, "serving %s at %s (Ctrl-C to stop)\n", dest, url)
			if *open {
				openBrowser(url)
			}
		})
		cancel()
	}()
	code := watchLoop(ctx, e, &sf, &watchHooks{site: l, server: srv, basePath: cfg.BasePath(), started: first})
	cancel()
	if err := <-served; err != nil {
		return e.fail(exitInternal, "plotline: %v", err)
	}
	return code
}

// bindHost returns the host of the --bind flag, without the brackets an
// IPv6 address may be written in.
func bindHost(bind string) string {
	if len(bind) > 1 && bind[0] == '[' && bind[len(bind)-1] == ']' {
		return bind[1 : len(bind)-1]
	}
	return bind
}

// watchHooks connects the watch loop to a preview server.
type watchHooks struct {
	site     *loaded
	server   *serve.Server
	basePath string
	// nextBase is the base path of a config read since the last good
	// build, which the server moves to when a build with it succeeds.
	nextBase string
	started  chan struct{} // closed after the first build
}

// watchLoop builds the site, then rebuilds it on every change until ctx is
// done (see package devloop). A build with errors prints them (and shows
// them in the browser) and waits for the next change; the process never
// exits on a content error. It stops when the site folder is moved away,
// rather than write a site where the folder was.
func watchLoop(ctx context.Context, e *env, sf *siteFlags, hooks *watchHooks) int {
	var l *loaded
	var err error
	if hooks != nil {
		l = hooks.site
	} else if l, err = sf.open(e); err != nil {
		return report(e, err)
	}
	var ignore []string
	if rel, err := filepath.Rel(sf.dir, l.dest); err == nil && !strings.HasPrefix(rel, "..") {
		ignore = append(ignore, filepath.ToSlash(rel))
	}
	w, err := watch.New(ctx, sf.dir, site.SourceFolders(), config.Files, debounce, ignore)
	if err != nil {
		return report(e, err)
	}
	defer w.Close()

	// A symbolic link in the site may lead to a file outside the folders
	// watched whole: the builder says which, after each build.
	watchTargets := func() {
		if err := w.AddFiles(l.builder.LinkTargets()...); err != nil {
			fmt.Fprintf(e.stderr, "plotline: watching: %v\n", err)
		}
	}
	res, err := l.builder.Build(ctx)
	watchTargets()
	if err != nil {
		publishError(e, hooks, err) // its diagnostics hold the warnings too
	} else {
		printDiags(e, res.Warnings)
		fmt.Fprintf(e.stdout, "built %d pages in %d ms; watching for changes\n", res.Pages, res.Duration.Milliseconds())
	}
	var server *serve.Server
	if hooks != nil {
		close(hooks.started)
		server = hooks.server
	}
	loop := &devloop.Loop[site.Result]{
		Build: rebuildWith(l.builder, server, l.cfg.BasePath()),
		Restart: func(paths []string) (devloop.Build[site.Result], bool, error) {
			if !slices.ContainsFunc(paths, func(p string) bool { return slices.Contains(config.Files, p) }) {
				return nil, false, nil
			}
			// The config changed: start over with a new builder.
			nl, err := sf.open(e)
			if err != nil {
				return nil, false, err
			}
			l = nl
			if hooks != nil {
				// The pages link under the new base path once a build
				// with the new config succeeds; until then the output
				// is the last good site, served where it links.
				hooks.nextBase = nl.cfg.BasePath()
			}
			return rebuildWith(nl.builder, server, nl.cfg.BasePath()), true, nil
		},
		Changes: w.Changes(),
		Errors:  w.Errors(),
		Missed:  func(err error) bool { return errors.Is(err, watch.ErrOverflow) },
		All:     config.Files,
		Grace:   errorGrace,
		Check:   func() error { return l.dir.Moved() },
		OnBuilt: func(b devloop.Built[site.Result]) {
			watchTargets()
			printDiags(e, b.Result.Warnings)
			if hooks != nil && hooks.nextBase != "" {
				if hooks.nextBase != hooks.basePath {
					// The pages now link under the new base path: serve
					// them there.
					hooks.basePath = hooks.server.SetBasePath(hooks.nextBase)
					fmt.Fprintf(e.stdout, "the base path is now %s: the preview is served under it, on the same address\n", hooks.basePath)
				}
				hooks.nextBase = ""
			}
			fmt.Fprintf(e.stdout, "rebuilt after %s: %s rendered, %s written in %d ms\n",
				describeChanges(b.Paths, b.Result.Sources, b.Result.Passing), count(b.Result.Pages, "page"), count(len(b.Changed), "file"), b.Took.Milliseconds())
			if hooks != nil {
				hooks.server.Publish(reloadEvent(hooks.basePath, b.Paths, b.Changed))
			}
		},
		OnFailed: func(err error) {
			watchTargets()
			publishError(e, hooks, err)
		},
		OnWatchError: func(err error) { fmt.Fprintf(e.stderr, "plotline: watching: %v\n", err) },
	}
	if err := loop.Run(ctx); err != nil {
		fmt.Fprintf(e.stderr, "plotline: %v; stopping (start plotline again where the folder is now)\n", err)
		if hooks != nil {
			hooks.server.Publish(serve.Event{Kind: serve.KindError, Errors: []string{err.Error()}})
		}
		return ExitContent
	}
	return ExitOK
}

// rebuildWith returns the build of the watch loop for the builder b, whose
// pages link under the base path base. With a server, a build that
// succeeds moves the preview to base as soon as it has written, whether
// or not the loop then takes its outcome: a change that comes as the build
// ends cancels it after it wrote, and the output links under base from
// then on, even if the next build fails.
func rebuildWith(b *site.Builder, server *serve.Server, base string) devloop.Build[site.Result] {
	return func(ctx context.Context, paths []string) (site.Result, []string, error) {
		res, err := b.Rebuild(ctx, paths)
		if err == nil && server != nil {
			server.SetBasePath(base)
		}
		return res, res.Changed, err
	}
}

// count writes n and a noun, "1 page" or "3 pages".
func count(n int, noun string) string { return strconv.Itoa(n) + " " + noun + plural(n) }

// publishError prints a failed build's errors and shows them in the
// browser.
func publishError(e *env, hooks *watchHooks, err error) {
	var lines []string
	if l, ok := errors.AsType[diag.List](err); ok {
		printDiags(e, l)
		for _, d := range l {
			lines = append(lines, d.String())
		}
		// watch serves nothing: it leaves the output as it was.
		then := "the output is left as it was"
		if hooks != nil {
			then = "still serving the last good build"
		}
		fmt.Fprintf(e.stderr, "plotline: %d error%s; %s\n", len(l.Errors()), plural(len(l.Errors())), then)
	} else {
		fmt.Fprintf(e.stderr, "plotline: %v\n", err)
		lines = []string{err.Error()}
	}
	if hooks != nil {
		hooks.server.Publish(serve.Event{Kind: serve.KindError, Errors: lines})
	}
}

// reloadEvent tells the open pages what a rebuild changed: a stylesheet
// edit swaps the pages' stylesheets in place; otherwise the pages whose
// HTML changed reload, or every page when a file they may show (an image,
// a script) changed. Every stylesheet is swapped, not only those named by
// the edited files: a page links a stylesheet that may @import the one
// edited, which no link names.
func reloadEvent(basePath string, inputs, changed []string) serve.Event {
	notCSS := func(p string) bool { return !strings.HasPrefix(p, "theme/") || path.Ext(p) != ".css" }
	if len(inputs) > 0 && !slices.ContainsFunc(inputs, notCSS) {
		return serve.Event{Kind: serve.KindCSS}
	}
	var pages []string
	for _, p := range changed {
		switch {
		case strings.HasSuffix(p, "/index.html") || p == "index.html":
			pages = append(pages, basePath+strings.TrimSuffix(p, "index.html"))
		case p == "404.html", p == "robots.txt", strings.HasSuffix(p, ".csv"), slices.Contains([]string{".xml", ".rss", ".atom"}, path.Ext(p)):
			// Not shown inside a page: the feed and its copies at its
			// old addresses (feed_aliases), the sitemap.
		default:
			return serve.Event{Kind: serve.KindReload} // anything may show it
		}
	}
	if len(pages) == 0 {
		return serve.Event{Kind: serve.KindOK}
	}
	return serve.Event{Kind: serve.KindReload, Paths: pages}
}

// describeChanges names the changes for the rebuild line: the paths the
// watcher saw that the site reads (a CSV file, a template, an article),
// but for those the site leaves out (an editor's backup, content/a.md~)
// and those passing, which came and went between two builds (sed -i's
// temporary file). When that leaves none, it names the articles that
// were rendered because of them (sources), or else the paths as seen.
func describeChanges(paths, sources, passing []string) string {
	names := slices.DeleteFunc(slices.Clone(paths), func(p string) bool {
		return sitefs.LeftOutPath(p) || slices.Contains(passing, p)
	})
	if len(names) == 0 {
		names = sources
	}
	if len(names) == 0 {
		names = paths
	}
	// A name is shown as the build's messages show it: an escape in a
	// file's name would otherwise reach the terminal.
	names = slices.Clone(names)
	for i, n := range names {
		names[i] = sitefs.Shown(n)
	}
	if len(names) <= 3 {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:2], ", "), len(names)-2)
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
