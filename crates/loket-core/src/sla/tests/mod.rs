//! Tests of the SLA clock, by part: settings, the office calendar, the
//! request clock and the report. Helpers for all of them are here.

mod calendar;
mod clock;
mod settings;

use super::calendar::wib_day;
use super::*;
use crate::db::testing::each_engine;
use crate::error::ErrorCode;
use crate::model::{Event, Outcome, Status};
use chrono::{Datelike, NaiveDate};

const MIN: i64 = 60_000;
const HOUR: i64 = 60 * MIN;
const DAY: i64 = 24 * HOUR;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// UTC ms of a WIB wall-clock time.
fn wib(y: i32, m: u32, d: u32, h: u32, mi: u32) -> i64 {
    date(y, m, d)
        .and_hms_opt(h, mi, 0)
        .unwrap()
        .and_utc()
        .timestamp_millis()
        - 7 * HOUR
}

// The week used throughout: Thursday 26 .. Monday 30 November 2026.
fn wed(h: u32, m: u32) -> i64 {
    wib(2026, 11, 25, h, m)
}
fn thu(h: u32, m: u32) -> i64 {
    wib(2026, 11, 26, h, m)
}
fn fri(h: u32, m: u32) -> i64 {
    wib(2026, 11, 27, h, m)
}
fn sat(h: u32, m: u32) -> i64 {
    wib(2026, 11, 28, h, m)
}
fn mon(h: u32, m: u32) -> i64 {
    wib(2026, 11, 30, h, m)
}

fn ev(at: i64, from: Option<Status>, to: Status) -> Event {
    Event {
        at,
        operator: "SITI".into(),
        from_status: from,
        to_status: to,
        outcome: (to == Status::Done).then_some(Outcome::Updated),
        note: String::new(),
    }
}

/// received at `t0`, then each `(at, to)` move in order.
fn history(t0: i64, moves: &[(i64, Status)]) -> Vec<Event> {
    let mut out = vec![ev(t0, None, Status::Received)];
    for &(at, to) in moves {
        let from = out.last().map(|e| e.to_status);
        out.push(ev(at, from, to));
    }
    out
}

fn defaults() -> SlaSettings {
    SlaSettings::default()
}

fn with_holidays(days: &[NaiveDate]) -> SlaSettings {
    let mut s = defaults();
    s.office_hours.holidays = days.to_vec();
    s
}

fn err_code<T: std::fmt::Debug>(r: crate::Result<T>) -> ErrorCode {
    r.expect_err("must be refused").code
}
