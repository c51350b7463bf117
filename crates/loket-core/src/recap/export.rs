//! The recap as CSV, for Excel on the office's Windows PCs and for scripts,
//! and the column words it shares with the XLSX export (`xlsx.rs`).
//!
//! The file starts with a UTF-8 byte-order mark (without it Excel reads the
//! bytes as the Windows code page and mangles any non-ASCII name), has one
//! header row in Indonesian, CRLF line ends, times as `dd-mm-yyyy HH:MM` in
//! WIB and office minutes as whole numbers rounded up (so a request shows 30
//! exactly when it met a 30-minute promise). Rows are written as the recap
//! query streams them, into an [`AtomicFile`] that replaces the destination
//! only once complete, so a year's export never holds the year in memory and
//! a failed one leaves the previous file untouched. Text cells that Excel
//! would run as a formula (`=`, `+`, `-`, `@`) get a leading apostrophe.

use super::{for_each_row, RecapOptions, RecapRow, RecapSummary};
use crate::db::Db;
use crate::error::{ErrorCode, LoketError, Result};
use crate::fsutil::{self, AtomicFile};
use crate::labels::{category_label, outcome_label, status_label};
use chrono::{Datelike, NaiveDate, Timelike};
use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

/// The UTF-8 byte-order mark.
pub(super) const BOM: &str = "\u{feff}";

/// The header of the rows, shared with the XLSX sheet. The NIK column's
/// header says whether the numbers are masked.
pub(super) fn headers(full_nik: bool) -> [&'static str; 14] {
    [
        "No",
        "No. Registrasi",
        "Diterima (WIB)",
        "Selesai (WIB)",
        "Dibalas (WIB)",
        "Nama",
        if full_nik {
            "NIK (LENGKAP)"
        } else {
            "NIK (disamarkan)"
        },
        "Kategori",
        "Status",
        "Hasil",
        "Operator",
        "Waktu layanan (menit jam kerja)",
        "Sesuai janji",
        "Digabung ke",
    ]
}

/// Appends `dd-mm-yyyy HH:MM` in WIB (digit by digit: a year's export
/// writes 1.8 million of them).
pub(super) fn push_wib(buf: &mut String, ms: i64) {
    let t = crate::clock::to_wib(ms);
    let two = |buf: &mut String, n: u32| {
        buf.push(char::from(b'0' + (n / 10 % 10) as u8));
        buf.push(char::from(b'0' + (n % 10) as u8));
    };
    two(buf, t.day());
    buf.push('-');
    two(buf, t.month());
    buf.push('-');
    let year = u32::try_from(t.year()).unwrap_or(0);
    two(buf, year / 100);
    two(buf, year % 100);
    buf.push(' ');
    two(buf, t.hour());
    buf.push(':');
    two(buf, t.minute());
}

/// Office minutes, rounded up.
pub(super) fn minutes_up(ms: i64) -> u64 {
    u64::try_from(ms.max(0).saturating_add(59_999) / 60_000).unwrap_or(0)
}

/// The "Hasil" cell: the outcome's words, or what happened to a re-send.
pub(super) fn outcome_text(row: &RecapRow) -> &'static str {
    match (row.outcome, &row.merged_into) {
        (_, Some(_)) => "Kiriman ulang (digabung)",
        (Some(o), None) => outcome_label(o),
        (None, None) => "",
    }
}

/// The "Sesuai janji" cell.
pub(super) fn met_text(met: Option<bool>) -> &'static str {
    match met {
        Some(true) => "Ya",
        Some(false) => "Tidak",
        None => "",
    }
}

/// Text as a spreadsheet must not run it: a leading `=`, `+`, `-` or `@`
/// gets an apostrophe.
fn safe(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

fn csv_error(e: csv::Error) -> LoketError {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => LoketError::from_io(&io, "berkas rekap CSV"),
        other => LoketError::new(
            ErrorCode::GagalMenyimpan,
            format!("Rekap CSV gagal ditulis: {other:?}"),
        ),
    }
}

fn field<W: Write>(w: &mut csv::Writer<W>, text: &str) -> Result<()> {
    w.write_field(text).map_err(csv_error)
}

fn number<W: Write>(w: &mut csv::Writer<W>, buf: &mut String, v: u64) -> Result<()> {
    buf.clear();
    let _ = write!(buf, "{v}");
    field(w, buf)
}

fn time<W: Write>(w: &mut csv::Writer<W>, buf: &mut String, ms: Option<i64>) -> Result<()> {
    buf.clear();
    if let Some(ms) = ms {
        push_wib(buf, ms);
    }
    field(w, buf)
}

/// Writes the recap of `from..=to` as CSV to `out` (BOM, header, one row per
/// request) and returns its totals.
pub fn write_csv<'c, W: Write>(
    db: impl Into<Db<'c>>,
    from: NaiveDate,
    to: NaiveDate,
    opts: RecapOptions,
    now_ms: i64,
    mut out: W,
) -> Result<RecapSummary> {
    super::range_ms(from, to)?;
    out.write_all(BOM.as_bytes())
        .map_err(|e| LoketError::from_io(&e, "berkas rekap CSV"))?;
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .buffer_capacity(64 * 1024)
        .from_writer(out);
    w.write_record(headers(opts.full_nik)).map_err(csv_error)?;
    let mut n: u64 = 0;
    let mut buf = String::with_capacity(32);
    let summary = for_each_row(db, from, to, opts, now_ms, |row| {
        n += 1;
        // Fields one by one through one scratch buffer: no allocation per cell.
        number(&mut w, &mut buf, n)?;
        field(&mut w, &row.reg_no)?;
        time(&mut w, &mut buf, Some(row.received_at))?;
        time(&mut w, &mut buf, row.finished_at)?;
        time(&mut w, &mut buf, row.replied_at)?;
        field(&mut w, &safe(&row.name))?;
        field(&mut w, row.nik.as_deref().unwrap_or(""))?;
        field(&mut w, category_label(row.category))?;
        field(&mut w, status_label(row.status))?;
        field(&mut w, outcome_text(&row))?;
        field(&mut w, &safe(&row.operator))?;
        number(&mut w, &mut buf, minutes_up(row.sla_elapsed_ms))?;
        field(&mut w, met_text(row.sla_met))?;
        field(&mut w, row.merged_into.as_deref().unwrap_or(""))?;
        w.write_record(std::iter::empty::<&[u8]>())
            .map_err(csv_error)
    })?;
    w.flush()
        .map_err(|e| LoketError::from_io(&e, "berkas rekap CSV"))?;
    Ok(summary)
}

/// Writes the CSV recap to `dest` atomically (an older file is replaced only
/// by a complete new one) and returns its totals.
pub fn export_csv<'c>(
    db: impl Into<Db<'c>>,
    from: NaiveDate,
    to: NaiveDate,
    opts: RecapOptions,
    now_ms: i64,
    dest: &Path,
) -> Result<RecapSummary> {
    super::range_ms(from, to)?;
    let mut file = AtomicFile::create(dest)?;
    let summary = write_csv(db, from, to, opts, now_ms, &mut file)?;
    file.flush().map_err(|e| fsutil::io(&e, dest))?;
    file.commit()?;
    Ok(summary)
}
