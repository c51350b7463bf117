//! Reply templates: their keys, the placeholders they may use, filling them,
//! and the supervisor's edits (stored in the settings table as one JSON map
//! of the templates that differ from the shipped ones).

use super::defaults;
use crate::db::Db;
use crate::delivery::Step;
use crate::error::{ErrorCode, LoketError, Result};
use crate::model::Outcome;
use crate::settings;
use crate::verify::RevisionReason;
use serde::Serialize;
use std::collections::BTreeMap;
use strum::VariantArray;
use ts_rs::TS;

const KEY_TEMPLATES: &str = "reply_templates";
const MAX_TEMPLATE_CHARS: usize = 2_000;

const REASONS: [RevisionReason; 4] = [
    RevisionReason::Blurry,
    RevisionReason::CutOff,
    RevisionReason::WrongDocument,
    RevisionReason::CopyOfCopy,
];

/// The placeholders a template may use, with what they are filled with.
pub const PLACEHOLDERS: &[(&str, &str)] = &[
    ("nama", "nama pemohon"),
    ("no_registrasi", "nomor registrasi"),
    ("nik", "NIK tersamar (351602******0003)"),
    ("hasil", "hasil layanan"),
    ("layanan", "nama layanan"),
    ("dinas", "nama dinas"),
    ("pengaduan", "nomor WhatsApp pengaduan"),
    ("dokumen", "dokumen yang perlu dikirim ulang"),
    ("rincian", "alasan kirim ulang per dokumen"),
    ("kurir", "kurir POS KETANMU"),
    ("resi", "nomor resi POS KETANMU"),
    ("alamat", "alamat pengiriman"),
    ("jawaban", "jawaban pengaduan"),
];

/// The delivery steps the citizen is told about on WhatsApp.
pub const DELIVERY_STEPS: [Step; 5] = [
    Step::Registered,
    Step::Processed,
    Step::HandedOver,
    Step::Failed,
    Step::Paid,
];

/// Which template: the reply for an outcome, or a re-send request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateKey {
    Outcome(Outcome),
    Resend(RevisionReason),
    /// POS KETANMU: the delivery reached this step.
    Delivery(Step),
    /// Pengaduan: the answer to a complaint.
    ComplaintAnswer,
}

impl TemplateKey {
    /// Every template, in the order settings shows them.
    pub fn all() -> Vec<TemplateKey> {
        Outcome::VARIANTS
            .iter()
            .map(|&o| TemplateKey::Outcome(o))
            .chain(REASONS.iter().map(|&r| TemplateKey::Resend(r)))
            .chain(DELIVERY_STEPS.iter().map(|&s| TemplateKey::Delivery(s)))
            .chain([TemplateKey::ComplaintAnswer])
            .collect()
    }

    /// `hasil.updated`, `kirim_ulang.blurry`: stable, stored and used by the UI.
    pub fn id(self) -> String {
        match self {
            TemplateKey::Outcome(o) => format!("hasil.{}", o.as_str()),
            TemplateKey::Resend(r) => format!("kirim_ulang.{}", reason_word(r)),
            TemplateKey::Delivery(s) => format!("pos.{}", s.as_str()),
            TemplateKey::ComplaintAnswer => "pengaduan.jawaban".to_owned(),
        }
    }

    pub fn parse(id: &str) -> Result<TemplateKey> {
        TemplateKey::all()
            .into_iter()
            .find(|k| k.id() == id.trim())
            .ok_or_else(|| {
                LoketError::new(
                    ErrorCode::MasukanTidakValid,
                    format!(
                        "Templat balasan tidak dikenal: \"{}\".",
                        id.chars().take(40).collect::<String>()
                    ),
                )
            })
    }

    /// What settings calls it.
    pub fn label(self) -> String {
        match self {
            TemplateKey::Outcome(o) => format!("Hasil: {}", crate::labels::outcome_label(o)),
            TemplateKey::Resend(r) => format!("Minta kirim ulang: {}", r.label()),
            TemplateKey::Delivery(s) => format!("POS KETANMU: {}", s.label()),
            TemplateKey::ComplaintAnswer => "Pengaduan: jawaban".to_owned(),
        }
    }

    pub fn default_text(self) -> String {
        match self {
            TemplateKey::Outcome(o) => defaults::outcome_text(o),
            TemplateKey::Resend(r) => defaults::resend_text(r),
            TemplateKey::Delivery(s) => defaults::delivery_text(s),
            TemplateKey::ComplaintAnswer => defaults::complaint_text(),
        }
    }
}

