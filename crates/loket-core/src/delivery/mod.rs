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

use crate::error::ErrorCode;
use crate::words::impl_words;
use serde::{Deserialize, Serialize};
use strum::{EnumString, IntoStaticStr, VariantArray};
use ts_rs::TS;

/// The registration series of deliveries.
pub const SERIES: &str = "PK";

/// The milestones of a delivery. The five promised steps end at
/// `Registered`, `Processed`, `HandedOver`, `Delivered` and `Paid`; a
/// failed delivery comes back (`Returned`) and is handed over again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[derive(IntoStaticStr, EnumString, VariantArray)]
#[strum(serialize_all = "snake_case")]
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
#[derive(IntoStaticStr, EnumString, VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum DocType {
    Kk,
    KtpEl,
    Kia,
    AktaKelahiran,
    AktaKematian,
    SuratPindah,
    Other,
}

impl_words!(Step, ErrorCode::MasukanTidakValid, "Langkah");
impl_words!(DocType, ErrorCode::MasukanTidakValid, "Jenis dokumen");

impl Step {
    /// The Indonesian words on screens and prints.
    pub fn label(self) -> &'static str {
        match self {
            Step::Registered => "Terdaftar",
            Step::Processed => "Diverifikasi dan diproses",
            Step::HandedOver => "Diserahkan ke petugas pos",
            Step::Delivered => "Diantar ke alamat",
            Step::Paid => "Diterima dan dibayar (COD)",
            Step::Failed => "Gagal diantar",
            Step::Returned => "Kembali ke kantor",
        }
    }

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

impl DocType {
    /// The Indonesian words on screens and prints.
    pub fn label(self) -> &'static str {
        match self {
            DocType::Kk => "KK",
            DocType::KtpEl => "KTP-el",
            DocType::Kia => "KIA",
            DocType::AktaKelahiran => "Akta kelahiran",
            DocType::AktaKematian => "Akta kematian",
            DocType::SuratPindah => "Surat pindah",
            DocType::Other => "Lainnya",
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
