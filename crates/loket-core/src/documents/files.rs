//! Where a desk's document files are kept, behind one small interface so
//! the add pipeline and the viewer never ask which engine a desk runs on.
//!
//! - **A single desk** keeps them in its data folder (`store.rs`): the
//!   folder is the store.
//! - **An office desk** keeps them in the office database
//!   (`document_files`: one row per content, variant and page, added with
//!   `ON CONFLICT DO NOTHING`, so the same bytes are kept once for every
//!   desk), which one backup covers and retention purges. The webview is
//!   given file paths, so what a desk shows is copied into its own folder
//!   first, in the same content-addressed layout and written the same way
//!   (temporary name, sync, rename): a copy already there is the right one,
//!   as its name is its hash, and is used as it is. The folder only caches:
//!   losing it costs a fetch, never a document.
//!
//! Uploads are plain statements, not a write transaction: the office's write
//! lock (the access-log chain's) is never held while megabytes cross the
//! network. A content is whole once every one of its rows is there
//! ([`Files::complete`]); the document's row is written only after that.
//!
//! Retention deletes a content's files once no unpurged document uses them
//! ([`Desk::delete_content_files`]): the folder's files, or the office's
//! rows and the cached copies of the desk that runs it (the caches of
//! other desks are not reached from here; their viewers no longer show a
//! purged document).

use super::decode::Rendered;
use super::derive::Derived;
use super::store::{self, store_dir};
use super::{refuse, DocFormat};
use crate::db::Db;
use crate::error::{ErrorCode, LoketError, Result};
use crate::sql_params;
use crate::Desk;
use std::path::{Path, PathBuf};

/// One stored file of a content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Variant {
    /// The bytes as received.
    Original,
    /// The upright display copy of a page.
    Display,
    /// The thumbnail of a page.
    Thumb,
}

impl Variant {
    fn as_str(self) -> &'static str {
        match self {
            Variant::Original => "original",
            Variant::Display => "display",
            Variant::Thumb => "thumb",
        }
    }
}

/// A desk's document files: the folder store `root`, which in office mode
/// caches what the office database holds.
pub(super) enum Files<'d> {
    Folder(PathBuf),
    Office(Db<'d>, PathBuf),
}

