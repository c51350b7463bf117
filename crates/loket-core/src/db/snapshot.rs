//! Reading a database in a data folder Loket may not write.
//!
//! A data folder can turn read-only under a running office: permissions
//! changed by an administrator, a disk the OS remounted read-only after
//! errors, a backup copy on a locked share. Writing is then impossible, but
//! the operator should still see the queue and the history. SQLite's WAL
//! mode cannot read such a file the normal way: even a reader must create
//! the `-shm` index beside the database. Opened "immutable" (no locks, no
//! index), SQLite reads the main file as it is — which is complete exactly
//! when no `-wal` file holds pages not yet copied into it. So a snapshot is
//! only opened when the `-wal` file is absent or empty (a clean close leaves
//! none); otherwise the caller keeps its original error rather than show
//! stale data. Every write on a snapshot fails with `SQLITE_READONLY`, which
//! is the coded `folder_data_tidak_bisa_dipakai`.

use super::{refuse_foreign_or_newer, SCHEMA_VERSION};
use crate::error::{ErrorCode, LoketError, Result};
use percent_encoding::{percent_encode, AsciiSet, CONTROLS};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;

/// Bytes of a path that must be escaped in an SQLite `file:` URI.
const URI_ESCAPE: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'?')
    .add(b'<')
    .add(b'>')
    .add(b'`')
    .add(b'{')
    .add(b'}');

/// Opens the database at `path` read-only and unlocked, if that shows all
/// of its committed data (see the module docs).
pub fn open_snapshot(path: &Path) -> Result<Connection> {
    let wal = wal_path(path);
    let wal_empty = match std::fs::metadata(&wal) {
        Ok(m) => m.len() == 0,
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
    };
    if !path.is_file() || !wal_empty {
        return Err(LoketError::new(
            ErrorCode::FolderDataTidakBisaDipakai,
            format!(
                "Basis data di {} tidak bisa dibaca tanpa menulis ke foldernya.",
                path.display()
            ),
        ));
    }
    let conn = Connection::open_with_flags(
        uri(path),
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI,
    )?;
    refuse_foreign_or_newer(&conn)?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version != i64::from(SCHEMA_VERSION) {
        return Err(LoketError::new(
            ErrorCode::FolderDataTidakBisaDipakai,
            "Basis data perlu diperbarui, tetapi folder data tidak bisa ditulis. Periksa izin folder atau disk.",
        ));
    }
    conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA query_only = ON;")?;
    Ok(conn)
}

fn wal_path(path: &Path) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-wal");
    name.into()
}

/// `path` as an SQLite URI opening it immutable.
fn uri(path: &Path) -> String {
    let raw = path.as_os_str().as_encoded_bytes();
    let mut text = percent_encode(raw, URI_ESCAPE).to_string();
    if cfg!(windows) {
        text = text.replace('\\', "/");
        if !text.starts_with('/') {
            text.insert(0, '/');
        }
    }
    format!("file:{text}?mode=ro&immutable=1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_cleanly_closed_database_and_refuses_writes() {
        let dir = tempfile::tempdir().unwrap();
        // Characters a URI must escape; `?` cannot be in a Windows file name.
        let name = if cfg!(windows) {
            "data dengan spasi #1 %20"
        } else {
            "data dengan spasi #1 ?x %20"
        };
        let folder = dir.path().join(name);
        std::fs::create_dir_all(&folder).unwrap();
        let path = folder.join(super::super::DB_FILE);
        {
            let conn = super::super::open(&path).unwrap();
            conn.execute("INSERT INTO settings (key, value) VALUES ('k', 'v')", [])
                .unwrap();
        }
        assert!(!wal_path(&path).exists(), "a clean close leaves no WAL");
        let conn = open_snapshot(&path).unwrap();
        let v: String = conn
            .query_row("SELECT value FROM settings WHERE key = 'k'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(v, "v");
        let err = LoketError::from(
            conn.execute("INSERT INTO settings (key, value) VALUES ('x', 'y')", [])
                .unwrap_err(),
        );
        assert_eq!(err.code, ErrorCode::FolderDataTidakBisaDipakai);
        assert!(!wal_path(&path).exists(), "a snapshot writes nothing");
    }

    #[test]
    fn a_wal_with_pages_is_not_read_around() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(super::super::DB_FILE);
        let writer = super::super::open(&path).unwrap();
        writer
            .execute("INSERT INTO settings (key, value) VALUES ('k', 'v')", [])
            .unwrap();
        // The writer is still open: its committed page is in the WAL only.
        assert!(std::fs::metadata(wal_path(&path)).unwrap().len() > 0);
        let err = open_snapshot(&path).err().map(|e| e.code);
        assert_eq!(err, Some(ErrorCode::FolderDataTidakBisaDipakai));
        drop(writer);
        assert!(
            open_snapshot(&path).is_ok(),
            "after the writer closed, it is complete"
        );
    }

    #[test]
    fn a_missing_database_is_not_created() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(super::super::DB_FILE);
        assert!(open_snapshot(&path).is_err());
        assert!(!path.exists());
    }
}
