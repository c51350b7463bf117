//! Adding documents, timed, against libjpeg-turbo's `djpeg` decoding the same
//! camera photo in the same run (the reference: the target is that adding a
//! 4000×3000 camera JPEG — sniff, SHA-256, EXIF orientation, display copy,
//! thumbnail, atomic writes with fsync, database row — takes at most 1.5×
//! `djpeg`'s full decode of it).
//!
//! `djpeg` is measured two ways: the whole process (`djpeg -outfile /dev/null
//! FILE`, the stated reference), and that minus the median start of an empty
//! process (`true`), an estimate of its in-process decode time. Ours is the
//! in-process `documents::add_path` call, each run on a fresh data folder so
//! that duplicate detection cannot short-circuit it. Runs of ours and of
//! `djpeg` alternate, so both see the same machine load.
//!
//! `cargo bench -p loket-core --bench add_document` (`LOKET_BENCH_RUNS` sets
//! the runs per file, default 15). Needs Debian's `libjpeg-turbo-progs`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use loket_core::documents::{self, DocKind};
use loket_core::model::NewRequest;
use loket_core::{requests, Desk};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

const FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/documents"
);

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

/// A fresh data folder with one request.
fn fresh() -> (tempfile::TempDir, Desk, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path()).unwrap();
    let input = NewRequest {
        name: "Bench".into(),
        phone: "081234567890".into(),
        ..Default::default()
    };
    let reg = requests::create_request(desk.conn_mut().unwrap(), &input, "Bench", 0)
        .unwrap()
        .reg_no;
    (dir, desk, reg)
}

/// Milliseconds of one `add_path` on a fresh data folder (setup not timed),
/// and the refusal code if it was refused.
fn add_once(path: &Path) -> (f64, Option<String>) {
    let (_dir, mut desk, reg) = fresh();
    let start = Instant::now();
    let result = documents::add_path(&mut desk, &reg, Some(DocKind::Other), path, "Bench", 0);
    (ms(start), result.err().map(|e| e.code_str()))
}

fn process_ms(cmd: &str, args: &[&str]) -> Option<f64> {
    let start = Instant::now();
    let status = Command::new(cmd)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .ok()?;
    status.success().then(|| ms(start))
}

fn main() {
    let runs: usize = std::env::var("LOKET_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(15)
        .max(3);
    let manifest: Vec<serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(Path::new(FIXTURES).join("manifest.json"))
            .expect("tests/fixtures/documents in the repository"),
    )
    .unwrap();
    let file = |e: &serde_json::Value| Path::new(FIXTURES).join(e["file"].as_str().unwrap());
    let have_djpeg = process_ms("djpeg", &["-version"]).is_some();
    let empty: Vec<f64> = (0..runs).filter_map(|_| process_ms("true", &[])).collect();
    let empty = if empty.is_empty() { 0.0 } else { median(empty) };

    println!("== adding a camera JPEG vs djpeg decoding it ({runs} runs each, medians)");
    if !have_djpeg {
        println!("djpeg not found: install libjpeg-turbo-progs for the reference numbers");
    }
    println!("empty process start (`true`): {empty:.1} ms");
    let cameras: Vec<PathBuf> = manifest
        .iter()
        .filter(|e| e["variant"] == "camera")
        .map(file)
        .collect();
    let mut ratios = Vec::new();
    for path in &cameras {
        let path_str = path.to_str().unwrap();
        let djpeg_args = ["-outfile", "/dev/null", path_str];
        // Warm the page cache, the thread pool and the decoders.
        for _ in 0..2 {
            assert_eq!(add_once(path).1, None, "{} is added", path.display());
            process_ms("djpeg", &djpeg_args);
        }
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        for _ in 0..runs {
            ours.push(add_once(path).0);
            if have_djpeg {
                theirs.extend(process_ms("djpeg", &djpeg_args));
            }
        }
        let ours = median(ours);
        let name = path.file_name().unwrap().to_string_lossy();
        if theirs.is_empty() {
            println!("{name}: ours {ours:.1} ms");
            continue;
        }
        let djpeg = median(theirs);
        let in_process = (djpeg - empty).max(0.1);
        ratios.push((ours / djpeg, ours / in_process));
        println!(
            "{name}: ours {ours:.1} ms | djpeg process {djpeg:.1} ms, ratio {:.2} | djpeg minus process start {in_process:.1} ms, ratio {:.2}",
            ours / djpeg,
            ours / in_process
        );
    }
    if !ratios.is_empty() {
        let worst = ratios.iter().map(|r| r.0).fold(0.0, f64::max);
        let worst_in = ratios.iter().map(|r| r.1).fold(0.0, f64::max);
        println!(
            "worst ratio: {worst:.2} vs djpeg process, {worst_in:.2} vs djpeg minus process start (target <= 1.5 vs the process)"
        );
    }

    println!();
    println!("== other inputs (median of {runs}, fresh data folder each)");
    let others = [
        ("bad/bomb_30000x30000.png", "PNG bomb 30000x30000, refused"),
        ("bad/truncated_40pct.jpg", "truncated JPEG, refused"),
        ("SCAN_KK_20261122.png", "PNG scan 2480x1754"),
        ("ktp_ibu.webp", "WebP 1280x960"),
        ("KK_3516032003240061.pdf", "PDF e-KK, 1 page A4"),
        (
            "WhatsApp Image 2026-11-24 at 10.15.32.jpeg",
            "WhatsApp JPEG 1200x1600",
        ),
    ];
    for (name, what) in others {
        let path = Path::new(FIXTURES).join(name);
        let runs: Vec<_> = (0..runs).map(|_| add_once(&path)).collect();
        let outcome = match &runs[0].1 {
            Some(code) => format!("refused [{code}]"),
            None => "added".to_owned(),
        };
        println!(
            "{what}: {:.1} ms ({outcome})",
            median(runs.iter().map(|r| r.0).collect())
        );
    }
    // The bomb again on one data folder, in microseconds.
    let (_dir, mut desk, reg) = fresh();
    let bomb = Path::new(FIXTURES).join("bad/bomb_30000x30000.png");
    let times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let err = documents::add_path(&mut desk, &reg, None, &bomb, "Bench", 0).unwrap_err();
            assert_eq!(err.code_str(), "gambar_terlalu_besar");
            ms(start)
        })
        .collect();
    println!("PNG bomb refusal alone: {:.2} ms", median(times));
}
