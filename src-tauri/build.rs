//! Build script of the shell: generates Tauri's context and the permissions of
//! the app's own commands, so that the capability file can grant exactly the
//! commands the UI uses (anything else is refused at run time).

/// Every `#[tauri::command]` of `src/commands/`. A command missing here
/// cannot be granted; one granted in `capabilities/` but not listed fails the build.
const COMMANDS: &[&str] = &[
    "app_info",
    "check_nik",
    "check_kk",
    "check_phone",
    "create_request",
    "list_requests",
    "get_request",
    "move_request",
    "app_ready",
    "request_duplicates",
    "request_merge",
    "request_keep",
    "verify_load",
    "verify_check",
    "verify_save",
    "verify_resend",
    "ocr_read",
    "window_guard",
    "window_close",
    "doc_add_paths",
    "doc_add_bytes",
    "doc_list",
    "doc_remove",
    "doc_set_kind",
    "settings_load",
    "settings_save_office",
    "settings_save_sla",
    "reply_template_save",
    "reply_compose",
    "reply_open",
    "receipt_for_print",
    "receipt_save",
    "recap_daily",
    "recap_export",
    "account_setup_first",
    "session_login",
    "session_lock",
    "account_list",
    "account_create",
    "account_set_pin",
    "account_disable",
    "settings_save_idle",
    "audit_list",
    "audit_verify",
    "audit_printed",
    "receipt_printed",
    "delivery_list",
    "delivery_get",
    "delivery_create",
    "delivery_move",
    "delivery_handover",
    "village_list",
    "complaint_list",
    "complaint_about",
    "complaint_create",
    "complaint_answer",
    "complaint_close",
    "delivery_reply_open",
    "complaint_reply_open",
    "services_overview",
    "settings_save_services",
    "backup_create",
    "retention_plan",
    "retention_run",
    "settings_save_retention",
];

fn main() {
    // Capabilities live in src-tauri/capabilities, not next to the root manifest.
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    let attrs = tauri_build::Attributes::new()
        .capabilities_path_pattern("src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attrs) {
        println!("cargo:warning=tauri-build failed: {e:#}");
        std::process::exit(1);
    }
}
