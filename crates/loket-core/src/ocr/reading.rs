//! What a reading suggests: per form field a value, its confidence, per
//! character confidences (so the NIK can be shown digit by digit with the
//! doubtful ones marked), the digits that were look-alike letters, and the
//! check the value failed. Suggestions only: the UI never fills a field
//! without the operator accepting it.

use serde::Serialize;
use ts_rs::TS;

use super::digits::Number;
use super::text::Scored;
use crate::documents::DocKind;
use crate::ident::Finding;

/// One suggested value for one field of the verification form.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Suggestion {
    /// The form's field name (`nik`, `nama`, `tanggal_lahir`, …).
    pub field: String,
    /// In the form's own format (dates `YYYY-MM-DD`, sex `L`/`P`).
    pub value: String,
    /// Mean confidence, 0–1.
    pub confidence: f32,
    /// Confidence of each character of `value` (numbers: each digit).
    pub chars: Vec<f32>,
    /// Indexes of characters read as look-alike letters and turned into digits.
    pub fixed: Vec<u32>,
    /// The NIK/KK check this value fails, if any.
    pub problem: Option<Finding>,
}

/// The suggestions for one row of the KK's member table.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MemberSuggestion {
    /// 0-based row of the member table as read.
    pub row: u32,
    pub fields: Vec<Suggestion>,
}

/// Everything read from one page.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Reading {
    pub kind: DocKind,
    pub fields: Vec<Suggestion>,
    pub members: Vec<MemberSuggestion>,
    /// The text of the KK's QR code, when one was found and decoded.
    pub qr: Option<String>,
    /// The document's turn on the photo in degrees (counter-clockwise
    /// positive), undone before reading.
    pub turn: f32,
    /// Text lines read.
    pub lines: u32,
    /// Time taken, in milliseconds.
    pub millis: u64,
}

impl Suggestion {
    /// A text value with its characters' confidences.
    pub fn text(field: &str, value: &Scored) -> Suggestion {
        Suggestion {
            field: field.to_owned(),
            value: value.text(),
            confidence: value.confidence(),
            chars: value.chars.iter().map(|c| c.1).collect(),
            fixed: Vec::new(),
            problem: None,
        }
    }

    /// A value decided by the parser (a snapped word, a date, `L`/`P`) with
    /// one confidence for all of it.
    pub fn decided(field: &str, value: &str, confidence: f32) -> Suggestion {
        Suggestion {
            field: field.to_owned(),
            value: value.to_owned(),
            confidence,
            chars: value.chars().map(|_| confidence).collect(),
            fixed: Vec::new(),
            problem: None,
        }
    }

    /// A number (NIK, KK number) digit by digit.
    pub fn number(field: &str, n: &Number) -> Suggestion {
        let confidence = if n.confidences.is_empty() {
            0.0
        } else {
            n.confidences.iter().sum::<f32>() / n.confidences.len() as f32
        };
        Suggestion {
            field: field.to_owned(),
            value: n.digits.clone(),
            confidence,
            chars: n.confidences.clone(),
            fixed: n.fixed.clone(),
            problem: None,
        }
    }
}

/// The suggestion for `field`, if any.
pub fn get<'a>(fields: &'a [Suggestion], field: &str) -> Option<&'a Suggestion> {
    fields.iter().find(|s| s.field == field)
}
