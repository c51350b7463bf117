//! From a photo to cut-out text lines: find the text, measure how far the
//! document is turned, straighten it, find the lines again on the straight
//! picture and cut each out for the recogniser.
//!
//! Why straighten: phone photos of a KTP or KK are turned by a few degrees
//! (the fixtures: up to 11°). On a turned photo, the detector's boxes of
//! neighbouring lines touch and an axis-aligned cut holds parts of two
//! lines; on the straightened photo each cut holds one. The skew comes from
//! the text map itself: every detected line is a long thin blob whose main
//! axis is the text direction.

use image::{GrayImage, Luma, Pixel, Rgb, RgbImage};
use imageproc::definitions::{Clamp, Image};
use imageproc::geometric_transformations::{rotate_about_center, Interpolation};
use imageproc::region_labelling::{connected_components, Connectivity};

use super::engine::TextEngine;
use crate::error::Result;

/// Long side of the picture the skew is measured on.
const SKEW_SIDE: u32 = 960;
/// Long side (at most) of the straightened text area the lines are found on.
const DETECT_SIDE: u32 = 1280;
/// A text-map pixel above this (of 255) is text.
const TEXT_LEVEL: u8 = 77;
/// Smallest blob (in map pixels) taken as a line.
const MIN_BLOB: u32 = 12;
/// How far a box is grown around its blob, as in PaddleOCR's "unclip"
/// (area × ratio / perimeter).
const UNCLIP_RATIO: f32 = 1.6;
/// Turns smaller than this (degrees) are left alone.
const MIN_TURN: f32 = 0.3;

/// A line found on the straightened picture, in its pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineBox {
    pub x0: u32,
    pub y0: u32,
    pub x1: u32,
    pub y1: u32,
}

impl LineBox {
    pub fn height(&self) -> u32 {
        self.y1.saturating_sub(self.y0)
    }
    pub fn center_y(&self) -> f32 {
        (self.y0 + self.y1) as f32 / 2.0
    }
}

/// The straightened text area and its lines.
pub struct Lines {
    /// The picture the boxes refer to.
    pub picture: RgbImage,
    pub boxes: Vec<LineBox>,
    /// The document's turn in degrees (counter-clockwise positive: the text
    /// rose to the right), undone before the lines were found.
    pub turn: f32,
}

/// One blob of the text map with its moments.
#[derive(Default, Clone, Copy)]
struct Blob {
    n: u32,
    x0: u32,
    y0: u32,
    x1: u32,
    y1: u32,
    sx: f64,
    sy: f64,
    sxx: f64,
    syy: f64,
    sxy: f64,
}

fn blobs(map: &GrayImage) -> Vec<Blob> {
    let mut binary = GrayImage::new(map.width(), map.height());
    for (b, m) in binary.pixels_mut().zip(map.pixels()) {
        b.0[0] = u8::from(m.0[0] > TEXT_LEVEL) * 255;
    }
    let labels = connected_components(&binary, Connectivity::Eight, Luma([0u8]));
    let mut out: Vec<Blob> = Vec::new();
    for (x, y, l) in labels.enumerate_pixels() {
        let id = l.0[0] as usize;
        if id == 0 {
            continue;
        }
        if out.len() < id {
            out.resize(id, Blob::default());
        }
        let Some(b) = out.get_mut(id - 1) else {
            continue;
        };
        if b.n == 0 {
            (b.x0, b.y0, b.x1, b.y1) = (x, y, x, y);
        }
        b.n += 1;
        b.x0 = b.x0.min(x);
        b.y0 = b.y0.min(y);
        b.x1 = b.x1.max(x);
        b.y1 = b.y1.max(y);
        let (fx, fy) = (f64::from(x), f64::from(y));
        b.sx += fx;
        b.sy += fy;
        b.sxx += fx * fx;
        b.syy += fy * fy;
        b.sxy += fx * fy;
    }
    out.retain(|b| b.n >= MIN_BLOB);
    out
}

