//! Time in Loket: stored as UTC milliseconds, shown and bucketed in WIB.
//!
//! The office works in WIB (Asia/Jakarta, UTC+7, no daylight saving), so a
//! fixed offset is exact and needs no time-zone database. Core functions take
//! `now` as an argument so tests and seeding can set the clock.

use chrono::{DateTime, FixedOffset, NaiveDate, Offset, TimeZone, Utc};

/// UTC+7.
pub fn wib() -> FixedOffset {
    // 7 * 3600 is always in range; `east_opt` only fails beyond ±24h.
    FixedOffset::east_opt(7 * 3600).unwrap_or_else(|| Utc.fix())
}

pub fn now_ms() -> i64 {
    Utc::now().timestamp_millis()
}

pub fn to_wib(ms: i64) -> DateTime<FixedOffset> {
    let utc = Utc.timestamp_millis_opt(ms).single().unwrap_or_default();
    utc.with_timezone(&wib())
}

/// The WIB calendar date of a moment.
pub fn wib_date(ms: i64) -> NaiveDate {
    to_wib(ms).date_naive()
}

/// `dd-mm-yyyy HH:MM WIB`, as the UI and prints show it.
pub fn format_wib(ms: i64) -> String {
    to_wib(ms).format("%d-%m-%Y %H:%M WIB").to_string()
}

/// Parses `YYYY-MM-DD` (also `DD-MM-YYYY`, as printed on documents).
pub fn parse_date(s: &str) -> crate::Result<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d-%m-%Y"))
        .map_err(|_| {
            crate::LoketError::new(
                crate::ErrorCode::MasukanTidakValid,
                format!(
                    "Tanggal tidak valid: \"{}\". Tulis seperti 2026-11-25 atau 25-11-2026.",
                    s.chars().take(20).collect::<String>()
                ),
            )
        })
}

/// The UTC instant at which WIB day `d` starts.
fn wib_start_ms(d: NaiveDate) -> i64 {
    d.and_time(chrono::NaiveTime::MIN)
        .and_utc()
        .timestamp_millis()
        - 7 * 3_600_000
}

/// The UTC half-open interval `[start, end)` of the WIB days `from..=to`
/// (one day: `range_ms(d, d)`), or a refusal: `to` before `from`, or a date
/// at the calendar's end.
pub fn range_ms(from: NaiveDate, to: NaiveDate) -> crate::Result<(i64, i64)> {
    let show = |d: NaiveDate| d.format("%d-%m-%Y").to_string();
    let invalid =
        |message: String| crate::LoketError::new(crate::ErrorCode::MasukanTidakValid, message);
    if to < from {
        return Err(invalid(format!(
            "Tanggal akhir ({}) sebelum tanggal awal ({}). Tukar atau perbaiki tanggalnya.",
            show(to),
            show(from)
        )));
    }
    let end = to
        .succ_opt()
        .ok_or_else(|| invalid(format!("Tanggal {} di luar jangkauan.", show(to))))?;
    Ok((wib_start_ms(from), wib_start_ms(end)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wib_is_utc_plus_seven() {
        // 2026-11-25 17:30 UTC is 26-11-2026 00:30 WIB: the WIB date decides
        // which day's registration series a request belongs to.
        let ms = Utc
            .with_ymd_and_hms(2026, 11, 25, 17, 30, 0)
            .single()
            .map(|d| d.timestamp_millis())
            .unwrap_or_default();
        assert_eq!(format_wib(ms), "26-11-2026 00:30 WIB");
        assert_eq!(
            wib_date(ms),
            NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default()
        );
    }
}
