//! Search and queue at scale: a million requests (a year before Lebaran and
//! then some) in a real SQLite file, then the operator's lookups, timed one by
//! one. Prints p50/p95 per query kind and, as the reference measured in the
//! same run, a primary-key lookup of one request.
//!
//! `cargo bench -p loket-core --bench queue_search` (`LOKET_BENCH_ROWS` sets
//! the size; `LOKET_BENCH_DB` keeps and reuses the database file).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use loket_core::model::{ListQuery, QueueView};
use loket_core::{clock, db, demo, search};
use std::time::Instant;
use support::time;

fn main() {
    let rows = support::rows(1_000_000);
    let keep = std::env::var("LOKET_BENCH_DB").ok();
    let tmp = tempfile::tempdir().unwrap();
    let path = keep
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| tmp.path().join("bench.db"));
    let mut conn = db::open(&path).unwrap();
    let have: i64 = conn
        .query_row("SELECT count(*) FROM requests", [], |r| r.get(0))
        .unwrap();
    if have < i64::from(rows) {
        let t = Instant::now();
        demo::seed(&mut conn, rows - have as u32, 365, clock::now_ms(), 42).unwrap();
        conn.execute_batch(
            "PRAGMA optimize; INSERT INTO requests_fts(requests_fts) VALUES ('optimize');",
        )
        .unwrap();
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
    let sample: Vec<(i64, String, String)> = (0..500)
        .map(|_| {
            let id = rng.i64(1..=total);
            conn.query_row(
                "SELECT id, nik, name_norm FROM requests WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap()
        })
        .collect();
    let n = sample.len();

    let ids: Vec<i64> = sample.iter().map(|s| s.0).collect();
    let reference = support::reference(&conn, &ids);
    let by_nik = time(n, |i| {
        let page = search::list(&conn, &query(&sample[i].1)).unwrap();
        assert!(!page.items.is_empty());
    });
    let by_name_prefix = time(n, |i| {
        let name = &sample[i].2;
        let prefix: String = name.chars().take(4).collect();
        let page = search::list(&conn, &query(&prefix)).unwrap();
        assert!(!page.items.is_empty());
    });
    let by_name_part = time(n, |i| {
        let family = sample[i].2.split(' ').nth(1).unwrap_or("SANTOSO");
        let part: String = family.chars().take(3).collect();
        let page = search::list(&conn, &query(&part)).unwrap();
        assert!(!page.items.is_empty());
    });
    let by_full_word = time(n, |i| {
        let family = sample[i]
            .2
            .split(' ')
            .nth(1)
            .unwrap_or("SANTOSO")
            .to_owned();
        let page = search::list(&conn, &query(&family)).unwrap();
        assert!(!page.items.is_empty());
    });
    let queue_active = time(200, |_| {
        search::list(&conn, &ListQuery::default()).unwrap();
    });
    let queue_all = time(200, |_| {
        search::list(
            &conn,
            &ListQuery {
                view: QueueView::All,
                ..Default::default()
            },
        )
        .unwrap();
    });

    println!(
        "reference: primary-key lookup p50 {:.3} ms, p95 {:.3} ms",
        reference.0, reference.1
    );
    report("search by NIK", by_nik, reference.1, 5.0);
    report(
        "search by name prefix (4 letters)",
        by_name_prefix,
        reference.1,
        5.0,
    );
    report(
        "search by part of name (3 letters of 2nd word)",
        by_name_part,
        reference.1,
        5.0,
    );
    report(
        "search by a whole family name (5-9 letters)",
        by_full_word,
        reference.1,
        5.0,
    );
    report("queue first page (active)", queue_active, reference.1, 10.0);
    report("queue first page (all)", queue_all, reference.1, 10.0);
}

fn query(s: &str) -> ListQuery {
    ListQuery {
        search: Some(s.to_owned()),
        view: QueueView::All,
        ..Default::default()
    }
}

fn report(what: &str, (p50, p95): (f64, f64), reference_p95: f64, target_ms: f64) {
    println!(
        "{what}: p50 {p50:.3} ms, p95 {p95:.3} ms ({:.1}x the reference p95; target p95 < {target_ms} ms: {})",
        p95 / reference_p95.max(1e-9),
        if p95 < target_ms { "met" } else { "MISSED" }
    );
}
