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

use crate::db::{self, Db, PgConn};
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

/// An open desk: its local folder and its database, either the folder's
/// own SQLite file (a single desk) or the office's PostgreSQL (office
/// mode, the folder then only caches).
pub struct Desk {
    dir: PathBuf,
    store: Store,
    read_only: bool,
    /// Office mode: the server's clock minus this PC's, measured at open.
    clock_offset_ms: i64,
}

enum Store {
    Folder(Connection),
    /// The office database, and its address for another connection.
    Office(Box<PgConn>, String),
}

impl Desk {
    /// Creates the folder if needed, opens (migrating) its database and
    /// sweeps stale temporary files. A folder on a network share is refused
    /// (`folder_data_di_jaringan`, see `netfs`). A folder that cannot be written opens
    /// read-only if its database can be read completely without writing
    /// ([`Desk::read_only`]); otherwise its coded error is returned.
    pub fn open(dir: &Path) -> Result<Desk> {
        // A share named by its UNC path is refused before anything is made there.
        crate::netfs::check_local(dir)?;
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
        // A mapped network drive or a network file system shows once it exists.
        crate::netfs::check_local(dir)?;
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
            store: Store::Folder(conn),
            read_only,
            clock_offset_ms: 0,
        })
    }

    /// A desk of the office database at `url` (office mode), with `dir` as
    /// its local folder. The database must be set up (`office init`) with
    /// this build's schema; nothing falls back to a local file.
    pub fn open_office(url: &str, dir: &Path) -> Result<Desk> {
        let desk = Desk::on_office(PgConn::connect(url)?, url, dir)?;
        // The local cache's temporary files a crash left behind, and its
        // copies of photos the office has purged since.
        if dir.is_dir() {
            documents::sweep_stale_temp(dir, SystemTime::now());
            desk.drop_purged_cache()?;
        }
        Ok(desk)
    }

    /// A desk on an open office connection (`open_office`; tests give one
    /// set to their own schema).
    pub(crate) fn on_office(conn: PgConn, url: &str, dir: &Path) -> Result<Desk> {
        // Half the round trip stands for when the server read its clock.
        let before = crate::clock::now_ms();
        let server = conn.server_now_ms()?;
        let after = crate::clock::now_ms();
        Ok(Desk {
            dir: dir.to_path_buf(),
            store: Store::Office(Box::new(conn), url.to_owned()),
            read_only: false,
            clock_offset_ms: server - (before + after) / 2,
        })
    }

    /// Now, UTC milliseconds, by the clock events are stamped with: this
    /// PC's on a single desk, the office server's in office mode (measured
    /// when the desk opened), so desks whose clocks drift still agree.
    pub fn now_ms(&self) -> i64 {
        crate::clock::now_ms() + self.clock_offset_ms
    }

    /// Whether this desk works on the office database.
    pub fn is_office(&self) -> bool {
        matches!(self.store, Store::Office(..))
    }

    /// The database, whichever engine it is.
    pub fn db(&self) -> Db<'_> {
        match &self.store {
            Store::Folder(c) => Db::Sqlite(c),
            Store::Office(c, _) => Db::Postgres(c),
        }
    }

    /// A second connection to the same folder (same read-only mode, no
    /// sweep): for work that takes long (a photo's decode, a PDF drawn in
    /// its worker, a retention run, a year's export) while other work on
    /// the desk goes on through the first. SQLite's own locks keep the two
    /// apart, and writes stay short transactions.
    pub fn another(&self) -> Result<Desk> {
        if let Store::Office(_, url) = &self.store {
            return Desk::open_office(url, &self.dir);
        }
        let path = self.dir.join(db::DB_FILE);
        let conn = if self.read_only {
            db::open_snapshot(&path)?
        } else {
            db::open(&path)?
        };
        Ok(Desk {
            dir: self.dir.clone(),
            store: Store::Folder(conn),
            read_only: self.read_only,
            clock_offset_ms: 0,
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

    /// Refuses up front, before costly work, a write to a read-only folder.
    pub fn check_writable(&self) -> Result<()> {
        if self.read_only {
            return Err(LoketError::new(
                ErrorCode::FolderDataTidakBisaDipakai,
                format!(
                    "Folder data {} hanya bisa dibaca: perubahan tidak bisa disimpan. Periksa izin folder atau disk.",
                    self.dir.display()
                ),
            ));
        }
        Ok(())
    }

    /// The folder's own SQLite connection, for what has not moved to
    /// [`Desk::db`] yet; in office mode such work is refused with
    /// `belum_ada_di_mode_kantor`, never done on a local file.
    pub fn conn(&self) -> Result<&Connection> {
        match &self.store {
            Store::Folder(c) => Ok(c),
            Store::Office(..) => Err(not_in_office()),
        }
    }

    pub fn conn_mut(&mut self) -> Result<&mut Connection> {
        match &mut self.store {
            Store::Folder(c) => Ok(c),
            Store::Office(..) => Err(not_in_office()),
        }
    }
}

fn not_in_office() -> LoketError {
    LoketError::new(
        ErrorCode::BelumAdaDiModeKantor,
        "Fitur ini belum tersedia di mode kantor (basis data bersama). Kerjakan di meja dengan folder data sendiri.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NewRequest;

    /// The desk `Desk::open` makes of a folder it cannot write (which root,
    /// running the tests in CI, cannot produce with permissions).
    fn read_only_desk(dir: &Path) -> Desk {
        Desk {
            dir: dir.to_path_buf(),
            store: Store::Folder(db::open_snapshot(&dir.join(db::DB_FILE)).unwrap()),
            read_only: true,
            clock_offset_ms: 0,
        }
    }

    #[test]
    fn a_read_only_desk_reads_and_refuses_writes_before_any_work() {
        let dir = tempfile::tempdir().unwrap();
        {
            let desk = Desk::open(dir.path()).unwrap();
            assert!(!desk.read_only());
            let input = NewRequest {
                name: "Siti Aminah".into(),
                phone: "081234567890".into(),
                ..Default::default()
            };
            crate::requests::create_request(desk.db(), &input, "Rina", 1).unwrap();
        }
        let mut desk = read_only_desk(dir.path());
        let reg: String = desk
            .conn()
            .unwrap()
            .query_row("SELECT reg_no FROM requests", [], |r| r.get(0))
            .unwrap();
        assert_eq!(
            crate::requests::get_by_reg_no(desk.db(), &reg)
                .unwrap()
                .name,
            "SITI AMINAH"
        );
        let photo = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/documents/WhatsApp Image 2026-11-24 at 10.15.32.jpeg");
        let err = documents::add_path(&mut desk, &reg, None, &photo, "Rina", 2).unwrap_err();
        assert_eq!(err.code, ErrorCode::FolderDataTidakBisaDipakai);
        assert!(
            !documents::store_dir(dir.path()).exists(),
            "refused before a file is written"
        );
        let err = crate::requests::create_request(
            desk.conn_mut().unwrap(),
            &NewRequest {
                name: "Budi".into(),
                phone: "081234567891".into(),
                ..Default::default()
            },
            "Rina",
            3,
        )
        .unwrap_err();
        assert_eq!(err.code, ErrorCode::FolderDataTidakBisaDipakai);
    }
}
