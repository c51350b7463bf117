//! Who `loket-cli` acts as. Every entry it writes is marked as coming from
//! the CLI (`set_process_origin`, first thing in `main`). An action any
//! operator may take runs under the operator name (`--operator`,
//! `LOKET_OPERATOR`, else the desk's); an action reserved for a supervisor
//! needs `--supervisor NAME` (or `LOKET_SUPERVISOR`) and that account's PIN
//! (`LOKET_SUPERVISOR_PIN`, else the first line of standard input — never
//! the command line, where other users of the PC could read it), checked
//! like a login at the desk. The role itself is checked by the core.

use crate::Failure;
use loket_core::accounts;
use loket_core::{Actor, Desk, ErrorCode, LoketError};
use std::io::BufRead;

/// The CLI as an operator: may do what any operator may.
pub(crate) fn operator(desk: &Desk, explicit: Option<String>) -> Actor {
    Actor::cli_operator(&crate::operator_of(desk, explicit))
}

/// Reads secrets from their environment variables, else stdin lines in order.
pub(crate) struct Secrets {
    lines: std::io::Lines<std::io::StdinLock<'static>>,
}

impl Secrets {
    pub(crate) fn new() -> Self {
        Secrets {
            lines: std::io::stdin().lock().lines(),
        }
    }

    pub(crate) fn get(&mut self, var: &str, what: &str) -> Result<String, LoketError> {
        if let Some(v) = std::env::var_os(var).and_then(|v| v.into_string().ok()) {
            return Ok(v);
        }
        match self.lines.next() {
            Some(Ok(line)) => Ok(line.trim_end_matches(['\r', '\n']).to_owned()),
            _ => Err(LoketError::new(
                ErrorCode::MasukanTidakValid,
                format!("{what} tidak diberikan: isi {var} atau tulis di masukan standar."),
            )),
        }
    }
}

/// The account named by `--supervisor`, logged in with its PIN (a wrong PIN
/// counts against it as at the desk). Without a name the CLI is refused
/// with the way to give one; whether the account may act is the core's
/// check.
pub(crate) fn supervisor(
    desk: &mut Desk,
    name: Option<&str>,
    secrets: &mut Secrets,
) -> Result<Actor, LoketError> {
    let Some(name) = name.filter(|n| !n.trim().is_empty()) else {
        return Err(LoketError::new(
            ErrorCode::KhususSupervisor,
            "Hanya supervisor yang boleh melakukan ini: sebutkan --supervisor NAMA (PIN dari LOKET_SUPERVISOR_PIN atau masukan standar).",
        ));
    };
    let pin = secrets.get("LOKET_SUPERVISOR_PIN", "PIN supervisor")?;
    let session = accounts::login(desk.db(), name, &pin, desk.now_ms())?;
    Ok(Actor::cli_account(&session))
}

/// `supervisor` for a handler that maps errors to a `Failure`.
pub(crate) fn supervisor_or_fail(
    desk: &mut Desk,
    name: Option<&str>,
    json: bool,
) -> Result<Actor, Failure> {
    supervisor(desk, name, &mut Secrets::new()).map_err(|e| Failure::input(e, json))
}
