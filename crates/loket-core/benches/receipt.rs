//! The receipt from database to file, per step and per paper: gathering the
//! text (`build`), the layout SVG, shaping + the flattened print SVG
//! (`for_print`), the PNG and the PDF, as the operator's "print" and "save
//! for WhatsApp" clicks run them. Prints p50 / p95 in ms and the sizes,
//! beside a primary-key lookup measured in the same run as the reference.
//!
//! `cargo bench -p loket-core --bench receipt` (`LOKET_BENCH_RECEIPTS` sets the runs).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use loket_core::model::{Category, NewRequest, Outcome, Status};
use loket_core::receipt::{self, render, Layout, ReceiptFormat, ReceiptOptions};
use loket_core::{db, requests};
use std::hint::black_box;
use strum::VariantArray;

const NOW: i64 = 1_764_054_000_000;

fn main() {
    let n: usize = std::env::var("LOKET_BENCH_RECEIPTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(30);
    let mut conn = db::open_in_memory().unwrap();
    let input = NewRequest {
        name: "Siti Aminah binti Abdul Rahman".into(),
        phone: "081234567890".into(),
        nik: Some("3516024512900003".into()),
        kk: None,
        category: Some(Category::Bpjs),
        problem: None,
    };
    let req = requests::create_request(&mut conn, &input, "Rina", NOW).unwrap();
    let reg = req.reg_no;
    requests::move_request(
        &mut conn,
        &reg,
        Status::Verifying,
        None,
        None,
        "Rina",
        NOW + 60_000,
    )
    .unwrap();
    let done = Some(Outcome::Updated);
    requests::move_request(
        &mut conn,
        &reg,
        Status::Done,
        done,
        None,
        "Rina",
        NOW + 720_000,
    )
    .unwrap();

    let (r50, r95) = support::reference(&conn, &[req.id; 200]);
    println!("reference: primary-key lookup p50 {r50:.4} ms, p95 {r95:.4} ms");
    println!("{n} runs each; p50 / p95 ms");
    for layout in Layout::VARIANTS {
        let opts = ReceiptOptions {
            full_nik: false,
            layout: *layout,
        };
        let data = receipt::build(&conn, &reg, opts, "Rina", NOW).unwrap();
        let name = layout.as_str();
        let report = |what: &str, (p50, p95): (f64, f64), size: Option<usize>| {
            let size = size.map_or(String::new(), |b| format!(", {} KB", b / 1024));
            println!("  {name:6} {what:34} {p50:8.2} / {p95:8.2}{size}");
        };
        let t = support::time(n, |_| {
            black_box(receipt::build(&conn, &reg, opts, "Rina", NOW).unwrap());
        });
        report("build (database to text)", t, None);
        let t = support::time(n, |_| {
            black_box(receipt::lay_out(&data, *layout).unwrap());
        });
        report("layout SVG (wrap, QR)", t, None);
        let svg = receipt::for_print(&conn, &reg, opts, "Rina", NOW)
            .unwrap()
            .svg;
        let t = support::time(n, |_| {
            black_box(receipt::for_print(&conn, &reg, opts, "Rina", NOW).unwrap());
        });
        report("for_print (all, flattened SVG)", t, Some(svg.len()));
        for format in ReceiptFormat::VARIANTS {
            let bytes = receipt::render(&conn, &reg, opts, *format, "Rina", NOW).unwrap();
            let t = support::time(n, |_| {
                black_box(receipt::render(&conn, &reg, opts, *format, "Rina", NOW).unwrap());
            });
            let what = format!("render {} (all steps)", format.as_str());
            report(&what, t, Some(bytes.bytes.len()));
        }
        let t = support::time(n, |_| {
            black_box(render::png(&data, *layout).unwrap());
        });
        report("png from text (shape + raster)", t, None);
    }
}
