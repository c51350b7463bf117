//! PDF pages are drawn in a child process that can be stopped.
//!
//! Why: the PDF reader draws whatever a page says, however long that takes
//! and however much memory it needs. A 4 MB PDF of a million small
//! rectangles took 29 s and some 3 GB inside the adding process, and a few
//! kB of forms that draw forms ten times, nested, are worse; no check before
//! drawing can tell all of these from an honest KK. A child process can be
//! given a time limit ([`TIME_LIMIT`]) and, on Linux, a memory limit
//! ([`MEMORY_LIMIT`]) and ended; the operator gets `pdf_terlalu_berat` and
//! the app keeps its memory.
//!
//! The child is the same Loket binary started with [`WORKER_ARG`]: the app
//! and `loket-cli` call [`serve_if_asked`] first thing in `main` and
//! [`draw_pdfs_in`] at start. It reads the PDF on stdin and writes the
//! derived images of every page (or its refusal) on stdout. Without
//! [`draw_pdfs_in`] (unit tests, other embedders), or when the child cannot
//! be started, pages are drawn in process as before.

use super::derive::{derive, Derived};
use super::{pdf, refuse};
use crate::error::{LoketError, Result};
use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{mpsc, OnceLock};
use std::time::Duration;

/// The first argument that makes a Loket binary a PDF worker.
pub const WORKER_ARG: &str = "--loket-pdf-worker";
/// Longest the pages of one PDF may take to draw. An e-KK takes well under
/// a second.
pub(super) const TIME_LIMIT: Duration = Duration::from_secs(20);
/// Most memory (heap) the worker may take, on Linux. An e-KK page at
/// display size needs some 100 MB.
pub(super) const MEMORY_LIMIT: u64 = 1 << 30;
/// Largest reply read from a worker: 20 pages of derived JPEGs fit easily.
const MAX_REPLY: u64 = 512 << 20;

static PROGRAM: OnceLock<PathBuf> = OnceLock::new();

/// Has every PDF drawn by `program` started with [`WORKER_ARG`]: a Loket
/// binary whose `main` calls [`serve_if_asked`] first. Set once; later
/// calls change nothing.
pub fn draw_pdfs_in(program: PathBuf) {
    let _ = PROGRAM.set(program);
}

/// For `main`, before anything else: when this process was started as a
/// PDF worker, serves the PDF on stdin and returns the exit code.
pub fn serve_if_asked() -> Option<i32> {
    if std::env::args_os().nth(1).as_deref() != Some(OsStr::new(WORKER_ARG)) {
        return None;
    }
    limit_memory();
    let mut bytes = Vec::new();
    if std::io::stdin().read_to_end(&mut bytes).is_err() {
        return Some(1);
    }
    let reply = encode_reply(&draw(&bytes));
    let mut out = std::io::stdout().lock();
    Some(i32::from(
        out.write_all(&reply).and_then(|()| out.flush()).is_err(),
    ))
}

#[cfg(unix)]
fn limit_memory() {
    // An allocation past the limit fails and ends the worker (Rust aborts
    // on a failed allocation): the parent sees it end without a reply.
    let _ = rlimit::setrlimit(rlimit::Resource::DATA, MEMORY_LIMIT, MEMORY_LIMIT);
}

#[cfg(not(unix))]
fn limit_memory() {
    // Windows: only the time limit applies. A Job object's committed-memory
    // limit would cap it, but needs Win32 calls no maintained safe crate
    // offers (win32job limits the working set only, which pages out
    // rather than refusing).
}

/// Every page of the PDF `bytes` drawn and derived, in the worker when one
/// is set, else here. `doc` is the same PDF, already opened by the caller.
pub(super) fn pages(doc: &pdf::OpenPdf, bytes: &[u8]) -> Result<Vec<Derived>> {
    match PROGRAM.get() {
        Some(program) => match in_child(program, &[WORKER_ARG], bytes, TIME_LIMIT) {
            Err(Unstarted) => draw_open(doc),
            Ok(result) => result,
        },
        None => draw_open(doc),
    }
}

/// The worker's drawing: its parent counted the streams' expansion when it
/// opened the same bytes (and the worker's memory is capped regardless).
fn draw(bytes: &[u8]) -> Result<Vec<Derived>> {
    draw_open(&pdf::open_counted(bytes)?)
}

fn draw_open(doc: &pdf::OpenPdf) -> Result<Vec<Derived>> {
    let mut pages = Vec::new();
    pdf::render(doc, |page| {
        pages.push(derive(&page, 1)?);
        Ok(())
    })?;
    Ok(pages)
}

/// The worker could not be started at all.
#[derive(Debug)]
struct Unstarted;

