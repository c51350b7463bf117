//! Saving and loading verification forms. Each save appends a version with
//! its operator and time; loading returns the latest. Forms are stored as
//! JSON: their shape follows the documents, not queries.

use super::form::VerificationForm;
use crate::base::check_operator;
use crate::db::Db;
use crate::error::{ErrorCode, LoketError, Result};
use crate::requests::get_by_reg_no;
use crate::sql_params;
use serde::Serialize;
use ts_rs::TS;

/// Largest form accepted (a KK has at most a few dozen rows).
const MAX_FORM_BYTES: usize = 256 * 1024;

/// The latest saved form of a request, with who saved it and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SavedVerification {
    pub form: VerificationForm,
    /// 0 when nothing was saved yet.
    pub version: u32,
    pub at: Option<i64>,
    pub operator: Option<String>,
}

/// Saves a new version of the request's form.
pub fn save<'c>(
    db: impl Into<Db<'c>>,
    reg_no: &str,
    form: &VerificationForm,
    operator: &str,
    now_ms: i64,
) -> Result<SavedVerification> {
    let operator = check_operator(operator)?;
    let json = serde_json::to_string(form).map_err(|e| {
        LoketError::new(
            ErrorCode::MasukanTidakValid,
            format!("Formulir tidak valid: {e}"),
        )
    })?;
    if json.len() > MAX_FORM_BYTES {
        return Err(LoketError::new(
            ErrorCode::TeksTerlaluPanjang,
            "Formulir verifikasi terlalu besar.",
        ));
    }
    let version = db.into().write(|tx| {
        let request = get_by_reg_no(tx, reg_no)?;
        let version: u32 = tx.value(
            "SELECT COALESCE(MAX(version), 0) + 1 FROM verification_versions WHERE request_id = ?1",
            sql_params![request.id],
        )?;
        tx.execute(
            "INSERT INTO verification_versions (request_id, version, form_json, at, operator)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            sql_params![request.id, version, &json, now_ms, &operator],
        )?;
        Ok(version)
    })?;
    Ok(SavedVerification {
        form: form.clone(),
        version,
        at: Some(now_ms),
        operator: Some(operator),
    })
}

/// The latest form of a request (an empty one when none was saved).
pub fn load<'c>(db: impl Into<Db<'c>>, reg_no: &str) -> Result<SavedVerification> {
    let db = db.into();
    let request = get_by_reg_no(db, reg_no)?;
    let row: Option<(u32, String, i64, String)> = db.query_opt(
        "SELECT version, form_json, at, operator FROM verification_versions
         WHERE request_id = ?1 ORDER BY version DESC LIMIT 1",
        sql_params![request.id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    let Some((version, json, at, operator)) = row else {
        return Ok(SavedVerification {
            form: VerificationForm::default(),
            version: 0,
            at: None,
            operator: None,
        });
    };
    let form = serde_json::from_str(&json).map_err(|e| {
        LoketError::new(
            ErrorCode::BasisDataRusak,
            format!("Formulir verifikasi tersimpan tidak bisa dibaca: {e}"),
        )
    })?;
    Ok(SavedVerification {
        form,
        version,
        at: Some(at),
        operator: Some(operator),
    })
}
