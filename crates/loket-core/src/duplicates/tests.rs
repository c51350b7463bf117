//! Tests of `find`, `create_checked` and `keep_separate`; helpers shared with `merge_tests.rs`.

use super::*;
use crate::db::{self, testing::each_engine, Db};
use crate::error::ErrorCode;
use crate::model::{Category, Outcome};
use crate::requests::{create_request, move_request};

pub(super) const NOW: i64 = 1_764_054_000_000; // 2025-11-25 14:00 WIB
pub(super) const DAY: i64 = 86_400_000;
pub(super) const NIK: &str = "3516024512900003";
pub(super) const KK: &str = "3516032003240061";
pub(super) const PHONE: &str = "+6281234567890";

pub(super) fn input(name: &str, phone: &str, nik: Option<&str>, kk: Option<&str>) -> NewRequest {
    NewRequest {
        name: name.into(),
        phone: phone.into(),
        nik: nik.map(Into::into),
        kk: kk.map(Into::into),
        category: Some(Category::Bpjs),
        problem: None,
    }
}

pub(super) fn new(conn: Db<'_>, i: &NewRequest, at: i64) -> Request {
    create_request(conn, i, "Rina", at).unwrap()
}

pub(super) fn regs(list: &[DuplicateMatch]) -> Vec<&str> {
    list.iter().map(|m| m.reg_no.as_str()).collect()
}

pub(super) fn count(conn: Db<'_>, sql: &str) -> i64 {
    conn.value(sql, &[]).unwrap()
}

/// A document row straight in the table (merging moves rows; no files needed).
pub(super) fn doc(conn: Db<'_>, request_id: i64, sha_byte: char) -> i64 {
    conn.value(
        "INSERT INTO documents (request_id, kind, sha256, format, width, height, bytes, added_at, operator)
         VALUES (?1, 'ktp', ?2, 'jpeg', 800, 600, 1234, ?3, 'Rina') RETURNING id",
        crate::sql_params![request_id, sha_byte.to_string().repeat(64), NOW],
    )
    .unwrap()
}

pub(super) fn close(conn: Db<'_>, reg: &str, at: i64) {
    move_request(conn, reg, Status::Verifying, None, None, "Rina", at).unwrap();
    move_request(
        conn,
        reg,
        Status::Done,
        Some(Outcome::Updated),
        None,
        "Rina",
        at,
    )
    .unwrap();
}

#[test]
fn matches_on_each_number_and_lists_which() {
    each_engine(|conn| {
        let by_nik = new(
            conn,
            &input("Siti", "081111111111", Some(NIK), None),
            NOW - 3000,
        );
        let by_kk = new(
            conn,
            &input("Budi", "082222222222", None, Some(KK)),
            NOW - 2000,
        );
        let by_phone = new(
            conn,
            &input("Ani", "0812-3456-7890", None, None),
            NOW - 1000,
        );
        let _other = new(conn, &input("Lain", "083333333333", None, None), NOW);

        let created = create_checked(
            conn,
            &input("Siti Aminah", "0812 3456 7890", Some(NIK), Some(KK)),
            "Rina",
            NOW,
        )
        .unwrap();
        let d = &created.duplicates;
        assert_eq!(
            regs(d),
            [&by_phone.reg_no, &by_kk.reg_no, &by_nik.reg_no],
            "newest first, the unrelated one and the new request itself left out"
        );
        assert_eq!(d[0].matched_on, ["phone"]);
        assert_eq!(d[1].matched_on, ["kk"]);
        assert_eq!(d[2].matched_on, ["nik"]);
        assert_eq!(d[2].name, "SITI");
        assert_eq!(d[2].status, Status::Received);

        // All three numbers equal: one match listing all of them, in order.
        let again = find(conn, Some(NIK), Some(KK), PHONE, NOW, None).unwrap();
        let full = again
            .iter()
            .find(|m| m.reg_no == created.request.reg_no)
            .unwrap();
        assert_eq!(full.matched_on, ["nik", "kk", "phone"]);
        Ok(())
    })
    .unwrap();
}

#[test]
fn closed_ones_count_for_seven_days_open_ones_always() {
    each_engine(|conn| {
        let old_open = new(conn, &input("A", PHONE, None, None), NOW - 60 * DAY);
        let closed_recent = new(conn, &input("B", PHONE, None, None), NOW - 20 * DAY);
        close(conn, &closed_recent.reg_no, NOW - 6 * DAY);
        let closed_old = new(conn, &input("C", PHONE, None, None), NOW - 20 * DAY);
        close(conn, &closed_old.reg_no, NOW - 8 * DAY);
        let replied_edge = new(conn, &input("D", PHONE, None, None), NOW - 20 * DAY);
        close(conn, &replied_edge.reg_no, NOW - 7 * DAY);
        move_request(
            conn,
            &replied_edge.reg_no,
            Status::Replied,
            None,
            None,
            "Rina",
            NOW - 7 * DAY,
        )
        .unwrap();

        let found = find(conn, None, None, PHONE, NOW, None).unwrap();
        let got = regs(&found);
        assert!(got.contains(&old_open.reg_no.as_str()), "open: always");
        assert!(
            got.contains(&closed_recent.reg_no.as_str()),
            "closed 6 days ago"
        );
        assert!(
            got.contains(&replied_edge.reg_no.as_str()),
            "exactly 7 days ago is inside"
        );
        assert!(
            !got.contains(&closed_old.reg_no.as_str()),
            "closed 8 days ago is history"
        );
        assert_eq!(found.len(), 3);
        Ok(())
    })
    .unwrap();
}

