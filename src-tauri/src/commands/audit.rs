//! Commands of the access-log screen (supervisor only): read the log per
//! request, operator and day, and check its hash chain. Reading the log is
//! itself logged.

use super::Res;
use crate::state::AppState;
use loket_core::audit::{self, Action, ChainReport, LogFilter, LogRow};
use loket_core::clock;
use tauri::State;

#[tauri::command]
pub async fn audit_list(state: State<'_, AppState>, filter: LogFilter) -> Res<Vec<LogRow>> {
    state
        .run(move |desk, s| {
            s.require_supervisor("membaca log akses")?;
            let rows = audit::list(desk.conn(), &filter)?;
            if filter.before_id.is_none() {
                let what = [
                    filter.reg_no.as_deref().map(|r| format!("permohonan {r}")),
                    filter.operator.as_deref().map(|o| format!("operator {o}")),
                    filter.day.as_deref().map(|d| format!("tanggal {d}")),
                ]
                .into_iter()
                .flatten()
                .filter(|t| !t.trim().is_empty())
                .collect::<Vec<_>>()
                .join(", ");
                audit::record(
                    desk.conn(),
                    clock::now_ms(),
                    &s.name,
                    Action::LogDibaca,
                    None,
                    &what,
                )?;
            }
            Ok(rows)
        })
        .await
}

#[tauri::command]
pub async fn audit_verify(state: State<'_, AppState>) -> Res<ChainReport> {
    state
        .run(|desk, s| {
            s.require_supervisor("memeriksa log akses")?;
            audit::verify(desk.conn())
        })
        .await
}

/// A print the page makes itself (the recap, the hand-over list): logged
/// before the print dialog opens. `kind` is `rekap` or `serah_terima`.
#[tauri::command]
pub async fn audit_printed(state: State<'_, AppState>, kind: String, detail: String) -> Res<()> {
    let action = match kind.as_str() {
        "rekap" => Action::RekapDicetak,
        "serah_terima" => Action::SerahTerimaDicetak,
        other => {
            return Err(loket_core::LoketError::new(
                loket_core::ErrorCode::MasukanTidakValid,
                format!("Jenis cetakan tidak dikenal: {other}"),
            ))
        }
    };
    let detail: String = detail.chars().take(200).collect();
    state
        .run(move |desk, s| {
            audit::record(desk.conn(), clock::now_ms(), &s.name, action, None, &detail)
        })
        .await
}
