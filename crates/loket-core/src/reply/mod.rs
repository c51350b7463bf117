//! WhatsApp replies: the filled template for a request's outcome (or its
//! re-send request) and the `wa.me` link that opens the citizen's chat with
//! the text ready. Loket never sends anything itself: the operator copies,
//! checks and presses send in WhatsApp, then marks the request "replied".
//!
//! - [`templates`]: keys, placeholders, the supervisor's edits, filling.
//! - [`defaults`]: the shipped texts.

pub mod defaults;
mod services;
pub mod templates;

use crate::db::Db;
use crate::error::{ErrorCode, LoketError, Result};
use crate::ident::mask_number;
use crate::labels::outcome_label;
use crate::model::{Outcome, Request, Status};
use crate::office::{self, OfficeProfile};
use crate::requests::get_by_reg_no;
use crate::verify::DocRevision;
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
use serde::Serialize;
use templates::{fill, text_for, TemplateKey};
use ts_rs::TS;

pub use services::{compose_complaint, compose_delivery};
pub use templates::{list, save, ReplyTemplate, PLACEHOLDERS};

/// A reply ready to paste, and where to paste it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Reply {
    /// The template used (`hasil.updated`, `kirim_ulang.blurry`, …).
    pub key: String,
    pub text: String,
    /// `https://wa.me/628…?text=…`: opens the citizen's chat with the text.
    pub wa_url: String,
}

fn document_label(doc: &str) -> &'static str {
    match doc {
        "kk" => "Kartu Keluarga (KK)",
        "ktp" => "KTP-el",
        _ => "dokumen",
    }
}

/// "Dinas … Kabupaten Mojokerto": the office's name for the end of a reply.
fn dinas_name(office: &OfficeProfile) -> String {
    let region = office
        .government
        .trim_start_matches("Pemerintah")
        .trim()
        .to_owned();
    [office.agency.as_str(), region.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The placeholder values of a request.
fn values(
    request: &Request,
    office: &OfficeProfile,
    outcome: Option<Outcome>,
    revisions: &[DocRevision],
) -> Vec<(&'static str, String)> {
    let dinas = dinas_name(office);
    let docs: Vec<&str> = revisions
        .iter()
        .map(|r| document_label(&r.document))
        .collect();
    let rincian = revisions
        .iter()
        .map(|r| {
            format!(
                "- Foto {}: {}.",
                document_label(&r.document),
                r.reason.label()
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    vec![
        ("nama", request.name.clone()),
        ("no_registrasi", request.reg_no.clone()),
        (
            "nik",
            request
                .nik
                .as_deref()
                .map_or_else(|| "-".to_owned(), mask_number),
        ),
        (
            "hasil",
            outcome.map_or_else(String::new, |o| outcome_label(o).to_owned()),
        ),
        ("layanan", office.service.clone()),
        ("dinas", dinas),
        ("pengaduan", office.complaints_whatsapp.clone()),
        (
            "dokumen",
            if docs.is_empty() {
                "KK dan KTP-el".to_owned()
            } else {
                docs.join(" dan ")
            },
        ),
        ("rincian", rincian),
    ]
}

/// `https://wa.me/<digits>?text=<encoded>` for an E.164 number.
pub fn wa_url(phone_e164: &str, text: &str) -> String {
    let digits: String = phone_e164.chars().filter(char::is_ascii_digit).collect();
    format!(
        "https://wa.me/{digits}?text={}",
        utf8_percent_encode(text, NON_ALPHANUMERIC)
    )
}

fn reply(request: &Request, key: TemplateKey, text: String) -> Reply {
    Reply {
        key: key.id(),
        wa_url: wa_url(&request.phone, &text),
        text,
    }
}

/// The re-send message for these revisions (template of the first reason;
/// `{rincian}` lists them all).
pub fn resend_reply<'c>(
    db: impl Into<Db<'c>>,
    request: &Request,
    revisions: &[DocRevision],
) -> Result<Reply> {
    let db = db.into();
    let key = match revisions.first() {
        Some(r) => TemplateKey::Resend(r.reason),
        None => TemplateKey::Outcome(Outcome::ResendNeeded),
    };
    let office = office::load(db)?;
    let vals = values(request, &office, None, revisions);
    Ok(reply(request, key, fill(&text_for(db, key)?, &vals)))
}

/// The reply for a request: its outcome's template once it has one; while
/// waiting on the citizen, the re-send message of its saved revisions.
/// (SQLite only until `verify::store::load` speaks `Db`.)
pub fn compose<'c>(db: impl Into<crate::db::Db<'c>>, reg_no: &str) -> Result<Reply> {
    let conn = db.into();
    let request = get_by_reg_no(conn, reg_no)?;
    if let Some(outcome) = request.outcome {
        let key = TemplateKey::Outcome(outcome);
        let office = office::load(conn)?;
        let vals = values(&request, &office, Some(outcome), &[]);
        return Ok(reply(&request, key, fill(&text_for(conn, key)?, &vals)));
    }
    if request.status == Status::WaitingCitizen {
        let revisions = crate::verify::store::load(conn, &request.reg_no)?
            .form
            .revisions;
        return resend_reply(conn, &request, &revisions);
    }
    Err(LoketError::new(
        ErrorCode::BelumAdaHasil,
        format!(
            "Permohonan {} belum punya hasil. Tetapkan hasilnya (Selesai) dulu, lalu balas.",
            request.reg_no
        ),
    ))
}

#[cfg(test)]
mod tests;
