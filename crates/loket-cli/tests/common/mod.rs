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
        .env("LOKET_OPERATOR", "Rina");
    c
}

pub fn cli(dir: &Path, args: &[&str]) -> Output {
    command(dir, args).output().expect("loket-cli runs")
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
