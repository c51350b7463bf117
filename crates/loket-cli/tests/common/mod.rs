//! What every `loket-cli` integration test needs: run the real binary on a
//! data folder with a fixed operator, and read its JSON and messages.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

/// The real binary on `dir` with a fixed operator, not started yet.
pub fn command(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_loket-cli"));
    c.arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("LOKET_DATA_DIR")
        .env_remove("LOKET_DATABASE_URL")
        .env("LOKET_OPERATOR", "Rina");
    c
}

pub fn cli(dir: &Path, args: &[&str]) -> Output {
    command(dir, args).output().expect("loket-cli runs")
}

/// Registers a request for "Siti" and returns its registration number.
pub fn register(dir: &Path) -> String {
    let out = cli(
        dir,
        &[
            "request",
            "new",
            "--name",
            "Siti",
            "--phone",
            "081234567890",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

/// The supervisor account the tests act as where a supervisor is needed.
pub const SUPERVISOR: &str = "Sari";
pub const SUPERVISOR_PIN: &str = "kopi-tubruk";

/// The real binary on `dir` as the supervisor `Sari` (`--supervisor` by
/// its variable, the PIN as an office's scheduled task gives it); the
/// account is made first, as the folder's first account, if `dir` has no
/// account yet.
pub fn as_supervisor(dir: &Path, args: &[&str]) -> Command {
    let db = dir.join("loket.db");
    let has_accounts = db.is_file()
        && rusqlite::Connection::open(&db)
            .and_then(|c| c.query_row("SELECT count(*) FROM accounts", [], |r| r.get::<_, i64>(0)))
            .is_ok_and(|n| n > 0);
    if !has_accounts {
        let made = command(dir, &["account", "add", SUPERVISOR, "--role", "supervisor"])
            .env("LOKET_PIN", SUPERVISOR_PIN)
            .output()
            .expect("loket-cli runs");
        assert!(
            made.status.success(),
            "the supervisor account is made: {}",
            String::from_utf8_lossy(&made.stderr)
        );
    }
    let mut c = command(dir, args);
    c.env("LOKET_SUPERVISOR", SUPERVISOR)
        .env("LOKET_SUPERVISOR_PIN", SUPERVISOR_PIN);
    c
}

/// `as_supervisor`, run to its end.
pub fn cli_sup(dir: &Path, args: &[&str]) -> Output {
    as_supervisor(dir, args).output().expect("loket-cli runs")
}

pub fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// The synthetic fixture documents, in the repository (`tests/fixtures/`).
pub const FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/documents"
);

/// A fixture document by name; a missing one fails the test (never skips it).
pub fn fixture(name: &str) -> std::path::PathBuf {
    let p = Path::new(FIXTURES).join(name);
    assert!(p.is_file(), "fixture {} is missing", p.display());
    p
}
