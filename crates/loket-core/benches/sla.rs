//! The SLA clock at scale: 10,000 requests received over a whole year (some
//! finished within minutes, some paused on a re-send for days, some still open
//! since months ago), each timed through `clock_for` and `deadline_ms` as the
//! queue would compute them. Prints the total, mean, p50 and p99 per call.
//!
//! `cargo bench -p loket-core --bench sla` (`LOKET_BENCH_SLA_N` sets the count).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use loket_core::model::{Event, Outcome, Status};
use loket_core::sla::{self, SlaSettings};
use std::hint::black_box;
use std::time::Instant;

const MIN: i64 = 60_000;
const DAY: i64 = 24 * 60 * MIN;

fn wib(y: i32, m: u32, d: u32) -> i64 {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap()
        .and_utc()
        .timestamp_millis()
        - 7 * 60 * MIN
}

fn ev(at: i64, from: Option<Status>, to: Status) -> Event {
    Event {
        at,
        operator: "BENCH".into(),
        from_status: from,
        to_status: to,
        outcome: (to == Status::Done).then_some(Outcome::Updated),
        note: String::new(),
    }
}

fn history(rng: &mut fastrand::Rng, start: i64, now: i64) -> Vec<Event> {
    use Status::*;
    let mut t = start;
    let mut out = vec![ev(t, None, Received)];
    let mut step = |rng: &mut fastrand::Rng, out: &mut Vec<Event>, to: Status, max_ms: i64| {
        t = (t + rng.i64(MIN..max_ms)).min(now);
        let from = out.last().map(|e| e.to_status);
        out.push(ev(t, from, to));
    };
    match rng.u8(0..100) {
        // Finished the same day, maybe after a re-send.
        0..=59 => {
            step(rng, &mut out, Verifying, 60 * MIN);
            if rng.bool() {
                step(rng, &mut out, WaitingCitizen, 30 * MIN);
                step(rng, &mut out, Verifying, 3 * DAY);
            }
            step(rng, &mut out, Done, 2 * 60 * MIN);
            step(rng, &mut out, Replied, 60 * MIN);
        }
        // Finished days later.
        60..=74 => {
            step(rng, &mut out, Verifying, DAY);
            step(rng, &mut out, Done, 10 * DAY);
        }
        // Waiting on the citizen since.
        75..=87 => {
            step(rng, &mut out, Verifying, 60 * MIN);
            step(rng, &mut out, WaitingCitizen, 60 * MIN);
        }
        // Still open, counting since received (up to a year).
        _ => {
            if rng.bool() {
                step(rng, &mut out, Verifying, 60 * MIN);
            }
        }
    }
    out
}

fn stats(name: &str, mut v: Vec<f64>) {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let total: f64 = v.iter().sum();
    let pct = |p: f64| v[((v.len() as f64 - 1.0) * p).round() as usize];
    println!(
        "{name:<28} total {:>8.2} ms   mean {:>6.2} µs   p50 {:>6.2} µs   p99 {:>6.2} µs",
        total / 1000.0,
        total / v.len() as f64,
        pct(0.5),
        pct(0.99)
    );
}

fn main() {
    let n: usize = std::env::var("LOKET_BENCH_SLA_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let mut settings = SlaSettings::default();
    // About a year's national holidays and cuti bersama.
    settings.office_hours.holidays = [
        (1, 1),
        (1, 16),
        (2, 17),
        (3, 19),
        (3, 20),
        (3, 23),
        (3, 24),
        (4, 3),
        (5, 1),
        (5, 14),
        (5, 27),
        (5, 31),
        (6, 1),
        (6, 16),
        (8, 17),
        (8, 25),
        (12, 24),
        (12, 25),
    ]
    .iter()
    .map(|&(m, d)| NaiveDate::from_ymd_opt(2026, m, d).unwrap())
    .collect();
    let settings = settings.validated().unwrap();

    let year_start = wib(2026, 1, 1);
    let now = wib(2026, 12, 31) + 10 * 60 * MIN;
    let mut rng = fastrand::Rng::with_seed(42);
    let requests: Vec<Vec<Event>> = (0..n)
        .map(|_| {
            // Sent during the day (07:00–17:00 WIB), any day of the year.
            let start = year_start + rng.i64(0..364) * DAY + rng.i64(7 * 60..17 * 60) * MIN;
            history(&mut rng, start, now)
        })
        .collect();

    let mut t_clock = Vec::with_capacity(n);
    let mut t_deadline = Vec::with_capacity(n);
    let mut t_both = Vec::with_capacity(n);
    let mut clocks = Vec::with_capacity(n);
    for events in &requests {
        let t = Instant::now();
        let c = sla::clock_for(&settings, black_box(events), now);
        let mid = Instant::now();
        let d = sla::deadline_ms(&settings, now, c.elapsed_ms);
        let end = Instant::now();
        black_box(d);
        t_clock.push((mid - t).as_secs_f64() * 1e6);
        t_deadline.push((end - mid).as_secs_f64() * 1e6);
        t_both.push((end - t).as_secs_f64() * 1e6);
        clocks.push(c);
    }
    let t = Instant::now();
    let r = sla::report(&settings, &clocks);
    let t_report = t.elapsed().as_secs_f64() * 1000.0;

    println!("{n} requests received over 2026, clocks as of 31-12-2026 10:00 WIB");
    stats("clock_for", t_clock);
    stats("deadline_ms", t_deadline);
    stats("clock_for + deadline_ms", t_both);
    println!(
        "report over {} clocks: {t_report:.2} ms (finished {}, met {:.1}%, median {:.1} min, p90 {:.1} min)",
        r.total,
        r.finished,
        r.share_met * 100.0,
        r.median_ms.unwrap_or(0) as f64 / MIN as f64,
        r.p90_ms.unwrap_or(0) as f64 / MIN as f64
    );
}
