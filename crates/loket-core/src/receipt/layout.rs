//! The one layout of a receipt, as an SVG in millimetres, for both papers.
//!
//! Everything else (the flattened SVG the UI prints, the PNG, the PDF, the
//! HTML page) is drawn from this SVG, so screen, print and files agree.
//! Units are millimetres (`viewBox` = paper size), lines are wrapped by
//! measuring the bundled font (`font.rs`), and every line has a cap on its
//! number of lines so that no field, however long, runs off the paper or
//! off an A5 page. Black on white only: thermal printers cannot do grey.

use super::data::Receipt;
use super::font::{Metrics, FAMILY};
use super::qr;
use crate::error::{ErrorCode, LoketError, Result};
use crate::words::impl_words;
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;
use strum::{EnumString, IntoStaticStr, VariantArray};
use ts_rs::TS;

/// The paper a receipt is laid out for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[derive(IntoStaticStr, EnumString, VariantArray)]
#[strum(serialize_all = "snake_case", ascii_case_insensitive)]
pub enum Layout {
    /// 80 mm thermal roll (72 mm printable), as long as the content.
    #[default]
    Roll80,
    /// A5 portrait sheet, 148 × 210 mm.
    A5,
}

impl_words!(Layout, ErrorCode::MasukanTidakValid, "Tata letak");

impl Layout {
    /// Resolution of the PNG: the thermal head's 203 dpi for the roll.
    pub fn png_dpi(self) -> f32 {
        match self {
            Layout::Roll80 => 203.0,
            Layout::A5 => 200.0,
        }
    }

    pub(crate) fn spec(self) -> Spec {
        match self {
            Layout::Roll80 => Spec {
                width: 80.0,
                height: None,
                margin: 4.0,
                top: 3.0,
                body: 9.0 * PT,
                small: 8.0 * PT,
                heading: 10.0 * PT,
                title: 13.0 * PT,
                module: 0.9,
            },
            Layout::A5 => Spec {
                width: 148.0,
                height: Some(210.0),
                margin: 14.0,
                top: 12.0,
                body: 11.0 * PT,
                small: 9.0 * PT,
                heading: 13.0 * PT,
                title: 18.0 * PT,
                module: 1.2,
            },
        }
    }
}

/// One typographic point in millimetres.
const PT: f64 = 25.4 / 72.0;
/// Line pitch as a multiple of the font size.
const LEADING: f64 = 1.25;
/// Baseline below the top of a line box, as a multiple of the font size.
const BASELINE: f64 = 0.95;
const RULE: f64 = 0.3;
/// The most a fixed-size sheet's content may be shrunk to fit (A5 at 9 pt
/// small print stays above 7 pt).
const MIN_SHRINK: f64 = 0.8;

/// Sizes of one paper, in millimetres.
pub(crate) struct Spec {
    pub(crate) width: f64,
    /// Fixed page height; `None` for a roll cut after the content.
    pub(crate) height: Option<f64>,
    /// Left and right margin: the printable area is `margin..width - margin`.
    pub(crate) margin: f64,
    top: f64,
    body: f64,
    small: f64,
    heading: f64,
    title: f64,
    /// Side of one QR module.
    module: f64,
}

/// A laid-out receipt: the SVG source (with text) and the paper size.
pub struct Page {
    pub svg: String,
    pub width_mm: f64,
    pub height_mm: f64,
    /// Left edge of the printable area; the right edge is `width_mm - margin_mm`.
    pub margin_mm: f64,
}

#[derive(Clone, Copy, PartialEq)]
enum Align {
    Start,
    Middle,
}

/// Appends SVG elements while tracking the vertical position.
struct Sheet {
    spec: Spec,
    metrics: Metrics,
    body: String,
    y: f64,
}

impl Sheet {
    fn printable(&self) -> f64 {
        self.spec.width - 2.0 * self.spec.margin
    }

    fn line(&mut self, x: f64, baseline: f64, text: &str, size: f64, bold: bool, align: Align) {
        let weight = if bold { "700" } else { "400" };
        let anchor = if align == Align::Middle {
            " text-anchor=\"middle\""
        } else {
            ""
        };
        let _ = write!(
            self.body,
            "<text x=\"{x:.3}\" y=\"{baseline:.3}\" font-size=\"{size:.3}\" font-weight=\"{weight}\"{anchor}>{}</text>",
            escape(text)
        );
    }

    /// A centred paragraph, wrapped to the printable width.
    fn centred(&mut self, text: &str, size: f64, bold: bool, max_lines: usize) {
        let center = self.spec.width / 2.0;
        for l in self
            .metrics
            .wrap(text, size, bold, self.printable(), max_lines)
        {
            let baseline = self.y + BASELINE * size;
            self.line(center, baseline, &l, size, bold, Align::Middle);
            self.y += LEADING * size;
        }
    }

    fn gap(&mut self, mm: f64) {
        self.y += mm;
    }

    fn rule(&mut self) {
        let (x0, x1) = (self.spec.margin, self.spec.width - self.spec.margin);
        let _ = write!(
            self.body,
            "<rect x=\"{x0:.3}\" y=\"{:.3}\" width=\"{:.3}\" height=\"{RULE}\"/>",
            self.y,
            x1 - x0
        );
        self.y += RULE;
    }

