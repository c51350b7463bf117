//! Duplicate check at entry at scale: 600,000 requests (a season before
//! Lebaran) in a real SQLite file, then `duplicates::find` with the NIK, KK
//! and phone of existing requests, timed one by one. Prints p50/p95 and, as
//! the reference measured in the same run, a primary-key lookup.
//!
//! `cargo bench -p loket-core --bench duplicates` (`LOKET_BENCH_ROWS` sets
//! the size; `LOKET_BENCH_DB` keeps and reuses the database file).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use loket_core::{clock, db, demo, duplicates};
use std::time::Instant;
use support::time;

fn main() {
    let rows = support::rows(600_000);
    let keep = std::env::var("LOKET_BENCH_DB").ok();
    let tmp = tempfile::tempdir().unwrap();
    let path = keep
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| tmp.path().join("bench.db"));
    let now = clock::now_ms();
    let mut conn = db::open(&path).unwrap();
    let have: i64 = conn
        .query_row("SELECT count(*) FROM requests", [], |r| r.get(0))
        .unwrap();
    if have < i64::from(rows) {
        let t = Instant::now();
        demo::seed(&mut conn, rows - have as u32, 120, now, 42).unwrap();
        conn.execute_batch("PRAGMA optimize;").unwrap();
        println!(
            "seeded {} requests in {:.1} s",
            rows - have as u32,
            t.elapsed().as_secs_f64()
        );
    }
    drop(conn);
    // A fresh connection, as the app has after a start.
    let conn = db::open(&path).unwrap();
    let total: i64 = conn
        .query_row("SELECT count(*) FROM requests", [], |r| r.get(0))
        .unwrap();
    println!("requests in the database: {total}");

    let mut rng = fastrand::Rng::with_seed(9);
    type Sample = (i64, Option<String>, Option<String>, String);
    let sample: Vec<Sample> = (0..500)
        .map(|_| {
            let id = rng.i64(1..=total);
            conn.query_row(
                "SELECT id, nik, kk, phone FROM requests WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap()
        })
        .collect();
    let n = sample.len();

    let ids: Vec<i64> = sample.iter().map(|s| s.0).collect();
    let reference = support::reference(&conn, &ids);
    // A re-send of an existing request: all three numbers hit (the row itself
    // is reported when open or closed within the week).
    let resend = time(n, |i| {
        let (_, nik, kk, phone) = &sample[i];
        duplicates::find(&conn, nik.as_deref(), kk.as_deref(), phone, now, None).unwrap();
    });
    // A first request: nothing in common with anyone.
    let fresh = time(n, |i| {
        let phone = format!("+62899{:08}", i);
        let found = duplicates::find(
            &conn,
            Some("3516019999990001"),
            Some("3516019999990002"),
            &phone,
            now,
            None,
        )
        .unwrap();
        assert!(found.is_empty());
    });
    // The excluded self, as create_checked calls it.
    let excluding_self = time(n, |i| {
        let (id, nik, kk, phone) = &sample[i];
        duplicates::find(&conn, nik.as_deref(), kk.as_deref(), phone, now, Some(*id)).unwrap();
    });

    println!(
        "reference: primary-key lookup p50 {:.3} ms, p95 {:.3} ms",
        reference.0, reference.1
    );
    report("find: re-send of an existing request", resend, reference.1);
    report("find: no match (a first request)", fresh, reference.1);
    report(
        "find: excluding the new request itself",
        excluding_self,
        reference.1,
    );
}

fn report(what: &str, (p50, p95): (f64, f64), reference_p95: f64) {
    let target_ms = 5.0;
    println!(
        "{what}: p50 {p50:.3} ms, p95 {p95:.3} ms ({:.1}x the reference p95; target p95 < {target_ms} ms: {})",
        p95 / reference_p95.max(1e-9),
        if p95 < target_ms { "met" } else { "MISSED" }
    );
}
