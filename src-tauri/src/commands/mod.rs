//! Thin Tauri commands: unpack arguments, call the core, return its result.
//! Errors cross the IPC as `LoketError` `{code, message}`; the UI branches on
//! `code`. One file per area of the core.

pub mod audit;
pub mod data;
pub mod documents;
pub mod ocr;
pub mod preferences;
pub mod recap;
pub mod receipts;
pub mod requests;
pub mod services;
pub mod session;
pub mod verify;
pub mod window;

use loket_core::{clock, LoketError};

pub type Res<T> = Result<T, LoketError>;

pub fn today() -> chrono::NaiveDate {
    clock::wib_date(clock::now_ms())
}

/// The folder receipts and recaps are saved to: `LOKET_EXPORT_DIR` when set
/// (tests, offices that want a shared folder), else the core's default.
pub fn export_dir() -> Res<std::path::PathBuf> {
    let explicit = std::env::var_os("LOKET_EXPORT_DIR").map(std::path::PathBuf::from);
    loket_core::fsutil::export_dir(explicit.as_deref())
}
