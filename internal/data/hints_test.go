package data

import "testing"

func TestDateHint(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"2024-03-01T00:00:00Z", ": only an observation's date takes a time of day; write 2024-03-01"},
		{"2024-03-01 23:30:00-05:00", ": only an observation's date takes a time of day; write 2024-03-01"},
		{"2024/03/01", ": write 2024-03-01"},
		// Digits of other scripts look like a date and are none.
		{"\uff12\uff10\uff12\uff15-05-19", ": write 2025-05-19, with the digits 0 to 9"},
		{"\u0662\u0660\u0662\u0665-\u0660\u0665-\u0662\u0660", ": write 2025-05-20, with the digits 0 to 9"},
		{"\u0968\u0966\u0968\u096a/\u0966\u0969/\u0966\u0967", ": with the digits 0 to 9 it is 2024/03/01: write 2024-03-01"},
		{"2024.3.1", ": write 2024-03-01"},
		{"2024-3-1", ": write 2024-03-01"},
		{"2024-03", ": that is a month; write a day of it, such as 2024-03-01"},
		{"2024", ": that is a year; write a day of it, such as 2024-01-01"},
		{"03/01/2024", ": write 2024-01-03 if it is day/month, 2024-03-01 if it is month/day (plotline does not guess)"},
		{"13/01/2024", ": write 2024-01-13"},
		{"01/13/2024", ": write 2024-01-13"},
		{"3.1.2024", ": write 2024-01-03 if it is day/month, 2024-03-01 if it is month/day (plotline does not guess)"},
		{"1 March 2024", ": write 2024-03-01"},
		{"Mar 1, 2024", ": write 2024-03-01"},
		{"2021-24-01", ": 24 is no month; if it is the day, write 2021-01-24"},
		{"2021-13-13", ""},
		{"2025-02-30", ""},
		{"2024-13", ""},
		{"2024/03-01", ""},
		{"soon", ""},
		{"", ""},
		{"-", ""},
		{"1/2", ""},
		{"99/99/2024", ""},
	} {
		if got := DateHint(tt.in); got != tt.want {
			t.Errorf("DateHint(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestNumberHint(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"12%", ", write 12, and give the block unit: percent"},
		// Digits of other scripts: Arabic-Indic, Persian with Arabic's
		// decimal separator, full-width, mathematical sans-serif bold (the
		// fourth of five blocks of ten side by side).
		{"\u0661\u0662\u0663", ", write 123, with the digits 0 to 9"},
		{"\u06f1\u06f2\u066b\u06f5", ", write 12.5, with the digits 0 to 9"},
		{"\uff11\uff12", ", write 12, with the digits 0 to 9"},
		{"\U0001d7ed\U0001d7ee", ", write 12, with the digits 0 to 9"},
		{"\u0661\u0662%", ": with the digits 0 to 9 it is 12%, write 12, and give the block unit: percent"},
		{"\u0661\u0662 \u0661", ""},
		{"12.5 %", ", write 12.5, and give the block unit: percent"},
		{"$1,200", ", write 1200, and give the block unit: dollars"},
		{"-$3.50", ""},
		{"12 €", ", write 12, and give the block unit: euros"},
		{"£ 7", ", write 7, and give the block unit: pounds"},
		{"3,5", ": if the comma marks decimals, write 3.5"},
		{"-0,25", ": if the comma marks decimals, write -0.25"},
		{"NA", ": a date without an observation is left out of the data: delete its line"},
		{"n/a", ": a date without an observation is left out of the data: delete its line"},
		{"—", ": a date without an observation is left out of the data: delete its line"},
		{"1.5 million", ", write 1500000, or 1.5 with million in the block's unit"},
		{"12k", ", write 12000, or 12 with thousand in the block's unit"},
		{"2.5bn", ", write 2500000000, or 2.5 with billion in the block's unit"},
		{"0.0001k", ", write 0.1, or 0.0001 with thousand in the block's unit"},
		{"-3M", ", write -3000000, or -3 with million in the block's unit"},
		{"k", ""},
		{"bank", ""},
		{"1066.9ft", ", write 1066.9, and give the block unit: ft"},
		{"1040.77 feet", ", write 1040.77, and give the block unit: feet"},
		{"-3 °C", ", write -3, and give the block unit: °C"},
		{"12 people a day", ", write 12, and give the block unit: people a day"},
		// A rate's base may hold digits, after "per"; a unit may not
		// otherwise.
		{"7.9 per 100k", ", write 7.9, and give the block unit: per 100k"},
		{"4.6 deaths per 100,000 people", ", write 4.6, and give the block unit: deaths per 100,000 people"},
		{"3 to 5", ""},
		{"3 to 5 per 100", ""},
		{"12e ft", ""},
		{"1.2.3 ft", ""},
		{"ft 12", ""},
		{"\u22125", ", write -5, with a hyphen-minus (-) as the sign"},
		{"\u20130.25", ", write -0.25, with a hyphen-minus (-) as the sign"},
		{"\u2212-5", ""},
		{"\u0130\u0130\u0130k", ""},
		{"12\u212a", ""},
		{"1e999999999k", ""},
		{"lots", ""},
		{"%", ""},
		{"$", ""},
	} {
		if got := numberHint(tt.in); got != tt.want {
			t.Errorf("numberHint(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
