//! The SQL functions the schema's triggers call, registered on every
//! connection (`configure`): `loket_audit_hash`, the access log's entry
//! hash, and `loket_origin()`, the origin this process writes (`app` or
//! `cli`). They live with the schema that calls them; `audit` checks the
//! chain with the same [`entry_hash`], and `actor::set_process_origin` sets
//! the origin.

use crate::error::Result;
use rusqlite::functions::FunctionFlags;
use rusqlite::Connection;
use sha2::{Digest, Sha256};
use std::sync::RwLock;

static ORIGIN: RwLock<&str> = RwLock::new("app");

/// Sets the origin `loket_origin()` returns from now on, in every
/// connection of this process.
pub(crate) fn set_origin(origin: &'static str) {
    match ORIGIN.write() {
        Ok(mut o) => *o = origin,
        Err(poisoned) => *poisoned.into_inner() = origin,
    }
}

/// The origin `loket_origin()` returns: `app` unless set.
pub(crate) fn origin() -> &'static str {
    match ORIGIN.read() {
        Ok(o) => *o,
        Err(poisoned) => *poisoned.into_inner(),
    }
}

/// The hash of one entry, lowercase hex.
pub fn entry_hash(
    prev: &str,
    at: i64,
    operator: &str,
    action: &str,
    request_id: Option<i64>,
    detail: &str,
    origin: &str,
) -> String {
    let mut h = Sha256::new();
    // Every field with its length in front: no two different entries feed
    // the hash the same bytes.
    let mut field = |bytes: &[u8]| {
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    };
    field(prev.as_bytes());
    field(&at.to_le_bytes());
    field(operator.as_bytes());
    field(action.as_bytes());
    match request_id {
        Some(id) => field(&id.to_le_bytes()),
        None => field(&[]),
    }
    field(detail.as_bytes());
    if !origin.is_empty() {
        field(origin.as_bytes());
    }
    let digest = h.finalize();
    let mut hex = String::with_capacity(64);
    for b in digest {
        hex.push(char::from(HEX[usize::from(b >> 4)]));
        hex.push(char::from(HEX[usize::from(b & 15)]));
    }
    hex
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Registers `loket_audit_hash(prev, at, operator, action, request_id,
/// detail[, origin])` and `loket_origin()` (this process's origin) on a
/// connection; every connection to a Loket database needs them before it
/// writes (the schema's triggers call them; the six-argument hash serves the
/// migrations before schema 8).
pub(crate) fn register(conn: &Connection) -> Result<()> {
    for args in [6, 7] {
        conn.create_scalar_function(
            "loket_audit_hash",
            args,
            FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
            |ctx| {
                let prev: String = ctx.get(0)?;
                let at: i64 = ctx.get(1)?;
                let operator: String = ctx.get(2)?;
                let action: String = ctx.get(3)?;
                let request_id: Option<i64> = ctx.get(4)?;
                let detail: String = ctx.get(5)?;
                let origin: String = if ctx.len() > 6 {
                    ctx.get(6)?
                } else {
                    String::new()
                };
                Ok(entry_hash(
                    &prev, at, &operator, &action, request_id, &detail, &origin,
                ))
            },
        )?;
    }
    conn.create_scalar_function("loket_origin", 0, FunctionFlags::SQLITE_UTF8, |_| {
        Ok(origin())
    })?;
    Ok(())
}
