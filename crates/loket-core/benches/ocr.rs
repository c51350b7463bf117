//! Reading the fixture documents with the real OCR models, timed, against
//! the reference measured in the same run: checking the same file exactly
//! as adding it would (`documents::inspect`: sniff, header limits, decode,
//! upright display copy and thumbnail). Also the memory the models and a
//! reading take (peak resident set, from `/proc/self/status`) and the
//! models' size on disk. Accuracy is asserted by `tests/ocr_fixtures.rs`.
//!
//! `cargo bench -p loket-core --bench ocr` (needs `models/ocr`, see
//! `scripts/fetch-ocr-models.sh`; `LOKET_BENCH_RUNS` runs per file, default 3).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use loket_core::documents::{self, DocKind};
use loket_core::ocr::{self, PaddleEngine, MODEL_FILES};
use serde_json::Value;
use std::path::Path;
use std::time::Instant;

const FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/documents"
);

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// Peak and current resident set of this process, in MB.
fn memory() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = |key: &str| {
        status
            .lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
            / 1024.0
    };
    (kb("VmHWM:"), kb("VmRSS:"))
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/ocr");
    let runs: usize = std::env::var("LOKET_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    let size: u64 = MODEL_FILES
        .iter()
        .map(|(name, _)| {
            std::fs::metadata(dir.join(name))
                .map(|m| m.len())
                .unwrap_or(0)
        })
        .sum();
    println!(
        "models: {:.1} MB on disk ({} files)",
        size as f64 / 1e6,
        MODEL_FILES.len()
    );
    let (_, before) = memory();
    let t = Instant::now();
    let engine = PaddleEngine::load(&dir).expect("models in models/ocr");
    println!(
        "loading the models (with SHA-256 checks): {:.0} ms; resident +{:.0} MB",
        t.elapsed().as_secs_f64() * 1000.0,
        memory().1 - before
    );
    let manifest: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(Path::new(FIXTURES).join("manifest.json")).unwrap(),
    )
    .unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let (mut sum_ocr, mut sum_ref, mut n) = (0.0, 0.0, 0.0);
    println!(
        "{:<46} {:>4} {:>9} {:>9} {:>6}",
        "file", "kind", "read ms", "add ms", "ratio"
    );
    for e in manifest
        .iter()
        .filter(|e| e["kind"] == "ktp" || e["kind"] == "kk")
    {
        let file = e["file"].as_str().unwrap();
        let bytes = std::fs::read(Path::new(FIXTURES).join(file)).unwrap();
        let kind = if e["kind"] == "ktp" {
            DocKind::Ktp
        } else {
            DocKind::Kk
        };
        let (mut reads, mut refs) = (Vec::new(), Vec::new());
        for _ in 0..runs {
            let t = Instant::now();
            documents::inspect(&bytes).unwrap();
            refs.push(t.elapsed().as_secs_f64() * 1000.0);
            let t = Instant::now();
            let page = documents::display_images(&bytes).unwrap().remove(0);
            ocr::read(&engine, &page, kind, today).unwrap();
            reads.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        let (r, f) = (median(reads), median(refs));
        println!(
            "{:<46} {:>4} {:>9.0} {:>9.0} {:>5.1}x",
            file,
            kind.as_str(),
            r,
            f,
            r / f
        );
        sum_ocr += r;
        sum_ref += f;
        n += 1.0;
    }
    println!(
        "mean per document: reading {:.0} ms, reference (checking the file as an add does) {:.0} ms: {:.1}x",
        sum_ocr / n,
        sum_ref / n,
        sum_ocr / sum_ref
    );
    let (peak, now) = memory();
    println!(
        "memory: peak resident {peak:.0} MB, now {now:.0} MB (before the models: {before:.0} MB)"
    );
}
