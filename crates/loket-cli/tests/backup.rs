//! `loket-cli backup` and `restore` as the Task Scheduler runs them: the real
//! binary on a real data folder with real fixture photos, backups taken
//! while other processes write, damaged backups and occupied targets refused.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/documents"
);

fn fixture(name: &str) -> PathBuf {
    let p = Path::new(FIXTURES).join(name);
    assert!(p.is_file(), "fixture {} is missing", p.display());
    p
}

const PHOTOS: [(&str, &str); 3] = [
    ("WhatsApp Image 2026-11-24 at 10.15.32.jpeg", "ktp"),
    ("WhatsApp Image 2026-11-24 at 13.02.11.jpeg", "kk"),
    ("KK_3516032003240061.pdf", "kk"),
];

/// A data folder with two requests and three documents, made by the CLI.
fn office(dir: &Path) -> PathBuf {
    let data = dir.join("data");
    for (i, (file, kind)) in PHOTOS.iter().enumerate() {
        let reg = if i < 2 {
            new_request(&data, "Ahmad Hariyanto")
        } else {
            new_request(&data, "Siti Aminah")
        };
        let f = fixture(file);
        let out = cli(
            &data,
            &["doc", "add", &reg, "--kind", kind, f.to_str().unwrap()],
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    data
}

fn new_request(data: &Path, name: &str) -> String {
    let out = cli(
        data,
        &["request", "new", "--name", name, "--phone", "081234567890"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out)
}

fn reg_nos(data: &Path) -> Vec<String> {
    let out = cli(
        data,
        &["request", "list", "--all", "--limit", "100000", "--json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut regs: Vec<String> = json(&out)["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["reg_no"].as_str().unwrap().to_owned())
        .collect();
    regs.sort();
    regs
}

fn backup(data: &Path, usb: &Path) -> Value {
    let out = cli_sup(data, &["backup", "--to", usb.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    json(&out)
}

/// Every file of the document store, relative path and bytes.
fn store(data: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let bytes = std::fs::read(&p).unwrap();
                out.push((p.strip_prefix(root).unwrap().to_path_buf(), bytes));
            }
        }
    }
    let mut out = Vec::new();
    walk(&data.join("documents"), &data.join("documents"), &mut out);
    out.sort();
    out
}

#[test]
fn a_backup_taken_while_others_write_restores_to_a_consistent_desk() {
    let dir = tempfile::tempdir().unwrap();
    let data = office(dir.path());
    let usb = dir.path().join("usb");
    std::fs::create_dir(&usb).unwrap();

    // Two other processes keep registering requests during the backups.
    let stop = std::sync::atomic::AtomicBool::new(false);
    let backups: Vec<Value> = std::thread::scope(|s| {
        let writers: Vec<_> = (0..2)
            .map(|w| {
                let (data, stop) = (&data, &stop);
                s.spawn(move || {
                    let mut n = 0;
                    while !stop.load(std::sync::atomic::Ordering::Relaxed) || n < 3 {
                        let out = Command::new(env!("CARGO_BIN_EXE_loket-cli"))
                            .arg("--data-dir")
                            .arg(data)
                            .args(["request", "new", "--name", "Penulis Lain"])
                            .args(["--phone", &format!("08129{w}{n:06}")])
                            .env("LOKET_OPERATOR", "Budi")
                            .output()
                            .unwrap();
                        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
                        n += 1;
                    }
                    n
                })
            })
            .collect();
        let backups = (0..3).map(|_| backup(&data, &usb)).collect();
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        for w in writers {
            assert!(w.join().unwrap() >= 3);
        }
        backups
    });
    let final_regs = reg_nos(&data);

    let originals = store(&data);
    for (i, b) in backups.iter().enumerate() {
        let folder = b["dir"].as_str().unwrap();
        assert!(Path::new(folder)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("loket-cadangan-"));
        assert_eq!(b["documents"], 3);
        assert_eq!(b["files"], 9);
        let out = cli(&data, &["backup", "--check", folder, "--json"]);
        assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
        assert_eq!(json(&out)["ok"], true);

        let target = dir.path().join(format!("pulih-{i}"));
        let out = cli(
            &data,
            &[
                "restore",
                "--from",
                folder,
                "--to",
                target.to_str().unwrap(),
                "--json",
            ],
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let r = json(&out);
        assert_eq!(r["requests"], b["requests"]);

        let restored = reg_nos(&target);
        assert_eq!(restored.len() as u64, b["requests"].as_u64().unwrap());
        assert!(
            restored.iter().all(|r| final_regs.contains(r)),
            "a backup holds requests that exist, nothing invented"
        );
        assert_eq!(store(&target), originals, "identical document bytes");
    }
    let counts: Vec<u64> = backups
        .iter()
        .map(|b| b["requests"].as_u64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] <= w[1]), "{counts:?}");
}

fn tampered(dir: &Path, damage: impl Fn(&Path)) -> (Value, Value) {
    let data = office(dir);
    let usb = dir.join("usb");
    std::fs::create_dir(&usb).unwrap();
    let b = backup(&data, &usb);
    let folder = PathBuf::from(b["dir"].as_str().unwrap());
    damage(&folder);
    let out = cli(
        &data,
        &["backup", "--check", folder.to_str().unwrap(), "--json"],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "a damaged backup fails its check"
    );
    let check = json(&out);
    assert_eq!(check["ok"], false);
    let target = dir.join("pulih");
    let out = cli(
        &data,
        &[
            "restore",
            "--from",
            folder.to_str().unwrap(),
            "--to",
            target.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!target.exists(), "nothing is restored");
    let err: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["code"], "cadangan_rusak");
    (check, err)
}

#[test]
fn a_photo_with_a_flipped_byte_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (check, err) = tampered(dir.path(), |folder| {
        let shard = std::fs::read_dir(folder.join("documents/originals"))
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        let photo = std::fs::read_dir(shard)
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        let mut bytes = std::fs::read(&photo).unwrap();
        let mid = bytes.len() / 2;
        bytes[mid] ^= 0x80;
        std::fs::write(&photo, bytes).unwrap();
    });
    assert_eq!(check["problems"][0]["kind"], "hash_mismatch");
    assert!(err["message"]
        .as_str()
        .unwrap()
        .contains(check["problems"][0]["path"].as_str().unwrap()));
}

#[test]
fn a_truncated_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (check, err) = tampered(dir.path(), |folder| {
        let db = folder.join("loket.db");
        let len = std::fs::metadata(&db).unwrap().len();
        let f = std::fs::OpenOptions::new().write(true).open(&db).unwrap();
        f.set_len(len - 4096).unwrap();
    });
    assert_eq!(check["problems"][0]["path"], "loket.db");
    assert_eq!(check["problems"][0]["kind"], "size_mismatch");
    assert!(err["message"].as_str().unwrap().contains("loket.db"));
}

