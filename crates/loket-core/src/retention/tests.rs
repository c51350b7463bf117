//! Retention on real desks with real fixture photos, each test on a data
//! folder and then on an office desk (PostgreSQL, files in
//! `document_files`): exactly the files past their period go, a file shared
//! with a younger request stays, a plan deletes nothing, a second run is a
//! no-op, an interrupted run is finished by the next one, and a re-opened
//! request is not closed.

use super::*;
use crate::db::testing::{postgres, skip_postgres, TestPg, ENV_TEST_URL};
use crate::documents::{self, DocKind};
use crate::docview;
use crate::duplicates;
use crate::model::{Outcome, Status};
use crate::requests;
use crate::sql_params;
use crate::test_desk::*;
use std::path::Path;

/// Runs `test` on a single desk (a data folder), then on an office desk
/// (a fresh schema of the test PostgreSQL, its own local folder).
fn each_desk(mut test: impl FnMut(&mut Desk)) {
    let (_dir, mut desk) = desk();
    eprintln!("desk: folder");
    test(&mut desk);
    if skip_postgres() {
        return;
    }
    let (_pg, _dir, mut desk) = office_desk();
    eprintln!("desk: office");
    test(&mut desk);
}

/// The test server's address with the search path on `pg`'s schema.
fn office_url(pg: &TestPg) -> String {
    let base = std::env::var(ENV_TEST_URL).unwrap_or_default();
    let sep = if base.contains('?') { '&' } else { '?' };
    format!("{base}{sep}options=-c%20search_path%3D{}", pg.schema)
}

fn office_desk() -> (TestPg, tempfile::TempDir, Desk) {
    let pg = postgres().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open_office(&office_url(&pg), dir.path()).unwrap();
    (pg, dir, desk)
}

// The helpers of `test_desk` that work on both kinds of desk.

fn request(desk: &mut Desk, name: &str, at: i64) -> String {
    let input = crate::model::NewRequest {
        name: name.into(),
        phone: "081234567890".into(),
        ..Default::default()
    };
    requests::create_request(desk.db(), &input, "Rina", at)
        .unwrap()
        .reg_no
}

fn close(desk: &mut Desk, reg: &str, at: i64) {
    let db = desk.db();
    requests::move_request(db, reg, Status::Verifying, None, None, "Rina", at).unwrap();
    requests::move_request(
        db,
        reg,
        Status::Done,
        Some(Outcome::Updated),
        None,
        "Rina",
        at,
    )
    .unwrap();
}

fn count(desk: &Desk, sql: &str) -> i64 {
    desk.db().value(sql, &[]).unwrap()
}

/// Every stored file of the desk, sorted: the folder's files, or the
/// office's `document_files` rows (`<sha256>/<variant>/<page>`).
fn stored(desk: &Desk) -> Vec<String> {
    if !desk.is_office() {
        let store = documents::store_dir(desk.dir());
        return files_under(&store)
            .iter()
            .map(|p| p.display().to_string())
            .collect();
    }
    desk.db()
        .query_all(
            "SELECT sha256, variant, page FROM document_files ORDER BY sha256, variant, page",
            &[],
            |r| {
                Ok(format!(
                    "{}/{}/{}",
                    r.get::<String>(0)?,
                    r.get::<String>(1)?,
                    r.get::<i64>(2)?
                ))
            },
        )
        .unwrap()
}

/// What [`stored`] lists for one document's files, sorted.
fn stored_of(desk: &Desk, doc: &documents::Document) -> Vec<String> {
    let mut keys: Vec<String> = if desk.is_office() {
        let mut k = vec![format!("{}/original/0", doc.sha256)];
        for p in 1..=doc.pages {
            k.push(format!("{}/display/{p}", doc.sha256));
            k.push(format!("{}/thumb/{p}", doc.sha256));
        }
        k
    } else {
        files_of(desk, doc)
            .iter()
            .map(|p| p.display().to_string())
            .collect()
    };
    keys.sort();
    keys
}

