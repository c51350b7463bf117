//! Commands of the receipt dialog: the drawing to print, and PNG/PDF files
//! saved to the export folder (`LOKET_EXPORT_DIR`, else Downloads/Loket)
//! under a name made from the registration number, never from the page.

use super::{export_dir, operator, Res};
use crate::state::AppState;
use loket_core::clock;
use loket_core::receipt::{self, ReceiptFile, ReceiptFormat, ReceiptOptions, ReceiptPrint};
use tauri::State;

#[tauri::command]
pub async fn receipt_for_print(
    state: State<'_, AppState>,
    reg_no: String,
    options: ReceiptOptions,
) -> Res<ReceiptPrint> {
    state
        .run(move |desk| {
            let op = operator(desk)?;
            receipt::for_print(desk.conn(), &reg_no, options, &op, clock::now_ms())
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
        .run(move |desk| {
            let op = operator(desk)?;
            let request = loket_core::requests::get_by_reg_no(desk.conn(), &reg_no)?;
            let dir = export_dir()?;
            let name = format!(
                "Bukti-{}-{}.{}",
                request.reg_no,
                options.layout.as_str(),
                format.as_str()
            );
            receipt::write(
                desk.conn(),
                &request.reg_no,
                options,
                format,
                &dir.join(name),
                &op,
                clock::now_ms(),
            )
        })
        .await
}
