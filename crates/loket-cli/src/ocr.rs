//! `loket-cli ocr FILE`: reads a KTP-el or KK photo, scan or PDF with the
//! bundled OCR models and prints the suggested fields with their
//! confidences — the same reading the app shows beside the form. Nothing is
//! stored; the data folder is not opened.

use crate::stdio::{self, outln};
use crate::{Failure, Verdict};
use clap::Args;
use loket_core::documents::{self, DocKind};
use loket_core::ocr::{self, PaddleEngine, Reading, Suggestion};
use loket_core::{clock, LoketError};
use std::io;
use std::path::PathBuf;

#[derive(Args)]
pub(crate) struct OcrArgs {
    /// The photo, scan or PDF to read.
    file: PathBuf,
    /// What the document is: ktp or kk (default: decided from its text).
    #[arg(long)]
    kind: Option<String>,
    /// Page of a PDF to read (1-based).
    #[arg(long, default_value_t = 1)]
    page: usize,
    /// Folder with the OCR models (default: beside the program, or the
    /// checkout's models/ocr).
    #[arg(long, env = "LOKET_OCR_MODELS")]
    models: Option<PathBuf>,
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(a: OcrArgs) -> Result<Verdict, Failure> {
    let json = a.json;
    let input = |e: LoketError| Failure::input(e, json);
    let kind = match a.kind.as_deref() {
        None => DocKind::Other,
        Some(k) => DocKind::parse(k).map_err(|e| Failure::usage(e, json))?,
    };
    let bytes = std::fs::read(&a.file)
        .map_err(|e| input(LoketError::from_io(&e, &a.file.display().to_string())))?;
    let pages = documents::display_images(&bytes).map_err(input)?;
    let Some(picture) = pages.get(a.page.saturating_sub(1)) else {
        return Err(Failure::usage(
            LoketError::new(
                loket_core::error::ErrorCode::MasukanTidakValid,
                format!("Berkas ini hanya punya {} halaman.", pages.len()),
            ),
            json,
        ));
    };
    // The file is checked before the models are loaded: a broken photo is
    // refused at once.
    let dir = a
        .models
        .or_else(PaddleEngine::default_dir)
        .unwrap_or_else(|| PathBuf::from("models/ocr"));
    let engine = PaddleEngine::load(&dir).map_err(input)?;
    let today = clock::wib_date(clock::now_ms());
    let reading = ocr::read(&engine, picture, kind, today).map_err(input)?;
    if json {
        stdio::json(&reading)?;
    } else {
        print(&reading)?;
    }
    Ok(Verdict::Ok)
}

fn print(r: &Reading) -> io::Result<()> {
    outln!(
        "{}: {} baris dibaca, foto diluruskan {:.1}°, {:.1} s",
        r.kind.label(),
        r.lines,
        r.turn,
        r.millis as f64 / 1000.0
    )?;
    for s in &r.fields {
        line("", s)?;
    }
    for m in &r.members {
        outln!("Anggota {}:", m.row + 1)?;
        for s in &m.fields {
            line("  ", s)?;
        }
    }
    if let Some(qr) = &r.qr {
        outln!("Kode QR: {qr}")?;
    }
    Ok(())
}

fn line(indent: &str, s: &Suggestion) -> io::Result<()> {
    let doubtful: Vec<String> = s
        .chars
        .iter()
        .enumerate()
        .filter(|(i, c)| **c < 0.8 || s.fixed.contains(&(*i as u32)))
        .map(|(i, _)| (i + 1).to_string())
        .collect();
    let mut note = String::new();
    if !doubtful.is_empty() && s.chars.len() > 3 {
        note.push_str(&format!("  ragu di huruf/angka ke-{}", doubtful.join(",")));
    }
    if let Some(p) = &s.problem {
        note.push_str(&format!("  ! {}", p.message));
    }
    outln!(
        "{indent}{:<20} {:<32} {:>3}%{note}",
        s.field,
        s.value,
        (s.confidence * 100.0).round() as i64
    )
}
