//! Backups and restores on real data folders with real fixture photos: a
//! restored folder opens as a desk with the same requests and identical
//! document bytes; a damaged backup and a non-empty target are refused and
//! leave nothing behind; purged photos are not copied.

use super::*;
use crate::documents::{self, DocKind};
use crate::error::ErrorCode;
use crate::model::{ListQuery, QueueView};
use crate::test_desk::*;
use crate::{docview, retention, search, Desk};
use std::path::{Path, PathBuf};

/// A desk with three requests (two closed at T0) and four documents.
fn office() -> (tempfile::TempDir, Desk, Vec<String>) {
    let (dir, mut desk) = desk();
    let a = request(&mut desk, "Ahmad Hariyanto", T0);
    add(&mut desk, &a, KTP, DocKind::Ktp, T0);
    add(&mut desk, &a, KK, DocKind::Kk, T0);
    close(&mut desk, &a, T0);
    let b = request(&mut desk, "Siti Aminah", T0);
    add(&mut desk, &b, PDF, DocKind::Kk, T0);
    add(&mut desk, &b, WEBP, DocKind::Ktp, T0);
    let c = request(&mut desk, "Budi Santoso", T0);
    (dir, desk, vec![a, b, c])
}

fn requests_of(desk: &Desk) -> Vec<(String, String, String)> {
    let q = ListQuery {
        view: QueueView::All,
        limit: Some(1000),
        ..Default::default()
    };
    let mut rows: Vec<_> = search::list(desk.conn().unwrap(), &q)
        .unwrap()
        .items
        .into_iter()
        .map(|r| (r.reg_no, r.name, r.status.to_string()))
        .collect();
    rows.sort();
    rows
}

fn usb(dir: &tempfile::TempDir) -> PathBuf {
    let p = dir.path().join("usb");
    std::fs::create_dir(&p).unwrap();
    p
}

fn relative_files(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    files_under(root)
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p.strip_prefix(root).unwrap().to_path_buf(), bytes)
        })
        .collect()
}

#[test]
fn a_backup_restores_to_the_same_requests_and_identical_documents() {
    let (dir, desk, regs) = office();
    let usb = usb(&dir);
    let report = create(&desk, &usb, T0 + 3_600_000).unwrap();
    assert!(report.name.starts_with(FOLDER_PREFIX));
    assert_eq!(
        report.name, "loket-cadangan-20261118-190640",
        "WIB time of the backup"
    );
    assert_eq!(report.requests, 3);
    assert_eq!(report.documents, 4);
    assert_eq!(
        report.files, 12,
        "four originals, four display copies, four thumbnails"
    );
    assert!(report.missing.is_empty() && report.damaged.is_empty());
    let names: Vec<_> = std::fs::read_dir(&usb)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(
        names,
        vec![report.name.clone()],
        "no temporary folder is left"
    );
    let backup = PathBuf::from(&report.dir);
    assert!(
        !backup.join("loket.db-wal").exists() && !backup.join("loket.db-journal").exists(),
        "the database is one plain file"
    );

    let check = verify(&backup);
    assert!(check.ok, "{:?}", check.problems);
    assert_eq!(check.files_checked, 13, "the documents and the database");
    assert_eq!(check.requests, Some(3));

    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(backup.join(MANIFEST_FILE)).unwrap()).unwrap();
    assert_eq!(manifest["format"], "loket-cadangan");
    assert_eq!(manifest["schema_version"], crate::db::SCHEMA_VERSION);
    assert_eq!(manifest["created_at"], T0 + 3_600_000);
    assert_eq!(manifest["counts"]["files"], 12);
    assert_eq!(
        manifest["database"]["sha256"],
        report.database_sha256.as_str()
    );

    let target = dir.path().join("pulih").join("Loket");
    let restored = restore(&backup, &target).unwrap();
    assert_eq!(
        (restored.requests, restored.documents, restored.files),
        (3, 4, 12)
    );
    assert_eq!(restored.backup_created_at, T0 + 3_600_000);
    let names: Vec<_> = std::fs::read_dir(target.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(
        names,
        vec!["Loket".to_owned()],
        "no temporary folder is left"
    );

    let again = Desk::open(&target).unwrap();
    assert_eq!(requests_of(&again), requests_of(&desk));
    assert_eq!(
        relative_files(&documents::store_dir(again.dir())),
        relative_files(&documents::store_dir(desk.dir())),
        "identical document bytes"
    );
    let views = docview::list(&again, &regs[1]).unwrap();
    assert_eq!(views.len(), 2);
    assert!(views[0].display[0].starts_with(&target.display().to_string()));
    assert!(Path::new(&views[0].display[0]).is_file());
}

