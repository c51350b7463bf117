//! `loket-cli account`: operator accounts from the command line, for the
//! administrator who sets up a PC and for scripts. The first account is the
//! supervisor; after that, every change needs a supervisor's name and PIN.
//! PINs are read from the environment (`LOKET_PIN` for the new PIN,
//! `LOKET_SUPERVISOR_PIN` for the supervisor's) or, one per line, from
//! standard input — never from the command line, where other users of the
//! PC could read them in the process list.

use crate::actor::{self, Secrets};
use crate::stdio::{self, outln};
use crate::{open_desk, Failure, Verdict};
use clap::{Subcommand, ValueEnum};
use loket_core::accounts::{self, Role};
use loket_core::{ops, ErrorCode, LoketError};
use std::path::PathBuf;

#[derive(Subcommand)]
pub(crate) enum AccountCmd {
    /// Add an account (the first one must be a supervisor and needs no --supervisor).
    Add {
        name: String,
        #[arg(long, value_enum)]
        role: RoleArg,
        #[arg(long)]
        json: bool,
    },
    /// List the accounts.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Set a new PIN (LOKET_PIN) for an account; a supervisor's PIN authorises it.
    Pin { name: String },
    /// Disable an account (it stays in the history).
    Disable { name: String },
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum RoleArg {
    Operator,
    Supervisor,
}

pub(crate) fn run(
    data_dir: Option<PathBuf>,
    supervisor: Option<String>,
    cmd: AccountCmd,
) -> Result<Verdict, Failure> {
    let json = matches!(
        cmd,
        AccountCmd::Add { json: true, .. } | AccountCmd::List { json: true }
    );
    let mut desk = open_desk(data_dir, json)?;
    let fail = |e| Failure::input(e, json);
    let mut secrets = Secrets::new();
    let now = desk.now_ms();
    match cmd {
        AccountCmd::Add { name, role, json } => {
            let role = match role {
                RoleArg::Operator => Role::Operator,
                RoleArg::Supervisor => Role::Supervisor,
            };
            let first = !accounts::any(desk.db()).map_err(fail)?;
            let account_name = if first {
                if role != Role::Supervisor {
                    return Err(fail(LoketError::new(
                        ErrorCode::KhususSupervisor,
                        "Akun pertama harus supervisor (--role supervisor).",
                    )));
                }
                let pin = secrets.get("LOKET_PIN", "PIN baru").map_err(fail)?;
                accounts::create_first(desk.db(), &name, &pin, now)
                    .map_err(fail)?
                    .name
            } else {
                let by = actor::supervisor(&mut desk, supervisor.as_deref(), &mut secrets)
                    .map_err(fail)?;
                let pin = secrets.get("LOKET_PIN", "PIN baru").map_err(fail)?;
                accounts::create(desk.db(), &by, &name, role, &pin, now)
                    .map_err(fail)?
                    .name
            };
            if json {
                outln!(
                    "{}",
                    serde_json::json!({ "name": account_name, "role": role })
                )?;
            } else {
                outln!("Akun {account_name} ({}) dibuat.", role.as_str())?;
            }
        }
        AccountCmd::List { json } => {
            let by =
                actor::supervisor(&mut desk, supervisor.as_deref(), &mut secrets).map_err(fail)?;
            let list = ops::settings::accounts(&desk, &by).map_err(fail)?;
            if json {
                stdio::json(&list)?;
            } else {
                for a in list {
                    let off = if a.disabled { " (nonaktif)" } else { "" };
                    outln!("{}\t{}{off}", a.name, a.role.as_str())?;
                }
            }
        }
        AccountCmd::Pin { name } => {
            let by =
                actor::supervisor(&mut desk, supervisor.as_deref(), &mut secrets).map_err(fail)?;
            let pin = secrets.get("LOKET_PIN", "PIN baru").map_err(fail)?;
            accounts::set_pin(desk.db(), &by, &name, None, &pin, now).map_err(fail)?;
            outln!("PIN {name} diganti.")?;
        }
        AccountCmd::Disable { name } => {
            let by =
                actor::supervisor(&mut desk, supervisor.as_deref(), &mut secrets).map_err(fail)?;
            accounts::disable(desk.db(), &by, &name, now).map_err(fail)?;
            outln!("Akun {name} dinonaktifkan.")?;
        }
    }
    Ok(Verdict::Ok)
}
