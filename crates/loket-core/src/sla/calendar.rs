//! Office time between instants, and the instant office time runs out.
//!
//! Days are WIB calendar days computed with the fixed UTC+7 offset: day `d`
//! (days since 1970-01-01 WIB) starts at `d * DAY - 7 h` UTC. Work is per day,
//! and over long spans per whole week plus a correction per holiday, so the
//! cost does not grow with the length of the span.

use super::config::{OfficeHours, SlaSettings};

const DAY_MS: i64 = 86_400_000;
const WIB_OFFSET_MS: i64 = 7 * 3_600_000;
/// `NaiveDate::num_days_from_ce` of 1970-01-01.
const EPOCH_DAYS_FROM_CE: i64 = 719_163;
/// Spans of more days than this use the whole-week arithmetic.
const SHORT_SPAN_DAYS: i64 = 14;

/// How far ahead [`deadline_ms`] looks for office time.
pub const DEADLINE_HORIZON_DAYS: i64 = 60;

/// The WIB day (days since 1970-01-01 WIB) of a UTC instant.
pub(crate) fn wib_day(ms: i64) -> i64 {
    ms.saturating_add(WIB_OFFSET_MS).div_euclid(DAY_MS)
}

/// The UTC instant at which WIB day `d` starts.
fn day_start(d: i64) -> i64 {
    d.saturating_mul(DAY_MS).saturating_sub(WIB_OFFSET_MS)
}

/// `0` = Monday .. `6` = Sunday (1970-01-01 was a Thursday).
fn weekday(d: i64) -> usize {
    // rem_euclid(7) is in 0..7.
    (d + 3).rem_euclid(7) as usize
}

fn holiday_day(h: &chrono::NaiveDate) -> i64 {
    i64::from(chrono::Datelike::num_days_from_ce(h)) - EPOCH_DAYS_FROM_CE
}

fn is_holiday(oh: &OfficeHours, d: i64) -> bool {
    oh.holidays.iter().any(|h| holiday_day(h) == d)
}

/// Office milliseconds of a whole (non-holiday) weekday.
fn weekday_ms(oh: &OfficeHours, w: usize) -> i64 {
    oh.day(w).iter().map(|iv| iv.len_ms()).sum()
}

/// Office milliseconds of day `d` that fall within `[from, to)`.
fn open_in_day(oh: &OfficeHours, d: i64, from: i64, to: i64) -> i64 {
    if is_holiday(oh, d) {
        return 0;
    }
    let start = day_start(d);
    oh.day(weekday(d))
        .iter()
        .map(|iv| {
            let a = from.max(start.saturating_add(iv.open.ms()));
            let b = to.min(start.saturating_add(iv.close.ms()));
            (b - a).max(0)
        })
        .sum()
}

/// Office-hours milliseconds between two UTC instants (`0` when `to_ms <=
/// from_ms`), on the WIB calendar, holidays closed.
pub fn business_ms(settings: &SlaSettings, from_ms: i64, to_ms: i64) -> i64 {
    if to_ms <= from_ms {
        return 0;
    }
    let oh = &settings.office_hours;
    let (d0, d1) = (wib_day(from_ms), wib_day(to_ms));
    if d1 - d0 <= SHORT_SPAN_DAYS {
        return (d0..=d1).map(|d| open_in_day(oh, d, from_ms, to_ms)).sum();
    }
    // Partial first and last days, then the whole days between, [a, b].
    let mut total = i128::from(open_in_day(oh, d0, from_ms, to_ms))
        + i128::from(open_in_day(oh, d1, from_ms, to_ms));
    let (a, b) = (d0 + 1, d1 - 1);
    let days = b - a + 1;
    let week: i64 = (0..7).map(|w| weekday_ms(oh, w)).sum();
    total += i128::from(days / 7) * i128::from(week);
    for d in (a + days / 7 * 7)..=b {
        total += i128::from(weekday_ms(oh, weekday(d)));
    }
    for (i, h) in oh.holidays.iter().enumerate() {
        let d = holiday_day(h);
        if (a..=b).contains(&d) && !oh.holidays[..i].contains(h) {
            total -= i128::from(weekday_ms(oh, weekday(d)));
        }
    }
    i64::try_from(total.max(0)).unwrap_or(i64::MAX)
}

/// When `now_ms` falls inside an open interval (not a holiday), the UTC
/// instant that interval closes: until then a running clock counts one
/// millisecond per millisecond, so a screen may count down on its own. `None`
/// when the office is closed at `now_ms`.
pub fn open_until(settings: &SlaSettings, now_ms: i64) -> Option<i64> {
    let oh = &settings.office_hours;
    let d = wib_day(now_ms);
    if is_holiday(oh, d) {
        return None;
    }
    let ds = day_start(d);
    oh.day(weekday(d)).iter().find_map(|iv| {
        let (a, b) = (
            ds.saturating_add(iv.open.ms()),
            ds.saturating_add(iv.close.ms()),
        );
        (a <= now_ms && now_ms < b).then_some(b)
    })
}

/// The UTC instant at which the office time left of the promise
/// (`target − already_elapsed_ms`) runs out, counting from `start_ms`: the
/// countdown's end for a running clock. `start_ms` itself when nothing is
/// left; `None` when the time left does not run out within
/// [`DEADLINE_HORIZON_DAYS`] days of `start_ms` (no office time ahead).
///
/// Expects validated settings (each day's intervals sorted, as
/// [`SlaSettings::validated`] and `load_settings` return them).
pub fn deadline_ms(settings: &SlaSettings, start_ms: i64, already_elapsed_ms: i64) -> Option<i64> {
    after_office_ms(
        settings,
        start_ms,
        settings.target_ms().saturating_sub(already_elapsed_ms),
    )
}

/// The UTC instant at which `office_ms` of office time have passed since
/// `start_ms` (`start_ms` itself for `office_ms <= 0`); `None` beyond
/// [`DEADLINE_HORIZON_DAYS`] days. Used by [`deadline_ms`] and to place
/// synthetic histories in office hours (`demo`).
pub fn after_office_ms(settings: &SlaSettings, start_ms: i64, office_ms: i64) -> Option<i64> {
    let mut left = office_ms;
    if left <= 0 {
        return Some(start_ms);
    }
    let oh = &settings.office_hours;
    let horizon = start_ms.saturating_add(DEADLINE_HORIZON_DAYS * DAY_MS);
    let d0 = wib_day(start_ms);
    for d in d0..=wib_day(horizon) {
        if is_holiday(oh, d) {
            continue;
        }
        let ds = day_start(d);
        for iv in oh.day(weekday(d)) {
            let a = start_ms.max(ds.saturating_add(iv.open.ms()));
            let b = horizon.min(ds.saturating_add(iv.close.ms()));
            if b <= a {
                continue;
            }
            if left <= b - a {
                return Some(a + left);
            }
            left -= b - a;
        }
    }
    None
}
