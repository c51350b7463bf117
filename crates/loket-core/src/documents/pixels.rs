//! An 8-bit RGB page (PNG, WebP, a PDF page, a JPEG that is not stored as
//! 4:2:0 YCbCr) and what the store does to it: EXIF orientation
//! (`grid.rs`), area-averaging downscale, JPEG encoding. The resize and the
//! encoder set-up are shared with the camera photos' planes (`planes.rs`).
//!
//! The downscale is an area average (every source pixel counts, so small
//! print stays legible without aliasing) by `fast_image_resize`'s box
//! filter: SIMD and fixed-point, it makes a thumbnail from a display copy in
//! about a millisecond where a plain two-pass f32 loop took 10-20. Each step
//! borrows and hands back a [`Cow`], so a picture that is already upright and
//! small enough is never copied. Encoding is libjpeg-turbo's (SIMD), several
//! times faster than a pure-Rust encoder on a 3-megapixel copy.

use super::derive::Picture;
use super::{grid, refuse};
use crate::error::{LoketError, Result};
use fast_image_resize::images::{Image as FirImage, ImageRef};
pub(super) use fast_image_resize::PixelType;
use fast_image_resize::{FilterType, ResizeAlg, ResizeOptions, Resizer};
use std::borrow::Cow;
use turbojpeg::{Compressor, Image, PixelFormat, Subsamp};

/// An 8-bit RGB image; `data.len() == width * height * 3` always holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Rgb {
    width: u32,
    height: u32,
    data: Vec<u8>,
}

impl Rgb {
    /// Wraps `data`, or `None` when its length does not match the size.
    pub(super) fn new(width: u32, height: u32, data: Vec<u8>) -> Option<Rgb> {
        let len = (width as usize)
            .checked_mul(height as usize)?
            .checked_mul(3)?;
        (len == data.len() && width > 0 && height > 0).then_some(Rgb {
            width,
            height,
            data,
        })
    }

    /// The same pixels as an `image` buffer (for readers such as OCR).
    pub(super) fn into_image(self) -> Option<image::RgbImage> {
        image::RgbImage::from_raw(self.width, self.height, self.data)
    }

    #[cfg(test)]
    pub(super) fn width(&self) -> u32 {
        self.width
    }

    #[cfg(test)]
    pub(super) fn height(&self) -> u32 {
        self.height
    }

    #[cfg(test)]
    pub(super) fn data(&self) -> &[u8] {
        &self.data
    }
}

impl Picture for Rgb {
    fn orient(&self, exif: u8) -> Cow<'_, Rgb> {
        let (w, h) = (self.width as usize, self.height as usize);
        let (px, _) = self.data.as_chunks::<3>();
        match grid::orient(px, w, h, exif) {
            Some((px, w, h)) => Cow::Owned(Rgb {
                width: w as u32,
                height: h as u32,
                data: px.into_flattened(),
            }),
            None => Cow::Borrowed(self),
        }
    }

    fn fit(&self, long_side: u32) -> Result<Cow<'_, Rgb>> {
        let (w, h) = fit_dims(self.width, self.height, long_side);
        if (w, h) == (self.width, self.height) {
            return Ok(Cow::Borrowed(self));
        }
        let data = resize(
            &self.data,
            (self.width, self.height),
            (w, h),
            PixelType::U8x3,
        )?;
        Ok(Cow::Owned(Rgb {
            width: w,
            height: h,
            data,
        }))
    }

    /// Baseline JPEG at `quality` (4:2:0 below quality 90, 4:4:4 from 90).
    fn encode_jpeg(&self, quality: u8) -> Result<Vec<u8>> {
        if self.width > 65_535 || self.height > 65_535 {
            return Err(refuse::internal("gambar terlalu besar untuk JPEG"));
        }
        let mut enc = compressor(quality)?;
        let subsamp = if quality < 90 {
            Subsamp::Sub2x2
        } else {
            Subsamp::None
        };
        enc.set_subsamp(subsamp).map_err(encode_failed)?;
        let width = self.width as usize;
        enc.compress_to_vec(Image {
            pixels: self.data.as_slice(),
            width,
            pitch: width * 3,
            height: self.height as usize,
            format: PixelFormat::RGB,
        })
        .map_err(encode_failed)
    }
}

pub(super) fn encode_failed(e: turbojpeg::Error) -> LoketError {
    refuse::internal(&format!("JPEG tidak bisa dibuat ({e})"))
}

