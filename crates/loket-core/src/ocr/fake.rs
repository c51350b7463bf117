//! A stand-in recogniser for tests: pages are drawn as dark bars, one per
//! word, each in its own grey level; the text map is "dark pixel", and a
//! line is "read" by looking up its bar's grey level in a script. A cut that
//! holds more than one bar (a crooked cut through two lines) reads as
//! `#`, so a test sees when straightening or line finding went wrong.

use image::{GrayImage, Luma, Rgb, RgbImage};

use super::engine::{LineText, TextEngine};
use crate::error::Result;

pub struct FakeEngine {
    /// `script[i]` is the text of the bar drawn in grey level `level(i)`.
    pub script: Vec<String>,
}

/// The grey level of bar `i`.
pub fn level(i: usize) -> u8 {
    (10 + 3 * i).min(120) as u8
}

impl TextEngine for FakeEngine {
    fn text_map(&self, image: &RgbImage) -> Result<GrayImage> {
        let mut map = GrayImage::new(image.width(), image.height());
        for (m, p) in map.pixels_mut().zip(image.pixels()) {
            *m = Luma([if p.0[0] < 128 { 255 } else { 0 }]);
        }
        Ok(map)
    }

    fn read_line(&self, line: &RgbImage) -> Result<LineText> {
        let mut counts = [0u32; 128];
        for p in line.pixels() {
            if let Some(c) = counts.get_mut(usize::from(p.0[0])) {
                *c += 1;
            }
        }
        let dark: u32 = counts.iter().sum();
        let bars: Vec<usize> = (0..self.script.len())
            .filter(|i| {
                counts
                    .get(usize::from(level(*i)))
                    .is_some_and(|c| *c * 8 > dark)
            })
            .collect();
        let text = match bars.as_slice() {
            [one] => self.script.get(*one).cloned().unwrap_or_default(),
            [] => String::new(),
            _ => "#".to_owned(),
        };
        let confidences = vec![0.9; text.chars().count()];
        Ok(LineText { text, confidences })
    }
}

/// Draws `lines` (each a list of words with their left edge, in units of
/// 10 px) as bars on a light page, and returns it with the script.
pub fn page(lines: &[&[(&str, u32)]]) -> (RgbImage, FakeEngine) {
    let mut img = RgbImage::from_pixel(1200, 60 + 34 * lines.len() as u32, Rgb([235, 235, 230]));
    let mut script = Vec::new();
    for (row, words) in lines.iter().enumerate() {
        for (text, at) in words.iter() {
            let g = level(script.len());
            script.push((*text).to_owned());
            let x0 = 40 + at * 10;
            let w = 11 * text.chars().count() as u32;
            let y0 = 40 + 34 * row as u32;
            for y in y0..y0 + 18 {
                for x in x0..(x0 + w).min(img.width()) {
                    img.put_pixel(x, y, Rgb([g, g, g]));
                }
            }
        }
    }
    (img, FakeEngine { script })
}
