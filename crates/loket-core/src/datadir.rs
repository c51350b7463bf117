//! Where Loket keeps its data, and opening it.
//!
//! The data folder holds the database and the document store. It is the
//! OS's per-user app-data folder by default (`%APPDATA%\Loket` on Windows),
//! overridden by `--data-dir` or `LOKET_DATA_DIR`. Debug builds use
//! `Loket-dev` instead, so a development run never touches an office's data.
//!
//! Opening also tidies up after a crash (stale temporary files of the
//! document store, `documents/sweep.rs`), and a folder Loket may not write
//! opens read-only when that shows all its data (`db/snapshot.rs`): the
//! queue stays readable and every write is refused with a coded error.

use crate::db;
use crate::documents;
use crate::error::{ErrorCode, LoketError, Result};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

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
    read_only: bool,
}

impl Desk {
    /// Creates the folder if needed, opens (migrating) its database and
    /// sweeps stale temporary files. A folder that cannot be written opens
    /// read-only if its database can be read completely without writing
    /// ([`Desk::read_only`]); otherwise its coded error is returned.
    pub fn open(dir: &Path) -> Result<Desk> {
        std::fs::create_dir_all(dir).map_err(|e| {
            let err = LoketError::from_io(&e, "folder data");
            if err.code == ErrorCode::DiskPenuh {
                return err;
            }
            LoketError::new(
                ErrorCode::FolderDataTidakBisaDipakai,
                format!("Folder data {} tidak bisa dibuat: {e}", dir.display()),
            )
        })?;
        let path = dir.join(db::DB_FILE);
        let (conn, read_only) = match db::open(&path) {
            Ok(conn) => (conn, false),
            Err(e) if e.code == ErrorCode::FolderDataTidakBisaDipakai => {
                (db::open_snapshot(&path).map_err(|_| e)?, true)
            }
            Err(e) => return Err(e),
        };
        if !read_only {
            documents::sweep_stale_temp(dir, SystemTime::now());
        }
        Ok(Desk {
            dir: dir.to_path_buf(),
            conn,
            read_only,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether the folder could only be opened for reading: every write
    /// fails with `folder_data_tidak_bisa_dipakai`.
    pub fn read_only(&self) -> bool {
        self.read_only
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }
}
