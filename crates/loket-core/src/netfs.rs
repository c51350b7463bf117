//! A single desk's data folder must be on this PC's own disk.
//!
//! SQLite's WAL mode needs every process that opens the database on one
//! host (its shared-memory index is not shared over a network), and file
//! locks over SMB or NFS are not reliable: a data folder on a network share
//! — the tempting way to let several desks share one queue — can corrupt
//! the database. Such a folder is refused with `folder_data_di_jaringan`,
//! whose message points to office mode (one PostgreSQL server for every
//! desk). What is checked: a UNC path (`\\server\share`), a mapped network
//! drive (Windows resolves it to its UNC path), and on Linux a folder on an
//! NFS, SMB/CIFS, 9p, Ceph, AFS or Coda file system.

use crate::error::{ErrorCode, LoketError, Result};
use std::path::Path;

/// Refuses a data folder on a network share. `dir` must exist (the mapped
/// drive and the file system are read from it); a path that cannot be read
/// is left to the open that follows, which names its own error.
pub fn check_local(dir: &Path) -> Result<()> {
    match remote_kind(dir) {
        None => Ok(()),
        Some(kind) => Err(LoketError::new(
            ErrorCode::FolderDataDiJaringan,
            format!(
                "Folder data {} ada di jaringan ({kind}). Basis data satu meja bisa rusak bila \
                 dibuka lewat jaringan: simpan folder data di disk PC ini, atau pakai Mode kantor \
                 (satu server PostgreSQL untuk semua meja).",
                dir.display()
            ),
        )),
    }
}

fn remote_kind(dir: &Path) -> Option<&'static str> {
    if is_unc(&dir.to_string_lossy()) {
        return Some("alamat \\\\server\\share");
    }
    // A mapped drive letter resolves to the UNC path of its share.
    if let Ok(real) = std::fs::canonicalize(dir) {
        if is_unc(&real.to_string_lossy()) {
            return Some("drive jaringan");
        }
    }
    file_system_kind(dir)
}

/// `\\server\share\…` or its long form `\\?\UNC\server\share\…`; not a
/// local long path (`\\?\C:\…`) nor a device path (`\\.\…`).
fn is_unc(path: &str) -> bool {
    let p = path.replace('/', "\\");
    if let Some(rest) = p.strip_prefix(r"\\?\") {
        return rest.len() >= 4 && rest[..4].eq_ignore_ascii_case(r"UNC\");
    }
    p.starts_with(r"\\") && !p.starts_with(r"\\.\")
}

#[cfg(target_os = "linux")]
fn file_system_kind(dir: &Path) -> Option<&'static str> {
    let st = rustix::fs::statfs(dir).ok()?;
    // `f_type`'s width differs between architectures (i64 on x86_64).
    #[allow(clippy::useless_conversion)]
    network_fs_name(i64::from(st.f_type))
}

#[cfg(not(target_os = "linux"))]
fn file_system_kind(_dir: &Path) -> Option<&'static str> {
    None
}

/// The network file systems among Linux's `statfs` magic numbers
/// (linux/magic.h and the file systems' own sources).
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn network_fs_name(f_type: i64) -> Option<&'static str> {
    Some(match f_type {
        0x6969 => "NFS",
        0x517B => "SMB",
        0xFF53_4D42 => "CIFS",
        0xFE53_4D42 => "SMB2",
        0x0102_1997 => "9p",
        0x00C3_6400 => "Ceph",
        0x5346_414F => "AFS",
        0x7375_7245 => "Coda",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unc_paths_are_network_and_local_long_paths_are_not() {
        for unc in [
            r"\\server\share\Loket",
            r"\\?\UNC\server\share\Loket",
            r"\\?\unc\kantor\data",
            "//server/share/Loket",
        ] {
            assert!(is_unc(unc), "{unc}");
        }
        for local in [
            r"C:\Users\rina\AppData\Roaming\Loket",
            r"\\?\C:\Users\rina\Loket",
            r"\\.\PhysicalDrive0",
            "/home/rina/.local/share/Loket",
            "relative/Loket",
        ] {
            assert!(!is_unc(local), "{local}");
        }
    }

    #[test]
    fn network_file_systems_are_named_and_local_ones_are_not() {
        assert_eq!(network_fs_name(0x6969), Some("NFS"));
        assert_eq!(network_fs_name(0xFF53_4D42), Some("CIFS"));
        assert_eq!(network_fs_name(0xFE53_4D42), Some("SMB2"));
        // ext4, tmpfs, btrfs, xfs, overlayfs.
        for local in [0xEF53, 0x0102_1994, 0x9123_683E, 0x5846_5342, 0x794C_7630] {
            assert_eq!(network_fs_name(local), None, "{local:#x}");
        }
    }

    #[test]
    fn a_folder_on_this_disk_is_local_and_a_share_is_refused_with_its_code() {
        let dir = tempfile::tempdir().unwrap();
        assert!(
            check_local(dir.path()).is_ok(),
            "a temporary folder is local"
        );
        let err = check_local(Path::new(r"\\server\share\Loket")).unwrap_err();
        assert_eq!(err.code, ErrorCode::FolderDataDiJaringan);
        assert!(err.message.contains("Mode kantor"), "{}", err.message);
    }
}
