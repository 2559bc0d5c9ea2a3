//! Calendar dates, proleptic Gregorian, without a date crate: reading the ISO
//! dates documents carry, and the day arithmetic and ISO 8601 week numbers that
//! time windows need.

use std::fmt;

/// The months' names in English, lower case, January first.
pub const MONTHS: [&str; 12] =
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/// The number (1–12) of a month's English name or its abbreviation, in any case.
///
/// ```
/// use quotegraph::date::month_number;
/// assert_eq!((month_number("March"), month_number("sept"), month_number("Mars")), (Some(3), Some(9), None));
/// ```
pub fn month_number(name: &str) -> Option<u32> {
    let n = name.to_ascii_lowercase();
    let n = if n == "sept" { "sep" } else { n.as_str() };
    MONTHS.iter().position(|m| n == *m || n.len() == 3 && m.starts_with(n)).map(|i| i as u32 + 1)
}

/// A calendar date.
///
/// ```
/// use quotegraph::date::Date;
/// let d = Date::parse_iso("2015-11-09T10:30:00Z").unwrap();
/// assert_eq!((d.year, d.month, d.day), (2015, 11, 9));
/// assert_eq!(d.to_string(), "2015-11-09");
/// assert!(Date::new(2015, 2, 29).is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year (four digits in every date quotegraph reads).
    pub year: i32,
    /// 1–12.
    pub month: u32,
    /// 1–31.
    pub day: u32,
}

/// True for a Gregorian leap year.
pub fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// The number of days in a month (0 for a month that is not 1–12).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The value of `n` ASCII digits at the start of `b`.
fn digits(b: &[u8], n: usize) -> Option<u32> {
    if b.len() < n || !b[..n].iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b[..n].iter().fold(0, |v, d| v * 10 + u32::from(d - b'0')))
}

impl Date {
    /// A date, if it exists.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        (day >= 1 && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// The date at the start of `s` when it opens with `YYYY-MM-DD` and no further digit
    /// follows (a time or a zone may: "2015-11-09T10:30:00+01:00", "2015-11-09 10:30").
    ///
    /// ```
    /// use quotegraph::date::Date;
    /// assert!(Date::parse_iso("2015-11-09").is_some());
    /// assert!(Date::parse_iso("2015-11").is_none());
    /// assert!(Date::parse_iso("2015-13-01").is_none());
    /// assert!(Date::parse_iso("2015-11-090").is_none());
    /// ```
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' || b.get(10).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        Date::new(digits(b, 4)? as i32, digits(&b[5..], 2)?, digits(&b[8..], 2)?)
    }
}

impl Date {
    /// Days since 1970-01-01 (negative before it).
    ///
    /// ```
    /// use quotegraph::date::Date;
    /// assert_eq!(Date::new(1970, 1, 2).unwrap().days(), 1);
    /// assert_eq!(Date::from_days(16748), Date::new(2015, 11, 9).unwrap());
    /// ```
    pub fn days(self) -> i64 {
        // H. Hinnant's days_from_civil: years counted from March, in 400-year eras
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The date `n` days later (earlier for a negative `n`).
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }

