//! Retention on real data folders with real fixture photos: exactly the
//! files past their period go, a file shared with a younger request stays,
//! a plan deletes nothing, a second run is a no-op, an interrupted run is
//! finished by the next one, and a re-opened request is not closed.

use super::*;
use crate::documents::{self, DocKind};
use crate::docview;
use crate::duplicates;
use crate::model::Status;
use crate::requests;
use crate::test_desk::*;

fn present(desk: &Desk, doc: &documents::Document) -> usize {
    files_of(desk, doc).iter().filter(|p| p.is_file()).count()
}

#[test]
fn the_period_is_a_setting_with_a_default_and_bounds() {
    let (_dir, desk) = desk();
    assert_eq!(days(desk.conn().unwrap()).unwrap(), 30);
    assert_eq!(set_days(desk.conn().unwrap(), 90).unwrap(), 90);
    assert_eq!(days(desk.conn().unwrap()).unwrap(), 90);
    for bad in [0, -1, 3651, i64::MAX] {
        let err = set_days(desk.conn().unwrap(), bad).unwrap_err();
        assert_eq!(err.code, ErrorCode::MasaRetensiTidakValid, "{bad}");
    }
    assert_eq!(
        days(desk.conn().unwrap()).unwrap(),
        90,
        "a refused value changes nothing"
    );
    assert_eq!(set_days(desk.conn().unwrap(), 1).unwrap(), 1);
    assert_eq!(set_days(desk.conn().unwrap(), 3650).unwrap(), 3650);

    // A damaged stored value is refused, not replaced by a guess.
    settings::set(desk.conn().unwrap(), KEY_RETENTION_DAYS, "tiga puluh").unwrap();
    let err = days(desk.conn().unwrap()).unwrap_err();
    assert_eq!(err.code, ErrorCode::MasaRetensiTidakValid);
    let err = plan(desk.conn().unwrap(), T0).unwrap_err();
    assert_eq!(err.code, ErrorCode::MasaRetensiTidakValid);
}

