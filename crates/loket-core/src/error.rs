//! One error type for everything the core refuses, with a stable code.
//!
//! The UI and scripts branch on `code` (an Indonesian snake_case word the
//! operator can read), never on the message text, which may be reworded.
//! Every failure a user or a file can cause maps to a code here; nothing in
//! the core panics on input.

use serde::{Deserialize, Serialize};
use std::sync::Arc;
use ts_rs::TS;

/// Stable, machine-readable error codes. Renaming one is a breaking change
/// for the UI, the CLI's JSON and any script that reads them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A NIK failed its structural checks.
    NikTidakValid,
    /// A KK number failed its structural checks.
    NomorKkTidakValid,
    /// The WhatsApp number cannot be an Indonesian phone number.
    NomorWaTidakValid,
    /// The applicant's name is missing or unusable.
    NamaTidakValid,
    /// A free-text field is too long.
    TeksTerlaluPanjang,
    /// An unknown problem category.
    KategoriTidakDikenal,
    /// An unknown request status.
    StatusTidakDikenal,
    /// An unknown outcome.
    HasilTidakDikenal,
    /// A lifecycle move that the state machine does not allow.
    PerpindahanTidakSah,
    /// A move to `done` without an outcome, or an outcome on another move.
    HasilWajibDiisi,
    /// No request with that registration number.
    PermohonanTidakDitemukan,
    /// The operator name is missing.
    OperatorBelumDiisi,
    /// The database was written by a newer Loket.
    BasisDataVersiBaru,
    /// The database file is damaged or not a Loket database.
    BasisDataRusak,
    /// The data folder cannot be created, read or written.
    FolderDataTidakBisaDipakai,
    /// The data folder is on a network share, where SQLite is unsafe.
    FolderDataDiJaringan,
    /// The office database server cannot be reached (office mode).
    ServerKantorTidakTerjangkau,
    /// The office database server refused this desk's user or password.
    AksesKantorDitolak,
    /// The office database has no Loket schema yet (`loket-cli office init`).
    KantorBelumDisiapkan,
    /// A feature not yet moved to office mode (it still needs a desk's
    /// own SQLite folder).
    BelumAdaDiModeKantor,
    /// `office import` into an office database that already holds data
    /// (requests, deliveries, complaints, documents, accounts, access-log
    /// entries) or was imported into before: an office is filled from one
    /// folder only, once.
    KantorSudahBerisiData,
    /// The access log's hash chain does not verify (an entry changed,
    /// missing or cut off): refused before anything is copied from it.
    LogAksesRusak,
    /// The disk is full.
    DiskPenuh,
    /// Any other storage failure.
    GagalMenyimpan,
    /// A malformed date or other argument.
    MasukanTidakValid,
    /// A document file has no bytes at all.
    BerkasKosong,
    /// A document file is larger than the store accepts.
    BerkasTerlaluBesar,
    /// A document file cannot be opened or read (gone, a folder, no permission).
    BerkasTidakBisaDibaca,
    /// The bytes are not a JPEG, PNG, WebP or PDF (whatever the file name says).
    BukanGambar,
    /// A recognised picture format Loket does not take (HEIC, GIF, TIFF, ...).
    FormatTidakDidukung,
    /// The picture or PDF is damaged or cut off: it does not decode.
    BerkasRusak,
    /// The picture is too small to read a document from.
    GambarTerlaluKecil,
    /// The picture's header claims more pixels than Loket will decode.
    GambarTerlaluBesar,
    /// The PDF has more pages than a KK or KTP can have.
    TerlaluBanyakHalaman,
    /// The PDF is password-protected.
    PdfTerkunci,
    /// The PDF's compressed contents expand beyond what Loket will open (a
    /// compression bomb, or far more than a KK or KTP holds).
    IsiPdfTerlaluBesar,
    /// Drawing the PDF's pages took longer or more memory than Loket allows
    /// (a page of millions of shapes, or forms drawing forms).
    PdfTerlaluBerat,
    /// No (non-removed) document with that id.
    DokumenTidakDitemukan,
    /// An unknown document kind (not ktp, kk or other).
    JenisDokumenTidakDikenal,
    /// A merge the rules refuse: into itself, a closed duplicate, a target that was merged away.
    TidakBisaDigabung,
    /// The request was already merged into another one.
    SudahDigabung,
    /// A reply was asked for before the request has an outcome to tell.
    BelumAdaHasil,
    /// The system could not open the WhatsApp link (no browser or app for it).
    GagalMembukaWhatsapp,
    /// Nobody is logged in (or the screen is locked): log in first.
    BelumMasuk,
    /// The PIN does not match the account.
    PinSalah,
    /// Too many wrong PINs: the account waits before the next try.
    AkunTerkunciSementara,
    /// No (enabled) account with that name.
    AkunTidakDitemukan,
    /// An account with that name already exists.
    NamaAkunSudahAda,
    /// A new PIN is too short or too easy to guess.
    PinTerlaluLemah,
    /// Only a supervisor may do this.
    KhususSupervisor,
    /// The retention period is not a whole number of days in the allowed range.
    MasaRetensiTidakValid,
    /// A backup failed its check (manifest missing or unreadable, a file
    /// missing, changed or cut off, the database damaged).
    CadanganRusak,
    /// A restore target already holds a Loket database or other files.
    FolderTujuanTidakKosong,
    /// The folder chosen for a backup does not exist or cannot be written.
    FolderCadanganTidakBisaDipakai,
    /// Windows: the file to replace is open in another program (a recap in
    /// Excel, a receipt in a PDF viewer); close it and try again.
    BerkasSedangDibuka,
    /// The OCR models are not installed beside Loket.
    ModelOcrTidakAda,
    /// An OCR model file failed its SHA-256 check or could not be loaded.
    ModelOcrRusak,
    /// The OCR engine failed on a photo.
    GagalMembacaFoto,
}

