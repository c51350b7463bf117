//! Settings a supervisor changes (Settings, F9): the office's details,
//! office hours and the promise, reply templates, the other services'
//! promises, the photo retention period, the idle lock (and the accounts
//! list the same screen shows). Each write and its
//! `pengaturan_diubah`/`templat_diubah` entry are one transaction.

use super::immediate;
use crate::actor::Actor;
use crate::audit::{self, Action};
use crate::delivery::promise::{self, Promises};
use crate::error::Result;
use crate::office::{self, OfficeProfile};
use crate::reply::{self, ReplyTemplate};
use crate::sla::{self, SlaSettings};
use crate::{complaints, retention, Desk};

pub fn save_office(
    desk: &mut Desk,
    by: &Actor,
    profile: &OfficeProfile,
    now_ms: i64,
) -> Result<OfficeProfile> {
    by.require_supervisor("mengubah data kantor")?;
    immediate(desk.conn_mut(), |tx| {
        let saved = office::save(tx, profile)?;
        audit::record_by(
            tx,
            by,
            now_ms,
            Action::PengaturanDiubah,
            None,
            "data kantor",
        )?;
        Ok(saved)
    })
}

pub fn save_sla(desk: &mut Desk, by: &Actor, s: &SlaSettings, now_ms: i64) -> Result<SlaSettings> {
    by.require_supervisor("mengubah jam layanan")?;
    immediate(desk.conn_mut(), |tx| {
        sla::save_settings(tx, s)?;
        audit::record_by(
            tx,
            by,
            now_ms,
            Action::PengaturanDiubah,
            None,
            "jam layanan dan janji waktu",
        )?;
        sla::load_settings(tx)
    })
}

pub fn save_template(
    desk: &mut Desk,
    by: &Actor,
    key: &str,
    text: &str,
    now_ms: i64,
) -> Result<ReplyTemplate> {
    by.require_supervisor("mengubah templat balasan")?;
    immediate(desk.conn_mut(), |tx| {
        let saved = reply::save(tx, key, text)?;
        audit::record_by(tx, by, now_ms, Action::TemplatDiubah, None, key)?;
        Ok(saved)
    })
}

/// POS KETANMU's step promises and the complaint answer time.
pub fn save_services(
    desk: &mut Desk,
    by: &Actor,
    promises: &Promises,
    complaint_minutes: u32,
    now_ms: i64,
) -> Result<()> {
    by.require_supervisor("mengubah janji waktu layanan")?;
    immediate(desk.conn_mut(), |tx| {
        promise::save(tx, promises)?;
        complaints::set_response_minutes(tx, complaint_minutes)?;
        audit::record_by(
            tx,
            by,
            now_ms,
            Action::PengaturanDiubah,
            None,
            "janji POS KETANMU dan pengaduan",
        )
    })
}

/// Days after a request closes until its photos are deleted.
pub fn save_retention_days(desk: &mut Desk, by: &Actor, days: i64, now_ms: i64) -> Result<u32> {
    by.require_supervisor("mengubah masa retensi foto")?;
    immediate(desk.conn_mut(), |tx| {
        let days = retention::set_days(tx, days)?;
        let detail = format!("masa retensi foto {days} hari");
        audit::record_by(tx, by, now_ms, Action::PengaturanDiubah, None, &detail)?;
        Ok(days)
    })
}

/// Every account, disabled ones too (the accounts screen).
pub fn accounts(desk: &Desk, by: &Actor) -> Result<Vec<crate::accounts::Account>> {
    by.require_supervisor("melihat daftar akun")?;
    crate::accounts::list(desk.conn())
}

/// Minutes without input before the screen locks.
pub fn save_idle_minutes(desk: &mut Desk, by: &Actor, minutes: u32, now_ms: i64) -> Result<u32> {
    crate::accounts::idle::set_minutes(desk.conn(), by, minutes, now_ms)
}
