//! The queue as the operator sees it: each request with its time-promise
//! clock (office hours, paused while waiting on the citizen), and the active
//! view ordered by time left, so the request closest to breaking the
//! 30-minute promise is on top. `loket-cli request list` keeps the plain
//! request list; this is what the app's queue shows.

use crate::db::Db;
use crate::error::Result;
use crate::model::{ListQuery, QueueView, Request};
use crate::requests;
use crate::search;
use crate::sla::{self, SlaClock, SlaState};
use serde::Serialize;
use ts_rs::TS;

/// A request in the queue with its clock.
#[derive(Debug, Clone, Serialize, TS)]
pub struct QueueItem {
    #[serde(flatten)]
    pub request: Request,
    pub sla: SlaClock,
}

/// One page of the queue.
#[derive(Debug, Clone, Serialize, TS)]
pub struct QueuePage {
    pub items: Vec<QueueItem>,
    pub has_more: bool,
}

/// The queue page for `query` with clocks as of `now_ms`.
pub fn page<'c>(db: impl Into<Db<'c>>, query: &ListQuery, now_ms: i64) -> Result<QueuePage> {
    let conn = db.into();
    let settings = sla::load_settings(conn)?;
    let found = search::list(conn, query)?;
    let mut items = found
        .items
        .into_iter()
        .map(|request| {
            let events = requests::events(conn, request.id)?;
            let sla = sla::clock_for(&settings, &events, now_ms);
            Ok(QueueItem { request, sla })
        })
        .collect::<Result<Vec<_>>>()?;
    let plain_active = query.view == QueueView::Active
        && query.status.is_none()
        && query.search.as_deref().is_none_or(|s| s.trim().is_empty());
    if plain_active {
        // Running clocks by time left; paused ones (the citizen's turn) after them.
        items.sort_by_key(|i| (i.sla.state == SlaState::Paused, i.sla.remaining_ms));
    }
    Ok(QueuePage {
        items,
        has_more: found.has_more,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::testing::each_engine;
    use crate::model::{NewRequest, Status};
    use crate::requests::{create_request, move_request};
    use crate::sla::SlaLevel;

    /// Wednesday 2025-11-26 09:00 WIB (02:00 UTC): inside default office hours.
    const THU_0900: i64 = 1_764_122_400_000;
    const MIN: i64 = 60_000;

    fn add(conn: Db<'_>, phone: &str, at: i64) -> Result<String> {
        let input = NewRequest {
            name: "Uji".into(),
            phone: phone.into(),
            ..Default::default()
        };
        Ok(create_request(conn, &input, "Rina", at)?.reg_no)
    }

    #[test]
    fn active_queue_orders_by_time_left_and_paused_last() -> Result<()> {
        each_engine(|conn| {
            let old = add(conn, "081234567890", THU_0900)?;
            let waiting = add(conn, "081234567891", THU_0900 + MIN)?;
            let fresh = add(conn, "081234567892", THU_0900 + 20 * MIN)?;
            move_request(
                conn,
                &waiting,
                Status::WaitingCitizen,
                None,
                None,
                "Rina",
                THU_0900 + 2 * MIN,
            )?;
            let now = THU_0900 + 25 * MIN;
            let page = page(conn, &ListQuery::default(), now)?;
            let order: Vec<&str> = page
                .items
                .iter()
                .map(|i| i.request.reg_no.as_str())
                .collect();
            assert_eq!(
                order,
                vec![old.as_str(), fresh.as_str(), waiting.as_str()],
                "least time left first, paused last"
            );
            let first = &page.items[0].sla;
            assert_eq!(first.elapsed_ms, 25 * MIN, "office time since receipt");
            assert_eq!(first.remaining_ms, 5 * MIN);
            assert_eq!(first.level, SlaLevel::Warning, "amber with 5 minutes left");
            let paused = &page.items[2].sla;
            assert_eq!(paused.state, SlaState::Paused);
            assert_eq!(
                paused.elapsed_ms, MIN,
                "the clock stopped when the re-send was asked"
            );
            Ok(())
        })
    }
}
