//! Photo retention: KK and KTP photos and PDFs are personal data the office
//! may keep only as long as its retention schedule allows (UU 27/2022). A set
//! number of days after a request closes, its documents' files (originals,
//! display copies, thumbnails) are deleted; the request, its checks, the
//! `documents` rows and their SHA-256 stay, so the record still says what was
//! received and when.
//!
//! - **When the clock starts.** A request is closed while its status is
//!   terminal (`done`, which includes merged re-sends, or `replied`); the
//!   clock starts at its latest move from an open status into `done`, so a
//!   request that is re-opened is not closed and starts again when it closes
//!   again. A document that arrived or was moved onto the request after it
//!   closed starts its own clock then (`clock_from`).
//! - **Shared files.** Files are content-addressed: the same bytes may be
//!   documents of several requests. Each document row is purged on its own
//!   schedule (the viewer stops showing it), but the files go only once every
//!   row using them is purged.
//! - **Crash-safe order.** The purge rows commit first, then files are
//!   deleted, each content under the write lock after checking again that no
//!   unpurged row uses it, and the deletion is recorded; a finished run is
//!   recorded last (`retention_runs`). A crash in between leaves files that
//!   the next run deletes: [`run`] is idempotent.
//! - **Scale.** Purged documents leave the `documents_unpurged` index, and a
//!   run looks only at purges newer than the last finished run, so the daily
//!   run reads the recent documents, not years of history
//!   (`benches/retention_backup.rs`). Writes go in short transactions.
//!
//! The period is a setting (`retention_days`, default 30, 1..=3650). Time is
//! an argument: `now_ms` decides what is past its period.

mod plan;
mod purge;

#[cfg(test)]
mod tests;

use crate::base::check_operator;
use crate::db::Db;
use crate::documents::{DocFormat, DocKind};
use crate::error::{ErrorCode, LoketError, Result};
use crate::settings;
use crate::Desk;
use serde::Serialize;
use ts_rs::TS;

pub use plan::plan_with_days;

/// The settings key of the retention period, in days.
pub const KEY_RETENTION_DAYS: &str = "retention_days";
/// The period when none was set.
pub const DEFAULT_DAYS: u32 = 30;
/// The shortest period a supervisor may set.
pub const MIN_DAYS: u32 = 1;
/// The longest period a supervisor may set (about ten years).
pub const MAX_DAYS: u32 = 3650;
/// The rule recorded with each purge.
pub const RULE: &str = "retention";

const DAY_MS: i64 = 86_400_000;

/// One document whose files are (or would be) deleted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PurgeItem {
    pub document_id: i64,
    /// The registration number of the request the document belongs to.
    pub reg_no: String,
    pub kind: DocKind,
    pub sha256: String,
    pub format: DocFormat,
    pub pages: u32,
    /// Size of the original file.
    pub bytes: u64,
    /// When the request closed (its latest move into `done`), UTC ms.
    pub closed_at: i64,
    /// When this document's period started: `closed_at`, or later when the
    /// document was added or moved onto the closed request afterwards.
    pub clock_from: i64,
    /// False when the same bytes are a document of a request still inside
    /// its period: the row is purged, the files stay until that one's turn.
    pub deletes_files: bool,
}

/// What [`run`] did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RetentionReport {
    /// The period applied.
    pub days: u32,
    pub now_ms: i64,
    pub operator: String,
    /// Documents purged by this run.
    pub purged: Vec<PurgeItem>,
    /// Contents (distinct SHA-256) whose files were deleted by this run,
    /// including those left behind by an interrupted earlier run.
    pub contents_deleted: u32,
    /// Files deleted (originals, display copies, thumbnails).
    pub files_deleted: u32,
    /// Bytes those files held.
    pub bytes_freed: u64,
    /// Contents whose files could not all be deleted (a file held open by
    /// another program, a refused permission): retried by the next run.
    pub contents_left: u32,
    /// Why, for the first of them.
    pub error: Option<LoketError>,
}

fn bad_days(what: &str) -> LoketError {
    LoketError::new(
        ErrorCode::MasaRetensiTidakValid,
        format!("Masa retensi tidak valid ({what}): isi jumlah hari {MIN_DAYS} sampai {MAX_DAYS}."),
    )
}

/// The retention period in days (the default when none was set). A stored
/// value out of range is refused rather than guessed: deleting photos under
/// a wrong period cannot be undone.
pub fn days<'c>(db: impl Into<crate::db::Db<'c>>) -> Result<u32> {
    match settings::get(db, KEY_RETENTION_DAYS)? {
        None => Ok(DEFAULT_DAYS),
        Some(v) => {
            let shown: String = v.chars().take(20).collect();
            let n: i64 = v.trim().parse().map_err(|_| bad_days(&shown))?;
            check_days(n)
        }
    }
}

/// Checks a period: a whole number of days in `MIN_DAYS..=MAX_DAYS`.
pub fn check_days(days: i64) -> Result<u32> {
    u32::try_from(days)
        .ok()
        .filter(|d| (MIN_DAYS..=MAX_DAYS).contains(d))
        .ok_or_else(|| bad_days(&days.to_string()))
}

/// Stores the retention period; a value out of range is refused and nothing
/// is written.
pub fn set_days<'c>(db: impl Into<crate::db::Db<'c>>, days: i64) -> Result<u32> {
    let days = check_days(days)?;
    settings::set(db, KEY_RETENTION_DAYS, &days.to_string())?;
    Ok(days)
}

/// The documents past their period and not yet purged, at `now_ms`, under
/// the stored period; oldest first. Reads only.
pub fn plan<'c>(db: impl Into<Db<'c>>, now_ms: i64) -> Result<Vec<PurgeItem>> {
    let db = db.into();
    plan_with_days(db, days(db)?, now_ms)
}

/// Purges every document past its period ([`plan`]) and deletes the files
/// no unpurged document uses any more, also those an interrupted earlier run
/// left behind. Running it again at the same moment changes nothing. In
/// office mode the files are the office database's (`document_files`) and
/// this desk's cached copies of them.
pub fn run(desk: &mut Desk, now_ms: i64, operator: &str) -> Result<RetentionReport> {
    let operator = check_operator(operator)?;
    let db = desk.db();
    let days = days(db)?;
    let purged = purge::record(db, days, now_ms, &operator)?;
    let deleted = purge::delete_files(desk, now_ms)?;
    let report = RetentionReport {
        days,
        now_ms,
        operator,
        purged,
        contents_deleted: deleted.contents,
        files_deleted: deleted.files,
        bytes_freed: deleted.bytes,
        contents_left: deleted.left,
        error: deleted.error,
    };
    purge::finish(db, &report, deleted.handled_upto)?;
    Ok(report)
}

/// When a document was purged under the retention rule, if it was.
pub fn purged_at<'c>(db: impl Into<crate::db::Db<'c>>, document_id: i64) -> Result<Option<i64>> {
    db.into().query_opt(
        "SELECT purged_at FROM document_purges WHERE document_id = ?1",
        crate::sql_params![document_id],
        |r| r.get(0),
    )
}
