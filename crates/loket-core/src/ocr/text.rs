//! Read text with a confidence per character, and the rows a page's lines
//! fall into. The field parsers work on these, so a value's confidence is
//! always the recogniser's own for the characters it is made of.

use super::layout::LineBox;

/// Text with one confidence (0–1) per character.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scored {
    pub chars: Vec<(char, f32)>,
}

impl Scored {
    /// Full-width forms (the recogniser also knows CJK text: "：" for ":")
    /// become their ASCII characters.
    pub fn new(text: &str, confidences: &[f32]) -> Scored {
        Scored {
            chars: text
                .chars()
                .enumerate()
                .map(|(i, c)| (ascii(c), confidences.get(i).copied().unwrap_or(0.0)))
                .collect(),
        }
    }

    /// Text whose every character has confidence 1 (tests, separators).
    pub fn sure(text: &str) -> Scored {
        Scored {
            chars: text.chars().map(|c| (c, 1.0)).collect(),
        }
    }

    pub fn text(&self) -> String {
        self.chars.iter().map(|c| c.0).collect()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    pub fn push_str(&mut self, other: &Scored) {
        self.chars.extend_from_slice(&other.chars);
    }

    /// Characters `from..to`.
    pub fn slice(&self, from: usize, to: usize) -> Scored {
        Scored {
            chars: self
                .chars
                .get(from.min(to)..to.min(self.chars.len()))
                .map(<[_]>::to_vec)
                .unwrap_or_default(),
        }
    }

    /// Without leading and trailing whitespace and the given punctuation.
    pub fn trim_matches(&self, extra: &[char]) -> Scored {
        let keep = |c: &(char, f32)| !(c.0.is_whitespace() || extra.contains(&c.0));
        let start = self.chars.iter().position(keep).unwrap_or(self.chars.len());
        let end = self.chars.iter().rposition(keep).map_or(start, |e| e + 1);
        self.slice(start, end)
    }

    /// Mean confidence of the non-space characters (0 when empty).
    pub fn confidence(&self) -> f32 {
        let scores: Vec<f32> = self
            .chars
            .iter()
            .filter(|c| !c.0.is_whitespace())
            .map(|c| c.1)
            .collect();
        if scores.is_empty() {
            0.0
        } else {
            scores.iter().sum::<f32>() / scores.len() as f32
        }
    }
}

/// The ASCII character of a full-width form (U+FF01–U+FF5E), else `c`.
fn ascii(c: char) -> char {
    match u32::from(c) {
        v @ 0xFF01..=0xFF5E => char::from_u32(v - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    }
}

/// One recognised line with its place on the straightened picture.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub text: Scored,
    pub at: LineBox,
}

/// Words at one height, left to right.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub words: Vec<Word>,
}

impl Row {
    /// Typical height of the row's words, in pixels.
    pub fn height(&self) -> f32 {
        let mut h: Vec<u32> = self.words.iter().map(|w| w.at.height()).collect();
        h.sort_unstable();
        h.get(h.len() / 2).copied().unwrap_or(1).max(1) as f32
    }

    /// All words joined by single spaces.
    pub fn joined(&self) -> Scored {
        let mut out = Scored::default();
        for (i, w) in self.words.iter().enumerate() {
            if i > 0 {
                out.push_str(&Scored::sure(" "));
            }
            out.push_str(&w.text);
        }
        out
    }
}

/// Groups words into rows: a word joins a row when its middle lies within
/// half a word's height of the row's middle. Rows come top to bottom, words
/// left to right.
pub fn rows(mut words: Vec<Word>) -> Vec<Row> {
    words.sort_by(|a, b| a.at.center_y().total_cmp(&b.at.center_y()));
    let mut rows: Vec<(f32, f32, Vec<Word>)> = Vec::new();
    for w in words {
        let cy = w.at.center_y();
        let h = w.at.height().max(1) as f32;
        let fits = rows
            .last()
            .is_some_and(|(mid, rh, _)| (cy - mid).abs() <= 0.5 * h.min(*rh));
        match rows.last_mut() {
            Some((mid, rh, ws)) if fits => {
                let n = ws.len() as f32;
                *mid = (*mid * n + cy) / (n + 1.0);
                *rh = rh.min(h);
                ws.push(w);
            }
            _ => rows.push((cy, h, vec![w])),
        }
    }
    rows.into_iter()
        .map(|(_, _, mut words)| {
            words.sort_by_key(|w| w.at.x0);
            Row { words }
        })
        .collect()
}

/// Rows of words drawn 30 px apart, each word 9 px per character wide
/// (parser tests).
#[cfg(test)]
pub(crate) fn rows_of(lines: &[&[(&str, u32)]]) -> Vec<Row> {
    lines
        .iter()
        .enumerate()
        .map(|(i, words)| Row {
            words: words
                .iter()
                .map(|(t, x)| Word {
                    text: Scored::sure(t),
                    at: LineBox {
                        x0: *x,
                        y0: 30 * i as u32,
                        x1: x + 9 * t.len() as u32,
                        y1: 30 * i as u32 + 20,
                    },
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, x0: u32, y0: u32, h: u32) -> Word {
        Word {
            text: Scored::sure(text),
            at: LineBox {
                x0,
                y0,
                x1: x0 + 10 * text.len() as u32,
                y1: y0 + h,
            },
        }
    }

    #[test]
    fn words_at_one_height_make_one_row_left_to_right() {
        let rows = rows(vec![
            word(": AHMAD", 200, 102, 20),
            word("Nama", 10, 100, 20),
            word("NIK", 10, 60, 30),
            word("Agama", 10, 140, 20),
        ]);
        let texts: Vec<String> = rows.iter().map(|r| r.joined().text()).collect();
        assert_eq!(texts, vec!["NIK", "Nama : AHMAD", "Agama"]);
    }

    #[test]
    fn full_width_forms_read_as_ascii() {
        assert_eq!(Scored::new("：61374（Ａ）", &[1.0; 9]).text(), ":61374(A)");
    }

    #[test]
    fn trimming_keeps_confidences_with_their_characters() {
        let s = Scored::new(": B8 ", &[1.0, 1.0, 0.5, 0.25, 1.0]);
        let t = s.trim_matches(&[':']);
        assert_eq!(t.text(), "B8");
        assert_eq!(t.chars, vec![('B', 0.5), ('8', 0.25)]);
        assert!((t.confidence() - 0.375).abs() < 1e-6);
    }
}
