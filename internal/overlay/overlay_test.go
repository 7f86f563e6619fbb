package overlay

import (
	"embed"
	"errors"
	"io/fs"
	"testing"
	"testing/fstest"
)

func TestOverlay(t *testing.T) {
	top := fstest.MapFS{
		"templates/article.html": {Data: []byte("site article")},
		"theme/site.css":         {Data: []byte("site css")},
	}
	bottom := fstest.MapFS{
		"templates/article.html": {Data: []byte("default article")},
		"templates/base.html":    {Data: []byte("default base")},
	}
	o := New(top, bottom)
	for name, want := range map[string]string{
		"templates/article.html": "site article",
		"templates/base.html":    "default base",
		"theme/site.css":         "site css",
	} {
		got, err := fs.ReadFile(o, name)
		if err != nil || string(got) != want {
			t.Errorf("ReadFile(%q) = %q, %v; want %q", name, got, err, want)
		}
	}
	es, err := fs.ReadDir(o, "templates")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	if len(names) != 2 || names[0] != "article.html" || names[1] != "base.html" {
		t.Errorf("ReadDir(templates) = %v; want [article.html base.html]", names)
	}
	if _, err := fs.ReadFile(o, "nope"); err == nil {
		t.Error("ReadFile(nope) succeeded; want an error")
	}
	if _, err := fs.ReadFile(o, "../x"); err == nil {
		t.Error("ReadFile(../x) succeeded; want an error")
	}
	if err := fstest.TestFS(o, "templates/article.html", "templates/base.html", "theme/site.css"); err != nil {
		t.Error(err)
	}
}

// nonBlocking is a layer that says whether its Open can wait.
type nonBlocking struct {
	fstest.MapFS
	says bool
}

func (n nonBlocking) OpensWithoutBlocking() bool { return n.says }

func TestOpensWithoutBlocking(t *testing.T) {
	for _, tc := range []struct {
		name   string
		layers []fs.FS
		want   bool
	}{
		{"embedded files only", []fs.FS{embed.FS{}}, true},
		{"a layer that says so over embedded files", []fs.FS{nonBlocking{says: true}, embed.FS{}}, true},
		{"a layer that says it can wait", []fs.FS{nonBlocking{says: false}, embed.FS{}}, false},
		{"a layer that says nothing", []fs.FS{nonBlocking{says: true}, fstest.MapFS{}}, false},
	} {
		if got := New(tc.layers...).OpensWithoutBlocking(); got != tc.want {
			t.Errorf("%s: OpensWithoutBlocking() = %v; want %v", tc.name, got, tc.want)
		}
	}
}

// refusing is a layer whose every file exists but cannot be read.
type refusing struct{}

func (refusing) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
}

func TestUnreadableUpperFile(t *testing.T) {
	bottom := fstest.MapFS{"theme/site.css": {Data: []byte("default css")}}
	o := New(refusing{}, bottom)
	// The default must not stand in for a site file that cannot be read.
	if f, err := o.Open("theme/site.css"); !errors.Is(err, fs.ErrPermission) {
		t.Errorf("Open = %v, %v; want the upper layer's permission error", f, err)
	}
	if info, err := o.Stat("theme/site.css"); !errors.Is(err, fs.ErrPermission) {
		t.Errorf("Stat = %v, %v; want the upper layer's permission error", info, err)
	}
	if b, err := o.ReadFile("theme/site.css"); !errors.Is(err, fs.ErrPermission) {
		t.Errorf("ReadFile = %q, %v; want the upper layer's permission error", b, err)
	}
}
