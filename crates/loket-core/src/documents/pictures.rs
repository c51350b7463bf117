//! A document's upright display pictures as pixels, for code that reads
//! them (OCR): the same pictures the viewer shows, so a reading refers to
//! what the operator sees.

use image::RgbImage;

use super::{decode, ingest, jpeg, refuse, DISPLAY_LONG_SIDE};
use super::{display_file, Document};
use crate::error::Result;
use crate::Desk;

/// The stored display picture of page `page` (1-based) of `doc`.
pub fn display_image(desk: &Desk, doc: &Document, page: u32) -> Result<RgbImage> {
    let path = display_file(desk, doc, page)?;
    let bytes =
        std::fs::read(&path).map_err(|e| refuse::unreadable(&path.display().to_string(), &e))?;
    decode_display(&bytes)
}

/// Every page of a file as it would be shown once added: refused exactly
/// as adding it would be, nothing written.
pub fn display_images(bytes: &[u8]) -> Result<Vec<RgbImage>> {
    let (_, source) = ingest::validate(bytes)?;
    let rendered = decode::render(&source, bytes)?;
    rendered
        .pages
        .iter()
        .map(|p| decode_display(&p.display))
        .collect()
}

fn decode_display(bytes: &[u8]) -> Result<RgbImage> {
    jpeg::decode_rgb(bytes, DISPLAY_LONG_SIDE)?
        .into_image()
        .ok_or_else(|| refuse::damaged("Gambar tampilan"))
}
