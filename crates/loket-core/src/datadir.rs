//! Where Loket keeps its data, and opening it.
//!
//! The data folder holds the database (and, later, the document store). It
//! is the OS's per-user app-data folder by default (`%APPDATA%\Loket` on
//! Windows), overridden by `--data-dir` or `LOKET_DATA_DIR`. Debug builds use
//! `Loket-dev` instead, so a development run never touches an office's data.

use crate::db;
use crate::error::{ErrorCode, LoketError, Result};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// The environment variable that sets the data folder.
pub const ENV_DATA_DIR: &str = "LOKET_DATA_DIR";

/// The OS's default data folder for Loket, if the OS has one.
pub fn default_data_dir() -> Option<PathBuf> {
    let name = if cfg!(debug_assertions) {
        "Loket-dev"
    } else {
        "Loket"
    };
    dirs::data_dir().map(|d| d.join(name))
}

/// The data folder to use: the explicit one, else `LOKET_DATA_DIR`, else the default.
pub fn resolve_data_dir(explicit: Option<PathBuf>) -> Result<PathBuf> {
    explicit
        .or_else(|| {
            std::env::var_os(ENV_DATA_DIR)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .or_else(default_data_dir)
        .ok_or_else(|| {
            LoketError::new(
                ErrorCode::FolderDataTidakBisaDipakai,
                "Folder data aplikasi tidak ditemukan; tentukan dengan --data-dir atau LOKET_DATA_DIR.",
            )
        })
}

/// An open data folder: its path and a connection to its database.
pub struct Desk {
    dir: PathBuf,
    conn: Connection,
}

impl Desk {
    /// Creates the folder if needed and opens (migrating) its database.
    pub fn open(dir: &Path) -> Result<Desk> {
        std::fs::create_dir_all(dir).map_err(|e| {
            LoketError::new(
                ErrorCode::FolderDataTidakBisaDipakai,
                format!("Folder data {} tidak bisa dibuat: {e}", dir.display()),
            )
        })?;
        let conn = db::open(&dir.join(db::DB_FILE))?;
        Ok(Desk {
            dir: dir.to_path_buf(),
            conn,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }
}
