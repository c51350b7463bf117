//! Thin Tauri commands: unpack arguments, call the core, return its result.
//! Errors cross the IPC as `LoketError` `{code, message}`; the UI branches on
//! `code`. One file per area of the core.

pub mod documents;
pub mod preferences;
pub mod recap;
pub mod receipts;
pub mod requests;
pub mod verify;

use loket_core::{clock, settings, Desk, ErrorCode, LoketError};

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

/// The operator recorded with every change this desk makes.
pub fn operator(desk: &Desk) -> Res<String> {
    settings::get(desk.conn(), settings::KEY_OPERATOR)?.ok_or_else(|| {
        LoketError::new(
            ErrorCode::OperatorBelumDiisi,
            "Isi nama operator terlebih dahulu.",
        )
    })
}
