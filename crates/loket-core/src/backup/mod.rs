//! Backups of a data folder to a folder the supervisor picks (a USB drive),
//! and restoring one into a new data folder.
//!
//! Why it is built this way:
//!
//! - **Safe while the app writes.** The database is copied with SQLite's
//!   online backup API in one step: one read snapshot (WAL readers never
//!   block the writer), no restarts. The document files copied are exactly
//!   those the *snapshot* references (unpurged documents: originals, display
//!   copies, thumbnails), so the database and the files agree.
//! - **Nothing half-written looks complete.** A backup is built in a hidden
//!   temporary folder (`.loket-cadangan-….tmp`), every file synced; the
//!   `manifest.json` (versions, time, counts, every file's path, SHA-256 and
//!   size) is written last; then the copy is checked — the database reopened
//!   read-only with `PRAGMA integrity_check`, every file hashed again against
//!   the manifest — and only then is the folder renamed to
//!   `loket-cadangan-YYYYMMDD-HHMMSS` (WIB). A failure deletes the temporary
//!   folder; a crash leaves only a hidden `.tmp` folder without the name.
//! - **Restore refuses what fails its check** (`cadangan_rusak`, naming what
//!   is wrong) and a target that already holds a Loket database or anything
//!   else (`folder_tujuan_tidak_kosong`). It copies into a temporary folder
//!   beside the target, checks every byte again, opens it with `Desk::open`
//!   (which migrates an older schema), and renames it into place.
//! - **Paths come from the manifest only after checking them**: only plain
//!   relative paths under `documents/` are read or written, so a tampered
//!   manifest cannot make a restore write outside its folder.
//!
//! A full disk is `disk_penuh`; a backup folder that does not exist or cannot
//! be written is `folder_cadangan_tidak_bisa_dipakai` (a USB drive that is
//! not plugged in must not silently become a folder on the office PC).

mod create;
mod files;
mod manifest;
mod restore;
mod verify;

#[cfg(test)]
mod tests;

pub use create::{create, create_in};
pub use manifest::audit_head;
pub use restore::restore;
pub use verify::verify;

use serde::Serialize;
use ts_rs::TS;

/// The name every backup folder starts with.
pub const FOLDER_PREFIX: &str = "loket-cadangan-";
/// The manifest inside a backup folder.
pub const MANIFEST_FILE: &str = "manifest.json";

/// What [`create`] wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupReport {
    /// The backup folder (absolute or as given).
    pub dir: String,
    /// Its name, `loket-cadangan-YYYYMMDD-HHMMSS`.
    pub name: String,
    pub created_at: i64,
    pub app_version: String,
    pub schema_version: i32,
    pub database_bytes: u64,
    pub database_sha256: String,
    pub requests: u64,
    pub documents: u64,
    /// Document files copied (originals, display copies, thumbnails).
    pub files: u32,
    pub file_bytes: u64,
    /// Files the snapshot references that were not in the data folder
    /// (deleted by retention meanwhile, or lost before): listed in the
    /// manifest, not copied.
    pub missing: Vec<String>,
    /// Originals whose bytes no longer match the SHA-256 they are named by:
    /// damaged in the data folder (copied as they are; the damage is there).
    pub damaged: Vec<String>,
}

/// What is wrong with a backup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// The folder or its `manifest.json` is missing.
    ManifestMissing,
    /// The manifest is not a Loket backup manifest, or names an unsafe path.
    ManifestInvalid,
    /// Written by a newer Loket (format or schema): this build cannot restore it.
    VersionNewer,
    FileMissing,
    SizeMismatch,
    HashMismatch,
    /// The database fails `integrity_check` or is not a Loket database.
    DatabaseDamaged,
}

/// One problem, with the file it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupProblem {
    /// The file, relative to the backup folder (empty for the folder itself).
    pub path: String,
    pub kind: ProblemKind,
    /// In Indonesian, for the supervisor.
    pub message: String,
}

/// What [`verify`] found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct VerifyReport {
    pub dir: String,
    /// No problems.
    pub ok: bool,
    pub created_at: Option<i64>,
    pub app_version: Option<String>,
    pub schema_version: Option<i32>,
    pub requests: Option<u64>,
    pub documents: Option<u64>,
    /// Files hashed, the database included.
    pub files_checked: u32,
    pub bytes_checked: u64,
    pub problems: Vec<BackupProblem>,
}

/// What [`restore`] did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RestoreReport {
    /// The new data folder.
    pub data_dir: String,
    /// The backup it came from.
    pub backup_dir: String,
    pub backup_created_at: i64,
    /// The schema of the backup, and of the restored folder after migrating.
    pub backup_schema_version: i32,
    pub schema_version: i32,
    pub requests: u64,
    pub documents: u64,
    /// Document files restored.
    pub files: u32,
    pub bytes: u64,
}
