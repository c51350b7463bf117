//! The Tauri shell: builds the window, opens the data folder, and registers
//! the thin commands of `commands.rs`. Everything else is in `loket-core`.
//!
//! Start-up flags: `--data-dir DIR` (or `LOKET_DATA_DIR`) picks the data
//! folder; `--demo` seeds an empty folder with synthetic requests.

mod commands;
mod state;

use loket_core::{clock, datadir, demo, Desk};
use state::AppState;
use std::path::PathBuf;
use std::time::Instant;

struct StartArgs {
    data_dir: Option<PathBuf>,
    demo: bool,
}

fn parse_args() -> StartArgs {
    let mut out = StartArgs {
        data_dir: None,
        demo: false,
    };
    let mut args = std::env::args_os().skip(1);
    while let Some(a) = args.next() {
        match a.to_str() {
            Some("--data-dir") => out.data_dir = args.next().map(PathBuf::from),
            Some("--demo") => out.demo = true,
            Some(s) if s.starts_with("--data-dir=") => {
                out.data_dir = Some(PathBuf::from(&s["--data-dir=".len()..]))
            }
            _ => {}
        }
    }
    if std::env::var_os("LOKET_DEMO").is_some_and(|v| v == "1") {
        out.demo = true;
    }
    out
}

/// Opens the desk before the window exists, so commands never see a
/// half-initialised state. A failure here is shown in the UI, not a panic.
fn open_desk(args: &StartArgs) -> Result<Desk, loket_core::LoketError> {
    let dir = datadir::resolve_data_dir(args.data_dir.clone())?;
    let mut desk = Desk::open(&dir)?;
    if args.demo && demo::is_empty(desk.conn())? {
        demo::seed(desk.conn_mut(), 120, 14, clock::now_ms(), 20261125)?;
    }
    Ok(desk)
}

pub fn run() {
    let started = Instant::now();
    let args = parse_args();
    let state = AppState::new(open_desk(&args), started);
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::set_operator,
            commands::check_nik,
            commands::check_kk,
            commands::check_phone,
            commands::create_request,
            commands::list_requests,
            commands::get_request,
            commands::move_request,
            commands::app_ready,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Loket tidak bisa dijalankan: {e}");
        std::process::exit(1);
    }
}
