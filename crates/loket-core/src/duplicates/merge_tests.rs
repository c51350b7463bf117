//! Tests of `merge` (split from `tests.rs`, whose helpers they share).

use super::tests::{close, count, doc, input, new, regs, NIK, NOW, PHONE};
use super::*;
use crate::db::{testing::each_engine, Db};
use crate::error::ErrorCode;
use crate::requests::{detail, move_request};
use crate::search;

#[test]
fn merge_closes_the_duplicate_moves_documents_and_records_both_sides() {
    each_engine(|conn| {
        let first = new(conn, &input("Siti", PHONE, Some(NIK), None), NOW - 5000);
        move_request(
            conn,
            &first.reg_no,
            Status::Verifying,
            None,
            None,
            "Rina",
            NOW - 4000,
        )
        .unwrap();
        let resend = new(conn, &input("Siti", PHONE, Some(NIK), None), NOW - 1000);
        let shared = doc(conn, first.id, 'a');
        let same_bytes = doc(conn, resend.id, 'a');
        let new_photo = doc(conn, resend.id, 'b');

        let target = merge(
            conn,
            &resend.reg_no.to_lowercase(),
            &first.reg_no,
            Some("kirim ulang via WA"),
            "Budi",
            NOW,
        )
        .unwrap();
        assert_eq!(target.reg_no, first.reg_no);
        assert_eq!(
            target.status,
            Status::Verifying,
            "the target carries on as it was"
        );
        assert_eq!(
            target.updated_at,
            NOW - 4000,
            "the target's row is untouched"
        );

        let dup = get_by_reg_no(conn, &resend.reg_no).unwrap();
        assert_eq!(dup.status, Status::Done);
        assert_eq!(dup.outcome, None);
        assert_eq!(dup.updated_at, NOW);

        let owner = |id: i64| -> i64 {
            conn.value(
                "SELECT request_id FROM documents WHERE id = ?1",
                crate::sql_params![id],
            )
            .unwrap()
        };
        assert_eq!(owner(new_photo), first.id, "moved");
        assert_eq!(
            owner(same_bytes),
            resend.id,
            "the target already has these bytes"
        );
        assert_eq!(owner(shared), first.id);
        assert_eq!(count(conn, "SELECT count(*) FROM document_moves"), 1);

        let today = crate::clock::wib_date(NOW);
        let d = detail(conn, &resend.reg_no, today).unwrap();
        let last = d.events.last().unwrap();
        assert_eq!(last.from_status, Some(Status::Received));
        assert_eq!(last.to_status, Status::Done);
        assert_eq!(last.operator, "Budi");
        assert!(last.note.contains(&first.reg_no), "{}", last.note);
        assert!(last.note.contains("1 dokumen"), "{}", last.note);
        let t = detail(conn, &first.reg_no, today).unwrap();
        let last = t.events.last().unwrap();
        assert_eq!(
            (last.from_status, last.to_status),
            (Some(Status::Verifying), Status::Verifying)
        );
        assert!(last.note.contains(&resend.reg_no), "{}", last.note);
        assert!(last.note.contains("kirim ulang via WA"), "{}", last.note);

        // Out of the active queue, and no longer offered as a duplicate.
        let queue = search::list(conn, &Default::default()).unwrap();
        assert!(queue.items.iter().all(|r| r.reg_no != resend.reg_no));
        let found = find(conn, Some(NIK), None, PHONE, NOW, None).unwrap();
        assert_eq!(regs(&found), [&first.reg_no]);
        Ok(())
    })
    .unwrap();
}

#[test]
fn merge_refusals_change_nothing() {
    each_engine(|conn| {
        let a = new(conn, &input("A", PHONE, None, None), NOW);
        let b = new(conn, &input("B", PHONE, None, None), NOW);
        let c = new(conn, &input("C", PHONE, None, None), NOW);
        let closed = new(conn, &input("D", PHONE, None, None), NOW);
        close(conn, &closed.reg_no, NOW);
        doc(conn, a.id, 'c');
        merge(conn, &b.reg_no, &c.reg_no, None, "Rina", NOW).unwrap();

        let snapshot = |conn: Db<'_>| {
            [
                "SELECT count(*) FROM request_events",
                "SELECT count(*) FROM request_merges",
                "SELECT count(*) FROM document_moves",
                "SELECT count(*) FROM requests WHERE status = 'done'",
                "SELECT CAST(sum(request_id) AS BIGINT) FROM documents",
            ]
            .map(|q| count(conn, q))
        };
        let before = snapshot(conn);
        let code = |conn: Db<'_>, dup: &str, into: &str| {
            merge(conn, dup, into, None, "Rina", NOW + 1)
                .err()
                .map(|e| e.code)
        };
        assert_eq!(
            code(conn, &a.reg_no, &a.reg_no),
            Some(ErrorCode::TidakBisaDigabung)
        );
        assert_eq!(
            code(conn, &a.reg_no, "VN-000000-0009"),
            Some(ErrorCode::PermohonanTidakDitemukan)
        );
        assert_eq!(
            code(conn, "VN-000000-0009", &a.reg_no),
            Some(ErrorCode::PermohonanTidakDitemukan)
        );
        assert_eq!(
            code(conn, &closed.reg_no, &a.reg_no),
            Some(ErrorCode::TidakBisaDigabung),
            "a closed duplicate"
        );
        assert_eq!(
            code(conn, &b.reg_no, &a.reg_no),
            Some(ErrorCode::SudahDigabung)
        );
        assert_eq!(
            code(conn, &a.reg_no, &b.reg_no),
            Some(ErrorCode::TidakBisaDigabung),
            "into a request merged away"
        );
        assert_eq!(
            merge(conn, &a.reg_no, &c.reg_no, None, "  ", NOW)
                .err()
                .map(|e| e.code),
            Some(ErrorCode::OperatorBelumDiisi)
        );
        assert_eq!(snapshot(conn), before);

        // Merging into a closed request is allowed (the re-send of a finished case).
        merge(conn, &a.reg_no, &closed.reg_no, None, "Rina", NOW).unwrap();
        Ok(())
    })
    .unwrap();
}

#[test]
fn documents_change_request_only_through_a_recorded_merge() {
    each_engine(|conn| {
        let a = new(conn, &input("A", PHONE, None, None), NOW);
        let b = new(conn, &input("B", PHONE, None, None), NOW);
        let d = doc(conn, a.id, 'd');
        let err = conn.execute(
            "UPDATE documents SET request_id = ?1 WHERE id = ?2",
            crate::sql_params![b.id, d],
        );
        assert!(err.is_err(), "no merge: the trigger refuses");
        let err = conn.execute(
            "UPDATE documents SET sha256 = ?1 WHERE id = ?2",
            crate::sql_params!["e".repeat(64), d],
        );
        assert!(err.is_err(), "the other received facts stay frozen");
        keep_separate(conn, &a.reg_no, &b.reg_no, "beda orang", "Rina", NOW).unwrap();
        merge(conn, &a.reg_no, &b.reg_no, None, "Rina", NOW).unwrap();
        assert_eq!(count(conn, "SELECT count(*) FROM document_moves"), 1);
        for sql in [
            "UPDATE request_merges SET into_id = 1",
            "DELETE FROM request_merges",
            "DELETE FROM request_separations",
            "DELETE FROM document_moves",
        ] {
            assert!(conn.execute(sql, &[]).is_err(), "{sql} is refused");
        }
        Ok(())
    })
    .unwrap();
}
