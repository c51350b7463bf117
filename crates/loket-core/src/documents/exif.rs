//! The EXIF orientation of a JPEG, read straight from its marker segments.
//!
//! libjpeg-turbo decodes the pixels but does not hand out the APP1 segment,
//! so the few lines that find it live here: walk the segments from SOI to
//! the first scan, take the first `Exif\0\0` APP1 and let the `image`
//! crate's TIFF reader pick the Orientation tag out of it. Anything odd (a
//! cut segment, a missing tag, a value outside 1–8) means "upright as
//! stored" (1), exactly what a photo viewer does; it never refuses a photo.

use image::metadata::Orientation;

const SOI: u8 = 0xD8;
const EOI: u8 = 0xD9;
const SOS: u8 = 0xDA;
const APP1: u8 = 0xE1;
const TEM: u8 = 0x01;
const EXIF_ID: &[u8] = b"Exif\0\0";

/// The EXIF orientation (1–8) of the JPEG `bytes`; 1 when there is none.
pub(super) fn jpeg_orientation(bytes: &[u8]) -> u8 {
    exif_payload(bytes)
        .and_then(Orientation::from_exif_chunk)
        .map_or(1, Orientation::to_exif)
}

/// The TIFF payload of the first EXIF APP1 segment before the first scan.
fn exif_payload(bytes: &[u8]) -> Option<&[u8]> {
    if bytes.get(..2)? != [0xFF, SOI] {
        return None;
    }
    let mut pos = 2;
    loop {
        if *bytes.get(pos)? != 0xFF {
            return None;
        }
        // Any number of 0xFF fill bytes may precede a marker.
        while *bytes.get(pos + 1)? == 0xFF {
            pos += 1;
        }
        let marker = *bytes.get(pos + 1)?;
        match marker {
            SOS | EOI => return None,
            TEM | 0xD0..=0xD7 => {
                pos += 2;
                continue;
            }
            _ => {}
        }
        let len = usize::from(u16::from_be_bytes([
            *bytes.get(pos + 2)?,
            *bytes.get(pos + 3)?,
        ]));
        if len < 2 {
            return None;
        }
        let data = bytes.get(pos + 4..pos + 2 + len)?;
        if marker == APP1 {
            if let Some(tiff) = data.strip_prefix(EXIF_ID) {
                return Some(tiff);
            }
        }
        pos += 2 + len;
    }
}

/// A JPEG's bytes with an EXIF APP1 segment carrying `orientation` put
/// right after SOI (tests build rotated photos with it).
#[cfg(test)]
pub(super) fn with_orientation(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    // Big-endian TIFF: header, one IFD with one SHORT entry, no next IFD.
    let mut tiff = b"MM\0\x2a\0\0\0\x08\0\x01".to_vec();
    tiff.extend([0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1]);
    tiff.extend(orientation.to_be_bytes());
    tiff.extend([0, 0, 0, 0, 0, 0]);
    let len = u16::try_from(2 + EXIF_ID.len() + tiff.len()).unwrap_or(u16::MAX);
    let mut out = jpeg[..2].to_vec();
    out.extend([0xFF, APP1]);
    out.extend(len.to_be_bytes());
    out.extend(EXIF_ID);
    out.extend(tiff);
    out.extend(&jpeg[2..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SOI, a JFIF APP0, some fill bytes, then SOS and "scan data".
    fn plain() -> Vec<u8> {
        let mut v = vec![0xFF, SOI, 0xFF, 0xE0, 0x00, 0x07];
        v.extend(b"JFIF\0");
        v.extend([0xFF, 0xFF, 0xFF, SOS, 0x00, 0x02, 0x12, 0x34]);
        v
    }

    #[test]
    fn reads_every_orientation_and_defaults_to_upright() {
        assert_eq!(jpeg_orientation(&plain()), 1, "no EXIF");
        for o in 1..=8u16 {
            let bytes = with_orientation(&plain(), o);
            assert_eq!(u16::from(jpeg_orientation(&bytes)), o);
        }
        assert_eq!(jpeg_orientation(&with_orientation(&plain(), 9)), 1);
        assert_eq!(jpeg_orientation(&with_orientation(&plain(), 0)), 1);
    }

    #[test]
    fn exif_after_the_first_scan_or_cut_short_is_ignored() {
        let mut late = plain();
        let rotated = with_orientation(&[0xFF, SOI], 6);
        late.extend(&rotated[2..]);
        assert_eq!(jpeg_orientation(&late), 1, "only segments before SOS count");

        let rotated = with_orientation(&plain(), 6);
        for cut in 0..rotated.len() - 12 {
            // Never panics, never reads past the end; a cut segment is ignored.
            let o = jpeg_orientation(&rotated[..cut]);
            assert!(o == 1 || o == 6, "cut at {cut}: {o}");
        }
        assert_eq!(jpeg_orientation(b"not a jpeg"), 1);
        assert_eq!(
            jpeg_orientation(&[0xFF, SOI, 0xFF, 0xE1, 0, 0]),
            1,
            "length 0"
        );
    }
}
