//! Commands of the side-by-side verification: load, live check, save, and
//! the re-send request.

use super::{today, Res};
use crate::state::AppState;
use loket_core::clock;
use loket_core::verify::{
    self, DocRevision, FormCheck, ResendResult, SavedVerification, VerificationForm,
};
use tauri::State;

#[tauri::command]
pub async fn verify_load(state: State<'_, AppState>, reg_no: String) -> Res<SavedVerification> {
    state
        .run(move |desk, _s| verify::load(desk.db(), &reg_no))
        .await
}

/// Pure and fast: runs on every pause in typing.
#[tauri::command]
pub async fn verify_check(form: VerificationForm) -> Res<FormCheck> {
    Ok(verify::check_form(&form, today()))
}

#[tauri::command]
pub async fn verify_save(
    state: State<'_, AppState>,
    reg_no: String,
    form: VerificationForm,
) -> Res<SavedVerification> {
    state
        .run(move |desk, s| {
            let op = s.name.clone();
            verify::save(desk.db(), &reg_no, &form, &op, clock::now_ms())
        })
        .await
}

#[tauri::command]
pub async fn verify_resend(
    state: State<'_, AppState>,
    reg_no: String,
    revisions: Vec<DocRevision>,
) -> Res<ResendResult> {
    state
        .run(move |desk, s| {
            let op = s.name.clone();
            verify::request_resend(desk.db(), &reg_no, &revisions, &op, clock::now_ms())
        })
        .await
}
