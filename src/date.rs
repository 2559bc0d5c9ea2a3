//! Calendar dates, proleptic Gregorian, without a date crate: reading the ISO
//! dates documents carry, and the day arithmetic that time windows need.

use std::fmt;

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
