//! Demo data passes the core's own checks and has office-like histories.

use super::*;
use crate::db::testing::each_engine;
use crate::ident;
use crate::recap::{self, RecapOptions};
use crate::sla::{business_ms, SlaSettings};

#[test]
fn seeded_numbers_pass_the_checks() -> Result<()> {
    each_engine(|conn| {
        let now = clock::now_ms();
        seed(conn, 300, 30, now, 7)?;
        let today = clock::wib_date(now);
        let rows = conn.query_all("SELECT nik, kk FROM requests", &[], |r| {
            Ok((r.get::<String>(0)?, r.get::<String>(1)?))
        })?;
        let mut n = 0;
        for (nik, kk) in rows {
            let c = ident::nik::check_nik(&nik, None, None, today);
            assert!(c.valid, "demo NIK {nik} must be valid: {:?}", c.errors);
            let c = ident::kk::check_kk(&kk, today);
            assert!(c.valid, "demo KK {kk} must be valid: {:?}", c.errors);
            n += 1;
        }
        assert_eq!(n, 300, "every seeded request is stored");
        Ok(())
    })
}

fn count(conn: Db<'_>, sql: &str) -> i64 {
    conn.value(sql, &[]).unwrap()
}

#[test]
fn histories_are_ordered_consistent_and_in_office_hours() -> Result<()> {
    each_engine(|conn| {
        // Thursday 26-11-2026 12:00 WIB.
        let now = 1_795_669_200_000;
        seed(conn, 3000, 60, now, 11).unwrap();
        let settings = SlaSettings::default();

        type Line = (
            i64,
            String,
            Option<String>,
            i64,
            i64,
            i64,
            String,
            Option<String>,
            Option<String>,
        );
        let lines: Vec<Line> = conn
            .query_all(
                "SELECT r.id, r.status, r.outcome, r.received_at, r.updated_at,
                    e.at, e.to_status, e.outcome, e.from_status
             FROM requests r JOIN request_events e ON e.request_id = r.id
             ORDER BY r.id, e.id",
                &[],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                        r.get(7)?,
                        r.get(8)?,
                    ))
                },
            )
            .unwrap();
        let mut done_out_of_hours = 0;
        for (i, l) in lines.iter().enumerate() {
            let (id, status, outcome, received, updated, at, to, ev_outcome, from) = l;
            assert!(*at <= now, "no event after now");
            let first = i == 0 || lines[i - 1].0 != *id;
            let last = lines.get(i + 1).is_none_or(|n| n.0 != *id);
            if first {
                assert_eq!((at, to.as_str(), from), (received, "received", &None));
            } else {
                let prev = &lines[i - 1];
                assert!(*at >= prev.5, "events in time order");
                assert_eq!(
                    from.as_deref(),
                    Some(prev.6.as_str()),
                    "from = the previous status"
                );
            }
            if last {
                assert_eq!((status, updated), (to, at), "the row is its last event");
            }
            if to == "done" {
                assert_eq!(outcome, ev_outcome);
                if ev_outcome.is_some() && business_ms(&settings, at - 1000, *at) != 1000 {
                    done_out_of_hours += 1;
                }
            }
        }
        assert_eq!(
            done_out_of_hours, 0,
            "outcomes are recorded in office hours"
        );
        let total = count(conn, "SELECT count(*) FROM requests");
        let paused = count(
        conn,
        "SELECT count(DISTINCT request_id) FROM request_events WHERE to_status = 'waiting_citizen'",
    );
        let replied = count(
            conn,
            "SELECT count(*) FROM requests WHERE status = 'replied'",
        );
        let merged = count(conn, "SELECT count(*) FROM request_merges");
        assert!(
            (total / 20..total / 5).contains(&paused),
            "some re-send pauses: {paused}"
        );
        assert!(replied > total * 7 / 10, "most replied: {replied}");
        assert!(
            (total / 100..total / 25).contains(&merged),
            "about 2% merged: {merged}"
        );
        let merged_ok = count(
            conn,
            "SELECT count(*) FROM request_merges m JOIN requests r ON r.id = m.request_id
         WHERE r.status = 'done' AND r.outcome IS NULL AND m.into_id < m.request_id
           AND m.into_id NOT IN (SELECT request_id FROM request_merges)",
        );
        assert_eq!(merged_ok, merged, "merges look like duplicates::merge's");

        let day = clock::wib_date(now);
        let r = recap::daily(
            conn,
            day - chrono::Days::new(40),
            day,
            RecapOptions::default(),
            now,
        )
        .unwrap();
        let share = r.summary.sla.share_met;
        assert!(
            (0.6..0.95).contains(&share),
            "most within the promise: {share}"
        );
        assert!(r.summary.open > 0, "the latest are still open");
        Ok(())
    })
}
