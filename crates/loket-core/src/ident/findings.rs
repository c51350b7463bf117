//! Building blocks shared by the NIK and KK checks: which document a finding
//! is about, and the findings for input that is not 16 digits.

use super::digits::{letter_digit_hint, normalize, quote_chars, NormalizeError, MAX_INPUT_CHARS};
use super::{Finding, IdCheck};

/// The document a check is about; it picks the code prefix and the wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Doc {
    Nik,
    Kk,
}

impl Doc {
    /// The prefix of format finding codes: `nik_...` or `kk_...`.
    pub(crate) fn code_prefix(self) -> &'static str {
        match self {
            Doc::Nik => "nik",
            Doc::Kk => "kk",
        }
    }

    /// The document's name at the start of a sentence.
    pub(crate) fn title(self) -> &'static str {
        match self {
            Doc::Nik => "NIK",
            Doc::Kk => "Nomor KK",
        }
    }

    /// The document's name inside a sentence.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Doc::Nik => "NIK",
            Doc::Kk => "nomor KK",
        }
    }
}

/// A finding with a stable `code` and an operator-facing `message`.
pub(crate) fn finding(code: &str, message: impl Into<String>) -> Finding {
    Finding {
        code: code.to_owned(),
        message: message.into(),
    }
}

/// An empty result, to be filled by a check.
pub(crate) fn empty_check() -> IdCheck {
    IdCheck {
        valid: false,
        normalized: None,
        birth_date: None,
        sex: None,
        region: None,
        errors: Vec::new(),
        warnings: Vec::new(),
    }
}

/// The 16 digits of `input`, or the one error finding that explains why
/// there are not 16 digits.
pub(crate) fn normalize_or_finding(input: &str, doc: Doc) -> Result<String, Finding> {
    let title = doc.title();
    let prefix = doc.code_prefix();
    normalize(input).map_err(|e| match e {
        NormalizeError::Empty => finding("kosong", format!("{title} belum diisi.")),
        NormalizeError::TooLong => finding(
            &format!("{prefix}_panjang_salah"),
            format!(
                "{title} terlalu panjang (lebih dari {MAX_INPUT_CHARS} karakter). \
                 {title} harus 16 angka."
            ),
        ),
        NormalizeError::NotDigits(bad) => finding(
            &format!("{prefix}_bukan_angka"),
            format!(
                "{title} hanya boleh berisi angka (spasi, titik dan tanda hubung boleh). \
                 Ada karakter lain: {}.{}",
                quote_chars(&bad),
                letter_digit_hint(&bad)
            ),
        ),
        NormalizeError::WrongLength(n) => finding(
            &format!("{prefix}_panjang_salah"),
            format!("{title} harus 16 angka; yang diisi {n} angka."),
        ),
    })
}