/// Runs `program args` on `bytes` and reads its reply, ending it after
/// `limit`.
fn in_child(
    program: &Path,
    args: &[&str],
    bytes: &[u8],
    limit: Duration,
) -> std::result::Result<Result<Vec<Derived>>, Unstarted> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|_| Unstarted)?;
    let (Some(mut stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
        let _ = child.kill();
        let _ = child.wait();
        return Err(Unstarted);
    };
    let too_heavy = || refuse::pdf_too_heavy(limit.as_secs(), MEMORY_LIMIT >> 20);
    let reply = std::thread::scope(|s| {
        // A worker that stops reading (ended, or stuck) makes this write
        // fail, which is fine: its reply, or its absence, decides.
        s.spawn(move || {
            let _ = stdin.write_all(bytes);
        });
        let (tx, rx) = mpsc::channel();
        s.spawn(move || {
            let mut reply = Vec::new();
            let read = stdout.take(MAX_REPLY).read_to_end(&mut reply);
            let _ = tx.send(read.map(|_| reply));
        });
        let reply = rx.recv_timeout(limit);
        if reply.is_err() {
            let _ = child.kill();
        }
        reply
    });
    let status = child.wait();
    Ok(match (reply, status) {
        (Ok(Ok(reply)), Ok(status)) if status.success() => {
            decode_reply(&reply).unwrap_or_else(|| Err(too_heavy()))
        }
        _ => Err(too_heavy()),
    })
}

const PAGE: &[u8; 4] = b"PAGE";
const DONE: &[u8; 4] = b"DONE";
const FAIL: &[u8; 4] = b"FAIL";

/// `PAGE` display thumb (each a `u32` length and its bytes) per page, then
/// `DONE`; or `FAIL` and the refusal as JSON.
fn encode_reply(result: &Result<Vec<Derived>>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut chunk = |tag: &[u8; 4], parts: &[&[u8]]| {
        out.extend_from_slice(tag);
        for part in parts {
            out.extend_from_slice(&u32::try_from(part.len()).unwrap_or(u32::MAX).to_le_bytes());
            out.extend_from_slice(part);
        }
    };
    match result {
        Ok(pages) => {
            for page in pages {
                chunk(PAGE, &[&page.display, &page.thumb]);
            }
            chunk(DONE, &[]);
        }
        Err(e) => chunk(FAIL, &[&serde_json::to_vec(e).unwrap_or_default()]),
    }
    out
}

/// The result a reply carries; `None` when it is not a whole reply.
fn decode_reply(mut reply: &[u8]) -> Option<Result<Vec<Derived>>> {
    fn take<'a>(reply: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
        let (head, rest) = (reply.get(..n)?, reply.get(n..)?);
        *reply = rest;
        Some(head)
    }
    fn part<'a>(reply: &mut &'a [u8]) -> Option<&'a [u8]> {
        let len = u32::from_le_bytes(take(reply, 4)?.try_into().ok()?);
        take(reply, usize::try_from(len).ok()?)
    }
    let mut pages = Vec::new();
    loop {
        match take(&mut reply, 4)? {
            t if t == PAGE => pages.push(Derived {
                display: part(&mut reply)?.to_vec(),
                thumb: part(&mut reply)?.to_vec(),
            }),
            t if t == DONE => return reply.is_empty().then_some(Ok(pages)),
            t if t == FAIL => {
                let e: LoketError = serde_json::from_slice(part(&mut reply)?).ok()?;
                return Some(Err(e));
            }
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    #[test]
    fn a_reply_carries_pages_or_a_refusal() {
        let pages = vec![
            Derived {
                display: b"display one".to_vec(),
                thumb: b"thumb one".to_vec(),
            },
            Derived {
                display: vec![7; 70_000],
                thumb: Vec::new(),
            },
        ];
        let back = decode_reply(&encode_reply(&Ok(pages))).unwrap().unwrap();
        assert_eq!(back.len(), 2);
        assert_eq!(back[0].display, b"display one");
        assert_eq!(back[0].thumb, b"thumb one");
        assert_eq!(back[1].display.len(), 70_000);
        let refused = Err(refuse::pdf_locked());
        let back = decode_reply(&encode_reply(&refused)).unwrap();
        assert_eq!(back.unwrap_err().code, ErrorCode::PdfTerkunci);
    }

    #[test]
    fn a_cut_or_foreign_reply_is_no_reply() {
        let whole = encode_reply(&Ok(vec![Derived {
            display: vec![1; 100],
            thumb: vec![2; 10],
        }]));
        for cut in [0, 3, 4, 50, whole.len() - 1] {
            assert!(decode_reply(&whole[..cut]).is_none(), "cut at {cut}");
        }
        assert!(decode_reply(b"hello world").is_none());
        let mut extra = whole.clone();
        extra.push(0);
        assert!(decode_reply(&extra).is_none(), "bytes after DONE");
    }

    /// A real child process that never answers (it waits for input that
    /// ends only when it is killed) is ended at the limit.
    #[cfg(unix)]
    #[test]
    fn a_worker_that_does_not_answer_in_time_is_ended() {
        let result = in_child(
            Path::new("sleep"),
            &["30"],
            b"%PDF",
            Duration::from_millis(300),
        );
        let err = result.unwrap().unwrap_err();
        assert_eq!(err.code, ErrorCode::PdfTerlaluBerat, "{}", err.message);
    }

    #[cfg(unix)]
    #[test]
    fn a_worker_that_ends_without_a_reply_is_refused_and_a_missing_one_is_unstarted() {
        let result = in_child(Path::new("true"), &[], b"%PDF", Duration::from_secs(10));
        assert_eq!(
            result.unwrap().unwrap_err().code,
            ErrorCode::PdfTerlaluBerat
        );
        let missing = Path::new("/nonexistent/loket-pdf-worker");
        assert!(in_child(missing, &[], b"%PDF", Duration::from_secs(1)).is_err());
    }
}
