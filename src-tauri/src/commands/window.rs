//! Closing the window with unsaved verification work: the page says while
//! its form has unsaved changes (`window_guard`); a close request (the ×,
//! Alt+F4, logging off Windows) is then held and the page asked instead,
//! which offers save / close without saving / stay, and closes with
//! `window_close` once the operator has chosen.

use std::sync::atomic::Ordering;

use super::Res;
use crate::state::AppState;
use tauri::State;

/// The event the page receives when a close was held.
pub const CLOSE_HELD: &str = "loket://close-requested";

#[tauri::command]
pub fn window_guard(state: State<'_, AppState>, unsaved: bool) {
    state.unsaved.store(unsaved, Ordering::SeqCst);
}

#[tauri::command]
pub fn window_close(state: State<'_, AppState>, window: tauri::Window) -> Res<()> {
    state.unsaved.store(false, Ordering::SeqCst);
    window.destroy().map_err(|e| {
        loket_core::LoketError::new(
            loket_core::ErrorCode::MasukanTidakValid,
            format!("Jendela tidak bisa ditutup: {e}"),
        )
    })
}
