//! Commands of the supervisor's data care (Settings → Data & cadangan):
//! a checked backup to a folder they pick (a USB drive), the photo
//! retention period, what retention would delete, and running it now.
//! Retention also runs by itself at start and every day (`lib.rs`).

use super::Res;
use crate::state::AppState;
use loket_core::audit::{self, Action};
use loket_core::backup::{self, BackupReport};
use loket_core::retention::{self, PurgeItem, RetentionReport};
use loket_core::{clock, ErrorCode, LoketError};
use std::path::PathBuf;
use tauri::State;

/// Backs up the data folder into `dest` (a new dated folder inside it). The
/// copy runs without holding the desk, so operators keep working.
#[tauri::command]
pub async fn backup_create(state: State<'_, AppState>, dest: String) -> Res<BackupReport> {
    let (dir, who) = state
        .run(|desk, s| {
            s.require_supervisor("membuat cadangan")?;
            Ok((desk.dir().to_path_buf(), s.name.clone()))
        })
        .await?;
    let dest = PathBuf::from(dest);
    let report = tauri::async_runtime::spawn_blocking(move || {
        backup::create_in(&dir, &dest, clock::now_ms())
    })
    .await
    .map_err(|e| LoketError::new(ErrorCode::GagalMenyimpan, format!("Cadangan gagal: {e}")))??;
    let detail = format!(
        "{} ({} permohonan, {} berkas)",
        report.dir, report.requests, report.files
    );
    state
        .run_public(move |desk| {
            audit::record(
                desk.conn(),
                clock::now_ms(),
                &who,
                Action::CadanganDibuat,
                None,
                &detail,
            )
        })
        .await?;
    Ok(report)
}

/// What the next retention run would delete (supervisor).
#[tauri::command]
pub async fn retention_plan(state: State<'_, AppState>) -> Res<Vec<PurgeItem>> {
    state
        .run(|desk, s| {
            s.require_supervisor("melihat rencana retensi")?;
            retention::plan(desk.conn(), clock::now_ms())
        })
        .await
}

/// Runs retention now (supervisor); it also runs at start and daily.
#[tauri::command]
pub async fn retention_run(state: State<'_, AppState>) -> Res<RetentionReport> {
    state
        .run(|desk, s| {
            s.require_supervisor("menjalankan retensi")?;
            run_logged(desk, &s.name)
        })
        .await
}

#[tauri::command]
pub async fn settings_save_retention(state: State<'_, AppState>, days: i64) -> Res<u32> {
    state
        .run(move |desk, s| {
            s.require_supervisor("mengubah masa retensi foto")?;
            let days = retention::set_days(desk.conn(), days)?;
            let detail = format!("masa retensi foto {days} hari");
            audit::record(
                desk.conn(),
                clock::now_ms(),
                &s.name,
                Action::PengaturanDiubah,
                None,
                &detail,
            )?;
            Ok(days)
        })
        .await
}

/// A retention run with its summary in the access log (each purged
/// document is logged by the schema's trigger).
pub fn run_logged(desk: &mut loket_core::Desk, who: &str) -> Res<RetentionReport> {
    let now = clock::now_ms();
    let report = retention::run(desk, now, who)?;
    if !report.purged.is_empty() || report.contents_left > 0 {
        let detail = format!(
            "{} dokumen, {} berkas dihapus, {} tertinggal",
            report.purged.len(),
            report.files_deleted,
            report.contents_left
        );
        audit::record(
            desk.conn(),
            now,
            who,
            Action::RetensiDijalankan,
            None,
            &detail,
        )?;
    }
    Ok(report)
}
