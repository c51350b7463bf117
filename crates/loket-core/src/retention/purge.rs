//! The writes of retention: purge rows first (one transaction), then the
//! files of every content no unpurged row uses any more, each batch under
//! the write lock so that a document being added with the same bytes either
//! lands before (and the files stay) or after (and writes them again, see
//! `documents::add_bytes`).

use super::plan::plan_with_days;
use super::{PurgeItem, RULE};
use crate::documents::{self, DocFormat};
use crate::error::{LoketError, Result};
use crate::Desk;
use rusqlite::{params, Connection, TransactionBehavior};
use std::path::Path;

/// Contents whose files are deleted per transaction: the write lock is held
/// for a few file deletions at a time, never for a whole run.
const BATCH: usize = 64;

/// Records a purge for every document past its period; returns them.
pub(super) fn record(
    conn: &mut Connection,
    days: u32,
    now_ms: i64,
    operator: &str,
) -> Result<Vec<PurgeItem>> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let items = plan_with_days(&tx, days, now_ms)?;
    {
        let mut insert = tx.prepare_cached(
            "INSERT INTO document_purges (document_id, purged_at, rule, days, clock_from, operator)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for item in &items {
            insert.execute(params![
                item.document_id,
                now_ms,
                RULE,
                days,
                item.clock_from,
                operator
            ])?;
        }
    }
    tx.commit()?;
    Ok(items)
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
}

/// A content every row of which is purged, with files perhaps still on disk.
struct Pending {
    sha256: String,
    format: DocFormat,
    pages: u32,
    upto_purge_id: i64,
}

/// Contents whose rows are all purged and whose newest purge is later than
/// their last recorded file deletion (`only`: one content, rechecked under
/// the lock).
fn pending(conn: &Connection, only: Option<&str>) -> Result<Vec<Pending>> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.sha256, d.format, max(d.pages), max(p.id) AS upto
         FROM document_purges p JOIN documents d ON d.id = p.document_id
         WHERE ?1 IS NULL OR d.sha256 = ?1
         GROUP BY d.sha256, d.format
         HAVING upto > coalesce((SELECT max(f.upto_purge_id) FROM document_file_deletions f
                                 WHERE f.sha256 = d.sha256), 0)
            AND NOT EXISTS (SELECT 1 FROM documents o WHERE o.sha256 = d.sha256
                              AND NOT EXISTS (SELECT 1 FROM document_purges q
                                              WHERE q.document_id = o.id))
         ORDER BY upto",
    )?;
    let rows = stmt.query_map(params![only], |r| {
        let format: String = r.get(1)?;
        Ok((r.get::<_, String>(0)?, format, r.get(2)?, r.get(3)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (sha256, format, pages, upto_purge_id) = row?;
        // Rows whose format a newer build wrote are left alone, not guessed at.
        if let Some(format) = DocFormat::from_word(&format) {
            out.push(Pending {
                sha256,
                format,
                pages,
                upto_purge_id,
            });
        }
    }
    Ok(out)
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

/// Deletes the files of every content whose rows are all purged, and records
/// each deletion. A content whose files cannot all be deleted (one held open
/// by another program, a refused permission) is left unrecorded, counted in
/// `left` with the first error, and retried by the next run; the others go on.
pub(super) fn delete_files(desk: &mut Desk, now_ms: i64) -> Result<Deleted> {
    let dir = desk.dir().to_path_buf();
    let todo = pending(desk.conn(), None)?;
    let mut done = Deleted::default();
    for batch in todo.chunks(BATCH) {
        let tx = desk
            .conn_mut()
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        for content in batch {
            // Again under the lock: a document with these bytes may have been
            // added since the list was read.
            let Some(now) = pending(&tx, Some(&content.sha256))?.pop() else {
                continue;
            };
            let mut these = Deleted::default();
            let failed = documents::stored_files(&dir, &now.sha256, now.format, now.pages)
                .iter()
                .map(|path| delete(path, &mut these))
                .filter_map(Result::err)
                .next();
            done.files += these.files;
            done.bytes += these.bytes;
            if let Some(err) = failed {
                done.left += 1;
                done.error.get_or_insert(err);
                continue;
            }
            tx.execute(
                "INSERT INTO document_file_deletions (sha256, upto_purge_id, deleted_at, files, bytes)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    now.sha256,
                    now.upto_purge_id,
                    now_ms,
                    these.files,
                    i64::try_from(these.bytes).unwrap_or(i64::MAX)
                ],
            )?;
            done.contents += 1;
        }
        tx.commit()?;
    }
    Ok(done)
}

/// The number of contents whose files still wait for deletion.
#[cfg(test)]
pub(super) fn waiting(conn: &Connection) -> Result<usize> {
    Ok(pending(conn, None)?.len())
}
