//! Killing `loket-cli` in the middle of writes loses no committed request and
//! never damages the database: each write is one SQLite transaction in WAL
//! mode with `synchronous = FULL`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::{Command, Stdio};
use std::time::Duration;

#[test]
fn killed_writers_lose_nothing_that_was_committed() {
    let dir = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_loket-cli");
    let mut rng = fastrand::Rng::with_seed(2026);
    let mut committed: Vec<String> = Vec::new();
    let mut killed = 0;
    const TRIALS: usize = 80;
    for i in 0..TRIALS {
        let phone = format!("0812{:08}", i);
        let mut child = Command::new(bin)
            .arg("--data-dir")
            .arg(dir.path())
            .args([
                "request",
                "new",
                "--name",
                "Uji Kill",
                "--phone",
                &phone,
                "--nik",
                "3516024512900003",
            ])
            .env("LOKET_OPERATOR", "crash-test")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Half the runs are killed at a random moment; the others finish.
        if i % 2 == 0 {
            std::thread::sleep(Duration::from_micros(rng.u64(0..20_000)));
            if child.kill().is_ok() {
                killed += 1;
            }
        }
        let out = child.wait_with_output().unwrap();
        if out.status.success() {
            let reg = String::from_utf8_lossy(&out.stdout).trim().to_owned();
            assert!(
                reg.starts_with("VN-"),
                "a finished run printed its number: {reg:?}"
            );
            committed.push(reg);
        }
    }
    let conn = loket_core::db::open(&dir.path().join("loket.db")).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok", "the database is intact after {killed} kills");
    for reg in &committed {
        let n: i64 = conn
            .query_row(
                "SELECT count(*) FROM requests WHERE reg_no = ?1",
                [reg],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 1, "{reg} was reported as saved, so it must be there");
    }
    let orphans: i64 = conn
        .query_row(
            "SELECT count(*) FROM requests r WHERE NOT EXISTS (SELECT 1 FROM request_events e WHERE e.request_id = r.id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        orphans, 0,
        "a request and its first event are written together"
    );
    println!(
        "crash test: {TRIALS} runs, {killed} killed, {} committed and all present",
        committed.len()
    );
}
