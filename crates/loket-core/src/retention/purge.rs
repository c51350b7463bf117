//! The writes of retention: purge rows first (short transactions of a few
//! hundred rows, each document checked again under the write lock), then the
//! files of every content no unpurged row uses any more, each batch under the
//! write lock so that a document being added with the same bytes either
//! lands before (and the files stay) or after (and writes them again, see
//! `documents::add_bytes`), then one row for the run. The write lock is never
//! held for long: the app's operators keep working during a first run that
//! purges a year of photos.
//!
//! The files are the desk's document store (`documents/files.rs`): the data
//! folder's files on a single desk; in office mode the office database's
//! `document_files` rows, deleted in the same transaction that records
//! their deletion, and this desk's cached copies.

use super::plan::{due, still_due, users};
use super::{PurgeItem, RULE};
use crate::db::Db;
use crate::documents::DocFormat;
use crate::error::{LoketError, Result};
use crate::sql_params;
use crate::Desk;
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// How long one transaction may hold the write lock before it commits and
/// lets the app's writes through (they wait up to 5 s).
const LOCK_SLICE: Duration = Duration::from_millis(100);

/// Records a purge for every document past its period; returns them, with
/// `deletes_files` saying whether their bytes are now unused.
pub(super) fn record(db: Db<'_>, days: u32, now_ms: i64, operator: &str) -> Result<Vec<PurgeItem>> {
    // Read without the lock; each one is checked again under it.
    let candidates = due(db, days, now_ms)?;
    let mut purged = Vec::with_capacity(candidates.len());
    let mut rest = candidates.iter().peekable();
    while rest.peek().is_some() {
        db.write(|tx| {
            let started = Instant::now();
            while let Some(candidate) = rest.next_if(|_| started.elapsed() < LOCK_SLICE) {
                let Some(item) = still_due(tx, candidate.document_id, days, now_ms)? else {
                    continue;
                };
                tx.execute(
                    "INSERT INTO document_purges (document_id, purged_at, rule, days, clock_from, operator)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    sql_params![item.document_id, now_ms, RULE, days, item.clock_from, operator],
                )?;
                purged.push(item);
            }
            Ok(())
        })?;
    }
    let mut unused: HashMap<String, bool> = HashMap::new();
    for item in &mut purged {
        let goes = match unused.get(&item.sha256) {
            Some(g) => *g,
            None => {
                let g = users(db, &item.sha256)? == 0;
                unused.insert(item.sha256.clone(), g);
                g
            }
        };
        item.deletes_files = goes;
    }
    Ok(purged)
}

/// What [`delete_files`] removed.
#[derive(Debug, Default)]
pub(super) struct Deleted {
    pub(super) contents: u32,
    pub(super) files: u32,
    pub(super) bytes: u64,
    /// Contents whose files could not all be deleted this time.
    pub(super) left: u32,
    /// The first such failure.
    pub(super) error: Option<LoketError>,
    /// Every purge up to this id was dealt with.
    pub(super) handled_upto: i64,
}

/// A content with purges newer than the last finished run.
struct Candidate {
    sha256: String,
    first_purge: i64,
    last_purge: i64,
}

fn handled_upto(db: Db<'_>) -> Result<i64> {
    db.value(
        "SELECT coalesce(max(handled_upto), 0) FROM retention_runs",
        &[],
    )
}

/// The purges drive the query (SQLite walks only those newer than `after`).
fn candidates(db: Db<'_>, after: i64) -> Result<Vec<Candidate>> {
    let sql = format!(
        "SELECT d.sha256, min(p.id), max(p.id)
         FROM document_purges p {join} documents d ON d.id = p.document_id
         WHERE p.id > ?1 GROUP BY d.sha256 ORDER BY min(p.id)",
        join = db.join_in_order()
    );
    db.query_all(&sql, sql_params![after], |r| {
        Ok(Candidate {
            sha256: r.get(0)?,
            first_purge: r.get(1)?,
            last_purge: r.get(2)?,
        })
    })
}