/// How many of a document's files are stored.
fn present(desk: &Desk, doc: &documents::Document) -> usize {
    let all = stored(desk);
    stored_of(desk, doc)
        .iter()
        .filter(|k| all.contains(k))
        .count()
}

/// The bytes a document's stored files hold.
fn bytes_of(desk: &Desk, doc: &documents::Document) -> u64 {
    if desk.is_office() {
        let n: i64 = desk
            .db()
            .value(
                "SELECT CAST(coalesce(sum(length(bytes)), 0) AS BIGINT) FROM document_files
                 WHERE sha256 = ?1",
                sql_params![&doc.sha256],
            )
            .unwrap();
        return u64::try_from(n).unwrap();
    }
    files_of(desk, doc)
        .iter()
        .map(|p| std::fs::metadata(p).unwrap().len())
        .sum()
}

/// How many of a document's files this desk's folder holds (in office
/// mode: its cached copies).
fn in_folder(desk: &Desk, doc: &documents::Document) -> usize {
    files_of(desk, doc).iter().filter(|p| p.is_file()).count()
}

#[test]
fn the_period_is_a_setting_with_a_default_and_bounds() {
    each_desk(|desk| {
        let db = desk.db();
        assert_eq!(days(db).unwrap(), 30);
        assert_eq!(set_days(db, 90).unwrap(), 90);
        assert_eq!(days(db).unwrap(), 90);
        for bad in [0, -1, 3651, i64::MAX] {
            let err = set_days(db, bad).unwrap_err();
            assert_eq!(err.code, ErrorCode::MasaRetensiTidakValid, "{bad}");
        }
        assert_eq!(days(db).unwrap(), 90, "a refused value changes nothing");
        assert_eq!(set_days(db, 1).unwrap(), 1);
        assert_eq!(set_days(db, 3650).unwrap(), 3650);

        // A damaged stored value is refused, not replaced by a guess.
        settings::set(db, KEY_RETENTION_DAYS, "tiga puluh").unwrap();
        let err = days(db).unwrap_err();
        assert_eq!(err.code, ErrorCode::MasaRetensiTidakValid);
        let err = plan(db, T0).unwrap_err();
        assert_eq!(err.code, ErrorCode::MasaRetensiTidakValid);
    });
}

