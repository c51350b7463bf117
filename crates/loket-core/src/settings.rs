//! Small key/value settings kept in the database (the operator's name now;
//! office hours and templates later), so they travel with backups.

use crate::error::Result;
use rusqlite::{Connection, OptionalExtension};

pub const KEY_OPERATOR: &str = "operator_name";

pub fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

pub fn set(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )?;
    Ok(())
}
