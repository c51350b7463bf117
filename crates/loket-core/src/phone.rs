//! WhatsApp numbers, normalised to E.164 (`+628…`).
//!
//! Citizens and operators write the same number as `0812-3456-7890`,
//! `62 812 3456 7890` or `+62 812 3456 7890`; the duplicate check and the
//! `wa.me` link need one form. Only Indonesian mobile numbers (`8…` after the
//! country code) can carry WhatsApp chats from citizens, so anything else is
//! refused with a code rather than stored as a guess.

use crate::error::{ErrorCode, LoketError, Result};

/// Normalises an Indonesian mobile number to `+628…` (9–12 digits after 62).
pub fn normalize_phone(input: &str) -> Result<String> {
    let err = |why: &str| {
        LoketError::new(
            ErrorCode::NomorWaTidakValid,
            format!("Nomor WhatsApp tidak valid: {why}. Contoh yang benar: 0812-3456-7890 atau +62 812 3456 7890."),
        )
    };
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(err("belum diisi"));
    }
    if trimmed.chars().count() > 32 {
        return Err(err("terlalu panjang"));
    }
    let mut digits = String::with_capacity(16);
    for (i, c) in trimmed.chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => {}
            ' ' | '-' | '.' | '(' | ')' | '\u{a0}' => {}
            _ => {
                return Err(err(
                    "hanya boleh angka, spasi, titik, tanda hubung dan + di depan",
                ))
            }
        }
    }
    let national = if let Some(rest) = digits.strip_prefix("62") {
        rest.strip_prefix('0').unwrap_or(rest)
    } else if let Some(rest) = digits.strip_prefix('0') {
        rest
    } else if digits.starts_with('8') {
        digits.as_str()
    } else {
        return Err(err("harus diawali 08, 62 atau +62"));
    };
    if !national.starts_with('8') {
        return Err(err("bukan nomor seluler Indonesia (08…)"));
    }
    if !(9..=12).contains(&national.len()) {
        return Err(err("jumlah angka tidak sesuai nomor seluler"));
    }
    Ok(format!("+62{national}"))
}

/// The digits of what may be the start of a phone number, in stored form, for
/// prefix search: `0812` → `+62812`, `62812` → `+62812`. `None` when the query
/// does not look like a phone number.
pub fn phone_search_prefix(query_digits: &str) -> Option<String> {
    if let Some(rest) = query_digits.strip_prefix("62") {
        Some(format!("+62{rest}"))
    } else if let Some(rest) = query_digits.strip_prefix('0') {
        Some(format!("+62{rest}"))
    } else if query_digits.starts_with('8') {
        Some(format!("+62{query_digits}"))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_ways_people_write_numbers() {
        for input in [
            "081234567890",
            "0812-3456-7890",
            "62 812 3456 7890",
            "+62 812-3456-7890",
            "+62 (812) 3456.7890",
            "6281234567890",
            "+62 0812 3456 7890",
        ] {
            assert_eq!(
                normalize_phone(input).as_deref(),
                Ok("+6281234567890"),
                "{input} is the same mobile number written differently"
            );
        }
    }

    #[test]
    fn refuses_what_cannot_be_a_mobile_number() {
        for input in [
            "",
            "   ",
            "12345",
            "021-555-1234",
            "0812",
            "08123456789012345",
            "0812abc4567",
            "+1 415 555 0100",
            "62+81234567890",
        ] {
            let e = normalize_phone(input).unwrap_err();
            assert_eq!(
                e.code,
                ErrorCode::NomorWaTidakValid,
                "{input:?} must be refused"
            );
        }
    }

    #[test]
    fn search_prefix_maps_local_forms() {
        assert_eq!(phone_search_prefix("0812").as_deref(), Some("+62812"));
        assert_eq!(phone_search_prefix("62812").as_deref(), Some("+62812"));
        assert_eq!(
            phone_search_prefix("3516"),
            None,
            "a NIK prefix is not a phone"
        );
    }
}
