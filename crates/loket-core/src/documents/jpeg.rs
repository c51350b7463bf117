//! JPEG decoding (camera photos, WhatsApp pictures) through libjpeg-turbo.
//!
//! Why libjpeg-turbo (the `turbojpeg` crate, built from its bundled source):
//! adding a 12-megapixel camera photo must cost at most 1.5× what `djpeg`
//! needs to decode it (`benches/add_document.rs`). libjpeg-turbo scales
//! inside the inverse DCT with SIMD, so a 4000×3000 photo comes out as its
//! 2000×1500 display copy for well under half the cost of a full decode;
//! the pure-Rust decoders measured 1.0× (`jpeg-decoder`, scaled) and 1.2×
//! (`zune-jpeg`, full decode only) of `djpeg` before anything was encoded.
//!
//! A 4:2:0 photo (every phone's) is decoded to its YCbCr planes rather
//! than RGB, and stays so until its display copy is encoded (`planes.rs`).
//!
//! The scale is the smallest multiple of 1/8 whose long side still reaches
//! the display copy's, so the display copy never gets blurrier than today's
//! and the decoder never makes pixels that are thrown away by the resize.
//!
//! Limits: the header is read and [`check_dims`] applied before any pixel
//! exists; the output buffer is allocated here at that checked (scaled)
//! size, and progressive scans are capped ([`MAX_SCANS`]) against files
//! that make a decoder loop over thousands of empty scans. A corrupt or
//! truncated file is a libjpeg-turbo error or warning, both refused as
//! damaged.

use super::exif;
use super::pixels::Rgb;
use super::planes::Yuv420;
use super::refuse::{self, check_dims};
use crate::error::{LoketError, Result};
use turbojpeg::{
    Colorspace, DecompressHeader, Decompressor, Image, PixelFormat, ScalingFactor, Subsamp,
    YuvImage,
};

/// Most progressive scans accepted (a camera or phone writes about ten).
pub(super) const MAX_SCANS: u32 = 500;

/// A JPEG's pixels at the chosen DCT scale, as stored (not yet upright).
pub(super) enum Pixels {
    /// A 4:2:0 YCbCr photo with even sides, as its planes (`planes.rs`).
    Planes(Yuv420),
    /// Anything else, as RGB.
    Rgb(Rgb),
}

/// A JPEG decoded for its display copy, still as stored (not yet upright).
pub(super) struct Decoded {
    /// Upright width of the full picture (after EXIF orientation).
    pub(super) width: u32,
    /// Upright height of the full picture.
    pub(super) height: u32,
    /// EXIF orientation (1–8) to apply to `pixels`.
    pub(super) exif: u8,
    pub(super) pixels: Pixels,
}

fn damaged<E>(_: E) -> LoketError {
    refuse::damaged("Foto")
}

fn decompressor() -> Result<Decompressor> {
    Decompressor::new().map_err(|_| refuse::internal("pengurai JPEG tidak bisa dimulai"))
}

fn to_u32(v: usize) -> Result<u32> {
    u32::try_from(v).map_err(damaged)
}

/// The stored width and height from the header alone.
pub(super) fn dims(bytes: &[u8]) -> Result<(u32, u32)> {
    let head = decompressor()?.read_header(bytes).map_err(damaged)?;
    Ok((to_u32(head.width)?, to_u32(head.height)?))
}

/// The smallest scale `n/8` that keeps the long side at least `long_side`
/// (1 when the picture is not larger than that).
pub(super) fn scale_for(long: usize, long_side: usize) -> ScalingFactor {
    (1..8)
        .map(|n| ScalingFactor::new(n, 8))
        .find(|f| f.scale(long) >= long_side)
        .unwrap_or(ScalingFactor::ONE)
}

/// Decodes at the scale [`scale_for`] picks for `long_side`: as planes
/// when the photo allows it, else as RGB.
pub(super) fn decode(bytes: &[u8], long_side: u32) -> Result<Decoded> {
    decode_as(bytes, long_side, true)
}

/// Decodes as RGB at the scale [`scale_for`] picks for `long_side`.
pub(super) fn decode_rgb(bytes: &[u8], long_side: u32) -> Result<Rgb> {
    match decode_as(bytes, long_side, false)?.pixels {
        Pixels::Rgb(rgb) => Ok(rgb),
        Pixels::Planes(_) => Err(damaged(())),
    }
}

