use super::*;

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
