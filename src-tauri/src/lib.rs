//! The Tauri shell: builds the window, opens the data folder, and registers
//! the thin commands of `commands.rs`. Everything else is in `loket-core`.
//!
//! Start-up flags (`args.rs`): `--data-dir DIR` (or `LOKET_DATA_DIR`) picks
//! the data folder; `--demo` seeds an empty folder with synthetic requests;
//! anything else stops the start.

mod args;
mod commands;
#[cfg(test)]
mod contract_tests;
mod diagnostics;
mod memory;
mod ocr;
mod state;

use args::StartArgs;
use loket_core::{clock, datadir, demo, Desk};
use state::AppState;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use tauri::{Emitter, Manager};

/// Opens the desk before the window exists, so commands never see a
/// half-initialised state. A failure here is shown in the UI, not a panic.
fn open_desk(
    dir: Result<PathBuf, loket_core::LoketError>,
    args: &StartArgs,
) -> Result<Desk, loket_core::LoketError> {
    let desk = Desk::open(&dir?)?;
    if args.demo && demo::is_empty(desk.db())? {
        demo::seed(desk.db(), 120, 14, clock::now_ms(), 20261125)?;
    }
    Ok(desk)
}

/// Photo retention runs by itself shortly after start (once the queue is on
/// screen) and then every day, as "sistem"; a failure waits for the next
/// run (the next run finishes what one left).
fn start_retention(app: tauri::AppHandle) {
    const FIRST: Duration = Duration::from_secs(20);
    const DAILY: Duration = Duration::from_secs(24 * 60 * 60);
    let spawned = std::thread::Builder::new()
        .name("retensi".into())
        .spawn(move || {
            std::thread::sleep(FIRST);
            loop {
                let state = app.state::<AppState>();
                // On a connection of its own: deleting a day's photos never
                // holds the desk the operators work on.
                let result = state.shared().and_then(|desk| {
                    desk.apart(|own| {
                        // The desk's clock: the office server's in office mode.
                        let now = own.now_ms();
                        loket_core::ops::data::retention_run(own, &loket_core::Actor::system(), now)
                    })
                });
                match result {
                    Ok(report) => tracing::info!(
                        documents = report.purged.len(),
                        files = report.files_deleted,
                        left = report.contents_left,
                        "Retensi foto selesai."
                    ),
                    Err(e) => {
                        diagnostics::command_failed("retensi_harian", &e);
                        tracing::warn!("Retensi foto gagal; dicoba lagi besok.");
                    }
                }
                std::thread::sleep(DAILY);
            }
        });
    if spawned.is_err() {
        tracing::error!("Retensi foto otomatis tidak bisa dimulai; jalankan dari Pengaturan.");
    }
}

/// WebKitGTK keeps every decoded photo the page has shown in its memory
/// cache (a browser's model); Loket is a document viewer: with its cache
/// model, pictures not on screen are let go. Its page (a form beside one
/// picture moved by CSS) is drawn without the GPU compositor, whose GL
/// buffers (with a software GL such as Mesa's llvmpipe, over 100 MB) it does
/// not need. WebView2 (Windows) manages its own memory.
fn low_memory_webview(app: &tauri::App) {
    #[cfg(target_os = "linux")]
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.with_webview(|webview| {
            use webkit2gtk::{SettingsExt, WebContextExt, WebViewExt};
            let view = webview.inner();
            if let Some(context) = view.context() {
                context.set_cache_model(webkit2gtk::CacheModel::DocumentViewer);
            }
            if let Some(settings) = WebViewExt::settings(&view) {
                settings.set_hardware_acceleration_policy(
                    webkit2gtk::HardwareAccelerationPolicy::Never,
                );
            }
        });
    }
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}

