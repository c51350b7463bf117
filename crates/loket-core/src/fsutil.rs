//! Atomic writes of exported files (receipts, recaps, backups) that may
//! replace an older file of the same name.
//!
//! The bytes go to a temporary file beside the destination, are synced, and
//! the file is renamed over the destination (a replacing rename on Unix and
//! on Windows), so a crash, a full disk or a cancelled export leaves either
//! the old file or the new one, never half of either. The document store has
//! its own never-overwrite variant (`documents/store.rs`).

use crate::error::{LoketError, Result};
use std::fs::{self, File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// A file being written under a temporary name. [`AtomicFile::commit`] puts
/// it in place; dropping it without committing deletes the temporary file.
pub struct AtomicFile {
    out: Option<BufWriter<File>>,
    temp: PathBuf,
    dest: PathBuf,
}

impl AtomicFile {
    /// Starts a file that will replace `dest`. The folder must exist.
    pub fn create(dest: &Path) -> Result<AtomicFile> {
        let dir = match dest.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or_else(|| {
                LoketError::new(
                    crate::ErrorCode::MasukanTidakValid,
                    format!("Nama berkas tujuan tidak sah: {}", dest.display()),
                )
            })?;
        let temp = dir.join(format!(".{name}.{:016x}.tmp", fastrand::u64(..)));
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
            .map_err(|e| io(&e, dest))?;
        Ok(AtomicFile {
            out: Some(BufWriter::new(file)),
            temp,
            dest: dest.to_path_buf(),
        })
    }

    /// Flushes, syncs and renames the file into place. When that fails,
    /// the temporary file is deleted and the destination left as it was.
    pub fn commit(mut self) -> Result<()> {
        let Some(out) = self.out.take() else {
            return Ok(());
        };
        let placed = out
            .into_inner()
            .map_err(|e| io(e.error(), &self.dest))
            .and_then(|file| {
                file.sync_all().map_err(|e| io(&e, &self.dest))?;
                drop(file);
                fs::rename(&self.temp, &self.dest).map_err(|e| replace_error(&e, &self.dest))
            });
        if placed.is_err() {
            let _ = fs::remove_file(&self.temp);
        }
        placed?;
        sync_dir(self.dest.parent());
        Ok(())
    }
}

/// Whether `err` means another program holds the file open in a way that
/// refuses us: a sharing or lock violation on Windows (Unix has neither).
pub fn held_open(err: &std::io::Error) -> bool {
    const ERROR_SHARING_VIOLATION: i32 = 32;
    const ERROR_LOCK_VIOLATION: i32 = 33;
    cfg!(windows)
        && matches!(
            err.raw_os_error(),
            Some(ERROR_SHARING_VIOLATION | ERROR_LOCK_VIOLATION)
        )
}

/// The error of a failed rename over `dest`. Windows refuses to replace a
/// file that another program holds open (a recap open in Excel, a receipt in
/// a PDF viewer), with "access denied" or a sharing violation: the operator
/// can fix that by closing the file, so it gets its own code.
fn replace_error(err: &std::io::Error, dest: &Path) -> LoketError {
    const ERROR_ACCESS_DENIED: i32 = 5;
    let writable_file =
        fs::metadata(dest).is_ok_and(|m| m.is_file() && !m.permissions().readonly());
    let open_elsewhere = cfg!(windows)
        && writable_file
        && (held_open(err) || err.raw_os_error() == Some(ERROR_ACCESS_DENIED));
    if open_elsewhere {
        LoketError::new(
            crate::ErrorCode::BerkasSedangDibuka,
            format!(
                "Berkas {} sedang dibuka di program lain (misalnya Excel atau pembaca PDF). Tutup berkas itu, lalu ulangi.",
                dest.display()
            ),
        )
    } else {
        io(err, dest)
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self.out.as_mut() {
            Some(out) => out.write(buf),
            None => Err(std::io::Error::other("file already committed")),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self.out.as_mut() {
            Some(out) => out.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.out.take().is_some() {
            let _ = fs::remove_file(&self.temp);
        }
    }
}

/// Writes `bytes` to `dest` atomically, replacing an older file.
pub fn write_atomic(dest: &Path, bytes: &[u8]) -> Result<()> {
    let mut file = AtomicFile::create(dest)?;
    file.write_all(bytes).map_err(|e| io(&e, dest))?;
    file.commit()
}

/// Where receipts and recaps are saved for the operator to drag into
/// WhatsApp or mail: `Loket` in the user's Downloads folder (per user on
/// Windows), else in the home folder, created on first use.
pub fn export_dir(explicit: Option<&Path>) -> Result<PathBuf> {
    let dir = match explicit {
        Some(d) => d.to_path_buf(),
        None => dirs::download_dir()
            .or_else(dirs::home_dir)
            .unwrap_or_else(std::env::temp_dir)
            .join("Loket"),
    };
    fs::create_dir_all(&dir).map_err(|e| io(&e, &dir))?;
    Ok(dir)
}

/// The I/O error for an export file, in the operator's words (a full disk
/// and a read-only folder get their own codes, see `LoketError::from_io`).
pub fn io(err: &std::io::Error, path: &Path) -> LoketError {
    LoketError::from_io(err, &format!("berkas {}", path.display()))
}

/// Makes a rename durable on Unix; best effort (the file is already synced).
fn sync_dir(dir: Option<&Path>) {
    #[cfg(unix)]
    if let Some(dir) = dir {
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_an_older_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("rekap.csv");
        fs::write(&dest, b"old").unwrap();
        write_atomic(&dest, b"new").unwrap();
        assert_eq!(fs::read(&dest).unwrap(), b"new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn an_uncommitted_file_leaves_the_old_one_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("rekap.csv");
        fs::write(&dest, b"old").unwrap();
        {
            let mut f = AtomicFile::create(&dest).unwrap();
            f.write_all(b"half").unwrap();
        }
        assert_eq!(fs::read(&dest).unwrap(), b"old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_missing_folder_is_a_coded_error() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_atomic(&dir.path().join("nope").join("x.csv"), b"x").unwrap_err();
        assert!(!err.message.is_empty());
    }
}
