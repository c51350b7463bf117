//! PDFs: the e-KK has been issued as a PDF printed on plain paper since
//! 2019, and citizens forward the file itself. Rendered with `hayro`, a pure
//! Rust rasteriser, so no PDF library has to be installed on office PCs.
//!
//! Guards: compressed streams expanding to at most [`MAX_PDF_EXPANDED`]
//! together (`pdf_expand.rs`, checked before parsing); at most
//! [`MAX_PDF_PAGES`] pages; each page is rendered straight
//! at display size (long side [`DISPLAY_LONG_SIDE`], never above
//! [`PDF_DPI`]), so a page with an absurd media box cannot allocate more
//! than one display copy. A PDF that does not open, is cut off (no `%%EOF`)
//! or holds an image that does not decode is refused with a code;
//! a panic inside the rasteriser is caught by the caller (`decode.rs`).
//! A page that is merely slow or hungry to draw is stopped by drawing in a
//! worker process (`pdf_worker.rs`).

use super::pixels::Rgb;
use super::{refuse, DISPLAY_LONG_SIDE, MAX_PDF_EXPANDED, MAX_PDF_PAGES, MIN_SIDE, PDF_DPI};
use crate::error::Result;
use hayro::hayro_interpret::{InterpreterSettings, InterpreterWarning};
use hayro::hayro_syntax::{LoadPdfError, Pdf};
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{PixmapSettings, RenderCache, RenderSettings};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// An opened PDF with the size of its first page at [`PDF_DPI`].
pub(super) struct OpenPdf {
    pdf: Pdf,
    pub(super) width: u32,
    pub(super) height: u32,
}

/// Parses the PDF and checks its page count and first page.
pub(super) fn open(bytes: &[u8]) -> Result<OpenPdf> {
    if super::pdf_expand::expanded_size(bytes, MAX_PDF_EXPANDED) > MAX_PDF_EXPANDED {
        return Err(refuse::pdf_expands_too_far());
    }
    open_counted(bytes)
}

/// [`open`] without counting what the streams expand to, for bytes already
/// counted by `open` (the PDF worker's, whose parent opened them first).
pub(super) fn open_counted(bytes: &[u8]) -> Result<OpenPdf> {
    // A PDF ends with `%%EOF`; one cut off in transfer does not, and the
    // lenient parser would render what is left as blank pages.
    let tail = bytes
        .get(bytes.len().saturating_sub(1024)..)
        .unwrap_or(bytes);
    if !tail.windows(5).any(|w| w == b"%%EOF") {
        return Err(refuse::damaged("PDF"));
    }
    let pdf = Pdf::new(Arc::new(bytes.to_vec())).map_err(|e| match e {
        LoadPdfError::Decryption(_) => refuse::pdf_locked(),
        LoadPdfError::Invalid => refuse::damaged("PDF"),
    })?;
    let count = pdf.pages().len();
    if count == 0 {
        return Err(refuse::damaged("PDF (tanpa halaman)"));
    }
    if count > MAX_PDF_PAGES {
        return Err(refuse::too_many_pages(count));
    }
    let (w_pt, h_pt) = pdf
        .pages()
        .first()
        .map(|p| p.render_dimensions())
        .ok_or_else(|| refuse::damaged("PDF"))?;
    let at_dpi = |pt: f32| -> Option<u32> {
        let px = (pt * PDF_DPI / 72.0).round();
        (px.is_finite() && px >= 1.0).then_some(px.min(u32::MAX as f32) as u32)
    };
    let (Some(width), Some(height)) = (at_dpi(w_pt), at_dpi(h_pt)) else {
        return Err(refuse::damaged("PDF (ukuran halaman tidak sah)"));
    };
    if width.min(height) < MIN_SIDE {
        return Err(refuse::too_small(width, height));
    }
    Ok(OpenPdf { pdf, width, height })
}

/// Renders every page at display size and hands each to `each`, in order.
pub(super) fn render(doc: &OpenPdf, mut each: impl FnMut(Rgb) -> Result<()>) -> Result<()> {
    let cache = RenderCache::new();
    // An image that fails to decode would be a blank page: refuse instead.
    let image_failed = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&image_failed);
    let interpreter = InterpreterSettings {
        warning_sink: Arc::new(move |w| {
            if matches!(w, InterpreterWarning::ImageDecodeFailure) {
                flag.store(true, Ordering::Relaxed);
            }
        }),
        ..InterpreterSettings::default()
    };
    let settings = RenderSettings::default();
    for page in doc.pdf.pages().iter() {
        let (w_pt, h_pt) = page.render_dimensions();
        let long = w_pt.max(h_pt);
        // The rasteriser truncates the scaled size; half a pixel more rounds it.
        let scale = (PDF_DPI / 72.0).min(DISPLAY_LONG_SIDE as f32 / long) + 0.5 / long;
        let ok = |v: f32| v.is_finite() && v >= 1.0 && v <= DISPLAY_LONG_SIDE as f32 + 1.0;
        if !(scale.is_finite() && ok(w_pt * scale) && ok(h_pt * scale)) {
            return Err(refuse::damaged("PDF (ukuran halaman tidak sah)"));
        }
        let pixmap = hayro::render(
            page,
            &cache,
            &interpreter,
            &settings,
            &PixmapSettings {
                x_scale: scale,
                y_scale: scale,
                bg_color: WHITE,
            },
        );
        if image_failed.load(Ordering::Relaxed) {
            return Err(refuse::damaged("Gambar di dalam PDF"));
        }
        let (w, h) = (u32::from(pixmap.width()), u32::from(pixmap.height()));
        // Premultiplied RGBA over white: colour + (255 - alpha).
        let rgb = pixmap
            .data_as_u8_slice()
            .chunks_exact(4)
            .flat_map(|p| {
                let under = 255 - p[3];
                [
                    p[0].saturating_add(under),
                    p[1].saturating_add(under),
                    p[2].saturating_add(under),
                ]
            })
            .collect();
        let rgb = Rgb::new(w, h, rgb).ok_or_else(|| refuse::damaged("PDF"))?;
        each(rgb)?;
    }
    Ok(())
}
