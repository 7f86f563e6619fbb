package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"hash/maphash"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"path"
	"strconv"
	"strings"

	"golang.org/x/image/webp"

	"github.com/plotline/plotline/internal/buildcache"
	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/ogimage"
	"github.com/plotline/plotline/internal/render"
	"github.com/plotline/plotline/internal/sitefs"
	"github.com/plotline/plotline/internal/words"
)

// previewFile is the name of the preview image drawn for a page, beside
// its index.html.
const previewFile = "og.png"

// imageTypes are the kinds of image file the image key may name, by
// extension: those link previews show.
var imageTypes = map[string]struct {
	mime   string
	name   string
	config func([]byte) (image.Config, error)
}{
	".png":  {"image/png", "PNG", func(b []byte) (image.Config, error) { return png.DecodeConfig(bytes.NewReader(b)) }},
	".jpg":  {"image/jpeg", "JPEG", func(b []byte) (image.Config, error) { return jpeg.DecodeConfig(bytes.NewReader(b)) }},
	".jpeg": {"image/jpeg", "JPEG", func(b []byte) (image.Config, error) { return jpeg.DecodeConfig(bytes.NewReader(b)) }},
	".gif":  {"image/gif", "GIF", func(b []byte) (image.Config, error) { return gif.DecodeConfig(bytes.NewReader(b)) }},
	".webp": {"image/webp", "WebP", func(b []byte) (image.Config, error) { return webp.DecodeConfig(bytes.NewReader(b)) }},
}

// sniffImage returns the extension of the kind of image src is, looked
// for in the order PNG, JPEG, GIF, WebP, and its size; false when it is
// none of them.
func sniffImage(src []byte) (string, image.Config, bool) {
	for _, ext := range []string{".png", ".jpg", ".gif", ".webp"} {
		if cfg, err := imageTypes[ext].config(src); err == nil {
			return ext, cfg, true
		}
	}
	return "", image.Config{}, false
}

// preview is what a page shows in link previews.
type preview struct {
	image *render.Image  // nil for none, or without a base URL
	card  []byte         // the PNG drawn from a chart, to write beside the page
	kept  bool           // or: the output holds the card already, as it is
	key   buildcache.Key // the hash of what the card was drawn from
	dep   string         // the content file of an image file, which the page reads
	link  string         // its site path, which the page links to
}

// cardMemo is what a Builder remembers of a page's preview image: the
// hash of the Card it was drawn from, and the hash of the PNG (as
// run.write hashes it).
type cardMemo struct {
	card buildcache.Key
	png  uint64
}

// card returns the preview image at sitePath of the page owner, drawn
// from c, and the hash of c. A rebuild keeps the image the output holds
// when the page drew it from the same card last time (kept is then set,
// png nil): an edit of the prose leaves the card as it was, and drawing
// one takes milliseconds. The Builder remembers the cards it drew; a
// build in a new process finds them in the build cache.
func (r *run) card(owner, sitePath string, c ogimage.Card) (png []byte, kept bool, key buildcache.Key, err error) {
	if r.b.opts.DryRun {
		return nil, false, key, nil // a check writes nothing: no need to draw it
	}
	j, err := json.Marshal(c)
	if err != nil {
		return nil, false, key, err
	}
	key = sha256.Sum256(j)
	r.b.cardMu.Lock()
	m, ok := r.b.cardMemo[owner]
	r.b.cardMu.Unlock()
	if ok && m.card == key && r.prevOutputs != nil && r.keep(sitePath, owner, m.png) {
		return nil, true, key, nil
	}
	if r.prev != nil {
		if c, ok := r.prev.Pages[owner]; ok && c.Card == key {
			if st, ok := c.Files[sitePath]; ok && r.tx.Unchanged(sitePath, st) {
				r.reuseFile(sitePath, owner, st)
				return nil, true, key, nil
			}
		}
	}
	renderer, err := r.b.cards()
	if err != nil {
		return nil, false, key, err
	}
	png, err = renderer.Render(c)
	if err != nil {
		return nil, false, key, err
	}
	h := maphash.Bytes(r.b.seed, png)
	r.b.cardMu.Lock()
	makeIfNil(&r.b.cardMemo)
	r.b.cardMemo[owner] = cardMemo{card: key, png: h}
	r.b.cardMu.Unlock()
	r.mu.Lock()
	r.cards++
	r.mu.Unlock()
	return png, false, key, nil
}

