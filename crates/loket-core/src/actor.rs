//! Who acts: the account behind every operation, and whether it came from
//! the desk app or from `loket-cli`.
//!
//! Every operation a user can take (`ops/`) takes an `Actor`, checks its
//! role there, and records it in the access log in the same transaction as
//! the change, so the app and the CLI cannot apply different rules. The
//! origin is also a property of the process (`set_process_origin`), read by
//! the schema's triggers through the SQL function `loket_origin()`, so the
//! entries they write for changes carry it too.

use crate::accounts::{Role, Session};
use crate::error::{ErrorCode, LoketError, Result};
use crate::words::impl_words;
use serde::{Deserialize, Serialize};
use strum::{EnumString, IntoStaticStr, VariantArray};
use ts_rs::TS;

/// Where an action came from, as stored in the access log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[derive(IntoStaticStr, EnumString, VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum Origin {
    /// The desk app (the logged-in account).
    App,
    /// `loket-cli` (administrators, scheduled tasks, scripts).
    Cli,
}

impl_words!(Origin);

/// Marks every access-log entry this process writes from now on as coming
/// from `origin` (`loket-cli` calls it first thing; the app is the default).
/// The schema's triggers read it through `loket_origin()` (`db`).
pub fn set_process_origin(origin: Origin) {
    crate::db::set_origin(origin.as_str());
}

/// The origin this process writes into the access log.
pub fn process_origin() -> Origin {
    if crate::db::origin() == Origin::Cli.as_str() {
        Origin::Cli
    } else {
        Origin::App
    }
}

/// The acting account of one operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The account, when the actor logged in with one (the app always; the
    /// CLI when a supervisor's PIN was given).
    pub account_id: Option<i64>,
    /// The name every event and log entry carries.
    pub name: String,
    pub role: Role,
    pub origin: Origin,
}

impl Actor {
    /// The logged-in account of the desk app.
    pub fn app(session: &Session) -> Actor {
        Actor {
            account_id: Some(session.account_id),
            name: session.name.clone(),
            role: session.role,
            origin: Origin::App,
        }
    }

    /// An account that proved itself to `loket-cli` (name and PIN).
    pub fn cli_account(session: &Session) -> Actor {
        Actor {
            origin: Origin::Cli,
            ..Actor::app(session)
        }
    }

    /// `loket-cli` acting under an operator name without a PIN: it may do
    /// what any operator may, nothing reserved for a supervisor.
    pub fn cli_operator(name: &str) -> Actor {
        Actor {
            account_id: None,
            name: name.to_owned(),
            role: Role::Operator,
            origin: Origin::Cli,
        }
    }

    /// The desk itself, for what runs on a schedule (retention at start and
    /// daily): logged as `sistem`.
    pub fn system() -> Actor {
        Actor {
            account_id: None,
            name: "sistem".to_owned(),
            role: Role::Supervisor,
            origin: process_origin(),
        }
    }

    /// Refuses an operator where only a supervisor may act; `what` says what
    /// they tried, in Indonesian ("mengubah jam layanan").
    pub fn require_supervisor(&self, what: &str) -> Result<()> {
        if self.role == Role::Supervisor {
            return Ok(());
        }
        let how = match self.origin {
            Origin::App => "Minta supervisor masuk (Ctrl+L).",
            Origin::Cli => {
                "Jalankan dengan --supervisor NAMA dan PIN supervisor (LOKET_SUPERVISOR_PIN)."
            }
        };
        Err(LoketError::new(
            ErrorCode::KhususSupervisor,
            format!("Hanya supervisor yang boleh {what}. {how}"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_operator_is_refused_a_supervisors_action_with_the_way_out() {
        let op = Actor::cli_operator("Rina");
        let err = op
            .require_supervisor("mengubah masa retensi foto")
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::KhususSupervisor);
        assert!(err.message.contains("--supervisor"), "{}", err.message);
        let s = Session {
            account_id: 1,
            name: "Sari".into(),
            role: Role::Supervisor,
        };
        assert!(Actor::app(&s).require_supervisor("x").is_ok());
        assert_eq!(Actor::cli_account(&s).origin, Origin::Cli);
    }
}
