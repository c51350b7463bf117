//! Logging in, with wrong PINs rate-limited in the database.
//!
//! After `LOCK_AFTER` wrong PINs in a row an account waits 30 s before the
//! next try, doubling with each further wrong PIN up to `MAX_WAIT_MS`. The
//! count lives in the accounts table, so restarting the app does not reset
//! it; a right PIN or a supervisor's PIN reset does. Every try is logged.

use super::{not_found, pin, Role, Session};
use crate::audit::{self, Action};
use crate::db::Db;
use crate::error::{ErrorCode, LoketError, Result};
use crate::sql_params;

/// Wrong PINs allowed before the account starts to wait.
pub const LOCK_AFTER: i64 = 5;
/// The first wait after `LOCK_AFTER` wrong PINs.
pub const FIRST_WAIT_MS: i64 = 30_000;
/// The longest wait.
pub const MAX_WAIT_MS: i64 = 15 * 60_000;

/// How long an account waits after its `failed`-th wrong PIN in a row.
pub fn wait_after(failed: i64) -> i64 {
    if failed < LOCK_AFTER {
        return 0;
    }
    let doublings = u32::try_from(failed - LOCK_AFTER)
        .unwrap_or(u32::MAX)
        .min(16);
    FIRST_WAIT_MS
        .saturating_mul(1 << doublings)
        .min(MAX_WAIT_MS)
}

fn locked(wait_ms: i64) -> LoketError {
    let secs = (wait_ms + 999) / 1000;
    let when = if secs >= 120 {
        format!("{} menit", (secs + 59) / 60)
    } else {
        format!("{secs} detik")
    };
    LoketError::new(
        ErrorCode::AkunTerkunciSementara,
        format!("Terlalu banyak PIN salah. Coba lagi dalam {when}, atau minta supervisor mengganti PIN."),
    )
}

/// Checks `pin` for the account `name`; returns the session on success.
/// A wrong PIN is counted and logged even though the call fails.
pub fn login<'c>(
    db: impl Into<Db<'c>>,
    name: &str,
    pin_text: &str,
    now_ms: i64,
) -> Result<Session> {
    let name = name.trim();
    // The outer Result rolls back; the inner refusal (a wrong PIN) commits
    // its count and log entry first.
    db.into()
        .write(|tx| {
            let row: Option<(i64, String, String, String, i64, i64)> = tx.query_opt(
                &format!(
                    "SELECT id, name, role, pin_hash, failed_logins, locked_until
                     FROM accounts WHERE {} AND disabled_at IS NULL",
                    tx.nocase_eq("name")
                ),
                sql_params![name],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ))
                },
            )?;
            let Some((id, name, role, hash, failed, locked_until)) = row else {
                return Err(not_found(name));
            };
            if locked_until > now_ms {
                return Err(locked(locked_until - now_ms));
            }
            if !pin::matches(pin_text, &hash) {
                let failed = failed + 1;
                let wait = wait_after(failed);
                tx.execute(
                    "UPDATE accounts SET failed_logins = ?1, locked_until = ?2 WHERE id = ?3",
                    sql_params![failed, if wait > 0 { now_ms + wait } else { 0 }, id],
                )?;
                audit::record(
                    tx,
                    now_ms,
                    &name,
                    Action::GagalMasuk,
                    None,
                    &format!("salah ke-{failed}"),
                )?;
                if wait > 0 {
                    return Ok(Err(locked(wait)));
                }
                let left = LOCK_AFTER - failed;
                return Ok(Err(LoketError::new(
                    ErrorCode::PinSalah,
                    format!("PIN salah. Sisa {left} kali coba sebelum akun menunggu."),
                )));
            }
            tx.execute(
                "UPDATE accounts SET failed_logins = 0, locked_until = 0, last_login_at = ?1 WHERE id = ?2",
                sql_params![now_ms, id],
            )?;
            audit::record(tx, now_ms, &name, Action::Masuk, None, "")?;
            Ok(Ok(Session {
                account_id: id,
                name,
                role: role.parse().unwrap_or(Role::Operator),
            }))
        })?
}
