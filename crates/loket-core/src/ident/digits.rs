//! Normalising what operators paste into a NIK or KK field.
//!
//! Numbers arrive copied from WhatsApp chats, OCR and spreadsheets, written as
//! `3516 02.4512-90 0003`, with tabs, non-breaking spaces or invisible
//! direction marks. Separators are harmless and are dropped; anything else
//! that is not an ASCII digit (a letter `O` typed for `0`, a full-width digit)
//! is reported instead of being guessed away, so that no wrong number is ever
//! stored silently.

/// The most characters a pasted number may have before it is rejected
/// unread: 16 digits with generous separators fit easily, and the cap keeps
/// the work bounded on arbitrary input.
pub const MAX_INPUT_CHARS: usize = 64;

/// The number of digits of a NIK and of a KK number.
pub const ID_DIGITS: usize = 16;

/// Why an input is not 16 digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NormalizeError {
    /// Nothing but separators (or nothing at all).
    Empty,
    /// More than [`MAX_INPUT_CHARS`] characters.
    TooLong,
    /// Characters that are neither digits nor separators (up to 3 distinct,
    /// in order of appearance).
    NotDigits(Vec<char>),
    /// Only digits and separators, but not 16 digits.
    WrongLength(usize),
}

/// True for the characters operators use, or paste by accident, between
/// digit groups: whitespace (space, tab, NBSP, ...), dots, dashes of every
/// width, and invisible format characters (zero-width space, direction marks
/// and bidi controls, byte-order mark).
pub fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | '-'
                | '\u{2010}'..='\u{2015}' // hyphen, non-breaking hyphen, figure/en/em dashes
                | '\u{2212}' // minus sign
                | '\u{200B}'..='\u{200F}' // zero-width space/joiners, LRM, RLM
                | '\u{202A}'..='\u{202E}' // bidi embeddings/overrides
                | '\u{2060}' // word joiner
                | '\u{2066}'..='\u{2069}' // bidi isolates
                | '\u{FEFF}' // byte-order mark / zero-width no-break space
        )
}

/// The ASCII digits of `input`, in order, with everything else dropped.
///
/// For display and search only; use [`normalize`] to decide whether the input
/// is a well-formed number.
pub fn digits_only(input: &str) -> String {
    input.chars().filter(char::is_ascii_digit).collect()
}

/// The 16 digits of a pasted NIK or KK number, with separators removed.
pub fn normalize(input: &str) -> Result<String, NormalizeError> {
    if input.chars().nth(MAX_INPUT_CHARS).is_some() {
        return Err(NormalizeError::TooLong);
    }
    let mut digits = String::with_capacity(ID_DIGITS);
    let mut bad: Vec<char> = Vec::new();
    for c in input.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if !is_separator(c) && !bad.contains(&c) && bad.len() < 3 {
            bad.push(c);
        }
    }
    if !bad.is_empty() {
        return Err(NormalizeError::NotDigits(bad));
    }
    match digits.len() {
        0 => Err(NormalizeError::Empty),
        ID_DIGITS => Ok(digits),
        n => Err(NormalizeError::WrongLength(n)),
    }
}

/// The offending characters quoted for a message, e.g. `'O', 'l'`; invisible
/// ones are written as their escape (`'\u{7}'`).
pub(crate) fn quote_chars(chars: &[char]) -> String {
    chars
        .iter()
        .map(|c| format!("'{}'", c.escape_debug()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A hint when the bad characters look like digits typed as letters.
pub(crate) fn letter_digit_hint(chars: &[char]) -> &'static str {
    if chars
        .iter()
        .any(|c| matches!(c, 'O' | 'o' | 'I' | 'l' | 'i' | 'S' | 'B'))
    {
        " Huruf O, I, l, S atau B sering tertukar dengan angka 0, 1, 5 atau 8."
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_are_stripped() {
        assert_eq!(
            normalize("3516 02.4512-90 0003"),
            Ok("3516024512900003".to_owned()),
            "spaces, dots and dashes are how operators group digits and must be ignored"
        );
        assert_eq!(
            normalize("\t3516\u{a0}0245\u{2013}1290\u{200b}0003\n"),
            Ok("3516024512900003".to_owned()),
            "tabs, NBSP, en dashes and zero-width spaces come from WhatsApp/Excel pastes"
        );
    }

    #[test]
    fn letters_are_reported_not_dropped() {
        assert_eq!(
            normalize("3516O24512900003"),
            Err(NormalizeError::NotDigits(vec!['O'])),
            "a letter O typed for zero must be reported, never guessed"
        );
        assert_eq!(
            normalize("３５１６０２４５１２９０００３"),
            Err(NormalizeError::NotDigits(vec!['３', '５', '１'])),
            "full-width digits are not ASCII digits; at most 3 distinct are listed"
        );
    }

    #[test]
    fn length_and_empty() {
        assert_eq!(
            normalize(" - . "),
            Err(NormalizeError::Empty),
            "separators only is an empty field"
        );
        assert_eq!(normalize(""), Err(NormalizeError::Empty), "empty is empty");
        assert_eq!(
            normalize("351602451290000"),
            Err(NormalizeError::WrongLength(15)),
            "15 digits is a digit missing"
        );
        assert_eq!(
            normalize(&"1".repeat(65)),
            Err(NormalizeError::TooLong),
            "over 64 characters is rejected without reading it"
        );
        assert_eq!(
            normalize(&"x".repeat(1_000_000)),
            Err(NormalizeError::TooLong),
            "a huge paste is cut short by the length cap, not scanned for letters"
        );
        assert_eq!(
            normalize(&format!("{}{}", " ".repeat(48), "3516024512900003")),
            Ok("3516024512900003".to_owned()),
            "exactly 64 characters is still accepted"
        );
    }

    #[test]
    fn digits_only_keeps_ascii_digits() {
        assert_eq!(
            digits_only("NIK: 3516-02"),
            "351602",
            "only ASCII digits survive"
        );
    }

    #[test]
    fn quoting_escapes_invisible_chars() {
        assert_eq!(
            quote_chars(&['O', '\u{7}']),
            "'O', '\\u{7}'",
            "control characters must be visible in a message"
        );
    }
}
