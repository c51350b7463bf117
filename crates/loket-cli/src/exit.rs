//! How a command ends, and the exit code that tells a script: 0 success,
//! 1 a refused input or a "no" (an invalid number, a broken log), 2 a usage
//! error. Every handler returns a `Result<Verdict, Failure>`; only `main`
//! turns it into an exit code, after the handler has let go of the data.

use crate::output;
use loket_core::LoketError;
use std::io;
use std::process::ExitCode;

/// How a command ended.
pub enum Verdict {
    Ok,
    /// Ran fine but the answer is "no" (an invalid number).
    No,
}

/// A failure with the exit code it maps to.
pub struct Failure {
    err: LoketError,
    usage: bool,
    json: bool,
}

impl Failure {
    pub fn input(err: LoketError, json: bool) -> Self {
        Failure {
            err,
            usage: false,
            json,
        }
    }
    pub fn usage(err: LoketError, json: bool) -> Self {
        Failure {
            err,
            usage: true,
            json,
        }
    }
}

/// Stdout could not be written (a closed pipe is not an error: see
/// `stdio`). Exit 1 with the reason on stderr, as a plain line: the
/// handler's `--json` is not known here.
impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::input(LoketError::from_io(&e, "keluaran program"), false)
    }
}

/// The exit code of a handler's result; a failure is printed on stderr.
pub fn code(result: Result<Verdict, Failure>) -> ExitCode {
    match result {
        Ok(Verdict::Ok) => ExitCode::SUCCESS,
        Ok(Verdict::No) => ExitCode::from(1),
        Err(f) => {
            output::error(&f.err, f.json);
            ExitCode::from(if f.usage { 2 } else { 1 })
        }
    }
}
