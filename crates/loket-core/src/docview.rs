//! Documents as the UI shows them: each document with the paths of its
//! display copies and thumbnails (served to the webview through the asset
//! protocol, scoped to the document store), and per-file results when several
//! files are dropped at once, so one bad file never stops the others.
//! A document whose files were deleted under the retention rule
//! (`retention.rs`) says when, and has no paths: the viewer tells the
//! operator "Foto dihapus sesuai aturan retensi" instead of a broken image.
//! An office desk is given paths of copies in its own folder, fetched from
//! the office database when not cached yet (`documents::display_file`).

use crate::documents::{self, DocKind, Document};
use crate::error::{LoketError, Result};
use crate::retention;
use crate::Desk;
use serde::Serialize;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// A document with the files the viewer and the list show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DocumentView {
    pub doc: Document,
    /// Absolute path of the upright display copy of each page.
    pub display: Vec<String>,
    /// Absolute path of the thumbnail of each page.
    pub thumbs: Vec<String>,
    /// When the files were deleted under the retention rule (UTC ms); then
    /// `display` and `thumbs` are empty.
    pub purged_at: Option<i64>,
}

/// The outcome of adding one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DocAddResult {
    /// The file name as given.
    pub file: String,
    pub ok: bool,
    pub document: Option<DocumentView>,
    pub error: Option<LoketError>,
}

/// The view of one document. If its purge cannot be read, it is shown as
/// not purged: its paths then lead to files that may be gone, never to
/// files that should not be shown; so do they when an office desk cannot
/// fetch its copies.
pub fn view(desk: &Desk, doc: Document) -> DocumentView {
    let purged_at = retention::purged_at(desk.db(), doc.id).ok().flatten();
    let paths = paths(desk, &doc, purged_at).unwrap_or_else(|_| {
        let pages = 1..=doc.pages.max(1);
        (
            pages
                .clone()
                .map(|p| shown(documents::display_path(desk, &doc, p)))
                .collect(),
            pages
                .map(|p| shown(documents::thumb_path(desk, &doc, p)))
                .collect(),
        )
    });
    view_with(doc, purged_at, paths)
}

fn shown(path: PathBuf) -> String {
    path.display().to_string()
}

/// The display copies and thumbnails of every page, there on this desk
/// (an office desk fetches what it has not cached); none once purged.
fn paths(
    desk: &Desk,
    doc: &Document,
    purged_at: Option<i64>,
) -> Result<(Vec<String>, Vec<String>)> {
    if purged_at.is_some() {
        return Ok((Vec::new(), Vec::new()));
    }
    let pages = 1..=doc.pages.max(1);
    let display = pages
        .clone()
        .map(|p| documents::display_file(desk, doc, p).map(shown))
        .collect::<Result<_>>()?;
    let thumbs = pages
        .map(|p| documents::thumb_file(desk, doc, p).map(shown))
        .collect::<Result<_>>()?;
    Ok((display, thumbs))
}

fn view_with(
    doc: Document,
    purged_at: Option<i64>,
    (display, thumbs): (Vec<String>, Vec<String>),
) -> DocumentView {
    DocumentView {
        doc,
        display,
        thumbs,
        purged_at,
    }
}

pub fn list(desk: &Desk, reg_no: &str) -> Result<Vec<DocumentView>> {
    documents::list(desk, reg_no)?
        .into_iter()
        .map(|d| {
            let purged_at = retention::purged_at(desk.db(), d.id)?;
            let paths = paths(desk, &d, purged_at)?;
            Ok(view_with(d, purged_at, paths))
        })
        .collect()
}

/// The documents of a request as `viewer` is shown them: listing them puts
/// the photos on screen, so it is logged as a view (when there are any).
pub fn open(desk: &Desk, reg_no: &str, viewer: &str, now_ms: i64) -> Result<Vec<DocumentView>> {
    let docs = list(desk, reg_no)?;
    if !docs.is_empty() {
        let kinds: Vec<&str> = docs.iter().map(|d| d.doc.kind.as_str()).collect();
        crate::audit::record(
            desk.db(),
            now_ms,
            viewer,
            crate::audit::Action::DokumenDilihat,
            Some(reg_no.trim()),
            &kinds.join(", "),
        )?;
    }
    Ok(docs)
}

fn result(file: String, added: Result<Document>, desk: &Desk) -> DocAddResult {
    match added {
        Ok(doc) => DocAddResult {
            file,
            ok: true,
            document: Some(view(desk, doc)),
            error: None,
        },
        Err(e) => DocAddResult {
            file,
            ok: false,
            document: None,
            error: Some(e),
        },
    }
}

/// Adds every path; each gets its own result.
pub fn add_paths(
    desk: &mut Desk,
    reg_no: &str,
    kind: Option<DocKind>,
    paths: &[String],
    operator: &str,
    now_ms: i64,
) -> Vec<DocAddResult> {
    paths
        .iter()
        .map(|p| {
            let path = Path::new(p);
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.clone());
            let added = documents::add_path(desk, reg_no, kind, path, operator, now_ms);
            result(name, added, desk)
        })
        .collect()
}

/// Adds pasted bytes.
pub fn add_bytes(
    desk: &mut Desk,
    reg_no: &str,
    kind: Option<DocKind>,
    file_name: &str,
    bytes: &[u8],
    operator: &str,
    now_ms: i64,
) -> DocAddResult {
    let added = documents::add_bytes(desk, reg_no, kind, file_name, bytes, operator, now_ms);
    result(file_name.to_owned(), added, desk)
}
