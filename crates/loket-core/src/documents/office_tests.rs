//! Documents on both engines: the row-level work on a bare connection of
//! each, and two office desks (two data folders) on one office database,
//! where a photo added at one desk opens at the other.

use super::rows::{self, Stored};
use super::test_support::{files_under, fixture, NOW};
use super::{DocFormat, DocKind};
use crate::db::testing::{each_engine, postgres, skip_postgres, TestPg, ENV_TEST_URL};
use crate::db::Db;
use crate::error::{ErrorCode, Result};
use crate::model::NewRequest;
use crate::{documents, docview, requests, sql_params, Desk};

fn request(db: Db<'_>, name: &str) -> Result<String> {
    let input = NewRequest {
        name: name.into(),
        phone: "081234567890".into(),
        ..Default::default()
    };
    Ok(requests::create_request(db, &input, "Rina", NOW)?.reg_no)
}

fn stored(sha: char) -> Stored {
    Stored {
        sha256: sha.to_string().repeat(64),
        format: DocFormat::Jpeg,
        width: 1200,
        height: 1600,
        pages: 1,
        bytes: 4321,
    }
}

#[test]
fn rows_add_list_correct_and_remove_on_both_engines() -> Result<()> {
    each_engine(|db| {
        let reg = request(db, "Siti Aminah")?;
        let other = request(db, "Budi Santoso")?;
        assert_eq!(rows::known(db, &stored('a').sha256)?, None);

        let doc = rows::insert(db, &reg, &stored('a'), DocKind::Ktp, "ktp.jpg", "Rina", NOW)?;
        assert_eq!(
            (doc.reg_no.as_str(), doc.kind),
            (reg.as_str(), DocKind::Ktp)
        );
        assert_eq!(
            (doc.width, doc.height, doc.pages, doc.bytes),
            (1200, 1600, 1, 4321)
        );
        let again = rows::insert(
            db,
            &reg,
            &stored('a'),
            DocKind::Kk,
            "lagi.jpg",
            "Budi",
            NOW + 1,
        )?;
        assert_eq!(
            again, doc,
            "the same bytes on the same request are one document"
        );
        let elsewhere = rows::insert(db, &other, &stored('a'), DocKind::Ktp, "k.jpg", "Rina", NOW)?;
        assert_ne!(elsewhere.id, doc.id, "another request gets its own row");
        assert_eq!(rows::known(db, &doc.sha256)?, Some(stored('a')));

        let second = rows::insert(db, &reg, &stored('b'), DocKind::Other, "x.jpg", "Rina", NOW)?;
        let listed = rows::list(db, &reg)?;
        assert_eq!(listed, vec![doc.clone(), second.clone()]);

        let corrected = rows::set_kind(db, second.id, DocKind::Kk, "Budi", NOW + 2)?;
        assert_eq!(corrected.kind, DocKind::Kk);
        let unchanged = rows::set_kind(db, second.id, DocKind::Kk, "Budi", NOW + 3)?;
        assert_eq!(unchanged, corrected);

        let empty = rows::remove(db, doc.id, "  ", "Rina", NOW + 4).unwrap_err();
        assert_eq!(empty.code, ErrorCode::MasukanTidakValid);
        rows::remove(db, doc.id, "foto  buram", "Rina", NOW + 4)?;
        assert_eq!(
            rows::get(db, doc.id).unwrap_err().code,
            ErrorCode::DokumenTidakDitemukan
        );
        assert_eq!(
            rows::remove(db, doc.id, "lagi", "Rina", NOW + 5)
                .unwrap_err()
                .code,
            ErrorCode::DokumenTidakDitemukan,
            "a removal is final"
        );
        assert_eq!(rows::list(db, &reg)?, vec![corrected]);

        let events: Vec<(String, String)> = db.query_all(
            "SELECT action, detail FROM document_events WHERE document_id IN (?1, ?2) ORDER BY id",
            sql_params![doc.id, second.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let actions: Vec<&str> = events.iter().map(|(a, _)| a.as_str()).collect();
        assert_eq!(actions, ["added", "added", "kind_changed", "removed"]);
        assert!(events[3].1.contains("foto buram"), "{:?}", events[3]);

        // Re-added after removal: a new row pointing at the same content.
        let back = rows::insert(
            db,
            &reg,
            &stored('a'),
            DocKind::Ktp,
            "ktp.jpg",
            "Rina",
            NOW + 6,
        )?;
        assert_ne!(back.id, doc.id);
        Ok(())
    })
}

/// The test server's address, with the search path on `pg`'s schema (what
/// a desk given this address opens).
fn office_url(pg: &TestPg) -> Result<String> {
    let base = std::env::var(ENV_TEST_URL).unwrap_or_default();
    let sep = if base.contains('?') { '&' } else { '?' };
    Ok(format!(
        "{base}{sep}options=-c%20search_path%3D{}",
        pg.schema
    ))
}

fn count(pg: &TestPg, sql: &str) -> Result<i64> {
    Db::Postgres(&pg.conn).value(sql, &[])
}

#[test]
fn a_photo_added_at_one_office_desk_opens_at_another() -> Result<()> {
    if skip_postgres() {
        return Ok(());
    }
    let pg = postgres()?;
    let url = office_url(&pg)?;
    let (dir_a, dir_b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut a = Desk::open_office(&url, dir_a.path())?;
    let mut b = Desk::open_office(&url, dir_b.path())?;
    let reg = request(a.db(), "Siti Aminah")?;
    let photo = fixture("WhatsApp Image 2026-11-24 at 10.15.32.jpeg");
    let original = std::fs::read(&photo).unwrap();

    let ktp = Some(DocKind::Ktp);
    let added = documents::add_path(&mut a, &reg, ktp, &photo, "Rina", NOW)?;
    let again = documents::add_path(&mut a, &reg, ktp, &photo, "Rina", NOW + 1)?;
    assert_eq!(again, added, "re-sent: the same document");
    let files = "SELECT count(*) FROM document_files";
    assert_eq!(count(&pg, files)?, 3, "original, display copy, thumbnail");
    assert_eq!(count(&pg, "SELECT count(*) FROM documents")?, 1);
    assert_eq!(
        count(
            &pg,
            "SELECT count(*) FROM document_files WHERE variant = 'original'"
        )?,
        1,
        "the original is stored once"
    );

    // Desk B lists and opens it: its own copies, from the office database.
    let shown = docview::open(&b, &reg, "Budi", NOW + 2)?;
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].doc, added);
    for path in shown[0].display.iter().chain(&shown[0].thumbs) {
        assert!(
            path.starts_with(&dir_b.path().display().to_string()),
            "{path}"
        );
        assert!(std::path::Path::new(path).is_file(), "{path}");
    }
    let display_b = std::fs::read(&shown[0].display[0]).unwrap();
    let display_a = documents::display_file(&a, &added, 1)?;
    assert_eq!(display_b, std::fs::read(display_a).unwrap());
    let fetched = documents::original_file(&b, &added)?;
    assert!(fetched.starts_with(dir_b.path()));
    assert_eq!(std::fs::read(&fetched).unwrap(), original, "byte for byte");
    assert!(
        files_under(&dir_b.path().join("documents").join("tmp")).is_empty(),
        "no temporary file is left"
    );
    assert!(!dir_a.path().join("loket.db").exists() && !dir_b.path().join("loket.db").exists());

    // The same photo added at B to another request: a new document, no new file.
    let other = request(b.db(), "Budi Santoso")?;
    let at_b = documents::add_bytes(&mut b, &other, None, "ktp.jpeg", &original, "Budi", NOW + 3)?;
    assert_ne!(at_b.id, added.id);
    assert_eq!(count(&pg, files)?, 3, "deduplicated across desks");

    // A cached copy is used as it is: B shows it even with the rows gone,
    // a desk without it cannot.
    pg.conn.batch("DELETE FROM document_files")?;
    assert_eq!(
        documents::display_file(&b, &added, 1)?,
        std::path::PathBuf::from(&shown[0].display[0])
    );
    let dir_c = tempfile::tempdir().unwrap();
    let c = Desk::open_office(&url, dir_c.path())?;
    assert_eq!(
        documents::display_file(&c, &added, 1).unwrap_err().code,
        ErrorCode::DokumenTidakDitemukan
    );

    // Kind and removal from B, seen at A.
    documents::set_kind(&mut b, added.id, DocKind::Kk, "Budi", NOW + 4)?;
    assert_eq!(documents::get(&a, added.id)?.kind, DocKind::Kk);
    documents::remove(&mut b, added.id, "salah kirim", "Budi", NOW + 5)?;
    assert!(documents::list(&a, &reg)?.is_empty());
    Ok(())
}

#[test]
fn an_office_desk_stores_what_went_missing_again() -> Result<()> {
    if skip_postgres() {
        return Ok(());
    }
    let pg = postgres()?;
    let url = office_url(&pg)?;
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open_office(&url, dir.path())?;
    let reg = request(desk.db(), "Siti Aminah")?;
    let photo = fixture("WhatsApp Image 2026-11-24 at 10.15.32.jpeg");
    let doc = documents::add_path(&mut desk, &reg, None, &photo, "Rina", NOW)?;
    pg.conn
        .batch("DELETE FROM document_files WHERE variant = 'thumb'")?;
    let again = documents::add_path(&mut desk, &reg, None, &photo, "Rina", NOW + 1)?;
    assert_eq!(again, doc);
    assert_eq!(
        count(&pg, "SELECT count(*) FROM document_files")?,
        3,
        "an incomplete content is stored again"
    );
    Ok(())
}
