//! Files another program holds open while Loket works with them: a photo
//! shown in a viewer while the operator drags it in, and an exported recap
//! still open in Excel when it is exported again. Windows enforces the share
//! mode the other program chose; Linux has no such locks.

use super::{hold_open, SHARE_READ, SHARE_READ_WRITE};
use crate::documents::{self, DocKind};
use crate::error::ErrorCode;
use crate::fsutil;
use crate::test_desk::{desk, fixture, request, KTP, T0};
use std::fs;

#[test]
fn a_photo_open_in_a_viewer_can_be_added() {
    let (tmp, mut desk) = desk();
    let reg = request(&mut desk, "Siti", T0);
    let photo = tmp.path().join("ktp dari WhatsApp.jpg");
    fs::copy(fixture(KTP), &photo).unwrap();
    let viewer = hold_open(&photo, SHARE_READ);
    let doc = documents::add_path(&mut desk, &reg, Some(DocKind::Ktp), &photo, "Rina", T0).unwrap();
    drop(viewer);
    assert_eq!(doc.file_name, "ktp dari WhatsApp.jpg");
    assert_eq!(documents::list(&desk, &reg).unwrap().len(), 1);
}

/// A program that opened the photo with no sharing at all: Windows refuses
/// even reading it. The operator is told why; nothing is stored.
#[cfg(windows)]
#[test]
fn a_photo_locked_by_another_program_is_refused_with_the_reason() {
    let (tmp, mut desk) = desk();
    let reg = request(&mut desk, "Siti", T0);
    let photo = tmp.path().join("ktp.jpg");
    fs::copy(fixture(KTP), &photo).unwrap();
    let locker = hold_open(&photo, super::SHARE_NONE);
    let err =
        documents::add_path(&mut desk, &reg, Some(DocKind::Ktp), &photo, "Rina", T0).unwrap_err();
    assert_eq!(err.code, ErrorCode::BerkasTidakBisaDibaca);
    assert!(
        err.message.contains("dikunci program lain"),
        "the operator learns another program holds it: {}",
        err.message
    );
    assert!(
        crate::test_desk::files_under(&documents::store_dir(desk.dir())).is_empty(),
        "nothing is stored"
    );
    drop(locker);
    documents::add_path(&mut desk, &reg, Some(DocKind::Ktp), &photo, "Rina", T0).unwrap();
}

/// Excel keeps an open workbook from being replaced. Exporting over it again
/// gets its own code and message, and leaves the open file as it was; once
/// it is closed, the export replaces it.
#[test]
fn an_export_over_a_file_open_in_excel() {
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("rekap-november.xlsx");
    fs::write(&dest, b"old").unwrap();
    let excel = hold_open(&dest, SHARE_READ_WRITE);
    let result = fsutil::write_atomic(&dest, b"new");
    if cfg!(windows) {
        let err = result.unwrap_err();
        assert_eq!(err.code, ErrorCode::BerkasSedangDibuka, "{}", err.message);
        assert!(err.message.contains("Tutup berkas itu"), "{}", err.message);
        assert_eq!(
            fs::read(&dest).unwrap(),
            b"old",
            "the open file is untouched"
        );
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file is left"
        );
        drop(excel);
        fsutil::write_atomic(&dest, b"new").unwrap();
    } else {
        // Unix replaces the name; the open handle keeps the old bytes.
        result.unwrap();
        drop(excel);
    }
    assert_eq!(fs::read(&dest).unwrap(), b"new");
}
