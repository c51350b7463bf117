//! A real single-desk folder (requests, moves, a photo, an account, a
//! setting, a verification, a delivery and a complaint) imported into a
//! fresh office schema of the test server.

use super::*;
use crate::complaints::{self, Channel, ComplaintCategory, NewComplaint};
use crate::db::testing::{postgres, skip_postgres, TestPg, ENV_TEST_URL};
use crate::delivery::{self, DocType, NewDelivery};
use crate::documents::DocKind;
use crate::model::NewRequest;
use crate::test_desk::{self, add, close, fixture, request, KTP, T0};
use crate::verify::VerificationForm;
use crate::{accounts, requests, settings, verify};

/// The test server's address with the search path on `pg`'s schema.
fn office_url(pg: &TestPg) -> String {
    let base = std::env::var(ENV_TEST_URL).unwrap_or_default();
    let sep = if base.contains('?') { '&' } else { '?' };
    format!("{base}{sep}options=-c%20search_path%3D{}", pg.schema)
}

fn count(db: Db<'_>, table: &str) -> Result<i64> {
    db.value(&format!("SELECT count(*) FROM {table}"), &[])
}

type Entry = (
    i64,
    i64,
    String,
    String,
    Option<i64>,
    String,
    String,
    String,
    String,
);

fn entries(db: Db<'_>) -> Result<Vec<Entry>> {
    db.query_all(
        "SELECT id, at, operator, action, request_id, detail, prev_hash, hash, origin
         FROM access_log ORDER BY id",
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
}

fn imported_from(pg: &TestPg) -> Result<Option<String>> {
    pg.conn.db().query_opt(
        "SELECT value FROM loket_meta WHERE key = ?1",
        sql_params![META_IMPORTED_FROM],
        |r| r.get(0),
    )
}

/// A folder with a bit of everything; the photo's document.
fn busy_folder(folder: &mut Desk) -> Result<(String, String, documents::Document)> {
    let first = request(folder, "Siti Aminah", T0);
    let second = request(folder, "Budi Santoso", T0 + 60_000);
    close(folder, &first, T0 + 120_000);
    let doc = add(folder, &first, KTP, DocKind::Ktp, T0 + 180_000);
    accounts::create_first(folder.db(), "Sari", "kopi-tubruk", T0 + 200_000)?;
    settings::set(folder.db(), settings::KEY_OPERATOR, "Rina")?;
    verify::store::save(
        folder.db(),
        &second,
        &VerificationForm::default(),
        "Rina",
        T0 + 240_000,
    )?;
    delivery::create(
        folder.db(),
        &NewDelivery {
            name: "Siti Aminah".into(),
            phone: "081234567890".into(),
            village_code: "3516012001".into(),
            address: "Jl. Raya 12, RT 01/RW 02".into(),
            documents: vec![DocType::Kk],
            note: String::new(),
            requested_at: Some(T0),
        },
        "Rina",
        T0 + 300_000,
    )?;
    complaints::create(
        folder.db(),
        &NewComplaint {
            name: "Budi Santoso".into(),
            phone: "081234567891".into(),
            channel: Channel::Whatsapp,
            about_reg_no: Some(first.clone()),
            category: ComplaintCategory::Slow,
            text: "Sudah dua hari NIK belum aktif.".into(),
        },
        "Rina",
        T0 + 360_000,
    )?;
    Ok((first, second, doc))
}

#[test]
fn every_table_of_a_folder_is_copied() -> Result<()> {
    let (_dir, folder) = test_desk::desk();
    let names: Vec<String> = folder.db().query_all(
        "SELECT name FROM sqlite_master WHERE type = 'table'
         AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'requests_fts%' ORDER BY name",
        &[],
        |r| r.get(0),
    )?;
    let mut copied: Vec<String> = tables().into_iter().map(str::to_owned).collect();
    copied.sort();
    assert_eq!(names, copied);
    Ok(())
}

#[test]
fn a_folder_moves_in_whole_verifiable_and_numbered_once() -> Result<()> {
    if skip_postgres() {
        return Ok(());
    }
    let (dir, mut folder) = test_desk::desk();
    let (first, second, doc) = busy_folder(&mut folder)?;
    let src = folder.db();
    let folder_entries = entries(src)?;
    assert!(audit::verify(src)?.intact);

    let pg = postgres()?;
    let office = pg.conn.db();
    let report = import_folder(&dir.path().join("data"), &pg.conn, "Sari")?;
    assert_eq!(report.requests, 2);
    assert_eq!(
        (report.files, report.files_missing),
        (3, 0),
        "original, display copy, thumbnail"
    );
    let last = folder_entries.last().map(|e| (e.0, e.7.clone()));
    assert_eq!(Some((report.head_id, report.head_hash.clone())), last);

    // Table by table, the same rows; the log has the import's entry more.
    for t in tables() {
        let (here, there) = (count(src, t)?, count(office, t)?);
        let expected = if t == "access_log" { here + 1 } else { here };
        assert_eq!(there, expected, "{t}");
        if !t.starts_with("document_") && !t.starts_with("request_") && t != "retention_runs" {
            assert!(here > 0, "{t} is exercised");
        }
        let row = report.tables.iter().find(|c| c.table == t).map(|c| c.rows);
        assert_eq!(row, Some(here), "{t}");
    }

    // One chain: the folder's entries verbatim, then the import.
    let chain = audit::verify(office)?;
    assert!(chain.intact, "{:?}", chain.first_broken);
    let office_entries = entries(office)?;
    assert_eq!(office_entries.len(), folder_entries.len() + 1);
    assert_eq!(office_entries[..folder_entries.len()], folder_entries[..]);
    let import = &office_entries[folder_entries.len()];
    assert_eq!(
        (import.2.as_str(), import.3.as_str()),
        ("Sari", "data_diimpor")
    );
    assert!(import.5.contains("2 permohonan"), "{}", import.5);
    assert_eq!(audit::label(&import.3), "Data meja diimpor ke kantor");
    assert_eq!(imported_from(&pg)?, Some(report.from.clone()));

    // Numbering continues: the day's next number, ids after the folder's.
    let next = requests::create_request(
        office,
        &NewRequest {
            name: "Dewi Lestari".into(),
            phone: "081234567892".into(),
            ..Default::default()
        },
        "Rina",
        T0 + 400_000,
    )?;
    let stem = second.get(..second.len() - 4).unwrap_or_default();
    assert_eq!(
        next.reg_no,
        format!("{stem}0003"),
        "after {first}, {second}"
    );
    assert!(audit::verify(office)?.intact);
    // The imported names are searchable (the copy went around the trigger).
    let found = crate::search::list(
        office,
        &crate::model::ListQuery {
            search: Some("siti am".into()),
            view: crate::model::QueueView::All,
            ..Default::default()
        },
    )?;
    assert_eq!(
        found
            .items
            .iter()
            .map(|r| r.reg_no.as_str())
            .collect::<Vec<_>>(),
        [first.as_str()]
    );
    assert_eq!(
        accounts::login(office, "Sari", "kopi-tubruk", T0 + 500_000)?.name,
        "Sari"
    );

    // The photo opens at an office desk, byte for byte.
    let cache = tempfile::tempdir().unwrap();
    let desk = Desk::open_office(&office_url(&pg), cache.path())?;
    assert_eq!(documents::get(&desk, doc.id)?, doc);
    let original = documents::original_file(&desk, &doc)?;
    assert!(original.starts_with(cache.path()));
    assert_eq!(
        std::fs::read(original).unwrap(),
        std::fs::read(fixture(KTP)).unwrap()
    );
    let display = documents::display_file(&desk, &doc, 1)?;
    assert_eq!(
        std::fs::read(display).unwrap(),
        std::fs::read(documents::display_path(&folder, &doc, 1)).unwrap()
    );

    // Twice: refused, nothing changed.
    let before = (entries(office)?, count(office, "requests")?);
    let again = import_folder(&dir.path().join("data"), &pg.conn, "Sari").unwrap_err();
    assert_eq!(again.code, ErrorCode::KantorSudahBerisiData);
    assert!(again.message.contains(&report.from), "{}", again.message);
    assert_eq!((entries(office)?, count(office, "requests")?), before);
    assert!(audit::verify(office)?.intact);
    Ok(())
}

#[test]
fn a_folder_whose_chain_is_broken_is_refused_before_anything_is_written() -> Result<()> {
    if skip_postgres() {
        return Ok(());
    }
    let (dir, mut folder) = test_desk::desk();
    request(&mut folder, "Siti Aminah", T0);
    let conn = folder.conn()?;
    conn.execute_batch(
        "DROP TRIGGER access_log_append_only_update;
         UPDATE access_log SET operator = 'Orang Lain' WHERE id = 2;",
    )?;
    let pg = postgres()?;
    let before = entries(pg.conn.db())?;
    let err = import_folder(&dir.path().join("data"), &pg.conn, "Sari").unwrap_err();
    assert_eq!(err.code, ErrorCode::LogAksesRusak);
    assert_eq!(entries(pg.conn.db())?, before);
    assert_eq!(count(pg.conn.db(), "requests")?, 0);
    assert_eq!(imported_from(&pg)?, None);
    Ok(())
}

#[test]
fn an_office_with_data_of_its_own_or_no_folder_is_refused() -> Result<()> {
    if skip_postgres() {
        return Ok(());
    }
    let (dir, mut folder) = test_desk::desk();
    request(&mut folder, "Siti Aminah", T0);
    let pg = postgres()?;
    accounts::create_first(pg.conn.db(), "Sari", "kopi-tubruk", T0)?;
    let before = entries(pg.conn.db())?;
    let err = import_folder(&dir.path().join("data"), &pg.conn, "Sari").unwrap_err();
    assert_eq!(err.code, ErrorCode::KantorSudahBerisiData);
    assert!(err.message.contains("1 akun"), "{}", err.message);
    assert_eq!(entries(pg.conn.db())?, before);
    assert_eq!(count(pg.conn.db(), "requests")?, 0);

    let empty = tempfile::tempdir().unwrap();
    let err = import_folder(&empty.path().join("data"), &pg.conn, "Sari").unwrap_err();
    assert_eq!(err.code, ErrorCode::FolderDataTidakBisaDipakai);
    assert!(!empty.path().join("data").exists(), "nothing made there");
    Ok(())
}
