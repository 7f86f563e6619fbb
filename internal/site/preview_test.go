package site

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/plotline/plotline"
	"github.com/plotline/plotline/internal/config"
	"github.com/plotline/plotline/internal/overlay"
)

// decodePNG decodes the PNG at file, failing t when it is not one.
func decodePNG(t *testing.T, file string) image.Image {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(src))
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return img
}

// TestPreviewImage decodes the Kursk article's preview image from a build
// of the example: 1200×630, its lower half a chart (far from blank, in the
// colours of the observations and of the projection), referenced by
// absolute Open Graph and Twitter tags. With -screenshots DIR it is also
// written there as og-kursk.png.
func TestPreviewImage(t *testing.T) {
	dest := buildExample(t, "https://example.github.io/repo/")
	file := filepath.Join(dest, kurskPath, "og.png")
	img := decodePNG(t, file)
	if b := img.Bounds(); b.Dx() != 1200 || b.Dy() != 630 {
		t.Fatalf("og.png is %dx%d; want 1200x630", b.Dx(), b.Dy())
	}
	bg := img.At(600, 620)
	var changed, observed, projection int
	for y := 300; y < 600; y++ {
		for x := 64; x < 1136; x++ {
			c := img.At(x, y)
			if c != bg {
				changed++
			}
			r, g, b, _ := c.RGBA()
			switch {
			case near(r, g, b, 0x0072b2):
				observed++
			case near(r, g, b, 0xc65400):
				projection++
			}
		}
	}
	area := 300 * 1072
	if changed < area/5 || observed < 50 || projection < 500 {
		t.Errorf("the chart area has %d of %d pixels drawn, %d in the observations' blue, %d in the projection's orange; want a chart", changed, area, observed, projection)
	}
	page := readOut(t, dest, kurskPath+"index.html")
	for _, want := range []string{
		`<meta property="og:image" content="https://example.github.io/repo/articles/north-korean-troops-kursk/og.png">`,
		`<meta property="og:image:type" content="image/png">`,
		`<meta property="og:image:width" content="1200">`,
		`<meta property="og:image:height" content="630">`,
		`<meta property="og:image:alt" content="At the current rate, North Korea’s force in Kursk would be spent by spring. Chart: Projected North Korean casualties in Kursk.">`,
		`<meta name="twitter:card" content="summary_large_image">`,
		`<meta name="twitter:image" content="https://example.github.io/repo/articles/north-korean-troops-kursk/og.png">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the article lacks %s", want)
		}
	}
	if *screenshots != "" {
		src, _ := os.ReadFile(file)
		if err := os.WriteFile(filepath.Join(*screenshots, "og-kursk.png"), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	about := readOut(t, dest, "about/index.html")
	if strings.Contains(about, "og:image") || strings.Contains(about, "twitter:card") {
		t.Errorf("the about page, without a chart or an image key, has a preview image")
	}
	if _, err := os.Stat(filepath.Join(dest, "about", "og.png")); err == nil {
		t.Errorf("about/og.png was written for a page without a chart")
	}
}

// near reports whether the colour r, g, b (16 bits a channel) is within a
// few steps of the 8-bit colour rgb.
func near(r, g, b uint32, rgb uint32) bool {
	d := func(a uint32, want uint32) bool {
		x := int(a>>8) - int(want)
		return x > -12 && x < 12
	}
	return d(r, rgb>>16&0xff) && d(g, rgb>>8&0xff) && d(b, rgb&0xff)
}

// tinyPNG returns a w×h PNG.
func tinyPNG(t *testing.T, w, h int) string {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	img.Set(0, 0, color.NRGBA{R: 255, A: 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// withImageKey returns twoChartsSite with "image: key" in the article's
// front matter, on line 4, and the files extra.
func withImageKey(key string, extra map[string]string) fstest.MapFS {
	fsys := twoChartsSite()
	a := fsys["content/articles/two.md"]
	a.Data = []byte(strings.Replace(string(a.Data), "date: 2025-01-20\n", "date: 2025-01-20\nimage: "+key+"\n", 1))
	for name, body := range extra {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	return fsys
}

// TestImageKey checks the image key's choices: a chart by its number, a
// file beside the article (its own size and type in the tags, no card
// drawn), and none.
func TestImageKey(t *testing.T) {
	first := buildFS(t, twoChartsSite())
	firstCard, err := os.ReadFile(filepath.Join(first, "articles", "two", "og.png"))
	if err != nil {
		t.Fatal(err)
	}

	dest := buildFS(t, withImageKey("3", nil))
	third, err := os.ReadFile(filepath.Join(dest, "articles", "two", "og.png"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(third, firstCard) {
		t.Errorf("image: 3 drew the same card as the first chart's")
	}
	if page := readOut(t, dest, "articles/two/index.html"); !strings.Contains(page, `<meta property="og:image" content="https://example.org/articles/two/og.png">`) {
		t.Errorf("image: 3: the article does not reference its og.png")
	}

	dest = buildFS(t, withImageKey("map.png", map[string]string{"content/articles/map.png": tinyPNG(t, 640, 336)}))
	page := readOut(t, dest, "articles/two/index.html")
	for _, want := range []string{
		`<meta property="og:image" content="https://example.org/articles/map.png">`,
		`<meta property="og:image:width" content="640">`,
		`<meta property="og:image:height" content="336">`,
		`<meta name="twitter:image" content="https://example.org/articles/map.png">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("image: map.png: the article lacks %s", want)
		}
	}
	if _, err := os.Stat(filepath.Join(dest, "articles", "two", "og.png")); err == nil {
		t.Errorf("image: map.png: og.png was drawn as well")
	}

	dest = buildFS(t, withImageKey("none", nil))
	if page := readOut(t, dest, "articles/two/index.html"); strings.Contains(page, "og:image") || strings.Contains(page, "twitter:card") {
		t.Errorf("image: none: the article has preview tags")
	}
	if _, err := os.Stat(filepath.Join(dest, "articles", "two", "og.png")); err == nil {
		t.Errorf("image: none: og.png was written")
	}

	// Without a base URL the tags, which must be absolute, are left out,
	// and no card is drawn: nothing would show it.
	fsys := twoChartsSite()
	fsys["plotline.yaml"] = &fstest.MapFile{Data: []byte("title: T\n")}
	dest = buildFS(t, fsys)
	if page := readOut(t, dest, "articles/two/index.html"); strings.Contains(page, "og:image") || strings.Contains(page, "twitter:") {
		t.Errorf("without a base URL the article has preview tags")
	}
	if _, err := os.Stat(filepath.Join(dest, "articles", "two", "og.png")); err == nil {
		t.Errorf("without a base URL og.png was written")
	}
}

