//! Checks of the two numbers every request carries: the NIK and the KK number.
//!
//! The rules are those of `DOMAIN.md`: normalise what operators paste, then
//! check structure, region, date and serial. Region codes come from tables
//! embedded in the binary (see `data/wilayah/README.md` for their source), so
//! the checks work offline and identically in the app, the CLI and tests.

mod date;
pub mod digits;
mod findings;
pub mod kk;
pub mod mask;
pub mod nik;
pub mod region;
pub mod wilayah;

#[cfg(test)]
mod fixture_tests;

pub use digits::digits_only;
pub use mask::{mask_number, show_number};

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

/// Sex as printed on KTP/KK: `L` (laki-laki) or `P` (perempuan).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
pub enum Sex {
    L,
    P,
}

/// A finding of a check: a stable code and an Indonesian message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Finding {
    pub code: String,
    pub message: String,
}

/// The region a NIK or KK prefix names, with today's names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RegionInfo {
    /// The 6-digit code as written in the number (may be a retired one).
    pub kode: String,
    pub provinsi: Option<String>,
    pub kabkota: Option<String>,
    pub kecamatan: Option<String>,
}

/// The result of checking a NIK or KK number. This is the CLI's JSON contract
/// (`nik check --json`, `kk check --json`) and what the UI shows live.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct IdCheck {
    pub valid: bool,
    /// The 16 digits after normalisation; null when the input has no 16 digits.
    pub normalized: Option<String>,
    /// NIK: date of birth; KK: the recording date. `YYYY-MM-DD`.
    #[ts(type = "string | null")]
    pub birth_date: Option<NaiveDate>,
    /// NIK only.
    pub sex: Option<Sex>,
    pub region: Option<RegionInfo>,
    pub errors: Vec<Finding>,
    pub warnings: Vec<Finding>,
}
