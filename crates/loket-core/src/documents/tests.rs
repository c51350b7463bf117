//! The store's behaviour around the files: duplicates, removal as an event,
//! kind corrections, unknown requests, and data folders that cannot be
//! written.

use super::test_support::{count, desk, files_under, fixture, new_request, NOW};
use super::*;
use crate::error::{ErrorCode, LoketError};

const SMALL: &str = "WhatsApp Image 2026-11-24 at 13.02.11.jpeg";

fn originals(desk: &Desk) -> Vec<PathBuf> {
    files_under(&store_dir(desk.dir()).join("originals"))
}

#[test]
fn the_same_bytes_are_stored_once() {
    let (_dir, mut desk, reg) = desk();
    let first = add_path(
        &mut desk,
        &reg,
        Some(DocKind::Kk),
        &fixture(SMALL),
        "Rina",
        NOW,
    )
    .unwrap();
    let again = add_path(&mut desk, &reg, None, &fixture(SMALL), "Budi", NOW + 1).unwrap();
    assert_eq!(
        again, first,
        "a second add to the same request returns the same document"
    );
    assert_eq!(originals(&desk).len(), 1, "one original file");
    assert_eq!(count(&desk, "SELECT count(*) FROM documents"), 1);
    assert_eq!(
        count(&desk, "SELECT count(*) FROM document_events"),
        1,
        "one 'added' event"
    );

    // The same photo pasted into another request: a new row, the same files.
    let other = new_request(&mut desk, "Budi Santoso");
    let bytes = std::fs::read(fixture(SMALL)).unwrap();
    let pasted = add_bytes(&mut desk, &other, None, "", &bytes, "Rina", NOW + 2).unwrap();
    assert_ne!(pasted.id, first.id);
    assert_eq!(pasted.sha256, first.sha256);
    assert_eq!(pasted.file_name, "tempelan.jpg", "a paste without a name");
    assert_eq!(
        pasted.kind,
        DocKind::Other,
        "no name, a 4:3 photo: no guess"
    );
    assert_eq!(originals(&desk).len(), 1, "still one original file");
    assert_eq!(
        display_path(&desk, &pasted, 1),
        display_path(&desk, &first, 1)
    );
}

