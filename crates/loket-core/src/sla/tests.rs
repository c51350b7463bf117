#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::calendar::wib_day;
use super::*;
use crate::db;
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

// ---- defaults and settings -------------------------------------------------

#[test]
fn defaults_are_the_documented_office_week() {
    let s = defaults();
    let iv = |a, b| vec![OpenInterval::new(a, b).unwrap()];
    for (w, name) in ["mon", "tue", "wed", "thu"].iter().enumerate() {
        assert_eq!(
            s.office_hours.day(w),
            iv((7, 30), (15, 30)).as_slice(),
            "{name} is 07:30–15:30"
        );
    }
    assert_eq!(
        s.office_hours.friday,
        iv((7, 30), (14, 30)),
        "Jumat closes at 14:30"
    );
    assert!(s.office_hours.saturday.is_empty(), "Saturday closed");
    assert!(s.office_hours.sunday.is_empty(), "Sunday closed");
    assert!(s.office_hours.holidays.is_empty(), "no holidays by default");
    assert_eq!(s.target_minutes, 30, "promise is 30 minutes");
    assert_eq!(s.warning_minutes, 10, "amber at 10 minutes left");
    assert_eq!(s.validated().ok(), Some(s.clone()), "defaults are valid");
}

#[test]
fn time_of_day_parses_hh_mm_only() {
    for (s, m) in [("07:30", 450), ("7:30", 450), ("00:00", 0), ("24:00", 1440)] {
        assert_eq!(
            TimeOfDay::parse(s).map(TimeOfDay::minutes),
            Some(m),
            "{s} parses"
        );
    }
    for s in [
        "24:01", "12:60", "1230", "", "07:3", "-1:00", "+7:30", "007:30", "ab:cd", "07:30:00",
    ] {
        assert_eq!(TimeOfDay::parse(s), None, "{s:?} is refused");
    }
    let iv = OpenInterval::new((7, 30), (15, 30)).unwrap();
    assert_eq!(
        serde_json::to_string(&iv).unwrap(),
        r#"{"open":"07:30","close":"15:30"}"#,
        "intervals serialise as HH:MM"
    );
}

#[test]
fn load_gives_defaults_when_nothing_is_stored() {
    let conn = db::open_in_memory().unwrap();
    assert_eq!(
        load_settings(&conn).unwrap(),
        defaults(),
        "no row → defaults"
    );
}

