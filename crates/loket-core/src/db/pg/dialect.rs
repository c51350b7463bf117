//! What only PostgreSQL's dialect says: name search over
//! `request_name_prefixes` (SQLite's FTS5 table has no twin; see
//! `schema.sql`).

use super::PgConn;
use crate::db::{FromValue, Value};
use crate::error::Result;

/// How many letters of a word the prefix table holds.
const PREFIX_LETTERS: usize = 6;

/// Ids of requests whose name has a word starting with each of `terms`
/// (letters and digits only, upper case), newest first.
pub(crate) fn name_prefix_ids(conn: &PgConn, terms: &[String], limit: i64) -> Result<Vec<i64>> {
    let Some(first) = terms.first() else {
        return Ok(Vec::new());
    };
    let key = |t: &str| t.chars().take(PREFIX_LETTERS).collect::<String>();
    let mut params = vec![Value::Text(key(first))];
    let mut sql = String::from("SELECT p0.request_id FROM request_name_prefixes p0");
    let long = terms.iter().any(|t| t.chars().count() > PREFIX_LETTERS);
    if long {
        sql.push_str(" JOIN requests r ON r.id = p0.request_id");
    }
    sql.push_str(" WHERE p0.prefix = ?1");
    for (i, term) in terms.iter().enumerate().skip(1) {
        params.push(Value::Text(key(term)));
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM request_name_prefixes p{i}
                          WHERE p{i}.prefix = ?{n} AND p{i}.request_id = p0.request_id)",
            n = params.len()
        ));
    }
    // A word longer than the table's prefixes is checked on the name.
    for term in terms.iter().filter(|t| t.chars().count() > PREFIX_LETTERS) {
        params.push(Value::Text(format!("(^|[[:space:][:punct:]]){term}")));
        sql.push_str(&format!(" AND r.name_norm ~ ?{}", params.len()));
    }
    params.push(Value::Int(limit));
    sql.push_str(&format!(
        " ORDER BY p0.request_id DESC LIMIT ?{}",
        params.len()
    ));
    conn.query(&sql, &params)?
        .iter()
        .map(|r| i64::from_value(super::column(r, 0)?))
        .collect()
}

/// A plain `JOIN` (PostgreSQL refuses `CROSS JOIN ... ON`; its planner
/// orders joins by its statistics).
pub(crate) const JOIN_IN_ORDER: &str = "JOIN";
