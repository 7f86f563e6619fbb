package cli

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/plotline/plotline"
)

var (
	afternoonSeed  = flag.Uint64("afternoon-seed", 0, "run TestServeAfternoon with this seed alone")
	afternoonSteps = flag.Int("afternoon-steps", 0, "run TestServeAfternoon for this many steps a seed")
)

// TestServeAfternoon is a writer's afternoon with "plotline serve" open:
// a seeded random run of the saves a writer makes — prose, data blocks and
// a CSV file two articles read, articles added, removed and renamed (in
// sub-folders and page bundles with a picture), tags, slugs, aliases,
// drafts, pages, the navigation, the config, a template and the theme's
// stylesheet, mistakes saved and mended — each saved the way some editor
// saves: in place, truncated and then written, through a temporary file
// renamed over it, removed and made again, moved aside for a backup, or
// twice within the debounce. After each step settles it checks that what
// the server serves is, file by file and byte for byte, what a clean
// build of the same files writes (when that fails: the output of the last
// build that succeeded, under the base path its pages link), that every
// page whose HTML changed was told to reload, and that the error a page
// shows, or is told of when it opens, is the clean build's.
// -afternoon-seed and -afternoon-steps make longer runs.
func TestServeAfternoon(t *testing.T) {
	if testing.Short() {
		t.Skip("runs plotline serve for a while")
	}
	seeds := []uint64{1}
	steps := 14
	if *afternoonSeed != 0 {
		seeds = []uint64{*afternoonSeed}
	}
	if *afternoonSteps > 0 {
		steps = *afternoonSteps
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			a := newAfternoon(t, seed)
			for step := range steps {
				a.step(step)
				if t.Failed() {
					t.Logf("plotline serve's output:\n%s\n%s", a.s.stdout.String(), a.s.stderr.String())
					t.Fatalf("seed %d, step %d: %s", seed, step, strings.Join(a.did, "; "))
				}
			}
		})
	}
}

// anArticle is the model of one article of the afternoon's site.
type anArticle struct {
	dir     string // content/articles or content/notes/deep
	name    string
	bundle  bool // name/index.md with a picture beside it
	day     int
	title   int // versions of the headline, the prose and the data
	prose   int
	value   int
	tags    []string
	slug    string
	aliases []string
	draft   bool
	page    bool
	nav     string
	shared  bool   // reads content/data/shared.csv, and makes a claim with it
	broken  string // a mistake in it, or ""
}

// file returns the article's Markdown file, relative to the site.
func (a *anArticle) file() string {
	if a.bundle {
		return a.dir + "/" + a.name + "/index.md"
	}
	return a.dir + "/" + a.name + ".md"
}

// text returns the article's Markdown.
func (a *anArticle) text() string {
	var fm, body strings.Builder
	fmt.Fprintf(&fm, "title: \"Article %s, take %d\"\ndate: 2025-03-%02d\n", a.name, a.title, a.day)
	if a.broken == "date" {
		fm.Reset()
		fmt.Fprintf(&fm, "title: \"Article %s, take %d\"\ndate: next tuesday\n", a.name, a.title)
	}
	if len(a.tags) > 0 {
		fmt.Fprintf(&fm, "tags: [%s]\n", strings.Join(a.tags, ", "))
	}
	if a.slug != "" {
		fmt.Fprintf(&fm, "slug: %s\n", a.slug)
	}
	if len(a.aliases) > 0 {
		fmt.Fprintf(&fm, "aliases: [%s]\n", strings.Join(a.aliases, ", "))
	}
	if a.draft {
		fm.WriteString("draft: true\n")
	}
	if a.page {
		fm.WriteString("type: page\n")
	}
	if a.nav != "" {
		fmt.Fprintf(&fm, "nav: %s\n", a.nav)
	}
	fmt.Fprintf(&fm, "data:\n  level:\n    unit: megalitres\n    series:\n      - {date: 2025-01-01, value: 100}\n      - {date: 2025-02-01, value: %d}\n    projection:\n      rate: fit\n      per: day\n      limit: 400\n", 110+10*a.value)
	if a.shared {
		rel, _ := filepath.Rel(path.Dir(a.file()), "content/data/shared.csv")
		fmt.Fprintf(&fm, "  shared:\n    csv: %s\n", filepath.ToSlash(rel))
	}
	fmt.Fprintf(&body, "Prose of %s, draft %d of the afternoon.\n\nThe level is {{ level.last.value }} megalitres and reaches the limit on {{ level.crossing }}.\n\n", a.name, a.prose)
	if a.broken == "ref" {
		body.WriteString("It was {{ levle.last.value }} before.\n\n")
	}
	if a.shared {
		body.WriteString("That is {{ level.last.value | claim \"more than\" shared.last.value }} the shared reading.\n\n```chart\ndata: shared\n```\n\n")
	}
	if a.bundle {
		body.WriteString("![The reservoir](pic.png)\n\n")
	}
	body.WriteString("```chart\ndata: level\ntitle: Level\n```\n")
	return "---\n" + fm.String() + "---\n\n" + body.String()
}

