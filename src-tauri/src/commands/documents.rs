//! Commands over the documents of a request: add dropped or picked files by
//! path, add pasted bytes (sent as a raw IPC body, not a JSON array), list,
//! remove, correct the kind. Adds run on a connection of their own
//! (`run_apart`): decoding a photo or drawing a PDF never holds the desk.

use super::Res;
use crate::state::AppState;
use loket_core::documents::{self, DocKind};
use loket_core::docview::{self, DocAddResult, DocumentView};
use loket_core::{clock, ErrorCode, LoketError};
use tauri::ipc::{InvokeBody, Request};
use tauri::State;

#[tauri::command]
pub async fn doc_add_paths(
    state: State<'_, AppState>,
    reg_no: String,
    paths: Vec<String>,
    kind: Option<DocKind>,
) -> Res<Vec<DocAddResult>> {
    state
        .run_apart(move |desk, s| {
            let op = s.name.clone();
            Ok(docview::add_paths(
                desk,
                &reg_no,
                kind,
                &paths,
                &op,
                clock::now_ms(),
            ))
        })
        .await
}

fn header(request: &Request<'_>, name: &str) -> Option<String> {
    let raw = request.headers().get(name)?.to_str().ok()?;
    // The UI sends names with encodeURIComponent (headers are ASCII).
    Some(
        percent_encoding::percent_decode_str(raw)
            .decode_utf8_lossy()
            .into_owned(),
    )
}

/// Pasted image bytes; registration number, file name and kind in headers
/// (`x-reg-no`, `x-file-name`, `x-kind`).
#[tauri::command]
pub async fn doc_add_bytes(state: State<'_, AppState>, request: Request<'_>) -> Res<DocAddResult> {
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(LoketError::new(
            ErrorCode::MasukanTidakValid,
            "Isi tempelan tidak terbaca sebagai berkas.",
        ));
    };
    let bytes = bytes.clone();
    let reg_no = header(&request, "x-reg-no").unwrap_or_default();
    let file_name = header(&request, "x-file-name").unwrap_or_else(|| "tempelan".into());
    let kind = match header(&request, "x-kind").filter(|k| !k.is_empty()) {
        Some(k) => Some(DocKind::parse(&k)?),
        None => None,
    };
    state
        .run_apart(move |desk, s| {
            let op = s.name.clone();
            Ok(docview::add_bytes(
                desk,
                &reg_no,
                kind,
                &file_name,
                &bytes,
                &op,
                clock::now_ms(),
            ))
        })
        .await
}

#[tauri::command]
pub async fn doc_list(state: State<'_, AppState>, reg_no: String) -> Res<Vec<DocumentView>> {
    state
        .run(move |desk, s| docview::open(desk, &reg_no, &s.name, clock::now_ms()))
        .await
}

#[tauri::command]
pub async fn doc_remove(
    state: State<'_, AppState>,
    doc_id: i64,
    reason: String,
) -> Res<Vec<DocumentView>> {
    state
        .run(move |desk, s| {
            let op = s.name.clone();
            let doc = documents::get(desk, doc_id)?;
            documents::remove(desk, doc_id, &reason, &op, clock::now_ms())?;
            docview::list(desk, &doc.reg_no)
        })
        .await
}

#[tauri::command]
pub async fn doc_set_kind(
    state: State<'_, AppState>,
    doc_id: i64,
    kind: DocKind,
) -> Res<DocumentView> {
    state
        .run(move |desk, s| {
            let op = s.name.clone();
            let doc = documents::set_kind(desk, doc_id, kind, &op, clock::now_ms())?;
            Ok(docview::view(desk, doc))
        })
        .await
}
