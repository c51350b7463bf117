//! The receipt's outputs, read back the way a person or a printer would:
//! the PNG's QR code decodes to the registration number, the PDF rendered by
//! hayro is a page of the paper's size whose QR decodes too, the print SVG
//! has no text left to need a font, the HTML carries the page size.

use super::*;
use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_syntax::Pdf;
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{PixmapSettings, RenderCache, RenderSettings};
use std::sync::Arc;
use strum::VariantArray;

/// The content of the one QR code found in a greyscale image.
pub(crate) fn decode_qr(gray: &[u8], w: usize, h: usize) -> String {
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| gray[y * w + x]);
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the image");
    grids[0].decode().unwrap().1
}

fn png_pixels(bytes: &[u8]) -> (Vec<u8>, usize, usize, Option<png::PixelDimensions>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().unwrap();
    let dims = reader.info().pixel_dims;
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(info.color_type, png::ColorType::Grayscale);
    buf.truncate(info.buffer_size());
    (buf, info.width as usize, info.height as usize, dims)
}

/// A PDF page rendered by hayro: its size in points and its grey pixels.
struct PdfPage {
    size_pt: (f32, f32),
    gray: Vec<u8>,
    w: usize,
    h: usize,
}

/// Renders the PDF's pages with hayro at `dpi`.
fn pdf_pages(bytes: &[u8], dpi: f32) -> Vec<PdfPage> {
    let pdf = Pdf::new(Arc::new(bytes.to_vec())).unwrap();
    let cache = RenderCache::new();
    let interpreter = InterpreterSettings::default();
    let settings = RenderSettings::default();
    let scale = dpi / 72.0;
    pdf.pages()
        .iter()
        .map(|page| {
            let size_pt = page.render_dimensions();
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
            let (w, h) = (pixmap.width() as usize, pixmap.height() as usize);
            let gray = pixmap
                .data_as_u8_slice()
                .chunks_exact(4)
                .map(|p| p[0].saturating_add(255 - p[3]))
                .collect();
            PdfPage {
                size_pt,
                gray,
                w,
                h,
            }
        })
        .collect()
}

#[test]
fn the_png_is_the_paper_at_printer_resolution_and_its_qr_decodes() -> Result<()> {
    each_engine(|conn| {
        let reg = finished_request(conn, 12);
        for layout in Layout::VARIANTS {
            let r = build(conn, &reg, opts(false, *layout), "Rina", NOW).unwrap();
            let page = lay_out(&r, *layout).unwrap();
            let bytes = render::png(&r, *layout).unwrap();
            let (gray, w, h, dims) = png_pixels(&bytes);
            let dpi = f64::from(layout.png_dpi());
            assert_eq!(
                w,
                (page.width_mm * dpi / 25.4).round() as usize,
                "{layout:?}"
            );
            assert_eq!(
                h,
                (page.height_mm * dpi / 25.4).round() as usize,
                "{layout:?}"
            );
            match layout {
                Layout::Roll80 => assert_eq!(w, 639, "80 mm at 203 dpi"),
                Layout::A5 => assert_eq!((w, h), (1165, 1654), "A5 at 200 dpi"),
            }
            let dims = dims.unwrap();
            assert_eq!(dims.xppu, (dpi / 0.0254).round() as u32);
            assert_eq!(decode_qr(&gray, w, h), reg);
            // Black print on white paper: mostly white, some black, little grey.
            let black = gray.iter().filter(|&&g| g < 64).count();
            let white = gray.iter().filter(|&&g| g > 192).count();
            assert!(white > gray.len() * 3 / 4 && black > gray.len() / 100);
            assert!(
                gray.len() - black - white < gray.len() / 20,
                "grey is only edges"
            );
        }
        Ok(())
    })
}

#[test]
fn the_pdf_is_one_page_of_the_paper_size_and_its_qr_decodes() -> Result<()> {
    each_engine(|conn| {
        let reg = finished_request(conn, 12);
        for layout in Layout::VARIANTS {
            let r = build(conn, &reg, opts(false, *layout), "Rina", NOW).unwrap();
            let page = lay_out(&r, *layout).unwrap();
            let bytes = render::pdf(&r, *layout).unwrap();
            assert!(bytes.starts_with(b"%PDF-"));
            let pages = pdf_pages(&bytes, 200.0);
            assert_eq!(pages.len(), 1);
            let PdfPage {
                size_pt: (w_pt, h_pt),
                gray,
                w,
                h,
            } = &pages[0];
            let pt = |mm: f64| (mm * 72.0 / 25.4) as f32;
            assert!(
                (w_pt - pt(page.width_mm)).abs() < 0.05,
                "{layout:?}: {w_pt} pt wide"
            );
            assert!(
                (h_pt - pt(page.height_mm)).abs() < 0.05,
                "{layout:?}: {h_pt} pt high"
            );
            if *layout == Layout::A5 {
                assert!((w_pt - 419.53).abs() < 0.05 && (h_pt - 595.28).abs() < 0.05);
            } else {
                assert!((w_pt - 226.77).abs() < 0.05);
            }
            assert_eq!(decode_qr(gray, *w, *h), reg, "{layout:?}");
            // The text is embedded as text (selectable), in the bundled font.
            let raw = String::from_utf8_lossy(&bytes);
            assert!(raw.contains("LiberationSans"), "font embedded");
        }
        Ok(())
    })
}

