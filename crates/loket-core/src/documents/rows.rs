//! The `documents` and `document_events` tables (migration 0002): reads,
//! and the writes, each one short `BEGIN IMMEDIATE` transaction that lands
//! the row change and its event together.

use super::{refuse, DocFormat, DocKind, Document};
use crate::error::{ErrorCode, LoketError, Result};
use crate::requests::get_by_reg_no;
use rusqlite::{params, Connection, OptionalExtension, Row, TransactionBehavior};
use serde_json::json;

const MAX_REASON: usize = 500;

const COLUMNS: &str = "d.id, r.reg_no, d.kind, d.sha256, d.format, d.width, d.height, d.pages, \
     d.bytes, d.file_name, d.added_at, d.operator";

fn bad(i: usize, e: LoketError) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
}

fn row_to_document(r: &Row<'_>) -> rusqlite::Result<Document> {
    let kind: String = r.get(2)?;
    let format: String = r.get(4)?;
    let bytes: i64 = r.get(8)?;
    Ok(Document {
        id: r.get(0)?,
        reg_no: r.get(1)?,
        kind: DocKind::parse(&kind).map_err(|e| bad(2, e))?,
        sha256: r.get(3)?,
        format: format.parse::<DocFormat>().map_err(|_| {
            bad(
                4,
                LoketError::new(ErrorCode::BasisDataRusak, "Format dokumen tidak dikenal."),
            )
        })?,
        width: r.get(5)?,
        height: r.get(6)?,
        pages: r.get(7)?,
        bytes: u64::try_from(bytes).unwrap_or(0),
        file_name: r.get(9)?,
        added_at: r.get(10)?,
        operator: r.get(11)?,
    })
}

/// A document's files, validated and in the store: what the add pipeline
/// (`ingest.rs`) hands to the row it writes, or finds in a row already
/// there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Stored {
    pub(super) sha256: String,
    pub(super) format: DocFormat,
    pub(super) width: u32,
    pub(super) height: u32,
    pub(super) pages: u32,
    pub(super) bytes: u64,
}

/// A stored document's metadata by content, if any row (removed or not) has it.
pub(super) fn known(conn: &Connection, sha256: &str) -> Result<Option<Stored>> {
    conn.query_row(
        "SELECT format, width, height, pages, bytes FROM documents WHERE sha256 = ?1 LIMIT 1",
        [sha256],
        |r| {
            let format: String = r.get(0)?;
            let bytes: i64 = r.get(4)?;
            let (width, height, pages) = (r.get(1)?, r.get(2)?, r.get(3)?);
            Ok(format.parse::<DocFormat>().ok().map(|format| Stored {
                sha256: sha256.to_owned(),
                format,
                width,
                height,
                pages,
                bytes: u64::try_from(bytes).unwrap_or(0),
            }))
        },
    )
    .optional()
    .map(Option::flatten)
    .map(|s| s.filter(|s| s.width > 0 && s.height > 0 && s.pages > 0))
    .map_err(LoketError::from)
}

fn active(conn: &Connection, id: i64) -> Result<Document> {
    conn.query_row(
        &format!(
            "SELECT {COLUMNS} FROM documents d JOIN requests r ON r.id = d.request_id
             WHERE d.id = ?1 AND d.removed_at IS NULL"
        ),
        [id],
        row_to_document,
    )
    .optional()?
    .ok_or_else(|| refuse::no_document(id))
}

fn event(
    conn: &Connection,
    doc: i64,
    at: i64,
    operator: &str,
    action: &str,
    detail: &serde_json::Value,
) -> Result<()> {
    conn.execute(
        "INSERT INTO document_events (document_id, at, operator, action, detail)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![doc, at, operator, action, detail.to_string()],
    )?;
    Ok(())
}

/// Records a stored document on a request, or returns the request's active
/// document with the same bytes.
pub(super) fn insert(
    conn: &mut Connection,
    reg_no: &str,
    stored: &Stored,
    kind: DocKind,
    file_name: &str,
    operator: &str,
    now_ms: i64,
) -> Result<Document> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let request = get_by_reg_no(&tx, reg_no)?;
    let existing: Option<i64> = tx
        .query_row(
            "SELECT id FROM documents WHERE request_id = ?1 AND sha256 = ?2 AND removed_at IS NULL",
            params![request.id, stored.sha256],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = existing {
        return active(&tx, id);
    }
    tx.execute(
        "INSERT INTO documents (request_id, kind, sha256, format, width, height, pages, bytes, file_name, added_at, operator)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            request.id,
            kind.as_str(),
            stored.sha256,
            stored.format.as_str(),
            stored.width,
            stored.height,
            stored.pages,
            i64::try_from(stored.bytes).unwrap_or(i64::MAX),
            file_name,
            now_ms,
            operator
        ],
    )?;
    let id = tx.last_insert_rowid();
    event(
        &tx,
        id,
        now_ms,
        operator,
        "added",
        &json!({ "kind": kind, "file_name": file_name }),
    )?;
    let doc = active(&tx, id)?;
    tx.commit()?;
    Ok(doc)
}

pub(super) fn list(conn: &Connection, reg_no: &str) -> Result<Vec<Document>> {
    let request = get_by_reg_no(conn, reg_no)?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM documents d JOIN requests r ON r.id = d.request_id
         WHERE d.request_id = ?1 AND d.removed_at IS NULL ORDER BY d.id"
    ))?;
    let docs = stmt
        .query_map([request.id], row_to_document)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(docs)
}

pub(super) fn get(conn: &Connection, id: i64) -> Result<Document> {
    active(conn, id)
}

pub(super) fn remove(
    conn: &mut Connection,
    id: i64,
    reason: &str,
    operator: &str,
    now_ms: i64,
) -> Result<()> {
    let reason = reason.split_whitespace().collect::<Vec<_>>().join(" ");
    if reason.is_empty() {
        return Err(LoketError::new(
            ErrorCode::MasukanTidakValid,
            "Alasan menghapus dokumen wajib diisi.",
        ));
    }
    if reason.chars().count() > MAX_REASON {
        return Err(LoketError::new(
            ErrorCode::TeksTerlaluPanjang,
            format!("Alasan terlalu panjang (maksimal {MAX_REASON} huruf)."),
        ));
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    active(&tx, id)?;
    tx.execute(
        "UPDATE documents SET removed_at = ?1, removed_by = ?2, remove_reason = ?3 WHERE id = ?4",
        params![now_ms, operator, reason, id],
    )?;
    event(
        &tx,
        id,
        now_ms,
        operator,
        "removed",
        &json!({ "reason": reason }),
    )?;
    tx.commit()?;
    Ok(())
}

pub(super) fn set_kind(
    conn: &mut Connection,
    id: i64,
    kind: DocKind,
    operator: &str,
    now_ms: i64,
) -> Result<Document> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let doc = active(&tx, id)?;
    if doc.kind == kind {
        return Ok(doc);
    }
    tx.execute(
        "UPDATE documents SET kind = ?1 WHERE id = ?2",
        params![kind.as_str(), id],
    )?;
    event(
        &tx,
        id,
        now_ms,
        operator,
        "kind_changed",
        &json!({ "from": doc.kind, "to": kind }),
    )?;
    let doc = active(&tx, id)?;
    tx.commit()?;
    Ok(doc)
}