#[test]
fn exactly_the_files_past_their_period_go_and_a_shared_file_waits() {
    let (_dir, mut desk) = desk();
    // A closes at T0 with a KTP and a KK photo; B closes 20 days later with
    // the same KTP photo (a re-send kept apart) and a WebP; C stays open.
    let a = request(&mut desk, "Ahmad Hariyanto", T0 - DAY);
    let a_ktp = add(&mut desk, &a, KTP, DocKind::Ktp, T0 - DAY);
    let a_kk = add(&mut desk, &a, KK, DocKind::Kk, T0 - DAY);
    close(&mut desk, &a, T0);
    let b = request(&mut desk, "Ahmad Hariyanto", T0 + 19 * DAY);
    let b_ktp = add(&mut desk, &b, KTP, DocKind::Ktp, T0 + 19 * DAY);
    let b_webp = add(&mut desk, &b, WEBP, DocKind::Ktp, T0 + 19 * DAY);
    close(&mut desk, &b, T0 + 20 * DAY);
    let c = request(&mut desk, "Siti Aminah", T0);
    let c_pdf = add(&mut desk, &c, PDF, DocKind::Kk, T0);
    assert_eq!(a_ktp.sha256, b_ktp.sha256);
    let store = documents::store_dir(desk.dir());
    let all_files = files_under(&store);
    assert_eq!(all_files.len(), 4 * 3, "four contents, one page each");

    // One millisecond before A's period ends nothing is due.
    assert!(plan(desk.conn().unwrap(), T0 + 30 * DAY - 1)
        .unwrap()
        .is_empty());

    let now = T0 + 31 * DAY;
    let planned = plan(desk.conn().unwrap(), now).unwrap();
    let ids: Vec<i64> = planned.iter().map(|p| p.document_id).collect();
    assert_eq!(ids, vec![a_ktp.id, a_kk.id], "only A's documents are due");
    assert_eq!(planned[0].reg_no, a);
    assert_eq!(planned[0].closed_at, T0);
    assert_eq!(planned[0].clock_from, T0);
    assert_eq!(planned[0].bytes, a_ktp.bytes);
    assert!(!planned[0].deletes_files, "B still uses the KTP photo");
    assert!(planned[1].deletes_files);
    assert_eq!(
        files_under(&store),
        all_files,
        "a plan (dry run) deletes nothing"
    );
    assert_eq!(count(&desk, "SELECT count(*) FROM document_purges"), 0);

    let kk_bytes: u64 = files_of(&desk, &a_kk)
        .iter()
        .map(|p| std::fs::metadata(p).unwrap().len())
        .sum();
    let report = run(&mut desk, now, "Supervisor").unwrap();
    assert_eq!(report.days, 30);
    assert_eq!(report.purged, planned);
    assert_eq!(report.contents_deleted, 1);
    assert_eq!(
        report.files_deleted, 3,
        "the KK original, display copy and thumbnail"
    );
    assert_eq!(report.bytes_freed, kk_bytes, "original plus derived");
    assert!(report.bytes_freed > a_kk.bytes);
    assert_eq!(report.contents_left, 0);
    assert_eq!(present(&desk, &a_kk), 0);
    assert_eq!(present(&desk, &a_ktp), 3, "shared with B: kept");
    assert_eq!(present(&desk, &b_webp), 3);
    assert_eq!(present(&desk, &c_pdf), 3);

    // The record stays; the viewer learns the photo was removed.
    let views = docview::list(&desk, &a).unwrap();
    assert_eq!(views.len(), 2, "the rows stay");
    assert!(views.iter().all(|v| v.purged_at == Some(now)));
    assert!(views
        .iter()
        .all(|v| v.display.is_empty() && v.thumbs.is_empty()));
    assert_eq!(views[1].doc.sha256, a_kk.sha256, "the hash stays");
    let b_views = docview::list(&desk, &b).unwrap();
    assert!(b_views.iter().all(|v| v.purged_at.is_none()));
    assert!(b_views
        .iter()
        .all(|v| v.display.iter().all(|p| std::path::Path::new(p).is_file())));
    assert_eq!(
        docview::view(&desk, documents::get(&desk, a_kk.id).unwrap()).purged_at,
        Some(now)
    );

    // Running again at the same moment is a no-op.
    let again = run(&mut desk, now, "Supervisor").unwrap();
    assert!(again.purged.is_empty());
    assert_eq!((again.contents_deleted, again.files_deleted), (0, 0));

    // B's period ends: the shared KTP photo goes with it; C is open and stays.
    let later = T0 + 51 * DAY;
    let report = run(&mut desk, later, "Supervisor").unwrap();
    let ids: Vec<i64> = report.purged.iter().map(|p| p.document_id).collect();
    assert_eq!(ids, vec![b_ktp.id, b_webp.id]);
    assert_eq!(report.contents_deleted, 2);
    assert_eq!(report.files_deleted, 6);
    assert_eq!(present(&desk, &a_ktp), 0);
    assert_eq!(present(&desk, &b_webp), 0);
    let mut left = files_of(&desk, &c_pdf);
    left.sort();
    assert_eq!(files_under(&store), left, "only C's PDF is left");
    assert_eq!(
        count(&desk, "SELECT count(*) FROM documents"),
        5,
        "every row stays"
    );
    let purges: Vec<(i64, i64, String, i64)> = desk
        .conn()
        .unwrap()
        .prepare("SELECT document_id, purged_at, rule, days FROM document_purges ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(
        purges,
        vec![
            (a_ktp.id, now, "retention".into(), 30),
            (a_kk.id, now, "retention".into(), 30),
            (b_ktp.id, later, "retention".into(), 30),
            (b_webp.id, later, "retention".into(), 30),
        ]
    );
    let err = desk
        .conn()
        .unwrap()
        .execute("DELETE FROM document_purges", [])
        .unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
    // Only a purge row marks a document purged, and only once.
    for (id, at) in [(c_pdf.id, later), (a_kk.id, later + 1)] {
        let err = desk
            .conn()
            .unwrap()
            .execute(
                "UPDATE documents SET purged_at = ?2 WHERE id = ?1",
                rusqlite::params![id, at],
            )
            .unwrap_err();
        assert!(err.to_string().contains("purged_at"), "{err}");
    }
}

