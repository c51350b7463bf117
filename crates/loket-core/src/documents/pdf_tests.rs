//! PDFs in the store: every page of a KK, a cap on pages, too-small pages,
//! and compression bombs of every compressing filter refused before the
//! reader opens them, while honest PDFs with the same filters open.

use super::test_support::{desk, files_under, jpeg_size, pdf, pdf_drawn_by, NOW};
use super::*;
use crate::error::ErrorCode;

#[test]
fn pdfs_get_every_page_and_a_page_cap() {
    let (dir, mut desk, reg) = desk();
    // A4 portrait, 595×842 pt: at 200 dpi 1653×2339.
    let doc = add_bytes(
        &mut desk,
        &reg,
        None,
        "surat.pdf",
        &pdf(2, 595, 842),
        "Rina",
        NOW,
    )
    .unwrap();
    assert_eq!((doc.format, doc.pages), (DocFormat::Pdf, 2));
    assert_eq!((doc.width, doc.height), (1653, 2339));
    for page in 1..=2 {
        assert_eq!(
            jpeg_size(&display_path(&desk, &doc, page)),
            (1413, 2000),
            "page {page}: 595×842 pt shrunk to 2000 px"
        );
        assert!(thumb_path(&desk, &doc, page).is_file());
    }
    assert_eq!(
        display_path(&desk, &doc, 9),
        display_path(&desk, &doc, 2),
        "pages clamp"
    );

    let before = files_under(&store_dir(dir.path())).len();
    let err = add_bytes(
        &mut desk,
        &reg,
        None,
        "buku.pdf",
        &pdf(MAX_PDF_PAGES + 1, 595, 842),
        "Rina",
        NOW,
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::TerlaluBanyakHalaman, "{}", err.message);
    let err = add_bytes(
        &mut desk,
        &reg,
        None,
        "stiker.pdf",
        &pdf(1, 50, 50),
        "Rina",
        NOW,
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::GambarTerlaluKecil, "{}", err.message);
    // A page drawn by 600 MB of spaces, compressed to under 1 MB: refused
    // before the reader would hold it all in memory.
    let mut bomb = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    for _ in 0..600 {
        std::io::Write::write_all(&mut bomb, &[b' '; 1 << 20]).unwrap();
    }
    let bomb = pdf_drawn_by("/FlateDecode", &bomb.finish().unwrap());
    assert!(bomb.len() < 1 << 20, "{}", bomb.len());
    let err = add_bytes(&mut desk, &reg, None, "bom.pdf", &bomb, "Rina", NOW).unwrap_err();
    assert_eq!(err.code, ErrorCode::IsiPdfTerlaluBesar, "{}", err.message);
    assert_eq!(
        files_under(&store_dir(dir.path())).len(),
        before,
        "refusals store nothing"
    );
    // A page drawn by a modest content stream still opens.
    let mut small = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut small, b"0 0 1 rg 100 100 200 200 re f\n").unwrap();
    let drawn = add_bytes(
        &mut desk,
        &reg,
        None,
        "gambar.pdf",
        &pdf_drawn_by("/FlateDecode", &small.finish().unwrap()),
        "Rina",
        NOW,
    )
    .unwrap();
    assert_eq!((drawn.format, drawn.pages), (DocFormat::Pdf, 1));
}

#[test]
fn pdf_bombs_of_every_compressing_filter_are_refused_and_honest_ones_open() {
    let (dir, mut desk, reg) = desk();
    let drawing = b"0 0 1 rg 100 100 200 200 re f\n";
    // Run-length: 300 MB of spaces in 4.7 MB (two bytes per 128).
    let spaces = [129u8, b' '].repeat(300 << 13);
    // LZW around ASCIIHex: the same spaces in some 1 MB of hex digits.
    let lzw = weezl::encode::Encoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8)
        .encode(&vec![b' '; 300 << 20])
        .unwrap();
    let hex: String = lzw.iter().map(|b| format!("{b:02x}")).collect();
    for (name, filter, data) in [
        ("rl.pdf", "/RunLengthDecode", spaces),
        ("lzw.pdf", "[/AHx /LZW]", hex.into_bytes()),
    ] {
        let pdf = pdf_drawn_by(filter, &data);
        let err = add_bytes(&mut desk, &reg, None, name, &pdf, "Rina", NOW).unwrap_err();
        assert_eq!(
            err.code,
            ErrorCode::IsiPdfTerlaluBesar,
            "{name}: {}",
            err.message
        );
    }
    assert!(
        files_under(&store_dir(dir.path())).is_empty(),
        "refusals store nothing"
    );
    let honest = weezl::encode::Encoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8)
        .encode(drawing)
        .unwrap();
    let doc = add_bytes(
        &mut desk,
        &reg,
        None,
        "lzw.pdf",
        &pdf_drawn_by("/LZWDecode", &honest),
        "Rina",
        NOW,
    )
    .unwrap();
    assert_eq!((doc.format, doc.pages), (DocFormat::Pdf, 1));
}
