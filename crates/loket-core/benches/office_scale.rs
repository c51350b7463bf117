//! Office mode at scale: a million requests in PostgreSQL (a year of a busy
//! office and then some), then the operator's lookups timed one by one:
//! search by NIK, by name prefix, by registration number, and the queue's
//! first page (with each open request's SLA clock, as the app shows it),
//! and the daily recap of a full day.
//! Prints p50/p95 per kind and, as the reference measured in the same run,
//! a primary-key lookup of one request.
//!
//! `LOKET_TEST_DATABASE_URL=postgres://… cargo bench -p loket-core --bench office_scale`
//! (`LOKET_BENCH_ROWS` sets the size.)

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use loket_core::db::{Db, PgConn, Value};
use loket_core::model::{ListQuery, QueueView};
use loket_core::recap::{self, RecapOptions};
use loket_core::{clock, queue, search};
use std::time::Instant;
use support::time;

fn main() {
    let rows = support::rows(1_000_000);
    let url = std::env::var("LOKET_TEST_DATABASE_URL")
        .expect("LOKET_TEST_DATABASE_URL: a PostgreSQL (scripts/test-postgres.sh start)");
    let schema = format!("scale_{}", std::process::id());
    let conn = PgConn::connect_raw(&url).unwrap();
    conn.use_schema(&schema).unwrap();
    conn.init_schema().unwrap();
    let db = Db::Postgres(&conn);
    let now = clock::now_ms();
    let t = Instant::now();
    // A year of requests, one in fifty still open (with its first event,
    // which the queue's clock reads); names from common Indonesian words.
    db.execute(
        "INSERT INTO requests (reg_no, name, name_norm, phone, nik, kk, category, problem,
                               status, outcome, received_at, updated_at, operator)
         SELECT 'VN-' || lpad(i::text, 8, '0'), n, n,
                '+62812' || lpad((i % 100000000)::text, 8, '0'),
                '3516' || lpad(((i * 7919) % 1000000000000)::text, 12, '0'),
                '3516' || lpad(((i * 104729) % 1000000000000)::text, 12, '0'),
                'bpjs', '',
                CASE WHEN i % 50 = 0 THEN 'received' ELSE 'replied' END,
                CASE WHEN i % 50 = 0 THEN NULL ELSE 'updated' END,
                CAST(?2 AS BIGINT) - (?1 - i) * 31536, CAST(?2 AS BIGINT) - (?1 - i) * 31536, 'Rina'
         FROM (SELECT i, (ARRAY['SITI','BUDI','DEWI','AGUS','SRI','EKO','RINA','ANDI','NUR','JOKO'])[1 + i % 10]
                          || ' ' || (ARRAY['AMINAH','SANTOSO','LESTARI','WIBOWO','RAHAYU','PRASETYO',
                                           'HIDAYAT','KURNIAWAN','SETIAWAN','WAHYUNI','SUSANTO','FITRIANI'])[1 + (i / 10) % 12]
                          || ' ' || (ARRAY['PUTRA','PUTRI','NINGSIH','UTOMO','SARI','JAYA','HADI'])[1 + (i / 120) % 7] AS n
               FROM generate_series(1, CAST(?1 AS BIGINT)) AS i) s",
        &[Value::Int(i64::from(rows)), Value::Int(now)],
    )
    .unwrap();
    db.execute(
        "INSERT INTO request_events (request_id, at, operator, from_status, to_status, outcome, note)
         SELECT id, received_at, 'Rina', NULL, 'received', NULL, '' FROM requests WHERE status = 'received'",
        &[],
    )
    .unwrap();
    conn.batch("ANALYZE").unwrap();
    println!(
        "seeded {rows} requests ({} open) in PostgreSQL in {:.1} s",
        rows / 50,
        t.elapsed().as_secs_f64()
    );

    let mut rng = fastrand::Rng::with_seed(9);
    let sample: Vec<(i64, String, String, String)> = (0..300)
        .map(|_| {
            let id = rng.i64(1..=i64::from(rows));
            db.query_one(
                "SELECT id, nik, name_norm, reg_no FROM requests WHERE id = ?1",
                &[Value::Int(id)],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                || unreachable!(),
            )
            .unwrap()
        })
        .collect();
    let ask = |search: String, view: QueueView| ListQuery {
        search: Some(search),
        view,
        limit: Some(50),
        ..Default::default()
    };
    let n = sample.len();
    let report = |what: &str, (p50, p95): (f64, f64)| {
        println!("{what:<34} p50 {p50:>7.2} ms   p95 {p95:>7.2} ms");
    };
    report(
        "reference: one request by id",
        time(n, |i| {
            let _: String = db
                .value(
                    "SELECT reg_no FROM requests WHERE id = ?1",
                    &[Value::Int(sample[i].0)],
                )
                .unwrap();
        }),
    );
    report(
        "search by NIK (16 digits)",
        time(n, |i| {
            let page = search::list(db, &ask(sample[i].1.clone(), QueueView::All)).unwrap();
            assert!(!page.items.is_empty());
        }),
    );
    report(
        "search by name prefix (\"siti am\")",
        time(n, |i| {
            let words: Vec<&str> = sample[i].2.split(' ').collect();
            let q = format!("{} {}", words[0], &words[1][..2]);
            let page = search::list(db, &ask(q, QueueView::All)).unwrap();
            assert!(!page.items.is_empty());
        }),
    );
    report(
        "search by registration number",
        time(n, |i| {
            let page = search::list(db, &ask(sample[i].3.clone(), QueueView::All)).unwrap();
            assert!(!page.items.is_empty());
        }),
    );
    let active = ListQuery {
        view: QueueView::Active,
        limit: Some(50),
        ..Default::default()
    };
    report(
        "queue first page (50, with SLA)",
        time(n, |_| {
            let page = queue::page(db, &active, now).unwrap();
            assert_eq!(page.items.len(), 50);
        }),
    );
    // A full day: 86,400 s / 31.5 s ≈ 2,740 requests, as busy as any day here.
    let day = clock::wib_date(now - 86_400_000);
    let (start, end) = clock::range_ms(day, day).unwrap();
    let per_day: i64 = db
        .value(
            "SELECT count(*) FROM requests WHERE received_at >= ?1 AND received_at < ?2",
            &[Value::Int(start), Value::Int(end)],
        )
        .unwrap();
    report(
        &format!("daily recap of a day ({per_day} req.)"),
        time(20, |_| {
            let r = recap::daily(db, day, day, RecapOptions::default(), now).unwrap();
            assert!(!r.rows.is_empty());
        }),
    );
    conn.batch(&format!("DROP SCHEMA \"{schema}\" CASCADE"))
        .unwrap();
}
