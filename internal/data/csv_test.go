package data

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

func TestCSV(t *testing.T) {
	fsys := fstest.MapFS{
		"content/articles/prices.csv": {Data: []byte("date,value,label,source\n2025-01-03,1250,late,https://example.org\n2025-01-01,1000,early,\n")},
		"content/data/shared.csv":     {Data: []byte("\uFEFFDate, Value\n2025-02-01,7.50\n")},
	}
	src := `data:
  prices:
    csv: prices.csv
  shared:
    csv: ../data/shared.csv
`
	blocks, diags := parse(t, src, fsys)
	if len(diags) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(diags, "\n"))
	}
	want := []Point{
		{Date: day("2025-01-01"), Value: 1000, Label: "early"},
		{Date: day("2025-01-03"), Value: 1250, Label: "late", Source: "https://example.org"},
	}
	if got := blocks[0].Series; !slices.Equal(got, want) {
		t.Errorf("prices series = %+v; want %+v", got, want)
	}
	if got, want := blocks[0].CSV, "content/articles/prices.csv"; got != want {
		t.Errorf("prices CSV = %q; want %q", got, want)
	}
	// 7.50 keeps its two decimals, as the prose and the chart show it.
	if got, want := blocks[1].Series, []Point{{Date: day("2025-02-01"), Value: 7.5, Places: 2}}; !slices.Equal(got, want) {
		t.Errorf("shared series = %+v; want %+v", got, want)
	}
}

// TestUnguardCell checks that a label or source read from a CSV file
// loses the apostrophe a chart's CSV download puts before a character a
// spreadsheet runs as a formula (chart.TestGuardCell writes these), and
// keeps every other.
func TestUnguardCell(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{"'=1+1", "=1+1"},
		{"'-1", "-1"},
		{"'@A1", "@A1"},
		{"'\tx", "\tx"},
		{"x;'=2+3;", "x;=2+3;"},
		{"a,'+1|'@b\t'-c", "a,+1|@b\t-c"},
		{"''=x", "'=x"},
		{"a;'''-b", "a;''-b"},
		{"'x", "'x"},
		{"it's -1", "it's -1"},
		{"a'=b", "a'=b"},
	} {
		if got := unguardCell(tt.in); got != tt.want {
			t.Errorf("unguardCell(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// TestCSVColumn checks a file of several series, one column each, as a
// poll tracker or a spreadsheet holds them: each block reads the column
// its column: names, a row with that cell empty has no observation of it,
// the label column is every block's, and the other blocks' columns are no
// warning; "NA" in a cell is told to empty the cell, not to delete the
// line, which holds the other blocks' values.
func TestCSVColumn(t *testing.T) {
	fsys := fstest.MapFS{
		"content/articles/polls.csv": {Data: []byte("date,reform,labour,label\n2025-01-31,25,26,\n2025-02-28,,25,no Reform figure\n2025-05-31,30,22,After the local elections\n")},
		// As a chart of two blocks downloads it.
		"content/articles/chart.csv": {Data: []byte("date,reform,reform_label,reform_source,labour,labour_label,labour_source\n" +
			"2025-01-31,25,,,26,Labour ahead,https://example.org/l\n2025-05-31,30,Locals,https://example.org/r,22,,\n")},
	}
	src := `data:
  reform:
    csv: polls.csv
    column: reform
  labour:
    csv: polls.csv
    column: Labour
`
	blocks, diags := parse(t, src, fsys)
	if len(diags) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(diags, "\n"))
	}
	wantReform := []Point{
		{Date: day("2025-01-31"), Value: 25},
		{Date: day("2025-05-31"), Value: 30, Label: "After the local elections"},
	}
	if got := blocks[0].Series; !slices.Equal(got, wantReform) {
		t.Errorf("reform series = %+v; want %+v", got, wantReform)
	}
	wantLabour := []Point{
		{Date: day("2025-01-31"), Value: 26},
		{Date: day("2025-02-28"), Value: 25, Label: "no Reform figure"},
		{Date: day("2025-05-31"), Value: 22, Label: "After the local elections"},
	}
	if got := blocks[1].Series; !slices.Equal(got, wantLabour) {
		t.Errorf("labour series = %+v; want %+v", got, wantLabour)
	}

	blocks, diags = parse(t, `data:
  reform:
    csv: chart.csv
    column: reform
  labour:
    csv: chart.csv
    column: labour
`, fsys)
	if len(diags) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(diags, "\n"))
	}
	wantReform = []Point{
		{Date: day("2025-01-31"), Value: 25},
		{Date: day("2025-05-31"), Value: 30, Label: "Locals", Source: "https://example.org/r"},
	}
	wantLabour = []Point{
		{Date: day("2025-01-31"), Value: 26, Label: "Labour ahead", Source: "https://example.org/l"},
		{Date: day("2025-05-31"), Value: 22},
	}
	if got := blocks[0].Series; !slices.Equal(got, wantReform) {
		t.Errorf("reform series from a chart's CSV = %+v; want %+v", got, wantReform)
	}
	if got := blocks[1].Series; !slices.Equal(got, wantLabour) {
		t.Errorf("labour series from a chart's CSV = %+v; want %+v", got, wantLabour)
	}

	// A column the file lacks, one letter off, and column: without csv:.
	_, diags = parse(t, `data:
  reform:
    csv: polls.csv
    column: refrom
  greens:
    series: [{date: 2025-01-31, value: 9}]
    column: greens
`, fsys)
	want := []string{
		pagePath + `:7:5: block "greens": column names a column of a csv file, and the block reads none (add csv: with the file)`,
		`content/articles/polls.csv:1:1: the header has no column "refrom", which the block's column: names (the columns are date, reform, labour, label): did you mean reform?`,
	}
	if !slices.Equal(diags, want) {
		t.Errorf("Parse reported:\n%s\nwant:\n%s", strings.Join(diags, "\n"), strings.Join(want, "\n"))
	}

	fsys["content/articles/na.csv"] = &fstest.MapFile{Data: []byte("date,reform,labour\n2025-01-31,NA,26\n2025-02-28,22,25\n")}
	_, diags = parse(t, "data:\n  reform:\n    csv: na.csv\n    column: reform\n", fsys)
	want = []string{`content/articles/na.csv:2:12: reform: cannot use "NA" as a number: a date without an observation of this column is left out when its cell is empty: empty the cell, not the line`}
	if !slices.Equal(diags, want) {
		t.Errorf("Parse reported:\n%s\nwant:\n%s", strings.Join(diags, "\n"), strings.Join(want, "\n"))
	}
}