#[test]
fn exactly_the_files_past_their_period_go_and_a_shared_file_waits() {
    each_desk(|desk| {
        // A closes at T0 with a KTP and a KK photo; B closes 20 days later
        // with the same KTP photo (a re-send kept apart) and a WebP; C stays open.
        let a = request(desk, "Ahmad Hariyanto", T0 - DAY);
        let a_ktp = add(desk, &a, KTP, DocKind::Ktp, T0 - DAY);
        let a_kk = add(desk, &a, KK, DocKind::Kk, T0 - DAY);
        close(desk, &a, T0);
        let b = request(desk, "Ahmad Hariyanto", T0 + 19 * DAY);
        let b_ktp = add(desk, &b, KTP, DocKind::Ktp, T0 + 19 * DAY);
        let b_webp = add(desk, &b, WEBP, DocKind::Ktp, T0 + 19 * DAY);
        close(desk, &b, T0 + 20 * DAY);
        let c = request(desk, "Siti Aminah", T0);
        let c_pdf = add(desk, &c, PDF, DocKind::Kk, T0);
        assert_eq!(a_ktp.sha256, b_ktp.sha256);
        let all_files = stored(desk);
        assert_eq!(all_files.len(), 4 * 3, "four contents, one page each");

        // One millisecond before A's period ends nothing is due.
        assert!(plan(desk.db(), T0 + 30 * DAY - 1).unwrap().is_empty());

        let now = T0 + 31 * DAY;
        let planned = plan(desk.db(), now).unwrap();
        let ids: Vec<i64> = planned.iter().map(|p| p.document_id).collect();
        assert_eq!(ids, vec![a_ktp.id, a_kk.id], "only A's documents are due");
        assert_eq!(planned[0].reg_no, a);
        assert_eq!(planned[0].closed_at, T0);
        assert_eq!(planned[0].clock_from, T0);
        assert_eq!(planned[0].bytes, a_ktp.bytes);
        assert!(!planned[0].deletes_files, "B still uses the KTP photo");
        assert!(planned[1].deletes_files);
        assert_eq!(stored(desk), all_files, "a plan (dry run) deletes nothing");
        assert_eq!(count(desk, "SELECT count(*) FROM document_purges"), 0);

        let kk_bytes = bytes_of(desk, &a_kk);
        let report = run(desk, now, "Supervisor").unwrap();
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
        assert_eq!(present(desk, &a_kk), 0);
        assert_eq!(in_folder(desk, &a_kk), 0, "no copy is left in the folder");
        assert_eq!(present(desk, &a_ktp), 3, "shared with B: kept");
        assert_eq!(present(desk, &b_webp), 3);
        assert_eq!(present(desk, &c_pdf), 3);

        // The record stays; the viewer learns the photo was removed.
        let views = docview::list(desk, &a).unwrap();
        assert_eq!(views.len(), 2, "the rows stay");
        assert!(views.iter().all(|v| v.purged_at == Some(now)));
        assert!(views
            .iter()
            .all(|v| v.display.is_empty() && v.thumbs.is_empty()));
        assert_eq!(views[1].doc.sha256, a_kk.sha256, "the hash stays");
        let b_views = docview::list(desk, &b).unwrap();
        assert!(b_views.iter().all(|v| v.purged_at.is_none()));
        assert!(b_views
            .iter()
            .all(|v| v.display.iter().all(|p| Path::new(p).is_file())));
        assert_eq!(
            docview::view(desk, documents::get(desk, a_kk.id).unwrap()).purged_at,
            Some(now)
        );

        // Running again at the same moment is a no-op.
        let again = run(desk, now, "Supervisor").unwrap();
        assert!(again.purged.is_empty());
        assert_eq!((again.contents_deleted, again.files_deleted), (0, 0));

        // B's period ends: the shared KTP photo goes with it; C is open and stays.
        let later = T0 + 51 * DAY;
        let report = run(desk, later, "Supervisor").unwrap();
        let ids: Vec<i64> = report.purged.iter().map(|p| p.document_id).collect();
        assert_eq!(ids, vec![b_ktp.id, b_webp.id]);
        assert_eq!(report.contents_deleted, 2);
        assert_eq!(report.files_deleted, 6);
        assert_eq!(present(desk, &a_ktp), 0);
        assert_eq!(present(desk, &b_webp), 0);
        assert_eq!(in_folder(desk, &b_webp), 0);
        assert_eq!(
            stored(desk),
            stored_of(desk, &c_pdf),
            "only C's PDF is left"
        );
        assert_eq!(
            count(desk, "SELECT count(*) FROM documents"),
            5,
            "every row stays"
        );
        let purges: Vec<(i64, i64, String, i64)> = desk
            .db()
            .query_all(
                "SELECT document_id, purged_at, rule, days FROM document_purges ORDER BY id",
                &[],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
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
            .db()
            .execute("DELETE FROM document_purges", &[])
            .unwrap_err();
        assert!(err.to_string().contains("append-only"), "{err}");
        // Only a purge row marks a document purged, and only once.
        for (id, at) in [(c_pdf.id, later), (a_kk.id, later + 1)] {
            let err = desk
                .db()
                .execute(
                    "UPDATE documents SET purged_at = ?2 WHERE id = ?1",
                    sql_params![id, at],
                )
                .unwrap_err();
            assert!(err.to_string().contains("purged_at"), "{err}");
        }
    });
}

#[test]
fn an_interrupted_run_is_finished_by_the_next_one() {
    each_desk(|desk| {
        let a = request(desk, "Ahmad Hariyanto", T0);
        let doc = add(desk, &a, KK, DocKind::Kk, T0);
        close(desk, &a, T0);
        let now = T0 + 40 * DAY;
        // The purge rows commit, then the process dies before deleting files.
        let purged = purge::record(desk.db(), 30, now, "Supervisor").unwrap();
        assert_eq!(purged.len(), 1);
        assert_eq!(present(desk, &doc), 3);
        assert_eq!(purge::waiting(desk.db()).unwrap(), 1);

        let report = run(desk, now + 1, "Supervisor").unwrap();
        assert!(report.purged.is_empty(), "already purged");
        assert_eq!(report.contents_deleted, 1, "the leftover files go");
        assert_eq!(report.files_deleted, 3);
        assert_eq!(present(desk, &doc), 0);
        assert_eq!(purge::waiting(desk.db()).unwrap(), 0);
    });
}

#[test]
fn bytes_added_again_after_deletion_are_stored_again_and_purged_on_their_own_clock() {
    each_desk(|desk| {
        let a = request(desk, "Ahmad Hariyanto", T0);
        let old = add(desk, &a, KTP, DocKind::Ktp, T0);
        close(desk, &a, T0);
        run(desk, T0 + 31 * DAY, "Supervisor").unwrap();
        assert_eq!(present(desk, &old), 0);

        // The citizen sends the same photo for a new request.
        let b = request(desk, "Ahmad Hariyanto", T0 + 60 * DAY);
        let new = add(desk, &b, KTP, DocKind::Ktp, T0 + 60 * DAY);
        assert_eq!(new.sha256, old.sha256);
        assert_eq!(present(desk, &new), 3, "written again");
        let v = docview::list(desk, &b).unwrap();
        assert_eq!(v[0].purged_at, None);
        assert!(Path::new(&v[0].display[0]).is_file());
        assert_eq!(
            docview::list(desk, &a).unwrap()[0].purged_at,
            Some(T0 + 31 * DAY)
        );

        let r = run(desk, T0 + 61 * DAY, "Supervisor").unwrap();
        assert_eq!((r.purged.len(), r.files_deleted), (0, 0), "B is open");
        close(desk, &b, T0 + 62 * DAY);
        let r = run(desk, T0 + 92 * DAY, "Supervisor").unwrap();
        assert_eq!(r.purged.len(), 1);
        assert_eq!(r.files_deleted, 3);
        assert_eq!(present(desk, &new), 0);
    });
}

#[test]
fn a_reopened_request_is_not_closed_and_its_clock_restarts_at_the_next_close() {
    each_desk(|desk| {
        let a = request(desk, "Ahmad Hariyanto", T0);
        let doc = add(desk, &a, KK, DocKind::Kk, T0);
        close(desk, &a, T0);
        // Re-opened (the lifecycle may grow such a move; written as it would be).
        let db = desk.db();
        let id = requests::get_by_reg_no(db, &a).unwrap().id;
        db.execute(
            "UPDATE requests SET status = 'verifying', outcome = NULL WHERE id = ?1",
            sql_params![id],
        )
        .unwrap();
        db.execute(
            "INSERT INTO request_events (request_id, at, operator, from_status, to_status, note)
             VALUES (?1, ?2, 'Rina', 'done', 'verifying', 'dibuka lagi')",
            sql_params![id, T0 + 5 * DAY],
        )
        .unwrap();
        assert!(plan(db, T0 + 100 * DAY).unwrap().is_empty());

        requests::move_request(
            db,
            &a,
            Status::Done,
            Some(Outcome::DataMismatch),
            None,
            "Rina",
            T0 + 10 * DAY,
        )
        .unwrap();
        assert!(plan(db, T0 + 39 * DAY).unwrap().is_empty());
        let due = plan(db, T0 + 40 * DAY).unwrap();
        assert_eq!(due.len(), 1);
        assert_eq!(due[0].closed_at, T0 + 10 * DAY);
        // `replied` keeps the request closed; the clock does not restart.
        requests::move_request(db, &a, Status::Replied, None, None, "Rina", T0 + 11 * DAY).unwrap();
        let due = plan(db, T0 + 40 * DAY).unwrap();
        assert_eq!(due.len(), 1);
        assert_eq!(due[0].closed_at, T0 + 10 * DAY);
        run(desk, T0 + 40 * DAY, "Supervisor").unwrap();
        assert_eq!(present(desk, &doc), 0);
    });
}

#[test]
fn a_merged_resend_is_closed_at_its_merge_and_a_late_document_has_its_own_clock() {
    each_desk(|desk| {
        let target = request(desk, "Ahmad Hariyanto", T0);
        let t_ktp = add(desk, &target, KTP, DocKind::Ktp, T0);
        let dup = request(desk, "Ahmad Hariyanto", T0);
        // The re-send holds the same KTP (stays with the duplicate) and a KK (moves).
        let d_ktp = add(desk, &dup, KTP, DocKind::Ktp, T0);
        let d_kk = add(desk, &dup, KK, DocKind::Kk, T0);
        duplicates::merge(desk.db(), &dup, &target, None, "Rina", T0 + DAY).unwrap();

        let due = plan(desk.db(), T0 + 31 * DAY).unwrap();
        let ids: Vec<i64> = due.iter().map(|p| p.document_id).collect();
        assert_eq!(ids, vec![d_ktp.id], "the duplicate closed at its merge");
        assert_eq!(due[0].closed_at, T0 + DAY);
        assert!(!due[0].deletes_files, "the open target uses the same photo");

        // The target closes; a photo added to it afterwards starts its own clock.
        close(desk, &target, T0 + 2 * DAY);
        let late = add(desk, &target, WEBP, DocKind::Other, T0 + 20 * DAY);
        let due = plan(desk.db(), T0 + 33 * DAY).unwrap();
        let ids: Vec<i64> = due.iter().map(|p| p.document_id).collect();
        assert_eq!(ids, vec![d_ktp.id, t_ktp.id, d_kk.id]);
        assert!(due.iter().all(|p| p.deletes_files));
        let late_due = plan(desk.db(), T0 + 50 * DAY).unwrap();
        let l = late_due.iter().find(|p| p.document_id == late.id).unwrap();
        assert_eq!((l.closed_at, l.clock_from), (T0 + 2 * DAY, T0 + 20 * DAY));
    });
}

#[test]
fn a_file_that_cannot_be_deleted_is_retried_by_the_next_run() {
    each_desk(|desk| {
        let a = request(desk, "Ahmad Hariyanto", T0);
        let stuck = add(desk, &a, KK, DocKind::Kk, T0);
        let other = add(desk, &a, WEBP, DocKind::Ktp, T0);
        close(desk, &a, T0);
        // The thumbnail's place in the folder (in office mode: its cached
        // copy) is taken by a folder, as a file held open by another
        // program on Windows would be: it cannot be deleted.
        let thumb = files_of(desk, &stuck)[2].clone();
        std::fs::remove_file(&thumb).unwrap();
        std::fs::create_dir(&thumb).unwrap();
        std::fs::write(thumb.join("x"), b"x").unwrap();

        let now = T0 + 31 * DAY;
        let r = run(desk, now, "Supervisor").unwrap();
        assert_eq!(r.purged.len(), 2);
        assert_eq!((r.contents_deleted, r.contents_left), (1, 1));
        assert!(r.error.is_some());
        assert_eq!(present(desk, &other), 0, "the other content went");
        assert_eq!(purge::waiting(desk.db()).unwrap(), 1);
        let r = run(desk, now, "Supervisor").unwrap();
        assert_eq!((r.contents_deleted, r.contents_left), (0, 1), "still stuck");

        std::fs::remove_dir_all(&thumb).unwrap();
        let r = run(desk, now + DAY, "Supervisor").unwrap();
        assert_eq!((r.contents_deleted, r.contents_left), (1, 0));
        assert!(r.error.is_none());
        assert_eq!(present(desk, &stuck), 0);
        assert_eq!(in_folder(desk, &stuck), 0);
        assert_eq!(purge::waiting(desk.db()).unwrap(), 0);
        assert_eq!(count(desk, "SELECT count(*) FROM retention_runs"), 3);
        assert_eq!(
            count(desk, "SELECT count(*) FROM document_file_deletions"),
            2,
            "each content's deletion recorded once"
        );
    });
}

#[test]
fn an_office_purge_deletes_the_rows_and_cache_of_unused_contents_only() {
    if skip_postgres() {
        return;
    }
    let (pg, _dir_a, mut a_desk) = office_desk();
    let dir_b = tempfile::tempdir().unwrap();
    let b_desk = Desk::open_office(&office_url(&pg), dir_b.path()).unwrap();
    let rows = |sha: &str| -> i64 {
        crate::db::Db::Postgres(&pg.conn)
            .value(
                "SELECT count(*) FROM document_files WHERE sha256 = ?1",
                sql_params![sha],
            )
            .unwrap()
    };
    // A closes with a KTP and a KK photo; B, still open, has the same KTP.
    let a = request(&mut a_desk, "Ahmad Hariyanto", T0);
    let ktp = add(&mut a_desk, &a, KTP, DocKind::Ktp, T0);
    let kk = add(&mut a_desk, &a, KK, DocKind::Kk, T0);
    close(&mut a_desk, &a, T0);
    let b = request(&mut a_desk, "Ahmad Hariyanto", T0 + DAY);
    let b_ktp = add(&mut a_desk, &b, KTP, DocKind::Ktp, T0 + DAY);
    assert_eq!((rows(&ktp.sha256), rows(&kk.sha256)), (3, 3));
    assert!(
        in_folder(&a_desk, &kk) > 0,
        "the adding desk caches what it shows"
    );
    // Desk B looks at the KK too: its cache holds a copy.
    documents::original_file(&b_desk, &kk).unwrap();
    assert!(in_folder(&b_desk, &kk) > 0);

    let report = run(&mut a_desk, T0 + 31 * DAY, "Supervisor").unwrap();
    assert_eq!(report.purged.len(), 2);
    assert_eq!((report.contents_deleted, report.files_deleted), (1, 3));
    assert_eq!(rows(&kk.sha256), 0, "the purged content's rows are gone");
    assert_eq!(in_folder(&a_desk, &kk), 0, "and the desk's cached copies");
    assert_eq!(rows(&ktp.sha256), 3, "B still uses the KTP: its rows stay");
    let deletions: Vec<(String, i64)> = crate::db::Db::Postgres(&pg.conn)
        .query_all(
            "SELECT sha256, files FROM document_file_deletions",
            &[],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(deletions, vec![(kk.sha256.clone(), 3)]);

    // B's copy of the purged KK goes when B next opens, not its KTP; the
    // open after that finds nothing new to drop.
    assert!(in_folder(&b_desk, &kk) > 0, "B has not opened since");
    drop(b_desk);
    let b_desk = Desk::open_office(&office_url(&pg), dir_b.path()).unwrap();
    assert_eq!(
        in_folder(&b_desk, &kk),
        0,
        "the purged photo left B's cache"
    );
    assert_eq!(b_desk.drop_purged_cache().unwrap(), 0);

    // Another desk still opens B's KTP, from the office database.
    let shown = docview::open(&b_desk, &b, "Budi", T0 + 31 * DAY).unwrap();
    assert_eq!(shown[0].doc, b_ktp);
    assert!(shown[0]
        .display
        .iter()
        .all(|p| p.starts_with(&dir_b.path().display().to_string()) && Path::new(p).is_file()));
    assert_eq!(
        std::fs::read(documents::original_file(&b_desk, &b_ktp).unwrap()).unwrap(),
        std::fs::read(fixture(KTP)).unwrap()
    );
}
