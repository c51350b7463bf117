//! The helpers every service module shares, below all of them: the acting
//! operator's name as recorded, applicants' names as compared, and the
//! registration numbers of every series (`VN-` requests, `PK-` deliveries,
//! `PG-` complaints). `requests.rs`, `delivery/`, `complaints/`, `documents/`,
//! `accounts/` and the others take them from here, not from each other.

use crate::clock;
use crate::db::Db;
use crate::error::{ErrorCode, LoketError, Result};
use crate::sql_params;

const MAX_OPERATOR: usize = 60;

/// Upper-cases and collapses white space, as names are printed on KTP/KK.
pub fn normalize_name(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase()
}

/// The operator's name as recorded: white space collapsed, refused when
/// empty or longer than 60 letters.
pub(crate) fn check_operator(operator: &str) -> Result<String> {
    let op = operator.split_whitespace().collect::<Vec<_>>().join(" ");
    if op.is_empty() {
        return Err(LoketError::new(
            ErrorCode::OperatorBelumDiisi,
            "Nama operator belum diisi.",
        ));
    }
    if op.chars().count() > MAX_OPERATOR {
        return Err(LoketError::new(
            ErrorCode::TeksTerlaluPanjang,
            format!("Nama operator terlalu panjang (maksimal {MAX_OPERATOR} huruf)."),
        ));
    }
    Ok(op)
}

/// Hands out the next number of a series for the WIB day of `now_ms`:
/// `VN-251126-0007`. Runs inside the caller's transaction.
pub(crate) fn next_reg_no<'c>(db: impl Into<Db<'c>>, series: &str, now_ms: i64) -> Result<String> {
    let day = clock::wib_date(now_ms).format("%y%m%d").to_string();
    let n: i64 = db.into().value(
        "INSERT INTO reg_counters (series, day, last) VALUES (?1, ?2, 1)
         ON CONFLICT (series, day) DO UPDATE SET last = reg_counters.last + 1
         RETURNING last",
        sql_params![series, &day],
    )?;
    Ok(format!("{series}-{day}-{n:04}"))
}
