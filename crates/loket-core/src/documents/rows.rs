//! The `documents` and `document_events` tables (migration 0002): reads,
//! and the writes, each one short write transaction ([`Db::write`]) that
//! lands the row change and its event together, on either engine.

use super::{refuse, DocFormat, DocKind, Document};
use crate::db::{Db, Row};
use crate::error::{ErrorCode, LoketError, Result};
use crate::requests::get_by_reg_no;
use crate::sql_params;
use serde_json::json;

const MAX_REASON: usize = 500;

const COLUMNS: &str = "d.id, r.reg_no, d.kind, d.sha256, d.format, d.width, d.height, d.pages, \
     d.bytes, d.file_name, d.added_at, d.operator";

fn row_to_document(r: &Row<'_>) -> Result<Document> {
    let kind: String = r.get(2)?;
    let format: String = r.get(4)?;
    let bytes: i64 = r.get(8)?;
    Ok(Document {
        id: r.get(0)?,
        reg_no: r.get(1)?,
        kind: DocKind::parse(&kind)?,
        sha256: r.get(3)?,
        format: format.parse::<DocFormat>().map_err(|_| {
            LoketError::new(ErrorCode::BasisDataRusak, "Format dokumen tidak dikenal.")
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
pub(super) fn known(db: Db<'_>, sha256: &str) -> Result<Option<Stored>> {
    let found = db.query_opt(
        "SELECT format, width, height, pages, bytes FROM documents WHERE sha256 = ?1 LIMIT 1",
        sql_params![sha256],
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
    )?;
    Ok(found
        .flatten()
        .filter(|s| s.width > 0 && s.height > 0 && s.pages > 0))
}

fn active(db: Db<'_>, id: i64) -> Result<Document> {
    db.query_one(
        &format!(
            "SELECT {COLUMNS} FROM documents d JOIN requests r ON r.id = d.request_id
             WHERE d.id = ?1 AND d.removed_at IS NULL"
        ),
        sql_params![id],
        row_to_document,
        || refuse::no_document(id),
    )
}

fn event(
    db: Db<'_>,
    doc: i64,
    at: i64,
    operator: &str,
    action: &str,
    detail: &serde_json::Value,
) -> Result<()> {
    db.execute(
        "INSERT INTO document_events (document_id, at, operator, action, detail)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        sql_params![doc, at, operator, action, detail.to_string()],
    )?;
    Ok(())
}

/// Records a stored document on a request, or returns the request's active
/// document with the same bytes.
pub(super) fn insert(
    db: Db<'_>,
    reg_no: &str,
    stored: &Stored,
    kind: DocKind,
    file_name: &str,
    operator: &str,
    now_ms: i64,
) -> Result<Document> {
    db.write(|tx| {
        let request = get_by_reg_no(tx, reg_no)?;
        let existing: Option<i64> = tx.query_opt(
            "SELECT id FROM documents WHERE request_id = ?1 AND sha256 = ?2 AND removed_at IS NULL",
            sql_params![request.id, &stored.sha256],
            |r| r.get(0),
        )?;
        if let Some(id) = existing {
            return active(tx, id);
        }
        let id: i64 = tx.value(
            "INSERT INTO documents (request_id, kind, sha256, format, width, height, pages, bytes, file_name, added_at, operator)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) RETURNING id",
            sql_params![
                request.id,
                kind.as_str(),
                &stored.sha256,
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
        event(
            tx,
            id,
            now_ms,
            operator,
            "added",
            &json!({ "kind": kind, "file_name": file_name }),
        )?;
        active(tx, id)
    })
}

pub(super) fn list(db: Db<'_>, reg_no: &str) -> Result<Vec<Document>> {
    let request = get_by_reg_no(db, reg_no)?;
    db.query_all(
        &format!(
            "SELECT {COLUMNS} FROM documents d JOIN requests r ON r.id = d.request_id
             WHERE d.request_id = ?1 AND d.removed_at IS NULL ORDER BY d.id"
        ),
        sql_params![request.id],
        row_to_document,
    )
}

pub(super) fn get(db: Db<'_>, id: i64) -> Result<Document> {
    active(db, id)
}

pub(super) fn remove(db: Db<'_>, id: i64, reason: &str, operator: &str, now_ms: i64) -> Result<()> {
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
    db.write(|tx| {
        active(tx, id)?;
        tx.execute(
            "UPDATE documents SET removed_at = ?1, removed_by = ?2, remove_reason = ?3 WHERE id = ?4",
            sql_params![now_ms, operator, &reason, id],
        )?;
        event(
            tx,
            id,
            now_ms,
            operator,
            "removed",
            &json!({ "reason": reason }),
        )
    })
}

pub(super) fn set_kind(
    db: Db<'_>,
    id: i64,
    kind: DocKind,
    operator: &str,
    now_ms: i64,
) -> Result<Document> {
    db.write(|tx| {
        let doc = active(tx, id)?;
        if doc.kind == kind {
            return Ok(doc);
        }
        tx.execute(
            "UPDATE documents SET kind = ?1 WHERE id = ?2",
            sql_params![kind.as_str(), id],
        )?;
        event(
            tx,
            id,
            now_ms,
            operator,
            "kind_changed",
            &json!({ "from": doc.kind, "to": kind }),
        )?;
        active(tx, id)
    })
}
