//! Opening an SQLite file by its path, whatever the path's length on Windows.
//!
//! Rust's standard library turns long paths into `\\?\` paths by itself, so
//! the document store works in a data folder deeper than Windows' classic
//! 260-character limit (a long user name, a deep redirected folder). SQLite is
//! C: its default Windows VFS takes at most 1,040 bytes of path (and cuts a
//! longer one short), and passes the path to `CreateFileW` as it is, which
//! refuses more than 260 characters on a PC without the long-paths policy.
//! So on Windows every database file (the data folder's, a backup's) is opened
//! by the verbatim form of its absolute path through SQLite's own
//! `win32-longpath` VFS, which takes up to 32,767 characters. Elsewhere the
//! path is used as given (SQLite's Unix VFS takes up to 512 bytes).

use rusqlite::{Connection, OpenFlags};
use std::path::Path;

/// Opens the SQLite file at `path` with `flags` (see the module docs).
pub(crate) fn open_file(path: &Path, flags: OpenFlags) -> rusqlite::Result<Connection> {
    #[cfg(windows)]
    {
        Connection::open_with_flags_and_vfs(verbatim(path), flags, c"win32-longpath")
    }
    #[cfg(not(windows))]
    {
        Connection::open_with_flags(path, flags)
    }
}

/// `path` made absolute in its `\\?\` form: `\\?\C:\…` for a drive,
/// `\\?\UNC\server\share\…` for a network share. A path that already is
/// verbatim or a device path, or that is not Unicode (rusqlite refuses it
/// with its own error), is returned unchanged.
#[cfg(windows)]
fn verbatim(path: &Path) -> std::path::PathBuf {
    // `absolute` resolves `.`, `..` and `/` the way Windows would, which a
    // verbatim path no longer does.
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let Some(s) = abs.to_str() else {
        return abs;
    };
    if s.starts_with(r"\\?\") || s.starts_with(r"\\.\") {
        abs
    } else if let Some(share) = s.strip_prefix(r"\\") {
        format!(r"\\?\UNC\{share}").into()
    } else {
        format!(r"\\?\{s}").into()
    }
}

#[cfg(all(test, windows))]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn drive_and_share_paths_get_their_verbatim_form() {
        assert_eq!(
            verbatim(Path::new(
                r"C:\Users\Siti Ä\AppData\Roaming\Loket\..\Loket\loket.db"
            )),
            PathBuf::from(r"\\?\C:\Users\Siti Ä\AppData\Roaming\Loket\loket.db"),
            "absolute, dots resolved, prefixed"
        );
        assert_eq!(
            verbatim(Path::new(r"\\kantor\data\Loket\loket.db")),
            PathBuf::from(r"\\?\UNC\kantor\data\Loket\loket.db"),
            "a share keeps its server and share names"
        );
        assert_eq!(
            verbatim(Path::new(r"\\?\D:\Loket\loket.db")),
            PathBuf::from(r"\\?\D:\Loket\loket.db"),
            "already verbatim"
        );
        let relative = verbatim(Path::new("loket.db"));
        assert!(
            relative.to_string_lossy().starts_with(r"\\?\") && relative.ends_with("loket.db"),
            "a relative path is made absolute: {}",
            relative.display()
        );
    }
}