impl<'d> Files<'d> {
    /// The files of `desk`.
    pub(super) fn of(desk: &'d Desk) -> Files<'d> {
        let root = store_dir(desk.dir());
        if desk.is_office() {
            Files::Office(desk.db(), root)
        } else {
            Files::Folder(root)
        }
    }

    /// Whether the original and every page's display copy and thumbnail
    /// are stored.
    pub(super) fn complete(&self, sha256: &str, format: DocFormat, pages: u32) -> Result<bool> {
        match self {
            Files::Folder(root) => Ok(store::complete(root, sha256, format, pages)),
            Files::Office(db, _) => {
                let n: i64 = db.value(
                    "SELECT count(*) FROM document_files
                     WHERE sha256 = ?1 AND (variant = 'original' OR page <= ?2)",
                    sql_params![sha256, pages],
                )?;
                Ok(n == 1 + 2 * i64::from(pages))
            }
        }
    }

    /// Stores `bytes` (the original, named by `sha256`) and the pages
    /// `render` derives from them; returns what `render` made. Nothing is
    /// left stored when `render` refuses.
    pub(super) fn put(
        &self,
        sha256: &str,
        format: DocFormat,
        bytes: &[u8],
        render: impl FnOnce() -> Result<Rendered>,
    ) -> Result<Rendered> {
        match self {
            Files::Folder(root) => put_in_folder(root, sha256, format, bytes, render),
            Files::Office(db, root) => {
                let rendered = render()?;
                for (page, n) in rendered.pages.iter().zip(1u32..) {
                    upload(*db, sha256, Variant::Display, n, &page.display)?;
                    upload(*db, sha256, Variant::Thumb, n, &page.thumb)?;
                }
                upload(*db, sha256, Variant::Original, 0, bytes)?;
                // The adding desk shows it next: cache what it will show.
                // Best effort: the office database holds it either way.
                let _ = write_derived(root, sha256, &rendered.pages);
                Ok(rendered)
            }
        }
    }

    /// `path` (where this desk keeps `variant` of page `page` of the content
    /// `sha256`) with the file in it: in office mode fetched from the office
    /// database unless already cached.
    pub(super) fn local(
        &self,
        path: PathBuf,
        sha256: &str,
        variant: Variant,
        page: u32,
    ) -> Result<PathBuf> {
        let Files::Office(db, root) = self else {
            return Ok(path);
        };
        if path.is_file() {
            return Ok(path);
        }
        let page = if variant == Variant::Original {
            0
        } else {
            page
        };
        let bytes: Option<Vec<u8>> = db.query_opt(
            "SELECT bytes FROM document_files WHERE sha256 = ?1 AND variant = ?2 AND page = ?3",
            sql_params![sha256, variant.as_str(), page],
            |r| r.get(0),
        )?;
        let bytes = bytes.ok_or_else(|| missing(sha256))?;
        store::write_new(root, &path, &bytes)?;
        Ok(path)
    }
}

/// What [`Desk::delete_content_files`] removed.
#[derive(Debug, Default)]
pub(crate) struct Removal {
    /// Files (single desk) or `document_files` rows (office) deleted.
    pub(crate) files: u32,
    /// The bytes they held.
    pub(crate) bytes: u64,
    /// The first file that could not be deleted (held open by another
    /// program, a refused permission); the files after it were not tried.
    pub(crate) error: Option<LoketError>,
}

impl Desk {
    /// Deletes every stored file of the content `sha256` (retention, once
    /// no unpurged document uses it): on a single desk the files in its
    /// folder, in office mode the content's rows in `document_files` and
    /// then this desk's cached copies. Inside a write transaction, the rows
    /// go with it. A file that cannot be deleted is reported in
    /// [`Removal::error`]; `Err` is the database's failure.
    pub(crate) fn delete_content_files(
        &self,
        sha256: &str,
        format: DocFormat,
        pages: u32,
    ) -> Result<Removal> {
        Files::of(self).delete(sha256, format, pages)
    }
}

impl Files<'_> {
    fn delete(&self, sha256: &str, format: DocFormat, pages: u32) -> Result<Removal> {
        let mut done = Removal::default();
        match self {
            Files::Folder(root) => {
                done.error = delete_files(&content_paths(root, sha256, format, pages), &mut done);
            }
            Files::Office(db, root) => {
                let sizes: Vec<i64> = db.query_all(
                    "DELETE FROM document_files WHERE sha256 = ?1
                     RETURNING CAST(length(bytes) AS BIGINT)",
                    sql_params![sha256],
                    |r| r.get(0),
                )?;
                done.files = u32::try_from(sizes.len()).unwrap_or(u32::MAX);
                done.bytes = sizes.iter().map(|n| u64::try_from(*n).unwrap_or(0)).sum();
                // The cache's copies are not counted: the office's rows are the files.
                let mut cache = Removal::default();
                done.error = delete_files(&content_paths(root, sha256, format, pages), &mut cache);
            }
        }
        Ok(done)
    }
}

/// Where the store `root` keeps the original and every page's display copy
/// and thumbnail of a content (as [`super::stored_files`]).
fn content_paths(root: &Path, sha256: &str, format: DocFormat, pages: u32) -> Vec<PathBuf> {
    let mut files = vec![store::original_path(root, sha256, format)];
    for page in 1..=pages.max(1) {
        files.push(store::display_path(root, sha256, page));
        files.push(store::thumb_path(root, sha256, page));
    }
    files
}

/// Deletes `paths` in order, counting them in `done`, up to the first that
/// cannot be deleted (returned); a file already gone counts as nothing.
fn delete_files(paths: &[PathBuf], done: &mut Removal) -> Option<LoketError> {
    paths
        .iter()
        .map(|path| delete_file(path, done))
        .find_map(Result::err)
}

fn delete_file(path: &Path, done: &mut Removal) -> Result<()> {
    let gone = |e: &std::io::Error| {
        LoketError::from_io(e, &format!("penghapusan berkas dokumen {}", path.display()))
    };
    let len = match std::fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(gone(&e)),
    };
    match std::fs::remove_file(path) {
        Ok(()) => {
            done.files += 1;
            done.bytes += len;
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(gone(&e)),
    }
}

