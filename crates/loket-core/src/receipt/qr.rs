//! The QR code of the registration number, as one SVG path.
//!
//! Scanned at the counter to open the request, so error correction M (15 %)
//! survives a smudged thermal print, and the quiet zone of four modules that
//! scanners need is part of the size handed back.

use crate::error::{ErrorCode, LoketError, Result};
use qrcode::{Color, EcLevel, QrCode};

/// Modules of white around the code.
pub(crate) const QUIET: usize = 4;

/// A QR code drawn in module units: `side` modules including the quiet
/// zone, `path` the dark modules (one subpath per horizontal run).
pub(crate) struct QrPath {
    pub(crate) side: usize,
    pub(crate) path: String,
}

pub(crate) fn encode(data: &str) -> Result<QrPath> {
    let code = QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M).map_err(|e| {
        LoketError::new(
            ErrorCode::MasukanTidakValid,
            format!("Kode QR tidak bisa dibuat untuk nomor registrasi ini ({e})."),
        )
    })?;
    let width = code.width();
    let colors = code.to_colors();
    let mut path = String::new();
    for (y, row) in colors.chunks(width.max(1)).enumerate() {
        let mut x = 0;
        while x < row.len() {
            if row[x] != Color::Dark {
                x += 1;
                continue;
            }
            let start = x;
            while x < row.len() && row[x] == Color::Dark {
                x += 1;
            }
            path.push_str(&format!(
                "M{} {}h{}v1h-{}z",
                start + QUIET,
                y + QUIET,
                x - start,
                x - start
            ));
        }
    }
    Ok(QrPath {
        side: width + 2 * QUIET,
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_registration_number_is_a_version_1_code() {
        let qr = encode("VN-251126-0007").unwrap();
        assert_eq!(qr.side, 21 + 2 * QUIET);
        assert!(qr.path.starts_with("M4 4h7v1h-7z"), "{}", &qr.path[..40]);
    }
}