#[test]
fn purged_photos_are_not_copied_but_a_shared_one_is() {
    let (dir, mut desk, regs) = office();
    // A later open request holds the same KTP photo as the closed A.
    let d = request(&mut desk, "Ahmad Hariyanto", T0 + 20 * DAY);
    add(&mut desk, &d, KTP, DocKind::Ktp, T0 + 20 * DAY);
    let r = retention::run(&mut desk, T0 + 31 * DAY, "Supervisor").unwrap();
    assert_eq!(r.purged.len(), 2, "A's two photos");
    assert_eq!(r.contents_deleted, 1, "the KK; the KTP is still used by D");

    let usb = usb(&dir);
    let report = create(&desk, &usb, T0 + 31 * DAY).unwrap();
    assert_eq!(
        report.files, 9,
        "KTP (shared), PDF and WebP: three files each"
    );
    assert!(report.missing.is_empty());
    let target = dir.path().join("pulih");
    restore(Path::new(&report.dir), &target).unwrap();
    let again = Desk::open(&target).unwrap();
    let views = docview::list(&again, &regs[0]).unwrap();
    assert!(views.iter().all(|v| v.purged_at == Some(T0 + 31 * DAY)));
    assert!(docview::list(&again, &d).unwrap()[0]
        .display
        .iter()
        .all(|p| Path::new(p).is_file()));
}

fn backup_of(dir: &tempfile::TempDir, desk: &Desk) -> PathBuf {
    let usb = usb(dir);
    PathBuf::from(create(desk, &usb, T0).unwrap().dir)
}

fn refused(backup: &Path, dir: &tempfile::TempDir, kind: ProblemKind) -> String {
    let check = verify(backup);
    assert!(!check.ok);
    assert!(
        check.problems.iter().any(|p| p.kind == kind),
        "{kind:?} expected in {:?}",
        check.problems
    );
    let target = dir.path().join("pulih");
    let err = restore(backup, &target).unwrap_err();
    assert_eq!(err.code, ErrorCode::CadanganRusak, "{}", err.message);
    assert!(!target.exists(), "a refused restore leaves nothing");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    err.message
}

#[test]
fn a_photo_with_one_flipped_byte_is_refused() {
    let (dir, desk, _) = office();
    let backup = backup_of(&dir, &desk);
    let photo = files_under(&backup.join("documents").join("originals"))
        .into_iter()
        .next()
        .unwrap();
    let mut bytes = std::fs::read(&photo).unwrap();
    bytes[1000] ^= 0x01;
    std::fs::write(&photo, bytes).unwrap();
    let message = refused(&backup, &dir, ProblemKind::HashMismatch);
    let name = photo.file_name().unwrap().to_string_lossy().into_owned();
    assert!(message.contains(&name), "names the file: {message}");
}

#[test]
fn a_truncated_database_is_refused() {
    let (dir, desk, _) = office();
    let backup = backup_of(&dir, &desk);
    let db = backup.join("loket.db");
    let len = std::fs::metadata(&db).unwrap().len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&db)
        .unwrap()
        .set_len(len / 2)
        .unwrap();
    let message = refused(&backup, &dir, ProblemKind::SizeMismatch);
    assert!(message.contains("loket.db"), "{message}");
}

#[test]
fn a_backup_without_its_manifest_is_refused() {
    let (dir, desk, _) = office();
    let backup = backup_of(&dir, &desk);
    std::fs::remove_file(backup.join(MANIFEST_FILE)).unwrap();
    let message = refused(&backup, &dir, ProblemKind::ManifestMissing);
    assert!(message.contains("manifest.json"), "{message}");
}

