//! Commands of the settings screen and of WhatsApp replies. Opening the chat
//! happens here, on the Rust side, from a `wa.me` link the core builds: the
//! page itself is granted no opener permission, so it cannot open any other
//! address.

use super::Res;
use crate::state::AppState;
use loket_core::office::OfficeProfile;
use loket_core::preferences::{self, Preferences};
use loket_core::reply::{self, Reply, ReplyTemplate};
use loket_core::sla::SlaSettings;
use loket_core::{clock, ops, ErrorCode, LoketError};
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

#[tauri::command]
pub async fn settings_load(state: State<'_, AppState>) -> Res<Preferences> {
    state.run(|desk, _s| preferences::load(desk.db())).await
}

#[tauri::command]
pub async fn settings_save_office(
    state: State<'_, AppState>,
    office: OfficeProfile,
) -> Res<OfficeProfile> {
    state
        .run(move |desk, by| ops::settings::save_office(desk, by, &office, clock::now_ms()))
        .await
}

#[tauri::command]
pub async fn settings_save_sla(state: State<'_, AppState>, sla: SlaSettings) -> Res<SlaSettings> {
    state
        .run(move |desk, by| ops::settings::save_sla(desk, by, &sla, clock::now_ms()))
        .await
}

#[tauri::command]
pub async fn reply_template_save(
    state: State<'_, AppState>,
    key: String,
    text: String,
) -> Res<ReplyTemplate> {
    state
        .run(move |desk, by| ops::settings::save_template(desk, by, &key, &text, clock::now_ms()))
        .await
}

#[tauri::command]
pub async fn reply_compose(state: State<'_, AppState>, reg_no: String) -> Res<Reply> {
    state
        .run(move |desk, _s| reply::compose(desk.db(), &reg_no))
        .await
}

/// Composes the reply and opens the citizen's WhatsApp chat with it.
#[tauri::command]
pub async fn reply_open(app: AppHandle, state: State<'_, AppState>, reg_no: String) -> Res<Reply> {
    let reply = state
        .run(move |desk, by| ops::replies::request_reply(desk, by, &reg_no, clock::now_ms()))
        .await?;
    app.opener()
        .open_url(reply.wa_url.as_str(), None::<&str>)
        .map_err(|e| {
            LoketError::new(
                ErrorCode::GagalMembukaWhatsapp,
                format!(
                    "WhatsApp tidak bisa dibuka ({e}). Pesan sudah disalin: tempel di chat pemohon."
                ),
            )
        })?;
    Ok(reply)
}
