//! The time promised for each of POS KETANMU's five steps, from the public
//! service page: registration 7 h, verification and processing 8.5 h,
//! hand-over to the post officer 8.5 h, delivery 1 day, receipt and COD
//! payment 1 day. Hours count office time (the same calendar as the NIK
//! promise: office hours, holidays); days count calendar days, because the
//! post delivers on its own days. A supervisor may change them.

use super::Step;
use crate::db::Db;
use crate::error::{ErrorCode, LoketError, Result};
use crate::sla::{self, SlaSettings};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

const KEY: &str = "pos_promises";
const MINUTE: i64 = 60_000;
const DAY: i64 = 24 * 60 * MINUTE;

/// Minutes of office time (hour steps) or calendar days (day steps).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Promises {
    pub registered_minutes: u32,
    pub processed_minutes: u32,
    pub handed_over_minutes: u32,
    pub delivered_days: u32,
    pub paid_days: u32,
}

impl Default for Promises {
    fn default() -> Self {
        Promises {
            registered_minutes: 7 * 60,
            processed_minutes: 8 * 60 + 30,
            handed_over_minutes: 8 * 60 + 30,
            delivered_days: 1,
            paid_days: 1,
        }
    }
}

pub fn load<'c>(db: impl Into<Db<'c>>) -> Result<Promises> {
    Ok(crate::settings::get(db, KEY)?
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default())
}

/// Saves validated promises (each at least one minute or day, at most 30 days).
pub fn save<'c>(db: impl Into<Db<'c>>, p: &Promises) -> Result<()> {
    let minutes = [
        p.registered_minutes,
        p.processed_minutes,
        p.handed_over_minutes,
    ];
    let days = [p.delivered_days, p.paid_days];
    if minutes.iter().any(|m| !(1..=30 * 24 * 60).contains(m))
        || days.iter().any(|d| !(1..=30).contains(d))
    {
        return Err(LoketError::new(
            ErrorCode::MasukanTidakValid,
            "Janji waktu tiap langkah antara 1 menit dan 30 hari.",
        ));
    }
    let json = serde_json::to_string(p)
        .map_err(|e| LoketError::new(ErrorCode::GagalMenyimpan, e.to_string()))?;
    crate::settings::set(db, KEY, &json)
}

/// When the step that follows `reached` is due, counting from `since` (when
/// `reached` was reached). `None` when nothing more is promised (paid, or a
/// failed delivery waiting for its return).
pub fn due(p: &Promises, office: &SlaSettings, reached: Step, since: i64) -> Option<i64> {
    let office_min = |m: u32| sla::calendar::after_office_ms(office, since, i64::from(m) * MINUTE);
    let days = |d: u32| Some(since.saturating_add(i64::from(d) * DAY));
    match reached {
        Step::Registered => office_min(p.processed_minutes),
        Step::Processed | Step::Returned => office_min(p.handed_over_minutes),
        Step::HandedOver => days(p.delivered_days),
        Step::Delivered => days(p.paid_days),
        Step::Paid | Step::Failed => None,
    }
}

/// When the registration itself was due: `registered_minutes` of office time
/// after the applicant asked online.
pub fn registration_due(p: &Promises, office: &SlaSettings, requested_at: i64) -> Option<i64> {
    sla::calendar::after_office_ms(
        office,
        requested_at,
        i64::from(p.registered_minutes) * MINUTE,
    )
}