// afternoon is one run of TestServeAfternoon: the site on disk, its model,
// and the server.
type afternoon struct {
	t   *testing.T
	rng *rand.Rand
	dir string
	s   *testServer
	es  *eventStream

	articles []*anArticle
	next     int // the number of the next new article
	config   struct {
		title, pageSize, feed int
		base                  string
		broken                bool
	}
	footer     int // 0: no override; < 0: one with a mistake
	css        int // 0: the theme's stylesheet; else a rule of version css
	csvVersion int

	did      []string          // what the step did, for the failure message
	lastGood map[string][]byte // the clean build of the last good step
	served   map[string][]byte // the output at the end of the last good step
	// servedBefore is the base path at the end of the last good step,
	// and evs the events since then.
	servedBefore string
	evs          []sseEvent
	base         string // the base path served
}

func newAfternoon(t *testing.T, seed uint64) *afternoon {
	a := &afternoon{t: t, rng: rand.New(rand.NewPCG(seed, 1313)), dir: t.TempDir()}
	a.config.title, a.config.pageSize, a.config.feed, a.config.base = 1, 3, 4, "/repo/"
	for i := range 4 {
		a.articles = append(a.articles, &anArticle{
			dir: []string{"content/articles", "content/notes/deep"}[i%2], name: fmt.Sprintf("a%d", i),
			bundle: i == 2, day: 1 + i, tags: []string{"water"}, shared: i < 2,
		})
	}
	a.next = 4
	writeFile(t, a.path("content/data/shared.csv"), a.sharedCSV())
	writeFile(t, a.path("plotline.yaml"), a.configText())
	for _, ar := range a.articles {
		writeFile(t, a.path(ar.file()), ar.text())
		if ar.bundle {
			writeFile(t, a.path(path.Dir(ar.file())+"/pic.png"), "png 0")
		}
	}
	a.s = startServe(t, a.dir, 60*time.Second)
	a.es = a.s.events(t)
	a.base = "/repo/"
	a.lastGood, _ = a.clean()
	if a.lastGood == nil {
		t.Fatalf("the first site does not build")
	}
	a.served, a.servedBefore = readTree(t, a.s.dest), "/repo/"
	return a
}

func (a *afternoon) path(rel string) string { return filepath.Join(a.dir, filepath.FromSlash(rel)) }

func (a *afternoon) sharedCSV() string {
	return fmt.Sprintf("date,value\n2025-01-01,%d\n2025-02-01,%d\n", 100, 90+20*a.csvVersion)
}

func (a *afternoon) configText() string {
	c := a.config
	s := fmt.Sprintf("title: Afternoon Desk %d\nbase_url: https://example.org%s\npage_size: %d\nfeed_items: %d\n", c.title, c.base, c.pageSize, c.feed)
	if c.broken {
		s += "page_size: lots\n"
	}
	return s
}

