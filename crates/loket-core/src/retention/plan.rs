//! Which documents are past their retention period: one read over closed
//! requests and their unpurged documents, then, per content, whether every
//! row that uses the same bytes goes too (only then do the files go).

use super::{PurgeItem, DAY_MS};
use crate::documents::{DocFormat, DocKind};
use crate::error::{ErrorCode, LoketError, Result};
use crate::model::Status;
use rusqlite::{params, Connection, Row};
use std::collections::HashMap;

/// `'done','replied'`: the statuses in which a request is closed, from the
/// lifecycle itself, so a status added later is classified where it is defined.
fn closed_statuses() -> String {
    Status::ALL
        .iter()
        .filter(|s| !s.is_open())
        .map(|s| format!("'{}'", s.as_str()))
        .collect::<Vec<_>>()
        .join(",")
}

fn corrupt(i: usize, what: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        i,
        rusqlite::types::Type::Text,
        Box::new(LoketError::new(
            ErrorCode::BasisDataRusak,
            format!("{what} dokumen tidak dikenal."),
        )),
    )
}

fn row_to_item(r: &Row<'_>) -> rusqlite::Result<PurgeItem> {
    let kind: String = r.get(2)?;
    let format: String = r.get(4)?;
    let bytes: i64 = r.get(6)?;
    Ok(PurgeItem {
        document_id: r.get(0)?,
        reg_no: r.get(1)?,
        kind: DocKind::parse(&kind).map_err(|_| corrupt(2, "Jenis"))?,
        sha256: r.get(3)?,
        format: DocFormat::from_word(&format).ok_or_else(|| corrupt(4, "Format"))?,
        pages: r.get(5)?,
        bytes: u64::try_from(bytes).unwrap_or(0),
        closed_at: r.get(7)?,
        clock_from: r.get(8)?,
        deletes_files: false,
    })
}

/// The documents past a period of `days` at `now_ms` and not yet purged,
/// oldest clock first. Reads only; `run` calls it inside its transaction.
pub fn plan_with_days(conn: &Connection, days: u32, now_ms: i64) -> Result<Vec<PurgeItem>> {
    let closed = closed_statuses();
    // A request's close: its latest move from an open status into a closed
    // one (a merge into a closed request records closed -> closed, which is
    // not a close). `updated_at` stands in when no event says it.
    let sql = format!(
        "SELECT id, reg_no, kind, sha256, format, pages, bytes, closed_at, clock_from FROM (
           SELECT d.id, c.reg_no, d.kind, d.sha256, d.format, d.pages, d.bytes, c.closed_at,
                  max(c.closed_at, d.added_at,
                      coalesce((SELECT max(m.at) FROM document_moves m
                                WHERE m.document_id = d.id AND m.to_request_id = c.id), 0))
                    AS clock_from
           FROM (SELECT r.id, r.reg_no,
                        coalesce((SELECT max(e.at) FROM request_events e
                                  WHERE e.request_id = r.id AND e.to_status IN ({closed})
                                    AND (e.from_status IS NULL OR e.from_status NOT IN ({closed}))),
                                 r.updated_at) AS closed_at
                 FROM requests r WHERE r.status IN ({closed})) c
           JOIN documents d ON d.request_id = c.id
           WHERE NOT EXISTS (SELECT 1 FROM document_purges p WHERE p.document_id = d.id)
         )
         WHERE clock_from <= ?1
         ORDER BY clock_from, id"
    );
    let cutoff = now_ms.saturating_sub(i64::from(days).saturating_mul(DAY_MS));
    let mut stmt = conn.prepare(&sql)?;
    let mut items = stmt
        .query_map(params![cutoff], row_to_item)?
        .collect::<rusqlite::Result<Vec<_>>>()?;

    // The files go only when no other unpurged row uses the same bytes.
    let mut planned: HashMap<&str, i64> = HashMap::new();
    for item in &items {
        *planned.entry(item.sha256.as_str()).or_default() += 1;
    }
    let mut unpurged = conn.prepare_cached(
        "SELECT count(*) FROM documents d WHERE d.sha256 = ?1
           AND NOT EXISTS (SELECT 1 FROM document_purges p WHERE p.document_id = d.id)",
    )?;
    let mut goes: HashMap<String, bool> = HashMap::new();
    for (sha, n) in planned {
        let users: i64 = unpurged.query_row([sha], |r| r.get(0))?;
        goes.insert(sha.to_owned(), users <= n);
    }
    for item in &mut items {
        item.deletes_files = goes.get(&item.sha256).copied().unwrap_or(false);
    }
    Ok(items)
}
