package data

import "time"

// IsHoliday reports whether d is a general holiday in the sense of the Algemene termijnenwet
// (art. 3): New Year's Day, Easter Monday, Ascension Day, Whit Monday, Christmas and Boxing Day,
// the monarch's birthday (King's Day, before 2014 Queen's Day) and 5 May. Good Friday is not one. A statutory period that ends on such a day
// runs on to the next working day, and so do our deadlines.
func IsHoliday(d Date) bool {
	m, day := d.Month(), d.Day()
	switch {
	case m == time.January && day == 1,
		m == time.May && day == 5,
		m == time.December && (day == 25 || day == 26):
		return true
	case m == time.April && d == monarchsDay(d.Year()):
		return true
	}
	easter := Easter(d.Year())
	switch d {
	case easter.AddDays(1), easter.AddDays(39), easter.AddDays(50):
		return true
	}
	return false
}

// monarchsDay is the holiday of the monarch's birthday in year: from 2014 King's Day,
// 27 April, before that Queen's Day, 30 April; either moves a day earlier when it falls on a
// Sunday. Imported history keeps the deadlines of the holidays in force at the time.
func monarchsDay(year int) Date {
	d := NewDate(year, time.April, 27)
	if year < 2014 {
		d = NewDate(year, time.April, 30)
	}
	if d.Weekday() == time.Sunday {
		return d.AddDays(-1)
	}
	return d
}

// Easter returns Easter Sunday of the Gregorian calendar (the anonymous algorithm,
// also known as Meeus/Jones/Butcher).
func Easter(year int) Date {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return NewDate(year, time.Month(month), day)
}

// IsWorkingDay reports whether d is neither a weekend day nor a general holiday.
func IsWorkingDay(d Date) bool {
	wd := d.Weekday()
	return wd != time.Saturday && wd != time.Sunday && !IsHoliday(d)
}

// NextWorkingDay returns d itself when it is a working day, else the first working day after it.
func NextWorkingDay(d Date) Date {
	for !IsWorkingDay(d) {
		d = d.AddDays(1)
	}
	return d
}

// AddWorkingDays is the working day n working days after d, skipping weekends and holidays.
func AddWorkingDays(d Date, n int) Date {
	for ; n > 0; n-- {
		d = NextWorkingDay(d.AddDays(1))
	}
	return d
}
