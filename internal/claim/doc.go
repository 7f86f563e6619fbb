// Package claim checks a writer's own words against the data: it reads a
// phrase such as "by spring 2025", "about 12,000" or "nine times as many
// as", says which dates or numbers the phrase allows, whether a value is
// among them, and which phrase of the same kind the value would make true.
// It imports nothing of plotline and does no I/O.
//
// Phrases are read without regard to case or extra spaces; "mid-April" and
// "mid April" are the same, an en dash or a hyphen joins a range, and "−"
// (U+2212) is a minus sign. There are four kinds, and a phrase of one kind
// given where another is wanted is an *Error naming the kind it is. A
// phrase longer than 200 characters is an *Error before it is read.
//
// # Dates
//
// A period is one of:
//
//	15 April 2025, April 15, 2025, the 15th of April, 2025-04-15   that day
//	15–20 April, April 15–20, between 15 and 20 April              those days
//	April 2025, Sept. 2025, April                                  the month
//	this month, next month, last month                             AsOf's month, the one after, the one before
//	this week, next week, last week                                AsOf's week, the one after, the one before; see below
//	today, tomorrow, yesterday                                     AsOf, the day after, the day before
//	early | mid | late [in] April [2025], mid-month                days 1–10 | 11–20 | 21 to the end
//	the start | beginning of April                                 days 1–7
//	the first | opening [few] days | weeks of April                days 1–7 (of a month only)
//	the final | last | closing [few] days | weeks of April         the last 7 days (of a month only)
//	the middle of April                                            days 11–20
//	the end of April, end-April, month-end                         the last 7 days
//	the first | second | third | fourth | last week of April       days 1–7 | 8–14 | 15–21 | 22–28 | the last 7
//	the turn of the year, the turn of 2026                         21 December to 10 January
//	spring | summer | autumn | fall | winter [2025]                Mar–May | Jun–Aug | Sep–Nov | Dec–Feb
//	winter 2024/25, winter 2024–25                                 Dec 2024–Feb 2025
//	winter 2025                                                    Dec 2024–Feb 2025 or Dec 2025–Feb 2026 (read both ways)
//	2024/25, 2024-25, 2024–25, 2024/2025                           a fiscal year or season; see below
//	FY2024/25, the 2024/25 financial | fiscal year                 the same
//	fiscal 2025, FY2025                                            refused: each country's ends in another month
//	the start | middle | end of 2024/25                            its first month | middle third | last month
//	early | mid | late spring, the start | middle | end of spring  its first | second | third month
//	this summer, the coming summer, next summer, this March        see below
//	2025, this year, next year, last year, the year                the year
//	early | mid | late 2025, late in the year                      Jan–Apr | May–Aug | Sep–Dec
//	the start | beginning of 2025, the end of 2025                 January | December
//	year-end, the year's end, end-2025                             December
//	the middle of 2025, midyear                                    May–Aug
//	the first | second half of 2025, H1 | H2 2025                  Jan–Jun | Jul–Dec
//	  (the latter | last half of 2025)                             Jul–Dec
//	Q1 … Q4 2025, the first … fourth quarter of 2025               Jan–Mar … Oct–Dec
//	  (the last | final quarter of 2025)                           Oct–Dec
//	this quarter, next quarter, last quarter                       AsOf's quarter, the one after, the one before
//	the start | middle | end of Q2, of H1, of the quarter          its first | middle | last month (Mar–Apr of a half)
//	Christmas [Day], Christmas Eve, Boxing Day,                    25, 24, 26 December, 1 January, 31 December
//	  New Year's Day, New Year's Eve
//	the 2020s, this decade, the decade                             2020–2029
//	the early | mid | late 2020s                                   2020–23 | 2024–26 | 2027–29
//	the start | middle | end of the decade                         its first year | 2024–26 | its last year
//	this century, the century, the 21st (twenty-first) century     2000–2099, or 2001–2100 (read both ways)
//	the start | end of the century                                 its first | last ten years
//	the first | second half of the century                         its first | last fifty years
//	between P and Q, from P to Q, P to Q, P–Q                      the first day of P to the last of Q
//
// Some periods are read two ways, and a verdict stands only when both
// readings give it; a day in one reading and not the other is refused,
// saying what to write instead. A split year such as 2024/25 begins in
// April in some fiscal years (Britain, India, Japan) and as late as
// October in others (the US federal year), with July and September
// between: "in 2024/25" is true from October 2024 to March 2025, false
// before April 2024 and after September 2025, and refused between. A
// week begins on a Sunday in some countries and on a Monday in others:
// "this week" as of Monday 13 January 2025 is true from 13 to 18 January
// and refused on the 12th and the 19th. A century runs from its year 00
// to 99 for some readers and from 01 to 00 for others: "by the end of the
// century" is true up to 31 December 2099 and refused in 2100. A winter
// named by one year, "winter 2026", is the one that begins in its
// December for some readers and the one that ends in its February for
// others: "in winter 2026" is refused of February 2026. "mid-century"
// and "the middle of the century", which readers place anywhere from its
// 40s to its 60s, are refused.
//
// Easter, whose day moves and differs between churches, is refused. The
// turn of the year without a year is the one under way or the next.
// "Around the turn of the year" is in it; "around" any other period is
// refused, as it gives no margin to check.
//
// With Options.Southern the seasons are six months on: spring is September
// to November, and summer, December to February, is the season that spans
// two years ("summer 2024/25"; "summer 2025" begins in December 2025).
// A period that leaves out its year is the first such period that does not
// end before Options.AsOf: as of 13 January 2025, "spring" is spring 2025,
// "January" is January 2025 and "early January" is early January 2026. In a
// range, an end without a year follows the other end: "between December
// and February 2026" starts in December 2025. A range without either year
// is the first that does not end before AsOf: as of 13 January 2025,
// "between December and February" is December 2024 to February 2025.
//
// "This summer" is the summer under way, or else the one of AsOf's year,
// past or to come: as of 13 January 2025 it is summer 2025 and "this
// winter" is winter 2024/25; as of October 2025 "this summer" is summer
// 2025. "The coming summer" is the first to begin after AsOf. "Next
// summer" is the one after this summer once that has begun; while this
// summer is still to come readers take "next summer" both as it and as the
// one after, and the phrase is refused, naming both. Months are read the
// same way: "this March", "next March".
//
// A date phrase is a period after a prefix, or a duration:
//
//	P, in P, on P, during P, at P, sometime [in] P   on a day of P
//	by P, no later than P, not after P, on or before P on or before the last day of P
//	before P, earlier than P, ahead of P             before the first day of P
//	after P, later than P                            after the last day of P
//	not before P, no earlier than P, not until P,    on or after the first day of P
//	  on or after P
//	later P, later in P (this year, this month)      a day of P after AsOf
//	earlier P, earlier in P                          a day of P before AsOf
//	within N days | weeks | months | years           after AsOf and on or before AsOf + N units
//	in less than N units, in under N units           after AsOf and before AsOf + N units
//
// In "before the end of P" and "after the start of P" the end and the start
// are moments, not the last or first week: they mean "by P" and "not before
// P". N is written in digits, in words from one to 99 ("within
// twenty-one days"), or as "a" ("within a week"); "within the next 6
// weeks", "in the next 6 weeks" and "over the coming 6 weeks" are the same, "within the next month" is
// within a month, a fortnight is two weeks and a decade ten years. Months and years are
// counted by the calendar: a month from 31 January is 28 February.
//
// "In 6 weeks" and "in six weeks' time" are refused: readers take them
// both as within 6 weeks and as about 6 weeks from the as-of date. So are
// "within weeks", "in the coming months" and "in the next few days", which
// do not say how long, and "within the year", read both as by the end of
// this year and as within a year. "Until April" is refused too, read both
// as before April and as through it. Each error says what to write instead.
//
// The suggestion for a date is the early, mid or late part of its month
// ("late August 2025"), which is what plotline's approx format prints, and
// for a within phrase the shortest "within N units" of the same unit that
// holds.
//
// DateSpan checks a date known to its month or its year only, as monthly
// and annual statistics give them: the phrase holds when it takes in every
// day of the month or year, is false when it takes in none, and is refused
// when it takes in some ("in mid-2024" or "before March 2024" of the year
// 2024), as such a date does not say which day. Its suggestion is the
// month or the year: "in September 2024", "in 2024".
//
// # Numbers
//
// N is written with digits, with "," between thousands (or a space, a
// no-break, thin or narrow no-break space: "12 000", one kind throughout,
// groups of exactly three digits after at most three, so that
// "2024 12 000" is two numbers) and "." before decimals; or in words: zero to
// nineteen, the tens, a ten and a unit ("twenty-five", "forty one"), a
// hundred and what follows it ("a hundred and twenty", "three hundred
// twenty-five"). "And a half" or "½" may follow a whole number ("two and
// a half", "2½", read as 2.5), and so may "and a quarter", "and three
// quarters", "¼" or "¾" ("one and a quarter million", read as 1.25
// million), "minus" may come before a negative one, and
// hundred, thousand, million, billion or trillion may follow ("1.5
// million", "a million", "half a million", "three hundred thousand"), or
// their short forms k, m, mn, bn, tn or trn ("12k", "£300m", "$1.2bn"; k
// and m only glued to the digits, as "4.5 m" may be metres). $, £ or € may
// come before N, and %, percent or per cent after it; "a hundred per cent"
// is 100%, read as the digits are. A phrase with a percent sign is checked
// against the value times 100 unless Quantity.Percent says the value is in
// percent already; a phrase with a percent sign, or a share, of a value in
// percentage points (Quantity.Points) is refused. With a = Options.About
// (5% unless set):
//
//	N                                             the value rounds to N at N's last written digit, halves away from zero:
//	                                              12,000 is 11,999.5 up to 12,000.5; 1.5 million is 1.45 up to 1.55 million;
//	                                              with a multiplier, at two figures at least: a million is 0.95 up to 1.05 million
//	about, around, roughly, approximately,        N − a·|N| to N + a·|N|
//	  approx, some, close to, an estimated N
//	nearly, almost, just short of N               at most a·|N| short of N, towards zero; not N itself
//	just under, just below N                      at most a·|N| below N; not N itself
//	just over, just above N                       at most a·|N| above N; not N itself
//	more than, over, above, in excess of N,       more than N
//	  beyond, exceeds (exceeded, exceeding),
//	  surpasses (surpassed, surpassing), past N
//	at least, no fewer than, no less than N,      N or more
//	  a minimum of, at a minimum N
//	fewer than, less than, under, below,          less than N
//	  beneath, short of N
//	at most, no more than, up to N,               N or less
//	  as many (much, high) as, a maximum of N
//	as few (little, low) as N                     N or more
//	upwards of N                                  more than N
//	well over, well above N                       more than N + a·|N|
//	well under, well below N                      less than N − a·|N|
//	between A and B, from A to B, A to B, A–B     A to B, both included, in either order
//	dozens                                        24 (two dozen) up to but not including 100
//	hundreds, thousands, tens of thousands,       its order of magnitude: tens of thousands is 10,000 up to but
//	  hundreds of thousands, millions … hundreds    not including 100,000; a trailing "of" is allowed ("thousands of")
//	  of billions
//
// In a range a percent sign or currency written once applies to both ends,
// and so does a multiplier written after the second number when the first
// is the smaller numeral ("1.2 to 1.5 million"). A dash joins a range only
// between numbers written in digits, so "twenty-one" is not read as 1 to 20.
//
// A bound may have words that qualify its number between it and the
// number: an article and one or two of "estimated", "reported",
// "expected", "projected", "forecast", "recorded", "record", "official",
// "further", "additional", "extra" and "total of" ("more than an
// estimated 1,205", "over a total of 1,205"). They say where the number
// comes from or what it adds to, not how near the value is, and are read
// as if they were not there; an article alone is not passed over.
//
// A fraction, with or without a qualifier ("half", "roughly a third",
// "fewer than one in five", "two-thirds", "nine in ten"), is a number
// phrase about a share: the value as a fraction (0.33, or 33 in percent
// units) is checked as v/w is in "a third of" below, with w = 1.
//
// The suggestion for a number is the phrase's own qualifier with the value
// at the phrase's precision when that holds ("at least 11,960"), and
// otherwise "about" and the value to two significant figures ("about
// 12,000"), or more figures when the tolerance asks for them; for a share,
// the share in per cent ("30%").
//
// # Comparisons
//
// A comparison says how v stands to another value w; percentages are
// compared as the fractions they are.
//
//	more than, greater than, larger than, higher than, bigger than, above   v > w
//	fewer than, less than, smaller than, lower than, below                  v < w
//	up from / down from                                                     v > w / v < w
//	far (much, many) more than                                              v ≥ 2w (for positive w)
//	far (much) fewer than                                                   v ≤ w/2 (for positive w)
//	as many as, as much as, as high as, the same as, equal to               v and w equal at 3 significant figures
//	about the same as, about as many as                                     |v − w| ≤ a·|w|
//	nearly as many as, almost as much as                                    at most a·|w| short of w
//	at least as many as                                                     v ≥ w
//	slightly (just, a little) more than, just over, slightly above          w < v ≤ w + a·|w|
//	slightly (just, a little) less than, just below                         w − a·|w| ≤ v < w
//	well above, well over / well below, well under                          v > w + a·|w| / v < w − a·|w|
//	N percentage points more than (higher than, above …)                    100·(v − w) rounds to N
//	N percentage points less than (lower than, below …)                     100·(w − v) rounds to N
//	N points ahead of / N points behind                                     the same, of values in percent or points (a poll's lead)
//	N more than (higher than, above …), rose by N, up N [on, from]          v − w rounds to N at N's precision, or holds with its qualifier
//	N fewer than (lower than, below …), fell by N, down N [from, on]        w − v the same; of two percentages refused (that is points)
//	N times [as many as], twice, double, triple, fourfold, 10-fold          v/w rounds to N at N's precision, two figures at least
//	  (has) doubled, tripled, trebled, quadrupled
//	half [as many as], a third of … a twentieth of, one in five, halved     w/v rounds to 2.0, 3.0 … 9.0, 10 … 20
//	two-thirds of, three quarters as many as, nine in ten, nine out of ten  v/w rounds to the fraction at two figures
//	a fifth more than, rose by a fifth, up a fifth [on, from]               v/w − 1 as the fraction is read
//	a third less than, fell by a third, down by a third [from, on]          1 − v/w as the fraction is read
//	N% of                                                                   100·v/w rounds to N
//	N% more than (higher than, above …), up N% [on, from], N% up on,        100·(v/w − 1) rounds to N
//	  rose (grew, increased, climbed, jumped) by N% [from, on]
//	N% less than (fewer than, lower than, below …), down N% [on, from],     100·(1 − v/w) rounds to N
//	  fell (dropped, declined, decreased, shrank) by N% [from, on]
//
// Of values in percent or in percentage points (Quantity.Percent,
// Quantity.Points) the difference in points is v − w itself, not 100·(v − w).
//
// The verbs of a change may be written as participles after "has" or
// "have": "has fallen by half", "has more than doubled", "have risen by
// 30%". A suggestion for a phrase with a verb keeps it, or its opposite:
// "fell by 56%", "rose by 39%", "has more than doubled", "has risen by
// 50%" for a "has doubled" that is false.
//
// A count read at its one figure would stretch too far: "twice" would hold
// for 1.5 times, "half" for two-thirds and "a million" for half a million;
// so "twice" holds from 1.95 up to 2.05 times, as "2.0 times" does.
//
// Every ratio may take a number qualifier: "more than twice as many as",
// "less than half", "about a third of", "nearly 30% more than". A ratio to
// a w of 0 or below is never true: against -300, -390 would be "30% more
// than" and -600 "twice", though each is less. "N times more than" is not
// accepted: readers take it both as N times as many and as N + 1 times as
// many; nor is "N times fewer than", a division in the words of a
// multiplication. The error names the phrases to write instead.
//
// The suggestion for a comparison is the true relation in the phrase's own
// words: a ratio for a ratio when both values are positive ("nine times as
// many as", "a ninth of", "20% more than"), and otherwise "more than",
// "fewer than", "the same as" or "about the same as".
//
// # Languages
//
// With Options.Language "de" or "fr", a phrase all of whose words are
// German (French) is read as its English twin, word for word through a
// table of the language (languages/de.yaml, languages/fr.yaml): "bis Mitte April" is "by
// mid-April", "im Frühjahr 2025" "in spring 2025", "vor Ende März" "before
// the end of March", "Anfang 2025" "early 2025", "innerhalb von sechs
// Wochen" "within six weeks", "etwa 12.000" "about 12,000", "knapp" and
// "fast" "nearly", "doppelt so viele wie" "twice as many as", "30 % mehr
// als" "30% more than"; "d'ici la mi-avril", "au printemps 2025", "avant
// fin mars", "dans les six semaines", "environ 12 000", "près de",
// "deux fois plus que", "moitié moins que" and "30 % de plus que" in
// French. "Anfang", "Mitte" and "Ende" ("début", "mi-", "fin") of a month
// or a year are its thirds, as the approx format writes them. A phrase
// with any other word is read as English, as on any page. In a phrase of
// the language numbers are written with the page's marks (Options.Decimal
// and Options.Group, or the language's own): "12.000" and "3,5" in
// German, "12 000" and "3,5" in French. A decimal mark followed by three
// zeros ("12,000", twelve thousand to a reader of English and 12 to one of
// German) is refused, and so is a mark the language does not write between
// digits ("1.5" in French); other decimals are the language's ("8,845" is
// 8.845 in German, as plotline writes it). "bis April", "bis 2030", "jusqu'en
// avril" and the like are refused as "until April" is, naming what to
// write; "bis Mitte April" and "bis zum 15. April" are "by" phrases. A
// slip in a word of the language is put right in the language ("Febuar"
// to "Februar"), and the suggestion of a verdict is written in the
// language where its table has the words and the wording holds ("Ende
// August 2025", "etwa 12.000", "2,3-mal so viele wie"), and in English
// otherwise. Meanings and values stay in English, as messages are.
//
// Numbers are compared as exact decimals: a float64 counts as its shortest
// decimal form, so 0.29 is 29%, and 11,400 is "about 12,000" while
// 11,399.99 is not.
//
// # History
//
// History checks an observation of a Series of days, months or years
// against the rest of it. Every other observation it reads is of the
// series' own grain, found by its date; one that is missing is an *Error
// naming it, never interpolated.
//
//	C on | from | than | as  a year earlier, last year, C, a comparison above, of v against the observation a year (a month,
//	  the previous year, the year before, a year ago,   a week, a day) before: on a monthly series the same month, on a daily
//	  the same month last year; C year on year          one the same day; a step finer than the series is refused
//	C since | on | from | than [in] | as [in] D         C against the observation of D, a year, month or day named to the
//	                                                    series' grain ("since 2010" of a monthly series is refused)
//	a record | new | all-time high (low)                higher (lower) than every observation before v
//	the highest [N] on record | ever | since records    higher than every other observation, before or after v
//	  began | of all time
//	the second | third … | 2nd … highest [N] on record exactly one (two …) other observation higher, none level with v;
//	  (ever, since records began, of all time)          a value level with another is refused
//	the highest [N] since D                             higher than every observation after D, and the latest before v at
//	                                                    least as high is of D
//	has risen (fallen …) every N since D                a rise (fall) on every observation after D, and on D's itself
//	rose for the third N in a row, for a third          exactly three rises in a row ending at v
//	  consecutive N
//	has risen for three Ns in a row, for three          three rises in a row ending at v, at least and exactly
//	  consecutive Ns
//
// "The" may be "its" or "their" ("its highest level since 1998").
// "Highest" may be any of largest, biggest, greatest, most, warmest,
// hottest, wettest and their kin, "lowest" smallest, fewest, least,
// coldest, driest and theirs. N, when it names a span of time (day,
// week, month, quarter, summer, year …), must be the series' grain; a
// month's name on a monthly series keeps to that month of every year
// ("the warmest March since 1998"); any other noun ("the highest level")
// only says what the value is. A tie is not a record.
//
// "The highest since 1998" is read two ways: as higher than every
// observation after 1998, and as the highest since 1998, which was as
// high. It holds when the latest observation as high is of 1998, is false
// when it is later, and is refused when it is earlier or there is none,
// the first reading holding and the second not. "Every year since 2020"
// is read with 2020's own rise and without it, and "for three years in a
// row" as at least three and as exactly three; each holds or fails only
// where both readings agree, and is refused otherwise, as is a run that
// reaches the start of the series or a missing observation.
//
// "Rose 3% a year" and "grew 2% annually" are refused: readers take them
// both as compound growth and as the mean of the yearly changes; the
// change over the whole time ("up 34% since 2010") is what to write. So
// are "doubled in a decade" and "over the past ten years", counted back
// to different years by different readers, "since last year", "the
// highest in 20 years", and "a record" without high or low.
//
// The suggestion for a change is the comparison's own, followed by the
// words it was measured with; for a record, "the highest since" the date
// of the latest observation as high, or "a record high"; for a run, the
// run there is ("has risen for 4 years in a row", "has risen every year
// since 2021").
package claim
