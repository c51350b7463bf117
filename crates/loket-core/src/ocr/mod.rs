//! Reading the NIK, the KK number and the other fields from a document
//! photo, on the PC, as suggestions the operator accepts field by field.
//!
//! Typing 16-digit numbers from a phone photo is where operators slip; a
//! reading beside the field, digit by digit with the doubtful digits
//! marked, lets them compare instead of type. Nothing here fills a form:
//! the UI shows a [`Reading`] and the operator accepts what is right.
//!
//! The pipeline: [`layout::find_lines`] straightens the photo and cuts out
//! its text lines; the engine reads each line; [`text::rows`] groups them;
//! [`ktp`] or [`kk`] parse the rows (labels tolerant of OCR typos, look-alike
//! digits fixed in number fields, closed word lists snapped); the NIK and KK
//! checks mark suggestions that cannot be right; a KK's QR code is decoded
//! when there is one. The engine is a trait ([`TextEngine`]): PaddleOCR's
//! models through `rten` in the app ([`PaddleEngine`]), a fake in tests.

mod ctc;
mod digits;
pub mod engine;
#[cfg(test)]
mod fake;
mod kk;
mod ktp;
mod labels;
pub mod layout;
mod paddle;
mod qr;
pub mod reading;
#[cfg(test)]
mod tests;
pub mod text;
mod vocab;

use std::time::Instant;

use chrono::NaiveDate;
use image::RgbImage;

pub use engine::{LineText, TextEngine};
pub use paddle::{PaddleEngine, MODEL_FILES};
pub use reading::{MemberSuggestion, Reading, Suggestion};

use crate::documents::DocKind;
use crate::error::Result;
use crate::ident::{kk::check_kk, nik::check_nik, IdCheck, Sex};
use text::{Scored, Word};

/// Reads `image` (upright) as a document of `kind` (`Other`: decided
/// from the text). `today` bounds the NIK's birth date in its check.
pub fn read(
    engine: &dyn TextEngine,
    image: &RgbImage,
    kind: DocKind,
    today: NaiveDate,
) -> Result<Reading> {
    let started = Instant::now();
    let lines = layout::find_lines(engine, image)?;
    let cuts: Vec<RgbImage> = lines
        .boxes
        .iter()
        .map(|b| {
            image::imageops::crop_imm(&lines.picture, b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0)
                .to_image()
        })
        .collect();
    let read = engine.read_lines(&cuts)?;
    let mut words = Vec::with_capacity(lines.boxes.len());
    for (b, r) in lines.boxes.iter().zip(read) {
        let text = Scored::new(&r.text, &r.confidences).trim_matches(&[]);
        if !text.is_empty() {
            words.push(Word { text, at: *b });
        }
    }
    let count = words.len() as u32;
    let rows = text::rows(words);
    let kind = match kind {
        DocKind::Ktp | DocKind::Kk => kind,
        _ if rows
            .iter()
            .any(|r| r.joined().text().to_uppercase().contains("KARTU KELUARGA")) =>
        {
            DocKind::Kk
        }
        _ => DocKind::Ktp,
    };
    let (mut fields, mut members, qr) = if kind == DocKind::Kk {
        let (f, m) = kk::parse(&rows);
        (f, m, qr::decode(image))
    } else {
        (ktp::parse(&rows), Vec::new(), None)
    };
    check(&mut fields, kind, today);
    for m in &mut members {
        check(&mut m.fields, DocKind::Ktp, today);
    }
    Ok(Reading {
        kind,
        fields,
        members,
        qr,
        turn: lines.turn,
        lines: count,
        millis: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
    })
}

/// Marks a NIK or KK number that fails its check, with the check's first
/// error (or, for a NIK, a disagreement with the printed birth date or sex).
fn check(fields: &mut [Suggestion], kind: DocKind, today: NaiveDate) {
    let dob = reading::get(fields, "tanggal_lahir")
        .and_then(|s| NaiveDate::parse_from_str(&s.value, "%Y-%m-%d").ok());
    let sex = reading::get(fields, "jenis_kelamin").and_then(|s| match s.value.as_str() {
        "L" => Some(Sex::L),
        "P" => Some(Sex::P),
        _ => None,
    });
    for s in fields.iter_mut() {
        let result: Option<IdCheck> = match (s.field.as_str(), kind) {
            ("nik", _) => Some(check_nik(&s.value, dob, sex, today)),
            ("no_kk", DocKind::Kk) => Some(check_kk(&s.value, today)),
            _ => None,
        };
        if let Some(c) = result {
            s.problem = c.errors.into_iter().chain(c.warnings).next();
        }
    }
}
