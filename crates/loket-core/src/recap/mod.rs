//! The daily recap (rekap harian, the office's buku harian): every request
//! received on the chosen WIB days with its times, outcome, operator and time
//! promise, and the totals a supervisor reports upward: per outcome, per
//! category, per operator, the share met within the promise, the median and
//! the 90th percentile of office time to outcome.
//!
//! Why it works like this:
//!
//! - **A day's requests are the ones received that day** (WIB), as the
//!   registration numbers are: the recap of 25-11 lists `VN-251125-*`, each
//!   with its outcome as of `now_ms` (finished later, or still open).
//! - **One pass, streamed.** `read.rs` runs one query over the range's
//!   requests joined to their events, ordered by (received, request, event),
//!   and hands each finished row to a callback: [`daily`] collects them for
//!   the screen and JSON, while the CSV/XLSX exports write each row as it
//!   comes, so a one-year export never holds the year in memory.
//! - **Merged re-sends are listed but not counted as work.** A request merged
//!   into another (`duplicates`, table `request_merges`) was closed as `done`
//!   without an outcome; counting it would add a request and, since merging
//!   is quick, flatter the promise. Its row says where it went
//!   (`merged_into`), has no `sla_met`, and the totals count it only in
//!   `merged`: `total = merged + counted`, and every other total (outcome,
//!   category, operator, open, the SLA report) is over the counted requests.
//! - **The operator of a row** is the one who recorded the outcome (the first
//!   `done`); until then, the one who registered it.
//! - **NIKs are masked** (`ident::mask_number`) unless `full_nik` is asked,
//!   and the recap says which it is (`full_nik`), so prints and exports can
//!   warn that they carry full numbers.
//! - **Ranges are bounded**: `from <= to`, at most 366 days (a year, leap or
//!   not), refused with `masukan_tidak_valid` before anything is read.

mod export;
mod read;
mod totals;
mod xlsx;

pub use export::{export_csv, write_csv};
pub use xlsx::{export_xlsx, XLSX_MAX_ROWS};

use crate::clock;
use crate::db::Db;
use crate::error::{ErrorCode, LoketError, Result};
use crate::model::{Category, Outcome, Status};
use crate::office::{self, OfficeProfile};
use crate::sla::{self, SlaReport, SlaSettings};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The longest range a recap covers, in days.
pub const MAX_DAYS: i64 = 366;

/// What the caller chooses about a recap.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct RecapOptions {
    /// Show NIKs in full (personal data: only when needed).
    pub full_nik: bool,
}

/// One request in the recap.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RecapRow {
    pub reg_no: String,
    pub received_at: i64,
    /// The first `done` (the outcome, or the merge of a re-send); `None` while open.
    pub finished_at: Option<i64>,
    /// The first `replied`.
    pub replied_at: Option<i64>,
    pub name: String,
    /// Masked (`351602******0003`) unless the recap was asked with `full_nik`.
    pub nik: Option<String>,
    pub category: Category,
    pub status: Status,
    pub outcome: Option<Outcome>,
    /// Who recorded the outcome; before that, who registered the request.
    pub operator: String,
    /// Office time counted by the SLA clock (to the outcome, or to `now` while open).
    pub sla_elapsed_ms: i64,
    /// `Some(true)`: finished within the promise; `Some(false)`: finished
    /// late, or still open and already past it; `None`: open and still in
    /// time, or a merged re-send (not judged).
    pub sla_met: Option<bool>,
    /// The request this one was merged into as a re-send (not counted in totals).
    pub merged_into: Option<String>,
}

/// Requests with one outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct OutcomeCount {
    pub outcome: Outcome,
    pub count: u32,
}

/// Requests of one category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct CategoryCount {
    pub category: Category,
    pub count: u32,
}

/// One operator's requests (see [`RecapRow::operator`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OperatorCount {
    pub operator: String,
    pub total: u32,
    pub finished: u32,
    /// Finished within the promise.
    pub met: u32,
}

