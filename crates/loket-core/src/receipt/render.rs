//! From the one layout SVG to what leaves Loket: a flattened SVG for the
//! print dialog, a PNG and a PDF for the WhatsApp chat, an HTML page.
//!
//! The layout SVG is parsed once by usvg with the bundled fonts only (no
//! system fonts, no external images), which shapes the text. That tree is
//! then written back with text as paths (the SVG the webview prints needs no
//! font), rasterised by resvg (PNG) and converted by svg2pdf (PDF, with the
//! font embedded so text stays selectable). All three come from the same
//! shaped tree, so they match to the glyph.

use super::font;
use super::layout::{lay_out, Layout, Page};
use super::Receipt;
use crate::error::{ErrorCode, LoketError, Result};
use resvg::tiny_skia::{Color, Pixmap, Transform};
use resvg::usvg::{self, ImageHrefResolver, Indent, WriteOptions};
use std::panic::{catch_unwind, AssertUnwindSafe};

const MM_PER_INCH: f64 = 25.4;

/// A laid-out receipt with its text shaped.
pub(crate) struct Drawn {
    pub(crate) page: Page,
    pub(crate) layout: Layout,
    pub(crate) tree: usvg::Tree,
}

fn failed(what: &str, detail: impl std::fmt::Display) -> LoketError {
    LoketError::new(
        ErrorCode::GagalMenyimpan,
        format!("Bukti layanan gagal dibuat ({what}): {detail}"),
    )
}

/// Runs a third-party renderer; a panic inside it becomes a coded error.
fn guarded<T>(what: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| Err(failed(what, "galat internal")))
}

