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

use crate::diagnostics;
use loket_core::accounts::Session;
use loket_core::{Actor, Desk, ErrorCode, LoketError, SharedDesk};
use std::sync::{Arc, Mutex};
use std::time::Instant;

pub struct AppState {
    desk: Result<SharedDesk, LoketError>,
    session: Mutex<Option<Session>>,
    pub started: Instant,
    pub ocr: Arc<crate::ocr::OcrService>,
    /// The page has unsaved verification work: a window close is held.
    pub unsaved: std::sync::atomic::AtomicBool,
}

impl AppState {
    pub fn new(desk: Result<Desk, LoketError>, started: Instant) -> Self {
        Self {
            desk: desk.map(SharedDesk::new),
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

    /// Runs `f` for the logged-in operator (the acting account of the
    /// core's operations) on the blocking pool; refused with `belum_masuk`
    /// when nobody is logged in. A failure is logged (`logged`).
    pub async fn run<T, F>(&self, f: F) -> Result<T, LoketError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Desk, &Actor) -> Result<T, LoketError> + Send + 'static,
    {
        let result = async {
            let actor = self.actor()?;
            self.on_desk(move |desk| f(desk, &actor)).await
        };
        logged::<F, T>(result.await)
    }

    /// The logged-in operator as the acting account, for work that does not
    /// hold the desk (a backup's copy).
    pub fn actor(&self) -> Result<Actor, LoketError> {
        Ok(Actor::app(&self.logged_in()?))
    }

    /// Runs `f` with the desk whether or not anyone is logged in: only for
    /// the login screen itself. Queries are index lookups of a few ms, so
    /// one connection behind a mutex is enough. A failure is logged.
    pub async fn run_public<T, F>(&self, f: F) -> Result<T, LoketError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Desk) -> Result<T, LoketError> + Send + 'static,
    {
        logged::<F, T>(self.on_desk(f).await)
    }

    async fn on_desk<T, F>(&self, f: F) -> Result<T, LoketError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Desk) -> Result<T, LoketError> + Send + 'static,
    {
        let desk = self.shared()?;
        blocking(move || desk.with(f)).await
    }

    /// Runs long work for the logged-in operator (a photo's decode, a PDF
    /// drawn in its worker, a retention run, an export) on a connection of
    /// its own, so the queue and every other command go on meanwhile. A
    /// failure is logged.
    pub async fn run_apart<T, F>(&self, f: F) -> Result<T, LoketError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Desk, &Actor) -> Result<T, LoketError> + Send + 'static,
    {
        let result = async {
            let actor = self.actor()?;
            let desk = self.shared()?;
            blocking(move || desk.apart(|own| f(own, &actor))).await
        };
        logged::<F, T>(result.await)
    }

    /// The shared desk, for the shell's own background work (retention).
    pub fn shared(&self) -> Result<SharedDesk, LoketError> {
        self.desk.as_ref().map_err(Clone::clone).cloned()
    }
}

/// Logs a command's failure with its code and cause, the command named by
/// the type of its closure `F` (`diagnostics.rs`), and passes it on.
fn logged<F, T>(result: Result<T, LoketError>) -> Result<T, LoketError> {
    if let Err(e) = &result {
        diagnostics::command_failed(&diagnostics::command_name::<F>(), e);
    }
    result
}

/// Runs `f` on Tauri's blocking pool.
async fn blocking<T, F>(f: F) -> Result<T, LoketError>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, LoketError> + Send + 'static,
{
    tauri::async_runtime::spawn_blocking(f).await.map_err(|e| {
        LoketError::new(
            ErrorCode::GagalMenyimpan,
            format!("Pekerjaan latar belakang gagal: {e}"),
        )
        .with_source(e)
    })?
}
