//! Asking the citizen to send a document again: the `waiting_citizen` move
//! (the SLA clock pauses) with the reasons as its note, and a ready message
//! the operator pastes into the WhatsApp chat. Loket sends nothing itself.

use super::form::DocRevision;
use crate::error::{ErrorCode, LoketError, Result};
use crate::model::{Request, Status};
use crate::requests::{get_by_reg_no, move_request};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

/// The moved request and the message to send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ResendResult {
    pub request: Request,
    pub message: String,
}

fn document_label(doc: &str) -> &'static str {
    match doc {
        "kk" => "Kartu Keluarga (KK)",
        "ktp" => "KTP-el",
        _ => "dokumen",
    }
}

/// The Indonesian re-send message for these reasons.
pub fn resend_message(request: &Request, revisions: &[DocRevision]) -> String {
    let mut lines = vec![
        format!("Yth. Bapak/Ibu {},", request.name),
        String::new(),
        format!(
            "Permohonan Validasi NIK nomor {} belum dapat kami proses karena:",
            request.reg_no
        ),
    ];
    for r in revisions {
        lines.push(format!(
            "- Foto {}: {}.",
            document_label(&r.document),
            r.reason.label()
        ));
    }
    lines.push(String::new());
    lines.push(
        "Mohon kirim ulang foto dokumen asli yang jelas, utuh (keempat sudut terlihat) dan tidak terpotong melalui chat ini.".to_owned(),
    );
    lines.push("Layanan ini tidak dipungut biaya.".to_owned());
    lines.push(String::new());
    lines.push("Terima kasih,".to_owned());
    lines.push("Dispendukcapil Kabupaten Mojokerto".to_owned());
    lines.join("\n")
}

/// Moves the request to `waiting_citizen` and returns the re-send message.
pub fn request_resend(
    conn: &mut Connection,
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
        .map(|r| format!("{}: {}", document_label(&r.document), r.reason.label()))
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
    let message = resend_message(&request, revisions);
    Ok(ResendResult { request, message })
}
