//! What a receipt says, every line already in the operator's and citizen's
//! words: built once from the database so the SVG, PNG, PDF, HTML and the
//! UI's preview cannot disagree.
//!
//! Personal data is masked here, not in the layout: the NIK shows as
//! `351602******0003` unless the operator asks for the full number, and the
//! WhatsApp number keeps only its last four digits (the citizen knows it).

use super::ReceiptOptions;
use crate::db::Db;
use crate::error::Result;
use crate::ident::{mask_number, show_number};
use crate::model::{Event, Request, Status};
use crate::sla::{self, SlaState};
use crate::sql_params;
use crate::{base, clock, lifecycle, office, requests};
use serde::Serialize;
use ts_rs::TS;

use crate::labels::{category_label, outcome_label};

/// A receipt's text, line by line, ready to lay out or to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Receipt {
    /// "Pemerintah Kabupaten Mojokerto" (may be empty).
    pub government: String,
    /// "Dinas Kependudukan dan Pencatatan Sipil".
    pub agency: String,
    /// The office address (may be empty).
    pub address: String,
    /// "Telp. (0321) 322336 · dispendukcapil.mojokertokab.go.id" (may be empty).
    pub contact: String,
    /// "BUKTI LAYANAN".
    pub title: String,
    /// "Pelayanan Validasi NIK".
    pub service: String,
    /// `VN-251126-0007`, also the QR code's content.
    pub reg_no: String,
    pub applicant: String,
    /// Masked unless the full NIK was asked for; "—" when none was given.
    pub nik: String,
    /// Whether `nik` is the full number.
    pub nik_full: bool,
    /// The WhatsApp number with only its last four digits.
    pub whatsapp: String,
    /// Why the NIK was rejected: "BPJS", "Bank", ...
    pub category: String,
    /// "25-11-2026 09:05 WIB".
    pub received: String,
    /// When the outcome was recorded, or "Belum selesai".
    pub finished: String,
    /// The outcome in words, or where the open request stands.
    pub outcome: String,
    /// The time promise (office time), once finished: "Tepat waktu: 12 menit dari janji 30 menit".
    pub sla: Option<String>,
    /// Who recorded the outcome (else who registered the request).
    pub operator: String,
    /// "Tidak dipungut biaya".
    pub fee: String,
    /// "Simpan bukti ini. Pengaduan: WhatsApp 08113202060".
    pub footer: String,
    /// "Dicetak 25-11-2026 09:40 WIB oleh Rina".
    pub printed: String,
}

impl Receipt {
    /// The label/value rows of the body, in print order.
    pub fn rows(&self) -> Vec<(&'static str, &str)> {
        let mut rows = vec![
            ("No. Registrasi", self.reg_no.as_str()),
            ("Nama Pemohon", self.applicant.as_str()),
            ("NIK", self.nik.as_str()),
            ("WhatsApp", self.whatsapp.as_str()),
            ("Keperluan", self.category.as_str()),
            ("Diterima", self.received.as_str()),
            ("Selesai", self.finished.as_str()),
            ("Hasil", self.outcome.as_str()),
        ];
        if let Some(sla) = &self.sla {
            rows.push(("Janji Layanan", sla.as_str()));
        }
        rows.push(("Petugas", self.operator.as_str()));
        rows
    }
}

/// `+62 ***-****-7890`: enough for the citizen to recognise the number.
pub fn mask_phone(e164: &str) -> String {
    let digits: Vec<char> = e164.chars().filter(char::is_ascii_digit).collect();
    match e164.strip_prefix("+62") {
        Some(_) if digits.len() > 6 => {
            let last: String = digits[digits.len() - 4..].iter().collect();
            format!("+62 ***-****-{last}")
        }
        _ => mask_number(e164),
    }
}

