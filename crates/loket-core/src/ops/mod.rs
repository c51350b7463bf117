//! The command layer: every operation a user can take that is more than one
//! core call — a role check, a write and its access-log entry — as one
//! function that takes the acting account ([`Actor`]) and runs in one
//! `BEGIN IMMEDIATE` transaction.
//!
//! The Tauri commands and `loket-cli` only unpack arguments, call these and
//! present the result, so a rule (who may, what is logged) exists once and
//! the app and the CLI cannot drift apart. Operations whose core function
//! already checks, writes and logs in one transaction (a new request, a
//! move, a document add: the schema's triggers log them) are called
//! directly; a new operation of that kind goes here when it needs a role
//! check or an entry of its own.

pub mod audit_log;
pub mod data;
pub mod exports;
pub mod replies;
pub mod settings;

#[cfg(test)]
mod tests;

use crate::actor::Actor;
use crate::audit::{self, Action};
use crate::db::Db;
use crate::error::Result;
use crate::Desk;

/// Runs `f` in one write transaction (`Db::write`): the write and its log
/// entry land together or not at all.
pub(crate) fn immediate<'c, T>(db: Db<'c>, f: impl FnOnce(Db<'c>) -> Result<T>) -> Result<T> {
    db.write(f)
}

/// A supervisor's change: the role check first, then `write` and its
/// access-log entry in one transaction. `write` returns its result with the
/// entry's action and detail.
pub(crate) fn supervised_change<T>(
    desk: &mut Desk,
    by: &Actor,
    what: &str,
    now_ms: i64,
    write: impl FnOnce(Db<'_>) -> Result<(T, Action, String)>,
) -> Result<T> {
    by.require_supervisor(what)?;
    desk.check_writable()?;
    immediate(desk.db(), |tx| {
        let (out, action, detail) = write(tx)?;
        audit::record_by(tx, by, now_ms, action, None, &detail)?;
        Ok(out)
    })
}
