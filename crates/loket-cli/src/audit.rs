//! `loket-cli audit`: check the access log's hash chain (for a scheduled
//! task that alerts when it breaks) and read it per request, operator, day.
//! Both are a supervisor's (`--supervisor`); reading is itself logged.

use crate::stdio::{self, outln};
use crate::{actor, open_desk, Failure, Verdict};
use clap::Subcommand;
use loket_core::audit::{self, LogFilter};
use loket_core::clock;
use loket_core::ops::audit_log;
use std::path::PathBuf;

#[derive(Subcommand)]
pub(crate) enum AuditCmd {
    /// Check every entry's link; exit 1 and name the first broken entry when the log was altered.
    Verify {
        /// Also check that the log still holds the last entry a backup
        /// recorded (catches entries cut off the end since that backup).
        #[arg(long, value_name = "BACKUP_DIR")]
        anchor: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Print entries, newest first.
    List {
        /// Registration number.
        #[arg(long, value_name = "REG")]
        request: Option<String>,
        /// The operator (account name) whose entries to show.
        #[arg(long, value_name = "NAME")]
        by: Option<String>,
        /// A WIB day, YYYY-MM-DD.
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        #[arg(long)]
        limit: Option<u32>,
        #[arg(long)]
        json: bool,
    },
}

pub(crate) fn run(
    data_dir: Option<PathBuf>,
    supervisor: Option<String>,
    cmd: AuditCmd,
) -> Result<Verdict, Failure> {
    let json = matches!(
        cmd,
        AuditCmd::Verify { json: true, .. } | AuditCmd::List { json: true, .. }
    );
    let mut desk = open_desk(data_dir, json)?;
    let by = actor::supervisor_or_fail(&mut desk, supervisor.as_deref(), json)?;
    let fail = |e| Failure::input(e, json);
    match cmd {
        AuditCmd::Verify { anchor, json } => {
            let mut r = audit_log::verify(&desk, &by).map_err(fail)?;
            if let Some(dir) = anchor {
                let head = loket_core::backup::audit_head(&dir).map_err(fail)?;
                if let Some((id, hash)) = head {
                    let held = audit::chain::holds(desk.db(), id, &hash).map_err(fail)?;
                    if !held && r.first_broken.is_none() {
                        r.intact = false;
                        r.first_broken = Some(audit::chain::BrokenEntry {
                            id,
                            reason: format!(
                                "entri nomor {id} yang tercatat di cadangan {} tidak ada lagi atau berubah (entri terakhir dipotong atau ditulis ulang)",
                                dir.display()
                            ),
                        });
                    }
                }
            }
            if json {
                stdio::json(&r)?;
            } else if let Some(b) = &r.first_broken {
                outln!("Log akses RUSAK: entri nomor {} — {}.", b.id, b.reason)?;
                outln!("{} entri dibaca.", r.entries)?;
            } else {
                outln!("Log akses utuh: {} entri.", r.entries)?;
                outln!("Entri terakhir: nomor {}, hash {}", r.head_id, r.head_hash)?;
            }
            Ok(if r.intact { Verdict::Ok } else { Verdict::No })
        }
        AuditCmd::List {
            request,
            by: operator,
            date,
            limit,
            json,
        } => {
            let filter = LogFilter {
                reg_no: request,
                operator,
                day: date,
                before_id: None,
                limit,
            };
            let now = desk.now_ms();
            let rows = audit_log::list(&mut desk, &by, &filter, now).map_err(fail)?;
            if json {
                stdio::json(&rows)?;
            } else {
                for r in rows {
                    outln!(
                        "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                        r.id,
                        clock::format_wib(r.at),
                        r.operator,
                        if r.origin.is_empty() {
                            "-"
                        } else {
                            r.origin.as_str()
                        },
                        r.label,
                        r.reg_no.unwrap_or_default(),
                        r.detail
                    )?;
                }
            }
            Ok(Verdict::Ok)
        }
    }
}
