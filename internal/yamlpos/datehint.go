package yamlpos

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// DateHint says how to write s, a date that was refused, as YYYY-MM-DD,
// when s is a date written another way: ": write 2024-03-01" for
// 2024/03/01, 2024-3-1, 1 March 2024 or Mar 1, 2024; a day of the month
// or year for 2024-03 or 2024; both readings of 03/01/2024, whose order of
// day and month is not guessed; and the date turned round for 2024-24-01,
// whose middle number is no month. It is "" when s is no date it knows.
//
// A date written with the digits of another script (Arabic-Indic
// ٢٠٢٥-٠٥-١٩, full-width ２０２５-05-19), which look like a date and are
// none to a program, gets the same hint for its digits 0 to 9: ": write
// 2025-05-19, with the digits 0 to 9".
func DateHint(s string) string {
	s = strings.TrimSpace(s)
	if ascii, ok := ASCIIDigits(s); ok {
		if d, err := time.Parse(time.DateOnly, ascii); err == nil {
			return fmt.Sprintf(": write %s, with the digits 0 to 9", d.Format(time.DateOnly))
		}
		if hint := DateHint(ascii); hint != "" {
			return ": with the digits 0 to 9 it is " + ascii + hint
		}
		return ""
	}
	for _, layout := range []string{"2 January 2006", "2 Jan 2006", "January 2, 2006", "Jan 2, 2006", "January 2 2006", "Jan 2 2006"} {
		if d, err := time.Parse(layout, s); err == nil {
			return fmt.Sprintf(": write %s", d.Format(time.DateOnly))
		}
	}
	// Digits in up to three groups, one separator between them: -, / or .
	sep := "-"
	if i := strings.IndexAny(s, "-/."); i >= 0 {
		sep = s[i : i+1]
	}
	parts := strings.Split(s, sep)
	if len(parts) > 3 {
		return ""
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		if len(p) < 1 || len(p) > 4 || strings.Trim(p, "0123456789") != "" {
			return ""
		}
		nums[i], _ = strconv.Atoi(p)
	}
	day := func(y, m, d int) (string, bool) {
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if m < 1 || m > 12 || d < 1 || t.Day() != d || y < 1000 {
			return "", false
		}
		return t.Format(time.DateOnly), true
	}
	switch {
	case len(parts) == 1 && len(parts[0]) == 4:
		return fmt.Sprintf(": that is a year; write a day of it, such as %d-01-01", nums[0])
	case len(parts) == 2 && len(parts[0]) == 4 && nums[1] >= 1 && nums[1] <= 12:
		return fmt.Sprintf(": that is a month; write a day of it, such as %d-%02d-01", nums[0], nums[1])
	case len(parts) == 3 && len(parts[0]) == 4:
		if d, ok := day(nums[0], nums[1], nums[2]); ok {
			return ": write " + d
		}
		// Year, day, month, perhaps: a middle number that is no month,
		// before one that is. A mistyped month reads so too, hence "if".
		if d, ok := day(nums[0], nums[2], nums[1]); ok && nums[1] > 12 {
			return fmt.Sprintf(": %d is no month; if it is the day, write %s", nums[1], d)
		}
	case len(parts) == 3 && len(parts[2]) == 4:
		dm, okDM := day(nums[2], nums[1], nums[0])
		md, okMD := day(nums[2], nums[0], nums[1])
		switch {
		case okDM && okMD && dm != md:
			return fmt.Sprintf(": write %s if it is day/month, %s if it is month/day (plotline does not guess)", dm, md)
		case okDM:
			return ": write " + dm
		case okMD:
			return ": write " + md
		}
	}
	return ""
}

// ASCIIDigits returns s with each decimal digit of another script than
// Latin (the Arabic-Indic ١٢٣, the Persian ۱۲۳, the full-width １２３, the
// Devanagari १२३) written as the digit 0 to 9 of its value, and whether s
// had one. Other characters stay as they are.
func ASCIIDigits(s string) (string, bool) {
	other := false
	out := strings.Map(func(r rune) rune {
		if r > unicode.MaxASCII && unicode.Is(unicode.Nd, r) {
			other = true
			return '0' + digitValue(r)
		}
		return r
	}, s)
	return out, other
}

// digitValue returns the value of r, a decimal digit (Unicode's Nd). The
// digits of a script run from 0 to 9 in a block of ten, and blocks of one
// kind stand side by side (the mathematical digits: five blocks of ten),
// so its value is its distance from the first digit of its run, modulo 10.
func digitValue(r rune) rune {
	zero := r
	for zero > 0 && r-zero < 100 && unicode.Is(unicode.Nd, zero-1) {
		zero--
	}
	return (r - zero) % 10
}
