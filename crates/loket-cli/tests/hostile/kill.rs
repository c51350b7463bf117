//! Running `loket-cli` and killing it with SIGKILL: after a delay, or the
//! moment a given file starts being written in the document store.

use super::store;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// When a run gets SIGKILL.
pub enum Kill {
    Never,
    After(Duration),
    /// The moment a file of this name (a prefix of it in `documents/tmp/`,
    /// or the whole final path) appears: in the middle of writing it.
    OnWrite {
        final_path: PathBuf,
        temp_prefix: String,
    },
}

impl Kill {
    /// Whether the file the kill waits for has appeared.
    fn seen(final_path: &Path, temp_prefix: &str, tmp: &Path) -> bool {
        final_path.exists()
            || std::fs::read_dir(tmp).is_ok_and(|entries| {
                entries
                    .flatten()
                    .any(|e| e.file_name().to_string_lossy().starts_with(temp_prefix))
            })
    }
}

/// Runs `loket-cli` on `dir` and kills it as `kill` says. Returns its
/// output, whether SIGKILL ended it, and how long it took.
pub fn run(dir: &Path, args: &[&str], kill: &Kill) -> (Output, bool, Duration) {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_loket-cli"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("LOKET_DATA_DIR")
        .env("LOKET_OPERATOR", "crash-test")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    match kill {
        Kill::Never => {}
        Kill::After(delay) => {
            std::thread::sleep(*delay);
            let _ = child.kill(); // too late when it already exited: that run counts as finished
        }
        Kill::OnWrite {
            final_path,
            temp_prefix,
        } => {
            let tmp = store(dir).join("tmp");
            while child.try_wait().unwrap().is_none() && start.elapsed() < Duration::from_secs(20) {
                if Kill::seen(final_path, temp_prefix, &tmp) {
                    let _ = child.kill();
                    break;
                }
                // Writing the padded original takes milliseconds: a short
                // nap still lands inside it and leaves the CPU to the writer.
                std::thread::sleep(Duration::from_micros(50));
            }
        }
    }
    let out = child.wait_with_output().unwrap();
    let killed = out.status.signal() == Some(SIGKILL);
    (out, killed, start.elapsed())
}

const SIGKILL: i32 = 9;
