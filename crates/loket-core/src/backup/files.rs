//! The file work of backups and restores: copying while hashing (one read of
//! each file), hashing again to check, syncing files and folders, and a
//! temporary folder that is deleted unless it was put in place.

use crate::error::{ErrorCode, LoketError, Result};
use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

const CHUNK: usize = 256 * 1024;

/// The SHA-256 (lower-case hex) and length of what was read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Hashed {
    pub(super) sha256: String,
    pub(super) bytes: u64,
}

fn hex(digest: &[u8]) -> String {
    digest.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// Hashes a file.
pub(super) fn hash_file(path: &Path) -> io::Result<Hashed> {
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; CHUNK];
    let mut bytes = 0u64;
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        bytes += n as u64;
    }
    Ok(Hashed {
        sha256: hex(&hasher.finalize()),
        bytes,
    })
}

/// Where a copy failed: reading the source or writing the destination.
#[derive(Debug)]
pub(super) enum CopyError {
    Source(io::Error),
    Dest(io::Error),
}

/// Copies `src` to the new file `dest` (never replacing one), hashing the
/// bytes on the way, and syncs it.
pub(super) fn copy_hashed(src: &Path, dest: &Path) -> std::result::Result<Hashed, CopyError> {
    let mut input = File::open(src).map_err(CopyError::Source)?;
    let mut out = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(dest)
        .map_err(CopyError::Dest)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; CHUNK];
    let mut bytes = 0u64;
    loop {
        let n = input.read(&mut buf).map_err(CopyError::Source)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        out.write_all(&buf[..n]).map_err(CopyError::Dest)?;
        bytes += n as u64;
    }
    out.sync_all().map_err(CopyError::Dest)?;
    Ok(Hashed {
        sha256: hex(&hasher.finalize()),
        bytes,
    })
}

/// Syncs a file that another writer (SQLite) closed.
pub(super) fn sync_file(path: &Path) -> io::Result<()> {
    OpenOptions::new().write(true).open(path)?.sync_all()
}

/// Makes renames and new entries in a folder durable on Unix; best effort
/// (some file systems refuse to sync a folder; Windows has no such call).
pub(super) fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// A folder being built under a temporary name; deleted when dropped unless
/// [`Staging::place`] renamed it into place.
pub(super) struct Staging {
    path: PathBuf,
    placed: bool,
}

impl Staging {
    /// Creates `.<name>.<random>.tmp` in `parent`, which must exist.
    pub(super) fn create(parent: &Path, name: &str) -> io::Result<Staging> {
        let path = parent.join(format!(".{name}.{:016x}.tmp", fastrand::u64(..)));
        fs::create_dir(&path)?;
        Ok(Staging {
            path,
            placed: false,
        })
    }

    pub(super) fn path(&self) -> &Path {
        &self.path
    }

    /// Renames the folder to `dest` (which must not exist, or be an empty
    /// folder) and syncs the parent.
    pub(super) fn place(mut self, dest: &Path) -> io::Result<()> {
        fs::rename(&self.path, dest)?;
        self.placed = true;
        if let Some(parent) = dest.parent() {
            sync_dir(parent);
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.placed {
            let _ = fs::remove_dir_all(&self.path);
        }
    }
}

/// A failure to write into the backup folder: a full disk keeps its code,
/// anything else means the chosen folder cannot be used.
pub(super) fn dest_error(err: &io::Error, path: &Path) -> LoketError {
    let mapped = LoketError::from_io(err, &format!("cadangan {}", path.display()));
    if mapped.code == ErrorCode::DiskPenuh {
        return mapped;
    }
    LoketError::new(
        ErrorCode::FolderCadanganTidakBisaDipakai,
        format!(
            "Folder cadangan tidak bisa ditulis ({}): {err}. Periksa flashdisk atau izin folder, lalu ulangi.",
            path.display()
        ),
    )
}

/// A failure to read from the data folder.
pub(super) fn source_error(err: &io::Error, path: &Path) -> LoketError {
    LoketError::new(
        ErrorCode::FolderDataTidakBisaDipakai,
        format!(
            "Berkas di folder data tidak bisa dibaca ({}): {err}.",
            path.display()
        ),
    )
}

/// Every folder under `dir`, deepest first, then `dir` itself (to sync them).
pub(super) fn folders_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if entry.file_type().map(|t| t.is_dir()).unwrap_or(false) {
                out.extend(folders_under(&path));
            }
        }
    }
    out.push(dir.to_path_buf());
    out
}

/// Copies one file into a folder being built, creating its parent folders.
pub(super) fn copy_into(
    src: &Path,
    dest: &Path,
    dest_err: impl Fn(&io::Error, &Path) -> LoketError,
) -> Result<std::result::Result<Hashed, io::Error>> {
    if let Some(parent) = dest.parent() {
        fs::create_dir_all(parent).map_err(|e| dest_err(&e, parent))?;
    }
    match copy_hashed(src, dest) {
        Ok(h) => Ok(Ok(h)),
        Err(CopyError::Source(e)) => {
            let _ = fs::remove_file(dest);
            Ok(Err(e))
        }
        Err(CopyError::Dest(e)) => Err(dest_err(&e, dest)),
    }
}
