//! Reading a document's photo with OCR: suggestions for the verification
//! form. The photo is taken from the store under the desk's lock (a few
//! ms); the reading itself (about two seconds) runs on the blocking pool
//! without holding the desk, so the operator keeps working meanwhile.

use super::Res;
use crate::state::AppState;
use loket_core::documents;
use loket_core::ocr::{self, Reading};
use loket_core::{clock, ErrorCode, LoketError};
use tauri::State;

#[tauri::command]
pub async fn ocr_read(state: State<'_, AppState>, doc_id: i64, page: u32) -> Res<Reading> {
    let (picture, kind, key) = state
        .run_apart(move |desk, _| {
            let doc = documents::get(desk, doc_id)?;
            let key = format!("{}:{page}:{}", doc.sha256, doc.kind.as_str());
            let picture = documents::display_image(desk, &doc, page)?;
            Ok((picture, doc.kind, key))
        })
        .await?;
    if let Some(r) = state.ocr.cached(&key) {
        return Ok(r);
    }
    let service = state.ocr.clone();
    let today = clock::wib_date(clock::now_ms());
    let reading = tauri::async_runtime::spawn_blocking(move || {
        let engine = service.engine()?;
        ocr::read(engine.as_ref(), &picture, kind, today)
    })
    .await
    .map_err(|e| {
        LoketError::new(
            ErrorCode::GagalMembacaFoto,
            format!("Pembaca foto berhenti: {e}"),
        )
    })??;
    state.ocr.keep(key, reading.clone());
    Ok(reading)
}