fn minutes_text(ms: i64) -> String {
    let m = ms.max(0) / 60_000;
    match m {
        0 => "kurang dari 1 menit".to_owned(),
        1..=59 => format!("{m} menit"),
        _ if m % 60 == 0 => format!("{} jam", m / 60),
        _ => format!("{} jam {} menit", m / 60, m % 60),
    }
}

/// The registration number a merged request went into, if it was merged.
fn merged_into(db: Db<'_>, request_id: i64) -> Result<Option<String>> {
    db.query_opt(
        "SELECT r.reg_no FROM request_merges m JOIN requests r ON r.id = m.into_id
         WHERE m.request_id = ?1",
        sql_params![request_id],
        |r| r.get(0),
    )
}

/// The receipt of request `reg_no` as of `now_ms`, printed by `operator`.
/// An unknown number is `permohonan_tidak_ditemukan`.
pub fn build<'c>(
    db: impl Into<Db<'c>>,
    reg_no: &str,
    opts: ReceiptOptions,
    operator: &str,
    now_ms: i64,
) -> Result<Receipt> {
    let db = db.into();
    let printer = base::check_operator(operator)?;
    let request = requests::get_by_reg_no(db, reg_no)?;
    let events = requests::events(db, request.id)?;
    let profile = office::load(db)?;
    let settings = sla::load_settings(db)?;
    let clock = sla::clock_for(&settings, &events, now_ms);
    let merged = merged_into(db, request.id)?;

    let finished_at = clock.stopped_at;
    let (outcome, sla_text) = match (finished_at, request.outcome, &merged) {
        (Some(_), _, Some(into)) => (format!("Digabung ke {into} (kiriman ulang)"), None),
        (Some(_), Some(o), None) => {
            let verdict = match clock.state {
                SlaState::Breached => "Terlambat",
                _ => "Tepat waktu",
            };
            let text = format!(
                "{verdict}: {} dari janji {}",
                minutes_text(clock.elapsed_ms),
                minutes_text(settings.target_ms())
            );
            (outcome_label(o).to_owned(), Some(text))
        }
        (Some(_), None, None) => ("Selesai".to_owned(), None),
        (None, _, _) => (
            format!("Dalam proses ({})", lifecycle::status_label(request.status)),
            None,
        ),
    };
    let contact = [
        (!profile.phone.is_empty()).then(|| format!("Telp. {}", profile.phone)),
        (!profile.website.is_empty()).then(|| profile.website.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let footer = if profile.complaints_whatsapp.is_empty() {
        "Simpan bukti ini.".to_owned()
    } else {
        format!(
            "Simpan bukti ini. Pengaduan: WhatsApp {}",
            profile.complaints_whatsapp
        )
    };
    Ok(Receipt {
        government: profile.government,
        agency: profile.agency,
        address: profile.address,
        contact,
        title: "BUKTI LAYANAN".to_owned(),
        service: profile.service,
        nik: request
            .nik
            .as_deref()
            .map_or_else(|| "—".to_owned(), |n| show_number(n, opts.full_nik)),
        nik_full: opts.full_nik && request.nik.is_some(),
        whatsapp: mask_phone(&request.phone),
        category: category_label(request.category).to_owned(),
        received: clock::format_wib(request.received_at),
        finished: finished_at.map_or_else(|| "Belum selesai".to_owned(), clock::format_wib),
        outcome,
        sla: sla_text,
        operator: outcome_operator(&request, &events),
        fee: "Tidak dipungut biaya".to_owned(),
        footer,
        printed: format!("Dicetak {} oleh {printer}", clock::format_wib(now_ms)),
        reg_no: request.reg_no,
        applicant: request.name,
    })
}

/// Who recorded the current outcome (the last event carrying one, or the
/// move to `done` of a merge), else who registered the request.
fn outcome_operator(request: &Request, events: &[Event]) -> String {
    events
        .iter()
        .rev()
        .find(|e| e.outcome.is_some() || e.to_status == Status::Done)
        .map_or_else(|| request.operator.clone(), |e| e.operator.clone())
}
