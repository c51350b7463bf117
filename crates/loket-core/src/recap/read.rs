//! The recap's one query: the range's requests joined to their events (and
//! to the merge that closed a re-send), walked in order, one [`RecapRow`]
//! handed out per request as soon as its last event is read.
//!
//! `ORDER BY r.received_at, r.id, e.id` is the order of the
//! `requests_received` index (entries sorted by time, then rowid) followed by
//! `request_events_request (request_id, id)`, so SQLite walks both indexes
//! without a sort step and the first row arrives at once, whatever the
//! length of the range. Request columns are read once per request, and event
//! operators only for the event that recorded the outcome.
//!
//! No schema change was needed (measured with `benches/recap.rs` at 600,000
//! requests and 2.4 million events): the busiest day takes about 8 ms and
//! the year's query about one CPU second. A covering index over the events'
//! columns would save about a fifth of that second, at the cost of a second
//! copy of every event on disk and on every write, so it was left out.

use super::{RecapOptions, RecapRow};
use crate::db::{Db, Row};
use crate::error::Result;
use crate::ident::show_number;
use crate::model::{Category, Event, Outcome, Status};
use crate::sla::{self, SlaSettings, SlaState};
use crate::sql_params;

/// The query, with the index hint of the engine (`INDEXED BY` on SQLite).
pub(super) fn query(db: Db<'_>) -> String {
    format!(
        "
SELECT r.id, r.reg_no, r.name, r.nik, r.category, r.status, r.received_at, r.operator,
       t.reg_no, m.at, e.at, e.to_status, e.outcome, e.operator
FROM requests r {}
LEFT JOIN request_merges m ON m.request_id = r.id
LEFT JOIN requests t ON t.id = m.into_id
LEFT JOIN request_events e ON e.request_id = r.id
WHERE r.received_at >= ?1 AND r.received_at < ?2
ORDER BY r.received_at, r.id, e.id",
        db.indexed_by("requests_received")
    )
}

/// A request being read: its row columns (its events so far are in the
/// walk's one buffer, reused from request to request).
struct Pending {
    id: i64,
    row: RecapRow,
    status: Status,
    merged_at: Option<i64>,
}

fn start(row: &Row<'_>, id: i64, opts: RecapOptions) -> Result<Pending> {
    let nik: Option<String> = row.get(3)?;
    let status = Status::parse(&row.get::<String>(5)?)?;
    Ok(Pending {
        id,
        status,
        merged_at: row.get(9)?,
        row: RecapRow {
            reg_no: row.get(1)?,
            received_at: row.get(6)?,
            finished_at: None,
            replied_at: None,
            name: row.get(2)?,
            nik: nik.map(|n| show_number(&n, opts.full_nik)),
            category: Category::parse(&row.get::<String>(4)?)?,
            status,
            outcome: None,
            operator: row.get(7)?,
            sla_elapsed_ms: 0,
            sla_met: None,
            merged_into: row.get(8)?,
        },
    })
}

/// Adds one event row (columns 10..) to `p` and `events`, as known at `now_ms`.
fn add_event(p: &mut Pending, events: &mut Vec<Event>, row: &Row<'_>, now_ms: i64) -> Result<()> {
    let Some(at) = row.get::<Option<i64>>(10)? else {
        return Ok(()); // a request without events (never written by Loket)
    };
    if at > now_ms {
        return Ok(()); // not yet known as of `now_ms`
    }
    let to = Status::parse(&row.get::<String>(11)?)?;
    let outcome = match row.get::<Option<String>>(12)? {
        None => None,
        Some(v) => Some(Outcome::parse(&v)?),
    };
    match to {
        Status::Done if p.row.finished_at.is_none() => {
            p.row.finished_at = Some(at);
            if outcome.is_some() {
                p.row.outcome = outcome;
                p.row.operator = row.get(13)?;
            }
        }
        Status::Replied if p.row.replied_at.is_none() => p.row.replied_at = Some(at),
        _ => {}
    }
    p.row.status = to;
    events.push(Event {
        at,
        operator: String::new(),
        from_status: None,
        to_status: to,
        outcome,
        note: String::new(),
    });
    Ok(())
}

/// Completes a request's row: its SLA clock and verdict as of `now_ms`.
fn finish(mut p: Pending, events: &[Event], settings: &SlaSettings, now_ms: i64) -> RecapRow {
    if events.is_empty() {
        p.row.status = p.status;
    }
    if p.merged_at.is_none_or(|at| at > now_ms) {
        p.row.merged_into = None;
    }
    let clock = sla::clock_for(settings, events, now_ms);
    p.row.sla_elapsed_ms = clock.elapsed_ms;
    p.row.sla_met = match clock.state {
        _ if p.row.merged_into.is_some() => None,
        SlaState::Met => Some(true),
        SlaState::Breached => Some(false),
        _ if clock.remaining_ms < 0 => Some(false),
        _ => None,
    };
    p.row
}

/// Walks the requests received in `[start_ms, end_ms)`, calling `each` once
/// per request with its finished row, in the order received.
pub(super) fn walk(
    db: Db<'_>,
    start_ms: i64,
    end_ms: i64,
    opts: RecapOptions,
    settings: &SlaSettings,
    now_ms: i64,
    mut each: impl FnMut(RecapRow) -> Result<()>,
) -> Result<()> {
    // Requests received after `now_ms` are not known yet.
    let end_ms = end_ms.min(now_ms.saturating_add(1));
    let mut pending: Option<Pending> = None;
    let mut events: Vec<Event> = Vec::with_capacity(16);
    db.for_each(&query(db), sql_params![start_ms, end_ms], |row| {
        let id: i64 = row.get(0)?;
        match pending.as_mut() {
            Some(p) if p.id == id => {}
            _ => {
                if let Some(done) = pending.take() {
                    each(finish(done, &events, settings, now_ms))?;
                    events.clear();
                }
                pending = Some(start(row, id, opts)?);
            }
        }
        if let Some(p) = pending.as_mut() {
            add_event(p, &mut events, row, now_ms)?;
        }
        Ok(())
    })?;
    if let Some(done) = pending.take() {
        each(finish(done, &events, settings, now_ms))?;
    }
    Ok(())
}