// save writes data at rel the way one of several editors saves it.
func (a *afternoon) save(rel, data string) {
	t := a.t
	p := a.path(rel)
	_, err := os.Stat(p)
	exists := err == nil
	pause := func() { time.Sleep(time.Duration(10+a.rng.IntN(50)) * time.Millisecond) }
	how := a.rng.IntN(7)
	if !exists {
		how = 0
	}
	switch how {
	case 0: // in place
		a.did = append(a.did, "write "+rel)
		writeFile(t, p, data)
	case 1: // a hidden temporary file renamed over it
		a.did = append(a.did, "rename over "+rel)
		tmp := filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".tmp1313")
		writeFile(t, tmp, data)
		if err := os.Rename(tmp, p); err != nil {
			t.Fatal(err)
		}
	case 2: // truncated, then written a moment later
		a.did = append(a.did, "truncate and write "+rel)
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_TRUNC, 0)
		if err != nil {
			t.Fatal(err)
		}
		f.Sync()
		pause()
		f.WriteString(data)
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	case 3: // removed, then made again a moment later
		a.did = append(a.did, "remove and write "+rel)
		os.Remove(p)
		pause()
		writeFile(t, p, data)
	case 4: // the old file kept as a backup while the new one is written,
		// after a probe of whether the folder can be written (Vim)
		a.did = append(a.did, "backup and write "+rel)
		probe := filepath.Join(filepath.Dir(p), "4913")
		writeFile(t, probe, "")
		os.Remove(probe)
		if err := os.Rename(p, p+"~"); err != nil {
			t.Fatal(err)
		}
		writeFile(t, p, data)
		os.Remove(p + "~")
	case 6: // JetBrains IDEs: a new file, the old one moved aside, the new one moved in
		a.did = append(a.did, "swap in "+rel)
		writeFile(t, p+"___jb_tmp___", data)
		if err := os.Rename(p, p+"___jb_old___"); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(p+"___jb_tmp___", p); err != nil {
			t.Fatal(err)
		}
		os.Remove(p + "___jb_old___")
	case 5: // saved twice within the debounce, with something else first
		a.did = append(a.did, "twice "+rel)
		writeFile(t, p, data+"\nA sentence the writer took back.\n")
		time.Sleep(time.Duration(2+a.rng.IntN(8)) * time.Millisecond)
		writeFile(t, p, data)
	}
}

// saveArticle saves ar, and its picture when it is a bundle's.
func (a *afternoon) saveArticle(ar *anArticle) {
	a.save(ar.file(), ar.text())
	if ar.bundle {
		if _, err := os.Stat(a.path(path.Dir(ar.file()) + "/pic.png")); err != nil {
			a.save(path.Dir(ar.file())+"/pic.png", "png 0")
		}
	}
}

// step makes one to three changes and checks what is served once the
// server has caught up.
func (a *afternoon) step(n int) {
	a.did = nil
	for range 1 + a.rng.IntN(3) {
		a.change(n)
		time.Sleep(time.Duration(a.rng.IntN(40)) * time.Millisecond)
	}
	a.t.Logf("step %d: %s", n, strings.Join(a.did, "; "))
	a.check()
}

// changeNames name the changes change makes, for the log of a run.
var changeNames = [22]string{"prose", "prose", "data", "headline and date", "tags", "slug", "aliases", "draft", "page or navigation",
	"mistake", "removal", "renaming", "new article", "new article", "shared CSV", "config", "footer template", "stylesheet", "picture", "claim",
	"folder renamed", "shared CSV removed or back"}

