//! A full disk, for real. The data folder lives on a small tmpfs that the
//! test fills with real camera photos and then to the last byte: every
//! write is refused with `disk_penuh` and exit code 1, nothing saved before
//! is lost or damaged, a refused write leaves no temporary file behind, and
//! once space is freed work simply continues. Mounting needs root (as CI
//! runs) or CAP_SYS_ADMIN; where it is impossible the test says so and
//! skips that part. A second test needs no privilege: a file size limit
//! (`ulimit -f`, so writes fail with EFBIG) stands in for a disk too small
//! for a photo.

#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod hostile;

use hostile::mount::Mount;
use hostile::*;
use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output};

/// The code of a failed `--json` command: from stderr, or from the first
/// refused file of `doc add`'s list on stdout.
fn error_code(out: &Output) -> String {
    let v: Value = serde_json::from_slice(&out.stderr)
        .or_else(|_| serde_json::from_slice(&out.stdout))
        .unwrap_or_else(|e| panic!("no JSON error ({e}): {}", common::stderr(out)));
    let err = if v.is_array() {
        v.as_array()
            .unwrap()
            .iter()
            .find(|r| r["ok"] == false)
            .map(|r| r["error"].clone())
            .unwrap()
    } else {
        v
    };
    err["code"].as_str().unwrap().to_owned()
}

fn new_request(data: &Path, i: u32) -> Output {
    let phone = format!("0813{i:08}");
    common::cli(
        data,
        &[
            "request", "new", "--name", "Uji Disk", "--phone", &phone, "--json",
        ],
    )
}

fn add(data: &Path, reg: &str, photo: &Path) -> Output {
    common::cli(
        data,
        &[
            "doc",
            "add",
            reg,
            "--kind",
            "kk",
            photo.to_str().unwrap(),
            "--json",
        ],
    )
}

/// Writes zeros to `path` until the file system refuses (ENOSPC).
fn fill(path: &Path) -> u64 {
    let mut f = std::fs::File::create(path).unwrap();
    let chunk = vec![0u8; 4096];
    let mut written = 0;
    while f.write_all(&chunk).is_ok() {
        written += chunk.len() as u64;
    }
    // The last partial chunk may have landed; a byte at a time gets the rest.
    while f.write_all(&[0]).is_ok() {
        written += 1;
    }
    written
}

