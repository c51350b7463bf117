//! The two derived images of each page: the display copy the viewer shows
//! (upright, long side [`DISPLAY_LONG_SIDE`]) and the thumbnail the queue
//! and the request's document strip show ([`THUMB_LONG_SIDE`]).
//!
//! Both are baseline JPEGs whatever the original was, so the UI needs one
//! decoder and never touches an original (which may be a 12-megapixel photo
//! or a PDF). The page arrives as stored with its EXIF orientation: it is
//! shrunk to display size first (a camera JPEG already arrives at that size
//! from the scaled decode, so this is free), then the thumbnail is made from
//! it on a second thread — shrunk, then turned upright, which costs nothing
//! at 320 pixels — while the display copy is turned upright and encoded.

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

/// Makes the display copy and the thumbnail of a page as stored, turned
/// upright by the EXIF orientation `exif` (1 for upright).
pub(super) fn derive(page: &Rgb, exif: u8) -> Result<Derived> {
    let page = page.fit(DISPLAY_LONG_SIDE)?;
    std::thread::scope(|s| {
        let thumb = s.spawn(|| {
            page.fit(THUMB_LONG_SIDE)?
                .orient(exif)
                .encode_jpeg(THUMB_QUALITY)
        });
        let display = page.orient(exif).encode_jpeg(DISPLAY_QUALITY);
        let thumb = thumb
            .join()
            .map_err(|_| refuse::internal("pembuatan gambar kecil berhenti"))?;
        Ok(Derived {
            display: display?,
            thumb: thumb?,
        })
    })
}
