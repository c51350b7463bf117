//! The recap as an Excel workbook (`rust_xlsxwriter`): sheet "Rekap" with
//! one row per request, sheet "Ringkasan" with the totals.
//!
//! "Rekap" is written in the crate's constant-memory mode: each row goes to
//! a temporary file (in the destination's folder, beside the file being
//! written) as soon as the next one starts, so a year's workbook costs a
//! row of memory, not the year. Its first line names the office, the range
//! and whether NIKs are masked; the header row is bold, frozen and filtered,
//! and repeats on every printed A4 page. Times are real Excel date-times
//! (`dd-mm-yyyy hh:mm`, WIB), so the supervisor can sort and filter on them.
//! The finished workbook is written through an [`AtomicFile`].

use super::export::{headers, met_text, minutes_up, outcome_text};
use super::{for_each_row, range_ms, RecapOptions, RecapSummary};
use crate::db::Db;
use crate::error::{ErrorCode, LoketError, Result};
use crate::fsutil::{self, AtomicFile};
use crate::labels::{category_label, outcome_label, status_label};
use crate::office::OfficeProfile;
use crate::sql_params;
use chrono::NaiveDate;
use rust_xlsxwriter::{ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The most requests one "Rekap" sheet holds (Excel's 1,048,576 rows, less
/// the title and the header).
pub const XLSX_MAX_ROWS: u32 = 1_048_576 - 2;

const WIDTHS: [f64; 14] = [
    7.0, 17.0, 16.0, 16.0, 16.0, 28.0, 19.0, 16.0, 16.0, 30.0, 18.0, 12.0, 10.0, 17.0,
];

fn xe(e: XlsxError) -> LoketError {
    match e {
        XlsxError::IoError(io) | XlsxError::TempFileError(_, io) => {
            LoketError::from_io(&io, "berkas rekap XLSX")
        }
        other => LoketError::new(
            ErrorCode::GagalMenyimpan,
            format!("Rekap XLSX gagal dibuat: {other}"),
        ),
    }
}

/// UTC ms as an Excel serial date-time in WIB (days since 1899-12-30).
fn excel_wib(ms: i64) -> Result<ExcelDateTime> {
    let days = (ms + 7 * 3_600_000) as f64 / 86_400_000.0 + 25_569.0;
    ExcelDateTime::from_serial_datetime(days).map_err(xe)
}

fn show(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// The sheets' first line: office, range, and what the NIK column holds.
fn title(office: &OfficeProfile, from: NaiveDate, to: NaiveDate, full_nik: bool) -> String {
    let range = if from == to {
        show(from)
    } else {
        format!("{} s.d. {}", show(from), show(to))
    };
    let nik = if full_nik {
        "NIK DITAMPILKAN LENGKAP: data pribadi (UU 27/2022), jangan disebarkan."
    } else {
        "NIK disamarkan."
    };
    format!(
        "Rekap harian {} · {} {} · {range} · {nik}",
        office.service, office.agency, office.government
    )
}

struct Formats {
    title: Format,
    header: Format,
    datetime: Format,
    bold: Format,
    percent: Format,
    minutes: Format,
}

fn formats() -> Formats {
    Formats {
        title: Format::new().set_bold().set_font_size(12),
        header: Format::new()
            .set_bold()
            .set_text_wrap()
            .set_background_color(0xD9E1F2)
            .set_border_bottom(FormatBorder::Thin),
        datetime: Format::new().set_num_format("dd-mm-yyyy hh:mm"),
        bold: Format::new().set_bold(),
        percent: Format::new().set_num_format("0.0%"),
        minutes: Format::new().set_num_format("0.0"),
    }
}

/// Writes the recap of `from..=to` to `dest` as XLSX, atomically, and
/// returns its totals. More requests than [`XLSX_MAX_ROWS`] are refused
/// (`masukan_tidak_valid`) before anything is written: the CSV has no limit.
pub fn export_xlsx<'c>(
    db: impl Into<Db<'c>>,
    from: NaiveDate,
    to: NaiveDate,
    opts: RecapOptions,
    now_ms: i64,
    dest: &Path,
) -> Result<RecapSummary> {
    let db = db.into();
    let (start, end) = range_ms(from, to)?;
    let count: i64 = db.value(
        "SELECT count(*) FROM requests WHERE received_at >= ?1 AND received_at < ?2",
        sql_params![start, end],
    )?;
    if count > i64::from(XLSX_MAX_ROWS) {
        return Err(LoketError::new(
            ErrorCode::MasukanTidakValid,
            format!(
                "Rentang ini berisi {count} permohonan, lebih dari batas satu lembar Excel \
                 ({XLSX_MAX_ROWS}). Pilih rentang yang lebih pendek atau ekspor sebagai CSV."
            ),
        ));
    }
    let f = formats();
    let mut book = Workbook::new();
    let dir = match dest.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    book.set_tempdir(&dir).map_err(xe)?;
    let sheet = book.add_worksheet_with_constant_memory().map_err(xe)?;
    sheet.set_name("Rekap").map_err(xe)?;
    for (col, w) in (0u16..).zip(WIDTHS) {
        sheet.set_column_width(col, w).map_err(xe)?;
    }
    sheet.set_freeze_panes(2, 0).map_err(xe)?;
    sheet
        .set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(1, 1).map_err(xe)?;
    let office = crate::office::load(db)?;
    sheet
        .write_string_with_format(0, 0, title(&office, from, to, opts.full_nik), &f.title)
        .map_err(xe)?;
    for (col, h) in (0u16..).zip(headers(opts.full_nik)) {
        sheet
            .write_string_with_format(1, col, h, &f.header)
            .map_err(xe)?;
    }
    let mut r: u32 = 1;
    let summary = for_each_row(db, from, to, opts, now_ms, |row| {
        r += 1;
        sheet.write_number(r, 0, r - 1).map_err(xe)?;
        sheet.write_string(r, 1, &row.reg_no).map_err(xe)?;
        let times = [
            (2u16, Some(row.received_at)),
            (3, row.finished_at),
            (4, row.replied_at),
        ];
        for (col, t) in times {
            if let Some(ms) = t {
                sheet
                    .write_datetime_with_format(r, col, excel_wib(ms)?, &f.datetime)
                    .map_err(xe)?;
            }
        }
        sheet.write_string(r, 5, &row.name).map_err(xe)?;
        if let Some(nik) = &row.nik {
            sheet.write_string(r, 6, nik).map_err(xe)?;
        }
        sheet
            .write_string(r, 7, category_label(row.category))
            .map_err(xe)?;
        sheet
            .write_string(r, 8, status_label(row.status))
            .map_err(xe)?;
        sheet.write_string(r, 9, outcome_text(&row)).map_err(xe)?;
        sheet.write_string(r, 10, &row.operator).map_err(xe)?;
        sheet
            .write_number(r, 11, minutes_up(row.sla_elapsed_ms) as f64)
            .map_err(xe)?;
        sheet
            .write_string(r, 12, met_text(row.sla_met))
            .map_err(xe)?;
        if let Some(into) = &row.merged_into {
            sheet.write_string(r, 13, into).map_err(xe)?;
        }
        Ok(())
    })?;
    sheet.autofilter(1, 0, r.max(2), 13).map_err(xe)?;

    let summary_sheet = book.add_worksheet();
    summary_sheet.set_name("Ringkasan").map_err(xe)?;
    write_summary(summary_sheet, &summary, &f).map_err(xe)?;

    let mut file = AtomicFile::create(dest)?;
    book.save_to_writer(&mut file).map_err(xe)?;
    file.flush().map_err(|e| fsutil::io(&e, dest))?;
    file.commit()?;
    Ok(summary)
}

/// Sheet "Ringkasan": the totals, the promise, per outcome, category, operator.
fn write_summary(
    ws: &mut Worksheet,
    s: &RecapSummary,
    f: &Formats,
) -> std::result::Result<(), XlsxError> {
    ws.set_column_width(0, 44)?;
    ws.set_column_width(1, 12)?;
    ws.set_column_width(2, 12)?;
    ws.set_column_width(3, 14)?;
    ws.set_column_width(4, 14)?;
    ws.set_paper_size(9);
    ws.write_string_with_format(0, 0, title(&s.office, s.from, s.to, s.full_nik), &f.title)?;
    ws.write_string(
        1,
        0,
        format!("Dibuat {}", crate::clock::format_wib(s.generated_at)),
    )?;
    let mut r = 3;
    let counted = s.total.saturating_sub(s.merged);
    let finished = s.sla.finished;
    let lines: [(&str, u32); 5] = [
        ("Permohonan diterima", s.total),
        ("Kiriman ulang yang digabung (tidak dihitung)", s.merged),
        ("Permohonan dihitung", counted),
        ("Selesai", finished),
        ("Masih terbuka", s.open),
    ];
    ws.write_string_with_format(r, 0, "Jumlah", &f.bold)?;
    for (label, n) in lines {
        r += 1;
        ws.write_string(r, 0, label)?;
        ws.write_number(r, 1, n)?;
    }
    r += 2;
    ws.write_string_with_format(
        r,
        0,
        format!("Janji waktu: {} menit jam kerja", s.target_minutes),
        &f.bold,
    )?;
    r += 1;
    ws.write_string(r, 0, "Selesai tepat waktu")?;
    ws.write_number(r, 1, s.sla.met)?;
    r += 1;
    ws.write_string(r, 0, "Persentase tepat waktu (dari yang selesai)")?;
    ws.write_number_with_format(r, 1, s.sla.share_met, &f.percent)?;
    for (label, v) in [
        ("Median waktu layanan (menit)", s.sla.median_ms),
        ("Persentil ke-90 waktu layanan (menit)", s.sla.p90_ms),
    ] {
        r += 1;
        ws.write_string(r, 0, label)?;
        if let Some(ms) = v {
            ws.write_number_with_format(r, 1, ms as f64 / 60_000.0, &f.minutes)?;
        }
    }
    r += 2;
    ws.write_string_with_format(r, 0, "Per hasil", &f.bold)?;
    for c in &s.by_outcome {
        r += 1;
        ws.write_string(r, 0, outcome_label(c.outcome))?;
        ws.write_number(r, 1, c.count)?;
    }
    r += 2;
    ws.write_string_with_format(r, 0, "Per kategori", &f.bold)?;
    for c in &s.by_category {
        r += 1;
        ws.write_string(r, 0, category_label(c.category))?;
        ws.write_number(r, 1, c.count)?;
    }
    r += 2;
    let head = [
        "Per operator",
        "Jumlah",
        "Selesai",
        "Tepat waktu",
        "Persentase",
    ];
    for (col, h) in (0u16..).zip(head) {
        ws.write_string_with_format(r, col, h, &f.bold)?;
    }
    for op in &s.by_operator {
        r += 1;
        ws.write_string(r, 0, &op.operator)?;
        ws.write_number(r, 1, op.total)?;
        ws.write_number(r, 2, op.finished)?;
        ws.write_number(r, 3, op.met)?;
        if op.finished > 0 {
            let share = f64::from(op.met) / f64::from(op.finished);
            ws.write_number_with_format(r, 4, share, &f.percent)?;
        }
    }
    Ok(())
}
