//! The Indonesian words for statuses, outcomes and categories, shared by
//! everything the core prints or exports (messages, recaps, CSV/XLSX,
//! receipts).
//!
//! They are the UI's words too (`bindings.rs` generates them into
//! `ui/src/lib/bindings.ts`): an operator who reads "Menunggu pemohon" in the
//! queue must read the same words on the printed recap and in the spreadsheet
//! the supervisor opens.

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
