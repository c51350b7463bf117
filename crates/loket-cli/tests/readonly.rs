//! A data folder Loket may not write, for real: once as an unprivileged
//! user on a folder owned by someone else (root ignores permission bits, so
//! as root the test drops to `nobody` with `setpriv`), once behind a
//! read-only bind mount (EROFS even for root). Either way every write is
//! refused with `folder_data_tidak_bisa_dipakai` and exit code 1, the queue,
//! a request and its documents can still be read (the database opens as a
//! read-only snapshot when its WAL is empty), and not one byte in the
//! folder changes.

#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod hostile;

use hostile::mount::Mount;
use hostile::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A data folder with two requests and a photo, written by the test's user.
fn seeded(dir: &Path) -> (String, i64) {
    let out = common::cli(
        dir,
        &[
            "request",
            "new",
            "--name",
            "Siti Aminah",
            "--phone",
            "081234567890",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let reg = common::stdout(&out);
    let out = common::cli(
        dir,
        &[
            "request",
            "new",
            "--name",
            "Budi",
            "--phone",
            "081234567891",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let photo = common::fixture(WHATSAPP[0]);
    let out = common::cli(
        dir,
        &[
            "doc",
            "add",
            &reg,
            "--kind",
            "ktp",
            photo.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", common::stdout(&out));
    (reg, common::json(&out)[0]["id"].as_i64().unwrap())
}

/// Every file of the folder with the SHA-256 of its bytes.
fn contents(dir: &Path) -> BTreeMap<PathBuf, String> {
    files_under(dir)
        .into_iter()
        .map(|f| {
            let sha = sha256_hex(&std::fs::read(&f).unwrap());
            (f, sha)
        })
        .collect()
}

fn code_of(out: &Output) -> String {
    let v: Value = serde_json::from_slice(&out.stderr)
        .or_else(|_| serde_json::from_slice::<Value>(&out.stdout).map(|v| v[0]["error"].clone()))
        .unwrap_or_else(|e| panic!("no JSON error ({e}): {}", common::stderr(out)));
    v["code"].as_str().unwrap_or_default().to_owned()
}

/// What must hold on a folder `run` cannot write.
fn reads_work_and_writes_are_refused(
    data: &Path,
    reg: &str,
    doc: i64,
    run: impl Fn(&[&str]) -> Output,
) {
    let before = contents(data);
    let out = run(&["request", "list", "--json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "the queue can be read: {}",
        common::stderr(&out)
    );
    assert_eq!(
        common::json(&out)["items"].as_array().map(Vec::len),
        Some(2),
        "{}",
        common::stdout(&out)
    );
    let out = run(&["request", "show", reg, "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let out = run(&["doc", "list", reg, "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    assert_eq!(common::json(&out)[0]["id"], doc);

    let photo = common::fixture(WHATSAPP[1]);
    let doc_id = doc.to_string();
    let writes: [&[&str]; 5] = [
        &[
            "request",
            "new",
            "--name",
            "Uji",
            "--phone",
            "081234567899",
            "--json",
        ],
        &["request", "move", reg, "--to", "verifying", "--json"],
        &[
            "doc",
            "add",
            reg,
            "--kind",
            "kk",
            photo.to_str().unwrap(),
            "--json",
        ],
        &["doc", "kind", &doc_id, "kk", "--json"],
        &["doc", "remove", &doc_id, "--reason", "uji", "--json"],
    ];
    for args in writes {
        let out = run(args);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{args:?} is refused: {}",
            common::stdout(&out)
        );
        assert_eq!(code_of(&out), "folder_data_tidak_bisa_dipakai", "{args:?}");
    }
    assert_eq!(contents(data), before, "nothing in the folder changed");
}

/// Sets the mode of `dir` and every folder under it.
fn set_dir_modes(dir: &Path, mode: u32) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        if entry.path().is_dir() {
            set_dir_modes(&entry.path(), mode);
        }
    }
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// Runs as root? Then permission bits are ignored and the test needs another user.
fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

#[test]
fn a_folder_owned_by_someone_else_is_read_only() {
    let top = tempfile::tempdir().unwrap();
    std::fs::set_permissions(top.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let data = top.path().join("data");
    let (reg, doc) = seeded(&data);
    // The binary where `nobody` may run it (the build folder may be private).
    let bin = top.path().join("loket-cli");
    std::fs::copy(env!("CARGO_BIN_EXE_loket-cli"), &bin).unwrap();
    let root = is_root();
    if root && Command::new("setpriv").arg("--version").output().is_err() {
        hostile::cannot_run("running as root without setpriv, no other user to run as");
        return;
    }
    if !root {
        // The data folder's own user: take the write bits away instead.
        set_dir_modes(&data, 0o555);
    }
    let run_in = |dir: &Path, args: &[&str]| -> Output {
        let mut cmd = if root {
            let mut c = Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(&bin);
            c
        } else {
            Command::new(&bin)
        };
        cmd.arg("--data-dir")
            .arg(dir)
            .args(args)
            .env_remove("LOKET_DATA_DIR")
            .env("LOKET_OPERATOR", "Rina")
            .output()
            .unwrap()
    };
    reads_work_and_writes_are_refused(&data, &reg, doc, |args| run_in(&data, args));
    // A data folder that does not exist yet cannot be made there either.
    let fresh = data.join("baru");
    let out = run_in(&fresh, &["request", "list", "--json"]);
    assert_eq!(out.status.code(), Some(1), "{}", common::stderr(&out));
    assert_eq!(code_of(&out), "folder_data_tidak_bisa_dipakai");
    assert!(!fresh.exists());
    if !root {
        set_dir_modes(&data, 0o755);
    }
    assert_whole(&data);
}

#[test]
fn a_read_only_mount_is_read_only_even_for_root() {
    let top = tempfile::tempdir().unwrap();
    let data = top.path().join("data");
    let (reg, doc) = seeded(&data);
    let view = top.path().join("view");
    std::fs::create_dir(&view).unwrap();
    let _mount = match Mount::read_only_bind(&data, &view) {
        Ok(m) => m,
        Err(why) => {
            hostile::cannot_run(&format!(
                "read-only mount test: cannot bind-mount here ({why})"
            ));
            return;
        }
    };
    reads_work_and_writes_are_refused(&view, &reg, doc, |args| common::cli(&view, args));
    assert_whole(&data);
}
