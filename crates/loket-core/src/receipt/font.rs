//! The receipt's own font, compiled in, and the text measuring that wraps
//! lines to the paper.
//!
//! Why bundled: a thermal roll is 72 mm of printable width, so where a line
//! breaks decides whether a name fits. Measuring with the same two faces that
//! later draw the glyphs (usvg shapes with this font database and nothing
//! else) gives the same breaks and the same receipt height on every PC,
//! Linux or Windows, with no system font involved.

use resvg::usvg::fontdb;
use std::sync::{Arc, OnceLock};
use ttf_parser::Face;

/// The family name the layout's SVG asks for.
pub(crate) const FAMILY: &str = "Liberation Sans";

static REGULAR: &[u8] = include_bytes!("../../data/fonts/LiberationSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../data/fonts/LiberationSans-Bold.ttf");

/// The font database for usvg: the two bundled faces only, built once.
pub(crate) fn database() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_font_source(fontdb::Source::Binary(Arc::new(REGULAR)));
        db.load_font_source(fontdb::Source::Binary(Arc::new(BOLD)));
        Arc::new(db)
    })
    .clone()
}

/// Advance widths of the two faces, for wrapping.
pub(crate) struct Metrics {
    regular: Option<Face<'static>>,
    bold: Option<Face<'static>>,
}

/// Fallback advance (em) when a face cannot be read: wider than any Latin
/// glyph of the font, so a wrap computed with it errs on the narrow side.
const FALLBACK_EM: f64 = 1.0;

impl Metrics {
    pub(crate) fn new() -> Metrics {
        Metrics {
            regular: Face::parse(REGULAR, 0).ok(),
            bold: Face::parse(BOLD, 0).ok(),
        }
    }

    /// Width of `text` at `size` (same unit out as in), from the glyphs'
    /// advances without kerning. The font's kerning pairs only tighten
    /// Latin text, so the drawn line is at most this wide.
    pub(crate) fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        let face = if bold { &self.bold } else { &self.regular };
        let Some(face) = face else {
            return text.chars().count() as f64 * FALLBACK_EM * size;
        };
        let upem = f64::from(face.units_per_em().max(1));
        let units: f64 = text
            .chars()
            .map(|c| {
                let glyph = face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
                face.glyph_hor_advance(glyph).map_or(upem, f64::from)
            })
            .sum();
        units / upem * size
    }

    /// Breaks `text` into lines no wider than `max`: at spaces where it
    /// can, inside a word only when the word alone is too wide (a long
    /// e-mail or an unbroken name). At most `max_lines` lines; the last one
    /// then ends in "…" so nothing runs off the paper.
    pub(crate) fn wrap(
        &self,
        text: &str,
        size: f64,
        bold: bool,
        max: f64,
        max_lines: usize,
    ) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if self.width(&candidate, size, bold) <= max {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // The word alone on a fresh line; split it when even that is too wide.
            for c in word.chars() {
                line.push(c);
                if self.width(&line, size, bold) > max && line.chars().count() > 1 {
                    line.pop();
                    lines.push(std::mem::take(&mut line));
                    line.push(c);
                }
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        if lines.len() > max_lines.max(1) {
            lines.truncate(max_lines.max(1));
            if let Some(last) = lines.last_mut() {
                *last = self.ellipsize(last, size, bold, max);
            }
        }
        lines
    }

    /// `text` shortened until `text…` fits in `max`.
    fn ellipsize(&self, text: &str, size: f64, bold: bool, max: f64) -> String {
        let mut chars: Vec<char> = text.trim_end().chars().collect();
        loop {
            let s: String = chars.iter().collect::<String>() + "…";
            if chars.is_empty() || self.width(&s, size, bold) <= max {
                return s;
            }
            chars.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_faces_parse_and_bold_is_wider() {
        let m = Metrics::new();
        assert!(m.regular.is_some() && m.bold.is_some());
        let r = m.width("NAMA PEMOHON", 10.0, false);
        let b = m.width("NAMA PEMOHON", 10.0, true);
        assert!(r > 50.0 && r < 100.0, "{r}");
        assert!(b > r);
        assert_eq!(database().len(), 2);
    }

    #[test]
    fn wraps_at_spaces_then_inside_long_words_and_caps_lines() {
        let m = Metrics::new();
        let lines = m.wrap("SITI AMINAH BINTI ABDUL RAHMAN", 10.0, false, 80.0, 5);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|l| m.width(l, 10.0, false) <= 80.0));
        assert_eq!(lines.join(" "), "SITI AMINAH BINTI ABDUL RAHMAN");

        let long = "X".repeat(60);
        let lines = m.wrap(&long, 10.0, false, 50.0, 10);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| m.width(l, 10.0, false) <= 50.0));
        assert_eq!(lines.concat(), long);

        let capped = m.wrap(&"KATA ".repeat(80), 10.0, false, 50.0, 2);
        assert_eq!(capped.len(), 2);
        assert!(capped[1].ends_with('…'));
        assert!(m.width(&capped[1], 10.0, false) <= 50.0);
    }
}
