//! `loket-cli retention` through the real binary. The history is written by
//! the core with past timestamps (time is an argument there), so the
//! binary's real clock finds requests closed 40 and 10 days ago.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;

use loket_core::documents::{self, DocKind, Document};
use loket_core::model::{NewRequest, Outcome, Status};
use loket_core::{clock, requests, Desk};
use std::path::{Path, PathBuf};

const FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/documents"
);
const KTP: &str = "WhatsApp Image 2026-11-24 at 10.15.32.jpeg";
const KK: &str = "WhatsApp Image 2026-11-24 at 13.02.11.jpeg";
const PDF: &str = "KK_3516032003240061.pdf";
const NIK: &str = "3516131007850058";
const DAY: i64 = 86_400_000;

fn fixture(name: &str) -> PathBuf {
    let p = Path::new(FIXTURES).join(name);
    assert!(p.is_file(), "fixture {} is missing", p.display());
    p
}

fn request(desk: &mut Desk, at: i64) -> String {
    let input = NewRequest {
        name: "Ahmad Hariyanto".into(),
        phone: "081234567890".into(),
        nik: Some(NIK.into()),
        ..Default::default()
    };
    requests::create_request(desk.conn_mut().unwrap(), &input, "Rina", at)
        .unwrap()
        .reg_no
}

fn add(desk: &mut Desk, reg: &str, file: &str, kind: DocKind, at: i64) -> Document {
    documents::add_path(desk, reg, Some(kind), &fixture(file), "Rina", at).unwrap()
}

fn close(desk: &mut Desk, reg: &str, at: i64) {
    let c = desk.conn_mut().unwrap();
    requests::move_request(&*c, reg, Status::Verifying, None, None, "Rina", at).unwrap();
    let done = Some(Outcome::Updated);
    requests::move_request(c, reg, Status::Done, done, None, "Rina", at).unwrap();
}

fn present(desk_dir: &Path, d: &Document) -> usize {
    documents::stored_files(desk_dir, &d.sha256, d.format, d.pages)
        .iter()
        .filter(|p| p.is_file())
        .count()
}

fn store_files(data: &Path) -> usize {
    fn walk(dir: &Path) -> usize {
        std::fs::read_dir(dir)
            .map(|d| {
                d.flatten()
                    .map(|e| {
                        if e.path().is_dir() {
                            walk(&e.path())
                        } else {
                            1
                        }
                    })
                    .sum()
            })
            .unwrap_or(0)
    }
    walk(&documents::store_dir(data))
}

#[test]
fn retention_deletes_exactly_what_is_past_its_period() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let now = clock::now_ms();
    // A closed 40 days ago (KTP + KK); B closed 10 days ago with the same
    // KTP photo; C is open with a PDF.
    let (a, b, a_ktp, a_kk, b_ktp, c_pdf) = {
        let mut desk = Desk::open(&data).unwrap();
        let a = request(&mut desk, now - 41 * DAY);
        let a_ktp = add(&mut desk, &a, KTP, DocKind::Ktp, now - 41 * DAY);
        let a_kk = add(&mut desk, &a, KK, DocKind::Kk, now - 41 * DAY);
        close(&mut desk, &a, now - 40 * DAY);
        let b = request(&mut desk, now - 11 * DAY);
        let b_ktp = add(&mut desk, &b, KTP, DocKind::Ktp, now - 11 * DAY);
        close(&mut desk, &b, now - 10 * DAY);
        let c = request(&mut desk, now - DAY);
        let c_pdf = add(&mut desk, &c, PDF, DocKind::Kk, now - DAY);
        (a, b, a_ktp, a_kk, b_ktp, c_pdf)
    };
    assert_eq!(store_files(&data), 9);

    let out = cli(&data, &["retention", "days"]);
    assert_eq!(
        stdout(&out),
        "Masa retensi foto: 30 hari setelah permohonan selesai"
    );

    // A dry run lists A's two documents and deletes nothing.
    let out = cli(&data, &["retention", "run", "--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    let closed = clock::wib_date(now - 40 * DAY)
        .format("%d-%m-%Y")
        .to_string();
    assert!(lines[0].starts_with(&a), "{text}");
    assert!(lines[0].contains("KTP-el") && lines[0].contains(&a_ktp.sha256[..12]));
    assert!(lines[0].contains(&format!("ditutup {closed}")), "{text}");
    assert!(lines[0].contains("berkas tetap"), "shared with B: {text}");
    assert!(
        lines[1].contains("KK") && lines[1].contains("berkas dihapus"),
        "{text}"
    );
    assert!(
        !text.contains(NIK) && !text.contains("AHMAD"),
        "no personal data: {text}"
    );
    assert_eq!(store_files(&data), 9, "a dry run deletes nothing");
    let out = cli(&data, &["retention", "run", "--dry-run", "--json"]);
    let plan = json(&out);
    assert_eq!(plan["dry_run"], true);
    assert_eq!(plan["documents"].as_array().unwrap().len(), 2);
    assert_eq!(store_files(&data), 9);

    let out = cli(&data, &["retention", "run", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let r = json(&out);
    let ids: Vec<i64> = r["purged"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["document_id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, vec![a_ktp.id, a_kk.id]);
    assert_eq!(r["files_deleted"], 3);
    // Without --supervisor a run is the scheduled one, logged as the app's is.
    assert_eq!(r["operator"], "sistem");
    assert_eq!(present(&data, &a_kk), 0, "A's KK photo is gone");
    assert_eq!(
        present(&data, &b_ktp),
        3,
        "the KTP photo B still uses stays"
    );
    assert_eq!(present(&data, &c_pdf), 3, "C is open");
    let out = cli(&data, &["doc", "list", &a, "--json"]);
    assert_eq!(json(&out).as_array().unwrap().len(), 2, "the records stay");

    // A second run is a no-op.
    let out = cli(&data, &["retention", "run", "--json"]);
    let again = json(&out);
    assert_eq!(again["purged"].as_array().unwrap().len(), 0);
    assert_eq!(again["files_deleted"], 0);
    assert_eq!(store_files(&data), 6);

    // A shorter period reaches B: the shared photo goes now.
    let out = cli_sup(&data, &["retention", "days", "5", "--json"]);
    assert_eq!(json(&out)["days"], 5);
    let out = cli(&data, &["retention", "run"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with(&b), "{}", stdout(&out));
    assert_eq!(present(&data, &b_ktp), 0);
    assert_eq!(store_files(&data), 3, "only C's PDF is left");
}

#[test]
fn a_bad_period_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    for bad in ["0", "3651"] {
        let out = cli(&data, &["retention", "days", bad]);
        assert_eq!(out.status.code(), Some(1), "{bad}");
        assert!(
            stderr(&out).starts_with("error[masa_retensi_tidak_valid]"),
            "{}",
            stderr(&out)
        );
    }
    let out = cli(&data, &["retention", "days", "tiga"]);
    assert_eq!(out.status.code(), Some(2), "not a number: a usage error");
    let out = cli(&data, &["retention", "days"]);
    assert!(stdout(&out).contains("30 hari"), "unchanged");
}
