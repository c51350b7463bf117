//! The state the shell manages: the open desk (or why it could not open)
//! and who is logged in.
//!
//! The desk is opened once in `run` before the window is built; if opening
//! failed (a newer or damaged database, an unwritable folder) the error is
//! kept and every command returns it, so the UI can show it in Indonesian.
//! The session lives only in this process: a restart, a lock (idle or
//! Ctrl+L) or a switch of user empties it, and every command that touches
//! citizens' data is refused until someone logs in again.
//! Core calls are blocking (SQLite, image decoding), so commands run them on
//! Tauri's blocking pool, never on the async runtime or the UI thread.

use loket_core::accounts::Session;
use loket_core::{Desk, ErrorCode, LoketError};
use std::sync::{Arc, Mutex};
use std::time::Instant;

pub struct AppState {
    desk: Result<Arc<Mutex<Desk>>, LoketError>,
    session: Mutex<Option<Session>>,
    pub started: Instant,
    pub ocr: Arc<crate::ocr::OcrService>,
    /// The page has unsaved verification work: a window close is held.
    pub unsaved: std::sync::atomic::AtomicBool,
}

impl AppState {
    pub fn new(desk: Result<Desk, LoketError>, started: Instant) -> Self {
        Self {
            desk: desk.map(|d| Arc::new(Mutex::new(d))),
            session: Mutex::new(None),
            started,
            ocr: Arc::default(),
            unsaved: std::sync::atomic::AtomicBool::new(false),
        }
    }

    /// Who is logged in, if anyone.
    pub fn session(&self) -> Option<Session> {
        self.session
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    pub fn set_session(&self, session: Option<Session>) {
        *self
            .session
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = session;
    }

    fn logged_in(&self) -> Result<Session, LoketError> {
        self.session().ok_or_else(|| {
            LoketError::new(
                ErrorCode::BelumMasuk,
                "Layar terkunci atau belum ada yang masuk. Masuk dengan nama dan PIN Anda.",
            )
        })
    }

    /// Runs `f` for the logged-in operator on the blocking pool; refused
    /// with `belum_masuk` when nobody is logged in.
    pub async fn run<T, F>(&self, f: F) -> Result<T, LoketError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Desk, &Session) -> Result<T, LoketError> + Send + 'static,
    {
        let session = self.logged_in()?;
        self.run_public(move |desk| f(desk, &session)).await
    }

    /// Runs `f` with the desk whether or not anyone is logged in: only for
    /// the login screen itself. Queries are index lookups of a few ms, so
    /// one connection behind a mutex is enough.
    pub async fn run_public<T, F>(&self, f: F) -> Result<T, LoketError>
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
