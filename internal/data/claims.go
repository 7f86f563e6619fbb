package data

import (
	"errors"
	"fmt"
	"time"

	"github.com/plotline/plotline/internal/claim"
	"github.com/plotline/plotline/internal/diag"
)

// ClaimOptions are the site-wide settings claims are read with.
type ClaimOptions struct {
	// About is the relative tolerance of "about", "nearly" and their kin;
	// 0 means claim.DefaultAbout.
	About float64
	// Southern reads seasons as in the southern hemisphere.
	Southern bool
}

// ClaimResult is one claim checked: what it said, of which value, and
// whether the value makes it true.
type ClaimResult struct {
	Ref     string // the value claimed about: "losses.crossing"
	Other   string // for a comparison, the value compared with
	Phrase  string // the writer's words: "by spring 2025"
	Value   string // the value as a message shows it: "15 April 2025"
	True    bool
	Meaning string // what the phrase stands for: "on or before 31 May 2025"
	Suggest string // a phrase of the same kind that is true: "mid-April 2025"
}

// evalClaim checks the claim of e about v and shows its phrase. A false
// claim is an error saying what the value is and which phrase would be
// true.
func (s *Scope) evalClaim(e Expr, v Value, pos diag.Pos) (Evaluation, error) {
	c := e.Claim
	marks := s.Locale.Numbers()
	opts := claim.Options{
		AsOf: s.asOf(e.Ref.Block), About: s.Claims.About, Southern: s.Claims.Southern,
		Language: s.Locale.Language(), Decimal: marks.Decimal, Group: marks.Group,
	}
	res := ClaimResult{Ref: e.Ref.String(), Phrase: c.Phrase}
	var verdict claim.Verdict
	var err error
	switch {
	case c.Other != nil:
		res.Other = c.Other.String()
		var w Value
		if w, err = s.Lookup(*c.Other); err != nil {
			return Evaluation{}, err
		}
		if v.Kind != Number || w.Kind != Number {
			return Evaluation{}, fmt.Errorf("claim %q compares two numbers, but %s is %s and %s is %s", c.Phrase, res.Ref, describeKind(v.Kind), res.Other, describeKind(w.Kind))
		}
		verdict, err = claim.Compare(c.Phrase, quantity(v), quantity(w), opts)
	case v.Kind == Date:
		verdict, err = dateClaim(c.Phrase, v, opts)
	case v.Kind == Number:
		verdict, err = claim.Number(c.Phrase, quantity(v), opts)
	default:
		return Evaluation{}, fmt.Errorf("claim %q: %s is text; claims are about dates and numbers", c.Phrase, res.Ref)
	}
	var phraseErr *claim.Error
	switch {
	case errors.As(err, &phraseErr) && phraseErr.Is != 0 && phraseErr.Is != claim.KindComparison && c.Other == nil:
		return Evaluation{}, fmt.Errorf("claim %q is about a %s, but %s is %s", c.Phrase, phraseErr.Is, res.Ref, describeKind(v.Kind))
	case errors.As(err, &phraseErr) && phraseErr.Is == claim.KindComparison && c.Other == nil:
		return Evaluation{}, fmt.Errorf("claim %q compares two values: name the other after the phrase, as in | claim %q other.ref", c.Phrase, c.Phrase)
	case err != nil:
		return Evaluation{}, fmt.Errorf("claim: %v", err)
	}
	res.Value, res.True, res.Meaning, res.Suggest = verdict.Value, verdict.True, verdict.Meaning, verdict.Suggest
	if s.OnClaim != nil {
		s.OnClaim(pos, res)
	}
	if !verdict.True {
		return Evaluation{}, falseClaim(res)
	}
	return Evaluation{Text: c.Phrase, Value: v, Claim: &res}, nil
}

// falseClaim is the error of a claim its value makes false.
func falseClaim(r ClaimResult) error {
	if r.Other != "" {
		return fmt.Errorf("claim %q is false of %s and %s: %s (%s)", r.Phrase, r.Ref, r.Other, r.Value, r.Suggest)
	}
	return fmt.Errorf("claim %q is false: %s is %s (%s)", r.Phrase, r.Ref, r.Value, r.Suggest)
}

// dateClaim checks phrase against the date v: a day, or the whole of
// the month or year an observation written as one stands for ("2024-09",
// "1959"), as the data says nothing of its days.
func dateClaim(phrase string, v Value, opts claim.Options) (claim.Verdict, error) {
	switch v.Grain.Shows(v.Date) {
	case ByYear:
		return claim.DateSpan(phrase, v.Date, v.Date.AddDate(1, 0, -1), opts)
	case ByMonth:
		return claim.DateSpan(phrase, v.Date, v.Date.AddDate(0, 1, -1), opts)
	}
	return claim.Date(phrase, v.Date, opts)
}

// quantity is v as the claim package reads a number.
func quantity(v Value) claim.Quantity {
	return claim.Quantity{Value: v.Num, Percent: v.Percent, Scale: v.Scale, Points: v.Points}
}

// asOf returns the date claims about block count from: its as_of.
func (s *Scope) asOf(block string) time.Time {
	if b := s.blocks[block]; b != nil {
		return b.AsOf
	}
	return time.Time{}
}
