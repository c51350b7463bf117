//! The daily recap at scale: a year of history (600,000 requests with
//! office-like lifecycles from `demo::seed`: pauses, replies, merged
//! re-sends) in a real SQLite file, then `recap::daily` for the busiest day
//! and a week, and the one-year CSV and XLSX exports. Prints p50/p95 (or
//! each run) and, as the reference measured in the same run, a primary-key
//! lookup of one request; the process's peak memory after each stage shows
//! that the exports stream.
//!
//! `cargo bench -p loket-core --bench recap` (`LOKET_BENCH_RECAP_ROWS` sets
//! the size; the seeded database is kept at `LOKET_BENCH_RECAP_DB`, else in
//! the target folder, and reused while it holds the same rows).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use chrono::{Days, NaiveDate};
use loket_core::recap::{self, RecapOptions};
use loket_core::{clock, db, demo};
use std::path::PathBuf;
use std::time::Instant;
use support::time;

/// Thursday 26-11-2026 12:00 WIB: fixed, so the cached database stays valid.
const NOW: i64 = 1_795_669_200_000;
/// Bump when `demo::seed` changes what it writes.
const SEED_VERSION: u32 = 1;

fn peak_mib() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or("n/a".to_owned(), |kb| format!("{:.0} MiB", kb / 1024.0))
}

/// This process's CPU time (user + system) in seconds, where Linux tells it:
/// on a shared machine the wall time also counts other people's work.
fn cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which ends with the last ')').
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// Wall seconds of `f`, and its CPU seconds when known.
fn secs(f: impl FnOnce()) -> (f64, Option<f64>) {
    let c = cpu_secs();
    let t = Instant::now();
    f();
    let wall = t.elapsed().as_secs_f64();
    (wall, c.zip(cpu_secs()).map(|(a, b)| b - a))
}

fn cpu_text(cpu: Option<f64>) -> String {
    cpu.map_or(String::new(), |c| format!(" ({c:.2} s CPU)"))
}

fn main() {
    let rows: u32 = std::env::var("LOKET_BENCH_RECAP_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(600_000);
    let path = std::env::var("LOKET_BENCH_RECAP_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
                .join(format!("recap-v{SEED_VERSION}-{rows}.db"))
        });
    let fresh = {
        let conn = db::open(&path).unwrap();
        let have: i64 = conn
            .query_row("SELECT count(*) FROM requests", [], |r| r.get(0))
            .unwrap();
        have != i64::from(rows)
    };
    if fresh {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
        let mut conn = db::open(&path).unwrap();
        let t = Instant::now();
        demo::seed(&mut conn, rows, 365, NOW, 42).unwrap();
        conn.execute_batch("PRAGMA optimize;").unwrap();
        println!(
            "seeded {rows} requests over a year in {:.1} s ({})",
            t.elapsed().as_secs_f64(),
            path.display()
        );
    }
    // A fresh connection, as the app has after a start.
    let conn = db::open(&path).unwrap();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    println!(
        "requests {}, events {}, merged re-sends {}",
        count("SELECT count(*) FROM requests"),
        count("SELECT count(*) FROM request_events"),
        count("SELECT count(*) FROM request_merges")
    );
    let (busy, busy_n): (String, i64) = conn
        .query_row(
            "SELECT date((received_at + 25200000) / 1000, 'unixepoch') AS d, count(*)
             FROM requests GROUP BY d ORDER BY 2 DESC, 1 LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let busy = NaiveDate::parse_from_str(&busy, "%Y-%m-%d").unwrap();
    let today = clock::wib_date(NOW);
    let year_from = today - Days::new(364);
    let opts = RecapOptions::default();

    let mut rng = fastrand::Rng::with_seed(9);
    let total = count("SELECT max(id) FROM requests");
    let ids: Vec<i64> = (0..500).map(|_| rng.i64(1..=total)).collect();
    let reference = support::reference(&conn, &ids);
    println!(
        "reference: primary-key lookup p50 {:.3} ms, p95 {:.3} ms",
        reference.0, reference.1
    );
    let ratio = |ms: f64| ms / reference.0.max(1e-9);

    // Warm the cache as an operator's second look would find it.
    recap::daily(&conn, busy, busy, opts, NOW).unwrap();
    let day = time(30, |_| {
        let r = recap::daily(&conn, busy, busy, opts, NOW).unwrap();
        assert_eq!(r.rows.len() as i64, busy_n);
    });
    println!(
        "daily, busiest day {} ({busy_n} requests): p50 {:.2} ms, p95 {:.2} ms \
         ({:.0}x the reference p50; target < 100 ms: {})",
        busy.format("%d-%m-%Y"),
        day.0,
        day.1,
        ratio(day.0),
        if day.1 < 100.0 { "met" } else { "MISSED" }
    );
    let week_from = busy - Days::new(6);
    let week = time(10, |_| {
        recap::daily(&conn, week_from, busy, opts, NOW).unwrap();
    });
    println!(
        "daily, the week to that day: p50 {:.2} ms, p95 {:.2} ms ({:.0}x the reference p50)",
        week.0,
        week.1,
        ratio(week.0)
    );

    let dir = tempfile::tempdir().unwrap();
    let csv_path = dir.path().join("rekap.csv");
    let year = format!(
        "{} to {}",
        year_from.format("%d-%m-%Y"),
        today.format("%d-%m-%Y")
    );
    let walk = secs(|| {
        recap::for_each_row(&conn, year_from, today, opts, NOW, |_| Ok(())).unwrap();
    });
    println!(
        "one-year query and rows, nothing written ({year}): {:.2} s{}",
        walk.0,
        cpu_text(walk.1)
    );
    let mut runs = Vec::new();
    for _ in 0..3 {
        runs.push(secs(|| {
            recap::export_csv(&conn, year_from, today, opts, NOW, &csv_path).unwrap();
        }));
    }
    let shown: Vec<String> = runs
        .iter()
        .map(|(w, c)| format!("{w:.2} s{}", cpu_text(*c)))
        .collect();
    runs.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap());
    let median = runs[1].0;
    let size = std::fs::metadata(&csv_path).unwrap().len();
    println!(
        "one-year CSV export: runs {}; median {median:.2} s ({:.0}x the reference p50; \
         target < 3 s: {}); {:.1} MiB; peak memory so far {}",
        shown.join(", "),
        ratio(median * 1000.0),
        if median < 3.0 { "met" } else { "MISSED" },
        size as f64 / 1048576.0,
        peak_mib()
    );

    let xlsx_path = dir.path().join("rekap.xlsx");
    let xlsx = secs(|| {
        recap::export_xlsx(&conn, year_from, today, opts, NOW, &xlsx_path).unwrap();
    });
    let size = std::fs::metadata(&xlsx_path).unwrap().len();
    println!(
        "one-year XLSX export: {:.2} s{} ({:.0}x the reference p50); {:.1} MiB; \
         peak memory so far {}",
        xlsx.0,
        cpu_text(xlsx.1),
        ratio(xlsx.0 * 1000.0),
        size as f64 / 1048576.0,
        peak_mib()
    );

    let mut year_rows = 0;
    let in_memory = secs(|| {
        year_rows = recap::daily(&conn, year_from, today, opts, NOW)
            .unwrap()
            .rows
            .len();
    });
    println!(
        "one-year recap in memory (the JSON path): {:.2} s{} for {year_rows} rows; \
         peak memory {}",
        in_memory.0,
        cpu_text(in_memory.1),
        peak_mib()
    );
}
