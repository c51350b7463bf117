//! Loket's core: everything an operator can do, as plain functions over a
//! SQLite database and the data folder, with no UI or Tauri dependency.
//!
//! The Tauri shell and `loket-cli` are thin layers over this crate, so every
//! behaviour is testable without a window. See `ARCHITECTURE.md` for the map.

#![forbid(unsafe_code)]

pub mod accounts;
pub mod actor;
pub mod audit;
pub mod backup;
pub mod base;
pub mod clock;
pub mod complaints;
pub mod datadir;
pub mod db;
pub mod delivery;
pub mod demo;
pub mod documents;
pub mod docview;
pub mod duplicates;
pub mod error;
pub mod fsutil;
pub mod ident;
pub mod labels;
pub mod lifecycle;
pub mod model;
pub mod netfs;
#[cfg(feature = "ocr")]
pub mod ocr;
pub mod office;
pub mod ops;
pub mod phone;
pub mod preferences;
pub mod queue;
pub mod recap;
pub mod receipt;
pub mod reply;
pub mod requests;
pub mod retention;
pub mod search;
pub mod services;
pub mod settings;
pub mod shared;
pub mod sla;
pub mod transfer;
pub mod verify;
pub mod words;

#[cfg(test)]
mod test_desk;

#[cfg(test)]
mod platform_tests;

pub use actor::{Actor, Origin};
pub use datadir::Desk;
pub use error::{ErrorCode, LoketError, Result};
pub use shared::SharedDesk;

pub mod bindings;

use serde::Serialize;
use ts_rs::TS;

/// What the UI shows about the running desk: enough to draw the login
/// screen (the enabled accounts' names and roles, nothing more) or the desk.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    pub schema_version: i32,
    /// Who is logged in; `None` shows the login (or first-start) screen.
    pub session: Option<accounts::Session>,
    /// Enabled accounts, for the login screen; empty on first start.
    pub accounts: Vec<accounts::Account>,
    /// Minutes without input before the screen locks.
    pub idle_lock_minutes: u32,
}

/// What the UI shows about the running desk.
pub fn app_info(desk: &Desk, session: Option<accounts::Session>) -> Result<AppInfo> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        data_dir: desk.dir().display().to_string(),
        schema_version: db::SCHEMA_VERSION,
        session,
        accounts: accounts::list(desk.db())?
            .into_iter()
            .filter(|a| !a.disabled)
            .collect(),
        idle_lock_minutes: accounts::idle::minutes(desk.db())?,
    })
}

/// Sets the name `loket-cli` records with changes when no `--operator` is
/// given (the app records the logged-in account instead).
pub fn set_operator(desk: &Desk, name: &str) -> Result<()> {
    let name = base::check_operator(name)?;
    settings::set(desk.db(), settings::KEY_OPERATOR, &name)
}

pub use clock::parse_date;
