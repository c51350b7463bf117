//! From validated bytes to upright pages: the checks that must happen
//! before decoding, and the decoding itself.
//!
//! `probe` reads only headers: a picture claiming more than [`MAX_PIXELS`]
//! (the 30000×30000 PNG bomb) or less than [`MIN_SIDE`](super::MIN_SIDE)
//! on its short side is refused here (`refuse::check_dims`, which the JPEG
//! path applies too), before a single pixel is allocated. `image::Limits` and the
//! JPEG path's own checks (`jpeg.rs`) stand behind it as a second guard.
//!
//! `render` decodes. Camera JPEGs take the fast path (`jpeg.rs`):
//! libjpeg-turbo scales by n/8 inside the inverse DCT, so a 4000×3000 photo
//! becomes its 2000×1500 display copy without ever existing at full size.
//! PNG and WebP go through the `image` crate; PDFs through `pdf.rs`, drawn
//! in a worker process when one is set (`pdf_worker.rs`). Pages
//! leave here as stored, with their EXIF orientation: `derive.rs` turns
//! them upright once they are as small as they will get. A panic inside any
//! decoder (they parse untrusted bytes) becomes a coded refusal.

use super::derive::{derive, Derived};
use super::jpeg;
use super::pdf::{self, OpenPdf};
use super::pdf_worker;
use super::pixels::Rgb;
use super::refuse::{self, check_dims};
use super::{DocFormat, DISPLAY_LONG_SIDE, MAX_PIXELS};
use crate::error::Result;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageError, ImageFormat, ImageReader, Limits};
use std::io::Cursor;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Longest side the `image` crate may decode (a second guard behind `probe`).
const MAX_DECODE_SIDE: u32 = 25_000;
/// Most bytes a decoder may allocate for pixels (a second guard).
const MAX_DECODE_BYTES: u64 = 4 * MAX_PIXELS + (64 << 20);

/// What `probe` found: how to decode, and the header's size.
pub(super) enum Source {
    Jpeg,
    Raster(ImageFormat),
    Pdf(OpenPdf),
}

/// The upright size of the full picture (first page for a PDF) and the
/// derived images of every page.
pub(super) struct Rendered {
    pub(super) width: u32,
    pub(super) height: u32,
    pub(super) pages: Vec<Derived>,
}

/// Reads headers only and refuses what must not be decoded.
pub(super) fn probe(format: DocFormat, bytes: &[u8]) -> Result<Source> {
    guarded("Berkas", || match format {
        DocFormat::Jpeg => {
            let (w, h) = jpeg::dims(bytes)?;
            check_dims(w, h)?;
            Ok(Source::Jpeg)
        }
        DocFormat::Png => {
            // IHDR is the first chunk at a fixed offset: read it ourselves,
            // independent of any decoder's own limits.
            let field = |at: usize| bytes.get(at..at + 4).and_then(|b| b.try_into().ok());
            match (bytes.get(12..16), field(16), field(20)) {
                (Some(b"IHDR"), Some(w), Some(h)) => {
                    check_dims(u32::from_be_bytes(w), u32::from_be_bytes(h))?
                }
                _ => return Err(refuse::damaged("Gambar PNG")),
            }
            raster_dims(bytes, ImageFormat::Png)?;
            Ok(Source::Raster(ImageFormat::Png))
        }
        DocFormat::Webp => {
            raster_dims(bytes, ImageFormat::WebP)?;
            Ok(Source::Raster(ImageFormat::WebP))
        }
        DocFormat::Pdf => Ok(Source::Pdf(pdf::open(bytes)?)),
    })
}

/// Decodes, orients and derives every page.
pub(super) fn render(source: &Source, bytes: &[u8]) -> Result<Rendered> {
    guarded("Berkas", || {
        let (width, height, page, exif) = match source {
            Source::Jpeg => {
                let photo = jpeg::decode(bytes, DISPLAY_LONG_SIDE)?;
                let page = match &photo.pixels {
                    jpeg::Pixels::Planes(planes) => derive(planes, photo.exif)?,
                    jpeg::Pixels::Rgb(rgb) => derive(rgb, photo.exif)?,
                };
                return Ok(Rendered {
                    width: photo.width,
                    height: photo.height,
                    pages: vec![page],
                });
            }
            Source::Raster(format) => raster(bytes, *format)?,
            Source::Pdf(doc) => {
                return Ok(Rendered {
                    width: doc.width,
                    height: doc.height,
                    pages: pdf_worker::pages(doc, bytes)?,
                });
            }
        };
        Ok(Rendered {
            width,
            height,
            pages: vec![derive(&page, exif)?],
        })
    })
}

fn guarded<T>(what: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| Err(refuse::damaged(what)))
}

fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_DECODE_SIDE);
    limits.max_image_height = Some(MAX_DECODE_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    limits
}

fn image_error(e: ImageError, what: &str) -> crate::error::LoketError {
    match e {
        ImageError::Limits(_) => refuse::over_decoder_limits(),
        _ => refuse::damaged(what),
    }
}

fn label(format: ImageFormat) -> &'static str {
    if format == ImageFormat::Png {
        "Gambar PNG"
    } else {
        "Gambar WebP"
    }
}

fn raster_dims(bytes: &[u8], format: ImageFormat) -> Result<()> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits());
    let (w, h) = reader
        .into_dimensions()
        .map_err(|e| image_error(e, label(format)))?;
    check_dims(w, h)
}

/// PNG and WebP through the `image` crate, transparency laid on white:
/// the upright size, the picture as stored and its EXIF orientation.
fn raster(bytes: &[u8], format: ImageFormat) -> Result<(u32, u32, Rgb, u8)> {
    let what = label(format);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits());
    let mut dec = reader.into_decoder().map_err(|e| image_error(e, what))?;
    let (w, h) = dec.dimensions();
    check_dims(w, h)?;
    let exif = dec.orientation().map_or(1, Orientation::to_exif);
    let img = DynamicImage::from_decoder(dec).map_err(|e| image_error(e, what))?;
    let data = if img.color().has_alpha() {
        img.into_rgba8()
            .into_raw()
            .chunks_exact(4)
            .flat_map(|p| {
                let a = u16::from(p[3]);
                let over = |c: u8| ((u16::from(c) * a + 255 * (255 - a) + 127) / 255) as u8;
                [over(p[0]), over(p[1]), over(p[2])]
            })
            .collect()
    } else {
        img.into_rgb8().into_raw()
    };
    let rgb = Rgb::new(w, h, data).ok_or_else(|| refuse::damaged(what))?;
    let (uw, uh) = if exif >= 5 { (h, w) } else { (w, h) };
    Ok((uw, uh, rgb, exif))
}
