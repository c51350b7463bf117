//! Commands over requests: the queue, registration, moves, NIK/KK checks.

use crate::state::AppState;
use loket_core::duplicates::{self, CreatedRequest, DuplicateMatch};
use loket_core::ident::{self, IdCheck, Sex};
use loket_core::model::{ListQuery, NewRequest, Outcome, RequestDetail, Status};
use loket_core::queue::{self, QueuePage};
use loket_core::{clock, phone, requests};
use tauri::State;

use super::{today, Res};

#[tauri::command]
pub async fn check_nik(nik: String, dob: Option<String>, sex: Option<Sex>) -> Res<IdCheck> {
    let dob = dob
        .filter(|d| !d.trim().is_empty())
        .map(|d| loket_core::parse_date(&d))
        .transpose()?;
    Ok(ident::nik::check_nik(&nik, dob, sex, today()))
}

#[tauri::command]
pub async fn check_kk(kk: String) -> Res<IdCheck> {
    Ok(ident::kk::check_kk(&kk, today()))
}

#[tauri::command]
pub async fn check_phone(phone: String) -> Res<String> {
    phone::normalize_phone(&phone)
}

/// Registers a request and lists the open or recent ones it may re-send.
#[tauri::command]
pub async fn create_request(state: State<'_, AppState>, input: NewRequest) -> Res<CreatedRequest> {
    state
        .run(move |desk, s| {
            let op = s.name.clone();
            duplicates::create_checked(desk.db(), &input, &op, clock::now_ms())
        })
        .await
}

#[tauri::command]
pub async fn request_duplicates(
    state: State<'_, AppState>,
    reg_no: String,
) -> Res<Vec<DuplicateMatch>> {
    state
        .run(move |desk, _s| duplicates::for_request(desk.db(), &reg_no, clock::now_ms()))
        .await
}

/// Merges the re-send `reg_no` into `into`; returns the target's detail.
#[tauri::command]
pub async fn request_merge(
    state: State<'_, AppState>,
    reg_no: String,
    into: String,
) -> Res<RequestDetail> {
    state
        .run(move |desk, s| {
            let op = s.name.clone();
            let target = duplicates::merge(desk.db(), &reg_no, &into, None, &op, clock::now_ms())?;
            requests::detail(desk.db(), &target.reg_no, today())
        })
        .await
}

/// Records that `reg_no` and `other` are different requests.
#[tauri::command]
pub async fn request_keep(
    state: State<'_, AppState>,
    reg_no: String,
    other: String,
    reason: String,
) -> Res<Vec<DuplicateMatch>> {
    state
        .run(move |desk, s| {
            let op = s.name.clone();
            let now = clock::now_ms();
            duplicates::keep_separate(desk.db(), &reg_no, &other, &reason, &op, now)?;
            duplicates::for_request(desk.db(), &reg_no, now)
        })
        .await
}

/// The queue page with each request's time-promise clock.
#[tauri::command]
pub async fn list_requests(state: State<'_, AppState>, query: ListQuery) -> Res<QueuePage> {
    state
        .run(move |desk, _s| queue::page(desk.db(), &query, clock::now_ms()))
        .await
}

#[tauri::command]
pub async fn get_request(state: State<'_, AppState>, reg_no: String) -> Res<RequestDetail> {
    state
        .run(move |desk, _s| requests::detail(desk.db(), &reg_no, today()))
        .await
}

#[tauri::command]
pub async fn move_request(
    state: State<'_, AppState>,
    reg_no: String,
    to: Status,
    outcome: Option<Outcome>,
    note: Option<String>,
) -> Res<RequestDetail> {
    state
        .run(move |desk, s| {
            let op = s.name.clone();
            requests::move_request(
                desk.db(),
                &reg_no,
                to,
                outcome,
                note.as_deref(),
                &op,
                clock::now_ms(),
            )?;
            requests::detail(desk.db(), &reg_no, today())
        })
        .await
}

/// Called by the UI once the queue is on screen: records the cold-start time
/// and, for the start-up benchmark (`LOKET_EXIT_WHEN_READY=1`), prints it and exits.
#[tauri::command]
pub async fn app_ready(state: State<'_, AppState>, app: tauri::AppHandle) -> Res<u64> {
    let ms = u64::try_from(state.started.elapsed().as_millis()).unwrap_or(u64::MAX);
    if std::env::var_os("LOKET_EXIT_WHEN_READY").is_some_and(|v| v == "1") {
        println!("loket-ready-ms {ms}");
        app.exit(0);
    }
    Ok(ms)
}
