//! How long the desk may sit untouched before it locks itself: a PC left on
//! the counter must not show citizens' data to the next person who walks up.

use crate::db::Db;
use crate::error::{ErrorCode, LoketError, Result};
use crate::settings;

const KEY: &str = "lock_idle_minutes";
pub const DEFAULT_MINUTES: u32 = 10;
pub const MAX_MINUTES: u32 = 240;

/// Minutes without keyboard or mouse before the screen locks.
pub fn minutes<'c>(db: impl Into<Db<'c>>) -> Result<u32> {
    Ok(settings::get(db, KEY)?
        .and_then(|v| v.parse().ok())
        .filter(|m| (1..=MAX_MINUTES).contains(m))
        .unwrap_or(DEFAULT_MINUTES))
}

/// Stores the idle minutes (1 to 240); who may, and its log entry, are
/// `ops::settings::save_idle_minutes`'s.
pub fn set_minutes<'c>(db: impl Into<Db<'c>>, minutes: u32) -> Result<()> {
    if !(1..=MAX_MINUTES).contains(&minutes) {
        return Err(LoketError::new(
            ErrorCode::MasukanTidakValid,
            format!("Kunci layar otomatis antara 1 dan {MAX_MINUTES} menit."),
        ));
    }
    settings::set(db, KEY, &minutes.to_string())
}
