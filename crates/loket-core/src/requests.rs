//! Registering requests and moving them through their lifecycle.
//!
//! Each write is one transaction: the request row, its registration number
//! counter and its event land together or not at all. Input is validated
//! before the transaction starts, so a refusal never leaves a trace.

use crate::base::{check_operator, next_reg_no, normalize_name};
use crate::clock;
use crate::db::{Db, Row};
use crate::error::{ErrorCode, LoketError, Result};
use crate::ident::{self, IdCheck};
use crate::lifecycle;
use crate::model::{Category, Event, NewRequest, Outcome, Request, RequestDetail, Status};
use crate::phone::normalize_phone;
use crate::sql_params;

/// The registration series of the NIK-validation service.
pub const SERIES_VALIDASI_NIK: &str = "VN";

const MAX_NAME: usize = 100;
const MAX_PROBLEM: usize = 2000;
const MAX_NOTE: usize = 1000;

pub(crate) const REQUEST_COLUMNS: &str = "id, reg_no, name, phone, nik, kk, category, problem, status, outcome, received_at, updated_at, operator";

/// Validated, normalised input ready to store.
struct CleanRequest {
    name: String,
    name_norm: String,
    phone: String,
    nik: Option<String>,
    kk: Option<String>,
    category: Category,
    problem: String,
}

fn clean_id(
    input: Option<&str>,
    check: impl Fn(&str) -> IdCheck,
    code: ErrorCode,
    what: &str,
) -> Result<Option<String>> {
    let Some(raw) = input.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    let result = check(raw);
    match (result.valid, result.normalized) {
        (true, Some(n)) => Ok(Some(n)),
        _ => {
            let why = result
                .errors
                .first()
                .map(|f| f.message.clone())
                .unwrap_or_else(|| "tidak valid".into());
            Err(LoketError::new(code, format!("{what} tidak valid: {why}")))
        }
    }
}

fn clean(input: &NewRequest, today: chrono::NaiveDate) -> Result<CleanRequest> {
    let name = input.name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() || !name.chars().any(char::is_alphabetic) {
        return Err(LoketError::new(
            ErrorCode::NamaTidakValid,
            "Nama pemohon wajib diisi dengan huruf.",
        ));
    }
    if name.chars().count() > MAX_NAME || name.chars().any(char::is_control) {
        return Err(LoketError::new(
            ErrorCode::NamaTidakValid,
            format!(
                "Nama pemohon tidak valid (maksimal {MAX_NAME} huruf, tanpa karakter kontrol)."
            ),
        ));
    }
    let phone = normalize_phone(&input.phone)?;
    let nik = clean_id(
        input.nik.as_deref(),
        |s| ident::nik::check_nik(s, None, None, today),
        ErrorCode::NikTidakValid,
        "NIK",
    )?;
    let kk = clean_id(
        input.kk.as_deref(),
        |s| ident::kk::check_kk(s, today),
        ErrorCode::NomorKkTidakValid,
        "Nomor KK",
    )?;
    let problem = input.problem.as_deref().unwrap_or("").trim().to_owned();
    if problem.chars().count() > MAX_PROBLEM {
        return Err(LoketError::new(
            ErrorCode::TeksTerlaluPanjang,
            format!("Uraian masalah terlalu panjang (maksimal {MAX_PROBLEM} huruf)."),
        ));
    }
    Ok(CleanRequest {
        name_norm: normalize_name(&name),
        name: name.to_uppercase(),
        phone,
        nik,
        kk,
        category: input.category.unwrap_or(Category::Other),
        problem,
    })
}

/// Registers a new request, received now by `operator`.
pub fn create_request<'c>(
    db: impl Into<Db<'c>>,
    input: &NewRequest,
    operator: &str,
    now_ms: i64,
) -> Result<Request> {
    let operator = check_operator(operator)?;
    let clean = clean(input, clock::wib_date(now_ms))?;
    db.into().write(|tx| {
    let reg_no = next_reg_no(tx, SERIES_VALIDASI_NIK, now_ms)?;
    let id: i64 = tx.value(
        "INSERT INTO requests (reg_no, name, name_norm, phone, nik, kk, category, problem, status, received_at, updated_at, operator)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'received', ?9, ?9, ?10) RETURNING id",
        sql_params![
            reg_no,
            clean.name,
            clean.name_norm,
            clean.phone,
            clean.nik,
            clean.kk,
            clean.category.as_str(),
            clean.problem,
            now_ms,
            &operator
        ],
    )?;
    insert_event(tx, id, now_ms, &operator, None, Status::Received, None, "")?;
    get_by_id(tx, id)
    })
}

#[allow(clippy::too_many_arguments)]
fn insert_event(
    db: Db<'_>,
    request_id: i64,
    at: i64,
    operator: &str,
    from: Option<Status>,
    to: Status,
    outcome: Option<Outcome>,
    note: &str,
) -> Result<()> {
    db.execute(
        "INSERT INTO request_events (request_id, at, operator, from_status, to_status, outcome, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        sql_params![
            request_id,
            at,
            operator,
            from.map(Status::as_str),
            to.as_str(),
            outcome.map(Outcome::as_str),
            note
        ],
    )?;
    Ok(())
}

