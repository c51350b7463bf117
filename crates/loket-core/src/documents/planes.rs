//! A camera photo as its JPEG holds it: YCbCr, with the two colour planes
//! at half width and half height (4:2:0, what every phone camera and
//! WhatsApp write), kept that way from the decoder to the encoder.
//!
//! Why: adding a photo must cost at most 1.5× `djpeg`'s decode of it
//! (`benches/add_document.rs`), and most photos of a KK are taken sideways
//! (EXIF 6 or 8). Through RGB, the display copy's colour was converted and
//! upsampled by the decoder, 9 MB of 3-byte pixels turned, then converted
//! and subsampled back by the encoder. As planes, the decoder and encoder
//! skip both conversions and the turn moves 4.5 MB of single bytes; the
//! display copy's colour is exactly the photo's, not converted twice.
//!
//! Planes are stored one after another in one buffer, as libjpeg-turbo
//! hands them out: Y (`width`×`height`), Cb and Cr (each half, rounded up).
//! A turn or mirror of a picture with an odd side moves its colour by at
//! most one pixel against its brightness: invisible, and camera photos are
//! decoded here only when both sides are even (`jpeg.rs`).

use super::derive::Picture;
use super::pixels::{compressor, encode_failed, fit_dims, resize, PixelType};
use super::{grid, refuse};
use crate::error::Result;
use std::borrow::Cow;
use turbojpeg::{Subsamp, YuvPlanesImage};

/// A 4:2:0 YCbCr picture; `data` always holds exactly its three planes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Yuv420 {
    width: u32,
    height: u32,
    data: Vec<u8>,
}

/// The size of each colour plane of a `w`×`h` picture.
fn chroma(w: usize, h: usize) -> (usize, usize) {
    (w.div_ceil(2), h.div_ceil(2))
}

impl Yuv420 {
    /// Wraps the three planes of a `width`×`height` picture, or `None` when
    /// `data` is not exactly as long as they are.
    pub(super) fn new(width: u32, height: u32, data: Vec<u8>) -> Option<Yuv420> {
        let (w, h) = (width as usize, height as usize);
        let (cw, ch) = chroma(w, h);
        let len = w
            .checked_mul(h)?
            .checked_add(cw.checked_mul(ch)?.checked_mul(2)?)?;
        (len == data.len() && w > 0 && h > 0).then_some(Yuv420 {
            width,
            height,
            data,
        })
    }

    /// Y, Cb and Cr, each with its width and height.
    fn planes(&self) -> [(&[u8], usize, usize); 3] {
        let (w, h) = (self.width as usize, self.height as usize);
        let (cw, ch) = chroma(w, h);
        let (y, c) = self.data.split_at(w * h);
        let (cb, cr) = c.split_at(cw * ch);
        [(y, w, h), (cb, cw, ch), (cr, cw, ch)]
    }

    #[cfg(test)]
    pub(super) fn size(&self) -> (u32, u32) {
        (self.width, self.height)
    }

    #[cfg(test)]
    pub(super) fn luma(&self) -> &[u8] {
        self.planes()[0].0
    }
}

impl Picture for Yuv420 {
    fn orient(&self, exif: u8) -> Cow<'_, Yuv420> {
        if !grid::turns(exif) {
            return Cow::Borrowed(self);
        }
        let mut data = vec![0u8; self.data.len()];
        let mut rest = data.as_mut_slice();
        for (plane, w, h) in self.planes() {
            let (out, tail) = rest.split_at_mut(plane.len());
            grid::orient_bytes_into(plane, w, h, exif, out);
            rest = tail;
        }
        let (width, height) = if exif >= 5 {
            (self.height, self.width)
        } else {
            (self.width, self.height)
        };
        Cow::Owned(Yuv420 {
            width,
            height,
            data,
        })
    }

    fn fit(&self, long_side: u32) -> Result<Cow<'_, Yuv420>> {
        let (w, h) = fit_dims(self.width, self.height, long_side);
        if (w, h) == (self.width, self.height) {
            return Ok(Cow::Borrowed(self));
        }
        let (cw, ch) = chroma(w as usize, h as usize);
        let mut data = Vec::new();
        for ((plane, pw, ph), to) in
            self.planes()
                .into_iter()
                .zip([(w, h), (cw as u32, ch as u32), (cw as u32, ch as u32)])
        {
            let from = (pw as u32, ph as u32);
            data.extend(resize(plane, from, to, PixelType::U8)?);
        }
        Yuv420::new(w, h, data)
            .map(Cow::Owned)
            .ok_or_else(|| refuse::internal("gambar tidak bisa diperkecil"))
    }

    /// Baseline 4:2:0 JPEG at any `quality`: the photo's colour already is
    /// at half resolution, encoding more of it would only add bytes.
    fn encode_jpeg(&self, quality: u8) -> Result<Vec<u8>> {
        if self.width > 65_535 || self.height > 65_535 {
            return Err(refuse::internal("gambar terlalu besar untuk JPEG"));
        }
        let [(y, w, h), (cb, cw, _), (cr, _, _)] = self.planes();
        // libjpeg-turbo reads a luma plane of even width and height.
        let (pw, ph) = (w.next_multiple_of(2), h.next_multiple_of(2));
        let y = if (pw, ph) == (w, h) {
            Cow::Borrowed(y)
        } else {
            Cow::Owned(padded(y, w, pw, ph))
        };
        let mut enc = compressor(quality)?;
        enc.compress_yuv_planes_to_vec(&YuvPlanesImage {
            y_plane: &y[..],
            u_plane: cb,
            v_plane: cr,
            width: w,
            height: h,
            y_stride: pw,
            u_stride: cw,
            v_stride: cw,
            subsamp: Subsamp::Sub2x2,
        })
        .map_err(encode_failed)
    }
}

