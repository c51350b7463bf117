//! The few pixel operations the store needs, on plain 8-bit RGB buffers:
//! EXIF orientation, area-averaging downscale, and JPEG encoding.
//!
//! They are written here rather than taken from `image::imageops` because
//! they sit on the hot path of adding a camera photo: the rotation is done
//! in cache-friendly tiles, and the downscale averages every source pixel
//! (sharp small text stays legible, no aliasing) in two separable passes.
//! Both borrow and hand back a [`Cow`], so a picture that is already upright
//! and small enough is never copied. Encoding is libjpeg-turbo's (SIMD),
//! several times faster than a pure-Rust encoder on a 3-megapixel copy.

use super::refuse;
use crate::error::Result;
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

    #[cfg(test)]
    pub(super) fn width(&self) -> u32 {
        self.width
    }

    #[cfg(test)]
    pub(super) fn height(&self) -> u32 {
        self.height
    }

    /// Applies an EXIF orientation (1–8; anything else is 1), so the result
    /// is upright.
    pub(super) fn orient(&self, exif: u8) -> Cow<'_, Rgb> {
        let (w, h) = (self.width as usize, self.height as usize);
        // Each arm maps an output pixel (x, y) to the source pixel it shows.
        let upright = match exif {
            2 => self.remap(w, h, move |x, y| (w - 1 - x, y)),
            3 => self.remap(w, h, move |x, y| (w - 1 - x, h - 1 - y)),
            4 => self.remap(w, h, move |x, y| (x, h - 1 - y)),
            5 => self.remap(h, w, move |x, y| (y, x)),
            6 => self.remap(h, w, move |x, y| (y, h - 1 - x)),
            7 => self.remap(h, w, move |x, y| (w - 1 - y, h - 1 - x)),
            8 => self.remap(h, w, move |x, y| (w - 1 - y, x)),
            _ => return Cow::Borrowed(self),
        };
        Cow::Owned(upright)
    }

    fn remap(
        &self,
        out_w: usize,
        out_h: usize,
        src: impl Fn(usize, usize) -> (usize, usize),
    ) -> Rgb {
        const TILE: usize = 64;
        let sw = self.width as usize;
        let mut out = vec![0u8; out_w * out_h * 3];
        for ty in (0..out_h).step_by(TILE) {
            for tx in (0..out_w).step_by(TILE) {
                for y in ty..(ty + TILE).min(out_h) {
                    let row = y * out_w;
                    for x in tx..(tx + TILE).min(out_w) {
                        let (sx, sy) = src(x, y);
                        let s = (sy * sw + sx) * 3;
                        let d = (row + x) * 3;
                        out[d..d + 3].copy_from_slice(&self.data[s..s + 3]);
                    }
                }
            }
        }
        Rgb {
            width: out_w as u32,
            height: out_h as u32,
            data: out,
        }
    }

    /// The image shrunk so that its long side is at most `long_side`,
    /// keeping the aspect; never enlarged (then it is `self`, not a copy).
    pub(super) fn fit(&self, long_side: u32) -> Cow<'_, Rgb> {
        let (w, h) = fit_dims(self.width, self.height, long_side);
        if (w, h) == (self.width, self.height) {
            Cow::Borrowed(self)
        } else {
            Cow::Owned(self.resize(w, h))
        }
    }

    /// Area-averaging resize to `w`×`h` (meant for shrinking).
    fn resize(&self, w: u32, h: u32) -> Rgb {
        let (sw, sh) = (self.width as usize, self.height as usize);
        let (dw, dh) = (w as usize, h as usize);
        let xs = taps(sw, dw);
        let ys = taps(sh, dh);
        // Horizontal pass: every source row to `dw` columns, in f32.
        let mut mid = vec![0f32; sh * dw * 3];
        for (src_row, mid_row) in self
            .data
            .chunks_exact(sw * 3)
            .zip(mid.chunks_exact_mut(dw * 3))
        {
            for (tap, out) in xs.iter().zip(mid_row.chunks_exact_mut(3)) {
                let mut acc = [0f32; 3];
                for (i, wgt) in tap.weights.iter().enumerate() {
                    let s = (tap.first + i) * 3;
                    acc[0] += wgt * f32::from(src_row[s]);
                    acc[1] += wgt * f32::from(src_row[s + 1]);
                    acc[2] += wgt * f32::from(src_row[s + 2]);
                }
                out.copy_from_slice(&acc);
            }
        }
        // Vertical pass: weighted sums of whole intermediate rows.
        let mut data = vec![0u8; dw * dh * 3];
        let mut acc = vec![0f32; dw * 3];
        for (tap, out_row) in ys.iter().zip(data.chunks_exact_mut(dw * 3)) {
            acc.iter_mut().for_each(|a| *a = 0.0);
            for (i, wgt) in tap.weights.iter().enumerate() {
                let r = (tap.first + i) * dw * 3;
                for (a, m) in acc.iter_mut().zip(&mid[r..r + dw * 3]) {
                    *a += wgt * m;
                }
            }
            for (o, a) in out_row.iter_mut().zip(&acc) {
                *o = (a + 0.5).clamp(0.0, 255.0) as u8;
            }
        }
        Rgb {
            width: w,
            height: h,
            data,
        }
    }

    /// Baseline JPEG at `quality` (4:2:0 below quality 90, 4:4:4 from 90).
    pub(super) fn encode_jpeg(&self, quality: u8) -> Result<Vec<u8>> {
        let fail = |e: turbojpeg::Error| refuse::internal(&format!("JPEG tidak bisa dibuat ({e})"));
        if self.width > 65_535 || self.height > 65_535 {
            return Err(refuse::internal("gambar terlalu besar untuk JPEG"));
        }
        let mut enc = Compressor::new().map_err(fail)?;
        enc.set_quality(i32::from(quality)).map_err(fail)?;
        let subsamp = if quality < 90 {
            Subsamp::Sub2x2
        } else {
            Subsamp::None
        };
        enc.set_subsamp(subsamp).map_err(fail)?;
        let width = self.width as usize;
        enc.compress_to_vec(Image {
            pixels: self.data.as_slice(),
            width,
            pitch: width * 3,
            height: self.height as usize,
            format: PixelFormat::RGB,
        })
        .map_err(fail)
    }

    #[cfg(test)]
    pub(super) fn data(&self) -> &[u8] {
        &self.data
    }
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

/// The source pixels one output pixel covers, and their weights (summing to 1).
struct Tap {
    first: usize,
    weights: Vec<f32>,
}

fn taps(src: usize, dst: usize) -> Vec<Tap> {
    let scale = src as f64 / dst as f64;
    (0..dst)
        .map(|d| {
            let lo = d as f64 * scale;
            let hi = (lo + scale).min(src as f64);
            let first = (lo.floor() as usize).min(src.saturating_sub(1));
            let last = (hi.ceil() as usize).clamp(first + 1, src);
            let weights = (first..last)
                .map(|s| {
                    let cover = hi.min(s as f64 + 1.0) - lo.max(s as f64);
                    (cover.max(0.0) / (hi - lo).max(f64::MIN_POSITIVE)) as f32
                })
                .collect();
            Tap { first, weights }
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
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
        let small = flat.fit(120);
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
        let half = Rgb::new(4, 4, data).unwrap().resize(2, 2);
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
