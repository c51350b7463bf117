//! Reading an incoming file within the size limit, and telling its format
//! from its first bytes.
//!
//! File names lie (WhatsApp saves a PDF as `.jpeg`, people rename things), so
//! the format is only ever the magic number. The length is checked against
//! [`MAX_FILE_BYTES`] before a file is read, so a 60 MB blob costs a `stat`.

use super::{refuse, DocFormat, MAX_FILE_BYTES};
use crate::error::Result;
use std::io::Read;
use std::path::Path;

/// Reads the file at `path`, refusing an empty or oversized one first.
pub(super) fn read_file(path: &Path) -> Result<Vec<u8>> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| refuse::unreadable(&name, &e))?;
    let meta = file.metadata().map_err(|e| refuse::unreadable(&name, &e))?;
    if !meta.is_file() {
        return Err(refuse::not_a_file(&name));
    }
    check_len(meta.len())?;
    // Read at most one byte past the limit: the file may grow while we read.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| refuse::unreadable(&name, &e))?;
    check_len(bytes.len() as u64)?;
    Ok(bytes)
}

/// Refuses an empty or oversized input.
pub(super) fn check_len(len: u64) -> Result<()> {
    if len == 0 {
        return Err(refuse::empty());
    }
    if len > MAX_FILE_BYTES {
        return Err(refuse::too_large(len));
    }
    Ok(())
}

/// The format of `bytes` from its signature; a recognised but unsupported
/// picture format and anything else are refused with different codes.
pub(super) fn sniff(bytes: &[u8]) -> Result<DocFormat> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Ok(DocFormat::Jpeg);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok(DocFormat::Png);
    }
    if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return Ok(DocFormat::Webp);
    }
    // PDF readers accept the header anywhere in the first KiB.
    let head = bytes.get(..bytes.len().min(1024)).unwrap_or(bytes);
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Ok(DocFormat::Pdf);
    }
    match unsupported(bytes) {
        Some(what) => Err(refuse::unsupported(what)),
        None => Err(refuse::not_an_image()),
    }
}

fn unsupported(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return Some("GIF");
    }
    if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        return Some("TIFF");
    }
    if bytes.len() >= 14 && bytes.starts_with(b"BM") {
        return Some("BMP");
    }
    if bytes.get(4..8) == Some(b"ftyp") {
        let brand = bytes.get(8..12).unwrap_or_default();
        return match brand {
            b"heic" | b"heix" | b"hevc" | b"heim" | b"heis" | b"mif1" | b"msf1" => {
                Some("HEIC (foto iPhone)")
            }
            b"avif" | b"avis" => Some("AVIF"),
            _ => None,
        };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    #[test]
    fn signatures_decide_not_names() {
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0rest").unwrap(), DocFormat::Jpeg);
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n....").unwrap(), DocFormat::Png);
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 ").unwrap(), DocFormat::Webp);
        assert_eq!(sniff(b"%PDF-1.7\n").unwrap(), DocFormat::Pdf);
        assert_eq!(
            sniff(b"\r\n\r\n%PDF-1.4 junk before the header").unwrap(),
            DocFormat::Pdf,
            "a PDF header a few bytes in is still a PDF"
        );
        let code = |b: &[u8]| sniff(b).unwrap_err().code;
        assert_eq!(code(b"Halo, ini bukan foto"), ErrorCode::BukanGambar);
        assert_eq!(code(b"RIFF\0\0\0\0WAVEfmt "), ErrorCode::BukanGambar);
        assert_eq!(code(b"GIF89a...."), ErrorCode::FormatTidakDidukung);
        assert_eq!(
            code(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic"),
            ErrorCode::FormatTidakDidukung
        );
        assert_eq!(
            code(b"\xFF\xD8"),
            ErrorCode::BukanGambar,
            "two bytes is not a JPEG"
        );
    }

    #[test]
    fn length_limits() {
        assert_eq!(check_len(0).unwrap_err().code, ErrorCode::BerkasKosong);
        assert!(check_len(MAX_FILE_BYTES).is_ok());
        assert_eq!(
            check_len(MAX_FILE_BYTES + 1).unwrap_err().code,
            ErrorCode::BerkasTerlaluBesar
        );
    }

    #[test]
    fn unreadable_paths_are_coded() {
        let dir = tempfile::tempdir().unwrap();
        let e = read_file(&dir.path().join("hilang.jpg")).unwrap_err();
        assert_eq!(e.code, ErrorCode::BerkasTidakBisaDibaca);
        let e = read_file(dir.path()).unwrap_err();
        assert_eq!(
            e.code,
            ErrorCode::BerkasTidakBisaDibaca,
            "a folder is not a file"
        );
    }
}
