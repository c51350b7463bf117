//! The receipt as a browser prints it: the CLI writes the HTML page, headless
//! Chromium prints it to PDF (the print path of the app's webview, without
//! the modal dialog), poppler measures the page and rasterises it at 200 dpi,
//! and the QR code is read back from those pixels. The PNGs are kept in
//! `target/screenshots/` for a person to look at.
//!
//! Needs `chromium` and `poppler-utils` (scripts/setup-debian.sh installs
//! them); without them the test fails and says so.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod receipt_support;

use common::*;
use receipt_support::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn require(tool: &str, package: &str) -> PathBuf {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join(tool))
            .find(|p| p.is_file())
    });
    found.unwrap_or_else(|| {
        panic!("`{tool}` is not installed: the receipt print check needs it (apt-get install {package}; scripts/setup-debian.sh installs it)")
    })
}

/// `target/screenshots/`, in the target folder this build uses.
fn screenshots() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let target = match std::env::var_os("CARGO_TARGET_DIR") {
        Some(t) => root.join(t),
        None => root.join("target"),
    };
    let dir = target.join("screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs a command with its output in files, killed after `limit`.
fn run(cmd: &mut Command, log: &Path, limit: Duration) {
    let out = std::fs::File::create(log).unwrap();
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(out.try_clone().unwrap())
        .stderr(out)
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let log = std::fs::read_to_string(log).unwrap_or_default();
            assert!(status.success(), "{cmd:?} failed ({status}):\n{log}");
            return;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{cmd:?} did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// (pages, width pt, height pt) from `pdfinfo`.
fn pdfinfo(pdf: &Path) -> (u32, f64, f64) {
    let out = Command::new(require("pdfinfo", "poppler-utils"))
        .arg(pdf)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(str::trim)
            .unwrap_or_else(|| panic!("pdfinfo has no {name}:\n{text}"))
            .to_owned()
    };
    let pages = field("Pages:").parse().unwrap();
    let size = field("Page size:");
    let nums: Vec<f64> = size
        .split_whitespace()
        .filter_map(|t| t.parse().ok())
        .collect();
    (pages, nums[0], nums[1])
}

#[test]
fn chromium_prints_both_layouts_at_their_paper_size_with_a_readable_qr() {
    let chromium = require("chromium", "chromium");
    let pdftoppm = require("pdftoppm", "poppler-utils");
    let dir = tempfile::tempdir().unwrap();
    let reg = finished_request(dir.path());
    for (layout, dpi_note) in [("roll80", "80 mm roll"), ("a5", "A5")] {
        let html = dir.path().join(format!("receipt-{layout}.html"));
        let out = cli(
            dir.path(),
            &[
                "receipt",
                &reg,
                "--layout",
                layout,
                "--out",
                html.to_str().unwrap(),
                "--json",
            ],
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let v = json(&out);
        let (w_mm, h_mm) = (
            v["width_mm"].as_f64().unwrap(),
            v["height_mm"].as_f64().unwrap(),
        );

        let pdf = dir.path().join(format!("receipt-{layout}.pdf"));
        run(
            Command::new(&chromium).args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--no-pdf-header-footer",
                &format!("--user-data-dir={}", dir.path().join("chromium").display()),
                &format!("--print-to-pdf={}", pdf.display()),
                &format!("file://{}", html.display()),
            ]),
            &dir.path().join("chromium.log"),
            Duration::from_secs(90),
        );
        let (pages, w_pt, h_pt) = pdfinfo(&pdf);
        assert_eq!(pages, 1, "{dpi_note}: one page, no spill-over");
        let pt = |mm: f64| mm * 72.0 / 25.4;
        assert!(
            (w_pt - pt(w_mm)).abs() < 1.0,
            "{dpi_note}: {w_pt} pt wide, want {}",
            pt(w_mm)
        );
        assert!(
            (h_pt - pt(h_mm)).abs() < 1.0,
            "{dpi_note}: {h_pt} pt high, want {}",
            pt(h_mm)
        );

        let prefix = dir.path().join(format!("receipt-{layout}"));
        run(
            Command::new(&pdftoppm)
                .args(["-r", "200", "-png", "-singlefile"])
                .arg(&pdf)
                .arg(&prefix),
            &dir.path().join("pdftoppm.log"),
            Duration::from_secs(60),
        );
        let png = prefix.with_extension("png");
        let bytes = std::fs::read(&png).unwrap();
        let (gray, w, h) = png_gray(&bytes);
        // Chromium's `A5` is 420 × 595 pt (148.2 mm wide): within a point of
        // the layout, so the pixels are checked against the printed page.
        let px = |pt: f64| (pt * 200.0 / 72.0).round() as i64;
        assert!(
            (w as i64 - px(w_pt)).abs() <= 1,
            "{dpi_note}: {w} px wide at 200 dpi"
        );
        assert!(
            (h as i64 - px(h_pt)).abs() <= 1,
            "{dpi_note}: {h} px high at 200 dpi"
        );
        assert_eq!(
            decode_qr(&gray, w, h),
            reg,
            "{dpi_note}: the printed QR reads back"
        );
        // Printed, not blank: a fair share of black ink.
        let black = gray.iter().filter(|&&g| g < 100).count();
        assert!(black > gray.len() / 50, "{dpi_note}: {black} black pixels");
        std::fs::copy(&png, screenshots().join(format!("receipt-{layout}.png"))).unwrap();
    }
}

#[test]
fn the_pdf_file_keeps_its_text_and_masks_the_nik_unless_asked() {
    let pdftotext = require("pdftotext", "poppler-utils");
    let dir = tempfile::tempdir().unwrap();
    let reg = finished_request(dir.path());
    for (flag, shown, hidden) in [
        (None, NIK_MASKED, NIK),
        (Some("--full-nik"), NIK, NIK_MASKED),
    ] {
        let pdf = dir.path().join("bukti.pdf");
        let mut args = vec![
            "receipt",
            reg.as_str(),
            "--format",
            "pdf",
            "--out",
            pdf.to_str().unwrap(),
        ];
        args.extend(flag);
        let out = cli(dir.path(), &args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let text = Command::new(&pdftotext)
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&text.stdout);
        for expected in ["BUKTI LAYANAN", "Tidak dipungut biaya", reg.as_str(), shown] {
            assert!(
                text.contains(expected),
                "{flag:?}: no {expected:?} in\n{text}"
            );
        }
        assert!(
            !text.contains(hidden),
            "{flag:?}: {hidden} must not be printed"
        );
    }
}
