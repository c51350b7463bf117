//! Re-sends: finding them when a request is entered, merging them, or
//! recording that two look-alike requests are really different.
//!
//! Before Lebaran citizens send the same NIK-validation request by WhatsApp
//! two or three times. Each re-send that becomes a new request is work done
//! twice, so a new request is compared, right after it is stored, with the
//! requests that share its NIK, KK number or WhatsApp number and are either
//! still open or were closed within the last seven days (a re-send after an
//! answer usually means "I did not get it" or "it still fails"). Older closed
//! ones are history, not re-sends. The comparison is three equality lookups
//! over the existing `requests_nik`, `requests_kk` and `requests_phone`
//! indexes (forced with `INDEXED BY` on SQLite, so a lost index fails loudly
//! instead of silently scanning 600,000 rows; PostgreSQL's planner picks
//! them itself), each newest-first with a small limit.
//!
//! ## Why merges look like this (migration 0004)
//!
//! The statuses are a fixed state machine and 0001–0003 are frozen, so no
//! `merged` status can be added. A merged request is therefore closed as
//! `done` **without an outcome** (none of the outcomes means "handled in
//! another request", and the `requests` CHECKs allow a NULL outcome), which
//! takes it out of the active queue through the existing status filters with
//! no change to `search.rs`. What it was merged into is the row of the new
//! append-only table `request_merges` (primary key = the merged request, so
//! a request merges once). Its lifecycle history stays honest: an ordinary
//! event `<status> → done` with the note "Digabung ke VN-…", and an event on
//! the target with from = to = its current status and the note "Digabungkan
//! dari VN-…" (`request_events` needs a status; a second events table would
//! split the history the UI already shows).
//!
//! Documents move rather than being linked: every existing reader (document
//! list, verification, the UI) follows `documents.request_id`, so moving is
//! the one change that makes them appear on the request that carries on.
//! 0002's trigger froze `request_id`; 0004 recreates it without that column
//! and adds a narrower trigger that allows a new `request_id` only from a
//! merged request to its target *and* only with the move recorded in the
//! append-only `document_moves` (`document_events.action` has a fixed CHECK
//! list). A document whose bytes the target already holds stays where it is
//! (the target has it; the one-active-copy-per-request index forbids two).
//! The target's own row (status, `updated_at`) is not touched.
//!
//! "Keep separate" decisions live in `request_separations`, one row per pair,
//! and `find` skips the pairs recorded there.

mod merge;

pub use merge::{keep_separate, merge};

use crate::db::Db;
use crate::error::Result;
use crate::model::{NewRequest, Request, Status};
use crate::requests::{self, get_by_reg_no};
use crate::sql_params;
use serde::Serialize;
use std::collections::btree_map::{BTreeMap, Entry};
use ts_rs::TS;

/// How long a closed request still catches re-sends (by its `updated_at`).
pub const CLOSED_WINDOW_MS: i64 = 7 * 86_400_000;

/// At most this many matches are returned (newest first).
pub const MAX_MATCHES: usize = 20;

/// Rows read per key; a NIK or phone with more live requests than this is
/// already a case for the supervisor, not for this list.
const PER_KEY: i64 = 50;

/// An earlier request the new one may be a re-send of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DuplicateMatch {
    pub reg_no: String,
    pub name: String,
    pub status: Status,
    pub received_at: i64,
    /// Which numbers are equal: "nik", "kk", "phone", in that order.
    pub matched_on: Vec<String>,
}

/// A new request and the earlier ones it may duplicate. In JSON the
/// request's own fields come first, then `"duplicates": [...]`.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CreatedRequest {
    #[serde(flatten)]
    pub request: Request,
    pub duplicates: Vec<DuplicateMatch>,
}

/// The keys in the order `matched_on` lists them, with their index.
const KEYS: [(&str, &str); 3] = [
    ("nik", "requests_nik"),
    ("kk", "requests_kk"),
    ("phone", "requests_phone"),
];