// TestImageKeyMisnamed builds a page whose image is a PNG named .jpeg,
// which browsers show, as they look at the file and not at its name: the
// build goes on, the tags give the PNG's type and size, and a warning at
// the key says what to rename it.
func TestImageKeyMisnamed(t *testing.T) {
	fsys := withImageKey("map.jpeg", map[string]string{"content/articles/map.jpeg": tinyPNG(t, 640, 336)})
	cfg, err := config.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	res, err := NewBuilder(cfg, overlay.New(fsys, plotline.Defaults()), Options{Dest: dest}).Build(context.Background())
	if err != nil {
		t.Fatalf("the build failed: %v", err)
	}
	want := "content/articles/two.md:4:8: warning: image: content/articles/map.jpeg is a PNG image, not the JPEG its name says: link previews are told it is a PNG; rename it map.png"
	if got := res.Warnings.Error(); !strings.Contains(got, want) {
		t.Errorf("the build warned\n%s\nwant %s", got, want)
	}
	page := readOut(t, dest, "articles/two/index.html")
	for _, want := range []string{
		`<meta property="og:image" content="https://example.org/articles/map.jpeg">`,
		`<meta property="og:image:type" content="image/png">`,
		`<meta property="og:image:width" content="640">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the article lacks %s", want)
		}
	}
}

// TestImageKeyErrors checks each mistake in the image key, reported at
// its value (line 4, column 8).
func TestImageKeyErrors(t *testing.T) {
	for _, tt := range []struct {
		key   string
		extra map[string]string
		want  string
	}{
		{key: "4", want: `content/articles/two.md:4:8: image: the page has 3 charts, so there is no chart 4 (want a chart's number, an image file beside the article, or none)`},
		{key: "0", want: `content/articles/two.md:4:8: image: the page has 3 charts, so there is no chart 0`},
		{key: "map.svg", extra: map[string]string{"content/articles/map.svg": "<svg/>"}, want: `content/articles/two.md:4:8: image: "map.svg" is not a PNG, JPEG, GIF or WebP file, the kinds link previews show`},
		{key: "missing.png", want: `content/articles/two.md:4:8: image: "missing.png": no page or file of the site has this address`},
		{key: "../../../x.png", want: `content/articles/two.md:4:8: image: "../../../x.png": points outside the site`},
		{key: "broken.jpg", extra: map[string]string{"content/articles/broken.jpg": "not a JPEG"}, want: `content/articles/two.md:4:8: image: content/articles/broken.jpg cannot be read as a JPEG image: invalid JPEG format`},
		{key: "[1, 2]", want: `content/articles/two.md:4:8: image: want text, got a list`},
	} {
		t.Run(tt.key, func(t *testing.T) {
			fsys := withImageKey(tt.key, tt.extra)
			cfg, err := config.Load(fsys)
			if err != nil {
				t.Fatal(err)
			}
			b := NewBuilder(cfg, overlay.New(fsys, plotline.Defaults()), Options{Dest: filepath.Join(t.TempDir(), "public")})
			_, err = b.Build(context.Background())
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("the build returned\n%v\nwant %s", err, tt.want)
			}
		})
	}
	// A page without charts has none to pick.
	fsys := fstest.MapFS{"content/a.md": {Data: []byte("---\ntitle: A\ndate: 2025-01-01\nimage: 1\n---\nNo chart.\n")}}
	cfg, _ := config.Load(fsys)
	_, err := NewBuilder(cfg, overlay.New(fsys, plotline.Defaults()), Options{Dest: filepath.Join(t.TempDir(), "public")}).Build(context.Background())
	if want := "content/a.md:4:8: image: the page has no chart, so there is no chart 1 (want an image file beside the article, or none)"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("the build returned\n%v\nwant %s", err, want)
	}
}