#[test]
fn a_full_disk_refuses_with_disk_penuh_and_loses_nothing() {
    let root = tempfile::tempdir().unwrap();
    let photos = tempfile::tempdir().unwrap();
    let mnt = root.path().join("disk");
    std::fs::create_dir(&mnt).unwrap();
    let _mount = match Mount::tmpfs(&mnt, 16) {
        Ok(m) => m,
        Err(why) => {
            hostile::cannot_run(&format!(
                "full-disk test: no tmpfs can be mounted here ({why})"
            ));
            return;
        }
    };
    // Other files on the disk, which the operator can delete later.
    let ballast = mnt.join("other-files");
    std::fs::write(&ballast, vec![0u8; 4 << 20]).unwrap();
    let data = mnt.join("data");
    let regs: Vec<String> = (0..3)
        .map(|i| {
            let out = new_request(&data, i);
            assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
            common::json(&out)["reg_no"].as_str().unwrap().to_owned()
        })
        .collect();

    // Camera photos (about 2 MB each, plus their derived images) until the disk is full.
    let mut saved: Vec<(i64, String)> = Vec::new();
    let mut refused = None;
    for i in 0..12 {
        let photo = photos.path().join(format!("{i}.jpg"));
        let sha = unique_photo(CAMERA[i % CAMERA.len()], &format!("disk {i}"), 0, &photo);
        let reg = &regs[i % regs.len()];
        let out = add(&data, reg, &photo);
        if out.status.success() {
            saved.push((common::json(&out)[0]["id"].as_i64().unwrap(), sha));
            continue;
        }
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(error_code(&out), "disk_penuh", "{}", common::stdout(&out));
        refused = Some((photo, reg.clone(), sha));
        break;
    }
    let (refused_photo, refused_reg, refused_sha) =
        refused.expect("16 MB cannot hold 12 camera photos");
    assert!(saved.len() >= 2, "some photos fit before the disk was full");
    assert!(
        temp_files(&data).is_empty(),
        "a refused add leaves no temporary file"
    );

    // Now to the last byte: new requests, moves and adds are all refused.
    let filler = mnt.join("filler");
    fill(&filler);
    let out = new_request(&data, 99);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(error_code(&out), "disk_penuh", "{}", common::stderr(&out));
    let out = common::cli(
        &data,
        &["request", "move", &regs[0], "--to", "verifying", "--json"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(error_code(&out), "disk_penuh", "{}", common::stderr(&out));
    let small = photos.path().join("small.jpg");
    unique_photo(WHATSAPP[0], "disk small", 0, &small);
    let out = add(&data, &regs[0], &small);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(error_code(&out), "disk_penuh", "{}", common::stdout(&out));
    assert!(
        temp_files(&data).is_empty(),
        "refusals leave no temporary file"
    );
    let listing = common::cli(&data, &["request", "list", "--json"]);
    println!(
        "full disk: {} camera photos saved, the next refused; reading on a full disk: exit {:?} {}",
        saved.len(),
        listing.status.code(),
        common::stderr(&listing)
    );

    // Room again: everything saved before is there and whole, and work goes on.
    std::fs::remove_file(&filler).unwrap();
    std::fs::remove_file(&ballast).unwrap();
    let whole = assert_whole(&data);
    assert_eq!(whole.requests, 3, "no request lost, none half-made");
    assert_eq!(
        whole.documents as usize,
        saved.len(),
        "no document lost, none half-made"
    );
    let conn = db(&data);
    for (id, sha) in &saved {
        let n = conn
            .query_row(
                "SELECT count(*) FROM documents WHERE id = ?1 AND sha256 = ?2",
                rusqlite::params![id, sha],
                |r| r.get::<_, i64>(0),
            )
            .unwrap();
        assert_eq!(n, 1, "document #{id} is still there");
    }
    drop(conn);
    let out = new_request(&data, 100);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let out = common::cli(&data, &["request", "move", &regs[0], "--to", "verifying"]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let out = add(&data, &regs[0], &small);
    assert_eq!(out.status.code(), Some(0), "{}", common::stdout(&out));
    let out = add(&data, &refused_reg, &refused_photo);
    assert_eq!(
        out.status.code(),
        Some(0),
        "the refused photo fits now: {}",
        common::stdout(&out)
    );
    assert_eq!(common::json(&out)[0]["sha256"], refused_sha.as_str());
    let whole = assert_whole(&data);
    assert_eq!(whole.requests, 4);
    assert_eq!(whole.documents as usize, saved.len() + 2);
}

/// `sh -c` with SIGXFSZ ignored and a file size limit of `blocks` (512 bytes
/// each in dash, 1024 in bash), so a write past it fails with EFBIG.
fn limited(data: &Path, blocks: u32, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f {blocks} && exec \"$0\" \"$@\""
        ))
        .arg(env!("CARGO_BIN_EXE_loket-cli"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env_remove("LOKET_DATA_DIR")
        .env("LOKET_OPERATOR", "Rina")
        .output()
        .unwrap()
}

#[test]
fn a_file_size_limit_refuses_a_photo_with_disk_penuh() {
    let dir = tempfile::tempdir().unwrap();
    let photos = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = new_request(&data, 1);
    let reg = common::json(&out)["reg_no"].as_str().unwrap().to_owned();
    let small = photos.path().join("small.jpg");
    let small_sha = unique_photo(WHATSAPP[0], "efbig small", 0, &small);
    let big = photos.path().join("big.jpg");
    let big_sha = unique_photo(CAMERA[0], "efbig big", 1 << 20, &big);
    let big_len = std::fs::metadata(&big).unwrap().len();
    // 2048 blocks: 1 or 2 MiB, either way below the camera photo.
    assert!(big_len > 2048 * 1024);

    let out = limited(
        &data,
        2048,
        &[
            "doc",
            "add",
            &reg,
            "--kind",
            "kk",
            big.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", common::stderr(&out));
    assert_eq!(error_code(&out), "disk_penuh", "{}", common::stdout(&out));
    assert!(
        temp_files(&data).is_empty(),
        "the cut-off temporary file is removed"
    );
    let out = limited(
        &data,
        2048,
        &[
            "doc",
            "add",
            &reg,
            "--kind",
            "ktp",
            small.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "a photo under the limit fits: {}",
        common::stdout(&out)
    );
    let out = limited(
        &data,
        2048,
        &["request", "new", "--name", "Uji", "--phone", "081300000002"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "the database is under the limit: {}",
        common::stderr(&out)
    );

    // Without the limit the refused photo is added; nothing was lost on the way.
    let out = add(&data, &reg, &big);
    assert_eq!(out.status.code(), Some(0), "{}", common::stdout(&out));
    let whole = assert_whole(&data);
    assert_eq!((whole.requests, whole.documents), (2, 2));
    let conn = db(&data);
    for sha in [&small_sha, &big_sha] {
        assert_eq!(
            count(
                &conn,
                "SELECT count(*) FROM documents WHERE sha256 = ?1",
                sha
            ),
            1
        );
    }
}
