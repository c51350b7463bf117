//! The stable words of the core's enums: what SQLite stores, what the CLI
//! takes and prints, what serde writes across IPC.
//!
//! One idiom for all of them: the enum derives strum's `IntoStaticStr` (its
//! word), `EnumString` (the word back to the variant) and `VariantArray`
//! (every variant, in order) with `serialize_all = "snake_case"`, the same
//! rule as serde's `rename_all`; `impl_words!` adds the `as_str` and `parse`
//! the rest of the code calls. The words are stored data: the tests below
//! pin each enum's list, so renaming a variant cannot change what an
//! existing data folder holds.

use crate::error::{ErrorCode, LoketError, Result};
use std::str::FromStr;
use strum::VariantArray;

/// Every variant's word, in order: `received, verifying, …`.
pub fn choices<T>() -> String
where
    T: VariantArray + Copy + Into<&'static str>,
{
    T::VARIANTS
        .iter()
        .map(|&v| v.into())
        .collect::<Vec<&str>>()
        .join(", ")
}

/// Parses a word someone typed or sent (surrounding spaces ignored); an
/// unknown word is an Indonesian error with `code` that lists the choices.
pub fn parse<T>(s: &str, code: ErrorCode, what: &str) -> Result<T>
where
    T: FromStr + VariantArray + Copy + Into<&'static str>,
{
    let word = s.trim();
    word.parse().map_err(|_| {
        let shown: String = word.chars().filter(|c| !c.is_control()).take(40).collect();
        LoketError::new(
            code,
            format!(
                "{what} tidak dikenal: \"{shown}\". Pilihan: {}.",
                choices::<T>()
            ),
        )
    })
}

/// `as_str()` (the stable word) for enums deriving `IntoStaticStr`, and with
/// an error code and the Indonesian name of the thing, `parse()` (see
/// [`parse`]).
macro_rules! impl_words {
    ($ty:ty) => {
        impl $ty {
            /// The stable word: stored in the database, used by the CLI and on the wire.
            pub fn as_str(self) -> &'static str {
                self.into()
            }
        }
    };
    ($ty:ty, $code:expr, $what:expr) => {
        impl_words!($ty);
        impl $ty {
            /// Parses the stable word; anything else is a coded error listing the choices.
            pub fn parse(s: &str) -> $crate::error::Result<Self> {
                $crate::words::parse(s, $code, $what)
            }
        }
    };
}
pub(crate) use impl_words;

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use std::fmt::Debug;

    /// Every variant's word is the pinned one and parses back to the variant.
    fn round_trip<T>(pinned: &[&str])
    where
        T: VariantArray + Copy + Into<&'static str> + FromStr + PartialEq + Debug,
    {
        let words: Vec<&str> = T::VARIANTS.iter().map(|&v| v.into()).collect();
        assert_eq!(words, pinned, "the stored words changed");
        for &v in T::VARIANTS {
            let word: &str = v.into();
            assert!(
                word.parse::<T>().ok() == Some(v),
                "{word} does not parse back to {v:?}"
            );
        }
    }

    /// serde writes the same word (the UI's and the CLI's JSON).
    fn serde_agrees<T>()
    where
        T: VariantArray + Copy + Into<&'static str> + Debug + Serialize,
    {
        for &v in T::VARIANTS {
            let word: &str = v.into();
            assert_eq!(
                serde_json::to_value(v).ok(),
                Some(serde_json::Value::from(word)),
                "serde's word of {v:?} is not {word}"
            );
        }
    }

    macro_rules! pinned {
        ($($test:ident: $ty:ty => [$($word:literal),+ $(,)?] $(+ $serde:ident)?;)+) => {
            $(
                #[test]
                fn $test() {
                    round_trip::<$ty>(&[$($word),+]);
                    $($serde::<$ty>();)?
                }
            )+
        };
    }

    pinned! {
        status: crate::model::Status =>
            ["received", "verifying", "waiting_citizen", "done", "replied"] + serde_agrees;
        outcome: crate::model::Outcome => [
            "updated", "updated_pending_sync", "duplicate_nik", "not_recorded",
            "data_mismatch", "resend_needed",
        ] + serde_agrees;
        category: crate::model::Category =>
            ["bpjs", "bank", "school", "sim", "voter_list", "other"] + serde_agrees;
        step: crate::delivery::Step => [
            "registered", "processed", "handed_over", "delivered", "paid", "failed", "returned",
        ] + serde_agrees;
        doc_type: crate::delivery::DocType => [
            "kk", "ktp_el", "kia", "akta_kelahiran", "akta_kematian", "surat_pindah", "other",
        ] + serde_agrees;
        doc_kind: crate::documents::DocKind => ["ktp", "kk", "other"] + serde_agrees;
        doc_format: crate::documents::DocFormat => ["jpeg", "png", "webp", "pdf"] + serde_agrees;
        channel: crate::complaints::Channel => ["whatsapp", "in_person", "phone"] + serde_agrees;
        complaint_category: crate::complaints::ComplaintCategory =>
            ["slow", "wrong_data", "staff", "fee", "delivery", "other"] + serde_agrees;
        role: crate::accounts::Role => ["operator", "supervisor"] + serde_agrees;
        origin: crate::actor::Origin => ["app", "cli"] + serde_agrees;
        layout: crate::receipt::Layout => ["roll80", "a5"] + serde_agrees;
        receipt_format: crate::receipt::ReceiptFormat => ["html", "pdf", "png"] + serde_agrees;
        action: crate::audit::Action => [
            "masuk", "gagal_masuk", "dikunci", "keluar", "akun_dibuat", "pin_diubah",
            "akun_dinonaktifkan", "dokumen_dilihat", "nik_lengkap_ditampilkan", "bukti_dicetak",
            "bukti_disimpan", "balasan_dibuka", "rekap_dilihat", "rekap_diekspor",
            "rekap_dicetak", "serah_terima_dicetak", "pengaturan_diubah", "templat_diubah",
            "cadangan_dibuat", "data_dipulihkan", "retensi_dijalankan", "log_dibaca",
            "data_diimpor",
        ] + serde_agrees;
        page_print: crate::ops::audit_log::PagePrint => ["rekap", "serah_terima"];
        recap_format: crate::ops::exports::RecapFormat => ["csv", "xlsx"];
    }

    #[test]
    fn an_unknown_word_is_a_coded_error_listing_the_choices() {
        use crate::model::Status;
        let err = Status::parse("  selesai ").err();
        assert_eq!(
            err.as_ref().map(|e| e.code),
            Some(ErrorCode::StatusTidakDikenal)
        );
        assert_eq!(
            err.map(|e| e.message),
            Some(
                "Status tidak dikenal: \"selesai\". Pilihan: received, verifying, \
                 waiting_citizen, done, replied."
                    .to_string()
            )
        );
        assert_eq!(Status::parse(" done ").ok(), Some(Status::Done));
    }
}
