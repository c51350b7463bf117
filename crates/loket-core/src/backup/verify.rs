//! Checking a backup folder against its manifest: every file present with
//! its size and SHA-256, the database a Loket database of the stated schema
//! that passes `PRAGMA integrity_check`. Reads only; never opens anything the
//! manifest names outside the folder.

use super::files::hash_file;
use super::manifest::{resolve, FileEntry, Manifest, FORMAT, FORMAT_VERSION};
use super::{BackupProblem, ProblemKind, VerifyReport, MANIFEST_FILE};
use crate::db::{APPLICATION_ID, SCHEMA_VERSION};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;

struct Checker {
    report: VerifyReport,
}

impl Checker {
    fn problem(&mut self, path: &str, kind: ProblemKind, message: String) {
        self.report.problems.push(BackupProblem {
            path: path.to_owned(),
            kind,
            message,
        });
    }

    /// Checks one file's size and hash; true when it matches.
    fn file(&mut self, dir: &Path, entry: &FileEntry, database: bool) -> bool {
        let Some(path) = resolve(dir, &entry.path, database) else {
            self.problem(
                &entry.path,
                ProblemKind::ManifestInvalid,
                "Manifest menyebut berkas di luar folder cadangan.".into(),
            );
            return false;
        };
        let len = match std::fs::metadata(&path) {
            Ok(m) if m.is_file() => m.len(),
            _ => {
                self.problem(
                    &entry.path,
                    ProblemKind::FileMissing,
                    "Berkas hilang dari cadangan.".into(),
                );
                return false;
            }
        };
        if len != entry.bytes {
            self.problem(
                &entry.path,
                ProblemKind::SizeMismatch,
                format!(
                    "Ukuran berkas berubah: {len} byte, seharusnya {} byte.",
                    entry.bytes
                ),
            );
            return false;
        }
        match hash_file(&path) {
            Ok(h) => {
                self.report.files_checked += 1;
                self.report.bytes_checked += h.bytes;
                if h.sha256 != entry.sha256 || h.bytes != entry.bytes {
                    self.problem(
                        &entry.path,
                        ProblemKind::HashMismatch,
                        "Isi berkas berubah (SHA-256 tidak cocok dengan manifest).".into(),
                    );
                    return false;
                }
                true
            }
            Err(e) => {
                self.problem(
                    &entry.path,
                    ProblemKind::FileMissing,
                    format!("Berkas tidak bisa dibaca: {e}."),
                );
                false
            }
        }
    }

    /// Opens the database read-only and checks what it is and its pages.
    fn database(&mut self, path: &Path, manifest: &Manifest) {
        let name = manifest.database.path.clone();
        let damaged = |c: &mut Checker, why: String| {
            c.problem(&name, ProblemKind::DatabaseDamaged, why);
        };
        let conn = match crate::db::open_file(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        ) {
            Ok(c) => c,
            Err(e) => return damaged(self, format!("Basis data tidak bisa dibuka: {e}.")),
        };
        let pragma = |name: &str| conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0));
        let header: rusqlite::Result<(i32, i32)> =
            pragma("application_id").and_then(|a| Ok((a, pragma("user_version")?)));
        match header {
            Ok((app, _)) if app != APPLICATION_ID => {
                return damaged(self, "Bukan basis data Loket.".into())
            }
            Ok((_, v)) if v != manifest.schema_version => {
                return damaged(
                    self,
                    format!(
                        "Versi skema basis data {v} tidak sama dengan manifest ({}).",
                        manifest.schema_version
                    ),
                )
            }
            Ok(_) => {}
            Err(e) => return damaged(self, format!("Basis data rusak: {e}.")),
        }
        let check = integrity(&conn);
        match check {
            Ok(rows) if rows.len() == 1 && rows[0] == "ok" => {}
            Ok(rows) => {
                let first = rows.into_iter().next().unwrap_or_default();
                return damaged(
                    self,
                    format!(
                        "Pemeriksaan integritas basis data gagal: {}.",
                        first.chars().take(200).collect::<String>()
                    ),
                );
            }
            Err(e) => return damaged(self, format!("Basis data rusak: {e}.")),
        }
        let requests: Result<i64, _> =
            conn.query_row("SELECT count(*) FROM requests", [], |r| r.get(0));
        match requests {
            Ok(n) if u64::try_from(n).ok() == Some(manifest.counts.requests) => {}
            Ok(n) => damaged(
                self,
                format!(
                    "Basis data berisi {n} permohonan, manifest menyebut {}.",
                    manifest.counts.requests
                ),
            ),
            Err(e) => damaged(self, format!("Basis data rusak: {e}.")),
        }
    }
}

