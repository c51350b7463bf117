//! The state the shell manages: the open desk, or why it could not open.
//!
//! The desk is opened once in `run` before the window is built; if opening
//! failed (a newer or damaged database, an unwritable folder) the error is
//! kept and every command returns it, so the UI can show it in Indonesian.

use loket_core::{Desk, LoketError};
use std::sync::Mutex;
use std::time::Instant;

pub struct AppState {
    desk: Result<Mutex<Desk>, LoketError>,
    pub started: Instant,
}

impl AppState {
    pub fn new(desk: Result<Desk, LoketError>, started: Instant) -> Self {
        Self {
            desk: desk.map(Mutex::new),
            started,
        }
    }

    /// Runs `f` with the desk. Queries are index lookups of a few ms, so one
    /// connection behind a mutex is enough; nothing long runs under it.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Desk) -> Result<T, LoketError>,
    ) -> Result<T, LoketError> {
        let desk = self.desk.as_ref().map_err(Clone::clone)?;
        let mut guard = desk.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut guard)
    }
}
