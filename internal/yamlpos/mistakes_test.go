package yamlpos

import (
	"bytes"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"go.yaml.in/yaml/v3"
)

// Mistake is one case of testdata/mistakes.txt.
type Mistake struct {
	Name string // the case's file name: content/NN-name.md, config/NN-name.yaml
	Src  []byte // the file
	Want string // the error, "line:col: message"
}

// readMistakes returns the cases of testdata/mistakes.txt.
func readMistakes(t *testing.T) []Mistake {
	t.Helper()
	a, err := txtar.ParseFile("testdata/mistakes.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out []Mistake
	for i := 0; i < len(a.Files); i++ {
		f := a.Files[i]
		if strings.HasSuffix(f.Name, ".want") {
			t.Fatalf("%s: no input before it", f.Name)
		}
		if i+1 == len(a.Files) || a.Files[i+1].Name != f.Name+".want" {
			t.Fatalf("%s: no %s.want after it", f.Name, f.Name)
		}
		var want []string
		for _, l := range strings.Split(string(a.Files[i+1].Data), "\n") {
			if l != "" && !strings.HasPrefix(l, "#") {
				want = append(want, l)
			}
		}
		if len(want) != 1 {
			t.Fatalf("%s.want: %d lines; want one", f.Name, len(want))
		}
		out = append(out, Mistake{Name: f.Name, Src: f.Data, Want: want[0]})
		i++
	}
	return out
}

// TestMistakes runs the YAML cases of testdata/mistakes.txt through
// Text.Error and Text.Mistake as content and config use them; their own
// tests run the same cases through Parse and Load.
func TestMistakes(t *testing.T) {
	for _, m := range readMistakes(t) {
		if strings.HasSuffix(m.Name, ".toml") || bytes.HasPrefix(m.Src, []byte("+++")) {
			continue // TOML, in a config file or front matter
		}
		t.Run(m.Name, func(t *testing.T) {
			src, line, prefix := m.Src, 1, ""
			switch {
			case strings.HasPrefix(m.Name, "chart/"):
				start := bytes.Index(src, []byte("```chart\n")) + len("```chart\n")
				end := start + bytes.Index(src[start:], []byte("```"))
				src, line, prefix = src[start:end], 1+bytes.Count(src[:start], []byte("\n")), "chart: "
			case strings.HasSuffix(m.Name, ".md"):
				end := bytes.Index(src, []byte("\n---\n"))
				src, line, prefix = src[4:end+1], 2, "front matter: "
			}
			text := New("f", src, line)
			var doc yaml.Node
			err := yaml.Unmarshal(src, &doc)
			var got string
			switch {
			case err != nil:
				pos, msg := text.Error(err)
				got = pos.String() + ": " + prefix + msg
			case doc.Content[0].Kind != yaml.MappingNode:
				pos, msg, _ := text.Mistake()
				got = pos.String() + ": " + prefix + msg
			default:
				t.Skip("the decoder reads it: a duplicate key, found after decoding")
			}
			if want := "f:" + m.Want; got != want {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		})
	}
}