/// A content whose rows are all purged and whose files were not deleted
/// since its newest purge: its format, pages and newest purge id.
fn deletable(db: Db<'_>, sha256: &str) -> Result<Option<(DocFormat, u32, i64)>> {
    // Aggregates without GROUP BY: one row, with no format when no row of
    // the content is left. The rows of one content share its format.
    let row = db.query_opt(
        "SELECT min(d.format), max(d.pages), count(*) - count(d.purged_at), max(p.id)
         FROM documents d LEFT JOIN document_purges p ON p.document_id = d.id
         WHERE d.sha256 = ?1",
        sql_params![sha256],
        |r| {
            Ok((
                r.get::<Option<String>>(0)?,
                r.get::<Option<u32>>(1)?,
                r.get::<i64>(2)?,
                r.get::<Option<i64>>(3)?,
            ))
        },
    )?;
    let Some((Some(format), Some(pages), 0, Some(newest))) = row else {
        return Ok(None);
    };
    let deleted: i64 = db.value(
        "SELECT coalesce(max(upto_purge_id), 0) FROM document_file_deletions WHERE sha256 = ?1",
        sql_params![sha256],
    )?;
    // Rows whose format a newer build wrote are left alone, not guessed at.
    Ok(format
        .parse::<DocFormat>()
        .ok()
        .filter(|_| deleted < newest)
        .map(|f| (f, pages, newest)))
}

/// Deletes the files of every content whose rows are all purged, looking at
/// the purges since the last finished run, and records each deletion. A
/// content whose files cannot all be deleted (one held open by another
/// program, a refused permission) is left unrecorded, counted in `left` with
/// the first error, and retried by the next run; the others go on.
pub(super) fn delete_files(desk: &Desk, now_ms: i64) -> Result<Deleted> {
    let db = desk.db();
    let after = handled_upto(db)?;
    let todo = candidates(db, after)?;
    let mut done = Deleted {
        handled_upto: todo.iter().map(|c| c.last_purge).max().unwrap_or(after),
        ..Deleted::default()
    };
    let mut first_failed: Option<i64> = None;
    let mut rest = todo.iter().peekable();
    while rest.peek().is_some() {
        db.write(|tx| {
            let started = Instant::now();
            while let Some(content) = rest.next_if(|_| started.elapsed() < LOCK_SLICE) {
                // Under the lock: a document with these bytes may have been
                // added since, and another run may have deleted them already.
                let Some((format, pages, newest)) = deletable(tx, &content.sha256)? else {
                    continue;
                };
                let these = desk.delete_content_files(&content.sha256, format, pages)?;
                done.files += these.files;
                done.bytes += these.bytes;
                if let Some(err) = these.error {
                    done.left += 1;
                    done.error.get_or_insert(err);
                    first_failed = Some(
                        first_failed.map_or(content.first_purge, |f| f.min(content.first_purge)),
                    );
                    continue;
                }
                tx.execute(
                    "INSERT INTO document_file_deletions (sha256, upto_purge_id, deleted_at, files, bytes)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    sql_params![
                        &content.sha256,
                        newest,
                        now_ms,
                        these.files,
                        i64::try_from(these.bytes).unwrap_or(i64::MAX)
                    ],
                )?;
                done.contents += 1;
            }
            Ok(())
        })?;
    }
    if let Some(first) = first_failed {
        // The next run looks again from the first content that failed.
        done.handled_upto = first - 1;
    }
    Ok(done)
}

/// Records a finished run.
pub(super) fn finish(db: Db<'_>, report: &super::RetentionReport, handled_upto: i64) -> Result<()> {
    db.execute(
        "INSERT INTO retention_runs (at, operator, days, purged, contents_deleted, files_deleted,
                                     bytes_freed, contents_left, handled_upto)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        sql_params![
            report.now_ms,
            &report.operator,
            report.days,
            i64::try_from(report.purged.len()).unwrap_or(i64::MAX),
            report.contents_deleted,
            report.files_deleted,
            i64::try_from(report.bytes_freed).unwrap_or(i64::MAX),
            report.contents_left,
            handled_upto
        ],
    )?;
    Ok(())
}

/// The number of contents whose files still wait for deletion.
#[cfg(test)]
pub(super) fn waiting(db: Db<'_>) -> Result<usize> {
    let after = handled_upto(db)?;
    let mut n = 0;
    for c in candidates(db, after)? {
        if deletable(db, &c.sha256)?.is_some() {
            n += 1;
        }
    }
    Ok(n)
}