fn decode_as(bytes: &[u8], long_side: u32, planes: bool) -> Result<Decoded> {
    let mut dec = decompressor()?;
    let head = dec.read_header(bytes).map_err(damaged)?;
    let (w, h) = (to_u32(head.width)?, to_u32(head.height)?);
    check_dims(w, h)?;
    let scale = if head.is_lossless {
        ScalingFactor::ONE // lossless JPEG cannot be scaled in the DCT
    } else {
        scale_for(head.width.max(head.height), long_side as usize)
    };
    dec.set_scaling_factor(scale).map_err(damaged)?;
    dec.set_scan_limit(MAX_SCANS).map_err(damaged)?;
    let (sw, sh) = (scale.scale(head.width), scale.scale(head.height));
    let as_planes = planes
        && !head.is_lossless
        && head.colorspace == Colorspace::YCbCr
        && head.subsamp == Subsamp::Sub2x2
        && sw % 2 == 0
        && sh % 2 == 0;
    let pixels = if as_planes {
        Pixels::Planes(decode_planes(&mut dec, bytes, sw, sh)?)
    } else {
        Pixels::Rgb(decode_rgb_pixels(&mut dec, bytes, &head, sw, sh)?)
    };
    let exif = exif::jpeg_orientation(bytes);
    let (width, height) = if exif >= 5 { (h, w) } else { (w, h) };
    Ok(Decoded {
        width,
        height,
        exif,
        pixels,
    })
}

/// The 4:2:0 planes of a `sw`×`sh` (both even) scaled decode.
fn decode_planes(dec: &mut Decompressor, bytes: &[u8], sw: usize, sh: usize) -> Result<Yuv420> {
    let len = turbojpeg::yuv_pixels_len(sw, 1, sh, Subsamp::Sub2x2).map_err(damaged)?;
    let mut px = vec![0u8; len];
    let image = YuvImage {
        pixels: px.as_mut_slice(),
        width: sw,
        align: 1,
        height: sh,
        subsamp: Subsamp::Sub2x2,
    };
    dec.decompress_to_yuv(bytes, image).map_err(damaged)?;
    Yuv420::new(to_u32(sw)?, to_u32(sh)?, px).ok_or_else(|| damaged(()))
}

/// RGB pixels of a `sw`×`sh` scaled decode (CMYK turned into RGB).
fn decode_rgb_pixels(
    dec: &mut Decompressor,
    bytes: &[u8],
    head: &DecompressHeader,
    sw: usize,
    sh: usize,
) -> Result<Rgb> {
    // libjpeg-turbo does not turn CMYK into RGB; it hands out the ink.
    let cmyk = matches!(head.colorspace, Colorspace::CMYK | Colorspace::YCCK);
    let format = if cmyk {
        PixelFormat::CMYK
    } else {
        PixelFormat::RGB
    };
    let pitch = sw.checked_mul(format.size()).ok_or_else(|| damaged(()))?;
    let mut px = vec![0u8; pitch.checked_mul(sh).ok_or_else(|| damaged(()))?];
    let image = Image {
        pixels: px.as_mut_slice(),
        width: sw,
        pitch,
        height: sh,
        format,
    };
    dec.decompress(bytes, image).map_err(damaged)?;
    let data = if cmyk { cmyk_to_rgb(&px) } else { px };
    Rgb::new(to_u32(sw)?, to_u32(sh)?, data).ok_or_else(|| damaged(()))
}

/// libjpeg's CMYK is Adobe's inverted ink (255 = no ink), so the light that
/// is left is the product of the two.
fn cmyk_to_rgb(px: &[u8]) -> Vec<u8> {
    px.chunks_exact(4)
        .flat_map(|p| {
            let k = u16::from(p[3]);
            let ch = |c: u8| (u16::from(c) * k / 255) as u8;
            [ch(p[0]), ch(p[1]), ch(p[2])]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_is_the_smallest_that_still_reaches_the_display_size() {
        let pick = |long, side| {
            let f = scale_for(long, side);
            (f.num(), f.denom())
        };
        assert_eq!(pick(4000, 2000), (1, 2), "12 MP camera: half, exactly 2000");
        assert_eq!(pick(4032, 2000), (1, 2), "2016 long, then resized");
        assert_eq!(pick(3000, 2000), (3, 4), "5/8 would give 1875 < 2000");
        assert_eq!(pick(8000, 2000), (1, 4));
        assert_eq!(pick(16000, 2000), (1, 8));
        assert_eq!(pick(30000, 2000), (1, 8), "never below 1/8");
        assert_eq!(pick(1600, 2000), (1, 1), "small pictures at full size");
        assert_eq!(pick(2000, 2000), (1, 1));
    }

    #[test]
    fn cmyk_is_inverted_ink() {
        assert_eq!(
            cmyk_to_rgb(&[255, 255, 255, 255]),
            [255, 255, 255],
            "no ink"
        );
        assert_eq!(cmyk_to_rgb(&[0, 0, 0, 255]), [0, 0, 0], "full C, M, Y");
        assert_eq!(cmyk_to_rgb(&[255, 0, 255, 255]), [255, 0, 255], "magenta");
        assert_eq!(cmyk_to_rgb(&[255, 255, 255, 0]), [0, 0, 0], "full black");
    }
}