/// Requests sharing the NIK, KK number or phone (normalised, as stored) that
/// are open, or closed within `CLOSED_WINDOW_MS` before `now_ms`. Skips
/// `exclude_id` itself, requests merged away, and requests recorded as
/// separate from `exclude_id`. Newest first, at most `MAX_MATCHES`.
pub fn find<'c>(
    db: impl Into<Db<'c>>,
    nik: Option<&str>,
    kk: Option<&str>,
    phone: &str,
    now_ms: i64,
    exclude_id: Option<i64>,
) -> Result<Vec<DuplicateMatch>> {
    let db = db.into();
    let cutoff = now_ms.saturating_sub(CLOSED_WINDOW_MS);
    let values = [nik, kk, Some(phone)];
    // By id, so a request matching on several keys is one entry.
    let mut found: BTreeMap<i64, (String, DuplicateMatch)> = BTreeMap::new();
    for ((column, index), value) in KEYS.iter().zip(values) {
        let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
            continue;
        };
        // The pair's smaller id is `a_id` (a NULL ?3 pairs with nothing).
        let sql = format!(
            "SELECT r.id, r.received_at, r.reg_no, r.name, r.status
             FROM requests r {hint}
             WHERE r.{column} = ?1
               AND (r.status IN ('received','verifying','waiting_citizen') OR r.updated_at >= ?2)
               AND r.id IS DISTINCT FROM CAST(?3 AS BIGINT)
               AND NOT EXISTS (SELECT 1 FROM request_merges m WHERE m.request_id = r.id)
               AND NOT EXISTS (SELECT 1 FROM request_separations s
                               WHERE s.a_id = CASE WHEN r.id < ?3 THEN r.id ELSE ?3 END
                                 AND s.b_id = CASE WHEN r.id > ?3 THEN r.id ELSE ?3 END)
             ORDER BY r.id DESC LIMIT ?4",
            hint = db.indexed_by(index)
        );
        let rows = db.query_all(&sql, sql_params![value, cutoff, exclude_id, PER_KEY], |r| {
            Ok((
                r.get::<i64>(0)?,
                r.get::<i64>(1)?,
                r.get::<String>(2)?,
                r.get::<String>(3)?,
                r.get::<String>(4)?,
            ))
        })?;
        for (id, received_at, reg_no, name, status) in rows {
            let (_, m) = match found.entry(id) {
                Entry::Occupied(e) => e.into_mut(),
                Entry::Vacant(e) => e.insert((
                    status,
                    DuplicateMatch {
                        reg_no,
                        name,
                        // Parsed below, after the rows are read.
                        status: Status::Received,
                        received_at,
                        matched_on: Vec::new(),
                    },
                )),
            };
            m.matched_on.push((*column).to_owned());
        }
    }
    let mut list = Vec::with_capacity(found.len());
    for (id, (status, mut m)) in found {
        m.status = Status::parse(&status)?;
        list.push((id, m));
    }
    list.sort_by_key(|(id, m)| std::cmp::Reverse((m.received_at, *id)));
    list.truncate(MAX_MATCHES);
    Ok(list.into_iter().map(|(_, m)| m).collect())
}

/// The possible duplicates of a stored request (its detail view): `find`
/// with its own numbers, without itself and the pairs kept separate.
pub fn for_request<'c>(
    db: impl Into<Db<'c>>,
    reg_no: &str,
    now_ms: i64,
) -> Result<Vec<DuplicateMatch>> {
    let db = db.into();
    let r = get_by_reg_no(db, reg_no)?;
    find(
        db,
        r.nik.as_deref(),
        r.kk.as_deref(),
        &r.phone,
        now_ms,
        Some(r.id),
    )
}

/// Registers a request exactly as `requests::create_request` does, then
/// lists the earlier requests it may duplicate. The request is stored even
/// when it has duplicates: the operator decides (merge or keep separate).
///
/// If the look-up fails after the request was stored, the stored request is
/// still returned (with no duplicates): reporting an error for a request
/// that exists would make the operator enter it again, which is the very
/// pile-up this module prevents; `for_request` can repeat the check.
pub fn create_checked<'c>(
    db: impl Into<Db<'c>>,
    input: &NewRequest,
    operator: &str,
    now_ms: i64,
) -> Result<CreatedRequest> {
    let db = db.into();
    let request = requests::create_request(db, input, operator, now_ms)?;
    let duplicates = find(
        db,
        request.nik.as_deref(),
        request.kk.as_deref(),
        &request.phone,
        now_ms,
        Some(request.id),
    )
    .unwrap_or_default();
    Ok(CreatedRequest {
        request,
        duplicates,
    })
}

/// The Indonesian label of a `matched_on` key, for warnings.
pub fn key_label(key: &str) -> &str {
    match key {
        "nik" => "NIK",
        "kk" => "nomor KK",
        "phone" => "nomor WA",
        other => other,
    }
}

#[cfg(test)]
mod merge_tests;
#[cfg(test)]
mod tests;
