//! POS KETANMU in the daily recap: the deliveries registered in a range of
//! WIB days, how far they got, and how many of their steps kept the promise.

use super::promise::{self, Promises};
use super::Step;
use crate::db::Db;
use crate::error::Result;
use crate::sla::SlaSettings;
use crate::sql_params;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct DeliveryTotals {
    /// Registered in the range.
    pub registered: u32,
    pub processed: u32,
    pub handed_over: u32,
    pub delivered: u32,
    pub paid: u32,
    pub failed: u32,
    /// Steps taken (registration included) and how many kept their promise.
    pub steps: u32,
    pub steps_in_time: u32,
    /// Open deliveries of the range whose next step is overdue now.
    pub late_now: u32,
    /// COD collected, rupiah.
    pub cod_total: i64,
}

/// Whether a move to `to` at `at` kept the promise of its step, counted from
/// the previous milestone `prev` reached at `since`.
fn in_time(p: &Promises, office: &SlaSettings, prev: Step, since: i64, at: i64) -> bool {
    promise::due(p, office, prev, since).is_none_or(|due| at <= due)
}

pub fn totals<'c>(
    db: impl Into<Db<'c>>,
    start_ms: i64,
    end_ms: i64,
    now_ms: i64,
) -> Result<DeliveryTotals> {
    let db = db.into();
    let office = crate::sla::load_settings(db)?;
    let p = promise::load(db)?;
    let mut t = DeliveryTotals::default();
    // The walk over one delivery's events: the last milestone and when.
    let mut current: Option<(i64, Step, i64)> = None;
    let finish = |t: &mut DeliveryTotals, cur: Option<(i64, Step, i64)>| {
        if let Some((_, step, since)) = cur {
            if promise::due(&p, &office, step, since).is_some_and(|due| now_ms > due) {
                t.late_now += 1;
            }
        }
    };
    let sql = "SELECT d.id, d.requested_at, d.cod_amount, e.at, e.to_step
         FROM deliveries d JOIN delivery_events e ON e.delivery_id = d.id
         WHERE d.requested_at >= ?1 AND d.requested_at < ?2
         ORDER BY d.id, e.id";
    db.for_each(sql, sql_params![start_ms, end_ms], |r| {
        let id: i64 = r.get(0)?;
        let requested_at: i64 = r.get(1)?;
        let cod: Option<i64> = r.get(2)?;
        let at: i64 = r.get(3)?;
        let step = Step::parse(&r.get::<String>(4)?).unwrap_or(Step::Registered);
        match current {
            Some((cur_id, prev, since)) if cur_id == id => {
                t.steps += 1;
                t.steps_in_time += u32::from(in_time(&p, &office, prev, since, at));
            }
            _ => {
                finish(&mut t, current);
                t.registered += 1;
                t.steps += 1;
                let due = promise::registration_due(&p, &office, requested_at);
                t.steps_in_time += u32::from(due.is_none_or(|d| at <= d));
            }
        }
        match step {
            Step::Processed => t.processed += 1,
            Step::HandedOver => t.handed_over += 1,
            Step::Delivered => t.delivered += 1,
            Step::Paid => {
                t.paid += 1;
                t.cod_total += cod.unwrap_or(0);
            }
            Step::Failed => t.failed += 1,
            Step::Registered | Step::Returned => {}
        }
        current = Some((id, step, at));
        Ok(())
    })?;
    finish(&mut t, current);
    Ok(t)
}
