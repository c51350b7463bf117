//! Decoding the `DDMMYY` part (digits 7–12) of a NIK or KK number.
//!
//! The century is not written, so it has to be chosen; and a date that does
//! not exist (31 April, 29 February of a common year) is a sign of a typing
//! error that the operator must see. The NIK and KK rules differ (women's
//! +40 on the NIK only; future dates), so this module only provides the
//! shared pieces and the wording of date problems.

use chrono::{Datelike, NaiveDate};

/// Why digits 7–12 are not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateProblem {
    /// The day field is outside the allowed ranges (as written, with +40).
    Day(u32),
    /// The month is not 01–12.
    Month(u32),
    /// The month has no such day in any year (e.g. 31 April).
    NoSuchDay { day: u32, month: u32 },
    /// 29 February in a common year.
    NotLeap(i32),
}

/// Splits 6 ASCII digits into (DD, MM, YY).
pub(crate) fn split_ddmmyy(six: &str) -> Option<(u32, u32, u32)> {
    let part = |r: std::ops::Range<usize>| six.get(r).and_then(|s| s.parse::<u32>().ok());
    if six.len() != 6 {
        return None;
    }
    Some((part(0..2)?, part(2..4)?, part(4..6)?))
}

/// Checks that `day` (1–31) can occur in `month` in some year (29 February
/// allowed; whether its year is a leap year is checked once the year is
/// known).
pub(crate) fn check_day_month(day: u32, month: u32) -> Result<(), DateProblem> {
    let max = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => 29,
        _ => return Err(DateProblem::Month(month)),
    };
    if day == 0 || day > max {
        return Err(DateProblem::NoSuchDay { day, month });
    }
    Ok(())
}

/// The latest year ending in `yy` that is not after `today`'s year.
pub(crate) fn latest_year(yy: u32, today: NaiveDate) -> i32 {
    let year = today.year();
    // yy < 100, so the cast is lossless.
    year - (year - yy as i32).rem_euclid(100)
}

/// The latest date with this day and month in a year ending in `yy` that is
/// not after `today` (a date later than today in the current century goes
/// back 100 years). Errors only for 29 February in common years.
pub(crate) fn latest_not_future(
    day: u32,
    month: u32,
    yy: u32,
    today: NaiveDate,
) -> Result<NaiveDate, DateProblem> {
    let latest = latest_year(yy, today);
    let mut first_missing = None;
    for year in [latest, latest - 100, latest - 200] {
        match NaiveDate::from_ymd_opt(year, month, day) {
            Some(date) if date <= today => return Ok(date),
            Some(_) => {}
            None => {
                first_missing.get_or_insert(year);
            }
        }
    }
    Err(DateProblem::NotLeap(first_missing.unwrap_or(latest)))
}

/// The Indonesian month name, e.g. 4 → `April`.
pub(crate) fn month_name(month: u32) -> &'static str {
    match month {
        1 => "Januari",
        2 => "Februari",
        3 => "Maret",
        4 => "April",
        5 => "Mei",
        6 => "Juni",
        7 => "Juli",
        8 => "Agustus",
        9 => "September",
        10 => "Oktober",
        11 => "November",
        12 => "Desember",
        _ => "?",
    }
}

/// A date as printed on Indonesian documents: `DD-MM-YYYY`.
pub(crate) fn fmt_date(date: NaiveDate) -> String {
    format!("{:02}-{:02}-{:04}", date.day(), date.month(), date.year())
}

/// The explanation of a date problem, after "tidak valid: ". `day_rule`
/// tells which day values the document allows.
pub(crate) fn problem_text(problem: DateProblem, day_rule: &str) -> String {
    match problem {
        DateProblem::Day(dd) => format!("angka hari {dd:02} tidak mungkin ({day_rule})"),
        DateProblem::Month(mm) => format!("bulan {mm:02} tidak ada (harus 01 sampai 12)"),
        DateProblem::NoSuchDay { day, month } => {
            format!("tanggal {day} {} tidak ada", month_name(month))
        }
        DateProblem::NotLeap(year) => {
            format!("29 Februari {year} tidak ada ({year} bukan tahun kabisat)")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn century_is_the_latest_not_in_the_future() {
        let today = d(2026, 11, 25);
        assert!(today.is_some(), "test date exists");
        let Some(today) = today else { return };
        assert_eq!(latest_year(5, today), 2005, "YY 05 in 2026 is 2005");
        assert_eq!(latest_year(30, today), 1930, "YY 30 in 2026 is 1930");
        assert_eq!(latest_year(26, today), 2026, "YY 26 in 2026 is 2026");
        assert_eq!(
            latest_not_future(25, 11, 26, today).ok(),
            d(2026, 11, 25),
            "today itself is not in the future"
        );
        assert_eq!(
            latest_not_future(26, 11, 26, today).ok(),
            d(1926, 11, 26),
            "tomorrow in 2026 goes back a century"
        );
    }

    #[test]
    fn leap_days() {
        let Some(today) = d(2026, 11, 25) else { return };
        assert_eq!(
            latest_not_future(29, 2, 0, today).ok(),
            d(2000, 2, 29),
            "2000 is a leap year (divisible by 400)"
        );
        assert_eq!(
            latest_not_future(29, 2, 24, today).ok(),
            d(2024, 2, 29),
            "2024 is a leap year"
        );
        assert_eq!(
            latest_not_future(29, 2, 23, today),
            Err(DateProblem::NotLeap(2023)),
            "2023 (and 1923) are common years"
        );
    }

    #[test]
    fn day_month_ranges() {
        assert_eq!(
            check_day_month(31, 4),
            Err(DateProblem::NoSuchDay { day: 31, month: 4 }),
            "April has 30 days"
        );
        assert_eq!(
            check_day_month(29, 2),
            Ok(()),
            "29 Feb exists in some years"
        );
        assert_eq!(
            check_day_month(30, 2),
            Err(DateProblem::NoSuchDay { day: 30, month: 2 }),
            "30 Feb never"
        );
        assert_eq!(
            check_day_month(1, 13),
            Err(DateProblem::Month(13)),
            "no 13th month"
        );
        assert_eq!(
            check_day_month(1, 0),
            Err(DateProblem::Month(0)),
            "no month 00"
        );
        assert_eq!(split_ddmmyy("451290"), Some((45, 12, 90)), "DD MM YY");
        assert_eq!(split_ddmmyy("4512"), None, "too short");
    }
}