#[test]
fn save_then_load_round_trips_normalised() {
    let conn = db::open_in_memory().unwrap();
    let mut s = defaults();
    s.target_minutes = 45;
    s.warning_minutes = 15;
    s.office_hours.saturday = vec![
        OpenInterval::new((10, 0), (12, 0)).unwrap(),
        OpenInterval::new((8, 0), (10, 0)).unwrap(),
    ];
    s.office_hours.holidays = vec![date(2026, 12, 25), date(2026, 1, 1), date(2026, 12, 25)];
    save_settings(&conn, &s).unwrap();
    let back = load_settings(&conn).unwrap();
    assert_eq!(back.target_minutes, 45, "target kept");
    assert_eq!(back.warning_minutes, 15, "warning kept");
    assert_eq!(
        back.office_hours.saturday[0].open.to_string(),
        "08:00",
        "intervals sorted"
    );
    assert_eq!(
        back.office_hours.holidays,
        vec![date(2026, 1, 1), date(2026, 12, 25)],
        "holidays sorted, duplicates dropped"
    );
    let raw = crate::settings::get(&conn, KEY_SLA).unwrap().unwrap();
    assert!(
        raw.contains(r#""holidays":["2026-01-01","2026-12-25"]"#),
        "stored as readable JSON: {raw}"
    );
}

#[test]
fn partial_stored_json_fills_in_defaults() {
    let s = parse_settings(r#"{"target_minutes": 60}"#).unwrap();
    assert_eq!(s.target_minutes, 60, "given field kept");
    assert_eq!(
        s.office_hours,
        OfficeHours::default(),
        "missing fields default"
    );
}

#[test]
fn malformed_stored_settings_are_a_coded_error() {
    let conn = db::open_in_memory().unwrap();
    for (raw, why) in [
        ("not json", "garbage"),
        (r#"{"target_minutes": "tiga puluh"}"#, "wrong type"),
        (
            r#"{"office_hours": {"monday": [{"open": "25:00", "close": "26:00"}]}}"#,
            "bad time",
        ),
        (
            r#"{"office_hours": {"holidays": ["31-02-2026"]}}"#,
            "bad date",
        ),
        (
            r#"{"office_hours": {"monday": [{"open": "08:00", "close": "12:00"}, {"open": "11:00", "close": "13:00"}]}}"#,
            "overlap",
        ),
        (r#"{"target_minutes": 0}"#, "zero target"),
    ] {
        crate::settings::set(&conn, KEY_SLA, raw).unwrap();
        let e = load_settings(&conn).expect_err(why);
        assert_eq!(e.code, ErrorCode::MasukanTidakValid, "{why}: coded");
        assert!(
            e.message.contains("Pengaturan waktu layanan"),
            "{why}: Indonesian message, got {}",
            e.message
        );
    }
}

#[test]
fn save_refuses_invalid_settings_and_writes_nothing() {
    let conn = db::open_in_memory().unwrap();
    let iv = |a, b| OpenInterval::new(a, b).unwrap();
    let cases: Vec<(&str, SlaSettings, &str)> = vec![
        (
            "overlap",
            {
                let mut s = defaults();
                s.office_hours.monday = vec![iv((7, 30), (12, 0)), iv((11, 0), (15, 30))];
                s
            },
            "bertumpuk",
        ),
        (
            "open after close",
            {
                let mut s = defaults();
                s.office_hours.tuesday = vec![iv((15, 30), (7, 30))];
                s
            },
            "harus sebelum jam tutup",
        ),
        (
            "empty interval",
            {
                let mut s = defaults();
                s.office_hours.tuesday = vec![iv((8, 0), (8, 0))];
                s
            },
            "harus sebelum jam tutup",
        ),
        (
            "target 0",
            SlaSettings {
                target_minutes: 0,
                warning_minutes: 0,
                ..defaults()
            },
            "1 sampai 1440",
        ),
        (
            "target 1441",
            SlaSettings {
                target_minutes: 1441,
                ..defaults()
            },
            "1 sampai 1440",
        ),
        (
            "warning not below target",
            SlaSettings {
                warning_minutes: 30,
                ..defaults()
            },
            "lebih kecil dari target",
        ),
        (
            "no office time at all",
            SlaSettings {
                office_hours: OfficeHours {
                    monday: vec![],
                    tuesday: vec![],
                    wednesday: vec![],
                    thursday: vec![],
                    friday: vec![],
                    ..OfficeHours::default()
                },
                ..defaults()
            },
            "Jam layanan kosong",
        ),
    ];
    for (why, s, msg) in cases {
        let e = save_settings(&conn, &s).expect_err(why);
        assert_eq!(e.code, ErrorCode::MasukanTidakValid, "{why}: coded");
        assert!(
            e.message.contains(msg),
            "{why}: message {:?} should say {msg:?}",
            e.message
        );
        assert_eq!(
            crate::settings::get(&conn, KEY_SLA).unwrap(),
            None,
            "{why}: nothing written"
        );
    }
    for t in [1, 1440] {
        let s = SlaSettings {
            target_minutes: t,
            warning_minutes: 0,
            ..defaults()
        };
        assert!(save_settings(&conn, &s).is_ok(), "target {t} is accepted");
    }
    let touching = {
        let mut s = defaults();
        s.office_hours.monday = vec![iv((7, 30), (12, 0)), iv((12, 0), (15, 30))];
        s
    };
    assert!(
        save_settings(&conn, &touching).is_ok(),
        "touching intervals do not overlap"
    );
    assert_eq!(err_code(parse_settings("42")), ErrorCode::MasukanTidakValid);
}

// ---- business_ms ------------------------------------------------------------

#[test]
fn thursday_1520_counts_ten_minutes_then_continues_friday() {
    let s = defaults();
    assert_eq!(
        business_ms(&s, thu(15, 20), thu(23, 0)),
        10 * MIN,
        "10 min before closing"
    );
    assert_eq!(
        business_ms(&s, thu(15, 20), fri(7, 30)),
        10 * MIN,
        "nothing counted overnight"
    );
    assert_eq!(
        business_ms(&s, thu(15, 20), fri(7, 50)),
        30 * MIN,
        "Friday 07:30–07:50 adds 20"
    );
    assert_eq!(
        deadline_ms(&s, thu(15, 20), 0),
        Some(fri(7, 50)),
        "deadline Friday 07:50"
    );
    let events = history(thu(15, 20), &[]);
    let c = clock_for(&s, &events, fri(7, 30));
    assert_eq!(c.elapsed_ms, 10 * MIN, "clock at Friday opening");
    assert_eq!(c.remaining_ms, 20 * MIN, "20 min left Friday morning");
    assert_eq!(c.level, SlaLevel::Ok, "20 min left is green");
    assert_eq!(
        deadline_ms(&s, fri(7, 30), c.elapsed_ms),
        Some(fri(7, 50)),
        "countdown from the running clock agrees"
    );
    assert_eq!(
        deadline_ms(&s, thu(16, 0), c.elapsed_ms),
        Some(fri(7, 50)),
        "countdown computed after closing agrees"
    );
}

#[test]
fn received_friday_after_closing_starts_monday_0730() {
    let s = defaults();
    assert_eq!(
        business_ms(&s, fri(14, 45), mon(7, 30)),
        0,
        "nothing until Monday opening"
    );
    assert_eq!(
        business_ms(&s, fri(14, 45), mon(7, 45)),
        15 * MIN,
        "Monday 07:30–07:45"
    );
    assert_eq!(
        deadline_ms(&s, fri(14, 45), 0),
        Some(mon(8, 0)),
        "deadline Monday 08:00"
    );
    let c = clock_for(&s, &history(fri(14, 45), &[]), sat(10, 0));
    assert_eq!(
        (c.state, c.elapsed_ms),
        (SlaState::Running, 0),
        "running but nothing counted on Saturday"
    );
}

#[test]
fn across_a_weekend() {
    let s = defaults();
    assert_eq!(
        business_ms(&s, fri(14, 20), mon(7, 50)),
        30 * MIN,
        "10 on Friday + 20 on Monday"
    );
    assert_eq!(
        deadline_ms(&s, fri(14, 20), 0),
        Some(mon(7, 50)),
        "deadline Monday 07:50"
    );
    assert_eq!(
        business_ms(&s, sat(0, 0), mon(0, 0)),
        0,
        "the whole weekend is closed"
    );
}

#[test]
fn a_holiday_in_between_is_closed() {
    let s = with_holidays(&[date(2026, 11, 27)]);
    assert_eq!(
        business_ms(&s, thu(15, 20), mon(8, 0)),
        40 * MIN,
        "10 Thursday + 0 holiday Friday + 30 Monday"
    );
    assert_eq!(
        deadline_ms(&s, thu(15, 20), 0),
        Some(mon(7, 50)),
        "deadline skips the holiday"
    );
    assert_eq!(
        business_ms(&s, fri(0, 0), sat(0, 0)),
        0,
        "the holiday itself is closed"
    );
}

#[test]
fn deadline_can_end_exactly_at_closing() {
    let s = defaults();
    assert_eq!(
        deadline_ms(&s, thu(15, 0), 0),
        Some(thu(15, 30)),
        "30 min left at 15:00 ends at closing, not the next morning"
    );
    assert_eq!(
        deadline_ms(&s, thu(9, 0), 30 * MIN),
        Some(thu(9, 0)),
        "nothing left: the deadline is now"
    );
    assert_eq!(
        deadline_ms(&s, thu(9, 0), 45 * MIN),
        Some(thu(9, 0)),
        "overdue: the deadline is behind"
    );
}

#[test]
fn deadline_is_none_without_office_time_in_sixty_days() {
    let start = date(2026, 12, 1);
    let s = with_holidays(
        &(0..=DEADLINE_HORIZON_DAYS)
            .map(|i| start + chrono::Days::new(i as u64))
            .collect::<Vec<_>>(),
    );
    assert_eq!(
        deadline_ms(&s, wib(2026, 12, 1, 0, 0), 0),
        None,
        "61 days of holidays: no deadline"
    );
    let s = with_holidays(&[start]);
    assert_eq!(
        deadline_ms(&s, wib(2026, 12, 1, 0, 0), 0),
        Some(wib(2026, 12, 2, 8, 0)),
        "one holiday only delays it a day"
    );
}

#[test]
fn wib_day_split_is_at_17_utc_and_there_is_no_dst() {
    // 17:00 UTC Wednesday is 00:00 WIB Thursday: the day boundary Loket uses.
    let midnight = wib(2026, 11, 26, 0, 0);
    let utc = chrono::DateTime::from_timestamp_millis(midnight).unwrap();
    assert_eq!(
        utc.format("%Y-%m-%d %H:%M").to_string(),
        "2026-11-25 17:00",
        "WIB midnight is 17:00 UTC"
    );
    assert_eq!(
        wib_day(midnight) - wib_day(midnight - 1),
        1,
        "the WIB day turns at 17:00 UTC"
    );
    // A night shift 22:00–02:00 WIB every day, split at WIB midnight.
    let mut s = defaults();
    let night = vec![
        OpenInterval::new((0, 0), (2, 0)).unwrap(),
        OpenInterval::new((22, 0), (24, 0)).unwrap(),
    ];
    for w in [
        &mut s.office_hours.monday,
        &mut s.office_hours.tuesday,
        &mut s.office_hours.wednesday,
        &mut s.office_hours.thursday,
        &mut s.office_hours.friday,
    ] {
        *w = night.clone();
    }
    assert_eq!(
        business_ms(&s, wed(23, 0), thu(1, 0)),
        2 * HOUR,
        "23:00–01:00 WIB across the UTC 17:00 boundary"
    );
    assert_eq!(
        deadline_ms(&s, wed(23, 50), 0),
        Some(thu(0, 20)),
        "deadline runs across WIB midnight"
    );
    s.office_hours.holidays = vec![date(2026, 11, 26)];
    assert_eq!(
        business_ms(&s, wed(23, 0), thu(1, 0)),
        HOUR,
        "a Thursday holiday closes from 17:00 UTC Wednesday, not from UTC midnight"
    );
    // No daylight saving: every default workday of 2026 counts exactly its hours,
    // including the weeks Europe and the US change their clocks.
    let s = defaults();
    let year = business_ms(&s, wib(2026, 1, 1, 0, 0), wib(2027, 1, 1, 0, 0));
    let (mut expect, mut d) = (0, date(2026, 1, 1));
    while d.year() == 2026 {
        expect += match d.weekday().num_days_from_monday() {
            0..=3 => 8 * HOUR,
            4 => 7 * HOUR,
            _ => 0,
        };
        d = d.succ_opt().unwrap();
    }
    assert_eq!(year, expect, "2026 has exactly its office hours");
    for (a, b) in [((3, 27), (3, 30)), ((10, 23), (10, 26)), ((3, 6), (3, 9))] {
        assert_eq!(
            business_ms(&s, wib(2026, a.0, a.1, 0, 0), wib(2026, b.0, b.1, 0, 0)),
            7 * HOUR,
            "DST weekend {a:?}: Friday counts 7 h, no hour gained or lost"
        );
    }
}

/// Independent reference: counts open minutes one by one with chrono.
fn minute_scan(s: &SlaSettings, from: i64, to: i64) -> i64 {
    let mut n = 0;
    let mut t = from;
    while t < to {
        let w = crate::clock::to_wib(t);
        let minute = (w.hour() * 60 + w.minute()) as u16;
        let open = !s.office_hours.holidays.contains(&w.date_naive())
            && s.office_hours
                .day(w.weekday().num_days_from_monday() as usize)
                .iter()
                .any(|iv| iv.open.minutes() <= minute && minute < iv.close.minutes());
        if open {
            n += MIN;
        }
        t += MIN;
    }
    n
}
use chrono::Timelike;

#[test]
fn business_ms_matches_a_minute_by_minute_scan() {
    let s = with_holidays(&[date(2026, 11, 27), date(2026, 12, 1)]);
    let mut rng = fastrand::Rng::with_seed(7);
    let base = wib(2026, 11, 20, 0, 0);
    for _ in 0..150 {
        let from = base + rng.i64(0..20 * DAY) / MIN * MIN;
        let to = from + rng.i64(0..4 * DAY) / MIN * MIN;
        assert_eq!(
            business_ms(&s, from, to),
            minute_scan(&s, from, to),
            "span {} .. {}",
            crate::clock::format_wib(from),
            crate::clock::format_wib(to)
        );
    }
}

#[test]
fn long_spans_add_up_like_consecutive_short_ones() {
    // The whole-week shortcut (spans > 14 days) must equal day-by-day sums.
    let s = with_holidays(&[
        date(2026, 1, 1),
        date(2026, 3, 20),
        date(2026, 3, 20),
        date(2026, 8, 17),
        date(2026, 12, 25),
        date(2027, 1, 1),
    ]);
    let mut rng = fastrand::Rng::with_seed(11);
    let base = wib(2025, 12, 1, 0, 0);
    for _ in 0..40 {
        let from = base + rng.i64(0..60 * DAY);
        let to = from + rng.i64(15 * DAY..400 * DAY);
        let mut chunked = 0;
        let mut t = from;
        while t < to {
            let next = (t + 3 * DAY).min(to);
            chunked += business_ms(&s, t, next);
            t = next;
        }
        assert_eq!(
            business_ms(&s, from, to),
            chunked,
            "span {} .. {}",
            crate::clock::format_wib(from),
            crate::clock::format_wib(to)
        );
    }
    assert_eq!(
        business_ms(&s, thu(9, 0), thu(8, 0)),
        0,
        "reversed span is 0"
    );
    assert!(
        business_ms(&s, i64::MIN, i64::MAX) > 0,
        "absurd span neither hangs nor overflows"
    );
}

#[test]
fn deadline_is_the_inverse_of_business_ms() {
    let s = with_holidays(&[date(2026, 11, 27)]);
    let mut rng = fastrand::Rng::with_seed(3);
    let base = wib(2026, 11, 1, 0, 0);
    for _ in 0..200 {
        let start = base + rng.i64(0..45 * DAY);
        let used = rng.i64(0..30 * MIN);
        let d = deadline_ms(&s, start, used).unwrap();
        assert_eq!(
            business_ms(&s, start, d),
            30 * MIN - used,
            "from {} with {used} ms used",
            crate::clock::format_wib(start)
        );
        assert_eq!(
            business_ms(&s, start, d - 1),
            30 * MIN - used - 1,
            "the deadline is the first instant it runs out"
        );
    }
}

// ---- clock_for --------------------------------------------------------------

#[test]
fn waiting_citizen_pauses_the_clock() {
    let s = defaults();
    use Status::*;
    // 10 min running, 2 h waiting on a re-send, 5 min running.
    let events = history(
        thu(8, 0),
        &[
            (thu(8, 5), Verifying),
            (thu(8, 10), WaitingCitizen),
            (thu(10, 10), Verifying),
        ],
    );
    let c = clock_for(&s, &events, thu(10, 15));
    assert_eq!(
        c.elapsed_ms,
        15 * MIN,
        "10 + 5 minutes, the 2 h pause not counted"
    );
    assert_eq!(c.state, SlaState::Running, "running again");
    assert_eq!(c.remaining_ms, 15 * MIN, "15 min left");
    let c = clock_for(&s, &events, thu(9, 30));
    assert_eq!(
        (c.state, c.elapsed_ms),
        (SlaState::Paused, 10 * MIN),
        "paused mid-wait, the later event not yet known"
    );
    // A pause over the weekend costs nothing either.
    let events = history(
        fri(14, 0),
        &[(fri(14, 10), WaitingCitizen), (mon(9, 0), Verifying)],
    );
    let c = clock_for(&s, &events, mon(9, 5));
    assert_eq!(c.elapsed_ms, 15 * MIN, "10 Friday + 5 Monday");
}

#[test]
fn done_stops_the_clock() {
    let s = defaults();
    use Status::*;
    let events = history(
        thu(8, 0),
        &[
            (thu(8, 1), Verifying),
            (thu(8, 20), Done),
            (thu(9, 0), Replied),
        ],
    );
    let c = clock_for(&s, &events, mon(12, 0));
    assert_eq!(c.state, SlaState::Met, "done within 30 min");
    assert_eq!(c.elapsed_ms, 20 * MIN, "time to outcome, reply not counted");
    assert_eq!(c.stopped_at, Some(thu(8, 20)), "stopped at done");
    assert_eq!(c.level, SlaLevel::Ok, "met is green");
    assert_eq!(c.remaining_ms, 10 * MIN, "10 min to spare");

    let late = history(thu(8, 0), &[(thu(8, 1), Verifying), (thu(8, 45), Done)]);
    let c = clock_for(&s, &late, mon(12, 0));
    assert_eq!(c.state, SlaState::Breached, "done after 45 min");
    assert_eq!(c.remaining_ms, -15 * MIN, "15 min over");
    assert_eq!(c.level, SlaLevel::Breached, "breached is red");

    let exact = history(thu(8, 0), &[(thu(8, 1), Verifying), (thu(8, 30), Done)]);
    assert_eq!(
        clock_for(&s, &exact, mon(12, 0)).state,
        SlaState::Met,
        "exactly 30 min is within the promise"
    );
}

#[test]
fn warning_turns_amber_at_ten_minutes_left_and_red_after() {
    let s = defaults();
    let events = history(thu(8, 0), &[(thu(8, 2), Status::Verifying)]);
    let at = |ms| clock_for(&s, &events, ms).level;
    assert_eq!(at(thu(8, 20) - 1), SlaLevel::Ok, "10:00.001 left is green");
    assert_eq!(at(thu(8, 20)), SlaLevel::Warning, "10 min left is amber");
    assert_eq!(at(thu(8, 30)), SlaLevel::Warning, "0 left is still amber");
    assert_eq!(
        at(thu(8, 30) + 1),
        SlaLevel::Breached,
        "past the promise is red"
    );
    let c = clock_for(&s, &events, thu(12, 0));
    assert_eq!(
        (c.state, c.remaining_ms),
        (SlaState::Running, -210 * MIN),
        "open and overdue: still running, negative remaining"
    );
    let paused = history(thu(8, 0), &[(thu(8, 25), Status::WaitingCitizen)]);
    let c = clock_for(&s, &paused, thu(12, 0));
    assert_eq!(
        (c.state, c.level),
        (SlaState::Paused, SlaLevel::Warning),
        "paused with 5 min left stays amber"
    );
}

#[test]
fn outside_hours_and_done_before_opening_counts_nothing() {
    let s = defaults();
    use Status::*;
    let events = history(thu(6, 0), &[(thu(6, 10), Verifying), (thu(7, 0), Done)]);
    let c = clock_for(&s, &events, thu(12, 0));
    assert_eq!(c.elapsed_ms, 0, "nothing counted before 07:30");
    assert_eq!(c.state, SlaState::Met, "met");
    let weekend = history(sat(9, 0), &[(sat(9, 5), Verifying), (sat(11, 0), Done)]);
    assert_eq!(
        clock_for(&s, &weekend, mon(8, 0)).elapsed_ms,
        0,
        "done on a Saturday counts nothing"
    );
}

#[test]
fn no_events_or_only_future_events_is_not_started() {
    let s = defaults();
    let c = clock_for(&s, &[], thu(9, 0));
    assert_eq!(c.state, SlaState::NotStarted, "no events");
    assert_eq!(c.remaining_ms, 30 * MIN, "full promise left");
    let c = clock_for(&s, &history(thu(10, 0), &[]), thu(9, 0));
    assert_eq!(c.state, SlaState::NotStarted, "received later than now");
}

#[test]
fn clock_serialises_snake_case() {
    let s = defaults();
    let c = clock_for(&s, &history(thu(8, 0), &[]), thu(8, 10));
    assert_eq!(
        serde_json::to_string(&c).unwrap(),
        r#"{"state":"running","elapsed_ms":600000,"remaining_ms":1200000,"level":"ok","stopped_at":null}"#,
        "the UI's shape"
    );
    assert_eq!(
        serde_json::to_string(&SlaState::NotStarted).unwrap(),
        r#""not_started""#,
        "snake_case states"
    );
    let decl = <OfficeHours as ts_rs::TS>::decl(&ts_rs::Config::new());
    assert!(decl.contains("holidays: string[]"), "TS holidays: {decl}");
    let decl = <SlaClock as ts_rs::TS>::decl(&ts_rs::Config::new());
    assert!(
        decl.contains("stopped_at: number | null"),
        "TS clock: {decl}"
    );
}

// ---- report -----------------------------------------------------------------

fn finished(min: i64) -> SlaClock {
    let s = defaults();
    let events = history(
        thu(8, 0),
        &[
            (thu(8, 0), Status::Verifying),
            (thu(8, 0) + min * MIN, Status::Done),
        ],
    );
    clock_for(&s, &events, mon(12, 0))
}

#[test]
fn report_counts_share_met_median_and_p90() {
    let s = defaults();
    let mut clocks: Vec<SlaClock> = [50, 5, 45, 10, 40, 15, 35, 20, 30, 25]
        .into_iter()
        .map(finished)
        .collect();
    clocks.push(clock_for(&s, &history(thu(8, 0), &[]), thu(8, 5)));
    clocks.push(clock_for(&s, &[], thu(8, 5)));
    let r = report(&s, &clocks);
    assert_eq!(r.total, 12, "all clocks");
    assert_eq!(r.finished, 10, "open ones not finished");
    assert_eq!(r.met, 6, "5..30 min are within 30");
    assert!(
        (r.share_met - 0.6).abs() < 1e-12,
        "share 0.6, got {}",
        r.share_met
    );
    assert_eq!(
        r.median_ms,
        Some(25 * MIN),
        "nearest-rank median of 10 is the 5th"
    );
    assert_eq!(
        r.p90_ms,
        Some(45 * MIN),
        "nearest-rank p90 of 10 is the 9th"
    );

    let odd: Vec<_> = [3, 1, 2, 5, 4].into_iter().map(finished).collect();
    let r = report(&s, &odd);
    assert_eq!(r.median_ms, Some(3 * MIN), "median of 1..5 is 3");
    assert_eq!(r.p90_ms, Some(5 * MIN), "p90 of 5 values is the largest");
    assert_eq!(r.share_met, 1.0, "all met");

    let r = report(&s, &[]);
    assert_eq!(
        (r.total, r.finished, r.share_met, r.median_ms, r.p90_ms),
        (0, 0, 0.0, None, None),
        "empty report"
    );
}