// TestPreviewCache builds a site with a cache, each build as a new
// process would: an unchanged article keeps its og.png from the previous
// output (the same file, not drawn again) while another article is
// edited; so does an article whose prose is edited; an edited headline
// draws a new card.
func TestPreviewCache(t *testing.T) {
	dir, dest, build := newCacheSite(t)
	writeFiles(t, dir, map[string]string{"plotline.yaml": "base_url: https://example.org/\n"})
	if res := build(); res.Cards != 1 {
		t.Fatalf("the first build drew %d cards; want 1", res.Cards)
	}
	card := filepath.Join(dest, "articles", "c", "og.png")
	before, err := os.Stat(card)
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{"content/articles/b.md": strings.Replace(testSite["content/articles/b.md"], "Beta body.", "Beta, edited.", 1)})
	if res := build(); res.Reused != 2 || res.Kept {
		t.Fatalf("one article edited: reused %d pages, kept %v; want 2 and a new output", res.Reused, res.Kept)
	}
	after, err := os.Stat(card)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) {
		t.Errorf("og.png of the unchanged article was written again; want it taken from the previous output")
	}
	prose := strings.Replace(testSite["content/articles/c.md"], "\n---\n", "\n---\nA new first line.\n\n", 1)
	if prose == testSite["content/articles/c.md"] {
		t.Fatal("the test article changed shape: no end of front matter")
	}
	writeFiles(t, dir, map[string]string{"content/articles/c.md": prose})
	if res := build(); res.Cards != 0 || res.Reused != 2 {
		t.Errorf("the chart article's prose edited: drew %d cards, reused %d pages; want 0 and 2", res.Cards, res.Reused)
	}
	if now, err := os.Stat(card); err != nil || !os.SameFile(before, now) {
		t.Errorf("og.png of an article whose prose changed was written again (%v); want it taken from the previous output", err)
	}
	old, _ := os.ReadFile(card)
	writeFiles(t, dir, map[string]string{"content/articles/c.md": strings.Replace(testSite["content/articles/c.md"], "title: C", "title: C, retitled", 1)})
	build()
	if now, _ := os.ReadFile(card); bytes.Equal(now, old) {
		t.Errorf("the headline changed and og.png did not")
	}
}

