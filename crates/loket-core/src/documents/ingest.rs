//! The add pipeline, from bytes to files in the store, before any database
//! write: size → format → header checks → SHA-256 → decode and derive, then
//! the files stored (`files.rs`: in the data folder, the original written to
//! a temporary file on a second thread meanwhile, then the derived files
//! written and the original renamed into place, side by side; in office
//! mode, rows of the office database). A failed derived write may leave the
//! original in place: harmless, as it is content-addressed and reused by
//! the next attempt.
//!
//! Nothing is left in the store when a step refuses: the original's
//! temporary file is deleted unless decoding succeeded. Bytes already stored
//! (a citizen re-sending the same photo) skip decoding entirely when every
//! file of theirs is still stored.

use super::decode;
use super::files::Files;
use super::rows::{self, Stored};
use super::sniff;
use super::{DocFormat, Inspected};
use crate::error::Result;
use crate::Desk;
use sha2::{Digest, Sha256};
use std::fmt::Write;

/// The cheap refusals, in order: size, format, header limits.
pub(super) fn validate(bytes: &[u8]) -> Result<(DocFormat, decode::Source)> {
    sniff::check_len(bytes.len() as u64)?;
    let format = sniff::sniff(bytes)?;
    let source = decode::probe(format, bytes)?;
    Ok((format, source))
}

/// Every check and every decode of an add, with nothing written.
pub(super) fn inspect(bytes: &[u8]) -> Result<Inspected> {
    let (format, source) = validate(bytes)?;
    let rendered = decode::render(&source, bytes)?;
    Ok(Inspected {
        format,
        width: rendered.width,
        height: rendered.height,
        pages: u32::try_from(rendered.pages.len()).unwrap_or(u32::MAX),
    })
}

/// Validates `bytes` and puts the original and its derived images in the
/// desk's store (`files.rs`).
pub(super) fn ingest(desk: &Desk, bytes: &[u8]) -> Result<Stored> {
    let (format, source) = validate(bytes)?;
    let sha256 = sha256_hex(bytes);
    let files = Files::of(desk);
    if let Some(known) = rows::known(desk.db(), &sha256)? {
        if known.format == format && files.complete(&sha256, format, known.pages)? {
            return Ok(known);
        }
    }
    let rendered = files.put(&sha256, format, bytes, || decode::render(&source, bytes))?;
    Ok(Stored {
        sha256,
        format,
        width: rendered.width,
        height: rendered.height,
        pages: u32::try_from(rendered.pages.len()).unwrap_or(u32::MAX),
        bytes: bytes.len() as u64,
    })
}

/// Lower-case hex SHA-256.
pub(super) fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .fold(String::with_capacity(64), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}
