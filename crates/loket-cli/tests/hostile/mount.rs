//! Real hostile file systems for the tests: a small tmpfs that fills up and
//! a read-only bind mount. Both need the right to mount (root, as CI runs,
//! or CAP_SYS_ADMIN); without it `Mount::*` says why, and the test prints
//! that and skips the part that needs it. Dropping a mount unmounts it.

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Mount {
    at: PathBuf,
}

impl Mount {
    /// A tmpfs of `megabytes` at the empty folder `at`.
    pub fn tmpfs(at: &Path, megabytes: u32) -> Result<Mount, String> {
        mount(&[
            "-t",
            "tmpfs",
            "-o",
            &format!("size={megabytes}m,mode=0755"),
            "loket-test",
            &at.to_string_lossy(),
        ])?;
        Ok(Mount { at: at.to_owned() })
    }

    /// `source` seen read-only at the empty folder `at`.
    pub fn read_only_bind(source: &Path, at: &Path) -> Result<Mount, String> {
        let at_s = at.to_string_lossy();
        mount(&["--bind", &source.to_string_lossy(), &at_s])?;
        let m = Mount { at: at.to_owned() };
        mount(&["-o", "remount,bind,ro", &at_s])?;
        Ok(m)
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.at).status();
    }
}

fn mount(args: &[&str]) -> Result<(), String> {
    let out = Command::new("mount")
        .args(args)
        .output()
        .map_err(|e| format!("`mount` cannot run: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "`mount {}` failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}
