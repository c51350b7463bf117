//! The request types shared by the core, the CLI's JSON and the UI.
//!
//! These structs are serialised as they are across the IPC boundary and by
//! `loket-cli --json`; TypeScript declarations are generated from them
//! (`bindings.rs`), so the UI cannot drift from the core unnoticed.

use crate::error::ErrorCode;
use crate::ident::IdCheck;
use crate::words::impl_words;
use serde::{Deserialize, Serialize};
use strum::{Display, EnumString, IntoStaticStr, VariantArray};
use ts_rs::TS;

/// Where a request is in its lifecycle. See `lifecycle.rs` for the moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[derive(IntoStaticStr, EnumString, VariantArray, Display)]
#[strum(serialize_all = "snake_case")]
pub enum Status {
    Received,
    Verifying,
    WaitingCitizen,
    Done,
    Replied,
}

/// What the operator concluded when a request reached `done`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[derive(IntoStaticStr, EnumString, VariantArray, Display)]
#[strum(serialize_all = "snake_case")]
pub enum Outcome {
    /// NIK updated in SIAK.
    Updated,
    /// Updated; banks and BPJS see it after 3×24 hours (their copy syncs separately).
    UpdatedPendingSync,
    /// Duplicate NIK: escalated.
    DuplicateNik,
    /// No biometric recording yet: the citizen must come in.
    NotRecorded,
    /// The documents disagree.
    DataMismatch,
    /// Documents missing or unreadable: ask for a re-send.
    ResendNeeded,
}

/// Why the citizen's NIK was rejected, as the citizen tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[derive(IntoStaticStr, EnumString, VariantArray, Display)]
#[strum(serialize_all = "snake_case")]
pub enum Category {
    Bpjs,
    Bank,
    School,
    Sim,
    VoterList,
    Other,
}

impl_words!(Status, ErrorCode::StatusTidakDikenal, "Status");
impl_words!(Outcome, ErrorCode::HasilTidakDikenal, "Hasil");
impl_words!(Category, ErrorCode::KategoriTidakDikenal, "Kategori");

impl Status {
    /// Open requests are the operator's work: the queue's "Aktif" view.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            Status::Received | Status::Verifying | Status::WaitingCitizen
        )
    }
}

/// What an operator types to register a request.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct NewRequest {
    pub name: String,
    pub phone: String,
    #[serde(default)]
    pub nik: Option<String>,
    #[serde(default)]
    pub kk: Option<String>,
    #[serde(default)]
    pub category: Option<Category>,
    #[serde(default)]
    pub problem: Option<String>,
}

/// A stored request of the NIK-validation service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Request {
    pub id: i64,
    /// Human-readable, unique, sequential per day: `VN-251126-0007`.
    pub reg_no: String,
    pub name: String,
    /// E.164: `+628123456789`.
    pub phone: String,
    pub nik: Option<String>,
    pub kk: Option<String>,
    pub category: Category,
    pub problem: String,
    pub status: Status,
    pub outcome: Option<Outcome>,
    /// Milliseconds since the Unix epoch (UTC); shown in WIB.
    pub received_at: i64,
    pub updated_at: i64,
    /// The operator who registered it.
    pub operator: String,
}

/// One append-only lifecycle event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Event {
    pub at: i64,
    pub operator: String,
    pub from_status: Option<Status>,
    pub to_status: Status,
    pub outcome: Option<Outcome>,
    pub note: String,
}

/// A request with its history and the checks of its numbers.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RequestDetail {
    pub request: Request,
    pub events: Vec<Event>,
    pub nik_check: Option<IdCheck>,
    pub kk_check: Option<IdCheck>,
    /// The moves the state machine allows from the current status.
    pub next: Vec<Status>,
}

/// Which slice of the queue to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum QueueView {
    /// Open requests, most urgent (oldest received) first.
    #[default]
    Active,
    /// Every request, newest first.
    All,
}

/// A queue or search query.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct ListQuery {
    #[serde(default)]
    pub search: Option<String>,
    #[serde(default)]
    pub status: Option<Status>,
    #[serde(default)]
    pub view: QueueView,
    #[serde(default)]
    pub limit: Option<u32>,
}

/// One page of the queue.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RequestPage {
    pub items: Vec<Request>,
    /// More rows match than were returned.
    pub has_more: bool,
}
