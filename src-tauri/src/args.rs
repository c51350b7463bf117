//! The app's own start-up arguments, parsed by clap.
//!
//! An argument Loket does not know stops the start with a message and exit
//! code 2 instead of being skipped: `--datadir D:\Uji` (one letter off) must
//! not open the office's real data folder. WebKitWebDriver (the end-to-end
//! tests) starts the app without arguments; the PDF worker's
//! `--loket-pdf-worker` is taken by `main` before these are read.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::Parser;
use std::ffi::OsString;
use std::path::PathBuf;

/// Set to `1`, works like `--demo` (scripts that start the app).
const ENV_DEMO: &str = "LOKET_DEMO";

#[derive(Debug, Parser)]
#[command(
    name = "loket",
    version,
    about = "Loket — meja operator Dispendukcapil Kab. Mojokerto"
)]
pub(crate) struct StartArgs {
    /// Data folder (default: the app's own; LOKET_DATA_DIR also sets it).
    #[arg(long, value_name = "DIR")]
    pub(crate) data_dir: Option<PathBuf>,
    /// Seed an empty data folder with synthetic requests (LOKET_DEMO=1 too).
    #[arg(long)]
    pub(crate) demo: bool,
}

/// Parses `args` (the program name first, as `std::env::args_os` gives it).
pub(crate) fn parse<I, T>(args: I) -> Result<StartArgs, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let mut parsed = StartArgs::try_parse_from(args)?;
    if std::env::var_os(ENV_DEMO).is_some_and(|v| v == "1") {
        parsed.demo = true;
    }
    Ok(parsed)
}

/// Shows why the arguments were refused (or the help or version that was
/// asked for) and returns the exit code: 0 for help and version, 2 for a
/// refusal, as `loket-cli` does.
pub(crate) fn refuse(err: &clap::Error) -> i32 {
    if matches!(
        err.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        let _ = err.print();
        return 0;
    }
    // The one message not in the log: the data folder is what the refused
    // arguments were to name, and none may be opened.
    eprintln!("{}", refusal_line(err));
    let _ = err.print();
    2
}

/// One Indonesian line for whoever started Loket: what was refused and that
/// nothing was opened.
pub(crate) fn refusal_line(err: &clap::Error) -> String {
    let arg = match err.get(ContextKind::InvalidArg) {
        Some(ContextValue::String(s)) => format!(" '{s}'"),
        _ => String::new(),
    };
    let hint = match err.get(ContextKind::SuggestedArg) {
        Some(ContextValue::String(s)) => format!(" Maksudnya '{s}'?"),
        _ => String::new(),
    };
    format!(
        "Loket tidak dijalankan: argumen{arg} tidak dikenal atau tidak lengkap; tidak ada folder data yang dibuka.{hint}"
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<StartArgs, clap::Error> {
        StartArgs::try_parse_from(std::iter::once("loket").chain(list.iter().copied()))
    }

    #[test]
    fn known_flags_in_both_spellings() {
        let a = args(&["--data-dir", "D:/Loket Uji", "--demo"]).unwrap();
        assert_eq!(a.data_dir, Some(PathBuf::from("D:/Loket Uji")));
        assert!(a.demo);
        let a = args(&["--data-dir=/data/loket"]).unwrap();
        assert_eq!(a.data_dir, Some(PathBuf::from("/data/loket")));
        assert!(!a.demo);
        let a = args(&[]).unwrap();
        assert_eq!(a.data_dir, None);
    }

    #[test]
    fn a_mistyped_flag_is_refused_with_the_right_one_named() {
        let err = args(&["--datadir", "x"]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UnknownArgument);
        assert_eq!(err.exit_code(), 2);
        let line = refusal_line(&err);
        assert!(line.contains("'--datadir'"), "{line}");
        assert!(line.contains("'--data-dir'"), "{line}");
    }

    #[test]
    fn stray_values_and_missing_values_are_refused() {
        for list in [
            &["D:/Loket"][..],
            &["--data-dir"],
            &["--data-dir="],
            &["--demo=1"],
            &["--loket-pdf-worker"],
            &["-d", "x"],
        ] {
            let err = args(list).expect_err(&format!("{list:?} must be refused"));
            assert_eq!(err.exit_code(), 2, "{list:?}");
        }
    }

    #[test]
    fn help_and_version_exit_zero() {
        for flag in ["--help", "--version"] {
            assert_eq!(args(&[flag]).unwrap_err().exit_code(), 0, "{flag}");
        }
    }
}
