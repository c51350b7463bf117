//! Which documents are past their retention period: one read over the
//! unpurged documents (their own partial index, so a daily run does not
//! walk years of purged rows) of closed requests, then, per content, whether
//! every row that uses the same bytes goes too (only then do the files go).

use super::{PurgeItem, DAY_MS};
use crate::db::{Db, Row};
use crate::documents::{DocFormat, DocKind};
use crate::error::{ErrorCode, LoketError, Result};
use crate::model::Status;
use crate::sql_params;
use std::collections::HashMap;
use strum::VariantArray;

/// `'done','replied'`: the statuses in which a request is closed, from the
/// lifecycle itself, so a status added later is classified where it is defined.
fn closed_statuses() -> String {
    Status::VARIANTS
        .iter()
        .filter(|s| !s.is_open())
        .map(|s| format!("'{}'", s.as_str()))
        .collect::<Vec<_>>()
        .join(",")
}

/// The query of due documents from `from` (the unpurged index for all of
/// them, the table for one id), narrowed by `filter` (`AND d.id = ?2`).
///
/// A request's close is its latest move from an open status into a closed
/// one (a merge into a closed request records closed -> closed, which is not
/// a close); `updated_at` stands in when no event says it. A document's
/// clock starts at the latest of the close, its arrival, and its move onto
/// the request. The unpurged documents drive the query (`join` keeps that
/// order on SQLite, [`Db::join_in_order`]): the closed requests of years of
/// history are never walked.
fn due_sql(from: &str, join: &str, filter: &str) -> String {
    let closed = closed_statuses();
    format!(
        "WITH c AS MATERIALIZED (
           SELECT d.id, r.reg_no, d.kind, d.sha256, d.format, d.pages, d.bytes, d.added_at,
                  coalesce((SELECT max(e.at) FROM request_events e
                            WHERE e.request_id = r.id AND e.to_status IN ({closed})
                              AND (e.from_status IS NULL OR e.from_status NOT IN ({closed}))),
                           r.updated_at) AS closed_at,
                  coalesce((SELECT max(m.at) FROM document_moves m
                            WHERE m.document_id = d.id AND m.to_request_id = r.id), 0) AS moved_at
           FROM {from} {join} requests r ON r.id = d.request_id
           WHERE d.purged_at IS NULL AND r.status IN ({closed}) {filter}),
         k AS (
           SELECT id, reg_no, kind, sha256, format, pages, bytes, closed_at,
                  CASE WHEN closed_at >= added_at AND closed_at >= moved_at THEN closed_at
                       WHEN added_at >= moved_at THEN added_at
                       ELSE moved_at END AS clock_from
           FROM c)
         SELECT id, reg_no, kind, sha256, format, pages, bytes, closed_at, clock_from
         FROM k WHERE clock_from <= ?1
         ORDER BY clock_from, id"
    )
}

fn corrupt(what: &str) -> LoketError {
    LoketError::new(
        ErrorCode::BasisDataRusak,
        format!("{what} dokumen tidak dikenal."),
    )
}

fn row_to_item(r: &Row<'_>) -> Result<PurgeItem> {
    let kind: String = r.get(2)?;
    let format: String = r.get(4)?;
    let bytes: i64 = r.get(6)?;
    Ok(PurgeItem {
        document_id: r.get(0)?,
        reg_no: r.get(1)?,
        kind: DocKind::parse(&kind).map_err(|_| corrupt("Jenis"))?,
        sha256: r.get(3)?,
        format: format.parse::<DocFormat>().map_err(|_| corrupt("Format"))?,
        pages: r.get(5)?,
        bytes: u64::try_from(bytes).unwrap_or(0),
        closed_at: r.get(7)?,
        clock_from: r.get(8)?,
        deletes_files: false,
    })
}

/// The last moment a clock may have started to be due at `now_ms`.
fn cutoff(days: u32, now_ms: i64) -> i64 {
    now_ms.saturating_sub(i64::from(days).saturating_mul(DAY_MS))
}

/// The unpurged documents due at `now_ms`, without `deletes_files`.
pub(super) fn due(db: Db<'_>, days: u32, now_ms: i64) -> Result<Vec<PurgeItem>> {
    let from = format!("documents d {}", db.indexed_by("documents_unpurged"));
    db.query_all(
        &due_sql(&from, db.join_in_order(), ""),
        sql_params![cutoff(days, now_ms)],
        row_to_item,
    )
}

/// One document, if it is still unpurged and due (checked again under the
/// write lock before its purge is written).
pub(super) fn still_due(
    db: Db<'_>,
    document_id: i64,
    days: u32,
    now_ms: i64,
) -> Result<Option<PurgeItem>> {
    db.query_opt(
        &due_sql("documents d", db.join_in_order(), "AND d.id = ?2"),
        sql_params![cutoff(days, now_ms), document_id],
        row_to_item,
    )
}

/// How many unpurged documents use `sha256`.
pub(super) fn users(db: Db<'_>, sha256: &str) -> Result<i64> {
    db.value(
        "SELECT count(*) FROM documents WHERE sha256 = ?1 AND purged_at IS NULL",
        sql_params![sha256],
    )
}

/// Sets `deletes_files` on items not yet purged: their files go when no
/// other unpurged row uses the same bytes.
fn mark_deleting(db: Db<'_>, items: &mut [PurgeItem]) -> Result<()> {
    let mut planned: HashMap<String, i64> = HashMap::new();
    for item in items.iter() {
        *planned.entry(item.sha256.clone()).or_default() += 1;
    }
    let mut goes: HashMap<String, bool> = HashMap::new();
    for (sha, n) in planned {
        let others = users(db, &sha)? - n;
        goes.insert(sha, others <= 0);
    }
    for item in items.iter_mut() {
        item.deletes_files = goes.get(&item.sha256).copied().unwrap_or(false);
    }
    Ok(())
}

/// The documents past a period of `days` at `now_ms` and not yet purged,
/// oldest clock first. Reads only.
pub fn plan_with_days<'c>(db: impl Into<Db<'c>>, days: u32, now_ms: i64) -> Result<Vec<PurgeItem>> {
    let db = db.into();
    let mut items = due(db, days, now_ms)?;
    mark_deleting(db, &mut items)?;
    Ok(items)
}
