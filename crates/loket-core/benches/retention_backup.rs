//! Retention and backups at a year of history: 600,000 requests with
//! office-like lifecycles (`demo::seed`) and two document rows per request
//! (a KTP and a KK; rows only, their files are not on disk, so what is
//! measured is the database work), in a real SQLite file. Prints:
//!
//! - the daily retention plan (the dry run) and the first `run` over a year
//!   (nearly a year of documents purged at once, each content's files looked
//!   for), then the steady state: the next day's run;
//! - a backup of that database (online snapshot, manifest, read-back check
//!   with `integrity_check`) and its restore into a new folder.
//!
//! `cargo bench -p loket-core --bench retention_backup`
//! (`LOKET_BENCH_RETENTION_ROWS` sets the size).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use loket_core::{backup, demo, retention, Desk};
use std::time::Instant;

/// Thursday 26-11-2026 12:00 WIB.
const NOW: i64 = 1_795_669_200_000;
const DAY: i64 = 86_400_000;

fn secs<T>(f: impl FnOnce() -> T) -> (f64, T) {
    let t = Instant::now();
    let v = f();
    (t.elapsed().as_secs_f64(), v)
}

fn main() {
    let rows: u32 = std::env::var("LOKET_BENCH_RETENTION_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(600_000);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut desk = Desk::open(&data).unwrap();
    let (s, _) = secs(|| {
        demo::seed(desk.conn_mut().unwrap(), rows, 365, NOW, 42).unwrap();
        // Two documents per request, added when it arrived; distinct contents.
        desk.conn().unwrap()
            .execute_batch(
                "INSERT INTO documents (request_id, kind, sha256, format, width, height, pages, bytes, added_at, operator)
                 SELECT r.id, k.kind, printf('%056x%08x', r.id, k.n), 'jpeg', 1200, 1600, 1, 250000,
                        r.received_at, r.operator
                 FROM requests r, (SELECT 'ktp' AS kind, 1 AS n UNION ALL SELECT 'kk', 2) k;
                 PRAGMA optimize;",
            )
            .unwrap();
    });
    let count = |desk: &Desk, sql: &str| -> i64 {
        desk.conn()
            .unwrap()
            .query_row(sql, [], |r| r.get(0))
            .unwrap()
    };
    println!(
        "seeded {rows} requests and {} document rows over a year in {s:.1} s",
        count(&desk, "SELECT count(*) FROM documents")
    );
    let ids: Vec<i64> = (1..=500)
        .map(|i| i64::from(i) * i64::from(rows / 500))
        .collect();
    let reference = support::reference(desk.conn().unwrap(), &ids);
    println!(
        "reference: primary-key lookup p50 {:.3} ms, p95 {:.3} ms",
        reference.0, reference.1
    );

    let (plan_s, plan) = secs(|| retention::plan(desk.conn().unwrap(), NOW).unwrap());
    let (again_s, _) = secs(|| retention::plan(desk.conn().unwrap(), NOW).unwrap());
    println!(
        "retention plan (dry run), a year of history, 30 days: {} documents due; \
         {plan_s:.2} s, again {again_s:.2} s",
        plan.len()
    );
    let (run_s, r) = secs(|| retention::run(&mut desk, NOW, "Bench").unwrap());
    println!(
        "retention run, first over a year: {} documents purged, {} contents' files looked for; {run_s:.2} s",
        r.purged.len(),
        r.contents_deleted
    );
    let (day_s, r) = secs(|| retention::run(&mut desk, NOW + DAY, "Bench").unwrap());
    println!(
        "retention run, the next day (steady state): {} documents purged; {day_s:.2} s",
        r.purged.len()
    );
    let (noop_s, _) = secs(|| retention::run(&mut desk, NOW + DAY, "Bench").unwrap());
    println!("retention run, nothing due: {noop_s:.2} s");

    let usb = dir.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    let (b_s, b) = secs(|| backup::create(&desk, &usb, NOW + DAY).unwrap());
    println!(
        "backup: database {:.1} MiB, {} requests; snapshot + manifest + check {b_s:.2} s \
         ({} unpurged documents' files are not on disk in this bench)",
        b.database_bytes as f64 / 1_048_576.0,
        b.requests,
        b.missing.len() / 3
    );
    let (v_s, v) = secs(|| backup::verify(std::path::Path::new(&b.dir)));
    assert!(v.ok);
    println!("backup check alone (hash + integrity_check): {v_s:.2} s");
    let (r_s, restored) =
        secs(|| backup::restore(std::path::Path::new(&b.dir), &dir.path().join("pulih")).unwrap());
    println!(
        "restore into a new folder ({} requests): {r_s:.2} s",
        restored.requests
    );
}
