//! `loket-cli receipt`: the printed summary receipt ("Bukti Layanan") of a
//! request as HTML, PDF or PNG, for scripts and for checking the layout in
//! a browser. The arguments live here with their handler so that the shared
//! `args.rs` only names the subcommand.

use crate::stdio::{self, outln};
use crate::{actor, open_desk, Failure, Verdict};
use clap::Args;
use loket_core::ops::exports;
use loket_core::receipt::{Layout, ReceiptFormat, ReceiptOptions};
use loket_core::{ErrorCode, LoketError};
use serde_json::json;
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Args)]
#[command(
    after_help = "Tanpa --out: HTML ditulis ke stdout; PDF dan PNG hanya ke stdout \
yang dialihkan (pipa atau berkas), tidak ke terminal.\n\
Contoh: loket-cli receipt VN-251126-0007 --format pdf --out bukti.pdf"
)]
pub(crate) struct ReceiptArgs {
    /// Registration number, e.g. VN-251126-0007.
    reg: String,
    /// html, pdf or png.
    #[arg(long, default_value = "html", value_name = "FORMAT")]
    format: String,
    /// Paper: roll80 (80 mm thermal roll) or a5.
    #[arg(long, default_value = "roll80", value_name = "LAYOUT")]
    layout: String,
    /// Print the full NIK instead of 351602******0003.
    #[arg(long)]
    full_nik: bool,
    /// Write the receipt to FILE (replaced atomically).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Print {"file","format","layout","width_mm","height_mm","bytes"} (needs --out).
    #[arg(long, requires = "out")]
    json: bool,
}

pub(crate) fn run(
    data_dir: Option<PathBuf>,
    operator: Option<String>,
    a: ReceiptArgs,
) -> Result<Verdict, Failure> {
    let json = a.json;
    let format = ReceiptFormat::parse(&a.format).map_err(|e| Failure::usage(e, json))?;
    let layout = Layout::parse(&a.layout).map_err(|e| Failure::usage(e, json))?;
    if a.out.is_none() && format.is_binary() && std::io::stdout().is_terminal() {
        return Err(Failure::usage(
            LoketError::new(
                ErrorCode::MasukanTidakValid,
                format!(
                    "Bukti {} tidak bisa ditampilkan di terminal. Pakai --out BERKAS atau alihkan ke berkas (> bukti.{}).",
                    format.as_str().to_uppercase(),
                    format.as_str()
                ),
            ),
            json,
        ));
    }
    let desk = open_desk(data_dir, json)?;
    let by = actor::operator(&desk, operator);
    let opts = ReceiptOptions {
        full_nik: a.full_nik,
        layout,
    };
    let now = desk.now_ms();
    // The same entry as the app's (`bukti_disimpan`, the file's name).
    let Some(dest) = a.out else {
        let r = exports::receipt_bytes(&desk, &by, &a.reg, opts, format, now)
            .map_err(|e| Failure::input(e, json))?;
        stdio::bytes(&r.bytes)
            .map_err(|e| Failure::input(LoketError::from_io(&e, "stdout"), json))?;
        return Ok(Verdict::Ok);
    };
    let f = exports::receipt_file(&desk, &by, &a.reg, opts, format, &dest, now)
        .map_err(|e| Failure::input(e, json))?;
    if json {
        let v = json!({
            "file": f.file,
            "format": f.format,
            "layout": f.layout,
            "width_mm": f.width_mm,
            "height_mm": f.height_mm,
            "bytes": f.bytes,
        });
        stdio::json(&v)?;
    } else {
        outln!(
            "Bukti layanan disimpan: {} ({}, {} × {} mm, {} bita)",
            f.file,
            f.format.as_str().to_uppercase(),
            f.width_mm,
            f.height_mm,
            f.bytes
        )?;
    }
    Ok(Verdict::Ok)
}
