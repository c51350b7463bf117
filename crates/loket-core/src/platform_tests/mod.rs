//! Windows behaviour Loket relies on, as tests that run on every platform
//! (CI also runs them as Windows binaries under Wine): data folders under
//! non-ASCII user names and deeper than Windows' 260-character limit, and
//! files that another program holds open. On Linux the same tests check the
//! same operations where Linux has no such limit or lock.

mod locks;
mod paths;

use std::fs::File;
use std::path::Path;

/// `FILE_SHARE_READ`: how a photo viewer typically opens a picture (others
/// may read it, nobody may change, rename over or delete it).
pub const SHARE_READ: u32 = 0x1;
/// `FILE_SHARE_READ | FILE_SHARE_WRITE`: how Excel holds an open workbook
/// (it can't be renamed over or deleted).
pub const SHARE_READ_WRITE: u32 = 0x3;
/// No sharing at all: a program that locks the file exclusively.
#[cfg(windows)]
pub const SHARE_NONE: u32 = 0x0;

/// Opens `path` for reading the way another program would, with Windows
/// share mode `share`. On other systems a plain open (they have no
/// mandatory sharing modes).
pub fn hold_open(path: &Path, share: u32) -> File {
    #[cfg(windows)]
    {
        use std::os::windows::fs::OpenOptionsExt;
        std::fs::OpenOptions::new()
            .read(true)
            .share_mode(share)
            .open(path)
            .unwrap()
    }
    #[cfg(not(windows))]
    {
        let _ = share;
        File::open(path).unwrap()
    }
}
