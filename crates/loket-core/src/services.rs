//! The desk's other services at a glance, for the queue: the NIK queue is
//! where operators live, so a late POS KETANMU step or an unanswered
//! complaint must show there, not only on its own screen.

use crate::complaints;
use crate::db::Db;
use crate::delivery::{self, DeliveryQuery};
use crate::error::Result;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct ServicesOverview {
    /// Deliveries not yet paid.
    pub deliveries_open: u32,
    /// Of those, the ones whose next step is overdue.
    pub deliveries_late: u32,
    /// Complaints not closed.
    pub complaints_open: u32,
    /// Not answered yet.
    pub complaints_unanswered: u32,
    /// Not answered and past the promise.
    pub complaints_late: u32,
}

pub fn overview<'c>(db: impl Into<Db<'c>>, now_ms: i64) -> Result<ServicesOverview> {
    let db = db.into();
    let deliveries = delivery::list(db, &DeliveryQuery::default(), now_ms)?;
    let open = complaints::list(db, true, now_ms)?;
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let unanswered: Vec<_> = open.iter().filter(|c| c.answered_at.is_none()).collect();
    Ok(ServicesOverview {
        deliveries_open: count(deliveries.len()),
        deliveries_late: count(deliveries.iter().filter(|d| d.late).count()),
        complaints_open: count(open.len()),
        complaints_unanswered: count(unanswered.len()),
        complaints_late: count(unanswered.iter().filter(|c| c.late).count()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::complaints::{Channel, ComplaintCategory, NewComplaint};
    use crate::db::testing::each_engine;
    use crate::delivery::{DocType, NewDelivery};

    #[test]
    fn counts_what_waits_and_what_is_late() -> Result<()> {
        const T0: i64 = 1_795_579_200_000;
        each_engine(|conn| {
            let d = NewDelivery {
                name: "Siti".into(),
                phone: "081234567890".into(),
                village_code: "3516012001".into(),
                address: "Jl. Raya 1".into(),
                documents: vec![DocType::Kk],
                ..NewDelivery::default()
            };
            delivery::create(conn, &d, "Rina", T0)?;
            let c = NewComplaint {
                name: "Budi".into(),
                phone: String::new(),
                channel: Channel::InPerson,
                about_reg_no: None,
                category: ComplaintCategory::Other,
                text: "Antre lama.".into(),
            };
            complaints::create(conn, &c, "Rina", T0)?;
            let now = overview(conn, T0)?;
            assert_eq!(
                (
                    now.deliveries_open,
                    now.deliveries_late,
                    now.complaints_unanswered,
                    now.complaints_late
                ),
                (1, 0, 1, 0)
            );
            let later = overview(conn, T0 + 3 * 24 * 3_600_000)?;
            assert_eq!(
                (later.deliveries_late, later.complaints_late),
                (1, 1),
                "three days on, both are late"
            );
            Ok(())
        })
    }
}