pub fn run() {
    let started = Instant::now();
    let args = match args::parse(std::env::args_os()) {
        Ok(args) => args,
        Err(e) => std::process::exit(args::refuse(&e)),
    };
    memory::give_back_freed_memory();
    // PDF pages are drawn by this binary in a child process it can stop.
    if let Ok(exe) = std::env::current_exe() {
        loket_core::documents::draw_pdfs_in(exe);
    }
    let dir = datadir::resolve_data_dir(args.data_dir.clone());
    diagnostics::start(dir.as_ref().ok().map(PathBuf::as_path));
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        os = std::env::consts::OS,
        demo = args.demo,
        "Loket dimulai."
    );
    let desk = open_desk(dir, &args);
    match &desk {
        Ok(desk) => tracing::info!(
            read_only = desk.read_only(),
            ms = started.elapsed().as_millis(),
            "Folder data dibuka."
        ),
        Err(e) => diagnostics::command_failed("buka_folder_data", e),
    }
    // The webview may read the document store's derived images, nothing else.
    let store = desk
        .as_ref()
        .ok()
        .map(|d| loket_core::documents::store_dir(d.dir()));
    let state = AppState::new(desk, started);
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(move |app| {
            if let Some(dir) = &store {
                app.asset_protocol_scope().allow_directory(dir, true)?;
            }
            // The OCR models ship as resources (`ocr/`); dev builds find them
            // beside the executable or in the checkout.
            if let Ok(res) = app.path().resource_dir() {
                let _ = app.state::<AppState>().ocr.models.set(res.join("ocr"));
            }
            low_memory_webview(app);
            start_retention(app.handle().clone());
            Ok(())
        })
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                let held = window
                    .state::<AppState>()
                    .unsaved
                    .load(std::sync::atomic::Ordering::SeqCst);
                if held {
                    api.prevent_close();
                    let _ = window.emit(commands::window::CLOSE_HELD, ());
                }
            }
        })
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::session::app_info,
            commands::services::delivery_list,
            commands::services::delivery_get,
            commands::services::delivery_create,
            commands::services::delivery_move,
            commands::services::delivery_handover,
            commands::services::village_list,
            commands::services::complaint_list,
            commands::services::complaint_about,
            commands::services::complaint_create,
            commands::services::complaint_answer,
            commands::services::complaint_close,
            commands::services::delivery_reply_open,
            commands::services::complaint_reply_open,
            commands::services::services_overview,
            commands::services::settings_save_services,
            commands::data::backup_create,
            commands::data::retention_plan,
            commands::data::retention_run,
            commands::data::settings_save_retention,
            commands::session::account_setup_first,
            commands::session::session_login,
            commands::session::session_lock,
            commands::session::account_list,
            commands::session::account_create,
            commands::session::account_set_pin,
            commands::session::account_disable,
            commands::session::settings_save_idle,
            commands::audit::audit_list,
            commands::audit::audit_verify,
            commands::audit::audit_printed,
            commands::receipts::receipt_printed,
            commands::preferences::settings_load,
            commands::preferences::settings_save_office,
            commands::preferences::settings_save_sla,
            commands::preferences::reply_template_save,
            commands::preferences::reply_compose,
            commands::preferences::reply_open,
            commands::receipts::receipt_for_print,
            commands::receipts::receipt_save,
            commands::recap::recap_daily,
            commands::recap::recap_export,
            commands::requests::check_nik,
            commands::requests::check_kk,
            commands::requests::check_phone,
            commands::requests::create_request,
            commands::requests::list_requests,
            commands::requests::get_request,
            commands::requests::move_request,
            commands::requests::app_ready,
            commands::requests::request_duplicates,
            commands::requests::request_merge,
            commands::requests::request_keep,
            commands::verify::verify_load,
            commands::verify::verify_check,
            commands::verify::verify_save,
            commands::verify::verify_resend,
            commands::ocr::ocr_read,
            commands::window::window_guard,
            commands::window::window_close,
            commands::documents::doc_add_paths,
            commands::documents::doc_add_bytes,
            commands::documents::doc_list,
            commands::documents::doc_remove,
            commands::documents::doc_set_kind,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        tracing::error!(cause = %diagnostics::scrub(&e.to_string()), "Loket tidak bisa dijalankan.");
        std::process::exit(1);
    }
}