fn reason_word(r: RevisionReason) -> &'static str {
    match r {
        RevisionReason::Blurry => "blurry",
        RevisionReason::CutOff => "cut_off",
        RevisionReason::WrongDocument => "wrong_document",
        RevisionReason::CopyOfCopy => "copy_of_copy",
    }
}

/// One template as settings shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReplyTemplate {
    /// `hasil.updated`, `kirim_ulang.blurry`, …
    pub key: String,
    pub label: String,
    /// The text in use.
    pub text: String,
    pub default_text: String,
    /// The supervisor replaced the shipped text.
    pub customised: bool,
}

fn stored(db: Db<'_>) -> Result<BTreeMap<String, String>> {
    match settings::get(db, KEY_TEMPLATES)? {
        None => Ok(BTreeMap::new()),
        Some(json) => serde_json::from_str(&json).map_err(|e| {
            LoketError::new(
                ErrorCode::MasukanTidakValid,
                format!("Templat balasan di pengaturan tidak bisa dibaca ({e})."),
            )
        }),
    }
}

/// The text in use for a key: the supervisor's, else the shipped one.
pub fn text_for<'c>(db: impl Into<Db<'c>>, key: TemplateKey) -> Result<String> {
    Ok(stored(db.into())?
        .remove(&key.id())
        .unwrap_or_else(|| key.default_text()))
}

/// Every template, in settings order.
pub fn list<'c>(db: impl Into<Db<'c>>) -> Result<Vec<ReplyTemplate>> {
    let custom = stored(db.into())?;
    Ok(TemplateKey::all()
        .into_iter()
        .map(|k| {
            let default_text = k.default_text();
            let text = custom.get(&k.id()).cloned();
            ReplyTemplate {
                key: k.id(),
                label: k.label(),
                customised: text.is_some(),
                text: text.unwrap_or_else(|| default_text.clone()),
                default_text,
            }
        })
        .collect())
}

/// Saves a template. An empty text, or the shipped text, restores the
/// shipped one. Unknown placeholders and over-long texts are refused.
pub fn save<'c>(db: impl Into<Db<'c>>, key: &str, text: &str) -> Result<ReplyTemplate> {
    let db = db.into();
    let key = TemplateKey::parse(key)?;
    let text = text.trim().replace("\r\n", "\n");
    check(&text)?;
    let mut custom = stored(db)?;
    if text.is_empty() || text == key.default_text() {
        custom.remove(&key.id());
    } else {
        custom.insert(key.id(), text);
    }
    let json = serde_json::to_string(&custom).map_err(|e| {
        LoketError::new(
            ErrorCode::GagalMenyimpan,
            format!("Templat gagal disimpan: {e}"),
        )
    })?;
    settings::set(db, KEY_TEMPLATES, &json)?;
    list(db)?
        .into_iter()
        .find(|t| t.key == key.id())
        .ok_or_else(|| LoketError::new(ErrorCode::GagalMenyimpan, "Templat gagal disimpan."))
}

/// Refuses texts over the limit and placeholders Loket cannot fill.
fn check(text: &str) -> Result<()> {
    if text.chars().count() > MAX_TEMPLATE_CHARS {
        return Err(LoketError::new(
            ErrorCode::TeksTerlaluPanjang,
            format!("Templat terlalu panjang (maksimal {MAX_TEMPLATE_CHARS} huruf)."),
        ));
    }
    for name in placeholders_in(text) {
        if !PLACEHOLDERS.iter().any(|(p, _)| *p == name) {
            let known: Vec<String> = PLACEHOLDERS
                .iter()
                .map(|(p, _)| format!("{{{p}}}"))
                .collect();
            return Err(LoketError::new(
                ErrorCode::MasukanTidakValid,
                format!(
                    "Isian {{{}}} tidak dikenal. Yang bisa dipakai: {}.",
                    name.chars().take(30).collect::<String>(),
                    known.join(", ")
                ),
            ));
        }
    }
    Ok(())
}

/// The `{name}`s of a text (letters and `_` between braces).
fn placeholders_in(text: &str) -> impl Iterator<Item = &str> {
    text.split('{').skip(1).filter_map(|rest| {
        let (name, _) = rest.split_once('}')?;
        (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
            .then_some(name)
    })
}

/// Replaces each known `{name}` with its value; anything else stays as typed.
pub fn fill(text: &str, values: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.split_once('}').and_then(|(name, _)| {
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(n, v)| (n.len(), v))
        });
        match value {
            Some((len, v)) => {
                out.push_str(v);
                rest = &after[len + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