    /// The day of the week, ISO numbered: 1 for Monday to 7 for Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday
        ((self.days() + 3).rem_euclid(7) + 1) as u32
    }

    /// The ISO 8601 week: (week-numbering year, week 1–53). Weeks run Monday to Sunday
    /// and belong to the year that holds their Thursday, so the first days of January
    /// can fall in the last week of the year before and the last days of December in
    /// week 1 of the next.
    ///
    /// ```
    /// use quotegraph::date::Date;
    /// assert_eq!(Date::new(2015, 11, 9).unwrap().iso_week(), (2015, 46));
    /// assert_eq!(Date::new(2016, 1, 1).unwrap().iso_week(), (2015, 53));
    /// assert_eq!(Date::new(2014, 12, 29).unwrap().iso_week(), (2015, 1));
    /// ```
    pub fn iso_week(self) -> (i32, u32) {
        let thursday = self.add_days(4 - i64::from(self.weekday()));
        let ordinal = thursday.days() - Date { year: thursday.year, month: 1, day: 1 }.days();
        (thursday.year, (ordinal / 7) as u32 + 1)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leap_years_follow_the_gregorian_rule() {
        assert!(is_leap(2016) && is_leap(2000) && !is_leap(1900) && !is_leap(2015));
        assert_eq!(days_in_month(2016, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(2015, 4, 31).is_none());
        assert!(Date::new(2015, 0, 1).is_none());
    }

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn day_numbers_and_weekdays() {
        assert_eq!(d(1970, 1, 1).days(), 0);
        assert_eq!(d(1969, 12, 31).days(), -1);
        assert_eq!(d(2000, 2, 29).days(), 11016);
        assert_eq!(d(2015, 11, 9).days(), 16748);
        assert_eq!(d(1970, 1, 1).weekday(), 4);
        assert_eq!(d(2015, 11, 9).weekday(), 1);
        assert_eq!(d(2016, 1, 3).weekday(), 7);
        assert_eq!(d(1900, 1, 1).weekday(), 1);
        assert_eq!(d(2015, 12, 31).add_days(1), d(2016, 1, 1));
        assert_eq!(d(2016, 3, 1).add_days(-1), d(2016, 2, 29));
    }

    #[test]
    fn iso_weeks_at_year_boundaries() {
        // a year whose January 1 is a Thursday has 53 weeks (2015, 2026), and so
        // has a leap year that starts on a Wednesday (2020)
        assert_eq!(d(2015, 1, 1).iso_week(), (2015, 1));
        assert_eq!(d(2014, 12, 28).iso_week(), (2014, 52));
        assert_eq!(d(2014, 12, 29).iso_week(), (2015, 1));
        assert_eq!(d(2015, 12, 31).iso_week(), (2015, 53));
        assert_eq!(d(2016, 1, 3).iso_week(), (2015, 53));
        assert_eq!(d(2016, 1, 4).iso_week(), (2016, 1));
        assert_eq!(d(2020, 12, 31).iso_week(), (2020, 53));
        assert_eq!(d(2021, 1, 3).iso_week(), (2020, 53));
        assert_eq!(d(2008, 12, 29).iso_week(), (2009, 1));
        assert_eq!(d(2010, 1, 3).iso_week(), (2009, 53));
        assert_eq!(d(2018, 12, 31).iso_week(), (2019, 1));
        assert_eq!(d(2026, 1, 1).iso_week(), (2026, 1));
        assert_eq!(d(2000, 2, 29).iso_week(), (2000, 9));
    }

    #[test]
    fn every_day_of_four_decades_round_trips_and_weeks_turn_on_mondays() {
        let (first, last) = (d(1995, 1, 1).days(), d(2035, 12, 31).days());
        let mut prev = Date::from_days(first - 1);
        for n in first..=last {
            let day = Date::from_days(n);
            assert_eq!(day.days(), n);
            assert_eq!(Date::new(day.year, day.month, day.day), Some(day));
            assert_eq!(day.weekday(), prev.weekday() % 7 + 1, "{day}");
            let (wy, w) = day.iso_week();
            let (py, pw) = prev.iso_week();
            if day.weekday() == 1 {
                // a new week: the next number, or week 1 after week 52 or 53
                assert!((wy, w) == (py, pw + 1) || (wy == py + 1 && w == 1 && pw >= 52), "{day}: {wy}-W{w} after {py}-W{pw}");
            } else {
                assert_eq!((wy, w), (py, pw), "{day}");
            }
            // week 1 is the week with January 4 in it
            if (day.month, day.day) == (1, 4) {
                assert_eq!((wy, w), (day.year, 1));
            }
            prev = day;
        }
    }

    #[test]
    fn iso_dates_are_read_with_or_without_a_time() {
        assert_eq!(Date::parse_iso("2015-11-09 10:30"), Date::new(2015, 11, 9));
        assert_eq!(Date::parse_iso("2015-11-09T10:30:00Z"), Date::new(2015, 11, 9));
        assert_eq!(Date::parse_iso("20151109"), None);
        assert_eq!(Date::parse_iso("2015/11/09"), None);
        assert_eq!(Date::parse_iso("yesterday"), None);
        assert_eq!(Date::parse_iso("2015-1é-09"), None);
    }
}