/// The rows of `PRAGMA integrity_check` (one "ok" when the file is sound).
fn integrity(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    rows.collect()
}

fn read_manifest(c: &mut Checker, dir: &Path) -> Option<Manifest> {
    if !dir.is_dir() {
        c.problem(
            "",
            ProblemKind::ManifestMissing,
            format!("Folder cadangan {} tidak ada.", dir.display()),
        );
        return None;
    }
    let file = match std::fs::File::open(dir.join(MANIFEST_FILE)) {
        Ok(f) => f,
        Err(_) => {
            c.problem(
                MANIFEST_FILE,
                ProblemKind::ManifestMissing,
                "manifest.json tidak ada: cadangan ini tidak lengkap atau bukan cadangan Loket."
                    .into(),
            );
            return None;
        }
    };
    let manifest: Manifest = match serde_json::from_reader(std::io::BufReader::new(file)) {
        Ok(m) => m,
        Err(e) => {
            c.problem(
                MANIFEST_FILE,
                ProblemKind::ManifestInvalid,
                format!("manifest.json rusak atau bukan manifest cadangan Loket: {e}."),
            );
            return None;
        }
    };
    if manifest.format != FORMAT {
        c.problem(
            MANIFEST_FILE,
            ProblemKind::ManifestInvalid,
            "manifest.json bukan manifest cadangan Loket.".into(),
        );
        return None;
    }
    if manifest.format_version > FORMAT_VERSION || manifest.schema_version > SCHEMA_VERSION {
        c.problem(
            MANIFEST_FILE,
            ProblemKind::VersionNewer,
            format!(
                "Cadangan ini dibuat oleh Loket versi yang lebih baru ({}, skema {}; versi ini mengenal skema sampai {SCHEMA_VERSION}). Perbarui Loket.",
                manifest.app_version, manifest.schema_version
            ),
        );
        return None;
    }
    Some(manifest)
}

/// Checks the backup in `dir` against its manifest. Never fails: whatever is
/// wrong (the folder itself missing included) is a problem in the report.
pub fn verify(dir: &Path) -> VerifyReport {
    check(dir).0
}

/// [`verify`], with the manifest when it could be read (restore uses it).
pub(super) fn check(dir: &Path) -> (VerifyReport, Option<Manifest>) {
    let mut c = Checker {
        report: VerifyReport {
            dir: dir.display().to_string(),
            ok: false,
            created_at: None,
            app_version: None,
            schema_version: None,
            requests: None,
            documents: None,
            files_checked: 0,
            bytes_checked: 0,
            problems: Vec::new(),
        },
    };
    let manifest = read_manifest(&mut c, dir);
    if let Some(m) = &manifest {
        c.report.created_at = Some(m.created_at);
        c.report.app_version = Some(m.app_version.clone());
        c.report.schema_version = Some(m.schema_version);
        c.report.requests = Some(m.counts.requests);
        c.report.documents = Some(m.counts.documents);
        if c.file(dir, &m.database, true) {
            c.database(&dir.join(crate::db::DB_FILE), m);
        }
        for entry in &m.files {
            c.file(dir, entry, false);
        }
        let listed = u32::try_from(m.files.len()).unwrap_or(u32::MAX);
        if listed != m.counts.files {
            c.problem(
                MANIFEST_FILE,
                ProblemKind::ManifestInvalid,
                format!(
                    "Manifest menyebut {} berkas tetapi mendaftar {listed}.",
                    m.counts.files
                ),
            );
        }
    }
    c.report.ok = c.report.problems.is_empty();
    (c.report, manifest)
}
