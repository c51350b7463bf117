//! Commands of the daily recap screen: the recap of a date range, and its
//! CSV/XLSX export to the export folder under a name made from the dates.

use super::{export_dir, Res};
use crate::state::AppState;
use loket_core::recap::{self, Recap, RecapFile, RecapOptions};
use loket_core::{clock, parse_date, ErrorCode, LoketError};
use tauri::State;

#[tauri::command]
pub async fn recap_daily(
    state: State<'_, AppState>,
    from: String,
    to: String,
    options: RecapOptions,
) -> Res<Recap> {
    state
        .run(move |desk| {
            let (from, to) = (parse_date(&from)?, parse_date(&to)?);
            recap::daily(desk.conn(), from, to, options, clock::now_ms())
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
    state
        .run(move |desk| {
            let (from, to) = (parse_date(&from)?, parse_date(&to)?);
            let dir = export_dir()?;
            let span = if from == to {
                from.format("%Y-%m-%d").to_string()
            } else {
                format!("{}_{}", from.format("%Y-%m-%d"), to.format("%Y-%m-%d"))
            };
            let now = clock::now_ms();
            let (dest, summary) = match format.as_str() {
                "csv" => {
                    let dest = dir.join(format!("Rekap-{span}.csv"));
                    let s = recap::export_csv(desk.conn(), from, to, options, now, &dest)?;
                    (dest, s)
                }
                "xlsx" => {
                    let dest = dir.join(format!("Rekap-{span}.xlsx"));
                    let s = recap::export_xlsx(desk.conn(), from, to, options, now, &dest)?;
                    (dest, s)
                }
                other => {
                    return Err(LoketError::new(
                        ErrorCode::MasukanTidakValid,
                        format!("Format rekap tidak dikenal: \"{other}\" (csv atau xlsx)."),
                    ))
                }
            };
            Ok(RecapFile {
                file: dest.display().to_string(),
                summary,
            })
        })
        .await
}
