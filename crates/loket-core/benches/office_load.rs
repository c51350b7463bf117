//! Office mode under load: 8 simulated desks on one PostgreSQL database
//! for a bounded time, each registering requests, moving them and reading
//! the queue's first page at 10× the office's peak rate (peak: 1,800
//! requests a day ≈ one every 16 s for the office; here one every 1.6 s,
//! shared by the desks, each desk's operator also paging the queue every
//! 2 s). Prints p50/p95/max per operation, and checks at the end that
//! nothing was lost, every registration number is unique and the access
//! log's chain verifies. The reference, measured in the same run: the same
//! desks on one single-desk SQLite file.
//!
//! `LOKET_TEST_DATABASE_URL=postgres://… cargo bench -p loket-core --bench office_load`
//! (`LOKET_LOAD_SECONDS`, default 300, bounds each engine's run.)

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use loket_core::db::{Db, PgConn};
use loket_core::model::{ListQuery, NewRequest, QueueView, Status};
use loket_core::{audit, clock, db, requests, search};
use std::collections::BTreeSet;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use support::percentile;

const DESKS: usize = 8;
/// One request every 1.6 s for the office: each desk every 12.8 s.
const CREATE_EVERY: Duration = Duration::from_millis(1600 * DESKS as u64);
const PAGE_EVERY: Duration = Duration::from_secs(2);

#[derive(Default)]
struct Times {
    create: Vec<f64>,
    moves: Vec<f64>,
    page: Vec<f64>,
    regs: Vec<String>,
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

/// One desk's work until `end`.
fn desk(db: Db<'_>, d: usize, end: Instant, out: &Mutex<Times>) {
    let mut times = Times::default();
    let query = ListQuery {
        view: QueueView::Active,
        limit: Some(50),
        ..Default::default()
    };
    // Desks start spread over one period, as operators do.
    let mut next_create = Instant::now() + CREATE_EVERY * d as u32 / DESKS as u32;
    let mut next_page = Instant::now();
    let mut open: Vec<String> = Vec::new();
    while Instant::now() < end {
        let now = Instant::now();
        if now >= next_create {
            next_create += CREATE_EVERY;
            let input = NewRequest {
                name: format!("Warga Meja {d} Nomor {}", times.regs.len()),
                phone: format!("0812{:08}", d * 100_000 + times.regs.len()),
                nik: Some("3516024512900003".into()),
                ..Default::default()
            };
            let t = Instant::now();
            let r =
                requests::create_request(db, &input, &format!("Meja{d}"), clock::now_ms()).unwrap();
            times.create.push(ms(t));
            times.regs.push(r.reg_no.clone());
            open.push(r.reg_no);
            // The previous request goes on to verifying, then done.
            if open.len() > 1 {
                let reg = open.remove(0);
                let t = Instant::now();
                requests::move_request(
                    db,
                    &reg,
                    Status::Verifying,
                    None,
                    None,
                    "Rina",
                    clock::now_ms(),
                )
                .unwrap();
                times.moves.push(ms(t));
            }
        }
        if now >= next_page {
            next_page += PAGE_EVERY;
            let t = Instant::now();
            let page = search::list(db, &query).unwrap();
            times.page.push(ms(t));
            assert!(!page.items.is_empty() || times.regs.is_empty());
        }
        let wake = next_create.min(next_page);
        std::thread::sleep(
            wake.saturating_duration_since(Instant::now())
                .min(Duration::from_millis(200)),
        );
    }
    let mut all = out.lock().unwrap();
    all.create.extend(times.create);
    all.moves.extend(times.moves);
    all.page.extend(times.page);
    all.regs.extend(times.regs);
}

fn report(engine: &str, mut t: Times) -> usize {
    for (what, v) in [
        ("create", &mut t.create),
        ("move", &mut t.moves),
        ("queue page", &mut t.page),
    ] {
        v.sort_by(|a, b| a.partial_cmp(b).unwrap());
        println!(
            "{engine:>10} {what:<10} n={:>5}  p50 {:>6.2} ms  p95 {:>6.2} ms  max {:>7.2} ms",
            v.len(),
            percentile(v, 0.5),
            percentile(v, 0.95),
            v.last().copied().unwrap_or(0.0)
        );
    }
    let unique: BTreeSet<&String> = t.regs.iter().collect();
    assert_eq!(
        unique.len(),
        t.regs.len(),
        "{engine}: a number handed out twice"
    );
    t.regs.len()
}

fn check(engine: &str, db: Db<'_>, created: usize) {
    let stored: i64 = db.value("SELECT count(*) FROM requests", &[]).unwrap();
    let report = audit::verify(db).unwrap();
    println!(
        "{engine:>10} created {created}, stored {stored} (lost {}), numbers unique, chain {} over {} entries",
        created as i64 - stored,
        if report.intact { "intact" } else { "BROKEN" },
        report.entries
    );
    assert_eq!(stored, created as i64);
    assert!(report.intact);
}

fn main() {
    let secs: u64 = std::env::var("LOKET_LOAD_SECONDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    let url = std::env::var("LOKET_TEST_DATABASE_URL")
        .expect("LOKET_TEST_DATABASE_URL: a PostgreSQL to load (scripts/test-postgres.sh start)");
    println!("{DESKS} desks, {secs} s per engine, one request every 1.6 s for the office, a queue page every 2 s per desk");

    // Office mode: one fresh schema, a connection per desk.
    let schema = format!("load_{}", std::process::id());
    let admin = PgConn::connect_raw(&url).unwrap();
    admin.use_schema(&schema).unwrap();
    admin.init_schema().unwrap();
    let desks: Vec<PgConn> = (0..DESKS)
        .map(|_| {
            let c = PgConn::connect_raw(&url).unwrap();
            c.use_schema(&schema).unwrap();
            c
        })
        .collect();
    let out = Mutex::new(Times::default());
    let end = Instant::now() + Duration::from_secs(secs);
    std::thread::scope(|s| {
        for (d, c) in desks.into_iter().enumerate() {
            let out = &out;
            s.spawn(move || desk(Db::Postgres(&c), d, end, out));
        }
    });
    let created = report("postgres", out.into_inner().unwrap());
    check("postgres", admin.db(), created);
    admin
        .batch(&format!("DROP SCHEMA \"{schema}\" CASCADE"))
        .unwrap();

    // The reference: the same desks on one SQLite file (one host).
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("loket.db");
    let conns: Vec<_> = (0..DESKS).map(|_| db::open(&path).unwrap()).collect();
    let out = Mutex::new(Times::default());
    let end = Instant::now() + Duration::from_secs(secs);
    std::thread::scope(|s| {
        for (d, c) in conns.into_iter().enumerate() {
            let out = &out;
            s.spawn(move || desk(Db::Sqlite(&c), d, end, out));
        }
    });
    let created = report("sqlite", out.into_inner().unwrap());
    let conn = db::open(&path).unwrap();
    check("sqlite", Db::Sqlite(&conn), created);
}
