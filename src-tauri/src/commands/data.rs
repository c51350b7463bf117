//! Commands of the supervisor's data care (Settings → Data & cadangan):
//! a checked backup to a folder they pick (a USB drive), the photo
//! retention period, what retention would delete, and running it now.
//! Retention also runs by itself at start and every day (`lib.rs`).

use super::Res;
use crate::state::AppState;
use loket_core::backup::BackupReport;
use loket_core::retention::{PurgeItem, RetentionReport};
use loket_core::{clock, ops, ErrorCode, LoketError};
use std::path::PathBuf;
use tauri::State;

/// Backs up the data folder into `dest` (a new dated folder inside it). The
/// copy runs without holding the desk, so operators keep working.
#[tauri::command]
pub async fn backup_create(state: State<'_, AppState>, dest: String) -> Res<BackupReport> {
    let by = state.actor()?;
    ops::data::may_back_up(&by)?;
    let dir = state.run(|desk, _by| Ok(desk.dir().to_path_buf())).await?;
    let dest = PathBuf::from(dest);
    tauri::async_runtime::spawn_blocking(move || {
        ops::data::backup(&dir, &by, &dest, clock::now_ms())
    })
    .await
    .map_err(|e| LoketError::new(ErrorCode::GagalMenyimpan, format!("Cadangan gagal: {e}")))?
}

/// What the next retention run would delete (supervisor).
#[tauri::command]
pub async fn retention_plan(state: State<'_, AppState>) -> Res<Vec<PurgeItem>> {
    state
        .run(|desk, by| ops::data::retention_plan(desk, by, desk.now_ms()))
        .await
}

/// Runs retention now (supervisor); it also runs at start and daily.
#[tauri::command]
pub async fn retention_run(state: State<'_, AppState>) -> Res<RetentionReport> {
    state
        .run_apart(|desk, by| {
            let now = desk.now_ms();
            ops::data::retention_run(desk, by, now)
        })
        .await
}

#[tauri::command]
pub async fn settings_save_retention(state: State<'_, AppState>, days: i64) -> Res<u32> {
    state
        .run(move |desk, by| ops::settings::save_retention_days(desk, by, days, clock::now_ms()))
        .await
}
