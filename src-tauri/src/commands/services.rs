//! Commands of the desk's two other services: POS KETANMU deliveries (list
//! with late steps, register, move, the day's hand-over list, the village
//! table) and Pengaduan complaints (list, record, answer, close, those about
//! a request).

use super::{today, Res};
use crate::state::AppState;
use loket_core::clock;
use loket_core::complaints::{self, Complaint, NewComplaint};
use loket_core::delivery::{
    self, villages, Delivery, DeliveryDetail, DeliveryQuery, MoveDetails, NewDelivery, Step,
};
use loket_core::parse_date;
use loket_core::reply::Reply;
use loket_core::{ops, ErrorCode, LoketError};
use tauri::AppHandle;
use tauri::State;
use tauri_plugin_opener::OpenerExt;

#[tauri::command]
pub async fn delivery_list(state: State<'_, AppState>, query: DeliveryQuery) -> Res<Vec<Delivery>> {
    state
        .run(move |desk, _s| delivery::list(desk.db(), &query, clock::now_ms()))
        .await
}

#[tauri::command]
pub async fn delivery_get(state: State<'_, AppState>, reg_no: String) -> Res<DeliveryDetail> {
    state
        .run(move |desk, _s| delivery::detail(desk.db(), &reg_no, clock::now_ms()))
        .await
}

#[tauri::command]
pub async fn delivery_create(
    state: State<'_, AppState>,
    input: NewDelivery,
) -> Res<DeliveryDetail> {
    state
        .run(move |desk, s| delivery::create(desk.db(), &input, &s.name, clock::now_ms()))
        .await
}

#[tauri::command]
pub async fn delivery_move(
    state: State<'_, AppState>,
    reg_no: String,
    to: Step,
    details: MoveDetails,
) -> Res<DeliveryDetail> {
    state
        .run(move |desk, s| {
            delivery::move_to(desk.db(), &reg_no, to, &details, &s.name, clock::now_ms())
        })
        .await
}

/// The packages handed over on a day (YYYY-MM-DD; today when empty).
#[tauri::command]
pub async fn delivery_handover(state: State<'_, AppState>, day: String) -> Res<Vec<Delivery>> {
    state
        .run(move |desk, _s| {
            let d = if day.trim().is_empty() {
                today()
            } else {
                parse_date(&day)?
            };
            delivery::handover_list(desk.db(), d, clock::now_ms())
        })
        .await
}

#[tauri::command]
pub async fn village_list() -> Res<Vec<villages::Village>> {
    Ok(villages::all().to_vec())
}

#[tauri::command]
pub async fn complaint_list(state: State<'_, AppState>, open_only: bool) -> Res<Vec<Complaint>> {
    state
        .run(move |desk, _s| complaints::list(desk.db(), open_only, clock::now_ms()))
        .await
}

#[tauri::command]
pub async fn complaint_about(state: State<'_, AppState>, reg_no: String) -> Res<Vec<Complaint>> {
    state
        .run(move |desk, _s| complaints::about(desk.db(), &reg_no, clock::now_ms()))
        .await
}

#[tauri::command]
pub async fn complaint_create(state: State<'_, AppState>, input: NewComplaint) -> Res<Complaint> {
    state
        .run(move |desk, s| complaints::create(desk.db(), &input, &s.name, clock::now_ms()))
        .await
}

#[tauri::command]
pub async fn complaint_answer(
    state: State<'_, AppState>,
    reg_no: String,
    text: String,
) -> Res<Complaint> {
    state
        .run(move |desk, s| complaints::answer(desk.db(), &reg_no, &text, &s.name, clock::now_ms()))
        .await
}

#[tauri::command]
pub async fn complaint_close(state: State<'_, AppState>, reg_no: String) -> Res<Complaint> {
    state
        .run(move |desk, s| complaints::close(desk.db(), &reg_no, &s.name, clock::now_ms()))
        .await
}

/// Opens the applicant's WhatsApp chat with the message of the delivery's step.
#[tauri::command]
pub async fn delivery_reply_open(
    app: AppHandle,
    state: State<'_, AppState>,
    reg_no: String,
) -> Res<Reply> {
    let reply = state
        .run(move |desk, by| ops::replies::delivery_reply(desk, by, &reg_no, clock::now_ms()))
        .await?;
    open(&app, reply)
}

/// Opens the complainant's WhatsApp chat with the answer.
#[tauri::command]
pub async fn complaint_reply_open(
    app: AppHandle,
    state: State<'_, AppState>,
    reg_no: String,
) -> Res<Reply> {
    let reply = state
        .run(move |desk, by| ops::replies::complaint_reply(desk, by, &reg_no, clock::now_ms()))
        .await?;
    open(&app, reply)
}

fn open(app: &AppHandle, reply: Reply) -> Res<Reply> {
    app.opener()
        .open_url(reply.wa_url.as_str(), None::<&str>)
        .map_err(|e| {
            LoketError::new(
                ErrorCode::GagalMembukaWhatsapp,
                format!("WhatsApp tidak bisa dibuka ({e}). Pesan sudah disalin: tempel di chat."),
            )
        })?;
    Ok(reply)
}

/// What waits in the other services, for the queue's banner.
#[tauri::command]
pub async fn services_overview(
    state: State<'_, AppState>,
) -> Res<loket_core::services::ServicesOverview> {
    state
        .run(|desk, _s| loket_core::services::overview(desk.db(), clock::now_ms()))
        .await
}

/// A supervisor sets POS KETANMU's step promises and the complaint answer time.
#[tauri::command]
pub async fn settings_save_services(
    state: State<'_, AppState>,
    promises: delivery::promise::Promises,
    complaint_minutes: u32,
) -> Res<()> {
    state
        .run(move |desk, by| {
            ops::settings::save_services(desk, by, &promises, complaint_minutes, clock::now_ms())
        })
        .await
}
