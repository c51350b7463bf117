//! KK and KTP-el documents of a request: the photos and PDFs a citizen sends
//! on WhatsApp, kept as the evidence the operator checks the fields against.
//!
//! Why it is built this way:
//!
//! - **The bytes decide, never the name.** A text file renamed `.jpg`, a
//!   truncated photo, a 30000×30000 PNG bomb or a 60 MB blob is refused with a
//!   coded Indonesian error before anything is stored (`sniff.rs`,
//!   `decode.rs`). Header dimensions are checked before any pixel is decoded.
//! - **Originals are kept untouched**, content-addressed by SHA-256 under
//!   [`store_dir`] (`store.rs`), written atomically. The same bytes are stored
//!   once however often they arrive (citizens re-send). In office mode the
//!   office database holds the files and each desk's folder caches what it
//!   shows (`files.rs`): a photo added at one desk opens at every other.
//! - **Derived images** (an upright, bounded display copy and a thumbnail per
//!   page) are made once at add time, so the viewer and the queue only read
//!   small JPEGs. Camera JPEGs are decoded by libjpeg-turbo at an n/8 scale
//!   straight from the DCT (`jpeg.rs`), which is what keeps adding a
//!   12-megapixel photo cheaper than fully decoding it
//!   (`benches/add_document.rs`).
//! - **Heavy work before the transaction.** Decoding, encoding and writing
//!   files happen first; the database write is one short write
//!   transaction. If it fails, the files already written stay: they are
//!   content-addressed, so they are harmless and reused by the next attempt.
//! - **Removal is an event**, not a delete: the row gets `removed_*`, an
//!   append-only `document_events` row records who and why, and the original
//!   file stays (retention is decided elsewhere).
//!
//! Duplicates: adding bytes that are already an active document of the same
//! request returns that document unchanged (no second row, no event). The same
//! bytes on another request, or re-added after removal, get a new row that
//! points at the same stored files.
//!
//! Everything here is synchronous and CPU-heavy for large photos; the shell
//! calls it from a worker thread, never from the UI thread.

mod decode;
mod derive;
mod exif;
mod files;
mod grid;
mod ingest;
mod jpeg;
mod kind;
mod pdf;
mod pdf_expand;
mod pdf_filters;
mod pdf_worker;
mod pictures;
mod pixels;
mod planes;
mod refuse;
mod rows;
mod sniff;
mod store;
mod sweep;

#[cfg(test)]
mod fixture_tests;
#[cfg(test)]
mod office_tests;
#[cfg(test)]
mod pdf_tests;
#[cfg(test)]
mod photo_tests;
#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;

pub use kind::guess_kind;
pub use pdf_worker::{draw_pdfs_in, serve_if_asked, WORKER_ARG};
pub use pictures::{display_image, display_images};
pub use refuse::INSPECT_REFUSALS;
pub use store::store_dir;
pub use sweep::{sweep_stale_temp, STALE_TEMP_AGE};

use crate::base::check_operator;
use crate::error::{ErrorCode, Result};
use crate::words::impl_words;
use crate::Desk;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use strum::{Display, EnumString, IntoStaticStr, VariantArray};
use ts_rs::TS;

/// Largest file accepted (checked on the file's length before reading it).
pub const MAX_FILE_BYTES: u64 = 40 * 1024 * 1024;
/// Most pixels a picture's header may claim (checked before decoding).
pub const MAX_PIXELS: u64 = 50_000_000;
/// Shortest side, in upright pixels, of a picture a document can be read from.
pub const MIN_SIDE: u32 = 200;
/// Long side of display copies, in pixels.
pub const DISPLAY_LONG_SIDE: u32 = 2000;
/// Long side of thumbnails, in pixels.
pub const THUMB_LONG_SIDE: u32 = 320;
/// Most pages a PDF may have (an e-KK has one or two).
pub const MAX_PDF_PAGES: usize = 20;
/// What a PDF's compressed streams may expand to, all together, before it
/// is opened: an e-KK holds well under 10 MB; ten A4 pages scanned in
/// colour at 300 dpi as lossless images about 260 MB. The PDF reader
/// decodes each stream whole in memory (a drawing's operators take about
/// ten times their size), and a few MB of zeros compress from gigabytes.
pub const MAX_PDF_EXPANDED: u64 = 256 * 1024 * 1024;
/// Resolution at which a PDF page's width and height are reported: the
/// e-KK's own raster resolution, so a PDF and a scan of it compare.
pub const PDF_DPI: f32 = 200.0;

