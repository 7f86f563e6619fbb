package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/site"
)

func runCheck(ctx context.Context, e *env, args []string) int {
	var sf siteFlags
	fs := newFlags(e, "check", "report every error and warning of a build, without writing the site", "plotline check -s mysite --format json")
	fs.StringVar(&sf.dir, "s", ".", "the site `folder`")
	fs.StringVar(&sf.baseURL, "base-url", "", "the `URL` the site is published at (overrides the config file)")
	fs.BoolVar(&sf.drafts, "drafts", false, "check pages marked draft: true too")
	fs.BoolVar(&sf.verbose, "v", false, "warn at every front-matter key plotline does not read, not once a key")
	fs.BoolVar(&sf.future, "future", false, "check pages dated after today too")
	format := fs.String("format", "text", "the output `format`: text (path:line:col: message lines on stderr) or json (one object on stdout)")
	if code := parseFlags(e, fs, args); code >= 0 {
		return code
	}
	if *format != "text" && *format != "json" {
		return e.fail(ExitUsage, "plotline check: unknown format %q (want text or json)", *format)
	}

	pages, diags, claims, err := checkSite(ctx, e, &sf)
	interrupted := errors.Is(err, context.Canceled)
	errs, warns := diags.Errors(), diags.Warnings()

	if *format == "json" {
		out := checkJSON(errs, warns, claims)
		if err != nil && !interrupted {
			out.Errors = append(out.Errors, jsonDiag{Message: err.Error()})
		}
		if werr := json.NewEncoder(e.stdout).Encode(out); werr != nil {
			return e.fail(exitInternal, "plotline: %v", werr)
		}
		if err != nil || len(errs) > 0 {
			return ExitContent
		}
		return ExitOK
	}

	printDiags(e, diags)
	switch {
	case interrupted:
		return e.fail(ExitContent, "plotline: interrupted")
	case err != nil:
		return e.fail(exitInternal, "plotline: %v", err)
	case len(errs) > 0:
		return e.fail(ExitContent, "plotline: %d error%s, %d warning%s", len(errs), plural(len(errs)), len(warns), plural(len(warns)))
	}
	fmt.Fprintf(e.stdout, "checked %d pages: no errors, %d warning%s\n", pages, len(warns), plural(len(warns)))
	return ExitOK
}

// checkSite builds the site as a dry run, which writes nothing at all,
// and returns the number of pages and every diagnostic, sorted. err is a
// failure that is not a diagnostic: a config file that cannot be read, an
// I/O error, a cancelled build.
func checkSite(ctx context.Context, e *env, sf *siteFlags) (pages int, diags diag.List, claims []site.Claim, err error) {
	sf.dryRun = true
	l, err := sf.open(e)
	if err == nil {
		stop := progressFor(e)
		var res site.Result
		res, err = l.builder.Build(ctx)
		stop()
		pages, diags, claims = res.Pages, res.Warnings, res.Claims
	}
	if l, ok := errors.AsType[diag.List](err); ok {
		diags = append(diags, l...) // the errors, and the warnings again: Sort drops them
		err = nil
	}
	diags.Sort()
	return pages, diags, claims, err
}

// checkOutput is what "plotline check --format json" prints: stable field
// names for editors.
type checkOutput struct {
	Errors   []jsonDiag  `json:"errors"`
	Warnings []jsonDiag  `json:"warnings"`
	Claims   []jsonClaim `json:"claims"`
}

// jsonClaim is one claim of checkOutput: where it is, what it says of
// which value, the value, and whether it holds ("true" or "false").
type jsonClaim struct {
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Ref     string `json:"ref"`
	Other   string `json:"other,omitempty"` // the value compared with
	Phrase  string `json:"phrase"`
	Value   string `json:"value"`
	Verdict string `json:"verdict"`
	Meaning string `json:"meaning"`
	Suggest string `json:"suggest"` // a phrase of the same kind that holds
}

// jsonDiag is one diagnostic of checkOutput. Line and col count from 1;
// 0 means the whole file (or, with an empty path, no file at all).
type jsonDiag struct {
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Message string `json:"message"`
}

// checkJSON returns the output of check for errs, warns and claims; the
// lists are empty arrays, never null, when there is nothing to report.
func checkJSON(errs, warns diag.List, claims []site.Claim) checkOutput {
	conv := func(l diag.List) []jsonDiag {
		out := make([]jsonDiag, 0, len(l))
		for _, d := range l {
			out = append(out, jsonDiag{Path: d.Pos.Path, Line: d.Pos.Line, Col: d.Pos.Col, Message: d.Message})
		}
		return out
	}
	out := checkOutput{Errors: conv(errs), Warnings: conv(warns), Claims: []jsonClaim{}}
	for _, c := range claims {
		out.Claims = append(out.Claims, jsonClaim{
			Path: c.Pos.Path, Line: c.Pos.Line, Col: c.Pos.Col,
			Ref: c.Ref, Other: c.Other, Phrase: c.Phrase, Value: c.Value,
			Verdict: strconv.FormatBool(c.True), Meaning: c.Meaning, Suggest: c.Suggest,
		})
	}
	return out
}
