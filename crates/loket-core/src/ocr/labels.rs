//! Finding "Label : value" pairs in OCR'd rows, tolerant of what OCR does
//! to labels ("Tempat/Tg1 Lahir", "Kel/Desa" read as "KelDesa", a missing
//! colon), and snapping values to the few words a field can hold.

use super::text::{Row, Scored};

/// A label as printed, and the form field its value goes to.
pub struct Label {
    pub printed: &'static str,
    pub field: &'static str,
}

/// A value found after a label.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub field: &'static str,
    pub value: Scored,
}

/// Upper-case letters and digits only: what label matching compares.
fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

/// If `text` starts with `label` (ignoring case, spaces and punctuation,
/// allowing about one typo in four letters), the char index just past it.
fn strip_label(text: &Scored, label: &str) -> Option<usize> {
    let want = key(label);
    let mut got = String::new();
    let mut best: Option<(usize, usize)> = None;
    let allowed = (want.chars().count() / 4).max(usize::from(want.chars().count() > 3));
    for (i, (c, _)) in text.chars.iter().enumerate() {
        if c.is_alphanumeric() {
            got.extend(c.to_uppercase());
        } else if *c == ':' {
            break;
        }
        let n = got.chars().count();
        let wn = want.chars().count();
        if n + 1 >= wn && n <= wn + 1 {
            let d = strsim::levenshtein(&got, &want);
            if d <= allowed && best.is_none_or(|b| d < b.1) {
                best = Some((i + 1, d));
            }
        }
        if n > wn + 1 {
            break;
        }
    }
    best.map(|b| b.0)
}

/// Splits rows into labelled values. A word that starts with a label begins
/// a value; the words after it belong to it until the next label or a gap
/// wider than three text heights (the next column). Words before the first
/// label of a row are not values.
pub fn find(rows: &[Row], labels: &[Label]) -> Vec<Found> {
    let mut out = Vec::new();
    for row in rows {
        let gap_limit = 3.0 * row.height();
        let mut current: Option<(usize, Scored, u32)> = None;
        for word in &row.words {
            let hit = labels
                .iter()
                .enumerate()
                .find_map(|(i, l)| strip_label(&word.text, l.printed).map(|at| (i, at)));
            if let Some((i, at)) = hit {
                if let Some((li, v, _)) = current.take() {
                    push(&mut out, labels, li, v);
                }
                let rest = word.text.slice(at, word.text.chars.len());
                current = Some((i, rest, word.at.x1));
                continue;
            }
            if let Some((_, value, right)) = current.as_mut() {
                let started = !value.trim_matches(&[':', ';']).is_empty();
                if started && word.at.x0 > *right + gap_limit as u32 {
                    if let Some((li, v, _)) = current.take() {
                        push(&mut out, labels, li, v);
                    }
                    continue;
                }
                value.push_str(&Scored::sure(" "));
                value.push_str(&word.text);
                *right = word.at.x1;
            }
        }
        if let Some((li, v, _)) = current.take() {
            push(&mut out, labels, li, v);
        }
    }
    out
}

fn push(out: &mut Vec<Found>, labels: &[Label], i: usize, value: Scored) {
    let value = value.trim_matches(&[':', ';', '.', ',']);
    if let Some(l) = labels.get(i) {
        if !value.is_empty() && !out.iter().any(|f| f.field == l.field) {
            out.push(Found {
                field: l.field,
                value,
            });
        }
    }
}

/// The word of `choices` closest to `value` (ignoring spaces and
/// punctuation), when at most about one letter in four differs; with the
/// value's confidence lowered by each letter changed.
pub fn snap(value: &Scored, choices: &[&str]) -> Option<(String, f32)> {
    let got = key(&value.text());
    if got.is_empty() {
        return None;
    }
    let (choice, d) = choices
        .iter()
        .map(|c| (*c, strsim::levenshtein(&got, &key(c))))
        .min_by_key(|c| c.1)?;
    let allowed = (key(choice).chars().count() / 4).max(1);
    (d <= allowed).then(|| {
        let conf = value.confidence() * (1.0 - 0.1 * d as f32);
        (choice.to_owned(), conf.max(0.0))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ocr::text::rows_of;

    const LABELS: [Label; 3] = [
        Label {
            printed: "Tempat/Tgl Lahir",
            field: "ttl",
        },
        Label {
            printed: "Gol. Darah",
            field: "gol_darah",
        },
        Label {
            printed: "Nama",
            field: "nama",
        },
    ];

    #[test]
    fn labels_with_ocr_typos_and_two_values_in_a_row() {
        let rows = rows_of(&[
            &[
                ("Tempat/Tg1 Lahlr", 0),
                (": SIDOARJO, 10-07-1985", 200),
                ("Gol. Darah : B", 420),
            ],
            &[("Nama", 0), (":AHMAD HARIYANTO", 200), ("MOJOKERTO", 700)],
        ]);
        let found = find(&rows, &LABELS);
        let pairs: Vec<(&str, String)> = found.iter().map(|f| (f.field, f.value.text())).collect();
        assert_eq!(
            pairs,
            vec![
                ("ttl", "SIDOARJO, 10-07-1985".to_owned()),
                ("gol_darah", "B".to_owned()),
                ("nama", "AHMAD HARIYANTO".to_owned()),
            ]
        );
    }

    #[test]
    fn a_word_that_is_not_a_label_starts_nothing() {
        let rows = rows_of(&[&[("SPESIMEN", 0), ("DATA FIKTIF", 100)]]);
        assert!(find(&rows, &LABELS).is_empty());
    }

    #[test]
    fn values_snap_to_the_words_a_field_can_hold() {
        let agama = ["ISLAM", "KRISTEN", "KATOLIK"];
        assert_eq!(snap(&Scored::sure("ISLAN"), &agama).unwrap().0, "ISLAM");
        assert!(snap(&Scored::sure("PEDAGANG"), &agama).is_none());
    }
}