/// The failure underneath a [`LoketError`] (SQLite's, the file system's),
/// kept for the app's log; shared, so that the error stays `Clone`.
pub type Cause = Arc<dyn std::error::Error + Send + Sync + 'static>;

/// An error with its stable code and an Indonesian message for the operator.
///
/// What crosses the IPC and the CLI's JSON is exactly `{code, message}`;
/// the cause (`source`) stays in the process, for the log. Two errors are
/// equal when their code and message are.
#[derive(Debug, Clone, Serialize, Deserialize, TS, thiserror::Error)]
#[error("{code:?}: {message}")]
pub struct LoketError {
    pub code: ErrorCode,
    pub message: String,
    #[serde(skip)]
    #[ts(skip)]
    source: Option<Cause>,
}

impl PartialEq for LoketError {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code && self.message == other.message
    }
}

impl Eq for LoketError {}

impl LoketError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            source: None,
        }
    }

    /// The same error with the failure that caused it, for the log.
    pub fn with_source(mut self, cause: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.source = Some(Arc::new(cause));
        self
    }

    /// The failure underneath, if one was kept.
    pub fn cause(&self) -> Option<&Cause> {
        self.source.as_ref()
    }

    /// The code as the snake_case word that crosses the IPC and the CLI.
    pub fn code_str(&self) -> String {
        serde_json::to_value(self.code)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }
}

pub type Result<T, E = LoketError> = std::result::Result<T, E>;

impl LoketError {
    /// Maps a failure to create, write or rename something in the data folder
    /// (`what` names it for the operator) to a coded error: a full disk, a
    /// full quota or a file over the size limit (EFBIG) is `DiskPenuh`, a refused permission or a read-only disk is
    /// `FolderDataTidakBisaDipakai`, anything else `GagalMenyimpan`.
    pub fn from_io(err: &std::io::Error, what: &str) -> Self {
        use std::io::ErrorKind as K;
        // A full quota has no `ErrorKind` stable at this crate's rust-version: its OS codes.
        let quota = matches!(err.raw_os_error(), Some(c) if (cfg!(target_os = "linux") && c == 122)
            || (cfg!(target_os = "macos") && c == 69)
            || (cfg!(windows) && c == 1295));
        let coded = match err.kind() {
            _ if quota => LoketError::new(
                ErrorCode::DiskPenuh,
                format!(
                    "Kuota disk penuh: {what} tidak tersimpan. Kosongkan ruang disk lalu ulangi."
                ),
            ),
            K::StorageFull => LoketError::new(
                ErrorCode::DiskPenuh,
                format!("Disk penuh: {what} tidak tersimpan. Kosongkan ruang disk lalu ulangi."),
            ),
            // EFBIG: the file system's (FAT32's 4 GB) or the process's size limit.
            K::FileTooLarge => LoketError::new(
                ErrorCode::DiskPenuh,
                format!(
                    "Disk tidak bisa menampung {what}: berkas melebihi batas ukuran disk. Pindahkan folder data ke disk lain lalu ulangi."
                ),
            ),
            K::PermissionDenied | K::ReadOnlyFilesystem => LoketError::new(
                ErrorCode::FolderDataTidakBisaDipakai,
                format!("Folder data tidak bisa ditulis ({what}). Periksa izin folder atau disk."),
            ),
            _ => LoketError::new(
                ErrorCode::GagalMenyimpan,
                format!("Gagal menyimpan {what}: {err}"),
            ),
        };
        coded.with_source(copy_of(err))
    }
}

/// An `io::Error` is neither `Clone` nor given here by value: the cause kept
/// is the OS's error code when there is one, else its kind and text.
fn copy_of(err: &std::io::Error) -> std::io::Error {
    match err.raw_os_error() {
        Some(code) => std::io::Error::from_raw_os_error(code),
        None => std::io::Error::new(err.kind(), err.to_string()),
    }
}

