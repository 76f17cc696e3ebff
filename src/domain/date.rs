//! Calendar dates (`YYYY-MM-DD`) for bank review dates, expiry, review scheduling and the daily set.
//!
//! Pure arithmetic on the proleptic Gregorian calendar. One rule for "today" everywhere — the app on
//! any device and the `anxin-bank` tool: the date on the Beijing calendar (UTC+8, no daylight saving),
//! because the banks are Chinese and their `valid_until` dates are Beijing dates
//! (`Date::beijing_from_unix_ms`). The clock itself is read by the platform layer or the tool.

use serde::{Deserialize, Serialize};

/// Beijing time's offset from UTC, in minutes (China keeps no daylight saving time).
pub const BEIJING_OFFSET_MINUTES: i32 = 8 * 60;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// The earliest date there is (0000-01-01): no `valid_until` is before it.
    pub const EARLIEST: Date = Date {
        year: 0,
        month: 1,
        day: 1,
    };

    /// A date if it exists in the calendar.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses exactly `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let num = |s: &str| -> Option<u16> {
            s.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| s.parse().ok())?
        };
        let year = num(&text[0..4])?;
        let month = u8::try_from(num(&text[5..7])?).ok()?;
        let day = u8::try_from(num(&text[8..10])?).ok()?;
        Date::new(year, month, day)
    }

    /// The Beijing calendar date (UTC+8) of a Unix time in milliseconds: what "today" means for the
    /// app on every device and for the `anxin-bank` tool, whatever the device's time zone.
    pub fn beijing_from_unix_ms(ms: f64) -> Date {
        Date::from_unix_ms(ms, BEIJING_OFFSET_MINUTES)
    }

    /// The date of a Unix time in milliseconds, in UTC shifted by `offset_minutes` (east positive).
    /// Private: a device's own offset must not decide which questions are current.
    fn from_unix_ms(ms: f64, offset_minutes: i32) -> Date {
        let days = ((ms / 60_000.0 + f64::from(offset_minutes)) / 1440.0).floor() as i64;
        Date::from_days(days)
    }

    /// Days since 1970-01-01.
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)).clamp(0, 9999) as u16;
        Date { year, month, day }
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse(&text).ok_or_else(|| serde::de::Error::custom("expected a date YYYY-MM-DD"))
    }
}

/// The hour (0–23) on the Beijing clock of a Unix time in milliseconds (0 for a time that is
/// not a number).
pub fn beijing_hour(ms: f64) -> u8 {
    let hours = (ms / 3_600_000.0 + f64::from(BEIJING_OFFSET_MINUTES) / 60.0).floor();
    if hours.is_finite() {
        hours.rem_euclid(24.0) as u8
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_real_dates() {
        assert_eq!(
            Date::parse("2024-02-29").map(|d| d.to_string()),
            Some("2024-02-29".into())
        );
        assert_eq!(Date::parse("2023-02-29"), None);
        assert_eq!(Date::parse("2023-13-01"), None);
        assert_eq!(Date::parse("2023-1-01"), None);
        assert_eq!(Date::parse("+023-01-01"), None);
        assert_eq!(Date::parse("2023/01/01"), None);
    }

    #[test]
    fn unix_time_maps_to_the_calendar_day_at_an_offset() {
        // 2026-11-26T20:00:00Z is already the 27th in Beijing (UTC+8).
        let ms = 1_795_723_200_000.0;
        assert_eq!(Date::from_unix_ms(ms, 0).to_string(), "2026-11-26");
        assert_eq!(Date::from_unix_ms(ms, 480).to_string(), "2026-11-27");
        assert_eq!(Date::from_unix_ms(0.0, 0).to_string(), "1970-01-01");
    }

    fn utc_ms(date: &str, hour: i64, minute: i64) -> f64 {
        let days = Date::parse(date).unwrap().days_since_epoch();
        ((days * 24 + hour) * 60 + minute) as f64 * 60_000.0
    }

    #[test]
    fn today_is_the_beijing_date_whatever_the_device_zone() {
        // 23:30 UTC on 4 December is 07:30 on 5 December in Beijing.
        let late = utc_ms("2026-12-04", 23, 30);
        assert_eq!(Date::beijing_from_unix_ms(late).to_string(), "2026-12-05");
        // Beijing's midnight is 16:00 UTC the day before.
        let before = utc_ms("2026-12-04", 15, 59);
        let after = utc_ms("2026-12-04", 16, 0);
        assert_eq!(Date::beijing_from_unix_ms(before).to_string(), "2026-12-04");
        assert_eq!(Date::beijing_from_unix_ms(after).to_string(), "2026-12-05");
        // New Year's Eve in Europe is already New Year's Day in Beijing.
        let eve = utc_ms("2026-12-31", 20, 0);
        assert_eq!(Date::beijing_from_unix_ms(eve).to_string(), "2027-01-01");
        assert_eq!(
            Date::beijing_from_unix_ms(-8.0 * 3_600_000.0).to_string(),
            "1970-01-01"
        );
    }

    #[test]
    fn day_numbers_round_trip() {
        for text in ["1970-01-01", "2000-02-29", "2026-11-26", "2100-12-31"] {
            let d = Date::parse(text).unwrap();
            assert_eq!(Date::from_days(d.days_since_epoch()), d);
        }
        assert!(Date::parse("2026-01-01") < Date::parse("2026-01-02"));
    }
}
