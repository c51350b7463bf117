//! The state the shell manages: the open desk, or why it could not open.
//!
//! The desk is opened once in `run` before the window is built; if opening
//! failed (a newer or damaged database, an unwritable folder) the error is
//! kept and every command returns it, so the UI can show it in Indonesian.
//! Core calls are blocking (SQLite, image decoding), so commands run them on
//! Tauri's blocking pool, never on the async runtime or the UI thread.

use loket_core::{Desk, ErrorCode, LoketError};
use std::sync::{Arc, Mutex};
use std::time::Instant;

pub struct AppState {
    desk: Result<Arc<Mutex<Desk>>, LoketError>,
    pub started: Instant,
}

impl AppState {
    pub fn new(desk: Result<Desk, LoketError>, started: Instant) -> Self {
        Self {
            desk: desk.map(|d| Arc::new(Mutex::new(d))),
            started,
        }
    }

    /// Runs `f` with the desk on the blocking pool. Queries are index lookups
    /// of a few ms, so one connection behind a mutex is enough.
    pub async fn run<T, F>(&self, f: F) -> Result<T, LoketError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Desk) -> Result<T, LoketError> + Send + 'static,
    {
        let desk = self.desk.as_ref().map_err(Clone::clone)?.clone();
        tauri::async_runtime::spawn_blocking(move || {
            let mut guard = desk.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            f(&mut guard)
        })
        .await
        .map_err(|e| {
            LoketError::new(
                ErrorCode::GagalMenyimpan,
                format!("Pekerjaan latar belakang gagal: {e}"),
            )
        })?
    }
}
