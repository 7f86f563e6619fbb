package yamlpos

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// DateHint says how to write s, a date that was refused, as YYYY-MM-DD,
// when s is a date written another way: ", write 2024-03-01" for
// 2024/03/01, 2024-3-1, 1 March 2024 or Mar 1, 2024; a day of the month
// or year for 2024-03 or 2024; both readings of 03/01/2024, whose order of
// day and month is not guessed; and the date turned round for 2024-24-01,
// whose middle number is no month. It is "" when s is no date it knows.
func DateHint(s string) string {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2 January 2006", "2 Jan 2006", "January 2, 2006", "Jan 2, 2006", "January 2 2006", "Jan 2 2006"} {
		if d, err := time.Parse(layout, s); err == nil {
			return fmt.Sprintf(", write %s", d.Format(time.DateOnly))
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
			return ", write " + d
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
			return ", write " + dm
		case okMD:
			return ", write " + md
		}
	}
	return ""
}
