//! Where document files live in the data folder, and how they get there.
//!
//! ```text
//! <data>/documents/originals/<aa>/<sha256>.<ext>   the bytes as received
//! <data>/documents/display/<aa>/<sha256>-p<N>.jpg  upright display copy of page N
//! <data>/documents/thumbs/<aa>/<sha256>-p<N>.jpg   thumbnail of page N
//! <data>/documents/tmp/<name>.<random>.tmp         a file being written
//! ```
//!
//! Names come from the content's SHA-256 (`<aa>` = its first two hex digits,
//! so no folder holds more than a few thousand files after years of use):
//! the same bytes land on the same paths, which makes duplicates free and a
//! half-finished add harmless. A file name given by a citizen never becomes
//! a path. Every file is written atomically — a temporary file in `tmp/`
//! (same file system, so the rename is atomic), written, `sync_all`, renamed
//! into place, and its folder synced on Unix — so a crash or power cut leaves
//! either the whole file or none under a final name. What a crash leaves in
//! `tmp/` is swept when a data folder is opened (`sweep.rs`); keeping all
//! temporary files in one folder makes that sweep one directory read instead
//! of a walk of the whole store. Existing files are never rewritten, so a
//! viewer that has one open is never disturbed.

use super::DocFormat;
use crate::error::{LoketError, Result};
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The folder of the document store inside the data folder; the app scopes
/// its asset protocol to it, and nothing else is served from disk.
pub fn store_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("documents")
}

/// The folder of files being written, inside the store folder `root`.
pub(super) fn temp_dir(root: &Path) -> PathBuf {
    root.join("tmp")
}

/// The extension of every temporary file of the store.
pub(super) const TEMP_EXT: &str = "tmp";

fn shard(sha256: &str) -> &str {
    sha256.get(..2).unwrap_or("00")
}

pub(super) fn original_path(root: &Path, sha256: &str, format: DocFormat) -> PathBuf {
    root.join("originals")
        .join(shard(sha256))
        .join(format!("{sha256}.{}", format.ext()))
}

pub(super) fn display_path(root: &Path, sha256: &str, page: u32) -> PathBuf {
    root.join("display")
        .join(shard(sha256))
        .join(format!("{sha256}-p{page}.jpg"))
}

pub(super) fn thumb_path(root: &Path, sha256: &str, page: u32) -> PathBuf {
    root.join("thumbs")
        .join(shard(sha256))
        .join(format!("{sha256}-p{page}.jpg"))
}

/// Whether the original and every derived file of a document exist.
pub(super) fn complete(root: &Path, sha256: &str, format: DocFormat, pages: u32) -> bool {
    original_path(root, sha256, format).is_file()
        && (1..=pages).all(|p| {
            display_path(root, sha256, p).is_file() && thumb_path(root, sha256, p).is_file()
        })
}

/// A file written and synced under a temporary name, not yet in place.
/// Dropping it without [`Staged::commit`] deletes the temporary file.
pub(super) struct Staged {
    temp: PathBuf,
    dest: PathBuf,
    committed: bool,
}

impl Staged {
    /// Renames the file into place and syncs its folder.
    ///
    /// Another add of the same bytes (the app and `loket-cli`, two pastes)
    /// may have put the file there since [`stage`] looked. On Windows the
    /// rename then fails when that file is open (the viewer shows it):
    /// the name holds the same content, so the file in place is kept and
    /// the temporary one is dropped.
    pub(super) fn commit(mut self) -> Result<()> {
        if let Err(e) = fs::rename(&self.temp, &self.dest) {
            if self.dest.is_file() {
                return Ok(());
            }
            return Err(io(&e, &self.dest));
        }
        self.committed = true;
        sync_dir(self.dest.parent());
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_file(&self.temp);
        }
    }
}

/// Writes `bytes` under a temporary name in the `tmp/` folder of the store
/// `root` and syncs it, or returns `None` when `dest` already exists (same
/// name, same content).
pub(super) fn stage(root: &Path, dest: &Path, bytes: &[u8]) -> Result<Option<Staged>> {
    if dest.is_file() {
        return Ok(None);
    }
    let dir = dest.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|e| io(&e, dir))?;
    let tmp = temp_dir(root);
    fs::create_dir_all(&tmp).map_err(|e| io(&e, &tmp))?;
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = tmp.join(format!("{name}.{:016x}.{TEMP_EXT}", fastrand::u64(..)));
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .map_err(|e| io(&e, &tmp))?;
    // From here on, dropping `staged` removes the temporary file.
    let staged = Staged {
        temp,
        dest: dest.to_path_buf(),
        committed: false,
    };
    file.write_all(bytes).map_err(|e| io(&e, dest))?;
    file.sync_all().map_err(|e| io(&e, dest))?;
    Ok(Some(staged))
}

/// Writes `bytes` to `dest` in the store `root` atomically unless `dest`
/// already exists.
pub(super) fn write_new(root: &Path, dest: &Path, bytes: &[u8]) -> Result<()> {
    match stage(root, dest, bytes)? {
        Some(staged) => staged.commit(),
        None => Ok(()),
    }
}

fn io(err: &std::io::Error, path: &Path) -> LoketError {
    LoketError::from_io(err, &format!("berkas dokumen {}", path.display()))
}

/// Makes a rename durable on Unix. Best effort: some file systems refuse
/// to sync a folder, and the file itself is already synced.
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
    fn a_copy_put_in_place_meanwhile_and_held_open_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("display").join("ab").join("ab12-p1.jpg");
        let staged = stage(dir.path(), &dest, b"same bytes").unwrap().unwrap();
        // Another add of the same photo finishes first, and the viewer shows it.
        fs::write(&dest, b"same bytes").unwrap();
        let viewer = crate::platform_tests::hold_open(&dest, crate::platform_tests::SHARE_READ);
        staged.commit().unwrap();
        drop(viewer);
        assert_eq!(fs::read(&dest).unwrap(), b"same bytes");
        let left: Vec<_> = fs::read_dir(dest.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(left.len(), 1, "only the photo is in its folder: {left:?}");
        let temps = fs::read_dir(temp_dir(dir.path())).map_or(0, |d| d.count());
        assert_eq!(temps, 0, "no temporary file is left");
    }
}
