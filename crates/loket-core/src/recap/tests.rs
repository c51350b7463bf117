//! Tests of `daily` on the scenario of `scenario.rs` (on both engines,
//! requests moved through the core's own functions at set times).

use super::scenario::*;
use super::*;
use crate::db::{self, testing::each_engine};

fn row<'a>(r: &'a Recap, reg: &str) -> &'a RecapRow {
    r.rows.iter().find(|x| x.reg_no == reg).unwrap()
}

#[test]
fn a_day_lists_its_requests_with_times_outcomes_and_the_promise() -> Result<()> {
    each_engine(|conn| {
        let g = scenario(conn);
        let r = daily(conn, wed(), wed(), RecapOptions::default(), now()).unwrap();
        let order: Vec<&str> = r.rows.iter().map(|x| x.reg_no.as_str()).collect();
        assert_eq!(
        order,
        [&g.a, &g.f, &g.c, &g.d, &g.e, &g.b, &g.h],
        "Wednesday's requests in the order received; Tuesday 23:55 and Thursday 00:05 WIB left out"
    );

        let a = row(&r, &g.a);
        assert_eq!(a.received_at, nov(25, 9, 0));
        assert_eq!(a.finished_at, Some(nov(25, 9, 20)));
        assert_eq!(a.replied_at, Some(nov(25, 9, 25)));
        assert_eq!(a.status, Status::Replied);
        assert_eq!(a.outcome, Some(Outcome::Updated));
        assert_eq!(a.operator, "Budi", "who recorded the outcome");
        assert_eq!(a.sla_elapsed_ms, 20 * MIN);
        assert_eq!(a.sla_met, Some(true));
        assert_eq!(a.name, "SITI AMINAH");

        let b = row(&r, &g.b);
        assert_eq!(
            b.sla_elapsed_ms,
            25 * MIN,
            "10 minutes before closing and 15 after opening: the night is not counted"
        );
        assert_eq!(b.sla_met, Some(true));
        assert_eq!(b.outcome, Some(Outcome::UpdatedPendingSync));

        let c = row(&r, &g.c);
        assert_eq!(
            c.sla_elapsed_ms,
            35 * MIN,
            "the re-send wait (Wednesday 10:10 to Thursday 09:00) is not counted"
        );
        assert_eq!(c.sla_met, Some(false));
        assert_eq!(c.operator, "Budi");

        let d = row(&r, &g.d);
        assert_eq!(
            (d.status, d.finished_at, d.outcome),
            (Status::Received, None, None)
        );
        assert_eq!(d.operator, "Rina", "open: who registered it");
        assert_eq!(d.sla_met, Some(false), "open but already past the promise");
        let e = row(&r, &g.e);
        assert_eq!(
            (e.status, e.sla_elapsed_ms),
            (Status::WaitingCitizen, 5 * MIN)
        );
        assert_eq!(e.sla_met, None, "paused within the promise: not decided");
        let h = row(&r, &g.h);
        assert_eq!(h.operator, "Siti");
        assert_eq!(
            h.sla_elapsed_ms,
            270 * MIN,
            "counted from Thursday's opening"
        );

        let f = row(&r, &g.f);
        assert_eq!(f.merged_into.as_deref(), Some(g.a.as_str()));
        assert_eq!((f.status, f.outcome, f.sla_met), (Status::Done, None, None));
        assert_eq!(f.finished_at, Some(nov(25, 9, 15)), "closed by the merge");
        Ok(())
    })
}