/// What a document is; the operator confirms or corrects the guess.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[derive(IntoStaticStr, EnumString, VariantArray, Display)]
#[strum(serialize_all = "snake_case", ascii_case_insensitive)]
pub enum DocKind {
    /// KTP-el, the electronic ID card.
    Ktp,
    /// Kartu Keluarga, the family card (photo, scan or e-KK PDF).
    Kk,
    /// Anything else the citizen sent.
    Other,
}

impl_words!(
    DocKind,
    ErrorCode::JenisDokumenTidakDikenal,
    "Jenis dokumen"
);

impl DocKind {
    /// What the operator reads.
    pub fn label(self) -> &'static str {
        match self {
            DocKind::Ktp => "KTP-el",
            DocKind::Kk => "KK",
            DocKind::Other => "Lainnya",
        }
    }
}

/// The stored format, as sniffed from the bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[derive(IntoStaticStr, EnumString, VariantArray, Display)]
#[strum(serialize_all = "snake_case")]
pub enum DocFormat {
    Jpeg,
    Png,
    Webp,
    Pdf,
}

impl_words!(DocFormat);

impl DocFormat {
    /// The extension of the stored original.
    pub fn ext(self) -> &'static str {
        match self {
            DocFormat::Jpeg => "jpg",
            DocFormat::Png => "png",
            DocFormat::Webp => "webp",
            DocFormat::Pdf => "pdf",
        }
    }
}

/// A document of a request, as the UI lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Document {
    pub id: i64,
    /// The request's registration number.
    pub reg_no: String,
    pub kind: DocKind,
    /// Lower-case hex SHA-256 of the original bytes (names the stored files).
    pub sha256: String,
    pub format: DocFormat,
    /// Upright width of the full picture (after EXIF orientation); for a PDF,
    /// its first page at [`PDF_DPI`].
    pub width: u32,
    /// Upright height, as `width`.
    pub height: u32,
    /// 1 for a picture; the page count of a PDF.
    pub pages: u32,
    /// Size of the original file.
    pub bytes: u64,
    /// The name it arrived with, for display only (never used as a path).
    pub file_name: String,
    /// Milliseconds since the Unix epoch (UTC).
    pub added_at: i64,
    /// The operator who added it.
    pub operator: String,
}

/// What a file would be stored as, from [`inspect`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inspected {
    pub format: DocFormat,
    /// Upright width (first page of a PDF at [`PDF_DPI`]).
    pub width: u32,
    /// Upright height, as `width`.
    pub height: u32,
    pub pages: u32,
}

/// Checks `bytes` exactly as adding them would — size, format, header
/// limits, decoding and deriving every page — and writes nothing: bytes
/// in, a verdict out, no data folder (the fuzz targets drive this).
pub fn inspect(bytes: &[u8]) -> Result<Inspected> {
    ingest::inspect(bytes)
}

/// Adds the file at `path` (drag-and-drop, file picker) to request `reg_no`.
/// `kind: None` guesses it from the name and shape ([`guess_kind`]).
pub fn add_path(
    desk: &mut Desk,
    reg_no: &str,
    kind: Option<DocKind>,
    path: &Path,
    operator: &str,
    now_ms: i64,
) -> Result<Document> {
    let bytes = sniff::read_file(path)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    add_bytes(desk, reg_no, kind, &name, &bytes, operator, now_ms)
}

/// Adds `bytes` (a paste from the clipboard) named `file_name` to request
/// `reg_no`. Refusals store nothing; see the module docs for duplicates.
pub fn add_bytes(
    desk: &mut Desk,
    reg_no: &str,
    kind: Option<DocKind>,
    file_name: &str,
    bytes: &[u8],
    operator: &str,
    now_ms: i64,
) -> Result<Document> {
    let operator = check_operator(operator)?;
    // Cheap refusals first: an unknown request or a read-only folder must
    // not cost a decode or leave files.
    desk.check_writable()?;
    crate::requests::get_by_reg_no(desk.db(), reg_no)?;
    let stored = ingest::ingest(desk, bytes)?;
    let file_name = kind::clean_file_name(file_name, stored.format);
    let kind = kind.unwrap_or_else(|| guess_kind(&file_name, stored.width, stored.height));
    let doc = rows::insert(
        desk.db(),
        reg_no,
        &stored,
        kind,
        &file_name,
        &operator,
        now_ms,
    )?;
    // Retention may have deleted these bytes' files between the check above
    // and the insert (it deletes only while no unpurged row uses them, under
    // the write lock): the row now holds them, so write them again.
    if !files::Files::of(desk).complete(&doc.sha256, doc.format, doc.pages)? {
        ingest::ingest(desk, bytes)?;
    }
    Ok(doc)
}