// change makes one of a writer's changes.
func (a *afternoon) change(n int) {
	t := a.t
	rng := a.rng
	// A mistake is mended more often than not.
	for _, ar := range a.articles {
		if ar.broken != "" && rng.IntN(3) > 0 {
			ar.broken = ""
			a.did = append(a.did, "mend "+ar.name)
			a.saveArticle(ar)
			return
		}
	}
	if a.config.broken && rng.IntN(3) > 0 {
		a.config.broken = false
		a.did = append(a.did, "mend the config")
		a.save("plotline.yaml", a.configText())
		return
	}
	var ar *anArticle
	if len(a.articles) > 0 {
		ar = a.articles[rng.IntN(len(a.articles))]
	}
	op := rng.IntN(len(changeNames))
	if ar == nil && op < 12 {
		op = 12
	}
	if op < 12 || op == 19 {
		a.did = append(a.did, changeNames[op]+" of "+ar.name)
	} else {
		a.did = append(a.did, changeNames[op])
	}
	switch op {
	case 0, 1: // prose
		ar.prose++
		a.saveArticle(ar)
	case 2: // the data block
		ar.value = rng.IntN(6)
		a.saveArticle(ar)
	case 3: // the headline and date, which move it in the lists
		ar.title++
		ar.day = 1 + rng.IntN(9)
		a.saveArticle(ar)
	case 4: // tags
		ar.tags = nil
		for _, tag := range []string{"water", "power", "dams"} {
			if rng.IntN(2) == 0 {
				ar.tags = append(ar.tags, tag)
			}
		}
		a.saveArticle(ar)
	case 5: // a slug, or none
		ar.slug = ""
		if rng.IntN(2) == 0 {
			ar.slug = fmt.Sprintf("s%d", rng.IntN(3))
		}
		a.saveArticle(ar)
	case 6: // an old address, or none
		ar.aliases = nil
		if rng.IntN(2) == 0 {
			ar.aliases = []string{fmt.Sprintf("/old/%s/", ar.name)}
			if rng.IntN(3) == 0 {
				ar.aliases = append(ar.aliases, fmt.Sprintf("/o%d.html", rng.IntN(2)))
			}
		}
		a.saveArticle(ar)
	case 7: // draft or not
		ar.draft = !ar.draft
		a.saveArticle(ar)
	case 8: // a page, or an article again; in the navigation or not
		if rng.IntN(2) == 0 {
			ar.page = !ar.page
		} else if ar.nav == "" {
			ar.nav = strings.ToUpper(ar.name)
		} else {
			ar.nav = ""
		}
		a.saveArticle(ar)
	case 9: // a mistake
		ar.broken = []string{"date", "ref"}[rng.IntN(2)]
		a.saveArticle(ar)
	case 10: // removed
		a.did = append(a.did, "remove "+ar.file())
		if ar.bundle {
			os.RemoveAll(a.path(path.Dir(ar.file())))
		} else {
			os.Remove(a.path(ar.file()))
		}
		a.articles = slices.DeleteFunc(a.articles, func(x *anArticle) bool { return x == ar })
	case 11: // renamed, or moved to the other folder
		old := ar.file()
		oldDir := a.path(old)
		if ar.bundle {
			oldDir = a.path(path.Dir(old))
		}
		if rng.IntN(2) == 0 {
			ar.name = fmt.Sprintf("a%d", a.next)
			a.next++
		} else if ar.dir == "content/articles" {
			ar.dir = a.subFolder()
		} else {
			ar.dir = "content/articles"
		}
		to := a.path(ar.file())
		if ar.bundle {
			to = a.path(path.Dir(ar.file()))
		}
		a.did = append(a.did, fmt.Sprintf("rename %s to %s", old, ar.file()))
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(oldDir, to); err != nil {
			t.Fatal(err)
		}
		if ar.shared {
			// Its path to the CSV file changed with its folder.
			a.saveArticle(ar)
		}
	case 12, 13: // a new article, a bundle now and then
		ar := &anArticle{
			dir: []string{"content/articles", a.subFolder()}[rng.IntN(2)], name: fmt.Sprintf("a%d", a.next),
			bundle: rng.IntN(3) == 0, day: 1 + rng.IntN(9), shared: rng.IntN(3) == 0,
		}
		a.next++
		a.articles = append(a.articles, ar)
		a.saveArticle(ar)
	case 14: // the CSV file the shared articles read
		a.csvVersion = rng.IntN(4)
		a.save("content/data/shared.csv", a.sharedCSV())
	case 15: // the config
		switch rng.IntN(5) {
		case 0:
			a.config.broken = true
		case 1:
			a.config.base = []string{"/repo/", "/desk/"}[rng.IntN(2)]
		case 2:
			a.config.pageSize = rng.IntN(4)
		case 3:
			a.config.feed = 1 + rng.IntN(4)
		default:
			a.config.title++
		}
		a.save("plotline.yaml", a.configText())
	case 16: // the footer template: overridden, mistaken or removed
		f := "templates/partials/footer.html"
		switch {
		case a.footer != 0 && rng.IntN(2) == 0:
			a.footer = 0
			a.did = append(a.did, "remove "+f)
			os.Remove(a.path(f))
		case rng.IntN(4) == 0:
			a.footer = -1
			a.save(f, "{{- define \"footer\" -}}<footer>{{ .Site.Title }</footer>{{- end -}}\n")
		default:
			a.footer = n + 1
			a.save(f, fmt.Sprintf("{{- define \"footer\" -}}<footer>Footer %d, {{ .Site.Title }}</footer>{{- end -}}\n", a.footer))
		}
	case 17: // the theme's stylesheet
		f := "theme/css/plotline.css"
		if a.css != 0 && rng.IntN(3) == 0 {
			a.css = 0
			a.did = append(a.did, "remove "+f)
			os.Remove(a.path(f))
			return
		}
		a.css = n + 1
		css, err := fs.ReadFile(plotline.Defaults(), f)
		if err != nil {
			t.Fatal(err)
		}
		a.save(f, string(css)+fmt.Sprintf("\n.afternoon-%d { color: teal }\n", a.css))
	case 18: // a bundle's picture
		for _, ar := range a.articles {
			if ar.bundle {
				a.save(path.Dir(ar.file())+"/pic.png", fmt.Sprintf("png %d", n))
				return
			}
		}
		// No bundle to edit: a new one.
		nb := &anArticle{dir: "content/articles", name: fmt.Sprintf("a%d", a.next), bundle: true, day: 1 + rng.IntN(9)}
		a.next++
		a.articles = append(a.articles, nb)
		a.saveArticle(nb)
	case 19: // the claim made and the CSV file read, or not
		ar.shared = !ar.shared
		a.saveArticle(ar)
	case 20: // the sub-folder renamed, with every article in it
		from, to := "content/notes/deep", "content/notes/deeper"
		if _, err := os.Stat(a.path(from)); err != nil {
			from, to = to, from
		}
		if _, err := os.Stat(a.path(from)); err != nil {
			a.did = append(a.did, "no sub-folder: a new article in it")
			nb := &anArticle{dir: from, name: fmt.Sprintf("a%d", a.next), day: 1 + rng.IntN(9)}
			a.next++
			a.articles = append(a.articles, nb)
			a.saveArticle(nb)
			return
		}
		a.did = append(a.did, fmt.Sprintf("rename %s to %s", from, to))
		if err := os.Rename(a.path(from), a.path(to)); err != nil {
			t.Fatal(err)
		}
		for _, ar := range a.articles {
			if ar.dir == from {
				ar.dir = to
			}
		}
	default: // the CSV file two articles read, removed or back
		f := "content/data/shared.csv"
		if _, err := os.Stat(a.path(f)); err == nil {
			a.did = append(a.did, "remove "+f)
			os.Remove(a.path(f))
			return
		}
		a.save(f, a.sharedCSV())
	}
}