/// The document's turn in degrees, from the main axes of the long blobs
/// (weighted median by size); `None` when no line is long enough to tell.
pub fn skew(map: &GrayImage) -> Option<f32> {
    let mut angles: Vec<(f32, f64)> = Vec::new();
    for b in blobs(map) {
        let n = f64::from(b.n);
        let (mx, my) = (b.sx / n, b.sy / n);
        let cxx = b.sxx / n - mx * mx;
        let cyy = b.syy / n - my * my;
        let cxy = b.sxy / n - mx * my;
        // Eigenvalues of the covariance: a line is much longer than high.
        let half = ((cxx - cyy).powi(2) / 4.0 + cxy * cxy).sqrt();
        let (l1, l2) = ((cxx + cyy) / 2.0 + half, (cxx + cyy) / 2.0 - half);
        if l2 <= 0.0 || l1 / l2 < 16.0 {
            continue;
        }
        let angle = (0.5 * (2.0 * cxy).atan2(cxx - cyy)).to_degrees();
        if angle.abs() <= 30.0 {
            angles.push((angle as f32, n));
        }
    }
    if angles.is_empty() {
        return None;
    }
    angles.sort_by(|a, b| a.0.total_cmp(&b.0));
    let total: f64 = angles.iter().map(|a| a.1).sum();
    let mut acc = 0.0;
    for (angle, w) in &angles {
        acc += w;
        if acc >= total / 2.0 {
            // Image y grows downwards: a positive angle is text falling to
            // the right, a clockwise turn.
            return Some(-angle);
        }
    }
    None
}

/// `image` shrunk (never grown) so its long side is at most `side`, with
/// the scale used.
fn shrink(image: &RgbImage, side: u32) -> (RgbImage, f32) {
    let long = image.width().max(image.height()).max(1);
    if long <= side {
        return (image.clone(), 1.0);
    }
    let scale = side as f32 / long as f32;
    let w = ((image.width() as f32 * scale).round() as u32).max(1);
    let h = ((image.height() as f32 * scale).round() as u32).max(1);
    (
        image::imageops::resize(image, w, h, image::imageops::FilterType::Triangle),
        scale,
    )
}

/// Rotates `image` by `turn` degrees (counter-clockwise positive) on a
/// canvas grown so that no corner is cut off; the new corners are `fill`.
pub fn rotate<P>(image: &Image<P>, turn: f32, fill: P) -> Image<P>
where
    P: Pixel + Send + Sync,
    P::Subpixel: Send + Sync + Into<f32> + Clamp<f32>,
{
    let r = turn.to_radians();
    let (w, h) = (image.width() as f32, image.height() as f32);
    let nw = (w * r.cos().abs() + h * r.sin().abs()).ceil() as u32;
    let nh = (w * r.sin().abs() + h * r.cos().abs()).ceil() as u32;
    let mut canvas = Image::from_pixel(nw.max(1), nh.max(1), fill);
    let ox = i64::from(nw.saturating_sub(image.width()) / 2);
    let oy = i64::from(nh.saturating_sub(image.height()) / 2);
    image::imageops::replace(&mut canvas, image, ox, oy);
    // imageproc turns clockwise for a positive angle (y grows downwards).
    rotate_about_center(&canvas, -r, Interpolation::Bilinear, fill)
}

/// The picture's typical background: the median of its border pixels.
fn border_colour(image: &RgbImage) -> Rgb<u8> {
    let (w, h) = image.dimensions();
    let mut px: Vec<[u8; 3]> = Vec::new();
    for x in (0..w).step_by(7) {
        px.push(image.get_pixel(x, 0).0);
        px.push(image.get_pixel(x, h.saturating_sub(1)).0);
    }
    for y in (0..h).step_by(7) {
        px.push(image.get_pixel(0, y).0);
        px.push(image.get_pixel(w.saturating_sub(1), y).0);
    }
    let mut c = [255u8; 3];
    for (i, slot) in c.iter_mut().enumerate() {
        let mut v: Vec<u8> = px.iter().map(|p| p[i]).collect();
        v.sort_unstable();
        if let Some(m) = v.get(v.len() / 2) {
            *slot = *m;
        }
    }
    Rgb(c)
}

