// Prevents an additional console window on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // Started to draw one PDF's pages (loket_core::documents::pdf_worker):
    // no window, no data folder.
    if let Some(code) = loket_core::documents::serve_if_asked() {
        std::process::exit(code);
    }
    loket_app::run();
}
