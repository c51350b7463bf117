//! The supervisor's data care: a checked backup, photo retention (plan and
//! run), and restoring a backup into a new folder. Long work (copying a
//! folder, deleting files) runs outside any transaction; its entry is
//! written when it is done, by the same function the app and the CLI call.

use crate::actor::Actor;
use crate::audit::{self, Action};
use crate::backup::{self, BackupReport, RestoreReport};
use crate::error::Result;
use crate::retention::{self, PurgeItem, RetentionReport};
use crate::{db, Desk};
use std::path::Path;

/// Checks that `by` may back up, before the copy starts (the shell releases
/// the desk while the folder is copied).
pub fn may_back_up(by: &Actor) -> Result<()> {
    by.require_supervisor("membuat cadangan")
}

/// Backs up the data folder `data_dir` into a new dated folder under
/// `dest_parent`, then records `cadangan_dibuat`. Needs no open desk: the
/// copy reads a snapshot, the entry goes through a connection of its own,
/// so other work on the desk goes on meanwhile.
pub fn backup(
    data_dir: &Path,
    by: &Actor,
    dest_parent: &Path,
    now_ms: i64,
) -> Result<BackupReport> {
    may_back_up(by)?;
    let report = backup::create_in(data_dir, dest_parent, now_ms)?;
    let detail = format!(
        "{} ({} permohonan, {} berkas)",
        report.dir, report.requests, report.files
    );
    let conn = db::open(&data_dir.join(db::DB_FILE))?;
    audit::record_by(&conn, by, now_ms, Action::CadanganDibuat, None, &detail)?;
    Ok(report)
}

/// What the next retention run would delete.
pub fn retention_plan(desk: &Desk, by: &Actor, now_ms: i64) -> Result<Vec<PurgeItem>> {
    by.require_supervisor("melihat rencana retensi")?;
    retention::plan(desk.db(), now_ms)
}

/// Runs retention now, with its summary in the access log (each purged
/// document is logged by the schema's trigger). The scheduled runs of the
/// app act as [`Actor::system`].
pub fn retention_run(desk: &mut Desk, by: &Actor, now_ms: i64) -> Result<RetentionReport> {
    by.require_supervisor("menjalankan retensi")?;
    let report = retention::run(desk, now_ms, &by.name)?;
    if !report.purged.is_empty() || report.contents_left > 0 {
        let detail = format!(
            "{} dokumen, {} berkas dihapus, {} tertinggal",
            report.purged.len(),
            report.files_deleted,
            report.contents_left
        );
        audit::record_by(
            desk.db(),
            by,
            now_ms,
            Action::RetensiDijalankan,
            None,
            &detail,
        )?;
    }
    Ok(report)
}

/// Restores the backup in `from` into the new data folder `to` and records
/// `data_dipulihkan` in the restored folder's own log (the folder the office
/// works on from now), naming the backup it came from.
pub fn restore(from: &Path, to: &Path, by: &Actor, now_ms: i64) -> Result<RestoreReport> {
    let report = backup::restore(from, to)?;
    let desk = Desk::open(to)?;
    let detail = format!(
        "dari {} ({} permohonan, {} berkas)",
        from.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        report.requests,
        report.files
    );
    audit::record_by(
        desk.conn()?,
        by,
        now_ms,
        Action::DataDipulihkan,
        None,
        &detail,
    )?;
    Ok(report)
}