/// Everything about a recap except its rows: what the exports write after
/// streaming the rows, and the head of [`Recap`].
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RecapSummary {
    #[ts(type = "string")]
    pub from: NaiveDate,
    #[ts(type = "string")]
    pub to: NaiveDate,
    pub generated_at: i64,
    /// NIKs are shown in full.
    pub full_nik: bool,
    pub office: OfficeProfile,
    /// The promise the SLA figures are measured against, in office minutes.
    pub target_minutes: u32,
    /// Requests received in the range (rows), merged re-sends included.
    pub total: u32,
    /// Re-sends merged into another request: listed, not counted below.
    pub merged: u32,
    /// Still open as of `generated_at` (counted requests).
    pub open: u32,
    /// Every outcome, in the fixed order, zeros included.
    pub by_outcome: Vec<OutcomeCount>,
    /// Every category, in the fixed order, zeros included.
    pub by_category: Vec<CategoryCount>,
    /// Operators by name.
    pub by_operator: Vec<OperatorCount>,
    /// Over the counted requests.
    pub sla: SlaReport,
}

/// The recap of a range of WIB days.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Recap {
    #[serde(flatten)]
    pub summary: RecapSummary,
    /// By time received.
    pub rows: Vec<RecapRow>,
    /// POS KETANMU deliveries registered in the range.
    pub deliveries: crate::delivery::totals::DeliveryTotals,
    /// Complaints received in the range.
    pub complaints: crate::complaints::ComplaintTotals,
}

fn invalid(message: String) -> LoketError {
    LoketError::new(ErrorCode::MasukanTidakValid, message)
}

/// The UTC half-open interval `[start, end)` of the WIB days `from..=to`
/// ([`clock::range_ms`]), or a refusal: `to` before `from`, or more than
/// [`MAX_DAYS`] days.
pub fn range_ms(from: NaiveDate, to: NaiveDate) -> Result<(i64, i64)> {
    let days = (to - from).num_days() + 1;
    if days > MAX_DAYS {
        return Err(invalid(format!(
            "Rentang rekap {days} hari terlalu panjang: paling lama {MAX_DAYS} hari. \
             Bagi menjadi beberapa rekap."
        )));
    }
    clock::range_ms(from, to)
}

/// Streams the rows of `from..=to` to `each`, in the order received, and
/// returns the totals: the one pass behind [`daily`] and the exports.
pub fn for_each_row<'c>(
    db: impl Into<Db<'c>>,
    from: NaiveDate,
    to: NaiveDate,
    opts: RecapOptions,
    now_ms: i64,
    mut each: impl FnMut(RecapRow) -> Result<()>,
) -> Result<RecapSummary> {
    let db = db.into();
    let (start, end) = range_ms(from, to)?;
    let settings: SlaSettings = sla::load_settings(db)?;
    let office = office::load(db)?;
    let mut tally = totals::Tally::default();
    read::walk(db, start, end, opts, &settings, now_ms, |row| {
        tally.add(&row);
        each(row)
    })?;
    Ok(tally.finish(&settings, from, to, opts, office, now_ms))
}

/// An exported recap file: where it went and what it holds.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RecapFile {
    pub file: String,
    pub summary: RecapSummary,
}

/// The recap of the WIB days `from..=to` (inclusive) as of `now_ms`.
pub fn daily<'c>(
    db: impl Into<Db<'c>>,
    from: NaiveDate,
    to: NaiveDate,
    opts: RecapOptions,
    now_ms: i64,
) -> Result<Recap> {
    let db = db.into();
    let mut rows = Vec::new();
    let summary = for_each_row(db, from, to, opts, now_ms, |row| {
        rows.push(row);
        Ok(())
    })?;
    let (start, end) = range_ms(from, to)?;
    Ok(Recap {
        summary,
        rows,
        deliveries: crate::delivery::totals::totals(db, start, end, now_ms)?,
        complaints: crate::complaints::totals(db, start, end, now_ms)?,
    })
}

#[cfg(test)]
mod export_tests;
#[cfg(test)]
mod scenario;
#[cfg(test)]
mod tests;
