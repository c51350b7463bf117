//! What only SQLite's dialect says: FTS5 name search and index hints. The
//! PostgreSQL twin is `pg/dialect.rs`; features reach both through
//! [`Db`](super::Db).

use crate::error::Result;
use rusqlite::Connection;

/// Ids of requests whose name has a word starting with each of `terms`,
/// newest first.
pub(super) fn name_prefix_ids(conn: &Connection, terms: &[String], limit: i64) -> Result<Vec<i64>> {
    let query = terms
        .iter()
        .map(|w| format!("\"{w}\"*"))
        .collect::<Vec<_>>()
        .join(" ");
    let mut stmt = conn.prepare_cached(
        "SELECT rowid FROM requests_fts WHERE requests_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
    )?;
    let ids = stmt
        .query_map(rusqlite::params![query, limit], |r| r.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(ids)
}

/// `INDEXED BY index`: the planner told which index a query must walk.
pub(super) fn indexed_by(index: &str) -> String {
    format!("INDEXED BY {index}")
}

/// `CROSS JOIN`: SQLite joins the left table first, whatever its estimates.
pub(super) const JOIN_IN_ORDER: &str = "CROSS JOIN";