/// Lays out and shapes `receipt` for `layout`.
pub(crate) fn draw(receipt: &Receipt, layout: Layout) -> Result<Drawn> {
    let page = lay_out(receipt, layout)?;
    let options = usvg::Options {
        fontdb: font::database(),
        font_family: font::FAMILY.to_owned(),
        // The layout references no files; refuse any that slipped in.
        image_href_resolver: ImageHrefResolver {
            resolve_data: Box::new(|_, _, _| None),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    };
    let tree = guarded("tata letak", || {
        usvg::Tree::from_str(&page.svg, &options).map_err(|e| failed("tata letak", e))
    })?;
    Ok(Drawn { page, layout, tree })
}

impl Drawn {
    /// The SVG with text as paths, sized in millimetres (`width="80mm"`).
    pub(crate) fn flat_svg(&self) -> Result<String> {
        let written = self.tree.to_string(&WriteOptions {
            indent: Indent::None,
            coordinates_precision: 2,
            transforms_precision: 5,
            ..WriteOptions::default()
        });
        // usvg writes `<svg width=".." height=".." xmlns=..`: give the root
        // the paper's size in millimetres over a millimetre viewBox.
        let (w, h) = (self.page.width_mm, self.page.height_mm);
        let rest = written
            .find(" xmlns=\"http://www.w3.org/2000/svg\"")
            .and_then(|i| written.get(i..))
            .ok_or_else(|| failed("SVG", "kepala SVG tidak dikenal"))?;
        Ok(format!(
            "<svg width=\"{w}mm\" height=\"{h}mm\" viewBox=\"0 0 {w} {h}\"{rest}"
        ))
    }

    /// Pixel size of the PNG at the layout's resolution.
    pub(crate) fn png_size(&self) -> (u32, u32) {
        let scale = f64::from(self.layout.png_dpi()) / MM_PER_INCH;
        let px = |mm: f64| (mm * scale).round().clamp(1.0, 20_000.0) as u32;
        (px(self.page.width_mm), px(self.page.height_mm))
    }

    /// A greyscale PNG at 203 dpi (roll) or 200 dpi (A5), with the
    /// resolution recorded so it prints at its real size.
    pub(crate) fn png(&self) -> Result<Vec<u8>> {
        let dpi = self.layout.png_dpi();
        let (w, h) = self.png_size();
        let gray: Vec<u8> = guarded("PNG", || {
            let mut pixmap = Pixmap::new(w, h).ok_or_else(|| failed("PNG", "ukuran gambar"))?;
            pixmap.fill(Color::WHITE);
            let scale = dpi / MM_PER_INCH as f32;
            resvg::render(
                &self.tree,
                Transform::from_scale(scale, scale),
                &mut pixmap.as_mut(),
            );
            // Opaque (filled white first): the red channel is the grey.
            Ok(pixmap.data().chunks_exact(4).map(|p| p[0]).collect())
        })?;
        encode_png(&gray, w, h, dpi)
    }

    /// A one-page PDF exactly the paper's size.
    pub(crate) fn pdf(&self) -> Result<Vec<u8>> {
        guarded("PDF", || {
            svg2pdf::to_pdf(
                &self.tree,
                svg2pdf::ConversionOptions::default(),
                // One SVG unit is one millimetre.
                svg2pdf::PageOptions {
                    dpi: MM_PER_INCH as f32,
                },
            )
            .map_err(|e| failed("PDF", e))
        })
    }

    /// A standalone page that prints at the paper's size: `@page` carries
    /// the size (`80mm <height>mm` for the roll; `auto` is not valid there).
    pub(crate) fn html(&self, title: &str) -> Result<String> {
        let svg = self.flat_svg()?;
        let (w, h) = (self.page.width_mm, self.page.height_mm);
        let size = match self.layout {
            Layout::A5 => "A5".to_owned(),
            Layout::Roll80 => format!("{w}mm {h}mm"),
        };
        let title = title.replace('&', "&amp;").replace('<', "&lt;");
        Ok(format!(
            "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n\
             <title>{title}</title>\n<style>\n\
             @page {{ size: {size}; margin: 0; }}\n\
             html, body {{ margin: 0; padding: 0; background: #fff; }}\n\
             svg {{ display: block; width: {w}mm; height: {h}mm; }}\n\
             @media print {{ html, body {{ width: {w}mm; height: {h}mm; overflow: hidden; }} }}\n\
             @media screen {{ body {{ background: #ddd; }} svg {{ margin: 8mm auto; background: #fff; }} }}\n\
             </style>\n</head>\n<body>\n{svg}\n</body>\n</html>\n"
        ))
    }
}

fn encode_png(gray: &[u8], w: u32, h: u32, dpi: f32) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, w, h);
    enc.set_color(png::ColorType::Grayscale);
    enc.set_depth(png::BitDepth::Eight);
    let per_metre = (f64::from(dpi) / 0.0254).round() as u32;
    enc.set_pixel_dims(Some(png::PixelDimensions {
        xppu: per_metre,
        yppu: per_metre,
        unit: png::Unit::Meter,
    }));
    let mut writer = enc.write_header().map_err(|e| failed("PNG", e))?;
    writer
        .write_image_data(gray)
        .map_err(|e| failed("PNG", e))?;
    writer.finish().map_err(|e| failed("PNG", e))?;
    Ok(out)
}

/// The receipt as an SVG with text as paths, sized in millimetres.
pub fn svg(receipt: &Receipt, layout: Layout) -> Result<String> {
    draw(receipt, layout)?.flat_svg()
}

/// The receipt as a greyscale PNG (203 dpi roll, 200 dpi A5).
pub fn png(receipt: &Receipt, layout: Layout) -> Result<Vec<u8>> {
    draw(receipt, layout)?.png()
}

/// The receipt as a one-page PDF of the paper's size.
pub fn pdf(receipt: &Receipt, layout: Layout) -> Result<Vec<u8>> {
    draw(receipt, layout)?.pdf()
}

/// The receipt as a standalone HTML page that prints at the paper's size.
pub fn html(receipt: &Receipt, layout: Layout) -> Result<String> {
    draw(receipt, layout)?.html(&format!("Bukti Layanan {}", receipt.reg_no))
}
