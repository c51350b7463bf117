//! Restoring a backup into a new data folder: refuse a backup that fails its
//! check and a target that is not empty, copy into a temporary folder beside
//! the target while hashing, open the copy as a desk, rename it into place.

use super::files::{self, Staging};
use super::manifest::{resolve, FileEntry};
use super::verify::check;
use super::{ProblemKind, RestoreReport};
use crate::db::{DB_FILE, SCHEMA_VERSION};
use crate::error::{ErrorCode, LoketError, Result};
use crate::Desk;
use std::path::Path;

/// How many problems a refusal names before "and N more".
const NAMED: usize = 3;

fn target_error(err: &std::io::Error, path: &Path) -> LoketError {
    let mapped = LoketError::from_io(err, &format!("folder data {}", path.display()));
    match mapped.code {
        ErrorCode::DiskPenuh => mapped,
        _ => LoketError::new(
            ErrorCode::FolderDataTidakBisaDipakai,
            format!(
                "Folder data baru tidak bisa ditulis ({}): {err}.",
                path.display()
            ),
        ),
    }
}

fn changed(path: &str) -> LoketError {
    LoketError::new(
        ErrorCode::CadanganRusak,
        format!("Berkas {path} di cadangan berubah saat dipulihkan; tidak ada yang dipulihkan. Periksa flashdisk lalu ulangi."),
    )
}

/// Refuses a target that already holds a Loket database or anything else.
fn check_target(to: &Path) -> Result<()> {
    if to.join(DB_FILE).exists() {
        return Err(LoketError::new(
            ErrorCode::FolderTujuanTidakKosong,
            format!(
                "{} sudah berisi basis data Loket; pulihkan ke folder baru agar data yang ada tidak tertimpa.",
                to.display()
            ),
        ));
    }
    if to.exists() {
        let empty = std::fs::read_dir(to)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !to.is_dir() || !empty {
            return Err(LoketError::new(
                ErrorCode::FolderTujuanTidakKosong,
                format!(
                    "{} sudah ada dan tidak kosong; pulihkan ke folder baru yang kosong.",
                    to.display()
                ),
            ));
        }
    }
    Ok(())
}

/// Copies one manifest entry from the backup into the folder being built and
/// checks its bytes against the manifest on the way.
fn copy_entry(from: &Path, root: &Path, entry: &FileEntry, database: bool) -> Result<u64> {
    let (Some(src), Some(dest)) = (
        resolve(from, &entry.path, database),
        resolve(root, &entry.path, database),
    ) else {
        return Err(changed(&entry.path));
    };
    match files::copy_into(&src, &dest, target_error)? {
        Ok(h) if h.sha256 == entry.sha256 && h.bytes == entry.bytes => Ok(h.bytes),
        _ => Err(changed(&entry.path)),
    }
}

/// Restores the backup in `from` into the new data folder `to` (which must
/// not exist or be empty). Nothing is left at `to` when it is refused.
pub fn restore(from: &Path, to: &Path) -> Result<RestoreReport> {
    let (report, manifest) = check(from);
    if let Some(p) = report
        .problems
        .iter()
        .find(|p| p.kind == ProblemKind::VersionNewer)
    {
        return Err(LoketError::new(
            ErrorCode::BasisDataVersiBaru,
            p.message.clone(),
        ));
    }
    let manifest = match manifest {
        Some(m) if report.ok => m,
        _ => {
            let named: Vec<String> = report
                .problems
                .iter()
                .take(NAMED)
                .map(|p| {
                    if p.path.is_empty() {
                        p.message.clone()
                    } else {
                        format!("{}: {}", p.path, p.message)
                    }
                })
                .collect();
            let more = report.problems.len().saturating_sub(NAMED);
            let more = if more > 0 {
                format!(" (dan {more} masalah lain)")
            } else {
                String::new()
            };
            return Err(LoketError::new(
                ErrorCode::CadanganRusak,
                format!(
                    "Cadangan {} rusak, tidak dipulihkan: {}{more}",
                    from.display(),
                    named.join("; ")
                ),
            ));
        }
    };
    check_target(to)?;
    let parent = match to.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(|e| target_error(&e, &parent))?;
    let name = to
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Loket".to_owned());
    let staging = Staging::create(&parent, &name).map_err(|e| target_error(&e, &parent))?;
    let root = staging.path().to_path_buf();

    copy_entry(from, &root, &manifest.database, true)?;
    let mut bytes = 0;
    for entry in &manifest.files {
        bytes += copy_entry(from, &root, entry, false)?;
    }
    for dir in files::folders_under(&root) {
        files::sync_dir(&dir);
    }

    // The copy must open as a desk (an older schema is migrated here) and
    // hold what the manifest says.
    let (requests, documents, schema_version) = {
        let desk = Desk::open(&root)?;
        let count = |sql: &str| -> Result<u64> {
            let n: i64 = desk.conn()?.query_row(sql, [], |r| r.get(0))?;
            Ok(u64::try_from(n).unwrap_or(0))
        };
        (
            count("SELECT count(*) FROM requests")?,
            count("SELECT count(*) FROM documents")?,
            SCHEMA_VERSION,
        )
    };
    if requests != manifest.counts.requests || documents != manifest.counts.documents {
        return Err(changed(&manifest.database.path));
    }

    // Checked again just before: another restore may have used the name.
    check_target(to)?;
    if to.exists() {
        std::fs::remove_dir(to).map_err(|e| target_error(&e, to))?;
    }
    staging.place(to).map_err(|e| target_error(&e, to))?;
    Ok(RestoreReport {
        data_dir: to.display().to_string(),
        backup_dir: from.display().to_string(),
        backup_created_at: manifest.created_at,
        backup_schema_version: manifest.schema_version,
        schema_version,
        requests,
        documents,
        files: u32::try_from(manifest.files.len()).unwrap_or(u32::MAX),
        bytes,
    })
}