// TestRebuildImageFile rebuilds after the image file an article names
// changes size, then goes: the tags follow the file, then the build fails
// at the key.
func TestRebuildImageFile(t *testing.T) {
	dir, dest := t.TempDir(), filepath.Join(t.TempDir(), "public")
	files := map[string]string{}
	for name, f := range withImageKey("map.png", map[string]string{"content/articles/map.png": tinyPNG(t, 640, 336)}) {
		files[name] = string(f.Data)
	}
	writeFiles(t, dir, files)
	b := newTestBuilder(t, dir, dest)
	if _, err := b.Build(context.Background()); err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{"content/articles/map.png": tinyPNG(t, 800, 420)})
	if _, err := b.Rebuild(context.Background(), []string{"content/articles/map.png"}); err != nil {
		t.Fatal(err)
	}
	if page := readOut(t, dest, "articles/two/index.html"); !strings.Contains(page, `<meta property="og:image:width" content="800">`) {
		t.Errorf("after map.png grew to 800 pixels the article still says otherwise")
	}
	if err := os.Remove(filepath.Join(dir, "content", "articles", "map.png")); err != nil {
		t.Fatal(err)
	}
	_, err := b.Rebuild(context.Background(), []string{"content/articles/map.png"})
	if want := `content/articles/two.md:4:8: image: "map.png": no page or file of the site has this address`; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("after map.png went, the rebuild returned %v; want %s", err, want)
	}
}

// TestPreviewClash builds a site with a file at the address of an
// article's og.png: the build fails, naming both.
func TestPreviewClash(t *testing.T) {
	fsys := twoChartsSite()
	fsys["content/articles/two/og.png"] = &fstest.MapFile{Data: []byte("png")}
	cfg, err := config.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	_, err = NewBuilder(cfg, overlay.New(fsys, plotline.Defaults()), Options{Dest: filepath.Join(t.TempDir(), "public")}).Build(context.Background())
	if want := "writes articles/two/og.png, which content/articles/two/og.png writes too: rename one of them"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("the build returned %v; want %s", err, want)
	}
}

// TestRebuildKeepsCard rebuilds an article after edits: an edit of its
// prose keeps its preview image as it is, without drawing it again; an
// edit of its headline draws it again.
func TestRebuildKeepsCard(t *testing.T) {
	dir, dest := t.TempDir(), filepath.Join(t.TempDir(), "public")
	writeFiles(t, dir, testSite)
	writeFiles(t, dir, map[string]string{"plotline.yaml": "base_url: https://example.org/\n"})
	b := newTestBuilder(t, dir, dest)
	res, err := b.Build(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.Cards != 1 {
		t.Errorf("the first build drew %d preview images; want 1, of the one article with a chart", res.Cards)
	}
	card := filepath.Join(dest, "articles", "c", "og.png")
	first, err := os.ReadFile(card)
	if err != nil {
		t.Fatal(err)
	}
	edit := func(old, new string) Result {
		t.Helper()
		writeFiles(t, dir, map[string]string{"content/articles/c.md": strings.Replace(testSite["content/articles/c.md"], old, new, 1)})
		res, err := b.Rebuild(context.Background(), []string{"content/articles/c.md"})
		if err != nil {
			t.Fatal(err)
		}
		assertSameAsCleanBuild(t, dir, dest)
		return res
	}
	if res := edit("C runs out on", "C, as counted, runs out on"); res.Cards != 0 || slices.Contains(res.Changed, "articles/c/og.png") {
		t.Errorf("prose edited: %d preview images drawn, changed %v; want none drawn and og.png as it was", res.Cards, res.Changed)
	}
	if now, _ := os.ReadFile(card); !bytes.Equal(now, first) {
		t.Errorf("prose edited: og.png changed")
	}
	if res := edit("title: C", "title: C, retitled"); res.Cards != 1 || !slices.Contains(res.Changed, "articles/c/og.png") {
		t.Errorf("headline edited: %d preview images drawn, changed %v; want og.png drawn again", res.Cards, res.Changed)
	}
}
