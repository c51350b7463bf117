//! `loket-cli backup` and `loket-cli restore`: backups of the data folder to
//! a folder such as a USB drive (for the Windows Task Scheduler), checking
//! one, and restoring one into a new data folder. The core does the work and
//! every check; this prints the outcome. Exit 0 on success, 1 when refused or
//! when a checked backup has problems.

use crate::stdio::{self, outln};
use crate::{actor, open_desk, Failure, Verdict};
use clap::Args;
use loket_core::backup::{self, BackupReport, RestoreReport, VerifyReport};
use loket_core::{clock, ops};
use std::io;
use std::path::PathBuf;

#[derive(Args)]
#[command(
    after_help = "Contoh: loket-cli backup --to E:\\ (membuat E:\\loket-cadangan-YYYYMMDD-HHMMSS)\n\
         loket-cli backup --check E:\\loket-cadangan-20261125-170000"
)]
pub(crate) struct BackupArgs {
    /// Write a new backup folder inside DIR (an existing folder, e.g. a USB drive).
    #[arg(
        long,
        value_name = "DIR",
        required_unless_present = "check",
        conflicts_with = "check"
    )]
    to: Option<PathBuf>,
    /// Check the backup folder DIR against its manifest instead (hashes, database integrity).
    #[arg(long, value_name = "DIR")]
    check: Option<PathBuf>,
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub(crate) struct RestoreArgs {
    /// The backup folder (loket-cadangan-…).
    #[arg(long, value_name = "DIR")]
    from: PathBuf,
    /// The new data folder: must not exist yet, or be empty.
    #[arg(long, value_name = "DATA_DIR")]
    to: PathBuf,
    #[arg(long)]
    json: bool,
}

/// `1234567` → `1,2 MB`, as the supervisor reads sizes.
fn size(bytes: u64) -> String {
    let mb = bytes as f64 / 1_000_000.0;
    if mb >= 1.0 {
        format!("{mb:.1} MB").replace('.', ",")
    } else {
        format!("{} kB", bytes.div_ceil(1000))
    }
}

pub(crate) fn run(
    data_dir: Option<PathBuf>,
    supervisor: Option<String>,
    a: BackupArgs,
) -> Result<Verdict, Failure> {
    if let Some(dir) = a.check {
        let report = backup::verify(&dir);
        if a.json {
            stdio::json(&report)?;
        } else {
            checked(&report)?;
        }
        return Ok(if report.ok { Verdict::Ok } else { Verdict::No });
    }
    let Some(to) = a.to else {
        return Ok(Verdict::No);
    };
    // Opening the desk migrates an older database before it is copied.
    let mut desk = open_desk(data_dir, a.json)?;
    // A backup copies the data folder's own database: in office mode it is
    // refused (`belum_ada_di_mode_kantor`), before a PIN is asked for.
    desk.conn().map_err(|e| Failure::input(e, a.json))?;
    let by = actor::supervisor_or_fail(&mut desk, supervisor.as_deref(), a.json)?;
    let report = ops::data::backup(desk.dir(), &by, &to, clock::now_ms())
        .map_err(|e| Failure::input(e, a.json))?;
    if a.json {
        stdio::json(&report)?;
    } else {
        written(&report)?;
    }
    Ok(Verdict::Ok)
}

fn written(r: &BackupReport) -> io::Result<()> {
    outln!("Cadangan ditulis dan diperiksa: {}", r.dir)?;
    outln!(
        "  {} permohonan, {} dokumen, {} berkas dokumen ({}), basis data {}",
        r.requests,
        r.documents,
        r.files,
        size(r.file_bytes),
        size(r.database_bytes)
    )?;
    if !r.missing.is_empty() {
        outln!(
            "  Perhatian: {} berkas tidak ada di folder data (tidak ikut dicadangkan):",
            r.missing.len()
        )?;
        for m in &r.missing {
            outln!("    {m}")?;
        }
    }
    if !r.damaged.is_empty() {
        outln!(
            "  Perhatian: {} berkas asli di folder data sudah rusak (isi tidak cocok dengan SHA-256):",
            r.damaged.len()
        )?;
        for d in &r.damaged {
            outln!("    {d}")?;
        }
    }
    Ok(())
}

fn checked(r: &VerifyReport) -> io::Result<()> {
    let when = r.created_at.map(clock::format_wib).unwrap_or_default();
    if r.ok {
        return outln!(
            "Cadangan baik: {} (dibuat {when}; {} permohonan, {} dokumen; {} berkas diperiksa, {})",
            r.dir,
            r.requests.unwrap_or(0),
            r.documents.unwrap_or(0),
            r.files_checked,
            size(r.bytes_checked)
        );
    }
    outln!(
        "Cadangan RUSAK: {} ({} masalah; jangan dipakai untuk memulihkan)",
        r.dir,
        r.problems.len()
    )?;
    for p in &r.problems {
        if p.path.is_empty() {
            outln!("  - {}", p.message)?;
        } else {
            outln!("  - {}: {}", p.path, p.message)?;
        }
    }
    Ok(())
}

/// Restores into a new folder; the restored folder's log records it, under
/// the operator name (the backup's accounts are not known before it is
/// restored).
pub(crate) fn restore(operator: Option<String>, a: RestoreArgs) -> Result<Verdict, Failure> {
    let name = operator
        .filter(|o| !o.trim().is_empty())
        .unwrap_or_else(|| "loket-cli".to_owned());
    let by = loket_core::Actor::cli_operator(&name);
    let report = ops::data::restore(&a.from, &a.to, &by, clock::now_ms())
        .map_err(|e| Failure::input(e, a.json))?;
    if a.json {
        stdio::json(&report)?;
    } else {
        restored(&report)?;
    }
    Ok(Verdict::Ok)
}

fn restored(r: &RestoreReport) -> io::Result<()> {
    outln!(
        "Dipulihkan ke {}: {} permohonan, {} dokumen, {} berkas dokumen ({}), dari cadangan {}",
        r.data_dir,
        r.requests,
        r.documents,
        r.files,
        size(r.bytes),
        clock::format_wib(r.backup_created_at)
    )?;
    outln!("  Jalankan Loket dengan folder data ini (--data-dir atau LOKET_DATA_DIR).")
}
