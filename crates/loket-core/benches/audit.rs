//! The access log at scale: what the hash chain costs the writes (the same
//! synthetic history seeded twice, with and without the log's triggers),
//! how long checking the whole chain takes, and reading the log per request
//! and per operator-day. Prints numbers; the reference, measured in the
//! same run, is a primary-key lookup of one request.
//!
//! `cargo bench -p loket-core --bench audit` (`LOKET_BENCH_ROWS` requests,
//! default 100,000, spread over a year).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use loket_core::audit::{self, LogFilter};
use loket_core::{db, demo};
use std::time::Instant;
use support::time;

/// Thursday 26-11-2026 12:00 WIB.
const NOW: i64 = 1_795_669_200_000;

fn seeded(rows: u32, with_log: bool) -> (tempfile::TempDir, rusqlite::Connection, f64) {
    let dir = tempfile::tempdir().unwrap();
    let mut conn = db::open(&dir.path().join("loket.db")).unwrap();
    if !with_log {
        for t in [
            "request_events_log",
            "document_events_log",
            "verification_versions_log",
            "request_merges_log",
            "request_separations_log",
            "document_moves_log",
        ] {
            conn.execute_batch(&format!("DROP TRIGGER {t}")).unwrap();
        }
    }
    let t = Instant::now();
    demo::seed(&mut conn, rows, 365, NOW, 7).unwrap();
    (dir, conn, t.elapsed().as_secs_f64())
}

fn main() {
    let rows = support::rows(100_000);
    let (_d0, _c0, bare) = seeded(rows, false);
    let (_d1, conn, logged) = seeded(rows, true);
    let entries: i64 = conn
        .query_row("SELECT count(*) FROM access_log", [], |r| r.get(0))
        .unwrap();
    println!("access log: {rows} requests over a year, {entries} log entries");
    println!(
        "seeding with the log's triggers {logged:.2} s, without {bare:.2} s: {:.2}x",
        logged / bare
    );

    let t = Instant::now();
    let report = audit::verify(&conn).unwrap();
    let verify_s = t.elapsed().as_secs_f64();
    assert!(report.intact);
    println!(
        "verify the whole chain: {verify_s:.2} s ({:.0} entries/s)",
        entries as f64 / verify_s
    );

    let ids: Vec<i64> = (0..200).map(|i| 1 + (i * 7919) % i64::from(rows)).collect();
    let regs: Vec<String> = ids
        .iter()
        .map(|id| {
            conn.query_row("SELECT reg_no FROM requests WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .unwrap()
        })
        .collect();
    let (r50, r95) = support::reference(&conn, &ids);
    let (q50, q95) = time(regs.len(), |i| {
        let f = LogFilter {
            reg_no: Some(regs[i].clone()),
            ..LogFilter::default()
        };
        assert!(!audit::list(&conn, &f).unwrap().is_empty());
    });
    let ops: Vec<String> = conn
        .prepare("SELECT DISTINCT operator FROM access_log WHERE operator <> 'sistem' LIMIT 5")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let (o50, o95) = time(50, |i| {
        let f = LogFilter {
            operator: Some(ops[i % ops.len()].clone()),
            day: Some("2026-11-20".into()),
            ..LogFilter::default()
        };
        audit::list(&conn, &f).unwrap();
    });
    println!("reference (primary-key lookup): p50 {r50:.3} ms, p95 {r95:.3} ms");
    println!(
        "log of one request: p50 {q50:.3} ms, p95 {q95:.3} ms ({:.0}x the reference)",
        q50 / r50
    );
    println!(
        "log of one operator's day (first page): p50 {o50:.3} ms, p95 {o95:.3} ms ({:.0}x)",
        o50 / r50
    );
}
