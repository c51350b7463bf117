//! `loket-cli retention`: deleting photos a set number of days after their
//! request closed (for the Windows Task Scheduler and supervisors), a dry
//! run that lists what would go, and the period setting. Each document is
//! printed by registration number, kind, a SHA-256 prefix and the closing
//! date: never a NIK or a name.

use crate::stdio::{self, outln};
use crate::{actor, open_desk, Failure, Verdict};
use clap::{Args, Subcommand};
use loket_core::retention::{self, PurgeItem};
use loket_core::{clock, ops, Actor};
use serde_json::json;
use std::path::PathBuf;

#[derive(Subcommand)]
pub(crate) enum RetentionCmd {
    /// Delete the photos and PDFs past the retention period (the records stay).
    Run(RunArgs),
    /// Show the retention period in days, or set it (1..3650).
    Days {
        /// The new period in days.
        days: Option<i64>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub(crate) struct RunArgs {
    /// List what would be deleted; delete nothing.
    #[arg(long)]
    dry_run: bool,
    #[arg(long)]
    json: bool,
}

fn line(p: &PurgeItem) -> String {
    let files = if p.deletes_files {
        "berkas dihapus"
    } else {
        "berkas tetap (dipakai permohonan lain yang belum lewat masa retensi)"
    };
    format!(
        "{}  {:<7} {}  ditutup {}  {files}",
        p.reg_no,
        p.kind.label(),
        p.sha256.get(..12).unwrap_or(&p.sha256),
        clock::wib_date(p.closed_at).format("%d-%m-%Y"),
    )
}

/// Setting the period is a supervisor's (`--supervisor`). A run is the
/// retention policy the supervisor set, applied: without `--supervisor` it
/// is the scheduled run (a Task Scheduler job), logged as `sistem` like the
/// app's own daily run.
pub(crate) fn run(
    data_dir: Option<PathBuf>,
    supervisor: Option<String>,
    cmd: RetentionCmd,
) -> Result<Verdict, Failure> {
    match cmd {
        RetentionCmd::Days { days, json } => {
            let mut desk = open_desk(data_dir, json)?;
            let input = |e| Failure::input(e, json);
            let days = match days {
                Some(n) => {
                    // A bad number is refused before a PIN is asked for.
                    retention::check_days(n).map_err(input)?;
                    let by = actor::supervisor_or_fail(&mut desk, supervisor.as_deref(), json)?;
                    let now = desk.now_ms();
                    ops::settings::save_retention_days(&mut desk, &by, n, now).map_err(input)?
                }
                None => retention::days(desk.db()).map_err(input)?,
            };
            if json {
                outln!("{}", json!({ "days": days }))?;
            } else {
                outln!("Masa retensi foto: {days} hari setelah permohonan selesai")?;
            }
            Ok(Verdict::Ok)
        }
        RetentionCmd::Run(a) => {
            let mut desk = open_desk(data_dir, a.json)?;
            let input = |e| Failure::input(e, a.json);
            let now = desk.now_ms();
            let by = match supervisor.as_deref() {
                Some(name) => actor::supervisor_or_fail(&mut desk, Some(name), a.json)?,
                None => Actor::system(),
            };
            if a.dry_run {
                let days = retention::days(desk.db()).map_err(input)?;
                let plan = ops::data::retention_plan(&desk, &by, now).map_err(input)?;
                if a.json {
                    let v =
                        json!({ "dry_run": true, "days": days, "now_ms": now, "documents": plan });
                    stdio::json(&v)?;
                } else {
                    for p in &plan {
                        outln!("{}", line(p))?;
                    }
                    outln!(
                        "Uji coba: {} dokumen melewati masa retensi {days} hari; tidak ada yang dihapus.",
                        plan.len()
                    )?;
                }
                return Ok(Verdict::Ok);
            }
            let report = ops::data::retention_run(&mut desk, &by, now).map_err(input)?;
            if a.json {
                stdio::json(&report)?;
            } else {
                for p in &report.purged {
                    outln!("{}", line(p))?;
                }
                outln!(
                    "{} dokumen melewati masa retensi {} hari; {} berkas dihapus ({} bita).",
                    report.purged.len(),
                    report.days,
                    report.files_deleted,
                    report.bytes_freed
                )?;
            }
            match report.error {
                Some(e) => {
                    // Done in part: the rest is retried by the next run.
                    crate::output::error(&e, a.json);
                    Ok(Verdict::No)
                }
                None => Ok(Verdict::Ok),
            }
        }
    }
}
