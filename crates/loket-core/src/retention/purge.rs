//! The writes of retention: purge rows first (short transactions of a few
//! hundred rows, each document checked again under the write lock), then the
//! files of every content no unpurged row uses any more, each batch under the
//! write lock so that a document being added with the same bytes either
//! lands before (and the files stay) or after (and writes them again, see
//! `documents::add_bytes`), then one row for the run. The write lock is never
//! held for long: the app's operators keep working during a first run that
//! purges a year of photos.

use super::plan::{due, still_due, users};
use super::{PurgeItem, RULE};
use crate::documents::{self, DocFormat};
use crate::error::{LoketError, Result};
use crate::Desk;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

/// How long one transaction may hold the write lock before it commits and
/// lets the app's writes through (they wait up to 5 s).
const LOCK_SLICE: Duration = Duration::from_millis(100);

/// Records a purge for every document past its period; returns them, with
/// `deletes_files` saying whether their bytes are now unused.
pub(super) fn record(
    conn: &mut Connection,
    days: u32,
    now_ms: i64,
    operator: &str,
) -> Result<Vec<PurgeItem>> {
    // Read without the lock; each one is checked again under it.
    let candidates = due(conn, days, now_ms)?;
    let mut purged = Vec::with_capacity(candidates.len());
    let mut rest = candidates.iter().peekable();
    while rest.peek().is_some() {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let started = Instant::now();
        {
            let mut insert = tx.prepare_cached(
                "INSERT INTO document_purges (document_id, purged_at, rule, days, clock_from, operator)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            while let Some(candidate) = rest.next_if(|_| started.elapsed() < LOCK_SLICE) {
                let Some(item) = still_due(&tx, candidate.document_id, days, now_ms)? else {
                    continue;
                };
                insert.execute(params![
                    item.document_id,
                    now_ms,
                    RULE,
                    days,
                    item.clock_from,
                    operator
                ])?;
                purged.push(item);
            }
        }
        tx.commit()?;
    }
    let mut unused: HashMap<String, bool> = HashMap::new();
    for item in &mut purged {
        let goes = match unused.get(&item.sha256) {
            Some(g) => *g,
            None => {
                let g = users(conn, &item.sha256)? == 0;
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

fn handled_upto(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT coalesce(max(handled_upto), 0) FROM retention_runs",
        [],
        |r| r.get(0),
    )?)
}

fn candidates(conn: &Connection, after: i64) -> Result<Vec<Candidate>> {
    let mut stmt = conn.prepare(
        "SELECT d.sha256, min(p.id), max(p.id)
         FROM document_purges p CROSS JOIN documents d ON d.id = p.document_id
         WHERE p.id > ?1 GROUP BY d.sha256 ORDER BY min(p.id)",
    )?;
    let rows = stmt.query_map([after], |r| {
        Ok(Candidate {
            sha256: r.get(0)?,
            first_purge: r.get(1)?,
            last_purge: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A content whose rows are all purged and whose files were not deleted
/// since its newest purge: its format, pages and newest purge id.
fn deletable(conn: &Connection, sha256: &str) -> Result<Option<(DocFormat, u32, i64)>> {
    let row: Option<(String, u32, i64, i64)> = conn
        .prepare_cached(
            "SELECT d.format, max(d.pages), count(*) - count(d.purged_at), max(p.id)
             FROM documents d LEFT JOIN document_purges p ON p.document_id = d.id
             WHERE d.sha256 = ?1 HAVING count(*) > 0",
        )?
        .query_row([sha256], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .optional()?;
    let Some((format, pages, unpurged, newest)) = row else {
        return Ok(None);
    };
    if unpurged > 0 {
        return Ok(None);
    }
    let deleted: i64 = conn
        .prepare_cached(
            "SELECT coalesce(max(upto_purge_id), 0) FROM document_file_deletions WHERE sha256 = ?1",
        )?
        .query_row([sha256], |r| r.get(0))?;
    // Rows whose format a newer build wrote are left alone, not guessed at.
    Ok(format
        .parse::<DocFormat>()
        .ok()
        .filter(|_| deleted < newest)
        .map(|f| (f, pages, newest)))
}

/// Deletes one file; a file already gone counts as nothing.
fn delete(path: &Path, done: &mut Deleted) -> Result<()> {
    let len = match std::fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io(&e, path)),
    };
    match std::fs::remove_file(path) {
        Ok(()) => {
            done.files += 1;
            done.bytes += len;
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io(&e, path)),
    }
}

fn io(err: &std::io::Error, path: &Path) -> LoketError {
    LoketError::from_io(
        err,
        &format!("penghapusan berkas dokumen {}", path.display()),
    )
}

/// Deletes the files of every content whose rows are all purged, looking at
/// the purges since the last finished run, and records each deletion. A
/// content whose files cannot all be deleted (one held open by another
/// program, a refused permission) is left unrecorded, counted in `left` with
/// the first error, and retried by the next run; the others go on.
pub(super) fn delete_files(desk: &mut Desk, now_ms: i64) -> Result<Deleted> {
    let dir = desk.dir().to_path_buf();
    let after = handled_upto(desk.conn()?)?;
    let todo = candidates(desk.conn()?, after)?;
    let mut done = Deleted {
        handled_upto: todo.iter().map(|c| c.last_purge).max().unwrap_or(after),
        ..Deleted::default()
    };
    let mut first_failed: Option<i64> = None;
    let mut rest = todo.iter().peekable();
    while rest.peek().is_some() {
        let tx = desk
            .conn_mut()?
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let started = Instant::now();
        while let Some(content) = rest.next_if(|_| started.elapsed() < LOCK_SLICE) {
            // Under the lock: a document with these bytes may have been added
            // since, and another run may have deleted them already.
            let Some((format, pages, newest)) = deletable(&tx, &content.sha256)? else {
                continue;
            };
            let mut these = Deleted::default();
            let failed = documents::stored_files(&dir, &content.sha256, format, pages)
                .iter()
                .map(|path| delete(path, &mut these))
                .filter_map(Result::err)
                .next();
            done.files += these.files;
            done.bytes += these.bytes;
            if let Some(err) = failed {
                done.left += 1;
                done.error.get_or_insert(err);
                first_failed =
                    Some(first_failed.map_or(content.first_purge, |f| f.min(content.first_purge)));
                continue;
            }
            tx.execute(
                "INSERT INTO document_file_deletions (sha256, upto_purge_id, deleted_at, files, bytes)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    content.sha256,
                    newest,
                    now_ms,
                    these.files,
                    i64::try_from(these.bytes).unwrap_or(i64::MAX)
                ],
            )?;
            done.contents += 1;
        }
        tx.commit()?;
    }
    if let Some(first) = first_failed {
        // The next run looks again from the first content that failed.
        done.handled_upto = first - 1;
    }
    Ok(done)
}

/// Records a finished run.
pub(super) fn finish(
    conn: &Connection,
    report: &super::RetentionReport,
    handled_upto: i64,
) -> Result<()> {
    conn.execute(
        "INSERT INTO retention_runs (at, operator, days, purged, contents_deleted, files_deleted,
                                     bytes_freed, contents_left, handled_upto)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            report.now_ms,
            report.operator,
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
pub(super) fn waiting(conn: &Connection) -> Result<usize> {
    let after = handled_upto(conn)?;
    let mut n = 0;
    for c in candidates(conn, after)? {
        if deletable(conn, &c.sha256)?.is_some() {
            n += 1;
        }
    }
    Ok(n)
}
