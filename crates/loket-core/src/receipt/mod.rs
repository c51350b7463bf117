//! The printed summary receipt, "Bukti Layanan", of one request.
//!
//! Operators print it for the paper register (80 mm thermal roll or A5,
//! through the system print dialog) and drag it back into the WhatsApp chat
//! as a PDF or PNG. One layout source serves all of them, so what the
//! citizen gets is what the register holds:
//!
//! - [`data`]: [`build`] gathers the text ([`Receipt`]), NIK masked unless asked.
//! - [`layout`]: lays it out as an SVG in millimetres for a [`Layout`].
//! - [`render`]: the flattened SVG, PNG (resvg), PDF (svg2pdf) and HTML.
//! - here: [`for_print`] for the app's print path, [`render`](fn@render) and
//!   [`write`] (atomic) for files.

pub mod data;
mod font;
pub mod layout;
mod qr;
pub mod render;

#[cfg(test)]
mod tests;

pub use data::{build, Receipt};
pub use layout::{lay_out, Layout, Page};

use crate::db::Db;
use crate::error::{ErrorCode, Result};
use crate::fsutil;
use crate::words::impl_words;
use serde::{Deserialize, Serialize};
use std::path::Path;
use strum::{EnumString, IntoStaticStr, VariantArray};
use ts_rs::TS;

/// What the operator chose when asking for a receipt: what [`build`] puts
/// in it (the full NIK or not) and the paper it is laid out for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct ReceiptOptions {
    /// Print the whole NIK instead of `351602******0003`.
    #[serde(default)]
    pub full_nik: bool,
    #[serde(default)]
    pub layout: Layout,
}

/// What the UI prints with `window.print()`: the receipt's SVG (text as
/// paths, `width`/`height` in mm) and the page size for its `@page` rule.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ReceiptPrint {
    pub svg: String,
    pub width_mm: f64,
    pub height_mm: f64,
    pub layout: Layout,
}

/// The file formats a receipt can be saved as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[derive(IntoStaticStr, EnumString, VariantArray)]
#[strum(serialize_all = "snake_case", ascii_case_insensitive)]
pub enum ReceiptFormat {
    Html,
    Pdf,
    Png,
}

impl_words!(ReceiptFormat, ErrorCode::MasukanTidakValid, "Format bukti");

impl ReceiptFormat {
    /// Binary formats are not for a terminal.
    pub fn is_binary(self) -> bool {
        !matches!(self, ReceiptFormat::Html)
    }
}

/// A receipt rendered to bytes of one format.
#[derive(Debug, Clone)]
pub struct RenderedReceipt {
    pub bytes: Vec<u8>,
    pub format: ReceiptFormat,
    pub layout: Layout,
    pub width_mm: f64,
    pub height_mm: f64,
}

/// A receipt saved to a file.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ReceiptFile {
    pub file: String,
    pub format: ReceiptFormat,
    pub layout: Layout,
    pub width_mm: f64,
    pub height_mm: f64,
    pub bytes: u64,
}

/// The receipt of `reg_no` ready for the print dialog.
pub fn for_print<'c>(
    db: impl Into<Db<'c>>,
    reg_no: &str,
    opts: ReceiptOptions,
    operator: &str,
    now_ms: i64,
) -> Result<ReceiptPrint> {
    let receipt = build(db, reg_no, opts, operator, now_ms)?;
    let drawn = render::draw(&receipt, opts.layout)?;
    Ok(ReceiptPrint {
        svg: drawn.flat_svg()?,
        width_mm: drawn.page.width_mm,
        height_mm: drawn.page.height_mm,
        layout: opts.layout,
    })
}

/// The receipt of `reg_no` as the bytes of `format`.
pub fn render<'c>(
    db: impl Into<Db<'c>>,
    reg_no: &str,
    opts: ReceiptOptions,
    format: ReceiptFormat,
    operator: &str,
    now_ms: i64,
) -> Result<RenderedReceipt> {
    let receipt = build(db, reg_no, opts, operator, now_ms)?;
    let drawn = render::draw(&receipt, opts.layout)?;
    let bytes = match format {
        ReceiptFormat::Html => drawn
            .html(&format!("Bukti Layanan {}", receipt.reg_no))?
            .into_bytes(),
        ReceiptFormat::Pdf => drawn.pdf()?,
        ReceiptFormat::Png => drawn.png()?,
    };
    Ok(RenderedReceipt {
        bytes,
        format,
        layout: opts.layout,
        width_mm: drawn.page.width_mm,
        height_mm: drawn.page.height_mm,
    })
}

/// Renders the receipt of `reg_no` and writes it to `dest` atomically
/// (an older file of that name is replaced whole or left as it was).
#[allow(clippy::too_many_arguments)]
pub fn write<'c>(
    db: impl Into<Db<'c>>,
    reg_no: &str,
    opts: ReceiptOptions,
    format: ReceiptFormat,
    dest: &Path,
    operator: &str,
    now_ms: i64,
) -> Result<ReceiptFile> {
    let r = render(db, reg_no, opts, format, operator, now_ms)?;
    fsutil::write_atomic(dest, &r.bytes)?;
    Ok(ReceiptFile {
        file: dest.display().to_string(),
        format,
        layout: r.layout,
        width_mm: r.width_mm,
        height_mm: r.height_mm,
        bytes: r.bytes.len() as u64,
    })
}