/// Moves a request to `to`, recording the event. Refused moves change nothing.
pub fn move_request<'c>(
    db: impl Into<Db<'c>>,
    reg_no: &str,
    to: Status,
    outcome: Option<Outcome>,
    note: Option<&str>,
    operator: &str,
    now_ms: i64,
) -> Result<Request> {
    let operator = check_operator(operator)?;
    let note = note.unwrap_or("").trim();
    if note.chars().count() > MAX_NOTE {
        return Err(LoketError::new(
            ErrorCode::TeksTerlaluPanjang,
            format!("Catatan terlalu panjang (maksimal {MAX_NOTE} huruf)."),
        ));
    }
    db.into().write(|tx| {
        let current = get_by_reg_no(tx, reg_no)?;
        lifecycle::check_move(current.status, to, outcome)?;
        // The outcome stays with the request after `replied`.
        let new_outcome = outcome.or(current.outcome);
        tx.execute(
            "UPDATE requests SET status = ?1, outcome = ?2, updated_at = ?3 WHERE id = ?4",
            sql_params![
                to.as_str(),
                new_outcome.map(Outcome::as_str),
                now_ms,
                current.id
            ],
        )?;
        insert_event(
            tx,
            current.id,
            now_ms,
            &operator,
            Some(current.status),
            to,
            outcome,
            note,
        )?;
        get_by_id(tx, current.id)
    })
}

pub(crate) fn row_to_request(r: &Row<'_>) -> Result<Request> {
    let category: String = r.get(6)?;
    let status: String = r.get(8)?;
    let outcome: Option<String> = r.get(9)?;
    Ok(Request {
        id: r.get(0)?,
        reg_no: r.get(1)?,
        name: r.get(2)?,
        phone: r.get(3)?,
        nik: r.get(4)?,
        kk: r.get(5)?,
        category: Category::parse(&category)?,
        problem: r.get(7)?,
        status: Status::parse(&status)?,
        outcome: outcome.map(|o| Outcome::parse(&o)).transpose()?,
        received_at: r.get(10)?,
        updated_at: r.get(11)?,
        operator: r.get(12)?,
    })
}

fn get_by_id(db: Db<'_>, id: i64) -> Result<Request> {
    db.query_one(
        &format!("SELECT {REQUEST_COLUMNS} FROM requests WHERE id = ?1"),
        sql_params![id],
        row_to_request,
        || not_found(&id.to_string()),
    )
}

fn not_found(reg_no: &str) -> LoketError {
    LoketError::new(
        ErrorCode::PermohonanTidakDitemukan,
        format!(
            "Permohonan dengan nomor registrasi \"{}\" tidak ditemukan.",
            reg_no.chars().take(40).collect::<String>()
        ),
    )
}

/// Looks a request up by its registration number (case-insensitive).
pub fn get_by_reg_no<'c>(db: impl Into<Db<'c>>, reg_no: &str) -> Result<Request> {
    let key = reg_no.trim().to_uppercase();
    db.into().query_one(
        &format!("SELECT {REQUEST_COLUMNS} FROM requests WHERE reg_no = ?1"),
        sql_params![key],
        row_to_request,
        || not_found(reg_no),
    )
}

/// The lifecycle events of a request, oldest first.
pub fn events<'c>(db: impl Into<Db<'c>>, request_id: i64) -> Result<Vec<Event>> {
    db.into().query_all(
        "SELECT at, operator, from_status, to_status, outcome, note
         FROM request_events WHERE request_id = ?1 ORDER BY id",
        sql_params![request_id],
        |r| {
            let from: Option<String> = r.get(2)?;
            let to: String = r.get(3)?;
            let outcome: Option<String> = r.get(4)?;
            Ok(Event {
                at: r.get(0)?,
                operator: r.get(1)?,
                from_status: from.as_deref().map(Status::parse).transpose()?,
                to_status: Status::parse(&to)?,
                outcome: outcome.as_deref().map(Outcome::parse).transpose()?,
                note: r.get(5)?,
            })
        },
    )
}

/// A request with its events, the checks of its numbers and its next moves.
pub fn detail<'c>(
    db: impl Into<Db<'c>>,
    reg_no: &str,
    today: chrono::NaiveDate,
) -> Result<RequestDetail> {
    let db = db.into();
    let request = get_by_reg_no(db, reg_no)?;
    let events = events(db, request.id)?;
    Ok(RequestDetail {
        nik_check: request
            .nik
            .as_deref()
            .map(|n| ident::nik::check_nik(n, None, None, today)),
        kk_check: request.kk.as_deref().map(|k| ident::kk::check_kk(k, today)),
        next: lifecycle::next_statuses(request.status).to_vec(),
        events,
        request,
    })
}

#[cfg(test)]
mod tests;
