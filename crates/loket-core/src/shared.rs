//! One desk shared by the threads of the app: quick work takes the desk's
//! own connection behind a mutex, long work gets a connection of its own.
//!
//! A photo's decode, a PDF drawn in its worker (up to 20 s), a retention
//! run or a year's export must not hold the mutex that the queue refresh
//! and every other command wait behind. `apart` opens a second connection
//! under the mutex (a few milliseconds) and runs the work on it without
//! the mutex; SQLite's locks keep the writes of both connections apart,
//! and each write is a short transaction.

use crate::error::Result;
use crate::Desk;
use std::sync::{Arc, Mutex, MutexGuard};

/// The open desk, shared between threads.
#[derive(Clone)]
pub struct SharedDesk {
    desk: Arc<Mutex<Desk>>,
}

impl SharedDesk {
    pub fn new(desk: Desk) -> SharedDesk {
        SharedDesk {
            desk: Arc::new(Mutex::new(desk)),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Desk> {
        // A panic while holding the desk cannot leave a transaction open
        // (rusqlite rolls back on drop), so the desk stays usable.
        self.desk
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Quick work (index lookups, short writes) on the desk's connection.
    pub fn with<T>(&self, f: impl FnOnce(&mut Desk) -> Result<T>) -> Result<T> {
        f(&mut self.lock())
    }

    /// Long work on a connection of its own, without holding the desk.
    pub fn apart<T>(&self, f: impl FnOnce(&mut Desk) -> Result<T>) -> Result<T> {
        let mut own = self.lock().another()?;
        f(&mut own)
    }
}
