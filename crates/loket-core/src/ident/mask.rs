//! Masking of NIK and KK numbers on prints and exports.
//!
//! The numbers are the personal data the law protects most (UU 27/2022), so
//! receipts, recaps and replies show `351602******0003` unless the operator
//! explicitly asks for the full number. Keeping the first six digits (the
//! region) and the last four (the serial) is enough to tell people apart at
//! the counter without exposing the birth date encoded in the middle.

/// `351602******0003` for a 16-digit number; anything else (a number an
/// operator is still typing, or an unexpected length) keeps only its last
/// four characters visible, so nothing longer than a serial ever leaks.
pub fn mask_number(number: &str) -> String {
    let chars: Vec<char> = number.trim().chars().collect();
    if chars.len() == 16 && chars.iter().all(char::is_ascii_digit) {
        let mut out: String = chars[..6].iter().collect();
        out.push_str("******");
        out.extend(&chars[12..]);
        return out;
    }
    let keep = chars.len().min(4);
    let hidden = chars.len() - keep;
    let mut out = "*".repeat(hidden);
    out.extend(&chars[hidden..]);
    out
}

/// The number as shown: masked unless `full`.
pub fn show_number(number: &str, full: bool) -> String {
    if full {
        number.trim().to_owned()
    } else {
        mask_number(number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_the_middle_six_digits_of_a_nik() {
        assert_eq!(mask_number("3516020101900003"), "351602******0003");
        assert_eq!(mask_number(" 3516020101900003 "), "351602******0003");
    }

    #[test]
    fn odd_lengths_show_only_the_last_four() {
        assert_eq!(mask_number("35160201"), "****0201");
        assert_eq!(mask_number("123"), "123");
        assert_eq!(mask_number(""), "");
        assert_eq!(mask_number("35160201019000031"), "*************0031");
    }

    #[test]
    fn full_on_request_only() {
        assert_eq!(show_number("3516020101900003", true), "3516020101900003");
        assert_eq!(show_number("3516020101900003", false), "351602******0003");
    }
}
