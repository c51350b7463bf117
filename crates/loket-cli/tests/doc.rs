//! `loket-cli doc` as scripts use it: the real binary on a real data folder,
//! with real fixture files (which must be present beside the repository).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;

use serde_json::Value;
use std::path::{Path, PathBuf};

const FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/documents"
);

fn fixture(name: &str) -> PathBuf {
    let p = Path::new(FIXTURES).join(name);
    assert!(p.is_file(), "fixture {} is missing", p.display());
    p
}

fn new_request(dir: &Path) -> String {
    let out = cli(
        dir,
        &[
            "request",
            "new",
            "--name",
            "Siti Aminah",
            "--phone",
            "081234567890",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// `loket-cli doc add REG --kind KIND FILES… --json`.
fn add_json(dir: &Path, reg: &str, kind: &str, files: &[&Path]) -> std::process::Output {
    let mut args = vec!["doc", "add", reg, "--kind", kind];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    args.push("--json");
    cli(dir, &args)
}

const GOOD: &str = "WhatsApp Image 2026-11-24 at 10.15.32.jpeg";
const GOOD_SHA: &str = "73b753435833a605c295c6cb9658248a0adbc45771c4ad8e13d54b15dbf38ac1";

#[test]
fn doc_add_json_contract_and_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let reg = new_request(dir.path());
    let good = fixture(GOOD);
    let bad = fixture("bad/not_an_image.jpg");
    let out = add_json(dir.path(), &reg, "ktp", &[&good, &bad]);
    assert_eq!(out.status.code(), Some(1), "one file refused: exit 1");
    let v = json(&out);
    let list = v.as_array().expect("a list, one entry per file");
    assert_eq!(list.len(), 2);

    let ok = &list[0];
    assert_eq!(ok["file"], good.to_str().unwrap());
    assert_eq!(ok["ok"], true);
    assert!(ok["id"].as_i64().unwrap() > 0);
    assert_eq!(ok["sha256"], GOOD_SHA);
    assert_eq!(ok["format"], "jpeg");
    assert_eq!(
        (ok["width"].as_u64(), ok["height"].as_u64()),
        (Some(1200), Some(1600))
    );
    assert_eq!(ok["error"], Value::Null);

    let refused = &list[1];
    assert_eq!(refused["file"], bad.to_str().unwrap());
    assert_eq!(refused["ok"], false);
    for field in ["id", "sha256", "format", "width", "height"] {
        assert_eq!(refused[field], Value::Null, "{field} is null when refused");
    }
    assert_eq!(refused["error"]["code"], "bukan_gambar");
    assert!(!refused["error"]["message"].as_str().unwrap().is_empty());

    // All added (a duplicate returns the same document): exit 0.
    let out = cli(
        dir.path(),
        &[
            "doc",
            "add",
            &reg,
            "--kind",
            "ktp",
            good.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        json(&out)[0]["id"],
        ok["id"],
        "the same bytes are the same document"
    );

    let out = cli(dir.path(), &["doc", "list", &reg, "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let docs = json(&out);
    assert_eq!(docs.as_array().unwrap().len(), 1);
    assert_eq!(docs[0]["kind"], "ktp");
    assert_eq!(docs[0]["reg_no"], reg.as_str());
    assert_eq!(docs[0]["file_name"], GOOD);
    assert_eq!(docs[0]["operator"], "Rina");

    let id = ok["id"].as_i64().unwrap().to_string();
    let out = cli(dir.path(), &["doc", "kind", &id, "kk", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)[0]["kind"], "kk");
    let out = cli(
        dir.path(),
        &["doc", "remove", &id, "--reason", "salah kirim"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = cli(dir.path(), &["doc", "list", &reg, "--json"]);
    assert!(
        json(&out).as_array().unwrap().is_empty(),
        "removed documents are not listed"
    );
}

#[test]
fn doc_add_refusals_and_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let reg = new_request(dir.path());
    let good = fixture(GOOD);
    let good = good.to_str().unwrap();

    let out = cli(dir.path(), &["doc", "add", &reg, "--kind", "paspor", good]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown kind is a usage error"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("jenis_dokumen_tidak_dikenal"));

    let out = cli(dir.path(), &["doc", "add", &reg, "--kind", "ktp"]);
    assert_eq!(out.status.code(), Some(2), "at least one file");

    let out = cli(
        dir.path(),
        &[
            "doc",
            "add",
            "VN-000000-9999",
            "--kind",
            "kk",
            good,
            "--json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json(&out)[0]["error"]["code"], "permohonan_tidak_ditemukan");

    // Human output: one line per file, refusals on stderr with their code.
    let tiny = fixture("bad/tiny_1x1.jpg");
    let out = cli(
        dir.path(),
        &[
            "doc",
            "add",
            &reg,
            "--kind",
            "kk",
            good,
            tiny.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(
        stdout.contains("KK") && stdout.contains("1200×1600"),
        "{stdout}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("error[gambar_terlalu_kecil]"), "{stderr}");

    let out = cli(dir.path(), &["doc", "list", &reg]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
    let out = cli(dir.path(), &["doc", "remove", "999", "--reason", "x"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("dokumen_tidak_ditemukan"));
}

/// A one-page PDF of `n` small coloured squares scattered over A4, its
/// content stream left uncompressed (so no bomb check stops it first).
fn pdf_of_squares(n: u64) -> Vec<u8> {
    let mut ops = String::new();
    for i in 0..n {
        let (x, y) = (i * 7919 % 555, i * 104_729 % 802);
        ops.push_str(&format!(
            "{} {} 1 rg {x} {y} 40 40 re f\n",
            i % 2,
            i / 2 % 2
        ));
    }
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{ops}\nendstream", ops.len()),
    ];
    let mut pdf = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.push_str(&format!("{} 0 obj\n{o}\nendobj\n", i + 1));
    }
    let xref = pdf.len();
    pdf.push_str("xref\n0 5\n0000000000 65535 f \n");
    for off in offsets {
        pdf.push_str(&format!("{off:010} 00000 n \n"));
    }
    pdf.push_str(&format!(
        "trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ));
    pdf.into_bytes()
}

/// Drawn in this process, 400,000 squares take well over a gigabyte and
/// many seconds; loket-cli draws PDFs in a worker process with a memory
/// cap, which ends, and the file is refused while the e-KK after it is
/// drawn (by a worker too) and added. Linux only: on Windows the worker
/// has a time limit but no memory cap.
#[cfg(unix)]
#[test]
fn a_pdf_too_heavy_to_draw_is_refused_and_the_next_one_is_added() {
    let dir = tempfile::tempdir().unwrap();
    let reg = new_request(dir.path());
    let heavy = dir.path().join("berat.pdf");
    std::fs::write(&heavy, pdf_of_squares(400_000)).unwrap();
    let kk = fixture("KK_3516032003240061.pdf");
    let out = add_json(dir.path(), &reg, "kk", &[&heavy, &kk]);
    assert_eq!(out.status.code(), Some(1));
    let added = json(&out);
    assert_eq!(added[0]["error"]["code"], "pdf_terlalu_berat", "{added}");
    assert_eq!(added[1]["ok"], true, "{added}");
    assert_eq!(added[1]["format"], "pdf");
    let out = cli(dir.path(), &["doc", "list", &reg, "--json"]);
    assert_eq!(
        json(&out).as_array().map(Vec::len),
        Some(1),
        "only the e-KK"
    );
}
