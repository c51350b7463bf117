//! The seam between Loket's reading logic and a text recogniser.
//!
//! A recogniser does two things only: say where text is (a per-pixel text
//! map) and read one cut-out line. Everything around it — straightening the
//! photo, finding the lines, grouping them into rows, the field parser, the
//! look-alike digit fixes and the NIK/KK checks — is Loket's own code and is
//! tested in every run with a fake engine (`fake.rs`); the real models
//! (`paddle.rs`) are tested when they are present.

use image::{GrayImage, RgbImage};

use crate::error::Result;

/// What a recogniser read from one line image.
#[derive(Debug, Clone, PartialEq)]
pub struct LineText {
    /// The characters read, in order.
    pub text: String,
    /// One confidence (0–1) per character of `text`.
    pub confidences: Vec<f32>,
}

/// A text detector and line recogniser.
pub trait TextEngine: Send + Sync {
    /// The probability (0–255) that each pixel of `image` belongs to text,
    /// at the size of `image`.
    fn text_map(&self, image: &RgbImage) -> Result<GrayImage>;

    /// Reads the single line of text in `line` (cut out along the line,
    /// upright).
    fn read_line(&self, line: &RgbImage) -> Result<LineText>;

    /// Reads many lines, in order; an engine may read them in batches.
    fn read_lines(&self, lines: &[RgbImage]) -> Result<Vec<LineText>> {
        lines.iter().map(|l| self.read_line(l)).collect()
    }
}
