//! Numbers read by OCR: look-alike letters turned into the digits they
//! stand for (O→0, I→1, B→8, S→5 …) — only in fields that hold nothing but
//! digits, and each fix marked so the operator sees which digit was a guess.

use super::text::Scored;

/// The digit a look-alike character stands for in a number field.
fn as_digit(c: char) -> Option<char> {
    Some(match c {
        '0'..='9' => c,
        'O' | 'o' | 'D' | 'Q' => '0',
        'I' | 'l' | 'i' | '|' | '!' => '1',
        'Z' | 'z' => '2',
        'S' | 's' => '5',
        'G' | 'b' => '6',
        'B' => '8',
        'g' | 'q' => '9',
        _ => return None,
    })
}

/// A number read from text: the digits, their confidences, and which of
/// them were look-alike fixes.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    pub digits: String,
    pub confidences: Vec<f32>,
    /// Indexes (into `digits`) of characters that were letters on the photo.
    pub fixed: Vec<u32>,
}

/// Confidence kept for a digit that was read as a look-alike letter.
const FIXED_PENALTY: f32 = 0.6;

/// The number in `text`, dropping spaces, dots and dashes between digits;
/// `None` when another character is in it.
pub fn number(text: &Scored) -> Option<Number> {
    let mut out = Number {
        digits: String::new(),
        confidences: Vec::new(),
        fixed: Vec::new(),
    };
    for &(c, p) in &text.chars {
        if c.is_whitespace() || matches!(c, '.' | '-' | ',') {
            continue;
        }
        let d = as_digit(c)?;
        if d != c {
            out.fixed.push(out.digits.len() as u32);
        }
        out.digits.push(d);
        out.confidences
            .push(if d == c { p } else { p * FIXED_PENALTY });
    }
    (!out.digits.is_empty()).then_some(out)
}

/// The longest run in `text` that reads as a number of `len` digits (a NIK
/// or KK number inside a longer line), with the text before and after it.
pub fn find_number(text: &Scored, len: usize) -> Option<(Scored, Number, Scored)> {
    let chars = &text.chars;
    let mut best: Option<(usize, usize, Number)> = None;
    let mut start = 0;
    while start < chars.len() {
        let first_is_digit = chars.get(start).is_some_and(|c| c.0.is_ascii_digit());
        if !first_is_digit {
            start += 1;
            continue;
        }
        // Grow while the characters can belong to a number.
        let mut end = start;
        while end < chars.len()
            && chars
                .get(end)
                .is_some_and(|c| as_digit(c.0).is_some() || c.0 == ' ' || c.0 == '.')
        {
            end += 1;
        }
        // The run may end in the first letters of the next word ("… 0334
        // SITI"): try it whole, then without its last space-separated parts.
        let mut cut = end;
        loop {
            let run = text.slice(start, cut).trim_matches(&['.']);
            if let Some(n) = number(&run) {
                if n.digits.len() == len && best.is_none() {
                    best = Some((start, cut, n));
                    break;
                }
            }
            match chars
                .get(start..cut)
                .and_then(|r| r.iter().rposition(|c| c.0 == ' '))
            {
                Some(space) if space > 0 => cut = start + space,
                _ => break,
            }
        }
        start = end.max(start + 1);
    }
    let (s, e, n) = best?;
    Some((text.slice(0, s), n, text.slice(e, chars.len())))
}

/// A `DD-MM-YYYY` date anywhere in `text`, as `YYYY-MM-DD`, with its
/// confidence and the text before it.
pub fn find_date(text: &Scored) -> Option<(Scored, String, f32)> {
    let chars = &text.chars;
    for start in 0..chars.len() {
        let mut digits = Vec::new();
        let mut end = start;
        while end < chars.len() && digits.len() < 8 {
            let Some(&(c, p)) = chars.get(end) else { break };
            if matches!(c, '-' | '.' | '/' | ' ') && !digits.is_empty() {
                end += 1;
                continue;
            }
            match as_digit(c) {
                Some(d) if c.is_ascii_digit() || !digits.is_empty() => {
                    digits.push((d, if d == c { p } else { p * FIXED_PENALTY }))
                }
                _ => break,
            }
            end += 1;
        }
        if digits.len() == 8 {
            let s: String = digits.iter().map(|d| d.0).collect();
            let (dd, mm, yyyy) = (s.get(0..2)?, s.get(2..4)?, s.get(4..8)?);
            let iso = format!("{yyyy}-{mm}-{dd}");
            if chrono::NaiveDate::parse_from_str(&iso, "%Y-%m-%d").is_ok() {
                let conf = digits.iter().map(|d| d.1).sum::<f32>() / 8.0;
                return Some((text.slice(0, start), iso, conf));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_alikes_become_digits_and_are_marked() {
        let n = number(&Scored::new("35I6O3 B", &[0.9; 8])).unwrap();
        assert_eq!(n.digits, "3516038");
        assert_eq!(n.fixed, vec![2, 4, 6]);
        assert!(n.confidences[2] < 0.9 && n.confidences[0] == 0.9);
        assert!(number(&Scored::sure("35X6")).is_none());
    }

    #[test]
    fn a_nik_is_found_inside_a_longer_line() {
        let (before, n, after) = find_number(
            &Scored::sure("1 YUDI HIDAYAT 3516022OO8750334 LAKI-LAKI"),
            16,
        )
        .unwrap();
        assert_eq!(n.digits, "3516022008750334");
        assert_eq!(before.text().trim(), "1 YUDI HIDAYAT");
        assert_eq!(after.text().trim(), "LAKI-LAKI");
    }

    #[test]
    fn dates_read_with_look_alikes_and_any_separator() {
        let (before, iso, _) = find_date(&Scored::sure("SIDOARJO, 1O-07-1985")).unwrap();
        assert_eq!(iso, "1985-07-10");
        assert_eq!(before.text(), "SIDOARJO, ");
        assert_eq!(
            find_date(&Scored::sure("29.06.2011")).unwrap().1,
            "2011-06-29"
        );
        assert!(find_date(&Scored::sure("31-02-2011")).is_none());
        assert!(find_date(&Scored::sure("SEUMUR HIDUP")).is_none());
    }
}