#[test]
fn totals_count_work_once_and_report_the_promise() -> Result<()> {
    each_engine(|conn| {
        scenario(conn);
        let s = daily(conn, wed(), wed(), RecapOptions::default(), now())
            .unwrap()
            .summary;
        assert_eq!((s.from, s.to, s.generated_at), (wed(), wed(), now()));
        assert_eq!((s.total, s.merged, s.open), (7, 1, 3));
        assert_eq!(s.target_minutes, 30);
        let outcomes: Vec<(Outcome, u32)> =
            s.by_outcome.iter().map(|c| (c.outcome, c.count)).collect();
        assert_eq!(
            outcomes,
            [
                (Outcome::Updated, 1),
                (Outcome::UpdatedPendingSync, 1),
                (Outcome::DuplicateNik, 0),
                (Outcome::NotRecorded, 0),
                (Outcome::DataMismatch, 1),
                (Outcome::ResendNeeded, 0),
            ]
        );
        let cats: Vec<(Category, u32)> = s
            .by_category
            .iter()
            .map(|c| (c.category, c.count))
            .collect();
        assert_eq!(
            cats,
            [
                (Category::Bpjs, 2),
                (Category::Bank, 1),
                (Category::School, 1),
                (Category::Sim, 0),
                (Category::VoterList, 0),
                (Category::Other, 2),
            ],
            "the merged re-send (BPJS) is not counted again"
        );
        let ops: Vec<(&str, u32, u32, u32)> = s
            .by_operator
            .iter()
            .map(|o| (o.operator.as_str(), o.total, o.finished, o.met))
            .collect();
        assert_eq!(
            ops,
            [("Budi", 2, 2, 1), ("Rina", 3, 1, 1), ("Siti", 1, 0, 0)]
        );
        assert_eq!((s.sla.total, s.sla.finished, s.sla.met), (6, 3, 2));
        assert!((s.sla.share_met - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(s.sla.median_ms, Some(25 * MIN), "of 20, 25 and 35 minutes");
        assert_eq!(s.sla.p90_ms, Some(35 * MIN));
        Ok(())
    })
}

#[test]
fn niks_are_masked_unless_full_is_asked() -> Result<()> {
    each_engine(|conn| {
        let g = scenario(conn);
        let masked = daily(conn, wed(), wed(), RecapOptions::default(), now()).unwrap();
        assert!(!masked.summary.full_nik);
        assert_eq!(row(&masked, &g.a).nik.as_deref(), Some("351602******0003"));
        assert_eq!(row(&masked, &g.d).nik, None, "no NIK given");
        let json = serde_json::to_string(&masked).unwrap();
        assert!(!json.contains(NIK), "no full NIK anywhere in the recap");

        let full = daily(conn, wed(), wed(), RecapOptions { full_nik: true }, now()).unwrap();
        assert!(full.summary.full_nik);
        assert_eq!(row(&full, &g.a).nik.as_deref(), Some(NIK));
        Ok(())
    })
}

#[test]
fn the_recap_is_as_of_now() -> Result<()> {
    each_engine(|conn| {
        let g = scenario(conn);
        let r = daily(conn, wed(), wed(), RecapOptions::default(), nov(25, 9, 22)).unwrap();
        let order: Vec<&str> = r.rows.iter().map(|x| x.reg_no.as_str()).collect();
        assert_eq!(order, [&g.a, &g.f], "later requests are not known yet");
        let a = row(&r, &g.a);
        assert_eq!((a.status, a.replied_at), (Status::Done, None));
        assert_eq!(a.finished_at, Some(nov(25, 9, 20)));
        Ok(())
    })
}

#[test]
fn a_range_spans_days_and_an_empty_day_has_zero_totals() -> Result<()> {
    each_engine(|conn| {
        scenario(conn);
        let three = daily(
            conn,
            date(2026, 11, 24),
            date(2026, 11, 26),
            RecapOptions::default(),
            now(),
        )
        .unwrap();
        assert_eq!(three.summary.total, 9);
        let sunday = daily(
            conn,
            date(2026, 11, 29),
            date(2026, 11, 29),
            RecapOptions::default(),
            now(),
        )
        .unwrap();
        assert!(sunday.rows.is_empty());
        let s = &sunday.summary;
        assert_eq!((s.total, s.merged, s.open), (0, 0, 0));
        assert!(s.by_outcome.iter().all(|c| c.count == 0) && s.by_outcome.len() == 6);
        assert!(s.by_operator.is_empty());
        assert_eq!(
            (s.sla.finished, s.sla.share_met, s.sla.median_ms),
            (0, 0.0, None)
        );
        Ok(())
    })
}

#[test]
fn reversed_and_overlong_ranges_are_refused() -> Result<()> {
    each_engine(|conn| {
        let code = |from, to| {
            daily(conn, from, to, RecapOptions::default(), now())
                .unwrap_err()
                .code
        };
        assert_eq!(
            code(date(2026, 11, 25), date(2026, 11, 24)),
            ErrorCode::MasukanTidakValid
        );
        assert_eq!(
            code(date(2025, 1, 1), date(2026, 1, 2)),
            ErrorCode::MasukanTidakValid
        );
        let leap_year = daily(
            conn,
            date(2024, 1, 1),
            date(2024, 12, 31),
            RecapOptions::default(),
            now(),
        );
        assert!(leap_year.is_ok(), "366 days are allowed");
        let msg = daily(
            conn,
            date(2026, 11, 25),
            date(2026, 11, 1),
            RecapOptions::default(),
            now(),
        )
        .unwrap_err()
        .message;
        assert!(
            msg.contains("01-11-2026") && msg.contains("25-11-2026"),
            "{msg}"
        );
        Ok(())
    })
}

#[test]
fn the_query_walks_the_indexes_without_sorting() {
    let conn = db::open_in_memory().unwrap();
    let mut stmt = conn
        .prepare(&format!(
            "EXPLAIN QUERY PLAN {}",
            read::query(Db::Sqlite(&conn))
        ))
        .unwrap();
    let plan: Vec<String> = stmt
        .query_map([0i64, 1], |r| r.get::<_, String>(3))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let plan = plan.join("\n");
    assert!(!plan.contains("TEMP B-TREE"), "no sort step:\n{plan}");
    assert!(plan.contains("requests_received"), "{plan}");
    assert!(plan.contains("request_events_request"), "{plan}");
}