#[test]
fn no_numbers_in_common_no_match_and_blank_keys_are_ignored() {
    each_engine(|conn| {
        new(conn, &input("A", "081111111111", None, None), NOW);
        let found = find(conn, Some(""), Some("  "), "+6289999999999", NOW, None).unwrap();
        assert!(found.is_empty());
        Ok(())
    })
    .unwrap();
}

#[test]
fn at_most_twenty_newest_first() {
    each_engine(|conn| {
        for i in 0..30 {
            new(conn, &input("A", PHONE, None, None), NOW - 1000 + i);
        }
        let found = find(conn, None, None, PHONE, NOW, None).unwrap();
        assert_eq!(found.len(), MAX_MATCHES);
        assert!(found
            .windows(2)
            .all(|w| w[0].received_at >= w[1].received_at));
        Ok(())
    })
    .unwrap();
}

#[test]
fn the_lookups_use_the_indexes() {
    // The plan is SQLite's (INDEXED BY); PostgreSQL's planner picks itself.
    let conn = db::open_in_memory().unwrap();
    for (column, index) in KEYS {
        let plan: Vec<String> = conn
            .prepare(&format!(
                "EXPLAIN QUERY PLAN SELECT r.id FROM requests r INDEXED BY {index}
                 WHERE r.{column} = ?1 ORDER BY r.id DESC LIMIT 5"
            ))
            .unwrap()
            .query_map(["x"], |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let plan = plan.join(" | ");
        assert!(plan.contains(index), "{column}: {plan}");
        assert!(!plan.contains("TEMP B-TREE"), "{column} sorts: {plan}");
    }
    // And find itself prepares with INDEXED BY (a missing index is an error).
    find(&conn, Some(NIK), Some(KK), PHONE, NOW, None).unwrap();
    each_engine(|conn| {
        find(conn, Some(NIK), Some(KK), PHONE, NOW, None)?;
        Ok(())
    })
    .unwrap();
}

#[test]
fn kept_separate_pairs_are_not_flagged_again() {
    each_engine(|conn| {
        let mother = new(conn, &input("Ibu", PHONE, Some(NIK), None), NOW - 1000);
        let child = create_checked(conn, &input("Anak", PHONE, None, None), "Rina", NOW).unwrap();
        assert_eq!(regs(&child.duplicates), [&mother.reg_no]);

        let events_before = count(conn, "SELECT count(*) FROM request_events");
        keep_separate(
            conn,
            &child.request.reg_no,
            &mother.reg_no,
            "  ibu dan anak,  satu nomor WA ",
            "Rina",
            NOW,
        )
        .unwrap();
        assert!(for_request(conn, &child.request.reg_no, NOW)
            .unwrap()
            .is_empty());
        assert!(for_request(conn, &mother.reg_no, NOW).unwrap().is_empty());
        let reason: String = conn
            .value("SELECT reason FROM request_separations", &[])
            .unwrap();
        assert_eq!(reason, "ibu dan anak, satu nomor WA");
        assert_eq!(
            count(conn, "SELECT count(*) FROM request_events"),
            events_before + 2,
            "an event on both"
        );
        // A third request on the same phone is still flagged against both.
        let third = create_checked(conn, &input("X", PHONE, None, None), "Rina", NOW + 1).unwrap();
        assert_eq!(third.duplicates.len(), 2);

        // Again: nothing new.
        keep_separate(
            conn,
            &mother.reg_no,
            &child.request.reg_no,
            "lagi",
            "Rina",
            NOW,
        )
        .unwrap();
        assert_eq!(count(conn, "SELECT count(*) FROM request_separations"), 1);
        assert_eq!(
            count(conn, "SELECT count(*) FROM request_events"),
            events_before + 3,
            "only the third request's creation"
        );
        Ok(())
    })
    .unwrap();
}

#[test]
fn keep_separate_refusals() {
    each_engine(|conn| {
        let a = new(conn, &input("A", PHONE, None, None), NOW);
        let b = new(conn, &input("B", PHONE, None, None), NOW);
        let code = |r: Result<()>| r.err().map(|e| e.code);
        assert_eq!(
            code(keep_separate(conn, &a.reg_no, &b.reg_no, "  ", "Rina", NOW)),
            Some(ErrorCode::MasukanTidakValid)
        );
        assert_eq!(
            code(keep_separate(conn, &a.reg_no, &a.reg_no, "x", "Rina", NOW)),
            Some(ErrorCode::MasukanTidakValid)
        );
        assert_eq!(
            code(keep_separate(
                conn,
                &a.reg_no,
                "VN-000000-0001",
                "x",
                "Rina",
                NOW
            )),
            Some(ErrorCode::PermohonanTidakDitemukan)
        );
        assert_eq!(count(conn, "SELECT count(*) FROM request_separations"), 0);
        Ok(())
    })
    .unwrap();
}

#[test]
fn created_request_json_is_the_request_plus_duplicates() {
    each_engine(|conn| {
        new(conn, &input("A", PHONE, Some(NIK), None), NOW - 1);
        let c = create_checked(conn, &input("B", PHONE, Some(NIK), None), "Rina", NOW).unwrap();
        let v = serde_json::to_value(&c).unwrap();
        assert_eq!(v["reg_no"], c.request.reg_no.as_str());
        assert_eq!(v["status"], "received");
        assert_eq!(
            v["duplicates"][0]["matched_on"],
            serde_json::json!(["nik", "phone"])
        );
        assert!(v.get("request").is_none(), "flattened");
        let decl = CreatedRequest::decl(&ts_rs::Config::new());
        assert!(
            decl.contains("duplicates: Array<DuplicateMatch>") && decl.contains("reg_no: string"),
            "ts-rs inlines the flattened request: {decl}"
        );
        Ok(())
    })
    .unwrap();
}
