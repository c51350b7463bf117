//! Documents as the UI shows them: each document with the paths of its
//! display copies and thumbnails (served to the webview through the asset
//! protocol, scoped to the document store), and per-file results when several
//! files are dropped at once, so one bad file never stops the others.
//! A document whose files were deleted under the retention rule
//! (`retention.rs`) says when, and has no paths: the viewer tells the
//! operator "Foto dihapus sesuai aturan retensi" instead of a broken image.

use crate::documents::{self, DocKind, Document};
use crate::error::{LoketError, Result};
use crate::retention;
use crate::Desk;
use serde::Serialize;
use std::path::Path;
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
/// files that should not be shown.
pub fn view(desk: &Desk, doc: Document) -> DocumentView {
    let purged_at = desk
        .conn()
        .ok()
        .and_then(|c| retention::purged_at(c, doc.id).ok().flatten());
    view_with(desk, doc, purged_at)
}

fn view_with(desk: &Desk, doc: Document, purged_at: Option<i64>) -> DocumentView {
    if purged_at.is_some() {
        return DocumentView {
            doc,
            display: Vec::new(),
            thumbs: Vec::new(),
            purged_at,
        };
    }
    let pages = 1..=doc.pages.max(1);
    let display = pages
        .clone()
        .map(|p| documents::display_path(desk, &doc, p).display().to_string())
        .collect();
    let thumbs = pages
        .map(|p| documents::thumb_path(desk, &doc, p).display().to_string())
        .collect();
    DocumentView {
        doc,
        display,
        thumbs,
        purged_at: None,
    }
}

pub fn list(desk: &Desk, reg_no: &str) -> Result<Vec<DocumentView>> {
    documents::list(desk, reg_no)?
        .into_iter()
        .map(|d| {
            let purged_at = retention::purged_at(desk.conn()?, d.id)?;
            Ok(view_with(desk, d, purged_at))
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
            desk.conn()?,
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