    /// Label/value rows: labels in a column as wide as the widest label.
    fn rows(&mut self, rows: &[(&str, &str)]) {
        let size = self.spec.body;
        let gap = 0.6 * size;
        let label_w = rows
            .iter()
            .map(|(l, _)| self.metrics.width(l, size, false))
            .fold(0.0, f64::max)
            .min(self.printable() * 0.4);
        let x_value = self.spec.margin + label_w + gap;
        let value_w = self.spec.width - self.spec.margin - x_value;
        for (i, (label, value)) in rows.iter().enumerate() {
            let bold = i == 0;
            let lines = self.metrics.wrap(value, size, bold, value_w, 4);
            let label_lines = self.metrics.wrap(label, size, false, label_w, 2);
            let first = self.y + BASELINE * size;
            for (j, l) in label_lines.iter().enumerate() {
                let b = first + j as f64 * LEADING * size;
                self.line(self.spec.margin, b, l, size, false, Align::Start);
            }
            for (j, l) in lines.iter().enumerate() {
                let b = first + j as f64 * LEADING * size;
                self.line(x_value, b, l, size, bold, Align::Start);
            }
            let n = lines.len().max(label_lines.len()).max(1);
            self.y += n as f64 * LEADING * size + 0.25 * size;
        }
    }

    /// "Tidak dipungut biaya" in a black outline box.
    fn boxed(&mut self, text: &str) {
        let size = self.spec.heading;
        let pad = 0.5 * size;
        let lines = self
            .metrics
            .wrap(text, size, true, self.printable() - 2.0 * pad, 2);
        let h = lines.len() as f64 * LEADING * size + 2.0 * pad;
        let (x0, y, w) = (
            self.spec.margin + RULE / 2.0,
            self.y,
            self.printable() - RULE,
        );
        let _ = write!(
            self.body,
            "<rect x=\"{x0:.3}\" y=\"{y:.3}\" width=\"{w:.3}\" height=\"{h:.3}\" fill=\"none\" stroke=\"#000\" stroke-width=\"{RULE}\"/>"
        );
        self.y += pad;
        for l in lines {
            let baseline = self.y + BASELINE * size;
            self.line(
                self.spec.width / 2.0,
                baseline,
                &l,
                size,
                true,
                Align::Middle,
            );
            self.y += LEADING * size;
        }
        self.y += pad;
    }

    fn qr(&mut self, data: &str) -> Result<()> {
        let code = qr::encode(data)?;
        // Never wider than the printable area, whatever the version.
        let module = self
            .spec
            .module
            .min(self.printable() / code.side.max(1) as f64);
        let side = module * code.side as f64;
        let x = (self.spec.width - side) / 2.0;
        let _ = write!(
            self.body,
            "<path transform=\"translate({x:.3} {:.3}) scale({module:.4})\" shape-rendering=\"crispEdges\" d=\"{}\"/>",
            self.y, code.path
        );
        self.y += side;
        Ok(())
    }
}

/// Characters XML cannot carry are dropped; markup characters escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Lays `receipt` out on `layout`'s paper.
pub fn lay_out(receipt: &Receipt, layout: Layout) -> Result<Page> {
    let spec = layout.spec();
    let mut s = Sheet {
        y: spec.top,
        spec,
        metrics: Metrics::new(),
        body: String::new(),
    };
    let (small, body, heading) = (s.spec.small, s.spec.body, s.spec.heading);
    if !receipt.government.is_empty() {
        s.centred(&receipt.government, small, false, 2);
    }
    s.centred(&receipt.agency, heading, true, 3);
    if !receipt.address.is_empty() {
        s.centred(&receipt.address, small, false, 2);
    }
    if !receipt.contact.is_empty() {
        s.centred(&receipt.contact, small, false, 2);
    }
    s.gap(0.4 * body);
    s.rule();
    s.gap(0.6 * body);
    s.centred(&receipt.title, s.spec.title, true, 1);
    s.centred(&receipt.service, body, false, 2);
    s.gap(0.4 * body);
    s.rule();
    s.gap(0.6 * body);
    s.rows(&receipt.rows());
    s.gap(0.4 * body);
    s.boxed(&receipt.fee);
    s.gap(0.4 * body);
    s.qr(&receipt.reg_no)?;
    s.centred(&receipt.reg_no, small, false, 1);
    s.gap(0.6 * body);
    s.centred(&receipt.footer, small, false, 3);
    s.centred(&receipt.printed, small, false, 2);
    let content = s.y + s.spec.top;
    let w = s.spec.width;
    let (height, body) = match s.spec.height {
        None => (content.ceil(), s.body),
        Some(h) if content <= h => (h, s.body),
        Some(h) => {
            // Office details at their longest do not fit a sheet: shrink the
            // whole receipt towards its centre line rather than cut it.
            let k = h / content;
            if k < MIN_SHRINK {
                return Err(LoketError::new(
                    ErrorCode::TeksTerlaluPanjang,
                    "Isi bukti layanan terlalu panjang untuk satu halaman A5. Pakai kertas roll atau persingkat data kantor.",
                ));
            }
            let dx = w / 2.0 * (1.0 - k);
            let g = format!(
                "<g transform=\"translate({dx:.4} 0) scale({k:.5})\">{}</g>",
                s.body
            );
            (h, g)
        }
    };
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{height}\" viewBox=\"0 0 {w} {height}\">\
         <rect width=\"{w}\" height=\"{height}\" fill=\"#fff\"/>\
         <g font-family=\"{FAMILY}\" fill=\"#000\">{body}</g></svg>"
    );
    Ok(Page {
        svg,
        width_mm: w,
        height_mm: height,
        margin_mm: s.spec.margin,
    })
}
