//! Commands of the receipt dialog: the drawing to print, and PNG/PDF files
//! saved to the export folder (`LOKET_EXPORT_DIR`, else Downloads/Loket)
//! under a name made from the registration number, never from the page.

use super::{export_dir, Res};
use crate::state::AppState;
use loket_core::audit::{self, Action};
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
        .run(move |desk, s| {
            let now = clock::now_ms();
            let print = receipt::for_print(desk.conn(), &reg_no, options, &s.name, now)?;
            if options.full_nik {
                let detail = "bukti layanan (pratinjau)";
                audit::record(
                    desk.conn(),
                    now,
                    &s.name,
                    Action::NikLengkapDitampilkan,
                    Some(&reg_no),
                    detail,
                )?;
            }
            Ok(print)
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
        .run(move |desk, s| {
            let op = s.name.clone();
            let request = loket_core::requests::get_by_reg_no(desk.conn(), &reg_no)?;
            let dir = export_dir()?;
            let name = format!(
                "Bukti-{}-{}.{}",
                request.reg_no,
                options.layout.as_str(),
                format.as_str()
            );
            let now = clock::now_ms();
            let file = receipt::write(
                desk.conn(),
                &request.reg_no,
                options,
                format,
                &dir.join(&name),
                &op,
                now,
            )?;
            let detail = format!("{name}{}", nik_note(options));
            audit::record(
                desk.conn(),
                now,
                &op,
                Action::BuktiDisimpan,
                Some(&request.reg_no),
                &detail,
            )?;
            Ok(file)
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
        .run(move |desk, s| {
            let detail = format!("{}{}", options.layout.as_str(), nik_note(options));
            audit::record(
                desk.conn(),
                clock::now_ms(),
                &s.name,
                Action::BuktiDicetak,
                Some(&reg_no),
                &detail,
            )
        })
        .await
}

fn nik_note(options: ReceiptOptions) -> &'static str {
    if options.full_nik {
        ", NIK lengkap"
    } else {
        ""
    }
}
