//! The queue and search over requests.
//!
//! A year before Lebaran can hold a million requests, so every query here is
//! an index walk with a small LIMIT, never a scan: registration numbers and
//! digits (NIK, KK, phone) by prefix over their B-tree indexes, names by word
//! prefix through the FTS5 table (with prefix indexes for 1–6 letters, so a
//! typed prefix reads one doclist newest-first instead of merging many), and
//! the active queue through a partial index over open requests. Results come newest first (highest id), except
//! the active view, which is most urgent (oldest received) first.

use crate::base::normalize_name;
use crate::db::{Db, Value};
use crate::error::Result;
use crate::model::{ListQuery, QueueView, Request, RequestPage, Status};
use crate::phone::phone_search_prefix;
use crate::requests::{row_to_request, REQUEST_COLUMNS};
use crate::sql_params;
use std::collections::BTreeSet;

pub const DEFAULT_LIMIT: u32 = 50;
pub const MAX_LIMIT: u32 = 500;

/// Lists the queue, or searches when `query.search` is set.
pub fn list<'c>(db: impl Into<Db<'c>>, query: &ListQuery) -> Result<RequestPage> {
    let conn = db.into();
    let limit = query.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
    let search = query.search.as_deref().map(str::trim).unwrap_or("");
    let mut items = if search.is_empty() {
        queue(conn, query.view, query.status, limit + 1)?
    } else {
        search_ids(conn, search, query.status, limit + 1)?
    };
    let has_more = items.len() > limit as usize;
    items.truncate(limit as usize);
    Ok(RequestPage { items, has_more })
}

fn queue(
    conn: Db<'_>,
    view: QueueView,
    status: Option<Status>,
    limit: u32,
) -> Result<Vec<Request>> {
    let (sql, args): (String, Vec<Value>) = match (status, view) {
        (Some(s), _) => (
            format!(
                "SELECT {REQUEST_COLUMNS} FROM requests WHERE status = ?1
                 ORDER BY received_at {} LIMIT ?2",
                if s.is_open() { "ASC" } else { "DESC" }
            ),
            vec![
                Value::from(s.as_str().to_owned()),
                Value::from(i64::from(limit)),
            ],
        ),
        (None, QueueView::Active) => (
            format!(
                "SELECT {REQUEST_COLUMNS} FROM requests {}
                 WHERE status IN ('received','verifying','waiting_citizen')
                 ORDER BY received_at ASC LIMIT ?1",
                conn.indexed_by("requests_open")
            ),
            vec![Value::from(i64::from(limit))],
        ),
        (None, QueueView::All) => (
            format!("SELECT {REQUEST_COLUMNS} FROM requests ORDER BY id DESC LIMIT ?1"),
            vec![Value::from(i64::from(limit))],
        ),
    };
    conn.query_all(&sql, &args, row_to_request)
}

/// Exclusive upper bound for a prefix range: "3516" -> "3517".
fn prefix_end(prefix: &str) -> String {
    let mut end = prefix.to_owned();
    end.push('\u{10FFFF}');
    end
}

fn search_ids(conn: Db<'_>, q: &str, status: Option<Status>, limit: u32) -> Result<Vec<Request>> {
    let mut ids: BTreeSet<i64> = BTreeSet::new();
    let per_field = i64::from(limit);
    let compact: String = q
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '+' | '(' | ')'))
        .collect();
    let mut range = |column: &str, prefix: &str| -> Result<()> {
        if prefix.is_empty() {
            return Ok(());
        }
        let sql = format!(
            "SELECT id FROM requests WHERE {column} >= ?1 AND {column} < ?2
             ORDER BY {column} DESC LIMIT ?3"
        );
        let found = conn.query_all(
            &sql,
            sql_params![prefix, prefix_end(prefix), per_field],
            |r| r.get::<i64>(0),
        )?;
        ids.extend(found);
        Ok(())
    };
    let upper = q.to_uppercase();
    if upper.starts_with("VN") {
        range("reg_no", &upper)?;
    } else if !compact.is_empty() && compact.chars().all(|c| c.is_ascii_digit()) {
        range("nik", &compact)?;
        range("kk", &compact)?;
        if let Some(p) = phone_search_prefix(&compact) {
            range("phone", &p)?;
        }
    } else {
        fts_names(conn, &normalize_name(q), per_field, &mut ids)?;
    }
    fetch(conn, &ids, status, limit)
}

/// Word-prefix match of every word typed: "siti am" finds "SITI AMINAH".
fn fts_names(conn: Db<'_>, name: &str, limit: i64, ids: &mut BTreeSet<i64>) -> Result<()> {
    let terms: Vec<String> = name
        .split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if terms.is_empty() {
        return Ok(());
    }
    ids.extend(conn.name_prefix_ids(&terms, limit)?);
    Ok(())
}

fn fetch(
    conn: Db<'_>,
    ids: &BTreeSet<i64>,
    status: Option<Status>,
    limit: u32,
) -> Result<Vec<Request>> {
    let sql = format!("SELECT {REQUEST_COLUMNS} FROM requests WHERE id = ?1");
    let mut out = Vec::new();
    for id in ids.iter().rev() {
        let Some(r) = conn.query_opt(&sql, sql_params![*id], row_to_request)? else {
            continue;
        };
        if status.is_none_or(|s| s == r.status) {
            out.push(r);
            if out.len() >= limit as usize {
                break;
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