#[test]
fn a_backup_without_its_manifest_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (check, err) = tampered(dir.path(), |folder| {
        std::fs::remove_file(folder.join("manifest.json")).unwrap();
    });
    assert_eq!(check["problems"][0]["kind"], "manifest_missing");
    assert!(err["message"].as_str().unwrap().contains("manifest.json"));
}

#[test]
fn a_restore_into_a_folder_in_use_or_not_empty_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let data = office(dir.path());
    let usb = dir.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    let b = backup(&data, &usb);
    let folder = b["dir"].as_str().unwrap();
    let before = store(&data);

    let out = cli(
        &data,
        &["restore", "--from", folder, "--to", data.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("error[folder_tujuan_tidak_kosong]"),
        "{}",
        stderr(&out)
    );
    assert_eq!(store(&data), before, "the data folder is untouched");

    let other = dir.path().join("lain");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("surat.docx"), b"x").unwrap();
    let out = cli(
        &data,
        &[
            "restore",
            "--from",
            folder,
            "--to",
            other.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["code"], "folder_tujuan_tidak_kosong");
    assert_eq!(std::fs::read_dir(&other).unwrap().count(), 1);
}

#[test]
fn a_missing_backup_folder_is_refused_with_its_code() {
    let dir = tempfile::tempdir().unwrap();
    let data = office(dir.path());
    let out = cli_sup(
        &data,
        &[
            "backup",
            "--to",
            dir.path().join("E-tidak-terpasang").to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("error[folder_cadangan_tidak_bisa_dipakai]"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("E-tidak-terpasang").exists());
    // Neither --to nor --check: a usage error.
    let out = cli(&data, &["backup"]);
    assert_eq!(out.status.code(), Some(2));
}