fn upload(db: Db<'_>, sha256: &str, variant: Variant, page: u32, bytes: &[u8]) -> Result<()> {
    db.execute(
        "INSERT INTO document_files (sha256, variant, page, bytes) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (sha256, variant, page) DO NOTHING",
        sql_params![sha256, variant.as_str(), page, bytes],
    )?;
    Ok(())
}

fn missing(sha256: &str) -> LoketError {
    LoketError::new(
        ErrorCode::DokumenTidakDitemukan,
        format!(
            "Berkas dokumen {} tidak ada di basis data kantor (mungkin sudah dihapus sesuai aturan retensi).",
            sha256.get(..12).unwrap_or(sha256)
        ),
    )
}

/// The folder store's add: the original is written to a temporary file on
/// a second thread while `render` decodes, renamed into place only once
/// decoding succeeded, then the derived files are written beside it.
fn put_in_folder(
    root: &Path,
    sha256: &str,
    format: DocFormat,
    bytes: &[u8],
    render: impl FnOnce() -> Result<Rendered>,
) -> Result<Rendered> {
    let original = store::original_path(root, sha256, format);
    std::thread::scope(|s| {
        let staging = s.spawn(|| store::stage(root, &original, bytes));
        let rendered = render();
        let staged = staging
            .join()
            .map_err(|_| refuse::internal("penyimpanan berkas asli berhenti"))?;
        // A refused decode returns here; dropping `staged` deletes its temporary file.
        let rendered = rendered?;
        let staged = staged?;
        // Decoded: the original goes into place while the derived files are
        // written (each waits on its own folder sync).
        let placing = s.spawn(move || staged.map_or(Ok(()), store::Staged::commit));
        let derived = write_derived(root, sha256, &rendered.pages);
        placing
            .join()
            .map_err(|_| refuse::internal("penyimpanan berkas asli berhenti"))??;
        derived?;
        Ok(rendered)
    })
}

/// Writes display copies here and thumbnails on a second thread (each write
/// waits on its own `sync_all`).
fn write_derived(root: &Path, sha: &str, pages: &[Derived]) -> Result<()> {
    std::thread::scope(|s| {
        let thumbs = s.spawn(|| {
            pages.iter().zip(1u32..).try_for_each(|(page, n)| {
                store::write_new(root, &store::thumb_path(root, sha, n), &page.thumb)
            })
        });
        let displays = pages.iter().zip(1u32..).try_for_each(|(page, n)| {
            store::write_new(root, &store::display_path(root, sha, n), &page.display)
        });
        thumbs
            .join()
            .map_err(|_| refuse::internal("penyimpanan gambar kecil berhenti"))??;
        displays
    })
}

/// The local file that remembers up to which `document_file_deletions`
/// entry this desk's cache has followed the office's purges.
const CACHE_PURGED_UPTO: &str = "cache-purged-upto";

impl Desk {
    /// Office mode: deletes this desk's cached copies of every content the
    /// office has purged since the last time (retention runs at one desk;
    /// the photos must not linger in the others' caches). Run when the desk
    /// opens; the number of files deleted. A file that cannot be deleted
    /// stays for the next open (the mark does not move past it).
    pub(crate) fn drop_purged_cache(&self) -> Result<u32> {
        let Files::Office(db, root) = Files::of(self) else {
            return Ok(0);
        };
        let mark = root.join(CACHE_PURGED_UPTO);
        let upto: i64 = std::fs::read_to_string(&mark)
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0);
        let gone: Vec<(i64, String, String, u32)> = db.query_all(
            "SELECT x.id, x.sha256, d.format, CAST(max(d.pages) AS BIGINT)
             FROM document_file_deletions x JOIN documents d ON d.sha256 = x.sha256
             WHERE x.id > ?1
             GROUP BY x.id, x.sha256, d.format ORDER BY x.id",
            sql_params![upto],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
        let mut done = Removal::default();
        let mut reached = upto;
        for (id, sha256, format, pages) in &gone {
            // A format this build does not know has no cached copy it made.
            if let Ok(format) = format.parse::<DocFormat>() {
                let paths = content_paths(&root, sha256, format, *pages);
                if delete_files(&paths, &mut done).is_some() {
                    break;
                }
            }
            reached = *id;
        }
        if reached > upto && root.is_dir() {
            crate::fsutil::write_atomic(&mark, reached.to_string().as_bytes())?;
        }
        Ok(done.files)
    }
}
