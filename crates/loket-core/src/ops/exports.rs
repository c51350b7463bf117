//! Views, prints and exports of citizens' data that leave the database: a
//! receipt ("Bukti Layanan") and the daily recap. Each is in the access log
//! with the same words whether the app or the CLI made it: the file's name
//! (never a folder, which may name a person's PC account) or `stdout`, and
//! whether NIKs were whole. The entry is written before the bytes leave, so
//! no export happens without one.

use crate::actor::Actor;
use crate::audit::{self, Action};
use crate::error::{ErrorCode, Result};
use crate::recap::{self, Recap, RecapOptions, RecapSummary};
use crate::receipt::{
    self, ReceiptFile, ReceiptFormat, ReceiptOptions, ReceiptPrint, RenderedReceipt,
};
use crate::words::impl_words;
use crate::Desk;
use chrono::NaiveDate;
use std::path::Path;
use strum::{EnumString, IntoStaticStr, VariantArray};

fn nik_note(full_nik: bool) -> &'static str {
    if full_nik {
        ", NIK lengkap"
    } else {
        ""
    }
}

/// Where an export went, as the log names it: the file name, or `stdout`.
fn target(dest: Option<&Path>) -> String {
    dest.and_then(Path::file_name)
        .map_or_else(|| "stdout".to_owned(), |n| n.to_string_lossy().into_owned())
}

/// The receipt drawn for the print dialog; a preview with whole NIKs is
/// logged (`nik_lengkap_ditampilkan`).
pub fn receipt_for_print(
    desk: &Desk,
    by: &Actor,
    reg_no: &str,
    opts: ReceiptOptions,
    now_ms: i64,
) -> Result<ReceiptPrint> {
    let print = receipt::for_print(desk.db(), reg_no, opts, &by.name, now_ms)?;
    if opts.full_nik {
        audit::record_by(
            desk.db(),
            by,
            now_ms,
            Action::NikLengkapDitampilkan,
            Some(reg_no),
            "bukti layanan (pratinjau)",
        )?;
    }
    Ok(print)
}

/// The print dialog was opened for the receipt previewed.
pub fn receipt_printed(
    desk: &Desk,
    by: &Actor,
    reg_no: &str,
    opts: ReceiptOptions,
    now_ms: i64,
) -> Result<()> {
    let detail = format!("{}{}", opts.layout.as_str(), nik_note(opts.full_nik));
    audit::record_by(
        desk.db(),
        by,
        now_ms,
        Action::BuktiDicetak,
        Some(reg_no),
        &detail,
    )
}

/// The receipt written to `dest` (replaced whole), logged `bukti_disimpan`.
pub fn receipt_file(
    desk: &Desk,
    by: &Actor,
    reg_no: &str,
    opts: ReceiptOptions,
    format: ReceiptFormat,
    dest: &Path,
    now_ms: i64,
) -> Result<ReceiptFile> {
    log_receipt(desk, by, reg_no, opts, Some(dest), now_ms)?;
    receipt::write(desk.db(), reg_no, opts, format, dest, &by.name, now_ms)
}

/// The receipt's bytes for a stream (`loket-cli receipt` without `--out`).
pub fn receipt_bytes(
    desk: &Desk,
    by: &Actor,
    reg_no: &str,
    opts: ReceiptOptions,
    format: ReceiptFormat,
    now_ms: i64,
) -> Result<RenderedReceipt> {
    log_receipt(desk, by, reg_no, opts, None, now_ms)?;
    receipt::render(desk.db(), reg_no, opts, format, &by.name, now_ms)
}

fn log_receipt(
    desk: &Desk,
    by: &Actor,
    reg_no: &str,
    opts: ReceiptOptions,
    dest: Option<&Path>,
    now_ms: i64,
) -> Result<()> {
    // The request must exist: a receipt of nothing is not an export.
    let request = crate::requests::get_by_reg_no(desk.db(), reg_no)?;
    let detail = format!("{}{}", target(dest), nik_note(opts.full_nik));
    audit::record_by(
        desk.db(),
        by,
        now_ms,
        Action::BuktiDisimpan,
        Some(&request.reg_no),
        &detail,
    )
}

/// The days of a recap as the log names them (`2026-11-25` or
/// `2026-11-01_2026-11-30`); also the exported file's name.
pub fn span(from: NaiveDate, to: NaiveDate) -> String {
    if from == to {
        from.format("%Y-%m-%d").to_string()
    } else {
        format!("{}_{}", from.format("%Y-%m-%d"), to.format("%Y-%m-%d"))
    }
}

/// The recap of the WIB days `from..=to` on screen, logged `rekap_dilihat`.
pub fn recap_view(
    desk: &Desk,
    by: &Actor,
    from: NaiveDate,
    to: NaiveDate,
    opts: RecapOptions,
    now_ms: i64,
) -> Result<Recap> {
    let recap = recap::daily(desk.db(), from, to, opts, now_ms)?;
    let detail = format!("{}{}", span(from, to), nik_note(opts.full_nik));
    audit::record_by(desk.db(), by, now_ms, Action::RekapDilihat, None, &detail)?;
    Ok(recap)
}

/// A recap file's format (its word is the file's extension).
#[derive(Debug, Clone, Copy, PartialEq, Eq, IntoStaticStr, EnumString, VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum RecapFormat {
    Csv,
    Xlsx,
}

impl_words!(RecapFormat, ErrorCode::MasukanTidakValid, "Format rekap");

/// The recap written to `dest` as CSV or XLSX (replaced whole).
#[allow(clippy::too_many_arguments)]
pub fn recap_file(
    desk: &Desk,
    by: &Actor,
    from: NaiveDate,
    to: NaiveDate,
    opts: RecapOptions,
    format: RecapFormat,
    dest: &Path,
    now_ms: i64,
) -> Result<RecapSummary> {
    recap_exported(desk, by, opts, Some(dest), now_ms)?;
    match format {
        RecapFormat::Csv => recap::export_csv(desk.db(), from, to, opts, now_ms, dest),
        RecapFormat::Xlsx => recap::export_xlsx(desk.db(), from, to, opts, now_ms, dest),
    }
}

/// Logs a recap export the caller writes itself (the CLI's JSON and its
/// streams to stdout): `rekap_diekspor` with where it goes.
pub fn recap_exported(
    desk: &Desk,
    by: &Actor,
    opts: RecapOptions,
    dest: Option<&Path>,
    now_ms: i64,
) -> Result<()> {
    let detail = format!("{}{}", target(dest), nik_note(opts.full_nik));
    audit::record_by(desk.db(), by, now_ms, Action::RekapDiekspor, None, &detail)
}