#[test]
fn a_manifest_naming_a_path_outside_the_backup_is_refused() {
    let (dir, desk, _) = office();
    let backup = backup_of(&dir, &desk);
    let path = backup.join(MANIFEST_FILE);
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replacen("\"documents/", "\"documents/../../", 1);
    std::fs::write(&path, text).unwrap();
    refused(&backup, &dir, ProblemKind::ManifestInvalid);
}

#[test]
fn a_backup_of_a_newer_loket_is_refused_as_newer() {
    let (dir, desk, _) = office();
    let backup = backup_of(&dir, &desk);
    let path = backup.join(MANIFEST_FILE);
    let mut m: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    m["schema_version"] = serde_json::json!(crate::db::SCHEMA_VERSION + 1);
    std::fs::write(&path, serde_json::to_vec(&m).unwrap()).unwrap();
    let err = restore(&backup, &dir.path().join("pulih")).unwrap_err();
    assert_eq!(err.code, ErrorCode::BasisDataVersiBaru);
}

#[test]
fn a_restore_never_lands_on_existing_data() {
    let (dir, desk, _) = office();
    let backup = backup_of(&dir, &desk);
    // The live data folder itself.
    let err = restore(&backup, desk.dir()).unwrap_err();
    assert_eq!(err.code, ErrorCode::FolderTujuanTidakKosong);
    // A folder with other files in it.
    let busy = dir.path().join("busy");
    std::fs::create_dir(&busy).unwrap();
    std::fs::write(busy.join("catatan.txt"), b"x").unwrap();
    let err = restore(&backup, &busy).unwrap_err();
    assert_eq!(err.code, ErrorCode::FolderTujuanTidakKosong);
    assert_eq!(std::fs::read_dir(&busy).unwrap().count(), 1);
    // An empty folder is a new data folder.
    let empty = dir.path().join("kosong");
    std::fs::create_dir(&empty).unwrap();
    let r = restore(&backup, &empty).unwrap();
    assert_eq!(r.requests, 3);
    assert!(empty.join("loket.db").is_file());
}

#[test]
fn an_unusable_backup_folder_has_its_own_code() {
    let (dir, desk, _) = office();
    let err = create(&desk, &dir.path().join("no-usb"), T0).unwrap_err();
    assert_eq!(err.code, ErrorCode::FolderCadanganTidakBisaDipakai);
    let file = dir.path().join("a-file");
    std::fs::write(&file, b"x").unwrap();
    let err = create(&desk, &file, T0).unwrap_err();
    assert_eq!(err.code, ErrorCode::FolderCadanganTidakBisaDipakai);
    let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
    assert_eq!(
        files::dest_error(&full, &file).code,
        ErrorCode::DiskPenuh,
        "a full USB drive is a full disk"
    );
}

#[test]
fn two_backups_in_the_same_second_both_stay() {
    let (dir, desk, _) = office();
    let usb = usb(&dir);
    let first = create(&desk, &usb, T0).unwrap();
    let second = create(&desk, &usb, T0).unwrap();
    assert_eq!(second.name, format!("{}-2", first.name));
    assert!(verify(Path::new(&first.dir)).ok && verify(Path::new(&second.dir)).ok);
}

#[test]
fn a_backup_taken_while_another_connection_writes_is_consistent() {
    let (dir, desk, _) = office();
    let data = desk.dir().to_path_buf();
    let usb = usb(&dir);
    let stop = std::sync::atomic::AtomicBool::new(false);
    let reports = std::thread::scope(|s| {
        let writer = s.spawn(|| {
            let mut other = Desk::open(&data).unwrap();
            let mut n = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) || n < 3 {
                request(&mut other, "Penulis Bersamaan", T0 + n);
                n += 1;
            }
            n
        });
        let reports: Vec<_> = (0..3)
            .map(|i| create(&desk, &usb, T0 + i * 1000).unwrap())
            .collect();
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        let written = writer.join().unwrap();
        assert!(written > 0);
        reports
    });
    for (i, r) in reports.iter().enumerate() {
        assert!(verify(Path::new(&r.dir)).ok);
        let target = dir.path().join(format!("pulih-{i}"));
        let restored = restore(Path::new(&r.dir), &target).unwrap();
        assert_eq!(restored.requests, r.requests);
        assert!(r.requests >= 3);
    }
}
