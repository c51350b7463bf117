//! Operator accounts: who may use the desk, in which role, and the session
//! of whoever is logged in.
//!
//! Several people share one office PC, and the law asks who saw and changed
//! which citizen's data; so every change and view carries the logged-in
//! account's name. The first account is a supervisor, created at first
//! start; supervisors add operators, reset PINs and disable accounts
//! (accounts are never deleted: old events name them). Logging in and the
//! rate limit of wrong PINs are in `login.rs`.

pub mod idle;
mod login;
pub mod pin;

pub use login::{login, wait_after, LOCK_AFTER, MAX_WAIT_MS};

use crate::actor::Actor;
use crate::audit::{self, Action};
use crate::base::check_operator;
use crate::db::{Db, Row};
use crate::error::{ErrorCode, LoketError, Result};
use crate::sql_params;
use crate::words::impl_words;
use serde::{Deserialize, Serialize};
use strum::{EnumString, IntoStaticStr, VariantArray};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[derive(IntoStaticStr, EnumString, VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum Role {
    Operator,
    Supervisor,
}

impl_words!(Role);

/// An account as the login screen and the supervisor see it (no hash).
#[derive(Debug, Clone, Serialize, TS)]
pub struct Account {
    pub id: i64,
    pub name: String,
    pub role: Role,
    pub created_at: i64,
    pub disabled: bool,
    pub last_login_at: Option<i64>,
}

/// Who is logged in: the name every event and log entry carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Session {
    pub account_id: i64,
    pub name: String,
    pub role: Role,
}

const COLUMNS: &str = "id, name, role, created_at, disabled_at, last_login_at";

fn from_row(r: &Row<'_>) -> Result<Account> {
    let role: String = r.get(2)?;
    Ok(Account {
        id: r.get(0)?,
        name: r.get(1)?,
        role: role.parse().unwrap_or(Role::Operator),
        created_at: r.get(3)?,
        disabled: r.get::<Option<i64>>(4)?.is_some(),
        last_login_at: r.get(5)?,
    })
}

/// Every account, enabled ones first, in name order.
pub fn list<'c>(db: impl Into<Db<'c>>) -> Result<Vec<Account>> {
    // lower(): NOCASE's order on both engines (names are unique ignoring case).
    db.into().query_all(
        &format!("SELECT {COLUMNS} FROM accounts ORDER BY disabled_at IS NOT NULL, lower(name)"),
        &[],
        from_row,
    )
}

/// Whether the desk has any account yet (none: first start).
pub fn any<'c>(db: impl Into<Db<'c>>) -> Result<bool> {
    db.into()
        .value("SELECT EXISTS (SELECT 1 FROM accounts)", &[])
}

fn not_found(name: &str) -> LoketError {
    LoketError::new(
        ErrorCode::AkunTidakDitemukan,
        format!("Akun \"{name}\" tidak ditemukan atau sudah dinonaktifkan."),
    )
}

fn insert(db: Db<'_>, name: &str, role: Role, pin: &str, by: &str, now_ms: i64) -> Result<Account> {
    let name = check_operator(name)?;
    pin::check_new(pin)?;
    let exists: bool = db.value(
        &format!(
            "SELECT EXISTS (SELECT 1 FROM accounts WHERE {})",
            db.nocase_eq("name")
        ),
        sql_params![&name],
    )?;
    if exists {
        return Err(LoketError::new(
            ErrorCode::NamaAkunSudahAda,
            format!("Sudah ada akun bernama \"{name}\". Pakai nama lain."),
        ));
    }
    let hash = pin::hash(pin)?;
    let id: i64 = db.value(
        "INSERT INTO accounts (name, role, pin_hash, created_at, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
        sql_params![&name, role.as_str(), hash, now_ms, by],
    )?;
    audit::record(
        db,
        now_ms,
        by,
        Action::AkunDibuat,
        None,
        &format!("{name} ({})", role.as_str()),
    )?;
    db.query_one(
        &format!("SELECT {COLUMNS} FROM accounts WHERE id = ?1"),
        sql_params![id],
        from_row,
        || not_found(&name),
    )
}

