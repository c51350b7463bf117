//! Commands of the receipt dialog: the drawing to print, and PNG/PDF files
//! saved to the export folder (`LOKET_EXPORT_DIR`, else Downloads/Loket)
//! under a name made from the registration number, never from the page.
//! Every view with whole NIKs, print and file is logged by the core
//! (`ops::exports`).

use super::{export_dir, Res};
use crate::state::AppState;
use loket_core::ops::exports;
use loket_core::receipt::{ReceiptFile, ReceiptFormat, ReceiptOptions, ReceiptPrint};
use loket_core::{clock, requests};
use tauri::State;

#[tauri::command]
pub async fn receipt_for_print(
    state: State<'_, AppState>,
    reg_no: String,
    options: ReceiptOptions,
) -> Res<ReceiptPrint> {
    state
        .run(move |desk, by| {
            exports::receipt_for_print(desk, by, &reg_no, options, clock::now_ms())
        })
        .await
}

#[tauri::command]
pub async fn receipt_save(
    state: State<'_, AppState>,
    reg_no: String,
    options: ReceiptOptions,
    format: ReceiptFormat,
) -> Res<ReceiptFile> {
    state
        .run(move |desk, by| {
            let request = requests::get_by_reg_no(desk.db(), &reg_no)?;
            let name = format!(
                "Bukti-{}-{}.{}",
                request.reg_no,
                options.layout.as_str(),
                format.as_str()
            );
            let dest = export_dir()?.join(name);
            exports::receipt_file(
                desk,
                by,
                &request.reg_no,
                options,
                format,
                &dest,
                clock::now_ms(),
            )
        })
        .await
}

/// The print dialog was opened for the receipt the operator previewed.
#[tauri::command]
pub async fn receipt_printed(
    state: State<'_, AppState>,
    reg_no: String,
    options: ReceiptOptions,
) -> Res<()> {
    state
        .run(move |desk, by| exports::receipt_printed(desk, by, &reg_no, options, clock::now_ms()))
        .await
}
