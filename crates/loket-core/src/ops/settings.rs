//! Settings a supervisor changes (Settings, F9): the office's details,
//! office hours and the promise, reply templates, the other services'
//! promises, the photo retention period, the idle lock (and the accounts
//! list the same screen shows). Each write and its
//! `pengaturan_diubah`/`templat_diubah` entry are one transaction.

use super::supervised_change;
use crate::actor::Actor;
use crate::audit::Action;
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
    supervised_change(desk, by, "mengubah data kantor", now_ms, |tx| {
        let saved = office::save(tx, profile)?;
        Ok((saved, Action::PengaturanDiubah, "data kantor".to_owned()))
    })
}

pub fn save_sla(desk: &mut Desk, by: &Actor, s: &SlaSettings, now_ms: i64) -> Result<SlaSettings> {
    supervised_change(desk, by, "mengubah jam layanan", now_ms, |tx| {
        sla::save_settings(tx, s)?;
        let detail = "jam layanan dan janji waktu".to_owned();
        Ok((sla::load_settings(tx)?, Action::PengaturanDiubah, detail))
    })
}

pub fn save_template(
    desk: &mut Desk,
    by: &Actor,
    key: &str,
    text: &str,
    now_ms: i64,
) -> Result<ReplyTemplate> {
    supervised_change(desk, by, "mengubah templat balasan", now_ms, |tx| {
        Ok((
            reply::save(tx, key, text)?,
            Action::TemplatDiubah,
            key.to_owned(),
        ))
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
    supervised_change(desk, by, "mengubah janji waktu layanan", now_ms, |tx| {
        promise::save(tx, promises)?;
        complaints::set_response_minutes(tx, complaint_minutes)?;
        let detail = "janji POS KETANMU dan pengaduan".to_owned();
        Ok(((), Action::PengaturanDiubah, detail))
    })
}

/// Days after a request closes until its photos are deleted.
pub fn save_retention_days(desk: &mut Desk, by: &Actor, days: i64, now_ms: i64) -> Result<u32> {
    supervised_change(desk, by, "mengubah masa retensi foto", now_ms, |tx| {
        let days = retention::set_days(tx, days)?;
        let detail = format!("masa retensi foto {days} hari");
        Ok((days, Action::PengaturanDiubah, detail))
    })
}

/// Every account, disabled ones too (the accounts screen).
pub fn accounts(desk: &Desk, by: &Actor) -> Result<Vec<crate::accounts::Account>> {
    by.require_supervisor("melihat daftar akun")?;
    crate::accounts::list(desk.db())
}

/// Minutes without input before the screen locks (1 to 240).
pub fn save_idle_minutes(desk: &mut Desk, by: &Actor, minutes: u32, now_ms: i64) -> Result<u32> {
    supervised_change(desk, by, "mengubah waktu kunci layar", now_ms, |tx| {
        crate::accounts::idle::set_minutes(tx, minutes)?;
        let detail = format!("kunci layar {minutes} menit");
        Ok((minutes, Action::PengaturanDiubah, detail))
    })
}
