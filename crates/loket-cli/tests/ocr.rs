//! `loket-cli ocr` through the real binary: a KTP photo read with the real
//! models (when present; required in CI), and the refusals that need no
//! models at all — missing models, a damaged model, a broken photo.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use std::path::{Path, PathBuf};

fn models() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/ocr");
    if dir.join("PP-OCRv6_rec_small.rten").is_file() {
        return Some(dir);
    }
    assert!(
        std::env::var("LOKET_CI").as_deref() != Ok("1"),
        "the OCR models are missing in CI: run scripts/fetch-ocr-models.sh"
    );
    None
}

/// The JSON error on stderr.
fn err(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&out.stderr).unwrap_or_else(|_| panic!("{}", stderr(out)))
}

fn ocr(models: &Path, args: &[&str]) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    let mut all = vec!["ocr", "--models", models.to_str().unwrap()];
    all.extend_from_slice(args);
    cli(dir.path(), &all)
}

#[test]
fn a_ktp_photo_reads_its_nik_digit_by_digit() {
    let Some(models) = models() else { return };
    let photo = fixture("WhatsApp Image 2026-11-24 at 10.15.32.jpeg");
    let out = ocr(
        &models,
        &[photo.to_str().unwrap(), "--kind", "ktp", "--json"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let r = json(&out);
    assert_eq!(r["kind"], "ktp");
    let field = |name: &str| {
        r["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["field"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("no {name} in {r}"))
    };
    let nik = field("nik");
    assert_eq!(nik["value"], "3516131007850058");
    assert_eq!(nik["chars"].as_array().unwrap().len(), 16);
    assert!(nik["problem"].is_null());
    assert_eq!(field("nama")["value"], "AHMAD HARIYANTO");
    assert_eq!(field("tanggal_lahir")["value"], "1985-07-10");
    // The plain listing names the fields with their confidences.
    let out = ocr(&models, &[photo.to_str().unwrap()]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with("KTP-el"), "{text}");
    assert!(
        text.contains("3516131007850058") && text.contains('%'),
        "{text}"
    );
}

#[test]
fn missing_or_damaged_models_and_a_broken_photo_are_refused_with_their_codes() {
    let empty = tempfile::tempdir().unwrap();
    let photo = fixture("WhatsApp Image 2026-11-24 at 10.15.32.jpeg");
    let out = ocr(empty.path(), &[photo.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(err(&out)["code"], "model_ocr_tidak_ada", "{}", stderr(&out));

    // Right names, wrong bytes: refused by the SHA-256 check.
    for name in [
        "PP-OCRv6_det_small.rten",
        "PP-OCRv6_rec_small.rten",
        "ppocrv6_dict.txt",
    ] {
        std::fs::write(empty.path().join(name), b"not a model").unwrap();
    }
    let out = ocr(empty.path(), &[photo.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(err(&out)["code"], "model_ocr_rusak");

    // The photo is checked before the models are loaded.
    let bad = fixture("bad/truncated_40pct.jpg");
    let out = ocr(empty.path(), &[bad.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(err(&out)["code"], "berkas_rusak");
}
