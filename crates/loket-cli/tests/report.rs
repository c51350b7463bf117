//! `loket-cli report daily`: the real binary on a real data folder, as a
//! scheduled task or a supervisor's script runs it.

mod common;

use common::*;
use std::path::Path;

const NIK: &str = "3516024512900003";

/// Two requests registered now, one finished; returns the WIB day they
/// were numbered on (`VN-YYMMDD-nnnn`), so the test holds across midnight.
fn two_requests(dir: &Path) -> String {
    let out = cli(
        dir,
        &[
            "request",
            "new",
            "--name",
            "Siti Aminah",
            "--phone",
            "081234567890",
            "--nik",
            NIK,
            "--category",
            "bpjs",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let reg = stdout(&out);
    let out = cli(
        dir,
        &[
            "request",
            "new",
            "--name",
            "Budi",
            "--phone",
            "081234567891",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for (to, outcome) in [("verifying", None), ("done", Some("updated"))] {
        let mut args = vec!["request", "move", reg.as_str(), "--to", to];
        if let Some(o) = outcome {
            args.extend(["--outcome", o]);
        }
        let out = cli(dir, &args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let day = &reg[3..9]; // YYMMDD
    format!("20{}-{}-{}", &day[0..2], &day[2..4], &day[4..6])
}

#[test]
fn json_to_stdout_masks_niks_unless_full_is_asked() {
    let dir = tempfile::tempdir().unwrap();
    let day = two_requests(dir.path());
    let out = cli(
        dir.path(),
        &["report", "daily", "--date", &day, "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(v["from"], day.as_str());
    assert_eq!(v["to"], day.as_str());
    assert_eq!(v["total"], 2);
    assert_eq!(v["open"], 1);
    assert_eq!(v["full_nik"], false);
    assert_eq!(v["sla"]["finished"], 1);
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["nik"], "351602******0003");
    assert_eq!(rows[0]["outcome"], "updated");
    assert_eq!(rows[0]["operator"], "Rina");
    assert!(!String::from_utf8_lossy(&out.stdout).contains(NIK));

    let out = cli(
        dir.path(),
        &[
            "report",
            "daily",
            "--date",
            &day,
            "--format",
            "json",
            "--full-nik",
        ],
    );
    let v = json(&out);
    assert_eq!(v["full_nik"], true);
    assert_eq!(v["rows"][0]["nik"], NIK);

    let file = dir.path().join("rekap.json");
    let path = file.to_str().unwrap();
    let args = [
        "report", "daily", "--date", &day, "--format", "json", "--out", path,
    ];
    let out = cli(dir.path(), &args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("Rekap "), "{}", stdout(&out));
    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(saved["total"], 2);
    assert_eq!(saved["rows"][0]["nik"], "351602******0003");
}

#[test]
fn csv_to_stdout_and_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let day = two_requests(dir.path());
    let out = cli(
        dir.path(),
        &["report", "daily", "--date", &day, "--format", "csv"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let bytes = out.stdout;
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM for Excel");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.split_terminator("\r\n").collect();
    assert_eq!(lines.len(), 3, "header and two rows: {text}");
    assert!(
        lines[0].starts_with("No,No. Registrasi,Diterima (WIB)"),
        "{}",
        lines[0]
    );
    assert!(lines[1].contains("351602******0003"));

    let file = dir.path().join("rekap.csv");
    let out = cli(
        dir.path(),
        &[
            "report",
            "daily",
            "--date",
            &day,
            "--to",
            &day,
            "--format",
            "csv",
            "--out",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("2 permohonan ditulis"),
        "{}",
        stdout(&out)
    );
    assert_eq!(std::fs::read(&file).unwrap()[3..], *text.as_bytes());
}

#[test]
fn xlsx_needs_out_and_writes_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let day = two_requests(dir.path());
    let out = cli(
        dir.path(),
        &["report", "daily", "--date", &day, "--format", "xlsx"],
    );
    assert_eq!(out.status.code(), Some(2), "a usage error");
    assert!(
        stderr(&out).contains("error[masukan_tidak_valid]"),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());

    let file = dir.path().join("rekap.xlsx");
    let out = cli(
        dir.path(),
        &[
            "report",
            "daily",
            "--date",
            &day,
            "--format",
            "xlsx",
            "--out",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let bytes = std::fs::read(&file).unwrap();
    assert!(
        bytes.starts_with(b"PK\x03\x04"),
        "an XLSX is a zip container"
    );
    assert!(bytes.len() > 4000);
}

#[test]
fn bad_dates_and_ranges_are_coded_errors() {
    let dir = tempfile::tempdir().unwrap();
    let out = cli(
        dir.path(),
        &["report", "daily", "--date", "2026-11-31", "--format", "csv"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("error[masukan_tidak_valid]"));

    let out = cli(
        dir.path(),
        &[
            "report",
            "daily",
            "--date",
            "2026-11-25",
            "--to",
            "2026-11-01",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "a refused range");
    let err: serde_json::Value = serde_json::from_str(stderr(&out).trim()).unwrap();
    assert_eq!(err["code"], "masukan_tidak_valid");
    assert!(out.stdout.is_empty());

    let out = cli(
        dir.path(),
        &[
            "report",
            "daily",
            "--date",
            "2025-01-01",
            "--to",
            "2026-01-02",
            "--format",
            "csv",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "367 days");
    assert!(stderr(&out).contains("366 hari"), "{}", stderr(&out));

    let out = cli(
        dir.path(),
        &["report", "daily", "--date", "2026-11-25", "--format", "pdf"],
    );
    assert_eq!(out.status.code(), Some(2), "clap refuses an unknown format");
}
