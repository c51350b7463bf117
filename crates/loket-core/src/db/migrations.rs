//! Embedded schema migrations.
//!
//! Each entry of `MIGRATIONS` is applied once, in order, all pending ones in a
//! single transaction together with the new `PRAGMA user_version`. Shipped
//! entries are never edited: a change to the schema is a new entry.

use crate::error::Result;
use rusqlite::Connection;

const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_requests.sql"),
    include_str!("migrations/0002_documents.sql"),
    include_str!("migrations/0003_verification.sql"),
    include_str!("migrations/0004_duplicates.sql"),
    include_str!("migrations/0005_access.sql"),
    include_str!("migrations/0006_delivery_complaints.sql"),
    include_str!("migrations/0007_retention.sql"),
    include_str!("migrations/0008_origin.sql"),
];
/// The schema version this build writes and understands.
pub const SCHEMA_VERSION: i32 = MIGRATIONS.len() as i32;

/// Applies every pending migration in one transaction.
pub(super) fn migrate(conn: &mut Connection) -> Result<()> {
    let current: i32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current >= SCHEMA_VERSION {
        return Ok(());
    }
    // Read the version again under the write lock: another process (the app
    // and `loket-cli` share the file) may have migrated in between.
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let current: i32 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current >= SCHEMA_VERSION {
        return Ok(());
    }
    for sql in MIGRATIONS
        .iter()
        .skip(usize::try_from(current).unwrap_or(0))
    {
        tx.execute_batch(sql)?;
    }
    tx.execute_batch(&format!(
        "PRAGMA application_id = {}; PRAGMA user_version = {SCHEMA_VERSION};",
        super::APPLICATION_ID
    ))?;
    tx.commit()?;
    Ok(())
}

/// Brings a new database to schema `version` only, as an older Loket left
/// it (tests of migrating forward).
#[cfg(test)]
pub(super) fn migrate_to(conn: &mut Connection, version: i32) -> Result<()> {
    let tx = conn.transaction()?;
    for sql in MIGRATIONS
        .iter()
        .take(usize::try_from(version).unwrap_or(0))
    {
        tx.execute_batch(sql)?;
    }
    tx.execute_batch(&format!(
        "PRAGMA application_id = {}; PRAGMA user_version = {version};",
        super::APPLICATION_ID
    ))?;
    tx.commit()?;
    Ok(())
}
