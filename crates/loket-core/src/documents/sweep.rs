//! Clearing what a crash left behind in the document store.
//!
//! A process killed between writing a temporary file and renaming it into
//! place (`store.rs`) leaves that file in `documents/tmp/`. It is garbage —
//! no row points at it, and the next add of the same bytes writes a fresh
//! one — but a photo can be several megabytes, so it is removed when a data
//! folder is opened. Only files older than [`STALE_TEMP_AGE`] go: the app and
//! `loket-cli` may share the folder, and the other one may be writing its
//! temporary file right now (a PDF's pages can take a while to decode
//! before the original is renamed). Best effort: a folder that cannot be
//! read or written (a read-only data folder) is simply left as it is.

use super::store::{self, store_dir, TEMP_EXT};
use std::path::Path;
use std::time::{Duration, SystemTime};

/// How old (since last written) a temporary file must be to count as left
/// behind by a crash rather than being written by a running add.
pub const STALE_TEMP_AGE: Duration = Duration::from_secs(10 * 60);

/// Removes the store's temporary files last written before `now` less
/// [`STALE_TEMP_AGE`]; returns how many were removed.
pub fn sweep_stale_temp(data_dir: &Path, now: SystemTime) -> usize {
    let tmp = store::temp_dir(&store_dir(data_dir));
    let Ok(entries) = std::fs::read_dir(&tmp) else {
        return 0;
    };
    let cutoff = now.checked_sub(STALE_TEMP_AGE);
    entries
        .flatten()
        .filter(|entry| {
            let path = entry.path();
            let ours = path.extension().is_some_and(|e| e == TEMP_EXT);
            let stale = entry
                .metadata()
                .ok()
                .filter(std::fs::Metadata::is_file)
                .and_then(|m| m.modified().ok())
                .zip(cutoff)
                .is_some_and(|(modified, cutoff)| modified < cutoff);
            ours && stale && std::fs::remove_file(&path).is_ok()
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::super::test_support;
    use super::*;
    use std::fs::{self, File};

    fn temp_file(
        data_dir: &Path,
        name: &str,
        age: Duration,
        now: SystemTime,
    ) -> std::path::PathBuf {
        let dir = store::temp_dir(&store_dir(data_dir));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        fs::write(&path, b"half a photo").unwrap();
        File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(now - age)
            .unwrap();
        path
    }

    #[test]
    fn removes_only_old_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let now = SystemTime::now();
        let hour = Duration::from_secs(3600);
        let old = temp_file(dir.path(), "ab.jpg.00000000000000aa.tmp", hour, now);
        let old2 = temp_file(dir.path(), "cd-p1.jpg.00000000000000bb.tmp", hour, now);
        let fresh = temp_file(
            dir.path(),
            "ef.jpg.00000000000000cc.tmp",
            Duration::ZERO,
            now,
        );
        let almost = temp_file(
            dir.path(),
            "ef.jpg.00000000000000dd.tmp",
            STALE_TEMP_AGE - Duration::from_secs(5),
            now,
        );
        let foreign = temp_file(dir.path(), "catatan.txt", hour, now);

        assert_eq!(sweep_stale_temp(dir.path(), now), 2);
        assert!(!old.exists() && !old2.exists(), "stale temporary files go");
        assert!(fresh.exists(), "a file being written right now stays");
        assert!(almost.exists(), "younger than the limit stays");
        assert!(foreign.exists(), "only the store's own temporary files go");
        assert_eq!(
            sweep_stale_temp(dir.path(), now),
            0,
            "nothing left to sweep"
        );
        // Later, the ones that were being written are stale too.
        assert_eq!(sweep_stale_temp(dir.path(), now + hour), 2);
        assert!(!fresh.exists() && !almost.exists());
    }

    #[test]
    fn a_folder_without_a_store_is_fine() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(sweep_stale_temp(dir.path(), SystemTime::now()), 0);
        assert_eq!(
            sweep_stale_temp(&dir.path().join("hilang"), SystemTime::now()),
            0
        );
    }

    #[test]
    fn a_folder_named_like_a_temporary_file_stays() {
        let dir = tempfile::tempdir().unwrap();
        let odd = store::temp_dir(&store_dir(dir.path())).join("x.tmp");
        fs::create_dir_all(&odd).unwrap();
        let later = SystemTime::now() + Duration::from_secs(24 * 3600);
        assert_eq!(sweep_stale_temp(dir.path(), later), 0);
        assert!(odd.is_dir());
    }

    #[test]
    fn opening_a_desk_sweeps_and_a_real_add_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let now = SystemTime::now();
        let stale = temp_file(
            dir.path(),
            "aa.jpg.0000000000000001.tmp",
            Duration::from_secs(3600),
            now,
        );
        let fresh = temp_file(
            dir.path(),
            "bb.jpg.0000000000000002.tmp",
            Duration::ZERO,
            now,
        );
        let mut desk = crate::Desk::open(dir.path()).unwrap();
        assert!(!stale.exists(), "Desk::open sweeps stale temporary files");
        assert!(fresh.exists(), "and leaves one that may be being written");
        fs::remove_file(&fresh).unwrap();

        let reg = test_support::new_request(&mut desk, "Siti Aminah");
        let photo = test_support::fixture("WhatsApp Image 2026-11-24 at 10.15.32.jpeg");
        crate::documents::add_path(&mut desk, &reg, None, &photo, "Rina", test_support::NOW)
            .unwrap();
        let left: Vec<_> = fs::read_dir(store::temp_dir(&store_dir(dir.path())))
            .unwrap()
            .collect();
        assert!(left.is_empty(), "a finished add leaves no temporary file");
    }
}
