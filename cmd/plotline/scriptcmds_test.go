package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// scriptCmds are the commands the end-to-end scripts have besides
// testscript's own:
//
//	decode [-n] FILE...    rewrite each file, decoding Go escapes (\r, \xe9, \ufeff)
//	                       so that a script can hold bytes a text file cannot;
//	                       -n also drops the final newline, which txtar always adds
//	snapshot DIR COPY      copy the folder DIR to COPY
//	cmptree DIR COPY       fail unless DIR holds exactly the files of COPY, byte for byte
//	noleftovers DIR        fail if DIR holds a build's temporary folder (.plotline-*)
//	mkfifo FILE            make a named pipe
//	sparse FILE BYTES      make a file of BYTES bytes that takes no room on disk
//	freeport VAR [HOST]    set VAR to a TCP port free on HOST (127.0.0.1) just now
//	holdport VAR           keep a port of 127.0.0.1 busy until the script ends; set VAR to it
//	httpget [-wait] [-host HOST] URL
//	                       print the status line and the body of GET URL; -host sends
//	                       HOST as the Host header; -wait waits for the server to listen
//	waitfile FILE          wait, up to a minute, until FILE exists
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"decode":      cmdDecode,
	"snapshot":    cmdSnapshot,
	"cmptree":     cmdCmpTree,
	"noleftovers": cmdNoLeftovers,
	"mkfifo":      cmdMkfifo,
	"sparse":      cmdSparse,
	"freeport":    cmdFreePort,
	"holdport":    cmdHoldPort,
	"httpget":     cmdHTTPGet,
	"waitfile":    cmdWaitFile,
}

// cmdWaitFile waits until a file exists, for a command run in the
// background to have done its work.
func cmdWaitFile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: waitfile FILE")
	}
	if !waitForFile(ts.MkAbs(args[0])) {
		ts.Fatalf("%s: still missing after a minute", args[0])
	}
}

// waitForFile waits until the file name exists, for a minute at most, and
// reports whether it came.
func waitForFile(name string) bool {
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if _, err := os.Stat(name); err == nil {
			return true
		}
	}
	return false
}

// scriptCondition answers the scripts' own conditions: [root] is true
// when the tests run as root, who can read a file whatever its mode;
// [ipv6] when this machine can listen on the IPv6 loopback, [::1].
func scriptCondition(cond string) (bool, error) {
	switch cond {
	case "root":
		return os.Geteuid() == 0, nil
	case "ipv6":
		ln, err := net.Listen("tcp", "[::1]:0")
		if err != nil {
			return false, nil
		}
		return true, ln.Close()
	}
	return false, fmt.Errorf("unknown condition %q", cond)
}

func cmdDecode(ts *testscript.TestScript, neg bool, args []string) {
	trim := len(args) > 0 && args[0] == "-n"
	if trim {
		args = args[1:]
	}
	if neg || len(args) == 0 {
		ts.Fatalf("usage: decode [-n] FILE...")
	}
	for _, name := range args {
		src := ts.ReadFile(name)
		if trim {
			src = strings.TrimSuffix(src, "\n")
		}
		// Quote the file's own newlines and double quotes, and leave every
		// other backslash sequence for strconv.Unquote to decode.
		q := strings.NewReplacer("\n", `\n`, `"`, `\"`).Replace(src)
		out, err := strconv.Unquote(`"` + q + `"`)
		if err != nil {
			ts.Fatalf("decode %s: %v", name, err)
		}
		ts.Check(os.WriteFile(ts.MkAbs(name), []byte(out), 0o644))
	}
}

func cmdSnapshot(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: snapshot DIR COPY")
	}
	from, to := ts.MkAbs(args[0]), ts.MkAbs(args[1])
	ts.Check(os.CopyFS(to, os.DirFS(from)))
}

func cmdCmpTree(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: cmptree DIR COPY")
	}
	got, want := readTree(ts, args[0]), readTree(ts, args[1])
	var diffs []string
	for name, w := range want {
		g, ok := got[name]
		switch {
		case !ok:
			diffs = append(diffs, "missing: "+name)
		case !bytes.Equal(g, w):
			diffs = append(diffs, "changed: "+name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			diffs = append(diffs, "added: "+name)
		}
	}
	slices.Sort(diffs)
	switch {
	case neg && len(diffs) == 0:
		ts.Fatalf("%s and %s are the same", args[0], args[1])
	case !neg && len(diffs) > 0:
		ts.Fatalf("%s differs from %s:\n%s", args[0], args[1], strings.Join(diffs, "\n"))
	}
}

// readTree returns the files under dir by slash path.
func readTree(ts *testscript.TestScript, dir string) map[string][]byte {
	root := ts.MkAbs(dir)
	out := map[string][]byte{}
	ts.Check(filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		b, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = b
		return err
	}))
	return out
}

func cmdNoLeftovers(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: noleftovers DIR")
	}
	entries, err := os.ReadDir(ts.MkAbs(args[0]))
	ts.Check(err)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".plotline-") {
			ts.Fatalf("%s holds %s, left by a build", args[0], e.Name())
		}
	}
}

func cmdSparse(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: sparse FILE BYTES")
	}
	n, err := strconv.ParseInt(args[1], 10, 64)
	ts.Check(err)
	f, err := os.Create(ts.MkAbs(args[0]))
	ts.Check(err)
	ts.Check(f.Truncate(n))
	ts.Check(f.Close())
}