#[test]
fn an_interrupted_run_is_finished_by_the_next_one() {
    let (_dir, mut desk) = desk();
    let a = request(&mut desk, "Ahmad Hariyanto", T0);
    let doc = add(&mut desk, &a, KK, DocKind::Kk, T0);
    close(&mut desk, &a, T0);
    let now = T0 + 40 * DAY;
    // The purge rows commit, then the process dies before deleting files.
    let purged = purge::record(desk.conn_mut().unwrap(), 30, now, "Supervisor").unwrap();
    assert_eq!(purged.len(), 1);
    assert_eq!(present(&desk, &doc), 3);
    assert_eq!(purge::waiting(desk.conn().unwrap()).unwrap(), 1);

    let report = run(&mut desk, now + 1, "Supervisor").unwrap();
    assert!(report.purged.is_empty(), "already purged");
    assert_eq!(report.contents_deleted, 1, "the leftover files go");
    assert_eq!(report.files_deleted, 3);
    assert_eq!(present(&desk, &doc), 0);
    assert_eq!(purge::waiting(desk.conn().unwrap()).unwrap(), 0);
}

#[test]
fn bytes_added_again_after_deletion_are_stored_again_and_purged_on_their_own_clock() {
    let (_dir, mut desk) = desk();
    let a = request(&mut desk, "Ahmad Hariyanto", T0);
    let old = add(&mut desk, &a, KTP, DocKind::Ktp, T0);
    close(&mut desk, &a, T0);
    run(&mut desk, T0 + 31 * DAY, "Supervisor").unwrap();
    assert_eq!(present(&desk, &old), 0);

    // The citizen sends the same photo for a new request.
    let b = request(&mut desk, "Ahmad Hariyanto", T0 + 60 * DAY);
    let new = add(&mut desk, &b, KTP, DocKind::Ktp, T0 + 60 * DAY);
    assert_eq!(new.sha256, old.sha256);
    assert_eq!(present(&desk, &new), 3, "written again");
    let v = docview::list(&desk, &b).unwrap();
    assert_eq!(v[0].purged_at, None);
    assert!(std::path::Path::new(&v[0].display[0]).is_file());
    assert_eq!(
        docview::list(&desk, &a).unwrap()[0].purged_at,
        Some(T0 + 31 * DAY)
    );

    let r = run(&mut desk, T0 + 61 * DAY, "Supervisor").unwrap();
    assert_eq!((r.purged.len(), r.files_deleted), (0, 0), "B is open");
    close(&mut desk, &b, T0 + 62 * DAY);
    let r = run(&mut desk, T0 + 92 * DAY, "Supervisor").unwrap();
    assert_eq!(r.purged.len(), 1);
    assert_eq!(r.files_deleted, 3);
    assert_eq!(present(&desk, &new), 0);
}

#[test]
fn a_reopened_request_is_not_closed_and_its_clock_restarts_at_the_next_close() {
    let (_dir, mut desk) = desk();
    let a = request(&mut desk, "Ahmad Hariyanto", T0);
    let doc = add(&mut desk, &a, KK, DocKind::Kk, T0);
    close(&mut desk, &a, T0);
    // Re-opened (the lifecycle may grow such a move; written as it would be).
    let id = requests::get_by_reg_no(desk.conn().unwrap(), &a)
        .unwrap()
        .id;
    desk.conn()
        .unwrap()
        .execute_batch(&format!(
            "UPDATE requests SET status = 'verifying', outcome = NULL WHERE id = {id};
             INSERT INTO request_events (request_id, at, operator, from_status, to_status, note)
             VALUES ({id}, {}, 'Rina', 'done', 'verifying', 'dibuka lagi');",
            T0 + 5 * DAY
        ))
        .unwrap();
    assert!(plan(desk.conn().unwrap(), T0 + 100 * DAY)
        .unwrap()
        .is_empty());

    requests::move_request(
        desk.conn_mut().unwrap(),
        &a,
        Status::Done,
        Some(crate::model::Outcome::DataMismatch),
        None,
        "Rina",
        T0 + 10 * DAY,
    )
    .unwrap();
    assert!(plan(desk.conn().unwrap(), T0 + 39 * DAY)
        .unwrap()
        .is_empty());
    let due = plan(desk.conn().unwrap(), T0 + 40 * DAY).unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].closed_at, T0 + 10 * DAY);
    // `replied` keeps the request closed; the clock does not restart.
    requests::move_request(
        desk.conn_mut().unwrap(),
        &a,
        Status::Replied,
        None,
        None,
        "Rina",
        T0 + 11 * DAY,
    )
    .unwrap();
    let due = plan(desk.conn().unwrap(), T0 + 40 * DAY).unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].closed_at, T0 + 10 * DAY);
    run(&mut desk, T0 + 40 * DAY, "Supervisor").unwrap();
    assert_eq!(present(&desk, &doc), 0);
}

