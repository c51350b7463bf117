//! Commands of the settings screen and of WhatsApp replies. Opening the chat
//! happens here, on the Rust side, from a `wa.me` link the core builds: the
//! page itself is granted no opener permission, so it cannot open any other
//! address.

use super::Res;
use crate::state::AppState;
use loket_core::accounts::Session;
use loket_core::audit::{self, Action};
use loket_core::office::{self, OfficeProfile};
use loket_core::preferences::{self, Preferences};
use loket_core::reply::{self, Reply, ReplyTemplate};
use loket_core::sla::{self, SlaSettings};
use loket_core::{clock, Desk, ErrorCode, LoketError};
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

#[tauri::command]
pub async fn settings_load(state: State<'_, AppState>) -> Res<Preferences> {
    state.run(|desk, _s| preferences::load(desk.conn())).await
}

#[tauri::command]
pub async fn settings_save_office(
    state: State<'_, AppState>,
    office: OfficeProfile,
) -> Res<OfficeProfile> {
    state
        .run(move |desk, s| {
            s.require_supervisor("mengubah data kantor")?;
            let saved = office::save(desk.conn(), &office)?;
            log(desk, s, Action::PengaturanDiubah, "data kantor")?;
            Ok(saved)
        })
        .await
}

#[tauri::command]
pub async fn settings_save_sla(state: State<'_, AppState>, sla: SlaSettings) -> Res<SlaSettings> {
    state
        .run(move |desk, s| {
            s.require_supervisor("mengubah jam layanan")?;
            sla::save_settings(desk.conn(), &sla)?;
            log(
                desk,
                s,
                Action::PengaturanDiubah,
                "jam layanan dan janji waktu",
            )?;
            sla::load_settings(desk.conn())
        })
        .await
}

#[tauri::command]
pub async fn reply_template_save(
    state: State<'_, AppState>,
    key: String,
    text: String,
) -> Res<ReplyTemplate> {
    state
        .run(move |desk, s| {
            s.require_supervisor("mengubah templat balasan")?;
            let saved = reply::save(desk.conn(), &key, &text)?;
            log(desk, s, Action::TemplatDiubah, &key)?;
            Ok(saved)
        })
        .await
}

#[tauri::command]
pub async fn reply_compose(state: State<'_, AppState>, reg_no: String) -> Res<Reply> {
    state
        .run(move |desk, _s| reply::compose(desk.conn(), &reg_no))
        .await
}

/// Composes the reply and opens the citizen's WhatsApp chat with it.
#[tauri::command]
pub async fn reply_open(app: AppHandle, state: State<'_, AppState>, reg_no: String) -> Res<Reply> {
    let reply = state
        .run(move |desk, s| {
            let reply = reply::compose(desk.conn(), &reg_no)?;
            audit::record(
                desk.conn(),
                clock::now_ms(),
                &s.name,
                Action::BalasanDibuka,
                Some(&reg_no),
                &reply.key,
            )?;
            Ok(reply)
        })
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

fn log(desk: &Desk, s: &Session, action: Action, detail: &str) -> Res<()> {
    audit::record(desk.conn(), clock::now_ms(), &s.name, action, None, detail)
}