var reloadTagRE = regexp.MustCompile(`<script src="[^"]*_plotline/reload\.js" defer data-since="\d+"></script>`)

// clean builds the site from nothing into a folder of its own and returns
// its files, or nil and the lines of its errors.
func (a *afternoon) clean() (map[string][]byte, []string) {
	dest := filepath.Join(a.t.TempDir(), "public")
	var out, errOut lineLog
	if Main(context.Background(), []string{"build", "--no-cache", "-q", "-s", a.dir, "-d", dest}, &out, &errOut) == 0 {
		return readTree(a.t, dest), nil
	}
	var lines []string
	for l := range strings.SplitSeq(errOut.String(), "\n") {
		if l != "" && !strings.HasPrefix(l, "plotline: ") && !isWarning(l) {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		lines = []string{strings.TrimSpace(errOut.String())}
	}
	return nil, lines
}

// check waits for the server to catch up with the step, then compares what
// it serves with a clean build.
func (a *afternoon) check() {
	t := a.t
	t.Helper()
	first, ok := a.es.next(eventWait)
	if !ok {
		t.Errorf("no event after the step")
		return
	}
	evs := append([]sseEvent{first}, a.es.settle(t, 400*time.Millisecond*raceSlowdown, eventWait)...)
	t.Logf("events: %v", evs)
	want, wantErrs := a.clean()
	if want != nil {
		a.lastGood = want
		a.base = a.config.base
	} else {
		// The site served is that of the last build that succeeded,
		// which may be one of this step's: a change that builds, then
		// one that does not.
		t.Logf("step errors: %q", wantErrs)
		a.lastGood = readTree(t, a.s.dest)
		if base := a.servedBase(); base != "" {
			a.base = base
		}
	}
	last := func() sseEvent {
		if len(evs) > 0 {
			return evs[len(evs)-1]
		}
		return sseEvent{}
	}
	if (wantErrs != nil) != (last().Kind == "error") {
		// A build that ends after the quiet spell: wait for it.
		evs = append(evs, a.es.settle(t, 2*time.Second, eventWait)...)
	}
	if diff := a.servedDiff(); diff != "" {
		// A slow build may end after the quiet spell: wait once more.
		evs = append(evs, a.es.settle(t, 2*time.Second, eventWait)...)
		if diff = a.servedDiff(); diff != "" {
			t.Errorf("served site differs from a clean build (got served, want clean):\n%s", diff)
		}
	}
	// A build that wrote what was compared has published its event by
	// now, though it may have ended after the quiet spell.
	evs = append(evs, a.es.settle(t, 300*time.Millisecond, eventWait)...)
	// The pages a step changed reload once it builds; a build that a
	// change cancelled after it had written tells them with the next
	// build that succeeds, so a step that fails tells nothing, and the
	// next good step answers for it too.
	if wantErrs == nil {
		served := readTree(t, a.s.dest)
		a.evs = append(a.evs, evs...)
		if a.base == a.servedBefore {
			a.checkReloads(a.served, served, a.evs)
		}
		a.served, a.evs, a.servedBefore = served, nil, a.base
	} else {
		a.evs = append(a.evs, evs...)
	}
	// The error a page shows, and one opened now is told of.
	if wantErrs != nil {
		if ev := last(); ev.Kind != "error" || !slices.Equal(errorLines(ev.Errors), wantErrs) {
			t.Errorf("the last event is %s; want the clean build's errors %q", ev, wantErrs)
		}
	} else if ev := last(); ev.Kind == "error" {
		t.Errorf("the last event is %s; the clean build succeeds", ev)
	}
	late := a.s.eventsAt(t, a.base)
	ev, ok := late.next(time.Second)
	late.close()
	switch {
	case wantErrs != nil && (!ok || ev.Kind != "error" || !slices.Equal(errorLines(ev.Errors), wantErrs)):
		t.Errorf("a page opened now is told %v (ok %v); want the clean build's errors %q", ev, ok, wantErrs)
	case wantErrs == nil && ok:
		t.Errorf("a page opened now is told %s; the clean build succeeds", ev)
	}
}

// servedDiff compares every file of the last good clean build with what
// the server serves, the live-reload script taken out of pages, and the
// output folder with the clean build.
func (a *afternoon) servedDiff() string {
	t := a.t
	var b strings.Builder
	if d := diffTrees(readTree(t, a.s.dest), a.lastGood); d != "" {
		b.WriteString("public/:\n" + d)
	}
	u, err := url.Parse(a.s.url)
	if err != nil {
		t.Fatal(err)
	}
	root := u.Scheme + "://" + u.Host + a.base
	for _, name := range sortedKeys(a.lastGood) {
		if strings.HasSuffix(name, "/") || name == ".plotline" {
			continue
		}
		rel := strings.TrimSuffix(name, "index.html")
		code, body := a.s.getURL(t, root+rel)
		body = reloadTagRE.ReplaceAllString(body, "")
		if code != 200 {
			fmt.Fprintf(&b, "GET %s%s: %d\n", a.base, rel, code)
		} else if body != string(a.lastGood[name]) {
			fmt.Fprintf(&b, "GET %s%s: %s\n", a.base, rel, firstDifference([]byte(body), a.lastGood[name]))
		}
	}
	return b.String()
}

// isWarning reports whether the line of a build's diagnostics is a
// warning's.
func isWarning(line string) bool {
	return strings.HasPrefix(line, "warning: ") || strings.Contains(line, ": warning: ")
}

// errorLines returns the lines that are not warnings. A rebuild warns
// about the pages it rendered only; its errors are a clean build's.
func errorLines(lines []string) []string {
	return slices.DeleteFunc(slices.Clone(lines), isWarning)
}

// subFolder returns the name the sub-folder of notes has now.
func (a *afternoon) subFolder() string {
	if _, err := os.Stat(a.path("content/notes/deeper")); err == nil {
		return "content/notes/deeper"
	}
	return "content/notes/deep"
}

// servedBase returns the base path the pages of the served output link
// under, read from its home page's stylesheet link, or "".
func (a *afternoon) servedBase() string {
	home, err := os.ReadFile(filepath.Join(a.s.dest, "index.html"))
	if err != nil {
		return ""
	}
	m := regexp.MustCompile(`href="(/(?:[^"]*/)?)theme/css/`).FindSubmatch(home)
	if m == nil {
		return ""
	}
	return string(m[1])
}

// versionRE matches the version a page's link to a stylesheet or script
// carries, which a stylesheet's edit changes on every page.
var versionRE = regexp.MustCompile(`\?v=[0-9a-f]+`)

// checkReloads checks that the events evs told every page whose HTML
// changed from before to after, both under the same base path, to
// reload: a page open in a browser shows what it was last sent. A page
// that changed only in the versions of its stylesheets needs none after
// a css event, which swaps them in place.
func (a *afternoon) checkReloads(before, after map[string][]byte, evs []sseEvent) {
	t := a.t
	t.Helper()
	css := false
	told := map[string]bool{}
	for _, ev := range evs {
		switch ev.Kind {
		case "reload":
			if len(ev.Paths) == 0 {
				return // every page
			}
			for _, p := range ev.Paths {
				told[p] = true
			}
		case "css":
			css = true
		}
	}
	names := slices.Concat(sortedKeys(before), sortedKeys(after))
	slices.Sort(names)
	for _, name := range slices.Compact(names) {
		if !strings.HasSuffix(name, ".html") || name == "404.html" {
			continue
		}
		b, inBefore := before[name]
		f, inAfter := after[name]
		if inBefore == inAfter && string(b) == string(f) {
			continue
		}
		if css && inBefore && inAfter && string(versionRE.ReplaceAll(b, nil)) == string(versionRE.ReplaceAll(f, nil)) {
			continue
		}
		if u := a.base + strings.TrimSuffix(name, "index.html"); !told[u] {
			t.Errorf("%s changed (%s), and no event told its page to reload: %v", u, firstDifference(f, b), evs)
		}
	}
}
