//! Updating and going back: a data folder written by a newer Loket (its
//! schema is past what this build knows) is refused by this older build with
//! a clear message and left byte for byte as it was, so installing an older
//! version over a newer one can never damage the office's data.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/documents"
);
const KTP: &str = "WhatsApp Image 2026-11-24 at 10.15.32.jpeg";

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(snapshot(&path));
        } else {
            out.insert(path.clone(), std::fs::read(&path).unwrap());
        }
    }
    out
}

fn user_version(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

fn set_user_version(db: &Path, v: i64) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute_batch(&format!("PRAGMA user_version = {v};"))
        .unwrap();
}

#[test]
fn an_older_loket_refuses_a_newer_database_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let reg = register(dir.path());
    let photo = Path::new(FIXTURES).join(KTP);
    assert!(photo.is_file(), "fixture {} is missing", photo.display());
    let out = cli(
        dir.path(),
        &["doc", "add", &reg, "--kind", "ktp", photo.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    // A newer Loket migrated the folder one schema further.
    let db = dir.path().join("loket.db");
    let current = user_version(&db);
    set_user_version(&db, current + 1);
    let before = snapshot(dir.path());

    for args in [
        &["request", "list", "--json"][..],
        &[
            "request",
            "new",
            "--name",
            "Budi",
            "--phone",
            "081234567891",
            "--json",
        ],
        &["doc", "list", &reg, "--json"],
    ] {
        let out = cli(dir.path(), args);
        assert_eq!(out.status.code(), Some(1), "{args:?} is refused");
        let err: serde_json::Value = serde_json::from_slice(&out.stderr)
            .unwrap_or_else(|_| panic!("JSON error on stderr: {}", stderr(&out)));
        assert_eq!(err["code"], "basis_data_versi_baru", "{args:?}");
        let message = err["message"].as_str().unwrap();
        assert!(
            message.contains("versi yang lebih baru")
                && message.contains("Perbarui Loket")
                && message.contains("data tidak diubah"),
            "the operator is told what happened and what to do: {message}"
        );
    }
    let out = cli(dir.path(), &["request", "list"]);
    assert!(
        stderr(&out).starts_with("error[basis_data_versi_baru]: "),
        "plain output says it too: {}",
        stderr(&out)
    );
    assert!(
        snapshot(dir.path()) == before,
        "no file of the data folder changed"
    );

    // Back on the version that wrote it, everything is still there.
    set_user_version(&db, current);
    let out = cli(dir.path(), &["doc", "list", &reg, "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(json(&out).as_array().map(Vec::len), Some(1), "the photo");
}
