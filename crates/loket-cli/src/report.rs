//! `loket-cli report daily`: the daily recap for scheduled tasks and
//! supervisors' scripts, as JSON, CSV or XLSX. JSON and CSV go to stdout
//! unless `--out` names a file; XLSX is binary and needs `--out`. Files are
//! written atomically by the core (a failed export leaves an older file as
//! it was). NIKs are masked unless `--full-nik` is given.

use crate::stdio::{self, outln};
use crate::{open_desk, Failure, Verdict};
use clap::{Args, Subcommand, ValueEnum};
use loket_core::ops::exports::{self, RecapFormat};
use loket_core::recap::{self, RecapOptions, RecapSummary};
use loket_core::{fsutil, ErrorCode, LoketError};
use std::io::Write;
use std::path::PathBuf;

#[derive(Subcommand)]
pub(crate) enum ReportCmd {
    /// The daily recap (rekap harian) of a WIB day or a range of days.
    Daily(DailyArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    Json,
    Csv,
    Xlsx,
}

#[derive(Args)]
pub(crate) struct DailyArgs {
    /// The day (YYYY-MM-DD, WIB); the first day of a range with --to.
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: String,
    /// The last day of the range, inclusive (at most 366 days).
    #[arg(long, value_name = "YYYY-MM-DD")]
    to: Option<String>,
    #[arg(long, value_enum)]
    format: Format,
    /// Write to this file (replaced whole) instead of stdout; required for xlsx.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Show NIKs in full (personal data: only when needed).
    #[arg(long)]
    full_nik: bool,
}

pub(crate) fn run(
    data_dir: Option<PathBuf>,
    operator: Option<String>,
    cmd: ReportCmd,
) -> Result<Verdict, Failure> {
    let ReportCmd::Daily(a) = cmd;
    let json = a.format == Format::Json;
    let usage = |e| Failure::usage(e, json);
    let from = loket_core::parse_date(&a.date).map_err(usage)?;
    let to = match a.to.as_deref() {
        Some(t) => loket_core::parse_date(t).map_err(usage)?,
        None => from,
    };
    if a.format == Format::Xlsx && a.out.is_none() {
        return Err(usage(xlsx_needs_out()));
    }
    let desk = open_desk(data_dir, json)?;
    let opts = RecapOptions {
        full_nik: a.full_nik,
    };
    let now = desk.now_ms();
    let input = |e| Failure::input(e, json);
    let conn = desk.db();
    // Every export is in the access log, with where it went and whether
    // NIKs were whole: the same entry as the app's (`rekap_diekspor`).
    let by = crate::actor::operator(&desk, operator);
    if a.format == Format::Json || a.out.is_none() {
        exports::recap_exported(&desk, &by, opts, a.out.as_deref(), now).map_err(input)?;
    }
    let summary = match (a.format, &a.out) {
        (Format::Json, None) => {
            let r = recap::daily(conn, from, to, opts, now).map_err(input)?;
            write_json(&r, std::io::BufWriter::new(stdio::stdout())).map_err(input)?;
            return Ok(Verdict::Ok);
        }
        (Format::Json, Some(out)) => {
            let r = recap::daily(conn, from, to, opts, now).map_err(input)?;
            let mut file = fsutil::AtomicFile::create(out).map_err(input)?;
            write_json(&r, &mut file).map_err(input)?;
            file.commit().map_err(input)?;
            r.summary
        }
        (Format::Csv, None) => {
            let mut out = stdio::stdout();
            recap::write_csv(conn, from, to, opts, now, &mut out).map_err(input)?;
            out.flush()
                .map_err(|e| input(LoketError::from_io(&e, "keluaran rekap")))?;
            return Ok(Verdict::Ok);
        }
        (Format::Csv, Some(out)) => {
            exports::recap_file(&desk, &by, from, to, opts, RecapFormat::Csv, out, now)
                .map_err(input)?
        }
        (Format::Xlsx, Some(out)) => {
            exports::recap_file(&desk, &by, from, to, opts, RecapFormat::Xlsx, out, now)
                .map_err(input)?
        }
        (Format::Xlsx, None) => return Err(usage(xlsx_needs_out())),
    };
    if let Some(out) = &a.out {
        written(&summary, out)?;
    }
    Ok(Verdict::Ok)
}

fn xlsx_needs_out() -> LoketError {
    LoketError::new(
        ErrorCode::MasukanTidakValid,
        "Format xlsx perlu --out BERKAS (mis. --out rekap.xlsx): isinya bukan teks.",
    )
}

/// Streams pretty JSON and a final line break to `out` (a year's recap is
/// large: it is not built as one string first).
fn write_json<T: serde::Serialize>(v: &T, mut out: impl Write) -> Result<(), LoketError> {
    let io = |e: std::io::Error| LoketError::from_io(&e, "keluaran rekap");
    serde_json::to_writer_pretty(&mut out, v).map_err(|e| {
        if e.is_io() {
            io(std::io::Error::from(e))
        } else {
            LoketError::new(
                ErrorCode::GagalMenyimpan,
                format!("JSON rekap tidak bisa dibuat: {e}"),
            )
        }
    })?;
    out.write_all(b"\n").map_err(io)?;
    out.flush().map_err(io)
}

/// One line for people: what was written where.
fn written(s: &RecapSummary, out: &std::path::Path) -> std::io::Result<()> {
    let range = if s.from == s.to {
        s.from.format("%d-%m-%Y").to_string()
    } else {
        format!(
            "{} s.d. {}",
            s.from.format("%d-%m-%Y"),
            s.to.format("%d-%m-%Y")
        )
    };
    let nik = if s.full_nik {
        " (NIK LENGKAP: jaga kerahasiaannya)"
    } else {
        ""
    };
    outln!(
        "Rekap {range}: {} permohonan ditulis ke {}{nik}",
        s.total,
        out.display()
    )
}