/// Bounding box of all blobs, grown by `margin` (map pixels), as fractions
/// of the map's size.
fn text_area(map: &GrayImage, margin: u32) -> Option<(f32, f32, f32, f32)> {
    let bl = blobs(map);
    let x0 = bl.iter().map(|b| b.x0).min()?;
    let y0 = bl.iter().map(|b| b.y0).min()?;
    let x1 = bl.iter().map(|b| b.x1).max()?;
    let y1 = bl.iter().map(|b| b.y1).max()?;
    let (w, h) = (map.width() as f32, map.height() as f32);
    Some((
        x0.saturating_sub(margin) as f32 / w,
        y0.saturating_sub(margin) as f32 / h,
        ((x1 + margin) as f32 / w).min(1.0),
        ((y1 + margin) as f32 / h).min(1.0),
    ))
}

/// Finds, straightens and boxes the text lines of `image`.
pub fn find_lines(engine: &dyn TextEngine, image: &RgbImage) -> Result<Lines> {
    let (small, _) = shrink(image, SKEW_SIDE);
    let map = engine.text_map(&small)?;
    let turn = skew(&map).unwrap_or(0.0);
    let straight = if turn.abs() >= MIN_TURN {
        rotate(image, -turn, border_colour(image))
    } else {
        image.clone()
    };
    // The text area, from the first map turned with the picture (a second
    // detection would cost as much as the first).
    let map = if turn.abs() >= MIN_TURN {
        rotate(&map, -turn, Luma([0u8]))
    } else {
        map
    };
    let picture = match text_area(&map, 12) {
        Some((fx0, fy0, fx1, fy1)) => {
            let (w, h) = (straight.width() as f32, straight.height() as f32);
            let x0 = (fx0 * w) as u32;
            let y0 = (fy0 * h) as u32;
            let cw = ((fx1 * w) as u32).saturating_sub(x0).max(1);
            let ch = ((fy1 * h) as u32).saturating_sub(y0).max(1);
            image::imageops::crop_imm(&straight, x0, y0, cw, ch).to_image()
        }
        None => straight,
    };
    let (small, scale) = shrink(&picture, DETECT_SIDE);
    let map = engine.text_map(&small)?;
    let boxes = boxes(&map, scale, picture.width(), picture.height());
    Ok(Lines {
        picture,
        boxes,
        turn,
    })
}

/// The line boxes of a text map made at `scale` of a `w`×`h` picture, in
/// the picture's pixels.
pub fn boxes(map: &GrayImage, scale: f32, w: u32, h: u32) -> Vec<LineBox> {
    let mut out = Vec::new();
    for b in blobs(map) {
        let bw = (b.x1 - b.x0 + 1) as f32;
        let bh = (b.y1 - b.y0 + 1) as f32;
        if bh < 3.0 {
            continue;
        }
        let grow = bw * bh * UNCLIP_RATIO / (2.0 * (bw + bh));
        let to = |v: f32, max: u32| ((v / scale).max(0.0) as u32).min(max);
        let lb = LineBox {
            x0: to(b.x0 as f32 - grow, w),
            y0: to(b.y0 as f32 - grow, h),
            x1: to(b.x1 as f32 + 1.0 + grow, w),
            y1: to(b.y1 as f32 + 1.0 + grow, h),
        };
        if lb.x1 > lb.x0 + 2 && lb.y1 > lb.y0 + 2 {
            out.push(lb);
        }
    }
    out.sort_by(|a, b| a.center_y().total_cmp(&b.center_y()).then(a.x0.cmp(&b.x0)));
    out
}
