//! POS KETANMU: documents delivered to the applicant's address by post,
//! paid cash on delivery, in five steps each with its own promised time
//! (`promise.rs`). A delivery has its own registration series (`PK-…`),
//! moves through its steps by the rules of `next_steps`, and every move is
//! an append-only event (logged in the access log by the schema's trigger).

pub mod promise;
mod store;
pub mod totals;
pub mod villages;

pub use store::{create, detail, handover_list, list, move_to};

use crate::error::{ErrorCode, LoketError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The registration series of deliveries.
pub const SERIES: &str = "PK";

/// The milestones of a delivery. The five promised steps end at
/// `Registered`, `Processed`, `HandedOver`, `Delivered` and `Paid`; a
/// failed delivery comes back (`Returned`) and is handed over again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Registered,
    Processed,
    HandedOver,
    Delivered,
    Paid,
    Failed,
    Returned,
}

/// The documents a citizen may ask to be delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DocType {
    Kk,
    KtpEl,
    Kia,
    AktaKelahiran,
    AktaKematian,
    SuratPindah,
    Other,
}

macro_rules! words {
    ($ty:ty, $what:expr, [$($v:ident => $word:expr, $label:expr),+ $(,)?]) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$(<$ty>::$v),+];
            pub fn as_str(self) -> &'static str {
                match self { $(<$ty>::$v => $word),+ }
            }
            /// The Indonesian words on screens and prints.
            pub fn label(self) -> &'static str {
                match self { $(<$ty>::$v => $label),+ }
            }
            pub fn parse(s: &str) -> Result<Self, LoketError> {
                match s.trim() {
                    $($word => Ok(<$ty>::$v),)+
                    other => Err(LoketError::new(
                        ErrorCode::MasukanTidakValid,
                        format!("{} tidak dikenal: \"{}\". Pilihan: {}.", $what,
                            other.chars().take(40).collect::<String>(), [$($word),+].join(", ")),
                    )),
                }
            }
        }
    };
}

words!(Step, "Langkah", [
    Registered => "registered", "Terdaftar",
    Processed => "processed", "Diverifikasi dan diproses",
    HandedOver => "handed_over", "Diserahkan ke petugas pos",
    Delivered => "delivered", "Diantar ke alamat",
    Paid => "paid", "Diterima dan dibayar (COD)",
    Failed => "failed", "Gagal diantar",
    Returned => "returned", "Kembali ke kantor",
]);

words!(DocType, "Jenis dokumen", [
    Kk => "kk", "KK",
    KtpEl => "ktp_el", "KTP-el",
    Kia => "kia", "KIA",
    AktaKelahiran => "akta_kelahiran", "Akta kelahiran",
    AktaKematian => "akta_kematian", "Akta kematian",
    SuratPindah => "surat_pindah", "Surat pindah",
    Other => "other", "Lainnya",
]);

impl Step {
    /// Where a delivery may go from here.
    pub fn next_steps(self) -> &'static [Step] {
        match self {
            Step::Registered => &[Step::Processed],
            Step::Processed | Step::Returned => &[Step::HandedOver],
            Step::HandedOver => &[Step::Delivered, Step::Failed],
            Step::Delivered => &[Step::Paid],
            Step::Failed => &[Step::Returned],
            Step::Paid => &[],
        }
    }
}

/// A delivery as the desk registers it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct NewDelivery {
    pub name: String,
    pub phone: String,
    /// 10-digit village code (desa/kelurahan of Kab. Mojokerto).
    pub village_code: String,
    /// Street, house number, RT/RW.
    pub address: String,
    pub documents: Vec<DocType>,
    /// What "other" is, or any note for the post officer.
    #[serde(default)]
    pub note: String,
    /// When the applicant registered online (UTC ms); now when absent.
    #[serde(default)]
    pub requested_at: Option<i64>,
}

/// What a move records besides the step.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct MoveDetails {
    /// Hand-over: the courier (Pos Indonesia, J&T, …) and its tracking number (resi).
    pub courier: Option<String>,
    pub tracking_no: Option<String>,
    /// Delivery: who received it, as written in the pickup book.
    pub receiver: Option<String>,
    /// Payment: the COD amount collected, in rupiah.
    pub cod_amount: Option<i64>,
    /// Failure or any other remark.
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Delivery {
    pub id: i64,
    pub reg_no: String,
    pub name: String,
    pub phone: String,
    pub village: villages::Village,
    pub address: String,
    pub documents: Vec<DocType>,
    pub note: String,
    pub step: Step,
    pub requested_at: i64,
    pub updated_at: i64,
    pub operator: String,
    pub courier: Option<String>,
    pub tracking_no: Option<String>,
    pub receiver: Option<String>,
    pub cod_amount: Option<i64>,
    /// When the current step was reached.
    pub step_since: i64,
    /// The next step, and when it is due (None: nothing more is promised).
    pub next_step: Option<Step>,
    pub due_at: Option<i64>,
    /// True when the next step is overdue now.
    pub late: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct DeliveryEvent {
    pub at: i64,
    pub operator: String,
    pub from_step: Option<Step>,
    pub to_step: Step,
    pub detail: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct DeliveryDetail {
    pub delivery: Delivery,
    pub events: Vec<DeliveryEvent>,
    /// Whether the registration itself kept its promise.
    pub registration_in_time: bool,
}

/// Which deliveries a list shows.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct DeliveryQuery {
    /// Only those whose next step is overdue.
    pub late_only: bool,
    /// Paid (finished) ones too.
    pub include_done: bool,
    pub search: Option<String>,
    pub limit: Option<u32>,
}

#[cfg(test)]
mod tests;
