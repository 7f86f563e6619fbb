package serve

import (
	"encoding/json"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"testing"
)

// TestReloadCanonical runs reload.js's canonical, which decides whether a
// reload event names the open page, in Node when it is installed: a page
// whose file name holds ? or # (its address %3F, %23) is named by the
// server's decoded path, and a % that is not an escape stays as it is.
func TestReloadCanonical(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		// .ci/run installs npm, and with it Node, for the HTML checker.
		if os.Getenv("CI") != "" {
			t.Fatalf("node is missing: %v", err)
		}
		t.Skip("node is not installed")
	}
	fn := regexp.MustCompile(`(?s)const canonical = .*?;\n\n`).FindString(reloadJS)
	if fn == "" {
		t.Fatal("reload.js has no canonical function")
	}
	in := []string{"/articles/q%3Fmark/", "/articles/q?mark/", "/articles/h%23sh/index.html", "/caf%C3%A9%20menu/", "/articles/100%/"}
	want := []string{"/articles/q?mark/", "/articles/q?mark/", "/articles/h#sh/", "/café menu/", "/articles/100%/"}
	arg, _ := json.Marshal(in)
	out, err := exec.Command(node, "-e", fn+"console.log(JSON.stringify("+string(arg)+".map(canonical)));").Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var got []string
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("node printed %q: %v", out, err)
	}
	if !slices.Equal(got, want) {
		t.Errorf("canonical(%q) = %q; want %q", in, got, want)
	}
}
