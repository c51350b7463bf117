//! Commands of the daily recap screen: the recap of a date range, and its
//! CSV/XLSX export to the export folder under a name made from the dates.
//! Both are logged by the core (`ops::exports`).

use super::{export_dir, Res};
use crate::state::AppState;
use loket_core::ops::exports::{self, RecapFormat};
use loket_core::recap::{Recap, RecapFile, RecapOptions};
use loket_core::{clock, parse_date, ErrorCode, LoketError};
use tauri::State;

#[tauri::command]
pub async fn recap_daily(
    state: State<'_, AppState>,
    from: String,
    to: String,
    options: RecapOptions,
) -> Res<Recap> {
    // A year's recap reads every request of the year: apart from the desk.
    state
        .run_apart(move |desk, by| {
            let (from, to) = (parse_date(&from)?, parse_date(&to)?);
            exports::recap_view(desk, by, from, to, options, clock::now_ms())
        })
        .await
}

#[tauri::command]
pub async fn recap_export(
    state: State<'_, AppState>,
    from: String,
    to: String,
    options: RecapOptions,
    format: String,
) -> Res<RecapFile> {
    // A year of a busy office is seconds of work: on a connection of its own.
    state
        .run_apart(move |desk, by| {
            let (from, to) = (parse_date(&from)?, parse_date(&to)?);
            let kind = match format.as_str() {
                "csv" => RecapFormat::Csv,
                "xlsx" => RecapFormat::Xlsx,
                other => {
                    return Err(LoketError::new(
                        ErrorCode::MasukanTidakValid,
                        format!("Format rekap tidak dikenal: \"{other}\" (csv atau xlsx)."),
                    ))
                }
            };
            let dest = export_dir()?.join(format!("Rekap-{}.{format}", exports::span(from, to)));
            let summary =
                exports::recap_file(desk, by, from, to, options, kind, &dest, clock::now_ms())?;
            Ok(RecapFile {
                file: dest.display().to_string(),
                summary,
            })
        })
        .await
}