// preview works out the preview image of page p, whose charts c drew
// (count of them), from its image key: "none"; a chart's number; a file
// beside the article; or, when the key is absent, the first chart if
// there is one. A chart's card is drawn in the page's worker with the
// headline, the dek and the chart. Mistakes in the key are errors at its
// value. The tags need an absolute URL, so without a base URL the image
// is nil and no card is drawn: nothing would show it.
func (r *run) preview(p *content.Page, c *charts, count int, diags *diag.List) preview {
	key := strings.TrimSpace(p.Image)
	want := "want a chart's number, an image file beside the article, or none"
	site := r.st.site
	var out preview
	switch {
	case key == "none" || (key == "" && count == 0):
		return out
	case strings.Trim(key, "0123456789") == "": // none, or a number
		n := 1
		if key != "" {
			n, _ = strconv.Atoi(key)
			if n < 1 || n > count {
				switch count {
				case 0:
					diags.Errorf(p.ImagePos, "image: the page has no chart, so there is no chart %s (want an image file beside the article, or none)", key)
				case 1:
					diags.Errorf(p.ImagePos, "image: the page has 1 chart, so there is no chart %s (%s)", key, want)
				default:
					diags.Errorf(p.ImagePos, "image: the page has %d charts, so there is no chart %s (%s)", count, key, want)
				}
				return out
			}
		}
		d, ok := c.figures[n]
		if !ok || diags.HasErrors() || site.BaseURL == "" || r.st.layouts == nil {
			return out // the page has errors and is not written, or no page shows the card
		}
		card, kept, cardKey, err := r.card(p.Path, p.URL+previewFile, ogimage.Card{Site: r.b.cfg.Title, Title: p.Title, Dek: p.Description, Plot: d.fig.Plot()})
		if err != nil {
			diags.Errorf(d.pos, "image: cannot draw the preview of this chart: %v", err)
			return out
		}
		out.card, out.kept, out.key = card, kept, cardKey
		alt := sentence(p.Title)
		if t := c.embedTitle(d.fig); t != p.Title {
			alt += " " + r.st.words.Format(words.ImageChart, sentence(t))
		}
		out.image = &render.Image{URL: site.AbsURL(p.URL + previewFile), Type: "image/png", Width: ogimage.Width, Height: ogimage.Height, Alt: alt}
	default:
		kind, ok := imageTypes[strings.ToLower(path.Ext(key))]
		if !ok {
			diags.Errorf(p.ImagePos, "image: %q is not a PNG, JPEG, GIF or WebP file, the kinds link previews show (%s)", key, want)
			return out
		}
		target, file, err := r.st.ix.resolveFile(p, key)
		if err != nil {
			diags.Errorf(p.ImagePos, "image: %q: %v (%s)", key, err, want)
			return out
		}
		src, err := sitefs.ReadFile(r.b.fsys, file, sitefs.MaxAssetSize)
		if err != nil {
			diags.Errorf(p.ImagePos, "image: %s", sitefs.DescribeReadError(err))
			return out
		}
		cfg, err := kind.config(src)
		if err != nil {
			ext, actual, ok := sniffImage(src)
			if !ok {
				diags.Errorf(p.ImagePos, "image: %s cannot be read as a %s image: %v", file, kind.name, err)
				return out
			}
			// A PNG named .jpeg: browsers show it, as they look at the
			// file and not at its name, and link previews do too when
			// told its kind.
			diags.Warnf(p.ImagePos, "image: %s is a %s image, not the %s its name says: link previews are told it is a %s; rename it %s", file, imageTypes[ext].name, kind.name, imageTypes[ext].name, strings.TrimSuffix(path.Base(file), path.Ext(file))+ext)
			kind, cfg = imageTypes[ext], actual
		}
		out.dep, out.link = file, target
		out.image = &render.Image{URL: site.AbsURL(target), Type: kind.mime, Width: cfg.Width, Height: cfg.Height, Alt: p.Title}
	}
	if site.BaseURL == "" {
		out.image = nil
	}
	return out
}

// sentence returns s ending in a full stop, unless it ends in a mark of
// its own.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".?!") {
		return s
	}
	return s + "."
}