/// libjpeg-turbo's compressor set to `quality`.
pub(super) fn compressor(quality: u8) -> Result<Compressor> {
    let mut enc = Compressor::new().map_err(encode_failed)?;
    enc.set_quality(i32::from(quality)).map_err(encode_failed)?;
    Ok(enc)
}

/// Area-averaging resize of `data` (`from`, packed rows of `pixel`) to `to`
/// (meant for shrinking).
pub(super) fn resize(
    data: &[u8],
    from: (u32, u32),
    to: (u32, u32),
    pixel: PixelType,
) -> Result<Vec<u8>> {
    let fail = |e: &dyn std::fmt::Display| {
        refuse::internal(&format!("gambar tidak bisa diperkecil ({e})"))
    };
    let src = ImageRef::new(from.0, from.1, data, pixel).map_err(|e| fail(&e))?;
    let mut dst = FirImage::new(to.0, to.1, pixel);
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Box));
    Resizer::new()
        .resize(&src, &mut dst, &options)
        .map_err(|e| fail(&e))?;
    Ok(dst.into_vec())
}

/// The size of a `w`×`h` image shrunk to fit `long_side` (never enlarged,
/// never below 1 pixel).
pub(super) fn fit_dims(w: u32, h: u32, long_side: u32) -> (u32, u32) {
    let long = w.max(h);
    if long <= long_side || long == 0 {
        return (w, h);
    }
    let scale = |v: u32| -> u32 {
        let s = (u64::from(v) * u64::from(long_side) + u64::from(long) / 2) / u64::from(long);
        u32::try_from(s).unwrap_or(long_side).max(1)
    };
    (scale(w), scale(h))
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::metadata::Orientation;

    fn sample(w: u32, h: u32) -> Rgb {
        let mut rng = fastrand::Rng::with_seed(7);
        let data = (0..w * h * 3).map(|_| rng.u8(..)).collect();
        Rgb::new(w, h, data).unwrap()
    }

    #[test]
    fn orientation_matches_the_image_crate_for_all_eight() {
        let src = sample(7, 4);
        for exif in 1..=8u8 {
            let ours = src.orient(exif);
            let mut theirs = image::DynamicImage::ImageRgb8(
                image::RgbImage::from_raw(7, 4, src.data().to_vec()).unwrap(),
            );
            theirs.apply_orientation(Orientation::from_exif(exif).unwrap());
            let theirs = theirs.to_rgb8();
            assert_eq!(
                (ours.width(), ours.height()),
                theirs.dimensions(),
                "orientation {exif}: size"
            );
            assert_eq!(
                ours.data(),
                theirs.as_raw().as_slice(),
                "orientation {exif}: pixels"
            );
        }
    }

    #[test]
    fn area_resize_averages_and_keeps_flat_colour() {
        let flat = Rgb::new(300, 200, [10u8, 200, 90].repeat(300 * 200)).unwrap();
        let small = flat.fit(120).unwrap();
        assert_eq!((small.width(), small.height()), (120, 80));
        assert!(
            small.data().chunks(3).all(|p| p == [10, 200, 90]),
            "a flat image stays flat"
        );

        // A 2×1 black/white checker halves to mid grey.
        let mut data = Vec::new();
        for y in 0..4u32 {
            for x in 0..4u32 {
                let v = if (x + y) % 2 == 0 { 0 } else { 255 };
                data.extend([v, v, v]);
            }
        }
        let half = Rgb::new(4, 4, data).unwrap().fit(2).unwrap().into_owned();
        assert!(half.data().iter().all(|&v| v == 128), "{:?}", half.data());
    }

    #[test]
    fn fit_dims_bounds_the_long_side() {
        assert_eq!(fit_dims(4000, 3000, 2000), (2000, 1500));
        assert_eq!(fit_dims(3000, 4000, 320), (240, 320));
        assert_eq!(fit_dims(1600, 1200, 2000), (1600, 1200), "never enlarged");
        assert_eq!(fit_dims(60000, 1, 2000), (2000, 1), "never below one pixel");
    }

    #[test]
    fn new_checks_the_length() {
        assert!(Rgb::new(2, 2, vec![0; 11]).is_none());
        assert!(Rgb::new(0, 2, vec![]).is_none());
        assert!(Rgb::new(2, 2, vec![0; 12]).is_some());
    }
}
