//! Commands of the login screen and of account management: the only
//! commands that run without a logged-in operator are `app_info`,
//! `account_setup_first` (refused once any account exists) and
//! `session_login`. The session itself is kept in `AppState`.

use super::Res;
use crate::state::AppState;
use loket_core::accounts::{self, Account, Role};
use loket_core::{clock, ops, AppInfo};
use tauri::State;

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Res<AppInfo> {
    let session = state.session();
    state
        .run_public(move |desk| loket_core::app_info(desk, session))
        .await
}

/// First start: the supervisor's account, logged in at once.
#[tauri::command]
pub async fn account_setup_first(
    state: State<'_, AppState>,
    name: String,
    pin: String,
) -> Res<AppInfo> {
    let session = state
        .run_public(move |desk| accounts::create_first(desk.db(), &name, &pin, clock::now_ms()))
        .await?;
    start(&state, session).await
}

/// Remembers who logged in and returns what the desk shows them.
async fn start(state: &AppState, session: accounts::Session) -> Res<AppInfo> {
    state.set_session(Some(session.clone()));
    state
        .run_public(move |desk| loket_core::app_info(desk, Some(session)))
        .await
}

#[tauri::command]
pub async fn session_login(state: State<'_, AppState>, name: String, pin: String) -> Res<AppInfo> {
    // Whoever was logged in is out as soon as someone else tries.
    state.set_session(None);
    let session = state
        .run_public(move |desk| accounts::login(desk.db(), &name, &pin, clock::now_ms()))
        .await?;
    start(&state, session).await
}

/// Locks the screen (idle, Ctrl+L, switching user): the session ends.
#[tauri::command]
pub async fn session_lock(state: State<'_, AppState>, idle: bool) -> Res<AppInfo> {
    if let Some(s) = state.session() {
        state.set_session(None);
        let by = loket_core::Actor::app(&s);
        state
            .run_public(move |desk| accounts::lock(desk.db(), &by, idle, clock::now_ms()))
            .await?;
    }
    state
        .run_public(move |desk| loket_core::app_info(desk, None))
        .await
}

/// Every account, disabled ones too (supervisor).
#[tauri::command]
pub async fn account_list(state: State<'_, AppState>) -> Res<Vec<Account>> {
    state
        .run(|desk, by| ops::settings::accounts(desk, by))
        .await
}

#[tauri::command]
pub async fn account_create(
    state: State<'_, AppState>,
    name: String,
    role: Role,
    pin: String,
) -> Res<Account> {
    state
        .run(move |desk, s| accounts::create(desk.db(), s, &name, role, &pin, clock::now_ms()))
        .await
}

#[tauri::command]
pub async fn account_set_pin(
    state: State<'_, AppState>,
    name: String,
    old_pin: Option<String>,
    new_pin: String,
) -> Res<()> {
    state
        .run(move |desk, s| {
            accounts::set_pin(
                desk.db(),
                s,
                &name,
                old_pin.as_deref(),
                &new_pin,
                clock::now_ms(),
            )
        })
        .await
}

#[tauri::command]
pub async fn account_disable(state: State<'_, AppState>, name: String) -> Res<()> {
    state
        .run(move |desk, s| accounts::disable(desk.db(), s, &name, clock::now_ms()))
        .await
}

#[tauri::command]
pub async fn settings_save_idle(state: State<'_, AppState>, minutes: u32) -> Res<u32> {
    state
        .run(move |desk, by| ops::settings::save_idle_minutes(desk, by, minutes, clock::now_ms()))
        .await
}