#[test]
fn removal_is_an_event_and_keeps_the_file() {
    let (_dir, mut desk, reg) = desk();
    let doc = add_path(&mut desk, &reg, None, &fixture(SMALL), "Rina", NOW).unwrap();
    let err = remove(&mut desk, doc.id, "  ", "Rina", NOW + 1).unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::MasukanTidakValid,
        "a reason is required"
    );

    remove(
        &mut desk,
        doc.id,
        "Foto buram, minta kirim ulang",
        "Budi",
        NOW + 5,
    )
    .unwrap();
    assert!(
        list(&desk, &reg).unwrap().is_empty(),
        "hidden from the list"
    );
    assert!(original_path(&desk, &doc).is_file(), "the original stays");
    assert!(
        display_path(&desk, &doc, 1).is_file(),
        "the display copy stays"
    );
    let (by, reason, at): (String, String, i64) = desk
        .conn()
        .unwrap()
        .query_row(
            "SELECT removed_by, remove_reason, removed_at FROM documents WHERE id = ?1",
            [doc.id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (by.as_str(), reason.as_str(), at),
        ("Budi", "Foto buram, minta kirim ulang", NOW + 5)
    );
    let (action, detail, op): (String, String, String) = desk
        .conn().unwrap()
        .query_row(
            "SELECT action, detail, operator FROM document_events WHERE document_id = ?1 ORDER BY id DESC LIMIT 1",
            [doc.id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((action.as_str(), op.as_str()), ("removed", "Budi"));
    assert!(detail.contains("Foto buram"), "{detail}");

    for e in [
        remove(&mut desk, doc.id, "lagi", "Rina", NOW + 6).unwrap_err(),
        set_kind(&mut desk, doc.id, DocKind::Kk, "Rina", NOW + 6).unwrap_err(),
        get(&desk, doc.id).unwrap_err(),
    ] {
        assert_eq!(
            e.code,
            ErrorCode::DokumenTidakDitemukan,
            "a removed document is gone"
        );
    }
    let back = add_path(&mut desk, &reg, None, &fixture(SMALL), "Rina", NOW + 7).unwrap();
    assert_ne!(back.id, doc.id, "re-adding after removal is a new document");
    assert_eq!(originals(&desk).len(), 1);
}

#[test]
fn events_and_rows_cannot_be_rewritten() {
    let (_dir, mut desk, reg) = desk();
    let doc = add_path(&mut desk, &reg, None, &fixture(SMALL), "Rina", NOW).unwrap();
    remove(&mut desk, doc.id, "salah permohonan", "Rina", NOW + 1).unwrap();
    for sql in [
        "UPDATE document_events SET operator = 'X'",
        "DELETE FROM document_events",
        "DELETE FROM documents",
        "UPDATE documents SET sha256 = 'ab'",
        "UPDATE documents SET removed_at = NULL, removed_by = NULL",
    ] {
        let err = desk.conn().unwrap().execute(sql, []).unwrap_err();
        assert!(
            err.to_string().contains("document"),
            "{sql} is refused by a trigger: {err}"
        );
    }
}

#[test]
fn kind_corrections_are_events() {
    let (_dir, mut desk, reg) = desk();
    let doc = add_path(&mut desk, &reg, None, &fixture("ktp_ibu.webp"), "Rina", NOW).unwrap();
    assert_eq!(doc.kind, DocKind::Ktp, "guessed from the name");
    let same = set_kind(&mut desk, doc.id, DocKind::Ktp, "Rina", NOW + 1).unwrap();
    assert_eq!(same, doc);
    let kk = set_kind(&mut desk, doc.id, DocKind::Kk, "Budi", NOW + 2).unwrap();
    assert_eq!(kk.kind, DocKind::Kk);
    assert_eq!(get(&desk, doc.id).unwrap().kind, DocKind::Kk);
    let actions: Vec<String> = desk
        .conn().unwrap()
        .prepare("SELECT action || ' ' || detail FROM document_events WHERE document_id = ?1 ORDER BY id")
        .unwrap()
        .query_map([doc.id], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(
        actions.len(),
        2,
        "added, then one change (the no-op records nothing): {actions:?}"
    );
    assert!(actions[1].starts_with("kind_changed") && actions[1].contains("\"to\":\"kk\""));
    assert_eq!(DocKind::parse(" KK ").unwrap(), DocKind::Kk);
    assert_eq!(
        DocKind::parse("paspor").unwrap_err().code,
        ErrorCode::JenisDokumenTidakDikenal
    );
}

#[test]
fn an_unknown_request_is_refused_before_any_work() {
    let (dir, mut desk, _reg) = desk();
    let err = add_path(
        &mut desk,
        "VN-000000-9999",
        None,
        &fixture(SMALL),
        "Rina",
        NOW,
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::PermohonanTidakDitemukan);
    assert!(
        files_under(&store_dir(dir.path())).is_empty(),
        "nothing stored"
    );
    assert_eq!(
        list(&desk, "VN-000000-9999").unwrap_err().code,
        ErrorCode::PermohonanTidakDitemukan
    );
    let err = add_path(&mut desk, "VN-000000-9999", None, &fixture(SMALL), " ", NOW).unwrap_err();
    assert_eq!(err.code, ErrorCode::OperatorBelumDiisi);
}

#[test]
fn io_errors_map_to_codes() {
    use std::io::{Error, ErrorKind};
    let code = |k: ErrorKind| LoketError::from_io(&Error::from(k), "x").code;
    assert_eq!(code(ErrorKind::StorageFull), ErrorCode::DiskPenuh);
    assert_eq!(
        code(ErrorKind::PermissionDenied),
        ErrorCode::FolderDataTidakBisaDipakai
    );
    assert_eq!(
        code(ErrorKind::ReadOnlyFilesystem),
        ErrorCode::FolderDataTidakBisaDipakai
    );
    assert_eq!(code(ErrorKind::Other), ErrorCode::GagalMenyimpan);
    #[cfg(target_os = "linux")]
    assert_eq!(
        LoketError::from_io(&Error::from_raw_os_error(28), "x").code,
        ErrorCode::DiskPenuh,
        "ENOSPC"
    );
    #[cfg(target_os = "linux")]
    assert_eq!(
        LoketError::from_io(&Error::from_raw_os_error(122), "x").code,
        ErrorCode::DiskPenuh,
        "EDQUOT"
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_data_folder_gives_a_coded_error() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, mut desk, reg) = desk();
    let store = store_dir(dir.path());
    std::fs::create_dir_all(&store).unwrap();
    std::fs::set_permissions(&store, std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root ignores permissions (CI runs as root): find out by trying to write.
    let permissions_apply = std::fs::write(store.join("probe"), b"x").is_err();
    let result = add_path(&mut desk, &reg, None, &fixture(SMALL), "Rina", NOW);
    std::fs::set_permissions(&store, std::fs::Permissions::from_mode(0o755)).unwrap();
    if permissions_apply {
        let err = result.unwrap_err();
        assert_eq!(
            err.code,
            ErrorCode::FolderDataTidakBisaDipakai,
            "{}",
            err.message
        );
        assert_eq!(count(&desk, "SELECT count(*) FROM documents"), 0);
    }
}

/// The same refusal where even root cannot write: a store folder that is a
/// link to a sysfs folder, where nobody may create folders.
#[cfg(target_os = "linux")]
#[test]
fn a_store_that_refuses_writes_gives_a_coded_error_even_as_root() {
    if !Path::new("/sys/kernel").is_dir() {
        return; // no sysfs here: nothing that refuses root to point at
    }
    let (dir, mut desk, reg) = desk();
    std::os::unix::fs::symlink("/sys/kernel", store_dir(dir.path())).unwrap();
    let err = add_path(&mut desk, &reg, None, &fixture(SMALL), "Rina", NOW).unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::FolderDataTidakBisaDipakai,
        "{}",
        err.message
    );
    assert_eq!(count(&desk, "SELECT count(*) FROM documents"), 0);
}
