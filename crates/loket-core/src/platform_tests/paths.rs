//! A data folder where Windows puts it for an operator whose user name is
//! not ASCII, nested deep enough to pass the limits of Windows (260
//! characters) and of SQLite's default Windows VFS (1,040 bytes): the
//! database, the document store, exports and backups must all work there.

use crate::backup;
use crate::documents::{self, DocKind};
use crate::model::NewRequest;
use crate::recap::{self, RecapOptions};
use crate::test_desk::{fixture, DAY, KTP, PDF, T0};
use crate::{clock, requests, Desk};
use std::path::{Path, PathBuf};

/// How long the data folder's path gets: past 1,040 UTF-8 bytes on Windows;
/// past 260 characters elsewhere, within SQLite's Unix VFS limit of 512 bytes.
const MIN_BYTES: usize = if cfg!(windows) { 1_100 } else { 300 };

/// `<base>/Users/Siti Nurhaliza Ä/AppData/Roaming/…`, at least
/// `MIN_BYTES` long, with non-ASCII in several of its components.
fn deep_folder(base: &Path) -> PathBuf {
    let mut dir = base
        .join("Users")
        .join("Siti Nurhaliza Ä")
        .join("AppData")
        .join("Roaming");
    let mut n = 0;
    while dir.as_os_str().len() < MIN_BYTES {
        n += 1;
        dir.push(format!("Arsip Dispendukcapil Kab. Mojokerto – Bagian Ä{n}"));
    }
    dir
}

#[test]
fn a_deep_data_folder_under_a_non_ascii_user_name_works() {
    let base = tempfile::tempdir().unwrap();
    let deep = deep_folder(base.path());
    let dir = deep.join("Loket");
    assert!(dir.as_os_str().len() > MIN_BYTES && dir.to_string_lossy().chars().count() > 260);

    let mut desk = Desk::open(&dir).unwrap();
    let input = NewRequest {
        name: "Siti Nurhaliza".into(),
        phone: "081234567890".into(),
        ..Default::default()
    };
    let reg = requests::create_request(desk.conn_mut().unwrap(), &input, "Rina", T0)
        .unwrap()
        .reg_no;
    let photo = documents::add_path(
        &mut desk,
        &reg,
        Some(DocKind::Ktp),
        &fixture(KTP),
        "Rina",
        T0,
    )
    .unwrap();
    let pdf = documents::add_path(
        &mut desk,
        &reg,
        Some(DocKind::Kk),
        &fixture(PDF),
        "Rina",
        T0,
    )
    .unwrap();
    let original = documents::original_path(&desk, &photo);
    assert_eq!(
        std::fs::read(&original).unwrap(),
        std::fs::read(fixture(KTP)).unwrap(),
        "the original is stored byte for byte at {}",
        original.display()
    );
    for doc in [&photo, &pdf] {
        for page in 1..=doc.pages {
            assert!(documents::display_path(&desk, doc, page).is_file());
            assert!(documents::thumb_path(&desk, doc, page).is_file());
        }
    }

    // An export beside it, and a backup of it, both as deep.
    let exports = deep.join("Ekspor");
    std::fs::create_dir_all(&exports).unwrap();
    let day = clock::wib_date(T0);
    let csv = exports.join("rekap.csv");
    recap::export_csv(
        desk.conn().unwrap(),
        day,
        day,
        RecapOptions::default(),
        T0 + DAY,
        &csv,
    )
    .unwrap();
    assert!(std::fs::read_to_string(&csv).unwrap().contains(&reg));
    let backups = deep.join("Cadangan");
    std::fs::create_dir_all(&backups).unwrap();
    let report = backup::create(&desk, &backups, T0 + DAY).unwrap();
    let check = backup::verify(Path::new(&report.dir));
    assert!(check.ok, "the deep backup checks out: {:?}", check.problems);
    drop(desk);

    // Reopened, as at the next start.
    let desk = Desk::open(&dir).unwrap();
    let mode: String = desk
        .conn()
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        mode, "wal",
        "the -wal and -shm files live at the deep path too"
    );
    let docs = documents::list(&desk, &reg).unwrap();
    assert_eq!(docs.len(), 2, "both documents are still there");

    // Restored into another deep folder.
    let restored = deep.join("Pulih");
    backup::restore(Path::new(&report.dir), &restored).unwrap();
    let desk = Desk::open(&restored).unwrap();
    assert_eq!(documents::list(&desk, &reg).unwrap().len(), 2);
    assert!(documents::display_path(&desk, &docs[0], 1).is_file());
}

/// `%APPDATA%\Loket` (per user, roaming); `Loket-dev` in debug builds.
#[cfg(windows)]
#[test]
fn the_default_data_folder_is_the_users_app_data() {
    let appdata = std::env::var_os("APPDATA").expect("Windows sets APPDATA");
    let name = if cfg!(debug_assertions) {
        "Loket-dev"
    } else {
        "Loket"
    };
    assert_eq!(
        crate::datadir::default_data_dir(),
        Some(PathBuf::from(appdata).join(name))
    );
}
