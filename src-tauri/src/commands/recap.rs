//! Commands of the daily recap screen: the recap of a date range, and its
//! CSV/XLSX export to the export folder under a name made from the dates.

use super::{export_dir, Res};
use crate::state::AppState;
use chrono::NaiveDate;
use loket_core::audit::{self, Action};
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
        .run(move |desk, s| {
            let (from, to) = (parse_date(&from)?, parse_date(&to)?);
            let now = clock::now_ms();
            let recap = recap::daily(desk.conn(), from, to, options, now)?;
            let detail = format!("{}{}", span(from, to), nik_note(options));
            audit::record(
                desk.conn(),
                now,
                &s.name,
                Action::RekapDilihat,
                None,
                &detail,
            )?;
            Ok(recap)
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
        .run(move |desk, s| {
            let (from, to) = (parse_date(&from)?, parse_date(&to)?);
            let dir = export_dir()?;
            let span = span(from, to);
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
            let detail = format!(
                "{}{}",
                dest.file_name()
                    .map(|n| n.to_string_lossy())
                    .unwrap_or_default(),
                nik_note(options)
            );
            audit::record(
                desk.conn(),
                now,
                &s.name,
                Action::RekapDiekspor,
                None,
                &detail,
            )?;
            Ok(RecapFile {
                file: dest.display().to_string(),
                summary,
            })
        })
        .await
}

fn span(from: NaiveDate, to: NaiveDate) -> String {
    if from == to {
        from.format("%Y-%m-%d").to_string()
    } else {
        format!("{}_{}", from.format("%Y-%m-%d"), to.format("%Y-%m-%d"))
    }
}

fn nik_note(options: RecapOptions) -> &'static str {
    if options.full_nik {
        ", NIK lengkap"
    } else {
        ""
    }
}
