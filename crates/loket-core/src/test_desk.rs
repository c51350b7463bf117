//! A real data folder for the tests of retention and backups: requests
//! registered and closed at chosen moments, with real fixture photos added
//! through the same core function the CLI and the app use. A missing
//! fixture folder fails the tests, it never skips them.

use crate::documents::{self, DocKind, Document};
use crate::model::{NewRequest, Outcome, Status};
use crate::{requests, Desk};
use std::path::{Path, PathBuf};

/// The synthetic fixture photos, in the repository (`tests/fixtures/`).
const FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/documents"
);

/// A WhatsApp KTP photo (JPEG, 284 kB).
pub const KTP: &str = "WhatsApp Image 2026-11-24 at 10.15.32.jpeg";
/// A WhatsApp KK photo (JPEG, 128 kB).
pub const KK: &str = "WhatsApp Image 2026-11-24 at 13.02.11.jpeg";
/// A KTP saved as WebP (58 kB).
pub const WEBP: &str = "ktp_ibu.webp";
/// An e-KK PDF.
pub const PDF: &str = "KK_3516032003240061.pdf";

pub const T0: i64 = 1_795_000_000_000;
pub const DAY: i64 = 86_400_000;

pub fn fixture(name: &str) -> PathBuf {
    let path = Path::new(FIXTURES).join(name);
    assert!(
        path.is_file(),
        "fixture {} is missing: it belongs in tests/fixtures/documents of the repository",
        path.display()
    );
    path
}

pub fn desk() -> (tempfile::TempDir, Desk) {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(&dir.path().join("data")).unwrap();
    (dir, desk)
}

/// Registers a request at `at`; returns its registration number.
pub fn request(desk: &mut Desk, name: &str, at: i64) -> String {
    let input = NewRequest {
        name: name.into(),
        phone: "081234567890".into(),
        ..Default::default()
    };
    requests::create_request(desk.conn_mut().unwrap(), &input, "Rina", at)
        .unwrap()
        .reg_no
}

/// Adds a fixture file to a request at `at`.
pub fn add(desk: &mut Desk, reg: &str, file: &str, kind: DocKind, at: i64) -> Document {
    documents::add_path(desk, reg, Some(kind), &fixture(file), "Rina", at).unwrap()
}

/// Moves a request through verifying to done (`updated`) at `at`.
pub fn close(desk: &mut Desk, reg: &str, at: i64) {
    let conn = desk.conn_mut().unwrap();
    requests::move_request(&*conn, reg, Status::Verifying, None, None, "Rina", at).unwrap();
    requests::move_request(
        conn,
        reg,
        Status::Done,
        Some(Outcome::Updated),
        None,
        "Rina",
        at,
    )
    .unwrap();
}

/// Every file under `dir`, recursively, sorted (none when it does not exist).
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The original, display and thumbnail files of a document.
pub fn files_of(desk: &Desk, doc: &Document) -> Vec<PathBuf> {
    documents::stored_files(desk.dir(), &doc.sha256, doc.format, doc.pages)
}

pub fn count(desk: &Desk, sql: &str) -> i64 {
    desk.conn()
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}
