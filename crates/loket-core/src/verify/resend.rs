//! Asking the citizen to send a document again: the `waiting_citizen` move
//! (the SLA clock pauses) with the reasons as its note, and a ready message
//! the operator pastes into the WhatsApp chat (the supervisor's re-send
//! template, `reply/`). Loket sends nothing itself.

use super::form::DocRevision;
use crate::db::Db;
use crate::error::{ErrorCode, LoketError, Result};
use crate::model::{Request, Status};
use crate::requests::{get_by_reg_no, move_request};
use serde::Serialize;
use ts_rs::TS;

/// The moved request and the message to send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ResendResult {
    pub request: Request,
    pub message: String,
}

/// Moves the request to `waiting_citizen` and returns the re-send message.
pub fn request_resend<'c>(
    db: impl Into<Db<'c>>,
    reg_no: &str,
    revisions: &[DocRevision],
    operator: &str,
    now_ms: i64,
) -> Result<ResendResult> {
    if revisions.is_empty() {
        return Err(LoketError::new(
            ErrorCode::MasukanTidakValid,
            "Pilih dokumen dan alasan kirim ulang.",
        ));
    }
    let conn = db.into();
    if let Some(bad) = revisions
        .iter()
        .find(|r| r.document != "kk" && r.document != "ktp")
    {
        return Err(LoketError::new(
            ErrorCode::MasukanTidakValid,
            format!(
                "Dokumen tidak dikenal: \"{}\" (ktp atau kk).",
                bad.document.chars().take(20).collect::<String>()
            ),
        ));
    }
    let current = get_by_reg_no(conn, reg_no)?;
    let note = revisions
        .iter()
        .map(|r| {
            format!(
                "{}: {}",
                if r.document == "kk" { "KK" } else { "KTP-el" },
                r.reason.label()
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let request = move_request(
        conn,
        &current.reg_no,
        Status::WaitingCitizen,
        None,
        Some(&format!("Minta kirim ulang — {note}")),
        operator,
        now_ms,
    )?;
    let message = crate::reply::resend_reply(conn, &request, revisions)?.text;
    Ok(ResendResult { request, message })
}