impl From<rusqlite::Error> for LoketError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode as Sq;
        // SQLite cannot grow the shared-memory index (`-shm`) of the WAL
        // only when the disk is full: an extended code of the I/O error.
        let shm_full = matches!(&e, rusqlite::Error::SqliteFailure(f, _)
            if f.extended_code == rusqlite::ffi::SQLITE_IOERR_SHMSIZE);
        let coded = match e.sqlite_error_code() {
            Some(Sq::DiskFull) => LoketError::new(
                ErrorCode::DiskPenuh,
                "Disk penuh: data tidak tersimpan. Kosongkan ruang disk lalu ulangi.",
            ),
            _ if shm_full => LoketError::new(
                ErrorCode::DiskPenuh,
                "Disk penuh: basis data tidak bisa dibuka. Kosongkan ruang disk lalu ulangi.",
            ),
            Some(Sq::NotADatabase) | Some(Sq::DatabaseCorrupt) => LoketError::new(
                ErrorCode::BasisDataRusak,
                "Berkas basis data rusak atau bukan basis data Loket.",
            ),
            Some(Sq::ReadOnly) | Some(Sq::CannotOpen) | Some(Sq::PermissionDenied) => {
                LoketError::new(
                    ErrorCode::FolderDataTidakBisaDipakai,
                    "Folder data tidak bisa ditulis. Periksa izin folder atau disk.",
                )
            }
            _ => LoketError::new(
                ErrorCode::GagalMenyimpan,
                format!("Gagal mengakses basis data: {e}"),
            ),
        };
        coded.with_source(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::ffi;

    fn sqlite(extended: std::ffi::c_int) -> ErrorCode {
        LoketError::from(rusqlite::Error::SqliteFailure(
            ffi::Error::new(extended),
            None,
        ))
        .code
    }

    #[test]
    fn a_file_over_the_size_limit_is_a_full_disk() {
        let err = std::io::Error::from(std::io::ErrorKind::FileTooLarge);
        assert_eq!(LoketError::from_io(&err, "x").code, ErrorCode::DiskPenuh);
        #[cfg(target_os = "linux")]
        assert_eq!(
            LoketError::from_io(&std::io::Error::from_raw_os_error(27), "x").code,
            ErrorCode::DiskPenuh,
            "EFBIG"
        );
    }

    #[test]
    fn the_wire_shape_is_code_and_message_only_and_the_cause_is_kept() {
        let err = LoketError::from(rusqlite::Error::SqliteFailure(
            ffi::Error::new(ffi::SQLITE_IOERR_WRITE),
            Some("disk I/O error".into()),
        ));
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "gagal_menyimpan", "message": err.message}),
            "the UI and the CLI's JSON see {{code, message}} only"
        );
        let cause = err.cause().expect("the SQLite error is kept");
        assert!(cause.to_string().contains("disk I/O error"), "{cause}");
        // std's chain (what a log walks) sees it too.
        let source = std::error::Error::source(&err).expect("source()");
        assert_eq!(source.to_string(), cause.to_string());

        // Read back, the cause is gone and the error still equals the original.
        let back: LoketError = serde_json::from_value(json).unwrap();
        assert!(back.cause().is_none());
        assert_eq!(back, err);
        assert_eq!(
            err.clone().cause().map(|c| c.to_string()),
            Some(cause.to_string())
        );

        let decl = <LoketError as TS>::decl(&ts_rs::Config::default());
        assert!(!decl.contains("source"), "{decl}");
    }

    #[test]
    fn an_io_failure_keeps_its_os_error() {
        let err = std::io::Error::from_raw_os_error(28); // ENOSPC on Linux
        let coded = LoketError::from_io(&err, "foto");
        let cause = coded.cause().expect("the I/O error is kept");
        assert_eq!(cause.to_string(), err.to_string());
        let plain = std::io::Error::other("tanpa kode");
        let coded = LoketError::from_io(&plain, "foto");
        assert_eq!(coded.code, ErrorCode::GagalMenyimpan);
        assert_eq!(
            coded.cause().map(|c| c.to_string()).as_deref(),
            Some("tanpa kode")
        );
        assert!(LoketError::new(ErrorCode::PinSalah, "x").cause().is_none());
    }

    #[test]
    fn sqlite_full_disk_codes() {
        assert_eq!(sqlite(ffi::SQLITE_FULL), ErrorCode::DiskPenuh);
        assert_eq!(
            sqlite(ffi::SQLITE_IOERR_SHMSIZE),
            ErrorCode::DiskPenuh,
            "the WAL index cannot grow: a full disk"
        );
        assert_eq!(sqlite(ffi::SQLITE_IOERR_WRITE), ErrorCode::GagalMenyimpan);
        assert_eq!(
            sqlite(ffi::SQLITE_READONLY),
            ErrorCode::FolderDataTidakBisaDipakai
        );
        assert_eq!(sqlite(ffi::SQLITE_CORRUPT), ErrorCode::BasisDataRusak);
    }
}
