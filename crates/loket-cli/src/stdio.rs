//! The one way `loket-cli` writes to stdout and stderr. `println!` panics
//! when a reader stops early (`loket-cli … | head`) and `eprintln!` when
//! stderr is closed; scripts then see exit 101 instead of the documented
//! codes. Here a closed stdout is a clean end: what is left to print is
//! dropped and the command ends with the exit code it earned (0 on
//! success). Any other write error (a full disk behind `> file`) is
//! returned, so it reaches `main` as an error with its code and exit 1.
//! Stderr is best effort: a message that cannot be written is dropped.

use serde::Serialize;
use std::io::{self, BufWriter, ErrorKind, StdoutLock, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Set once stdout's reader has gone; later writes are dropped.
static CLOSED: AtomicBool = AtomicBool::new(false);

/// Prints a line on stdout (`println!`'s arguments); returns the write
/// error other than a closed pipe.
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::stdio::line(::std::format_args!($($arg)*))
    };
}

/// Prints a line on stderr (`eprintln!`'s arguments); never fails.
macro_rules! errln {
    ($($arg:tt)*) => {
        $crate::stdio::err_line(::std::format_args!($($arg)*))
    };
}

pub(crate) use {errln, outln};

/// Locked stdout that treats a closed pipe as the end of the output.
pub struct Stdout(StdoutLock<'static>);

/// Stdout, locked for one piece of output.
pub fn stdout() -> Stdout {
    Stdout(io::stdout().lock())
}

/// A closed pipe swallows the bytes; anything else is the caller's error.
fn gone<T>(r: io::Result<T>, all: T) -> io::Result<T> {
    match r {
        Err(e) if e.kind() == ErrorKind::BrokenPipe => {
            CLOSED.store(true, Ordering::Relaxed);
            Ok(all)
        }
        r => r,
    }
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if CLOSED.load(Ordering::Relaxed) {
            return Ok(buf.len());
        }
        gone(self.0.write(buf), buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if CLOSED.load(Ordering::Relaxed) {
            return Ok(());
        }
        gone(self.0.flush(), ())
    }
}

pub fn line(args: std::fmt::Arguments<'_>) -> io::Result<()> {
    writeln!(stdout(), "{args}")
}

/// Pretty JSON and a line break, streamed (a long list is not built as one
/// string first).
pub fn json<T: Serialize + ?Sized>(v: &T) -> io::Result<()> {
    let mut w = BufWriter::new(stdout());
    serde_json::to_writer_pretty(&mut w, v)?;
    w.write_all(b"\n")?;
    w.flush()
}

/// Raw bytes (a receipt's PDF or PNG), flushed.
pub fn bytes(b: &[u8]) -> io::Result<()> {
    let mut w = stdout();
    w.write_all(b)?;
    w.flush()
}

/// Writes out what stdout still buffers (a line without its line break).
pub fn flush() -> io::Result<()> {
    stdout().flush()
}

pub fn err_line(args: std::fmt::Arguments<'_>) {
    let _ = writeln!(io::stderr().lock(), "{args}");
}
