//! The two derived images of each page: the display copy the viewer shows
//! (upright, long side [`DISPLAY_LONG_SIDE`]) and the thumbnail the queue
//! and the request's document strip show ([`THUMB_LONG_SIDE`]).
//!
//! Both are baseline JPEGs whatever the original was, so the UI needs one
//! decoder and never touches an original (which may be a 12-megapixel photo
//! or a PDF). The page arrives as stored with its EXIF orientation, either
//! as RGB pixels or, for a camera JPEG, as the YCbCr planes the JPEG holds
//! (`planes.rs`): it is shrunk to display size first (a camera JPEG already
//! arrives at that size from the scaled decode, so this is free), then the
//! thumbnail is made from it on a second thread — shrunk, then turned
//! upright, which costs nothing at 320 pixels — while the display copy is
//! turned upright and encoded.

use super::{refuse, DISPLAY_LONG_SIDE, THUMB_LONG_SIDE};
use crate::error::Result;
use std::borrow::Cow;

/// JPEG quality of display copies: small print on a KK must stay legible.
const DISPLAY_QUALITY: u8 = 85;
/// JPEG quality of thumbnails.
const THUMB_QUALITY: u8 = 75;

/// A decoded page, whatever its pixel layout.
pub(super) trait Picture: Clone + Sync {
    /// Turned upright by an EXIF orientation (1–8; anything else is 1).
    fn orient(&self, exif: u8) -> Cow<'_, Self>;
    /// Shrunk so that its long side is at most `long_side`, keeping the
    /// aspect; never enlarged (then it is `self`, not a copy).
    fn fit(&self, long_side: u32) -> Result<Cow<'_, Self>>;
    /// A baseline JPEG at `quality`.
    fn encode_jpeg(&self, quality: u8) -> Result<Vec<u8>>;
}

/// The encoded derived images of one page.
#[derive(Debug)]
pub(super) struct Derived {
    pub(super) display: Vec<u8>,
    pub(super) thumb: Vec<u8>,
}

/// Makes the display copy and the thumbnail of a page as stored, turned
/// upright by the EXIF orientation `exif` (1 for upright).
pub(super) fn derive<P: Picture>(page: &P, exif: u8) -> Result<Derived> {
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
