//! Writing a backup: the database snapshot (online backup API), the
//! document files that snapshot references, the manifest, the check, the
//! rename. See the module docs for why in this order.

use super::files::{self, dest_error, source_error, Staging};
use super::manifest::{self, Counts, FileEntry, Manifest, FORMAT, FORMAT_VERSION};
use super::{verify, BackupReport, FOLDER_PREFIX, MANIFEST_FILE};
use crate::clock;
use crate::db::{APPLICATION_ID, DB_FILE};
use crate::documents::{self, DocFormat};
use crate::error::{ErrorCode, LoketError, Result};
use crate::fsutil;
use crate::Desk;
use rusqlite::backup::{Backup, StepResult};
use rusqlite::OpenFlags;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long the snapshot waits for a lock before giving up (the app's own
/// writes are short transactions).
const LOCK_WAIT: Duration = Duration::from_secs(60);

/// Backs up the desk's data folder into a new folder under `dest_parent`.
pub fn create(desk: &Desk, dest_parent: &Path, now_ms: i64) -> Result<BackupReport> {
    create_in(desk.dir(), dest_parent, now_ms)
}

/// Backs up the data folder `data_dir` (which the app may have open and be
/// writing) into a new folder under `dest_parent`, an existing folder. Needs
/// no `Desk`, so the shell can run it without holding the desk.
pub fn create_in(data_dir: &Path, dest_parent: &Path, now_ms: i64) -> Result<BackupReport> {
    if !dest_parent.is_dir() {
        return Err(LoketError::new(
            ErrorCode::FolderCadanganTidakBisaDipakai,
            format!(
                "Folder cadangan {} tidak ada. Pasang flashdisk atau pilih folder lain.",
                dest_parent.display()
            ),
        ));
    }
    let source = data_dir.join(DB_FILE);
    if !source.is_file() {
        return Err(LoketError::new(
            ErrorCode::FolderDataTidakBisaDipakai,
            format!("Tidak ada basis data Loket di {}.", data_dir.display()),
        ));
    }
    let name = format!(
        "{FOLDER_PREFIX}{}",
        clock::to_wib(now_ms).format("%Y%m%d-%H%M%S")
    );
    let staging = Staging::create(dest_parent, &name).map_err(|e| dest_error(&e, dest_parent))?;
    let root = staging.path().to_path_buf();

    let snap = snapshot(&source, &root.join(DB_FILE))?;
    let db_file = root.join(DB_FILE);
    files::sync_file(&db_file).map_err(|e| dest_error(&e, &db_file))?;
    let db = files::hash_file(&db_file).map_err(|e| dest_error(&e, &db_file))?;

    let mut entries = Vec::new();
    let mut missing = Vec::new();
    let mut damaged = Vec::new();
    for content in &snap.contents {
        let paths =
            documents::stored_files(data_dir, &content.sha256, content.format, content.pages);
        for (i, src) in paths.iter().enumerate() {
            let Some(rel) = manifest::relative(src, data_dir) else {
                continue;
            };
            let dest = root.join(&rel);
            match files::copy_into(src, &dest, dest_error)? {
                Ok(h) => {
                    if i == 0 && h.sha256 != content.sha256 {
                        damaged.push(rel.clone());
                    }
                    entries.push(FileEntry {
                        path: rel,
                        sha256: h.sha256,
                        bytes: h.bytes,
                    });
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => missing.push(rel),
                Err(e) => return Err(source_error(&e, src)),
            }
        }
    }
    for dir in files::folders_under(&root) {
        files::sync_dir(&dir);
    }

    let manifest = Manifest {
        format: FORMAT.to_owned(),
        format_version: FORMAT_VERSION,
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        schema_version: snap.schema_version,
        created_at: now_ms,
        created_at_wib: clock::format_wib(now_ms),
        database: FileEntry {
            path: DB_FILE.to_owned(),
            sha256: db.sha256.clone(),
            bytes: db.bytes,
        },
        counts: Counts {
            requests: snap.requests,
            documents: snap.documents,
            files: u32::try_from(entries.len()).unwrap_or(u32::MAX),
            file_bytes: entries.iter().map(|e| e.bytes).sum(),
        },
        files: entries,
        missing,
        audit_head: snap
            .audit_head
            .clone()
            .map(|(id, hash)| manifest::AuditHead { id, hash }),
    };
    let json = serde_json::to_vec_pretty(&manifest).map_err(|e| {
        LoketError::new(
            ErrorCode::GagalMenyimpan,
            format!("Manifest cadangan tidak bisa dibuat: {e}"),
        )
    })?;
    fsutil::write_atomic(&root.join(MANIFEST_FILE), &json).map_err(|e| match e.code {
        ErrorCode::DiskPenuh => e,
        _ => LoketError::new(ErrorCode::FolderCadanganTidakBisaDipakai, e.message),
    })?;

    // Read everything back before the folder gets its name.
    let check = verify(&root);
    if !check.ok {
        let first = check
            .problems
            .first()
            .map(|p| format!("{} ({})", p.message, p.path))
            .unwrap_or_default();
        return Err(LoketError::new(
            ErrorCode::CadanganRusak,
            format!("Cadangan yang baru ditulis gagal diperiksa, tidak disimpan: {first}. Coba flashdisk lain."),
        ));
    }
    let dest = free_name(dest_parent, &name);
    staging
        .place(&dest)
        .map_err(|e| dest_error(&e, dest_parent))?;
    Ok(BackupReport {
        dir: dest.display().to_string(),
        name: dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or(name),
        created_at: now_ms,
        app_version: manifest.app_version,
        schema_version: manifest.schema_version,
        database_bytes: db.bytes,
        database_sha256: db.sha256,
        requests: manifest.counts.requests,
        documents: manifest.counts.documents,
        files: manifest.counts.files,
        file_bytes: manifest.counts.file_bytes,
        missing: manifest.missing,
        damaged,
    })
}

/// `name`, or `name-2`, `name-3`… when a backup of the same second exists.
fn free_name(parent: &Path, name: &str) -> PathBuf {
    let mut dest = parent.join(name);
    let mut n = 2;
    while dest.exists() {
        dest = parent.join(format!("{name}-{n}"));
        n += 1;
    }
    dest
}

/// One stored content the snapshot references.
struct Content {
    sha256: String,
    format: DocFormat,
    pages: u32,
}

/// What the snapshot holds.
struct Snapshot {
    schema_version: i32,
    requests: u64,
    documents: u64,
    /// The access log's last entry in the copy (id, hash).
    audit_head: Option<(i64, String)>,
    contents: Vec<Content>,
}

/// Copies the database at `source` to the new file `dest` in one online
/// backup step (one read snapshot) and reads what the copy references.
fn snapshot(source: &Path, dest: &Path) -> Result<Snapshot> {
    let src = crate::db::open_file(
        source,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| {
        LoketError::new(
            ErrorCode::FolderDataTidakBisaDipakai,
            format!("Basis data tidak bisa dibuka di {}: {e}", source.display()),
        )
    })?;
    src.busy_timeout(Duration::from_secs(5))?;
    let app_id: i32 = src.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if app_id != APPLICATION_ID {
        return Err(LoketError::new(
            ErrorCode::BasisDataRusak,
            "Berkas ini bukan basis data Loket; tidak dicadangkan.",
        ));
    }
    let mut dst = crate::db::open_file(dest, OpenFlags::default()).map_err(|e| {
        LoketError::new(
            ErrorCode::FolderCadanganTidakBisaDipakai,
            format!(
                "Berkas cadangan tidak bisa dibuat di {}: {e}",
                dest.display()
            ),
        )
    })?;
    {
        let backup = Backup::new(&src, &mut dst)?;
        let started = Instant::now();
        loop {
            match backup.step(-1)? {
                StepResult::Done => break,
                StepResult::More => {}
                _ if started.elapsed() > LOCK_WAIT => {
                    return Err(LoketError::new(
                        ErrorCode::GagalMenyimpan,
                        "Basis data sedang sibuk terlalu lama; cadangan dibatalkan. Ulangi sebentar lagi.",
                    ))
                }
                _ => std::thread::sleep(Duration::from_millis(50)),
            }
        }
    }
    // A backup is one plain file: no -wal/-shm beside it on the USB drive.
    let mode: String = dst.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("delete") {
        return Err(LoketError::new(
            ErrorCode::GagalMenyimpan,
            format!("Mode jurnal cadangan tidak bisa diubah (mendapat {mode})."),
        ));
    }
    let schema_version: i32 = dst.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let count = |sql: &str| -> Result<u64> {
        let n: i64 = dst.query_row(sql, [], |r| r.get(0))?;
        Ok(u64::try_from(n).unwrap_or(0))
    };
    let requests = count("SELECT count(*) FROM requests")?;
    let documents = count("SELECT count(*) FROM documents")?;
    let audit_head = crate::audit::chain::head(&dst)?;
    let has_purges: bool = dst.query_row(
        "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'document_purges'",
        [],
        |r| r.get(0),
    )?;
    let unpurged = if has_purges {
        "WHERE NOT EXISTS (SELECT 1 FROM document_purges p WHERE p.document_id = d.id)"
    } else {
        ""
    };
    let mut stmt = dst.prepare(&format!(
        "SELECT d.sha256, d.format, max(d.pages) FROM documents d {unpurged}
         GROUP BY d.sha256, d.format ORDER BY d.sha256"
    ))?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, u32>(2)?,
        ))
    })?;
    let mut contents = Vec::new();
    for row in rows {
        let (sha256, format, pages) = row?;
        let Some(format) = format.parse::<DocFormat>().ok() else {
            return Err(LoketError::new(
                ErrorCode::BasisDataRusak,
                format!("Format dokumen tidak dikenal: {format}"),
            ));
        };
        contents.push(Content {
            sha256,
            format,
            pages,
        });
    }
    Ok(Snapshot {
        schema_version,
        audit_head,
        requests,
        documents,
        contents,
    })
}
