//! Writes of `duplicates`: merging a re-send into the request that carries
//! on, and recording that two look-alike requests are different. Each is one
//! write transaction (`Db::write`); every refusal is checked before the first
//! write, so a refused call leaves no trace. See the module docs for the model.

use crate::base::check_operator;
use crate::db::Db;
use crate::error::{ErrorCode, LoketError, Result};
use crate::lifecycle::status_label;
use crate::model::{Request, Status};
use crate::requests::get_by_reg_no;
use crate::sql_params;

const MAX_REASON: usize = 500;

fn clean_text(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn check_reason(reason: &str, required: bool) -> Result<String> {
    let reason = clean_text(reason);
    if required && reason.is_empty() {
        return Err(LoketError::new(
            ErrorCode::MasukanTidakValid,
            "Alasan wajib diisi: mengapa kedua permohonan ini berbeda?",
        ));
    }
    if reason.chars().count() > MAX_REASON {
        return Err(LoketError::new(
            ErrorCode::TeksTerlaluPanjang,
            format!("Alasan terlalu panjang (maksimal {MAX_REASON} huruf)."),
        ));
    }
    Ok(reason)
}

/// The registration number a request was merged into, if it was.
fn merged_into(db: Db<'_>, id: i64) -> Result<Option<String>> {
    db.query_opt(
        "SELECT r.reg_no FROM request_merges m JOIN requests r ON r.id = m.into_id
         WHERE m.request_id = ?1",
        sql_params![id],
        |r| r.get(0),
    )
}

fn refuse(code: ErrorCode, message: String) -> LoketError {
    LoketError::new(code, message)
}

fn event(
    db: Db<'_>,
    request_id: i64,
    at: i64,
    operator: &str,
    from: Status,
    to: Status,
    note: &str,
) -> Result<()> {
    db.execute(
        "INSERT INTO request_events (request_id, at, operator, from_status, to_status, outcome, note)
         VALUES (?1, ?2, ?3, ?4, ?5, NULL, ?6)",
        sql_params![request_id, at, operator, from.as_str(), to.as_str(), note],
    )?;
    Ok(())
}

/// Merges the open request `dup_reg_no` (a re-send) into `into_reg_no`: the
/// duplicate is closed (`done`, no outcome) with a `request_merges` row, its
/// documents move to the target (except bytes the target already holds), and
/// both requests get an event. Returns the target as it is afterwards.
///
/// Refused (nothing written): a missing request (`permohonan_tidak_ditemukan`),
/// the same request twice, a closed duplicate, or a target that was itself
/// merged away (`tidak_bisa_digabung`), a duplicate merged before
/// (`sudah_digabung`).
pub fn merge<'c>(
    db: impl Into<Db<'c>>,
    dup_reg_no: &str,
    into_reg_no: &str,
    reason: Option<&str>,
    operator: &str,
    now_ms: i64,
) -> Result<Request> {
    let operator = check_operator(operator)?;
    let reason = check_reason(reason.unwrap_or(""), false)?;
    db.into()
        .write(|tx| merge_in(tx, dup_reg_no, into_reg_no, &reason, &operator, now_ms))
}