#[test]
fn the_print_svg_is_sized_in_millimetres_with_text_as_paths() -> Result<()> {
    each_engine(|conn| {
        let reg = finished_request(conn, 12);
        for layout in Layout::VARIANTS {
            let p = for_print(conn, &reg, opts(false, *layout), "Rina", NOW).unwrap();
            assert_eq!(p.layout, *layout);
            let head = format!(
            "<svg width=\"{w}mm\" height=\"{h}mm\" viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\"",
            w = p.width_mm,
            h = p.height_mm
        );
            assert!(p.svg.starts_with(&head), "{}", &p.svg[..120]);
            assert!(!p.svg.contains("<text"), "text flattened to paths");
            assert!(
                p.svg.matches("<path").count() > 25,
                "{}",
                p.svg.matches("<path").count()
            );
            // The flattened SVG draws the same thing: its QR decodes when rasterised.
            let tree = usvg::Tree::from_str(&p.svg, &usvg::Options::default()).unwrap();
            let (w, h) = (
                (p.width_mm * 8.0).round() as u32,
                (p.height_mm * 8.0).round() as u32,
            );
            let mut pixmap = resvg::tiny_skia::Pixmap::new(w, h).unwrap();
            pixmap.fill(resvg::tiny_skia::Color::WHITE);
            let s = w as f32 / tree.size().width();
            resvg::render(
                &tree,
                resvg::tiny_skia::Transform::from_scale(s, s),
                &mut pixmap.as_mut(),
            );
            let gray: Vec<u8> = pixmap.data().chunks_exact(4).map(|p| p[0]).collect();
            assert_eq!(decode_qr(&gray, w as usize, h as usize), reg);
        }
        Ok(())
    })
}

#[test]
fn the_html_page_carries_the_paper_size() -> Result<()> {
    each_engine(|conn| {
        let reg = finished_request(conn, 12);
        let roll = build(conn, &reg, ReceiptOptions::default(), "Rina", NOW).unwrap();
        let page = lay_out(&roll, Layout::Roll80).unwrap();
        let html = render::html(&roll, Layout::Roll80).unwrap();
        assert!(html.contains(&format!(
            "@page {{ size: 80mm {}mm; margin: 0; }}",
            page.height_mm
        )));
        assert!(
            !html.contains("size: 80mm auto"),
            "`size: 80mm auto` is invalid CSS"
        );
        assert!(html.contains(&format!("<title>Bukti Layanan {reg}</title>")));
        assert!(html.contains("<svg width=\"80mm\""));
        let a5 = render::html(&roll, Layout::A5).unwrap();
        assert!(a5.contains("@page { size: A5; margin: 0; }"));
        assert!(!html.contains("<script"), "nothing runs in the page");
        Ok(())
    })
}

#[test]
fn write_replaces_a_file_atomically_and_reports_its_size() -> Result<()> {
    each_engine(|conn| {
        let reg = finished_request(conn, 12);
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("bukti.pdf");
        std::fs::write(&dest, b"old").unwrap();
        let o = opts(false, Layout::A5);
        let f = write(conn, &reg, o, ReceiptFormat::Pdf, &dest, "Rina", NOW).unwrap();
        let bytes = std::fs::read(&dest).unwrap();
        assert_eq!(f.bytes, bytes.len() as u64);
        assert!(bytes.starts_with(b"%PDF-"));
        assert_eq!(
            (f.format, f.layout, f.width_mm, f.height_mm),
            (ReceiptFormat::Pdf, Layout::A5, 148.0, 210.0)
        );
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary left"
        );
        // A refused receipt leaves the old file as it was.
        let err = write(
            conn,
            "VN-000000-0000",
            o,
            ReceiptFormat::Png,
            &dest,
            "Rina",
            NOW,
        )
        .unwrap_err();
        assert_eq!(err.code, ErrorCode::PermohonanTidakDitemukan);
        assert_eq!(std::fs::read(&dest).unwrap(), bytes);
        let missing = dir.path().join("no-such-folder").join("bukti.png");
        assert!(write(conn, &reg, o, ReceiptFormat::Png, &missing, "Rina", NOW).is_err());
        Ok(())
    })
}
