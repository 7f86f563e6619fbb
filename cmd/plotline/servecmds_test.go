package main

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"syscall"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// serveWait bounds how long httpget -wait waits for a server to listen
// and answer, and how long any request may take.
const serveWait = 60 * time.Second

// cmdFreePort sets the variable VAR to a TCP port that is free on HOST
// (default 127.0.0.1) at the moment: the port of a listener it opens and
// closes at once.
func cmdFreePort(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 1 || len(args) > 2 {
		ts.Fatalf("usage: freeport VAR [HOST]")
	}
	host := "127.0.0.1"
	if len(args) == 2 {
		host = args[1]
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
	ts.Check(err)
	port := ln.Addr().(*net.TCPAddr).Port
	ts.Check(ln.Close())
	ts.Setenv(args[0], strconv.Itoa(port))
}

// cmdHoldPort listens on a free port of 127.0.0.1 until the script ends,
// accepting no connection, and sets the variable VAR to the port.
func cmdHoldPort(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: holdport VAR")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	ts.Check(err)
	ts.Defer(func() { ln.Close() })
	ts.Setenv(args[0], strconv.Itoa(ln.Addr().(*net.TCPAddr).Port))
}

// cmdHTTPGet fetches URL and writes the status line, then the body, to
// stdout. -host sends HOST as the Host header instead of the URL's;
// -wait retries, for up to a minute, while nothing listens at the URL.
// Redirects are not followed.
func cmdHTTPGet(ts *testscript.TestScript, neg bool, args []string) {
	var host string
	wait := false
	for len(args) > 0 {
		switch {
		case args[0] == "-wait":
			wait, args = true, args[1:]
			continue
		case args[0] == "-host" && len(args) > 1:
			host, args = args[1], args[2:]
			continue
		}
		break
	}
	if neg || len(args) != 1 {
		ts.Fatalf("usage: httpget [-wait] [-host HOST] URL")
	}
	req, err := http.NewRequest("GET", args[0], nil)
	ts.Check(err)
	if host != "" {
		req.Host = host
	}
	client := &http.Client{
		Timeout:   serveWait,
		Transport: &http.Transport{DisableKeepAlives: true},
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
	deadline := time.Now().Add(serveWait)
	for {
		resp, err := client.Do(req)
		if err == nil {
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			ts.Check(err)
			fmt.Fprintf(ts.Stdout(), "%s\n%s", resp.Status, body)
			return
		}
		if !wait || !errors.Is(err, syscall.ECONNREFUSED) || time.Now().After(deadline) {
			ts.Fatalf("GET %s: %v", args[0], err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
