//! What only PostgreSQL's dialect says: name search over the GIN index of
//! `to_tsvector('simple', name_norm)` (SQLite's FTS5 table has no twin).

use super::PgConn;
use crate::db::{FromValue, Value};
use crate::error::Result;

/// Ids of requests whose name has a word starting with each of `terms`,
/// newest first.
pub(crate) fn name_prefix_ids(conn: &PgConn, terms: &[String], limit: i64) -> Result<Vec<i64>> {
    // Terms are letters and digits only (search.rs), so `:*` prefixes are
    // safe to join; still, each is quoted as tsquery wants.
    let query = terms
        .iter()
        .map(|w| format!("'{}':*", w.replace('\'', "")))
        .collect::<Vec<_>>()
        .join(" & ");
    conn.query(
        "SELECT id FROM requests
         WHERE to_tsvector('simple', name_norm) @@ to_tsquery('simple', ?1)
         ORDER BY id DESC LIMIT ?2",
        &[Value::Text(query), Value::Int(limit)],
    )?
    .iter()
    .map(|r| i64::from_value(super::column(r, 0)?))
    .collect()
}

/// A plain `JOIN` (PostgreSQL refuses `CROSS JOIN ... ON`; its planner
/// orders joins by its statistics).
pub(crate) const JOIN_IN_ORDER: &str = "JOIN";
