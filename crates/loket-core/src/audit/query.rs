//! Reading the access log the way a supervisor asks: per request, per
//! operator, per WIB day, newest first, a page at a time.

use crate::clock;
use crate::db::{Db, Value};
use crate::error::Result;
use crate::sql_params;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Entries shown per page when the caller does not say.
pub const DEFAULT_LIMIT: u32 = 200;
/// The most entries one page may hold.
pub const MAX_LIMIT: u32 = 5000;

/// Which entries to read; every field narrows the list.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct LogFilter {
    /// Registration number, exact.
    pub reg_no: Option<String>,
    /// Operator name, exact but case-insensitive.
    pub operator: Option<String>,
    /// A WIB day (YYYY-MM-DD).
    pub day: Option<String>,
    /// Only entries older than this id (the next page).
    pub before_id: Option<i64>,
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct LogRow {
    pub id: i64,
    /// UTC milliseconds.
    pub at: i64,
    pub operator: String,
    pub action: String,
    /// The action in Indonesian words.
    pub label: String,
    pub reg_no: Option<String>,
    pub detail: String,
    /// `app` or `cli`; empty for entries written before schema 8.
    pub origin: String,
}

/// The entries that match, newest first.
pub fn list<'c>(conn: impl Into<Db<'c>>, filter: &LogFilter) -> Result<Vec<LogRow>> {
    let conn = conn.into();
    let mut sql = String::from(
        "SELECT l.id, l.at, l.operator, l.action, r.reg_no, l.detail, l.origin
         FROM access_log l LEFT JOIN requests r ON r.id = l.request_id WHERE 1 = 1",
    );
    let mut args: Vec<Value> = Vec::new();
    if let Some(reg) = filter
        .reg_no
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        // A NIK request by its id (indexed); a delivery or complaint by the
        // number its entries start with.
        let reg = reg.to_uppercase();
        let request_id: Option<i64> = conn.query_opt(
            "SELECT id FROM requests WHERE reg_no = ?1",
            sql_params![&reg],
            |r| r.get(0),
        )?;
        match request_id {
            Some(id) => {
                sql.push_str(" AND l.request_id = ?");
                args.push(Value::Int(id));
            }
            None => {
                sql.push_str(" AND (l.detail = ? OR substr(l.detail, 1, ?) = ?)");
                let prefix = format!("{reg} ");
                args.push(Value::Text(reg));
                args.push(Value::Int(i64::try_from(prefix.len()).unwrap_or(0)));
                args.push(Value::Text(prefix));
            }
        }
    }
    if let Some(op) = filter
        .operator
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        sql.push_str(&format!(" AND {}", conn.nocase_eq("l.operator")));
        args.push(Value::Text(op.to_owned()));
    }
    if let Some(day) = filter
        .day
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let d: NaiveDate = clock::parse_date(day)?;
        let (start, end) = clock::range_ms(d, d)?;
        sql.push_str(" AND l.at >= ? AND l.at < ?");
        args.push(Value::Int(start));
        args.push(Value::Int(end));
    }
    if let Some(before) = filter.before_id {
        sql.push_str(" AND l.id < ?");
        args.push(Value::Int(before));
    }
    let limit = filter.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
    sql.push_str(&format!(" ORDER BY l.id DESC LIMIT {limit}"));
    conn.query_all(&sql, &args, |r| {
        let action: String = r.get(3)?;
        Ok(LogRow {
            id: r.get(0)?,
            at: r.get(1)?,
            operator: r.get(2)?,
            label: super::label(&action).to_owned(),
            detail: readable(&action, r.get(5)?),
            action,
            reg_no: r.get(4)?,
            origin: r.get(6)?,
        })
    })
}

/// Status moves are stored with the schema's words (`verifying → done
/// (updated)`); the supervisor reads the screen's words instead.
fn readable(action: &str, detail: String) -> String {
    use crate::labels::{outcome_label, status_label};
    use crate::model::{Outcome, Status};
    if action != "permohonan_dibuat" && action != "status_diubah" {
        return detail;
    }
    detail
        .split(' ')
        .map(|word| {
            let bare = word.trim_matches(|c| c == '(' || c == ')');
            let label = Status::parse(bare)
                .map(status_label)
                .or_else(|_| Outcome::parse(bare).map(outcome_label));
            match label {
                Ok(l) if bare != word => format!("({l})"),
                Ok(l) => l.to_owned(),
                Err(_) => word.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
