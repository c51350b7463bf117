//! The access-log screen and `loket-cli audit` (supervisor only): reading
//! the log is itself logged; prints the page makes itself are logged before
//! their dialog opens.

use crate::actor::Actor;
use crate::audit::{self, Action, ChainReport, LogFilter, LogRow};
use crate::error::{ErrorCode, Result};
use crate::words::impl_words;
use crate::Desk;
use strum::{EnumString, IntoStaticStr, VariantArray};

/// The entries that match, newest first. The first page of a reading is
/// logged (`log_dibaca`, with the filter); the pages after it are not.
pub fn list(desk: &mut Desk, by: &Actor, filter: &LogFilter, now_ms: i64) -> Result<Vec<LogRow>> {
    by.require_supervisor("membaca log akses")?;
    super::immediate(desk.db(), |tx| {
        let rows = audit::list(tx, filter)?;
        if filter.before_id.is_none() {
            audit::record_by(tx, by, now_ms, Action::LogDibaca, None, &describe(filter))?;
        }
        Ok(rows)
    })
}

/// What a reading asked for, in the log's own words (no NIK: the filter
/// holds registration numbers, operator names and a day).
fn describe(filter: &LogFilter) -> String {
    [
        filter.reg_no.as_deref().map(|r| format!("permohonan {r}")),
        filter.operator.as_deref().map(|o| format!("operator {o}")),
        filter.day.as_deref().map(|d| format!("tanggal {d}")),
    ]
    .into_iter()
    .flatten()
    .filter(|t| !t.trim().is_empty())
    .collect::<Vec<_>>()
    .join(", ")
}

/// Checks the hash chain.
pub fn verify(desk: &Desk, by: &Actor) -> Result<ChainReport> {
    by.require_supervisor("memeriksa log akses")?;
    audit::verify(desk.db())
}

/// What a print the page makes itself is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, IntoStaticStr, EnumString, VariantArray)]
pub enum PagePrint {
    /// The daily recap.
    #[strum(serialize = "rekap")]
    Recap,
    /// The day's POS KETANMU hand-over list.
    #[strum(serialize = "serah_terima")]
    Handover,
}

impl_words!(PagePrint, ErrorCode::MasukanTidakValid, "Jenis cetakan");

/// A print the page makes itself, logged before the print dialog opens.
pub fn printed(desk: &Desk, by: &Actor, kind: PagePrint, detail: &str, now_ms: i64) -> Result<()> {
    let action = match kind {
        PagePrint::Recap => Action::RekapDicetak,
        PagePrint::Handover => Action::SerahTerimaDicetak,
    };
    let detail: String = detail.chars().take(200).collect();
    audit::record_by(desk.db(), by, now_ms, action, None, &detail)
}
