//! The two derived images of each page: the display copy the viewer shows
//! (upright, long side [`DISPLAY_LONG_SIDE`]) and the thumbnail the queue
//! and the request's document strip show ([`THUMB_LONG_SIDE`]).
//!
//! Both are baseline JPEGs whatever the original was, so the UI needs one
//! decoder and never touches an original (which may be a 12-megapixel photo
//! or a PDF). The thumbnail is made from the display copy on a second thread
//! while the display copy is encoded.

use super::pixels::Rgb;
use super::{refuse, DISPLAY_LONG_SIDE, THUMB_LONG_SIDE};
use crate::error::Result;

/// JPEG quality of display copies: small print on a KK must stay legible.
const DISPLAY_QUALITY: u8 = 85;
/// JPEG quality of thumbnails.
const THUMB_QUALITY: u8 = 75;

/// The encoded derived images of one page.
pub(super) struct Derived {
    pub(super) display: Vec<u8>,
    pub(super) thumb: Vec<u8>,
}

/// Makes the display copy and the thumbnail of an upright page.
pub(super) fn derive(page: Rgb) -> Result<Derived> {
    let page = page.fit(DISPLAY_LONG_SIDE);
    std::thread::scope(|s| {
        let thumb = s.spawn(|| page.shrunk(THUMB_LONG_SIDE).encode_jpeg(THUMB_QUALITY));
        let display = page.encode_jpeg(DISPLAY_QUALITY);
        let thumb = thumb
            .join()
            .map_err(|_| refuse::internal("pembuatan gambar kecil berhenti"))?;
        Ok(Derived {
            display: display?,
            thumb: thumb?,
        })
    })
}