func TestCSVErrors(t *testing.T) {
	const c = "content/articles/prices.csv"
	const p = pagePath + ":"
	tests := []struct {
		name string
		csv  string // contents of prices.csv; "-" for no file
		ref  string // the csv: value
		want []string
	}{
		{"missing file", "-", "prices.csv", []string{p + "3:10: csv: content/articles/prices.csv does not exist"}},
		{"misspelt file", "date,value\n2025-01-01,1\n", "price.csv", []string{p + "3:10: csv: content/articles/price.csv does not exist: did you mean prices.csv?"}},
		{"file in another case", "date,value\n2025-01-01,1\n", "Prices.csv", []string{p + "3:10: csv: content/articles/Prices.csv does not exist: did you mean prices.csv?"}},
		{"counted from the site folder", "date,value\n2025-01-01,1\n", "content/articles/prices.csv", []string{p + "3:10: csv: content/articles/content/articles/prices.csv does not exist: did you mean prices.csv?"}},
		{"outside the site", "-", "../../../prices.csv", []string{p + `3:10: csv: "../../../prices.csv" is outside the site`}},
		{"absolute", "-", "/etc/prices.csv", []string{p + `3:10: csv: "/etc/prices.csv" is an absolute path (want a path relative to the article)`}},
		{"empty", " \n", "prices.csv", []string{c + ":1:1: the csv file is empty (want a header row naming date and value, then one observation a line)"}},
		{"header only", "date,value\n", "prices.csv", []string{c + ":1:1: the csv file has a header but no observations"}},
		{"missing column", "date,price\n2025-01-01,3\n", "prices.csv", []string{
			c + `:1:1: the header has no "value" column (want date, value and optionally label and source): if the column "price" holds the values, name it value, or give the block column: price`,
			c + `:1:6: warning: unknown column "price" (want date, value, label or source)`,
		}},
		{"bad values", "date,value,label\n2025-01-01,1200,a\n2025-02-30,5,b\n2025-01-03,x,c\n2025-01-04\n", "prices.csv", []string{
			c + `:3:1: date: "2025-02-30" is not a valid date (want YYYY-MM-DD)`,
			c + `:4:12: value: cannot use "x" as a number`,
			c + `:5:1: the line has 1 field, want at least 2 (date and value)`,
		}},
		{"thousands separators", "date,value,label\n2025-01-01,\"1,200\",a\n2025-01-02,1 200,b\n2025-01-03,1,200\n2025-01-04,12,000.5,d\n2025-01-05,1200,345\n", "prices.csv", []string{
			c + `:2:12: value: "1,200" has a thousands separator, which plotline does not guess at (in some languages it marks decimals); write 1200`,
			c + `:3:12: value: "1 200" has a thousands separator, which plotline does not guess at (in some languages it marks decimals); write 1200`,
			c + `:4:12: value: 1,200 reads as 1 and a next field "200", because a comma separates fields: write 1200, without a thousands separator`,
			c + `:5:12: value: 12,000.5 reads as 12 and a next field "000.5", because a comma separates fields: write 12000.5, without a thousands separator`,
		}},
		// A file of several series: a value of three digits beside
		// another is two values, each in its column.
		{"several columns of numbers", "date,value,trade,label\n2001,100,100,a\n2002,97,100,b\n", "prices.csv", []string{
			c + `:1:12: warning: unknown column "trade" (want date, value, label or source)`,
		}},
		{"comma in a label, value in a label", "date,value,label,source\n2025-01-01,3800,Kursk, Russia,ISW\n2025-01-02,5,{{ x.limit }},s\n", "prices.csv", []string{
			c + `:2:31: the line has 5 fields, more than the 4 of the header: a comma inside a label or source needs the field in double quotes ("Kursk, Russia")`,
			c + `:3:14: label: {{ }} is not read in the data, which values are computed from: write the label as text (values go in the prose, the title, the description and a chart's title, caption and event labels)`,
		}},
		{"a value of a whole text", "date,value\n2025-01-01," + strings.Repeat("7", 100000) + "\n2025-01-02," + strings.Repeat("9", 200) + "x\n", "prices.csv", []string{
			c + `:2:12: value: cannot use "` + strings.Repeat("7", 40) + `…" as a number`,
			c + `:3:12: value: cannot use "` + strings.Repeat("9", 40) + `…" as a number`,
		}},
		{"a label of a whole text", "date,value,label\n2025-01-01,1," + strings.Repeat("é", 1000) + "\n2025-01-02,2,\"" + strings.Repeat("word ", 400) + "\"\n", "prices.csv", []string{
			c + `:3:14: label: 1999 characters, more than the 1000 a label may have: it is shown in each chart's tooltip and table; shorten it (a note on the data goes in the prose)`,
		}},
		{"UTF-16 with its byte-order mark", "\xff\xfed\x00a\x00t\x00e\x00,\x00v\x00a\x00l\x00u\x00e\x00\x0a\x002\x000\x002\x005\x00-\x000\x001\x00-\x000\x001\x00,\x005\x00\x0a\x00", "prices.csv", []string{
			c + `:1:1: the csv file is in UTF-16 (as Excel's "Unicode Text" saves a sheet), not UTF-8: save it as "CSV UTF-8"`,
		}},
		{"UTF-16 without a byte-order mark", "\x00d\x00a\x00t\x00e\x00,\x00v\x00a\x00l\x00u\x00e\x00\x0a\x002\x000\x002\x005\x00-\x000\x001\x00-\x000\x001\x00,\x005\x00\x0a", "prices.csv", []string{
			c + `:1:1: the csv file is in UTF-16 (as Excel's "Unicode Text" saves a sheet), not UTF-8: save it as "CSV UTF-8"`,
		}},
		{"carriage returns alone", "date,value\r2025-01-01,5\r2025-01-02,6\r", "prices.csv", []string{
			c + `:1:11: the lines of this file end with a carriage return alone (as on old Macs, and in Excel's "CSV (Macintosh)"), which plotline does not take for line ends: save it with LF or CRLF line endings (as "CSV UTF-8")`,
		}},
		{"carriage returns alone after a byte-order mark", "\ufeffDate,Value\r2025-01-01,5\r", "prices.csv", []string{
			c + `:1:11: the lines of this file end with a carriage return alone (as on old Macs, and in Excel's "CSV (Macintosh)"), which plotline does not take for line ends: save it with LF or CRLF line endings (as "CSV UTF-8")`,
		}},
		{"carriage returns with line feeds", "date,value\r\n2025-01-01,5\r\n", "prices.csv", nil},
		{"semicolons", "date;value\n2025-01-01;3,5\n", "prices.csv", []string{
			c + `:1:1: the columns are separated by semicolons, and plotline reads commas: write date,value, and decimals with a point (3.5, not 3,5)`,
		}},
		{"tabs", "date\tvalue\tlabel\n2025-01-01\t3\ta\n", "prices.csv", []string{
			c + `:1:1: the columns are separated by tabs, and plotline reads commas: write date,value,label`,
		}},
		// strconv would read 0x1p4 as 16, and keep 9007199254740993 as
		// 9007199254740992 and 1e-400 as 0; 1_000 is 1000 and 017 is 17,
		// as in front matter.
		{"numbers not kept as written", "date,value\n2025-01-01,0x1p4\n2025-01-02,0x1F\n2025-01-03,9007199254740993\n2025-01-04,1e-400\n" +
			"2025-01-05,9007199254740992\n2025-01-06,0.30000000000000004\n2025-01-07,1_000\n2025-01-08,017\n2025-01-09,-0.000\n", "prices.csv", []string{
			c + `:2:12: value: "0x1p4" is a number in hexadecimal; write it in decimal digits: 16`,
			c + `:3:12: value: "0x1F" is a number in hexadecimal; write it in decimal digits: 31`,
			c + `:4:12: value: 9007199254740993 cannot be kept as written: a number holds about 16 significant digits, none beyond them, and would be shown as 9,007,199,254,740,992; round it (or write it in a larger unit, such as millions)`,
			c + `:5:12: value: 1e-400 cannot be kept as written: a number holds about 16 significant digits, none beyond them, and would be shown as 0; round it (or write it in a larger unit, such as millions)`,
		}},
		// A spreadsheet writes an empty row as ",," and may end rows
		// with empty fields: nothing is lost, so both are read. An empty
		// cell of a row that has others is a gap, said so.
		{"empty rows and fields", "date,value,label\n2025-01-01,1,a,,\n,,\n , ,\n2025-01-02,,b\n,3,c\n", "prices.csv", []string{
			c + `:5:12: value: the cell is empty: leave out the line of a date without an observation`,
			c + `:6:1: date: the cell is empty (want YYYY-MM-DD)`,
		}},
		{"only empty rows", "date,value\n,\n,\n", "prices.csv", []string{
			c + `:1:1: the csv file has a header but no observations`,
		}},
		// Dates written another way are refused, each with the date to
		// write where it can be told, and the order of 03/01 is not
		// guessed; a time of day is read (line 5), an hour 24 is not.
		{"dates written another way", "date,value\n2024-3,1\n2024/03/01,2\n03/01/2024,3\n2024-03-01T23:00:00-05:00,4\n13/01/2024,5\n2024-03-02T24:00,6\n", "prices.csv", []string{
			c + `:2:1: date: "2024-3" is not a valid date (want YYYY-MM-DD): that is a month; write it 2024-03`,
			c + `:3:1: date: "2024/03/01" is not a valid date (want YYYY-MM-DD): write 2024-03-01`,
			c + `:4:1: date: "03/01/2024" is not a valid date (want YYYY-MM-DD): write 2024-01-03 if it is day/month, 2024-03-01 if it is month/day (plotline does not guess)`,
			c + `:6:1: date: "13/01/2024" is not a valid date (want YYYY-MM-DD): write 2024-01-13`,
			c + `:7:1: date: "2024-03-02T24:00" is not a valid time (want YYYY-MM-DDTHH:MM, such as 2024-03-02T06:00, seconds and a zone optional)`,
		}},
		// A sign plotline does not read, a decimal comma and a
		// placeholder for a missing value are refused, saying what to
		// write.
		{"numbers written another way", "date,value\n2025-01-01,12%\n2025-01-02,\"$1,200\"\n2025-01-03,\"3,5\"\n2025-01-04,NA\n", "prices.csv", []string{
			c + `:2:12: value: cannot use "12%" as a number, write 12, and give the block unit: percent`,
			c + `:3:12: value: cannot use "$1,200" as a number, write 1200, and give the block unit: dollars`,
			c + `:4:12: value: cannot use "3,5" as a number: if the comma marks decimals, write 3.5`,
			c + `:5:12: value: cannot use "NA" as a number: a date without an observation is left out of the data: delete its line`,
		}},
		// A row copied twice is drawn, counted and fitted twice: a
		// warning. Two values of one day (two sources) are not a copy.
		{"a repeated row", "date,value,label\n2025-01-01,10,a\n2025-01-02,11,b\n2025-01-01,10,a\n2025-01-01,12,c\n", "prices.csv", []string{
			c + `:4:1: warning: this repeats the observation of line 2 (2025-01-01, 10): it would be drawn, counted and fitted twice; delete one of them, or, if they are readings at two times of the day, give each its time (2025-01-01T06:00)`,
		}},
		{"columns named otherwise", "Day,Region,Cases\n2025-01-01,North,3\n", "prices.csv", []string{
			c + `:1:1: the header has no "date" column (want date, value and optionally label and source): if the column "Day" holds the dates, name it date`,
			c + `:1:1: the header has no "value" column (want date, value and optionally label and source): if the column "Cases" holds the values, name it value, or give the block column: Cases`,
			c + `:1:1: warning: unknown column "Day" (want date, value, label or source)`,
			c + `:1:5: warning: unknown column "Region" (want date, value, label or source)`,
			c + `:1:12: warning: unknown column "Cases" (want date, value, label or source)`,
		}},
		// An agency's export: a title line above the header, values
		// with thousands separators.
		{"a title line above the header", "\"Lake Mead End of Month Elevation\",\"Units: feet\"\n\"Date\",\"Elevation (ft)\"\n\"01/31/2025\",\"1,066.21\"\n", "prices.csv", []string{
			c + `:1:1: the first line is not the header: line 2, Date,Elevation (ft), names the columns; delete the line above it`,
			c + `:1:1: warning: unknown column "Lake Mead End of Month Elevation" (want date, value, label or source)`,
			c + `:1:36: warning: unknown column "Units: feet" (want date, value, label or source)`,
		}},
		{"a value column named otherwise, with thousands separators", "Date,Elevation (ft)\n01/31/2025,\"1,066.21\"\n", "prices.csv", []string{
			c + `:1:1: the header has no "value" column (want date, value and optionally label and source): if the column "Elevation (ft)" holds the values, name it value, or give the block column: Elevation (ft)`,
			c + `:1:6: warning: unknown column "Elevation (ft)" (want date, value, label or source)`,
		}},
		{"a spreadsheet's separator line", "sep=,\ndate,value\n2025-01-01,3\n", "prices.csv", []string{
			c + `:1:1: the first line, "sep=,", tells a spreadsheet which separator the file uses: delete it, so that the file starts with its header`,
		}},
		{"no header", "2025-01-01,3800,Kursk\n2025-01-02,3900,Kursk\n", "prices.csv", []string{
			c + `:1:1: the first line is an observation, not a header: add a line naming the columns above it, date,value,label`,
		}},
		{"no header, dates written another way", "\ufeff01/13/2025,3800\n", "prices.csv", []string{
			c + `:1:1: the first line is an observation, not a header: add a line naming the columns above it, date,value`,
		}},
		{"columns count characters", "label,date,value\nZoë,2025-01-01,x\n", "prices.csv", []string{
			c + `:2:16: value: cannot use "x" as a number`,
		}},
		{"bare quote", "date,value\n2025-01-01,3\"4\n", "prices.csv", []string{
			c + `:2:13: bare " in non-quoted-field`,
		}},
		// A quote never closed is reported where it opens, the place to
		// fix, however far the file goes on after it.
		{"unclosed quote across lines", "date,value,label\n2025-01-01,3,\"a\nb\n", "prices.csv", []string{
			c + `:2:14: this quote is never closed: end the field with " (a quote inside a quoted field is written twice: "")`,
		}},
		{"unclosed quote", "date,value\n2025-01-01,\"3\n", "prices.csv", []string{
			c + `:2:12: this quote is never closed: end the field with " (a quote inside a quoted field is written twice: "")`,
		}},
		{"unclosed quote on the last line, no final newline", "date,value\n2025-01-01,3\n2025-01-02,\"4", "prices.csv", []string{
			c + `:3:12: this quote is never closed: end the field with " (a quote inside a quoted field is written twice: "")`,
		}},
		{"unclosed quote after a doubled one", "date,value,label\n2025-01-01,3,\"say \"\"hi\"\"\n", "prices.csv", []string{
			c + `:2:14: this quote is never closed: end the field with " (a quote inside a quoted field is written twice: "")`,
		}},
		{"a quote after a closed field", "date,value,label\n2025-01-01,3,\"a\"b\n", "prices.csv", []string{
			c + `:2:16: extraneous or missing " in quoted-field`,
		}},
		{"not UTF-8", "date,value,label\n2025-01-01,3,caf\xe9\n", "prices.csv", []string{
			c + `:2:17: the csv file is not valid UTF-8 (save it as UTF-8)`,
		}},
		{"byte-order mark and CRLF", "\ufeffdate,value\r\n2025-01-01,3\r\n2025-01-02,x\r\n", "prices.csv", []string{
			c + `:3:12: value: cannot use "x" as a number`,
		}},
		// The mark is no column: the first line's positions are those
		// an editor shows.
		{"byte-order mark on the header line", "\ufeffdate,price,Zoë\u0007\n2025-01-01,1\n", "prices.csv", []string{
			c + `:1:1: the header has no "value" column (want date, value and optionally label and source): if the column "price" holds the values, name it value, or give the block column: price`,
			c + `:1:6: warning: unknown column "price" (want date, value, label or source)`,
			c + `:1:12: warning: unknown column "Zoë\a" (want date, value, label or source)`,
			c + `:1:15: the character U+0007 cannot be shown in a web page: remove it`,
		}},
		// Each character no page may hold, with the file's other
		// mistakes: the first alone was reported.
		{"unprintable characters and other mistakes", "date,value,label\n2025-13-01,1,ab\n2025-01-02,x,cd\n2025-01-03,3,\u0085\n2025-01-04,4,\u0085\n", "prices.csv", []string{
			c + `:2:1: date: "2025-13-01" is not a valid date (want YYYY-MM-DD): 13 is no month; if it is the day, write 2025-01-13`,
			c + `:3:12: value: cannot use "x" as a number`,
			c + `:4:14: the character U+0085 cannot be shown in a web page: remove it`,
			c + `:5:14: the character U+0085 cannot be shown in a web page: remove it`,
		}},
		{"byte-order mark before an unknown column", "\ufeffdate,price\n2025-01-01,1\n", "prices.csv", []string{
			c + `:1:1: the header has no "value" column (want date, value and optionally label and source): if the column "price" holds the values, name it value, or give the block column: price`,
			c + `:1:6: warning: unknown column "price" (want date, value, label or source)`,
		}},
		// The mark is no column: "vaule" is column 6 of the header an
		// editor shows.
		{"byte-order mark, a mistake in the header", "\ufeffdate,vaule\n2025-01-01,3\n", "prices.csv", []string{
			c + `:1:1: the header has no "value" column (want date, value and optionally label and source): if the column "vaule" holds the values, name it value`,
			c + `:1:6: warning: unknown column "vaule" (want date, value, label or source)`,
		}},
		{"no final newline", "date,value\n2025-01-01,3\n2025-01-02,x", "prices.csv", []string{
			c + `:3:12: value: cannot use "x" as a number`,
		}},
		{"too large", "date,value\n" + strings.Repeat("2025-01-01,3\n", MaxCSVSize/12), "prices.csv", []string{
			p + "3:10: csv: content/articles/prices.csv: file is 8.7 MB, more than the 8 MB plotline reads",
		}},
		{"a folder", "-", "folder", []string{
			p + "3:10: csv: content/articles/folder cannot be read: is a folder",
		}},
	}
	for _, tt := range tests {
		fsys := fstest.MapFS{}
		if tt.csv != "-" {
			fsys[c] = &fstest.MapFile{Data: []byte(tt.csv)}
		}
		fsys["content/articles/folder/x.csv"] = &fstest.MapFile{Data: []byte("date,value\n2025-01-01,1\n")}
		src := "data:\n  prices:\n    csv: " + tt.ref + "\n"
		_, got := parse(t, src, fsys)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: diagnostics:\n%s\nwant:\n%s", tt.name, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}

// TestKeptAsWritten checks that every number a float64 holds, written in
// its shortest form, with trailing zeros or as a writer would, is kept as
// written, and that a number with digits a float64 cannot hold is not.
func TestKeptAsWritten(t *testing.T) {
	for _, f := range []float64{0, 0.1, 0.3 + 0.6, 2.675, 1e-7, 123456.789, -2.5e-300, 1e308, 5e-324, 9007199254740992, 12000, -0.0049} {
		for _, lit := range []string{strconv.FormatFloat(f, 'f', -1, 64), strconv.FormatFloat(f, 'e', -1, 64), strconv.FormatFloat(f, 'g', -1, 64)} {
			if msg, ok := keptAsWritten(lit, f); !ok {
				t.Errorf("keptAsWritten(%q, %v): %s", lit, f, msg)
			}
		}
	}
	for _, tt := range []struct {
		lit string
		f   float64
	}{{"2.50", 2.5}, {"0.000", 0}, {"-0.0", 0}, {"+.5", 0.5}, {"1.", 1}, {"1.5E3", 1500}, {"0012000", 12000}, {"1_000", 1000}} {
		if msg, ok := keptAsWritten(tt.lit, tt.f); !ok {
			t.Errorf("keptAsWritten(%q, %v): %s", tt.lit, tt.f, msg)
		}
	}
	for _, lit := range []string{"9007199254740993", "0.1000000000000000055511151231257827", "1e-400", "123456789012345678901234567890"} {
		f, _ := strconv.ParseFloat(lit, 64)
		if _, ok := keptAsWritten(lit, f); ok {
			t.Errorf("keptAsWritten(%q, %v) is true; want false", lit, f)
		}
	}
}

// TestCSVSpreadsheetRows checks that the rows of a spreadsheet's export,
// with empty rows (",,") and a trailing empty column, are read as the
// observations they hold.
func TestCSVSpreadsheetRows(t *testing.T) {
	fsys := fstest.MapFS{"content/articles/prices.csv": {Data: []byte("date,value,label,\r\n2025-01-01,10,a,\r\n,,,\r\n2025-01-02,11,,\r\n,,,\r\n")}}
	blocks, diags := parse(t, "data:\n  prices:\n    csv: prices.csv\n", fsys)
	for _, d := range diags {
		if !strings.Contains(d, "warning: unknown column \"\"") {
			t.Errorf("Parse reported: %s", d)
		}
	}
	want := []Point{{Date: day("2025-01-01"), Value: 10, Label: "a"}, {Date: day("2025-01-02"), Value: 11}}
	if got := blocks[0].Series; !slices.Equal(got, want) {
		t.Errorf("series = %+v; want %+v", got, want)
	}
}

// TestCSVManyProblems checks that a CSV file of thousands of bad lines or
// unknown columns lists its first 1,000 problems and then says the rest
// are not listed, an error when one of them is (a file of 600,000 bad
// lines or a header of 700,000 columns took minutes, each problem placed
// by counting from the start of the file, and listed as many lines).
func TestCSVManyProblems(t *testing.T) {
	const c = "content/articles/prices.csv"
	var rows strings.Builder
	rows.WriteString("date,value\n")
	for range 3000 {
		rows.WriteString("2025-01-01,x\n")
	}
	cols := make([]string, 5000)
	for i := range cols {
		cols[i] = fmt.Sprintf("é%d", i)
	}
	wide := "date,value," + strings.Join(cols, ",") + "\n2025-01-01,1\n"
	for _, tt := range []struct {
		name, csv string
		last      []string
	}{
		// The header is line 1: the 1,001st bad line is line 1002.
		{"bad lines", rows.String(), []string{
			c + `:1001:12: value: cannot use "x" as a number`,
			c + ":1002:12: more than 1000 problems in this csv file; the rest are not listed",
		}},
		// "date,value," is 11 characters; "é0," to "é9," 3 each, "é10,"
		// to "é99," 4 each and "é100," to "é998," 5 each: é999 starts
		// at column 12 + 30 + 360 + 4495 = 4897, é1000 at 4902.
		{"unknown columns", wide, []string{
			c + `:1:4897: warning: unknown column "é999" (want date, value, label or source)`,
			c + ":1:4902: warning: more than 1000 problems in this csv file; the rest are not listed",
		}},
	} {
		fsys := fstest.MapFS{c: &fstest.MapFile{Data: []byte(tt.csv)}}
		_, got := parse(t, "data:\n  prices:\n    csv: prices.csv\n", fsys)
		if len(got) != 1001 || !slices.Equal(got[999:], tt.last) {
			t.Errorf("%s: %d diagnostics, the last:\n%s\nwant 1001, the last:\n%s", tt.name, len(got), strings.Join(got[max(0, len(got)-2):], "\n"), strings.Join(tt.last, "\n"))
		}
	}
}
