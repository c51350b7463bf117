//! A first guess at what a document is, for the operator to confirm or
//! correct, and the cleaning of the file name it arrived with.
//!
//! The name speaks first (`KK_…`, `kartu keluarga`, `ktp_ibu`); then the
//! shape, modestly: a flat scan or a PDF page of a KK is A4 landscape
//! (√2 ≈ 1.414:1), a card cropped to its edges is ID-1 (85.6 × 54 mm ≈
//! 1.586:1). Phone photos include the table around the document and have
//! the camera's 4:3 shape, which says nothing, so they stay `other` unless
//! the name tells.

use super::{DocFormat, DocKind};

const A4: f64 = std::f64::consts::SQRT_2;
const ID1: f64 = 85.6 / 54.0;

/// Guesses the kind of a document from its file name and its upright size.
pub fn guess_kind(file_name: &str, width: u32, height: u32) -> DocKind {
    let lower = file_name.to_lowercase();
    let stem = lower
        .rsplit_once('.')
        .map_or(lower.as_str(), |(stem, _)| stem);
    let flat: String = stem.chars().filter(|c| c.is_alphanumeric()).collect();
    let says_kk = stem.split(|c: char| !c.is_alphanumeric()).any(|t| {
        t.strip_prefix("kk")
            .is_some_and(|rest| rest.chars().all(|c| c.is_ascii_digit()))
    }) || flat.contains("kartukeluarga");
    let says_ktp = flat.contains("ktp") || flat.contains("kartutandapenduduk");
    match (says_kk, says_ktp) {
        (true, false) => return DocKind::Kk,
        (false, true) => return DocKind::Ktp,
        (true, true) => return DocKind::Other,
        (false, false) => {}
    }
    if width <= height || height == 0 {
        return DocKind::Other;
    }
    let ratio = f64::from(width) / f64::from(height);
    if (ratio - A4).abs() <= 0.03 {
        DocKind::Kk
    } else if (ratio - ID1).abs() <= 0.04 {
        DocKind::Ktp
    } else {
        DocKind::Other
    }
}

/// The name shown for a document: the last path component of what it
/// arrived with, without control characters, at most 200 characters; a
/// paste with no name becomes `tempelan.<ext>`.
pub(super) fn clean_file_name(name: &str, format: DocFormat) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let clean: String = last
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect::<String>()
        .trim()
        .to_owned();
    if clean.is_empty() {
        format!("tempelan.{}", format.ext())
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_on_the_fixture_names_and_sizes() {
        let cases = [
            (
                "WhatsApp Image 2026-11-24 at 10.15.32.jpeg",
                1200,
                1600,
                DocKind::Other,
            ),
            ("IMG_20261123_191044.jpg", 3000, 4000, DocKind::Other),
            ("20261122_081533.jpg", 3000, 4000, DocKind::Other),
            ("SCAN_KK_20261122.png", 2480, 1754, DocKind::Kk),
            ("IMG_20261120_163308.jpg", 4000, 3000, DocKind::Other),
            ("KK_3516032003240061.pdf", 2339, 1654, DocKind::Kk),
            ("ktp_ibu.webp", 1280, 960, DocKind::Ktp),
            (
                "WhatsApp Image 2026-11-24 at 13.02.11.jpeg",
                1600,
                1200,
                DocKind::Other,
            ),
            ("IMG20261121142955.jpg", 3000, 4000, DocKind::Other),
            ("IMG_20261121_143210.JPG", 4000, 3000, DocKind::Other),
        ];
        for (name, w, h, want) in cases {
            assert_eq!(guess_kind(name, w, h), want, "{name} {w}x{h}");
        }
    }

    #[test]
    fn names_speak_before_shapes() {
        assert_eq!(
            guess_kind("Kartu Keluarga Pak Budi.jpg", 3000, 4000),
            DocKind::Kk
        );
        assert_eq!(guess_kind("kartu_keluarga.pdf", 100, 100), DocKind::Kk);
        assert_eq!(guess_kind("KK3516032003240061.pdf", 10, 10), DocKind::Kk);
        assert_eq!(guess_kind("E-KTP.jpeg", 3000, 4000), DocKind::Ktp);
        assert_eq!(guess_kind("fotoKTPsuami.jpg", 3000, 4000), DocKind::Ktp);
        assert_eq!(
            guess_kind("ktp dan kk.jpg", 1000, 707),
            DocKind::Other,
            "both named: ask"
        );
        assert_eq!(
            guess_kind("Akkad_Sekolah.jpg", 3000, 4000),
            DocKind::Other,
            "words merely containing kk say nothing"
        );
        assert_eq!(
            guess_kind("scan.png", 1586, 1000),
            DocKind::Ktp,
            "a tightly cropped card"
        );
        assert_eq!(
            guess_kind("scan.png", 1000, 1414),
            DocKind::Other,
            "portrait A4 is a letter"
        );
        assert_eq!(guess_kind("", 0, 0), DocKind::Other);
    }

    #[test]
    fn file_names_are_cleaned() {
        assert_eq!(
            clean_file_name("C:\\Users\\op\\Downloads\\KK.pdf", DocFormat::Pdf),
            "KK.pdf"
        );
        assert_eq!(clean_file_name("/tmp/a/b.jpg", DocFormat::Jpeg), "b.jpg");
        assert_eq!(clean_file_name(" \u{7}\n ", DocFormat::Png), "tempelan.png");
        assert_eq!(
            clean_file_name(&"x".repeat(300), DocFormat::Jpeg).len(),
            200
        );
    }
}
