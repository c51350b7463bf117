//! Commands of the daily recap screen: the recap of a date range, and its
//! CSV/XLSX export to the export folder under a name made from the dates.
//! Both are logged by the core (`ops::exports`).

use super::{export_dir, Res};
use crate::state::AppState;
use loket_core::ops::exports::{self, RecapFormat};
use loket_core::recap::{Recap, RecapFile, RecapOptions};
use loket_core::{clock, parse_date};
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
            let kind = RecapFormat::parse(&format)?;
            let dest = export_dir()?.join(format!(
                "Rekap-{}.{}",
                exports::span(from, to),
                kind.as_str()
            ));
            let summary =
                exports::recap_file(desk, by, from, to, options, kind, &dest, clock::now_ms())?;
            Ok(RecapFile {
                file: dest.display().to_string(),
                summary,
            })
        })
        .await
}
