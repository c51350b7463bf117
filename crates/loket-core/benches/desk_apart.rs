//! The queue while a PDF is refused after taking its worker's whole 20 s:
//! the app adds documents on a connection of its own (`SharedDesk::apart`),
//! so the queue page, read through the desk's own connection as the app's
//! refresh does, keeps answering. Printed against the same add run while
//! holding the desk (how it was before), and against the queue page with
//! nothing else running (the reference), in the same run.
//!
//! The PDF worker is stood in for by a program that never answers (a shell
//! script that sleeps), which is what a page too heavy to draw looks like
//! from the parent: it is ended at the time limit and the PDF refused.
//!
//! `cargo bench -p loket-core --bench desk_apart` (`LOKET_BENCH_ROWS` sets
//! the number of requests, default 20,000). Unix only (the stand-in worker).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use loket_core::model::ListQuery;
use loket_core::{clock, demo, documents, queue, Desk, SharedDesk};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

const PDF: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/documents/KK_3516032003240061.pdf"
);

fn main() {
    if cfg!(not(unix)) {
        println!("desk_apart: the stand-in PDF worker is a shell script; run on Linux");
        return;
    }
    let rows = support::rows(20_000);
    let tmp = tempfile::tempdir().unwrap();
    let now = clock::now_ms();
    let mut desk = Desk::open(tmp.path()).unwrap();
    demo::seed(desk.conn_mut().unwrap(), rows, 30, now, 42).unwrap();
    let reg: String = desk
        .conn()
        .unwrap()
        .query_row("SELECT reg_no FROM requests ORDER BY id LIMIT 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    let worker = tmp.path().join("worker-that-never-answers.sh");
    std::fs::write(&worker, "#!/bin/sh\nexec sleep 60\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&worker, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    documents::draw_pdfs_in(worker);
    let pdf = std::fs::read(PDF).unwrap();
    let shared = SharedDesk::new(desk);
    let page = || {
        shared
            .with(|d| queue::page(d.conn().unwrap(), &ListQuery::default(), now))
            .unwrap();
    };

    let (p50, p95) = support::time(100, |_| page());
    println!("requests: {rows}");
    println!("queue page alone (reference): p50 {p50:.1} ms, p95 {p95:.1} ms");

    for apart in [true, false] {
        let label = if apart {
            "add apart (the app)"
        } else {
            "add holding the desk (before)"
        };
        let done = AtomicBool::new(false);
        let mut waits = Vec::new();
        std::thread::scope(|s| {
            s.spawn(|| {
                let t = Instant::now();
                let add =
                    |d: &mut Desk| documents::add_bytes(d, &reg, None, "kk.pdf", &pdf, "Rina", now);
                let result = if apart {
                    shared.apart(add)
                } else {
                    shared.with(add)
                };
                println!(
                    "{label}: refused with {} after {:.1} s",
                    result
                        .err()
                        .map_or("nothing".into(), |e| e.code_str().to_owned()),
                    t.elapsed().as_secs_f64()
                );
                done.store(true, Ordering::SeqCst);
            });
            std::thread::sleep(Duration::from_millis(300));
            while !done.load(Ordering::SeqCst) {
                let t = Instant::now();
                page();
                waits.push(t.elapsed().as_secs_f64() * 1000.0);
                std::thread::sleep(Duration::from_millis(100));
            }
        });
        waits.sort_by(|a, b| a.partial_cmp(b).unwrap());
        println!(
            "{label}: queue page during the add: {} reads, p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
            waits.len(),
            support::percentile(&waits, 0.5),
            support::percentile(&waits, 0.95),
            waits.last().copied().unwrap_or(0.0)
        );
    }
}
