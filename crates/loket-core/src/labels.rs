//! The Indonesian words for statuses, outcomes and categories, shared by
//! everything the core prints or exports (messages, recaps, CSV/XLSX,
//! receipts).
//!
//! They are the UI's words (`ui/src/lib/format.ts`): an operator who reads
//! "Menunggu pemohon" in the queue must read the same words on the printed
//! recap and in the spreadsheet the supervisor opens. When one changes here,
//! change it there too (the test below pins both lists to each other).

use crate::model::{Category, Outcome, Status};

/// Indonesian label of a request status.
pub fn status_label(s: Status) -> &'static str {
    match s {
        Status::Received => "Diterima",
        Status::Verifying => "Diverifikasi",
        Status::WaitingCitizen => "Menunggu pemohon",
        Status::Done => "Selesai",
        Status::Replied => "Sudah dibalas",
    }
}

/// Indonesian label of an outcome.
pub fn outcome_label(o: Outcome) -> &'static str {
    match o {
        Outcome::Updated => "NIK sudah diperbarui",
        Outcome::UpdatedPendingSync => "Diperbarui, lembaga melihatnya setelah 3×24 jam",
        Outcome::DuplicateNik => "NIK ganda (dieskalasi)",
        Outcome::NotRecorded => "Belum rekam KTP-el",
        Outcome::DataMismatch => "Data tidak sesuai",
        Outcome::ResendNeeded => "Perlu kirim ulang dokumen",
    }
}

/// Indonesian label of a problem category.
pub fn category_label(c: Category) -> &'static str {
    match c {
        Category::Bpjs => "BPJS",
        Category::Bank => "Bank",
        Category::School => "Sekolah",
        Category::Sim => "SIM",
        Category::VoterList => "Daftar pemilih (DPT)",
        Category::Other => "Lainnya",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    /// Every label appears in the UI's `format.ts` as `<snake_case>: '<label>'`,
    /// so the two copies cannot drift apart unnoticed.
    #[test]
    fn labels_match_the_ui_words() {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/format.ts");
        let ts = std::fs::read_to_string(path).unwrap();
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        pairs.extend(Status::ALL.iter().map(|&s| (s.as_str(), status_label(s))));
        pairs.extend(Outcome::ALL.iter().map(|&o| (o.as_str(), outcome_label(o))));
        pairs.extend(
            Category::ALL
                .iter()
                .map(|&c| (c.as_str(), category_label(c))),
        );
        use crate::delivery::{DocType, Step};
        pairs.extend(Step::ALL.iter().map(|&s| (s.as_str(), s.label())));
        pairs.extend(DocType::ALL.iter().map(|&d| (d.as_str(), d.label())));
        assert_eq!(pairs.len(), 31);
        for (word, label) in pairs {
            let line = format!("{word}: '{label}',");
            assert!(ts.contains(&line), "format.ts lacks `{line}`");
        }
    }
}
