//! The add pipeline, from bytes to files in the store, before any database
//! write: size → format → header checks → SHA-256 → decode and derive, with
//! the original written to a temporary file on a second thread meanwhile →
//! derived files written and the original renamed into place, side by side
//! (a failed derived write may leave the original in place: harmless, as
//! it is content-addressed and reused by the next attempt).
//!
//! Nothing is left in the store when a step refuses: the original's
//! temporary file is deleted unless decoding succeeded. Bytes already stored
//! (a citizen re-sending the same photo) skip decoding entirely when every
//! file of theirs is still on disk.

use super::decode;
use super::derive::Derived;
use super::rows::{self, Stored};
use super::sniff;
use super::store::{self, store_dir};
use super::{refuse, DocFormat, Inspected};
use crate::error::Result;
use crate::Desk;
use sha2::{Digest, Sha256};
use std::fmt::Write;
use std::path::Path;

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

/// Validates `bytes` and puts the original and its derived images in the store.
pub(super) fn ingest(desk: &Desk, bytes: &[u8]) -> Result<Stored> {
    let (format, source) = validate(bytes)?;
    let sha256 = sha256_hex(bytes);
    let root = store_dir(desk.dir());
    if let Some(known) = rows::known(desk.conn()?, &sha256)? {
        if known.format == format && store::complete(&root, &sha256, format, known.pages) {
            return Ok(known);
        }
    }
    let original = store::original_path(&root, &sha256, format);
    std::thread::scope(|s| {
        let staging = s.spawn(|| store::stage(&root, &original, bytes));
        let rendered = decode::render(&source, bytes);
        let staged = staging
            .join()
            .map_err(|_| refuse::internal("penyimpanan berkas asli berhenti"))?;
        // A refused decode returns here; dropping `staged` deletes its temporary file.
        let rendered = rendered?;
        let staged = staged?;
        // Decoded: the original goes into place while the derived files are
        // written (each waits on its own folder sync).
        let placing = s.spawn(move || staged.map_or(Ok(()), store::Staged::commit));
        let derived = write_derived(&root, &sha256, &rendered.pages);
        placing
            .join()
            .map_err(|_| refuse::internal("penyimpanan berkas asli berhenti"))??;
        derived?;
        Ok(Stored {
            sha256: sha256.clone(),
            format,
            width: rendered.width,
            height: rendered.height,
            pages: u32::try_from(rendered.pages.len()).unwrap_or(u32::MAX),
            bytes: bytes.len() as u64,
        })
    })
}

/// Writes display copies here and thumbnails on a second thread (each write
/// waits on its own `sync_all`).
fn write_derived(root: &Path, sha: &str, pages: &[Derived]) -> Result<()> {
    std::thread::scope(|s| {
        let thumbs = s.spawn(|| {
            pages.iter().zip(1u32..).try_for_each(|(page, n)| {
                store::write_new(root, &store::thumb_path(root, sha, n), &page.thumb)
            })
        });
        let displays = pages.iter().zip(1u32..).try_for_each(|(page, n)| {
            store::write_new(root, &store::display_path(root, sha, n), &page.display)
        });
        thumbs
            .join()
            .map_err(|_| refuse::internal("penyimpanan gambar kecil berhenti"))??;
        displays
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