/// First start: creates the supervisor and logs them in. Refused once any
/// account exists (a second "first" supervisor would be a way in for anyone).
pub fn create_first<'c>(
    db: impl Into<Db<'c>>,
    name: &str,
    pin: &str,
    now_ms: i64,
) -> Result<Session> {
    db.into().write(|tx| {
        if any(tx)? {
            return Err(LoketError::new(
                ErrorCode::KhususSupervisor,
                "Desk ini sudah punya akun; akun baru dibuat oleh supervisor.",
            ));
        }
        let account = insert(tx, name, Role::Supervisor, pin, "sistem", now_ms)?;
        tx.execute(
            "UPDATE accounts SET last_login_at = ?1 WHERE id = ?2",
            sql_params![now_ms, account.id],
        )?;
        audit::record(
            tx,
            now_ms,
            &account.name,
            Action::Masuk,
            None,
            "akun pertama",
        )?;
        Ok(Session {
            account_id: account.id,
            name: account.name,
            role: Role::Supervisor,
        })
    })
}

/// The screen was locked (idle, Ctrl+L, a switch of user): the session
/// ends, and the log says so (`dikunci`, "tidak aktif" when idle).
pub fn lock<'c>(db: impl Into<Db<'c>>, by: &Actor, idle: bool, now_ms: i64) -> Result<()> {
    let detail = if idle { "tidak aktif" } else { "" };
    audit::record_by(db, by, now_ms, Action::Dikunci, None, detail)
}

/// A supervisor adds an account.
pub fn create<'c>(
    db: impl Into<Db<'c>>,
    by: &Actor,
    name: &str,
    role: Role,
    pin: &str,
    now_ms: i64,
) -> Result<Account> {
    by.require_supervisor("membuat akun")?;
    db.into()
        .write(|tx| insert(tx, name, role, pin, &by.name, now_ms))
}

/// Sets a new PIN: a supervisor for anyone, an operator for themself (with
/// the old PIN). Clears the wrong-PIN count.
pub fn set_pin<'c>(
    db: impl Into<Db<'c>>,
    by: &Actor,
    name: &str,
    old_pin: Option<&str>,
    new_pin: &str,
    now_ms: i64,
) -> Result<()> {
    pin::check_new(new_pin)?;
    db.into().write(|tx| {
        let (id, hash): (i64, String) = tx.query_one(
            &format!(
                "SELECT id, pin_hash FROM accounts WHERE {} AND disabled_at IS NULL",
                tx.nocase_eq("name")
            ),
            sql_params![name.trim()],
            |r| Ok((r.get(0)?, r.get(1)?)),
            || not_found(name),
        )?;
        if Some(id) != by.account_id {
            by.require_supervisor("mengganti PIN orang lain")?;
        } else if by.role != Role::Supervisor && !old_pin.is_some_and(|p| pin::matches(p, &hash)) {
            return Err(LoketError::new(ErrorCode::PinSalah, "PIN lama salah."));
        }
        tx.execute(
            "UPDATE accounts SET pin_hash = ?1, failed_logins = 0, locked_until = 0 WHERE id = ?2",
            sql_params![pin::hash(new_pin)?, id],
        )?;
        audit::record_by(tx, by, now_ms, Action::PinDiubah, None, name.trim())
    })
}

/// A supervisor disables an account; the last enabled supervisor stays.
pub fn disable<'c>(db: impl Into<Db<'c>>, by: &Actor, name: &str, now_ms: i64) -> Result<()> {
    by.require_supervisor("menonaktifkan akun")?;
    db.into().write(|tx| {
        let (id, role): (i64, String) = tx.query_one(
            &format!(
                "SELECT id, role FROM accounts WHERE {} AND disabled_at IS NULL",
                tx.nocase_eq("name")
            ),
            sql_params![name.trim()],
            |r| Ok((r.get(0)?, r.get(1)?)),
            || not_found(name),
        )?;
        let supervisors: i64 = tx.value(
            "SELECT count(*) FROM accounts WHERE role = 'supervisor' AND disabled_at IS NULL",
            &[],
        )?;
        if role == "supervisor" && supervisors <= 1 {
            return Err(LoketError::new(
                ErrorCode::MasukanTidakValid,
                "Ini supervisor terakhir; buat supervisor lain dulu sebelum menonaktifkannya.",
            ));
        }
        tx.execute(
            "UPDATE accounts SET disabled_at = ?1 WHERE id = ?2",
            sql_params![now_ms, id],
        )?;
        audit::record_by(tx, by, now_ms, Action::AkunDinonaktifkan, None, name.trim())
    })
}

#[cfg(test)]
mod tests;
