//! Opening Loket's SQLite database: one way from a path, one in memory.
//!
//! Every connection gets the same setup (`configure`), and the schema is
//! brought up to date by embedded migrations (`migrations.rs`). A database
//! written by a newer Loket, or a file that is not a Loket database, is
//! refused *before* anything is written to it, so an older build can never
//! damage data it does not understand.

mod file;
mod functions;
mod migrations;
pub mod pg;
mod snapshot;
mod sql;
mod sqlite;
#[cfg(test)]
pub(crate) mod testing;
mod value;

use crate::error::{ErrorCode, LoketError, Result};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::time::Duration;

pub(crate) use file::open_file;
pub use functions::entry_hash;
pub(crate) use functions::{origin, set_origin};
pub use migrations::SCHEMA_VERSION;
pub use pg::PgConn;
pub use snapshot::open_snapshot;
pub use sql::{Db, Engine, Row};
pub use value::{FromValue, Value};

/// `PRAGMA application_id` of a Loket database: "LOKT" in ASCII.
pub const APPLICATION_ID: i32 = 0x4C4F_4B54;

/// The database file name inside the data folder.
pub const DB_FILE: &str = "loket.db";

/// Opens (creating if needed) the database at `path` and migrates it.
pub fn open(path: &Path) -> Result<Connection> {
    let conn = open_file(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI,
    )
    .map_err(|e| {
        LoketError::new(
            ErrorCode::FolderDataTidakBisaDipakai,
            format!("Basis data tidak bisa dibuka di {}: {e}", path.display()),
        )
    })?;
    prepare(conn, true)
}

/// Opens a fresh in-memory database with the full schema (tests, benches).
pub fn open_in_memory() -> Result<Connection> {
    let conn = Connection::open_in_memory()?;
    prepare(conn, false)
}

fn prepare(mut conn: Connection, on_disk: bool) -> Result<Connection> {
    // Read-only checks first: nothing below may write to a file we refuse.
    refuse_foreign_or_newer(&conn)?;
    configure(&conn, on_disk)?;
    migrations::migrate(&mut conn)?;
    Ok(conn)
}

fn refuse_foreign_or_newer(conn: &Connection) -> Result<()> {
    let read = |pragma: &str| -> Result<i64> {
        conn.query_row(&format!("PRAGMA {pragma}"), [], |r| r.get(0))
            .map_err(|e| match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::NotADatabase)
                | Some(rusqlite::ErrorCode::DatabaseCorrupt) => LoketError::new(
                    ErrorCode::BasisDataRusak,
                    "Berkas basis data rusak atau bukan basis data Loket. Tidak ada yang diubah; pulihkan dari cadangan.",
                ),
                _ => LoketError::from(e),
            })
    };
    let app_id = read("application_id")?;
    let version = read("user_version")?;
    if app_id != 0 && app_id != i64::from(APPLICATION_ID) {
        return Err(LoketError::new(
            ErrorCode::BasisDataRusak,
            "Berkas ini basis data aplikasi lain, bukan Loket. Tidak ada yang diubah.",
        ));
    }
    if app_id == 0 && version != 0 {
        return Err(LoketError::new(
            ErrorCode::BasisDataRusak,
            "Berkas ini bukan basis data Loket. Tidak ada yang diubah.",
        ));
    }
    if version > i64::from(SCHEMA_VERSION) {
        return Err(LoketError::new(
            ErrorCode::BasisDataVersiBaru,
            format!(
                "Basis data ini dibuat oleh Loket versi yang lebih baru (skema {version}, versi ini mengenal sampai {SCHEMA_VERSION}). Perbarui Loket; data tidak diubah."
            ),
        ));
    }
    Ok(())
}

/// The setup every connection gets.
///
/// - WAL: readers (the queue) never wait for the writer.
/// - `synchronous = FULL`: a committed request survives a power cut too, not
///   only a crash; writes are human-paced, so the extra fsync costs nothing
///   an operator notices.
/// - `loket_audit_hash` and `loket_origin`, which the access log's triggers
///   call (`functions.rs`).
/// - `foreign_keys = ON`, and a busy timeout so that the app and `loket-cli`
///   can share the file.
fn configure(conn: &Connection, on_disk: bool) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    // The access log's triggers hash each entry with these functions.
    functions::register(conn)?;
    if on_disk {
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(LoketError::new(
                ErrorCode::FolderDataTidakBisaDipakai,
                format!("Mode jurnal WAL tidak bisa dipakai (mendapat {mode})."),
            ));
        }
    }
    conn.execute_batch(
        "PRAGMA synchronous = FULL;
         PRAGMA foreign_keys = ON;
         PRAGMA temp_store = MEMORY;",
    )?;
    Ok(())
}

#[cfg(test)]
mod tests;
