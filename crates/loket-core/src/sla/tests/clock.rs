use super::*;

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
        format!(
            r#"{{"state":"running","elapsed_ms":600000,"remaining_ms":1200000,"level":"ok","stopped_at":null,"counting_until":{}}}"#,
            thu(15, 30)
        ),
        "the UI's shape"
    );
    assert_eq!(
        serde_json::to_string(&SlaState::NotStarted).unwrap(),
        r#""not_started""#,
        "snake_case states"
    );
    let cfg = crate::bindings::config();
    let decl = <OfficeHours as ts_rs::TS>::decl(&cfg);
    assert!(decl.contains("holidays: string[]"), "TS holidays: {decl}");
    let decl = <SlaClock as ts_rs::TS>::decl(&cfg);
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

// ---- counting_until ---------------------------------------------------------

#[test]
fn a_running_clock_counts_in_step_until_the_office_closes() {
    let s = defaults();
    let events = history(thu(15, 0), &[(thu(15, 5), Status::Verifying)]);
    let c = clock_for(&s, &events, thu(15, 20));
    assert_eq!(c.state, SlaState::Running);
    assert_eq!(
        c.counting_until,
        Some(thu(15, 30)),
        "until Thursday's close"
    );
    let c = clock_for(&s, &events, thu(16, 0));
    assert_eq!(
        (c.state, c.counting_until),
        (SlaState::Running, None),
        "after hours: open but frozen"
    );
    let c = clock_for(&s, &events, fri(9, 0));
    assert_eq!(
        c.counting_until,
        Some(fri(14, 30)),
        "Friday closes at 14:30"
    );
    let s = with_holidays(&[date(2026, 11, 27)]);
    assert_eq!(
        clock_for(&s, &events, fri(9, 0)).counting_until,
        None,
        "holiday"
    );
}

#[test]
fn paused_and_finished_clocks_do_not_count() {
    let s = defaults();
    use Status::*;
    let waiting = history(thu(8, 0), &[(thu(8, 5), WaitingCitizen)]);
    assert_eq!(clock_for(&s, &waiting, thu(9, 0)).counting_until, None);
    let done = history(thu(8, 0), &[(thu(8, 5), Done)]);
    assert_eq!(clock_for(&s, &done, thu(9, 0)).counting_until, None);
}