/// The checks and writes of `merge`, inside its transaction.
fn merge_in(
    tx: Db<'_>,
    dup_reg_no: &str,
    into_reg_no: &str,
    reason: &str,
    operator: &str,
    now_ms: i64,
) -> Result<Request> {
    let dup = get_by_reg_no(tx, dup_reg_no)?;
    let into = get_by_reg_no(tx, into_reg_no)?;
    if dup.id == into.id {
        return Err(refuse(
            ErrorCode::TidakBisaDigabung,
            format!(
                "{} tidak bisa digabung ke dirinya sendiri. Pilih permohonan lain.",
                dup.reg_no
            ),
        ));
    }
    if let Some(target) = merged_into(tx, dup.id)? {
        return Err(refuse(
            ErrorCode::SudahDigabung,
            format!("{} sudah digabung ke {target}.", dup.reg_no),
        ));
    }
    if !dup.status.is_open() {
        return Err(refuse(
            ErrorCode::TidakBisaDigabung,
            format!(
                "{} sudah ditutup (\"{}\"): hanya permohonan yang masih terbuka yang bisa digabung.",
                dup.reg_no,
                status_label(dup.status)
            ),
        ));
    }
    if let Some(target) = merged_into(tx, into.id)? {
        return Err(refuse(
            ErrorCode::TidakBisaDigabung,
            format!(
                "{} sendiri sudah digabung ke {target}; gabungkan ke {target}.",
                into.reg_no
            ),
        ));
    }

    tx.execute(
        "INSERT INTO request_merges (request_id, into_id, at, operator, reason)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        sql_params![dup.id, into.id, now_ms, operator, reason],
    )?;
    // Record the moves first: the 0004 trigger lets request_id change only
    // for a recorded move. Active bytes the target already holds stay.
    let moved = tx.execute(
        "INSERT INTO document_moves (document_id, from_request_id, to_request_id, at, operator)
         SELECT d.id, ?1, ?2, ?3, ?4 FROM documents d
         WHERE d.request_id = ?1
           AND NOT (d.removed_at IS NULL AND EXISTS (
               SELECT 1 FROM documents t
               WHERE t.request_id = ?2 AND t.sha256 = d.sha256 AND t.removed_at IS NULL))
         ORDER BY d.id",
        sql_params![dup.id, into.id, now_ms, operator],
    )?;
    tx.execute(
        "UPDATE documents SET request_id = ?2
         WHERE id IN (SELECT document_id FROM document_moves
                      WHERE from_request_id = ?1 AND to_request_id = ?2 AND at = ?3)
           AND request_id = ?1",
        sql_params![dup.id, into.id, now_ms],
    )?;
    tx.execute(
        "UPDATE requests SET status = 'done', outcome = NULL, updated_at = ?1 WHERE id = ?2",
        sql_params![now_ms, dup.id],
    )?;
    let docs = if moved == 0 {
        String::new()
    } else {
        format!("; {moved} dokumen dipindahkan")
    };
    let why = if reason.is_empty() {
        String::new()
    } else {
        format!(" ({reason})")
    };
    event(
        tx,
        dup.id,
        now_ms,
        operator,
        dup.status,
        Status::Done,
        &format!(
            "Digabung ke {} sebagai kiriman ulang{why}{docs}",
            into.reg_no
        ),
    )?;
    event(
        tx,
        into.id,
        now_ms,
        operator,
        into.status,
        into.status,
        &format!("Digabungkan dari {}{why}{docs}", dup.reg_no),
    )?;
    get_by_reg_no(tx, &into.reg_no)
}

/// Records that the operator compared `reg_no` with `other_reg_no` and found
/// them to be different requests (`reason` required), so `find` stops
/// pairing them. Both requests get an event. Recording a pair again changes
/// nothing (the first decision and its reason stay).
pub fn keep_separate<'c>(
    db: impl Into<Db<'c>>,
    reg_no: &str,
    other_reg_no: &str,
    reason: &str,
    operator: &str,
    now_ms: i64,
) -> Result<()> {
    let operator = check_operator(operator)?;
    let reason = check_reason(reason, true)?;
    db.into().write(|tx| {
        let a = get_by_reg_no(tx, reg_no)?;
        let b = get_by_reg_no(tx, other_reg_no)?;
        if a.id == b.id {
            return Err(refuse(
                ErrorCode::MasukanTidakValid,
                format!(
                    "{} dibandingkan dengan dirinya sendiri. Pilih permohonan lain.",
                    a.reg_no
                ),
            ));
        }
        // The pair is stored smaller id first; a pair recorded before stays.
        let (low, high) = (a.id.min(b.id), a.id.max(b.id));
        let added = tx.execute(
            "INSERT INTO request_separations (a_id, b_id, at, operator, reason)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (a_id, b_id) DO NOTHING",
            sql_params![low, high, now_ms, &operator, &reason],
        )?;
        if added > 0 {
            for (this, other) in [(&a, &b), (&b, &a)] {
                event(
                    tx,
                    this.id,
                    now_ms,
                    &operator,
                    this.status,
                    this.status,
                    &format!("Bukan kiriman ulang dari {}: {reason}", other.reg_no),
                )?;
            }
        }
        Ok(())
    })
}
