//! `loket-cli receipt` as scripts use it: the real binary on a real data
//! folder, the JSON contract, the files it writes and its exit codes.

mod common;
mod receipt_support;

use common::*;
use receipt_support::*;
use serde_json::Value;
use std::process::Command;

#[test]
fn receipt_files_in_every_format_and_layout_with_the_json_contract() {
    let dir = tempfile::tempdir().unwrap();
    let reg = finished_request(dir.path());
    for layout in ["roll80", "a5"] {
        for format in ["html", "pdf", "png"] {
            let file = dir.path().join(format!("bukti-{layout}.{format}"));
            let out = cli(
                dir.path(),
                &[
                    "receipt",
                    &reg,
                    "--format",
                    format,
                    "--layout",
                    layout,
                    "--out",
                    file.to_str().unwrap(),
                    "--json",
                ],
            );
            assert_eq!(
                out.status.code(),
                Some(0),
                "{format}/{layout}: {}",
                stderr(&out)
            );
            let v = json(&out);
            let bytes = std::fs::read(&file).unwrap();
            assert_eq!(v["file"], file.to_str().unwrap());
            assert_eq!(v["format"], format);
            assert_eq!(v["layout"], layout);
            assert_eq!(v["bytes"], bytes.len() as u64);
            let (w, h) = (
                v["width_mm"].as_f64().unwrap(),
                v["height_mm"].as_f64().unwrap(),
            );
            match layout {
                "a5" => assert_eq!((w, h), (148.0, 210.0)),
                _ => assert!(w == 80.0 && h > 100.0 && h < 250.0, "{w} × {h} mm"),
            }
            let magic: &[u8] = match format {
                "html" => b"<!DOCTYPE html>",
                "pdf" => b"%PDF-",
                _ => b"\x89PNG",
            };
            assert!(bytes.starts_with(magic), "{format}");
            if format == "png" {
                let (gray, pw, ph) = png_gray(&bytes);
                let dpi = if layout == "a5" { 200.0 } else { 203.0 };
                assert_eq!(pw, (w * dpi / 25.4).round() as usize);
                assert_eq!(ph, (h * dpi / 25.4).round() as usize);
                assert_eq!(decode_qr(&gray, pw, ph), reg);
            }
        }
    }
    let temporaries: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(temporaries.is_empty(), "{temporaries:?}");
    let plain = cli(
        dir.path(),
        &[
            "receipt",
            &reg,
            "--out",
            dir.path().join("x.html").to_str().unwrap(),
        ],
    );
    assert_eq!(plain.status.code(), Some(0));
    assert!(
        stdout(&plain).starts_with("Bukti layanan disimpan: "),
        "{}",
        stdout(&plain)
    );
}

#[test]
fn html_goes_to_stdout_and_pdf_or_png_to_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let reg = finished_request(dir.path());
    let out = cli(dir.path(), &["receipt", &reg]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("@page { size: 80mm "), "roll by default");
    assert!(html.contains("<title>Bukti Layanan VN-"));
    for (format, magic) in [("pdf", &b"%PDF-"[..]), ("png", &b"\x89PNG"[..])] {
        let out = cli(dir.path(), &["receipt", &reg, "--format", format]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(out.stdout.starts_with(magic), "{format} to a pipe");
    }
    let help = cli(dir.path(), &["receipt", "--help"]);
    assert!(
        stdout(&help).contains("tidak ke terminal"),
        "the help tells"
    );
}

#[test]
fn pdf_to_a_terminal_is_refused_with_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let reg = finished_request(dir.path());
    let cmd = format!(
        "'{}' --data-dir '{}' receipt {reg} --format pdf",
        env!("CARGO_BIN_EXE_loket-cli"),
        dir.path().display()
    );
    // `script` (util-linux, always on Debian) gives the command a terminal.
    let out = Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .env("LOKET_OPERATOR", "Rina")
        .output()
        .expect("`script` (util-linux) runs the CLI on a terminal");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(
        text.contains("masukan_tidak_valid") && text.contains("--out"),
        "{text}"
    );
    assert!(!text.contains("%PDF"));
}

#[test]
fn unknown_numbers_and_bad_arguments_exit_with_their_codes() {
    let dir = tempfile::tempdir().unwrap();
    let reg = finished_request(dir.path());
    let file = dir.path().join("bukti.pdf");
    let f = file.to_str().unwrap();
    let out = cli(
        dir.path(),
        &[
            "receipt",
            "VN-000000-9999",
            "--format",
            "pdf",
            "--out",
            f,
            "--json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err: Value = serde_json::from_slice(&out.stderr).expect("--json errors are JSON");
    assert_eq!(err["code"], "permohonan_tidak_ditemukan");
    assert!(!file.exists(), "nothing written");
    let out = cli(dir.path(), &["receipt", "VN-000000-9999"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("error[permohonan_tidak_ditemukan]"));
    assert!(out.stdout.is_empty());

    for args in [
        vec!["receipt", reg.as_str(), "--format", "jpg", "--out", f],
        vec!["receipt", reg.as_str(), "--layout", "a4", "--out", f],
    ] {
        let out = cli(dir.path(), &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains("masukan_tidak_valid"),
            "{}",
            stderr(&out)
        );
    }
    let out = cli(dir.path(), &["receipt", &reg, "--json"]);
    assert_eq!(out.status.code(), Some(2), "--json needs --out");
    let missing = dir.path().join("no-such-folder").join("bukti.png");
    let out = cli(
        dir.path(),
        &[
            "receipt",
            &reg,
            "--format",
            "png",
            "--out",
            missing.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).starts_with("error["));
}
