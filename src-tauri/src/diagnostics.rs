//! The app's log: `log/loket.YYYY-MM-DD.log` in the data folder, a new file
//! each day (UTC) and the last [`KEPT_FILES`] kept, so that office IT can
//! see why something failed on a PC whose release build has no console.
//!
//! `tracing` with `tracing-appender`'s rolling file, not `tauri-plugin-log`:
//! it works before the Tauri app exists (arguments, the data folder, the
//! database's opening are logged before the window is built), its rotation
//! is by day with a count of kept files, and the core could log through the
//! same facade without depending on Tauri. Lines are written as they happen
//! (no buffering thread): a few a day, none lost when the process exits.
//!
//! No personal data goes in: error codes, counts, durations, command names
//! and the causes of failures (SQLite's and the OS's texts), in which any
//! run of eight or more digits (a NIK, a KK or phone number) is masked.
//! Never a name, a NIK, a message typed by the operator or a file name.

use loket_core::{ErrorCode, LoketError};
use std::path::Path;
use tracing_appender::rolling::{RollingFileAppender, Rotation};

/// The log's folder inside the data folder.
pub(crate) const LOG_DIR: &str = "log";
/// Days of log kept (one file a day).
const KEPT_FILES: usize = 14;
/// Digits in a row (spaces, dots and hyphens between groups allowed) from
/// which a number is masked: a NIK or KK number has 16, a phone 10 to 13.
const MASK_DIGITS: usize = 8;

/// Starts the log in `data_dir`'s `log/` folder, or on stderr when there is
/// no data folder or its log cannot be written (a read-only folder); says
/// which. Called once, before anything else is logged.
pub(crate) fn start(data_dir: Option<&Path>) {
    let builder = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_target(false)
        .with_max_level(tracing::Level::INFO);
    let file = data_dir.map(|dir| {
        RollingFileAppender::builder()
            .rotation(Rotation::DAILY)
            .filename_prefix("loket")
            .filename_suffix("log")
            .max_log_files(KEPT_FILES)
            .build(dir.join(LOG_DIR))
    });
    match file {
        Some(Ok(appender)) => {
            let _ = builder.with_writer(appender).try_init();
        }
        Some(Err(e)) => {
            let _ = builder.with_writer(std::io::stderr).try_init();
            tracing::warn!(
                cause = %scrub(&e.to_string()),
                "Berkas log tidak bisa dibuat di folder data; log ke stderr."
            );
        }
        None => {
            let _ = builder.with_writer(std::io::stderr).try_init();
        }
    }
    log_panics();
}

/// A panic (a bug) is logged with where it happened, not what it said (its
/// text could hold data), then handled as before.
fn log_panics() {
    let before = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        tracing::error!(at = %at, "Panic di Loket.");
        before(info);
    }));
}

/// Logs a refused or failed command: its code and, when one was kept, the
/// cause (masked), never the message (it may quote what was typed).
pub(crate) fn command_failed(command: &str, err: &LoketError) {
    let code = err.code_str();
    // The lock screen's routine answer to every call: not worth a line.
    if err.code == ErrorCode::BelumMasuk {
        tracing::debug!(command, code = %code, "Perintah ditolak.");
        return;
    }
    match err.cause() {
        Some(cause) => tracing::warn!(
            command,
            code = %code,
            cause = %scrub(&cause_chain(cause.as_ref())),
            "Perintah gagal."
        ),
        None => tracing::info!(command, code = %code, "Perintah ditolak."),
    }
}

/// A cause and the causes under it, `a: b: c`.
fn cause_chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut text = err.to_string();
    let mut next = err.source();
    while let Some(e) = next {
        text.push_str(": ");
        text.push_str(&e.to_string());
        next = e.source();
    }
    text
}

/// The name of the command a closure belongs to, from its type name
/// (`loket_app::commands::requests::create_request::{{closure}}` gives
/// `requests::create_request`): `state.rs` learns it without the commands
/// having to pass it.
pub(crate) fn command_name<F>() -> String {
    // Generic arguments (`run::<T, F>`) hold paths of their own: left out.
    let mut depth = 0usize;
    let full: String = std::any::type_name::<F>()
        .chars()
        .filter(|c| {
            match c {
                '<' => depth += 1,
                '>' => depth = depth.saturating_sub(1),
                _ => return depth == 0,
            }
            false
        })
        .collect();
    let path: Vec<&str> = full
        .split("::")
        .filter(|part| !part.starts_with('{') && !part.is_empty())
        .collect();
    match path.iter().position(|p| *p == "commands") {
        Some(i) => path[i + 1..].join("::"),
        None => path.iter().skip(1).copied().collect::<Vec<_>>().join("::"),
    }
}

/// `text` with every run of [`MASK_DIGITS`] or more digits replaced by `#`
/// (groups joined by one space, dot or hyphen count as one run); a
/// registration number (`VN-261125-0001`, a letter before its first hyphen)
/// is kept.
pub(crate) fn scrub(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // The run: digit groups joined by single separators.
        let start = i;
        let mut end = i;
        let mut digits = 0;
        let mut j = i;
        while j < chars.len() {
            if chars[j].is_ascii_digit() {
                digits += 1;
                j += 1;
                end = j;
            } else if matches!(chars[j], ' ' | '.' | '-')
                && chars.get(j + 1).is_some_and(char::is_ascii_digit)
            {
                j += 1;
            } else {
                break;
            }
        }
        let registration =
            start >= 2 && chars[start - 1] == '-' && chars[start - 2].is_ascii_uppercase();
        if digits >= MASK_DIGITS && !registration {
            out.push('#');
        } else {
            out.extend(&chars[start..end]);
        }
        i = end;
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn numbers_that_could_name_a_citizen_are_masked() {
        assert_eq!(scrub("nik 3516024512900003 ditolak"), "nik # ditolak");
        assert_eq!(scrub("NIK 3516 0245 1290 0003."), "NIK #.");
        assert_eq!(scrub("wa +62 812-3456-7890"), "wa +#");
        assert_eq!(scrub("0812.3456.7890"), "#");
    }

    #[test]
    fn codes_counts_and_registration_numbers_stay() {
        for text in [
            "No space left on device (os error 28)",
            "disk I/O error (code 1034)",
            "VN-261125-0001 dan PK-261125-0002",
            "12 dokumen, 3 berkas dihapus",
            "",
        ] {
            assert_eq!(scrub(text), text);
        }
    }

    #[test]
    fn a_command_is_named_by_its_module_and_function() {
        mod commands {
            pub mod requests {
                pub fn create_request() -> impl Fn() {
                    || ()
                }
            }
        }
        fn name_of<F>(_: &F) -> String {
            command_name::<F>()
        }
        let f = commands::requests::create_request();
        assert_eq!(name_of(&f), "requests::create_request");
        fn generic<T>(_: T) -> impl Fn() {
            || ()
        }
        let g = generic(Vec::<String>::new());
        assert_eq!(
            name_of(&g),
            "diagnostics::tests::a_command_is_named_by_its_module_and_function::generic"
        );
    }

    #[test]
    fn a_cause_chain_is_joined() {
        let inner = std::io::Error::from_raw_os_error(28);
        let outer = std::io::Error::other(inner);
        let text = cause_chain(&outer);
        assert!(text.contains("os error 28"), "{text}");
    }
}