#[test]
fn a_merged_resend_is_closed_at_its_merge_and_a_late_document_has_its_own_clock() {
    let (_dir, mut desk) = desk();
    let target = request(&mut desk, "Ahmad Hariyanto", T0);
    let t_ktp = add(&mut desk, &target, KTP, DocKind::Ktp, T0);
    let dup = request(&mut desk, "Ahmad Hariyanto", T0);
    // The re-send holds the same KTP (stays with the duplicate) and a KK (moves).
    let d_ktp = add(&mut desk, &dup, KTP, DocKind::Ktp, T0);
    let d_kk = add(&mut desk, &dup, KK, DocKind::Kk, T0);
    duplicates::merge(
        desk.conn_mut().unwrap(),
        &dup,
        &target,
        None,
        "Rina",
        T0 + DAY,
    )
    .unwrap();

    let due = plan(desk.conn().unwrap(), T0 + 31 * DAY).unwrap();
    let ids: Vec<i64> = due.iter().map(|p| p.document_id).collect();
    assert_eq!(ids, vec![d_ktp.id], "the duplicate closed at its merge");
    assert_eq!(due[0].closed_at, T0 + DAY);
    assert!(!due[0].deletes_files, "the open target uses the same photo");

    // The target closes; a photo added to it afterwards starts its own clock.
    close(&mut desk, &target, T0 + 2 * DAY);
    let late = add(&mut desk, &target, WEBP, DocKind::Other, T0 + 20 * DAY);
    let due = plan(desk.conn().unwrap(), T0 + 33 * DAY).unwrap();
    let ids: Vec<i64> = due.iter().map(|p| p.document_id).collect();
    assert_eq!(ids, vec![d_ktp.id, t_ktp.id, d_kk.id]);
    assert!(due.iter().all(|p| p.deletes_files));
    let late_due = plan(desk.conn().unwrap(), T0 + 50 * DAY).unwrap();
    let l = late_due.iter().find(|p| p.document_id == late.id).unwrap();
    assert_eq!((l.closed_at, l.clock_from), (T0 + 2 * DAY, T0 + 20 * DAY));
}

#[test]
fn a_file_that_cannot_be_deleted_is_retried_by_the_next_run() {
    let (_dir, mut desk) = desk();
    let a = request(&mut desk, "Ahmad Hariyanto", T0);
    let stuck = add(&mut desk, &a, KK, DocKind::Kk, T0);
    let other = add(&mut desk, &a, WEBP, DocKind::Ktp, T0);
    close(&mut desk, &a, T0);
    // The thumbnail's place is taken by a folder (as a file held open by
    // another program on Windows would be): it cannot be deleted.
    let thumb = files_of(&desk, &stuck)[2].clone();
    std::fs::remove_file(&thumb).unwrap();
    std::fs::create_dir(&thumb).unwrap();
    std::fs::write(thumb.join("x"), b"x").unwrap();

    let now = T0 + 31 * DAY;
    let r = run(&mut desk, now, "Supervisor").unwrap();
    assert_eq!(r.purged.len(), 2);
    assert_eq!((r.contents_deleted, r.contents_left), (1, 1));
    assert!(r.error.is_some());
    assert_eq!(present(&desk, &other), 0, "the other content went");
    assert_eq!(purge::waiting(desk.conn().unwrap()).unwrap(), 1);
    let r = run(&mut desk, now, "Supervisor").unwrap();
    assert_eq!((r.contents_deleted, r.contents_left), (0, 1), "still stuck");

    std::fs::remove_dir_all(&thumb).unwrap();
    let r = run(&mut desk, now + DAY, "Supervisor").unwrap();
    assert_eq!((r.contents_deleted, r.contents_left), (1, 0));
    assert!(r.error.is_none());
    assert_eq!(present(&desk, &stuck), 0);
    assert_eq!(purge::waiting(desk.conn().unwrap()).unwrap(), 0);
    assert_eq!(count(&desk, "SELECT count(*) FROM retention_runs"), 3);
    assert_eq!(
        count(&desk, "SELECT count(*) FROM document_file_deletions"),
        2,
        "each content's deletion recorded once"
    );
}