/// `plane` (`w` wide) grown to `pw`×`ph` by repeating its last column and row.
fn padded(plane: &[u8], w: usize, pw: usize, ph: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(pw * ph);
    for row in plane.chunks_exact(w) {
        out.extend_from_slice(row);
        let last = row.last().copied().unwrap_or(0);
        out.extend(std::iter::repeat_n(last, pw - w));
    }
    while out.len() < pw * ph {
        let start = out.len().saturating_sub(pw);
        out.extend_from_within(start..start + pw);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `w`×`h` picture whose luma rises to the right and down and whose
    /// colour planes are flat.
    fn ramp(w: u32, h: u32) -> Yuv420 {
        let (cw, ch) = chroma(w as usize, h as usize);
        let mut data: Vec<u8> = (0..h)
            .flat_map(|y| (0..w).map(move |x| ((2 * x + y) % 256) as u8))
            .collect();
        data.extend(std::iter::repeat_n(90, cw * ch));
        data.extend(std::iter::repeat_n(170, cw * ch));
        Yuv420::new(w, h, data).unwrap()
    }

    #[test]
    fn new_checks_the_length_of_all_three_planes() {
        assert!(Yuv420::new(4, 2, vec![0; 8 + 2 + 2]).is_some());
        assert!(
            Yuv420::new(3, 3, vec![0; 9 + 4 + 4]).is_some(),
            "odd: rounded up"
        );
        assert!(Yuv420::new(4, 2, vec![0; 11]).is_none());
        assert!(Yuv420::new(0, 2, vec![]).is_none());
    }

    #[test]
    fn turning_turns_every_plane_and_swaps_the_size() {
        let pic = ramp(6, 4);
        let turned = pic.orient(6);
        assert_eq!(turned.size(), (4, 6));
        let (luma, _, _) = grid::orient(pic.luma(), 6, 4, 6).unwrap();
        assert_eq!(turned.luma(), luma.as_slice());
        let [_, (cb, 2, 3), (cr, 2, 3)] = turned.planes() else {
            panic!("colour planes 2×3");
        };
        assert!(cb.iter().all(|&v| v == 90) && cr.iter().all(|&v| v == 170));
        assert!(matches!(pic.orient(1), Cow::Borrowed(_)));
    }

    #[test]
    fn encoded_planes_decode_to_the_same_picture() {
        for (w, h) in [(64, 48), (63, 47)] {
            let pic = ramp(w, h);
            let jpeg = pic.encode_jpeg(95).unwrap();
            let back = turbojpeg::decompress(&jpeg, turbojpeg::PixelFormat::GRAY).unwrap();
            assert_eq!((back.width, back.height), (w as usize, h as usize));
            let worst = back
                .pixels
                .iter()
                .zip(pic.luma())
                .map(|(a, b)| a.abs_diff(*b))
                .max()
                .unwrap();
            assert!(worst <= 4, "{w}×{h}: off by {worst}");
        }
    }

    #[test]
    fn fitting_shrinks_all_planes_to_match() {
        let pic = ramp(400, 300);
        let small = pic.fit(101).unwrap();
        assert_eq!(small.size(), (101, 76));
        let [_, (cb, 51, 38), (_, 51, 38)] = small.planes() else {
            panic!("colour planes half the size, rounded up");
        };
        assert!(cb.iter().all(|&v| v == 90), "a flat plane stays flat");
        assert!(matches!(pic.fit(400).unwrap(), Cow::Borrowed(_)));
    }

    #[test]
    fn padding_repeats_the_last_column_and_row() {
        assert_eq!(
            padded(&[1, 2, 3, 4, 5, 6], 3, 4, 2),
            [1, 2, 3, 3, 4, 5, 6, 6]
        );
        assert_eq!(padded(&[1, 2, 3], 3, 4, 2), [1, 2, 3, 3, 1, 2, 3, 3]);
    }
}
