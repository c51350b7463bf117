//! Commands of the access-log screen (supervisor only): read the log per
//! request, operator and day, and check its hash chain. Reading the log is
//! itself logged (`ops::audit_log`).

use super::Res;
use crate::state::AppState;
use loket_core::audit::{ChainReport, LogFilter, LogRow};
use loket_core::clock;
use loket_core::ops::audit_log::{self, PagePrint};
use tauri::State;

#[tauri::command]
pub async fn audit_list(state: State<'_, AppState>, filter: LogFilter) -> Res<Vec<LogRow>> {
    state
        .run(move |desk, by| audit_log::list(desk, by, &filter, clock::now_ms()))
        .await
}

#[tauri::command]
pub async fn audit_verify(state: State<'_, AppState>) -> Res<ChainReport> {
    // A year of a busy office is millions of entries: apart from the desk.
    state
        .run_apart(|desk, by| audit_log::verify(desk, by))
        .await
}

/// A print the page makes itself (the recap, the hand-over list): logged
/// before the print dialog opens. `kind` is `rekap` or `serah_terima`.
#[tauri::command]
pub async fn audit_printed(state: State<'_, AppState>, kind: String, detail: String) -> Res<()> {
    let kind = PagePrint::parse(&kind)?;
    state
        .run(move |desk, by| audit_log::printed(desk, by, kind, &detail, clock::now_ms()))
        .await
}