/// The documents of a request that are not removed, in the order added.
pub fn list(desk: &Desk, reg_no: &str) -> Result<Vec<Document>> {
    rows::list(desk.db(), reg_no)
}

/// One document that is not removed.
pub fn get(desk: &Desk, doc_id: i64) -> Result<Document> {
    rows::get(desk.db(), doc_id)
}

/// Removes a document from its request: records who, when and why (a reason
/// is required) as an event. The stored files stay.
pub fn remove(
    desk: &mut Desk,
    doc_id: i64,
    reason: &str,
    operator: &str,
    now_ms: i64,
) -> Result<()> {
    let operator = check_operator(operator)?;
    rows::remove(desk.db(), doc_id, reason, &operator, now_ms)
}

/// Sets what a document is (the operator's correction of the guess).
/// Setting the kind it already has changes nothing and records no event.
pub fn set_kind(
    desk: &mut Desk,
    doc_id: i64,
    kind: DocKind,
    operator: &str,
    now_ms: i64,
) -> Result<Document> {
    let operator = check_operator(operator)?;
    rows::set_kind(desk.db(), doc_id, kind, &operator, now_ms)
}

/// Where this desk keeps the upright display copy (JPEG, long side at most
/// [`DISPLAY_LONG_SIDE`]) of page `page` (1-based; clamped to the
/// document's pages). In office mode the file is there once
/// [`display_file`] fetched it.
pub fn display_path(desk: &Desk, doc: &Document, page: u32) -> PathBuf {
    store::display_path(&store_dir(desk.dir()), &doc.sha256, clamp_page(doc, page))
}

/// Where this desk keeps the thumbnail (JPEG, long side
/// [`THUMB_LONG_SIDE`]) of page `page` (1-based; clamped to the document's
/// pages); in office mode, once [`thumb_file`] fetched it.
pub fn thumb_path(desk: &Desk, doc: &Document, page: u32) -> PathBuf {
    store::thumb_path(&store_dir(desk.dir()), &doc.sha256, clamp_page(doc, page))
}

/// Where this desk keeps the original file, byte for byte as it was
/// added; in office mode, once [`original_file`] fetched it.
pub fn original_path(desk: &Desk, doc: &Document) -> PathBuf {
    store::original_path(&store_dir(desk.dir()), &doc.sha256, doc.format)
}

/// [`display_path`], with the file there: in office mode copied from the
/// office database into this desk's folder unless it is already cached.
pub fn display_file(desk: &Desk, doc: &Document, page: u32) -> Result<PathBuf> {
    let page = clamp_page(doc, page);
    files::Files::of(desk).local(
        display_path(desk, doc, page),
        &doc.sha256,
        files::Variant::Display,
        page,
    )
}

/// [`thumb_path`], with the file there (as [`display_file`]).
pub fn thumb_file(desk: &Desk, doc: &Document, page: u32) -> Result<PathBuf> {
    let page = clamp_page(doc, page);
    files::Files::of(desk).local(
        thumb_path(desk, doc, page),
        &doc.sha256,
        files::Variant::Thumb,
        page,
    )
}

/// [`original_path`], with the file there (as [`display_file`]).
pub fn original_file(desk: &Desk, doc: &Document) -> Result<PathBuf> {
    files::Files::of(desk).local(
        original_path(desk, doc),
        &doc.sha256,
        files::Variant::Original,
        0,
    )
}

/// Every file the store may hold for one content: the original, then the
/// display copy and the thumbnail of each page (retention and backups).
pub fn stored_files(data_dir: &Path, sha256: &str, format: DocFormat, pages: u32) -> Vec<PathBuf> {
    let root = store_dir(data_dir);
    let mut files = vec![store::original_path(&root, sha256, format)];
    for page in 1..=pages.max(1) {
        files.push(store::display_path(&root, sha256, page));
        files.push(store::thumb_path(&root, sha256, page));
    }
    files
}

fn clamp_page(doc: &Document, page: u32) -> u32 {
    page.clamp(1, doc.pages.max(1))
}
