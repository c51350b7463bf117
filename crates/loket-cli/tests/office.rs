//! Office mode from the command line: `office init` sets up a fresh
//! PostgreSQL database once, desks refuse a database not set up, and two
//! desks (two data folders) on one office database share one queue and one
//! numbering. Each test makes its own database on the test server
//! (LOKET_TEST_DATABASE_URL, started by the README's test command).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{json, stderr};
use std::path::Path;
use std::process::Output;

/// A fresh database on the test server, dropped at the end.
struct OfficeDb {
    admin: String,
    name: String,
    url: String,
}

impl OfficeDb {
    fn new() -> OfficeDb {
        let admin = std::env::var("LOKET_TEST_DATABASE_URL").expect(
            "LOKET_TEST_DATABASE_URL: run scripts/test.sh, which starts a throwaway PostgreSQL",
        );
        let name = format!("cli_{}_{}", std::process::id(), fastrand::u32(..));
        let mut client = postgres::Client::connect(&admin, postgres::NoTls).unwrap();
        client
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap();
        let base = admin.rsplit_once('/').unwrap().0;
        OfficeDb {
            url: format!("{base}/{name}"),
            admin,
            name,
        }
    }

    /// loket-cli on `dir` as a desk of this office.
    fn cli(&self, dir: &Path, args: &[&str]) -> Output {
        common::command(dir, args)
            .env("LOKET_DATABASE_URL", &self.url)
            .output()
            .unwrap()
    }
}

impl OfficeDb {
    /// `cli` as the office's supervisor `Sari`: `office init` makes the
    /// account, later commands act as it (`--supervisor` by its variable).
    fn as_supervisor(&self, dir: &Path, args: &[&str]) -> Output {
        common::command(dir, args)
            .env("LOKET_DATABASE_URL", &self.url)
            .env("LOKET_ACCOUNT", common::SUPERVISOR)
            .env("LOKET_PIN", common::SUPERVISOR_PIN)
            .env("LOKET_SUPERVISOR", common::SUPERVISOR)
            .env("LOKET_SUPERVISOR_PIN", common::SUPERVISOR_PIN)
            .output()
            .unwrap()
    }
}

impl Drop for OfficeDb {
    fn drop(&mut self) {
        if let Ok(mut c) = postgres::Client::connect(&self.admin, postgres::NoTls) {
            let _ = c.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

fn code(out: &Output) -> String {
    let err: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap_or_default();
    err["code"]
        .as_str()
        .map(str::to_owned)
        .unwrap_or_else(|| stderr(out))
}

#[test]
fn init_sets_the_office_up_once_and_desks_wait_for_it() {
    let office = OfficeDb::new();
    let desk = tempfile::tempdir().unwrap();
    let before = office.cli(desk.path(), &["request", "list", "--json"]);
    assert_eq!(before.status.code(), Some(1));
    assert_eq!(code(&before), "kantor_belum_disiapkan");
    assert!(
        !desk.path().join("loket.db").exists(),
        "no silent local database"
    );

    let init = office.cli(desk.path(), &["office", "init", "--json"]);
    assert!(init.status.success(), "{}", stderr(&init));
    assert_eq!(json(&init)["created"], true);
    let again = office.cli(desk.path(), &["office", "init", "--json"]);
    assert_eq!(
        json(&again)["created"],
        false,
        "a second init changes nothing"
    );

    let status = office.cli(desk.path(), &["office", "status", "--json"]);
    assert!(status.status.success(), "{}", stderr(&status));
    assert_eq!(json(&status)["schema_version"], json(&status)["this_build"]);
    let list = office.cli(desk.path(), &["request", "list", "--json"]);
    assert!(list.status.success(), "{}", stderr(&list));
    assert!(!desk.path().join("loket.db").exists());
}

#[test]
fn a_newer_office_schema_is_refused_naming_both_versions() {
    let office = OfficeDb::new();
    let desk = tempfile::tempdir().unwrap();
    assert!(office
        .cli(desk.path(), &["office", "init"])
        .status
        .success());
    let mut c = postgres::Client::connect(&office.url, postgres::NoTls).unwrap();
    c.batch_execute("UPDATE loket_meta SET value = '42' WHERE key = 'schema_version'")
        .unwrap();
    let out = office.cli(desk.path(), &["request", "list", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(code(&out), "basis_data_versi_baru");
    assert!(stderr(&out).contains("42"), "{}", stderr(&out));
}

#[test]
fn what_has_not_moved_to_office_mode_is_refused_not_done_locally() {
    let office = OfficeDb::new();
    let desk = tempfile::tempdir().unwrap();
    let init = office.as_supervisor(desk.path(), &["office", "init"]);
    assert!(init.status.success(), "{}", stderr(&init));
    let dest = tempfile::tempdir().unwrap();
    let dest_arg = dest.path().display().to_string();
    let out = office.as_supervisor(desk.path(), &["backup", "--to", &dest_arg]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("belum_ada_di_mode_kantor"),
        "{}",
        stderr(&out)
    );
    assert!(!desk.path().join("loket.db").exists());
    assert_eq!(
        std::fs::read_dir(dest.path()).unwrap().count(),
        0,
        "no backup folder is written"
    );
}

#[test]
fn an_unreachable_server_is_a_coded_error() {
    let desk = tempfile::tempdir().unwrap();
    let out = common::command(desk.path(), &["request", "list", "--json"])
        .env(
            "LOKET_DATABASE_URL",
            "postgres://loket@127.0.0.1:1/loket?connect_timeout=2",
        )
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(code(&out), "server_kantor_tidak_terjangkau");
    assert!(!desk.path().join("loket.db").exists());
}

#[test]
fn two_desks_share_one_queue_one_numbering_and_one_chain() {
    let office = OfficeDb::new();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let init = common::command(a.path(), &["office", "init", "--json"])
        .env("LOKET_DATABASE_URL", &office.url)
        .env("LOKET_ACCOUNT", common::SUPERVISOR)
        .env("LOKET_PIN", common::SUPERVISOR_PIN)
        .output()
        .unwrap();
    assert!(init.status.success(), "{}", stderr(&init));
    assert_eq!(json(&init)["supervisor"], common::SUPERVISOR);

    let new = |dir: &Path, name: &str| -> String {
        let out = office.cli(
            dir,
            &[
                "request",
                "new",
                "--name",
                name,
                "--phone",
                "081234567890",
                "--json",
            ],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        json(&out)["reg_no"].as_str().unwrap().to_owned()
    };
    let first = new(a.path(), "Siti Aminah");
    let second = new(b.path(), "Budi Santoso");
    assert!(first.ends_with("-0001"), "{first}");
    assert!(
        second.ends_with("-0002"),
        "one numbering for the office: {second}"
    );

    // Desk A sees what desk B registered, and B moves what A registered.
    let list = office.cli(a.path(), &["request", "list", "--json"]);
    let regs: Vec<String> = json(&list)["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["reg_no"].as_str().unwrap().to_owned())
        .collect();
    assert!(regs.contains(&first) && regs.contains(&second), "{regs:?}");
    let moved = office.cli(b.path(), &["request", "move", &first, "--to", "verifying"]);
    assert!(moved.status.success(), "{}", stderr(&moved));
    let show = office.cli(a.path(), &["request", "show", &first, "--json"]);
    assert_eq!(json(&show)["request"]["status"], "verifying");

    // One access log: its chain verifies, read by the office's supervisor.
    let verify = common::command(a.path(), &["audit", "verify", "--json"])
        .env("LOKET_DATABASE_URL", &office.url)
        .env("LOKET_SUPERVISOR", common::SUPERVISOR)
        .env("LOKET_SUPERVISOR_PIN", common::SUPERVISOR_PIN)
        .output()
        .unwrap();
    assert!(verify.status.success(), "{}", stderr(&verify));
    assert_eq!(json(&verify)["intact"], true);
    assert!(
        json(&verify)["entries"].as_i64().unwrap() >= 5,
        "start, two created, one moved, the login: {}",
        String::from_utf8_lossy(&verify.stdout)
    );
    assert!(!a.path().join("loket.db").exists() && !b.path().join("loket.db").exists());
}

#[test]
fn demo_data_reports_and_receipts_work_on_an_office_database() {
    let office = OfficeDb::new();
    let desk = tempfile::tempdir().unwrap();
    let init = common::command(desk.path(), &["office", "init", "--json"])
        .env("LOKET_DATABASE_URL", &office.url)
        .env("LOKET_ACCOUNT", common::SUPERVISOR)
        .env("LOKET_PIN", common::SUPERVISOR_PIN)
        .output()
        .unwrap();
    assert!(init.status.success(), "{}", stderr(&init));

    // Over the last day: every request falls on yesterday or today (WIB).
    let seed = office.cli(
        desk.path(),
        &["demo", "seed", "--count", "20", "--days", "1"],
    );
    assert!(seed.status.success(), "{}", stderr(&seed));

    let today = loket_core::clock::wib_date(loket_core::clock::now_ms());
    let yesterday = today - chrono::Days::new(1);
    let report = |from: chrono::NaiveDate, to: chrono::NaiveDate| -> serde_json::Value {
        let (from, to) = (from.to_string(), to.to_string());
        let out = office.cli(
            desk.path(),
            &[
                "report", "daily", "--date", &from, "--to", &to, "--format", "json",
            ],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        json(&out)
    };
    let day = report(today, today);
    assert_eq!(day["from"], today.to_string());
    let rows = day["rows"].as_array().unwrap();
    assert_eq!(day["total"].as_u64().unwrap(), rows.len() as u64);
    assert_eq!(day["by_outcome"].as_array().unwrap().len(), 6);
    assert!(day["sla"].is_object() && day["office"].is_object());

    let both = report(yesterday, today);
    assert_eq!(both["total"], 20, "every seeded request is in the recap");
    let reg = both["rows"][0]["reg_no"].as_str().unwrap().to_owned();

    let dest = desk.path().join("bukti.html");
    let dest_arg = dest.display().to_string();
    let receipt = office.cli(
        desk.path(),
        &["receipt", &reg, "--format", "html", "--out", &dest_arg],
    );
    assert!(receipt.status.success(), "{}", stderr(&receipt));
    let html = std::fs::read_to_string(&dest).unwrap();
    assert!(html.contains(&reg), "the receipt names its request");
    assert!(!desk.path().join("loket.db").exists(), "no local database");
}

#[test]
fn a_photo_added_at_one_desk_is_listed_at_another_and_stored_once() {
    let office = OfficeDb::new();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    assert!(office.cli(a.path(), &["office", "init"]).status.success());
    let new = office.cli(
        a.path(),
        &[
            "request",
            "new",
            "--name",
            "Siti Aminah",
            "--phone",
            "081234567890",
            "--json",
        ],
    );
    assert!(new.status.success(), "{}", stderr(&new));
    let reg = json(&new)["reg_no"].as_str().unwrap().to_owned();
    let photo = common::fixture("WhatsApp Image 2026-11-24 at 10.15.32.jpeg");
    let add = |dir: &Path| {
        let out = office.cli(
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
        assert!(out.status.success(), "{}", stderr(&out));
    };
    add(a.path());
    add(a.path());

    let list = office.cli(b.path(), &["doc", "list", &reg, "--json"]);
    assert!(list.status.success(), "{}", stderr(&list));
    let docs = json(&list);
    let docs = docs.as_array().unwrap();
    assert_eq!(docs.len(), 1, "added twice, one document: {docs:?}");
    assert_eq!(docs[0]["kind"], "ktp");
    let sha = docs[0]["sha256"].as_str().unwrap();

    let mut c = postgres::Client::connect(&office.url, postgres::NoTls).unwrap();
    let rows = c
        .query(
            "SELECT variant, bytes FROM document_files WHERE sha256 = $1 ORDER BY variant",
            &[&sha],
        )
        .unwrap();
    let variants: Vec<String> = rows.iter().map(|r| r.get(0)).collect();
    assert_eq!(
        variants,
        ["display", "original", "thumb"],
        "each stored once"
    );
    let original: Vec<u8> = rows[1].get(1);
    assert_eq!(original, std::fs::read(&photo).unwrap(), "byte for byte");
    assert!(!a.path().join("loket.db").exists() && !b.path().join("loket.db").exists());
}

#[test]
fn retention_runs_on_an_office_database_and_keeps_a_shared_photo() {
    use loket_core::documents::{self, DocKind};
    use loket_core::model::{NewRequest, Outcome, Status};
    use loket_core::{requests, Desk};
    const DAY: i64 = 86_400_000;

    let office = OfficeDb::new();
    let desk_dir = tempfile::tempdir().unwrap();
    let init = office.as_supervisor(desk_dir.path(), &["office", "init"]);
    assert!(init.status.success(), "{}", stderr(&init));
    // The history, written by the core on the office database with past
    // times: A closed 40 days ago (KTP + KK), B 10 days ago with the same KTP.
    let ktp_photo = common::fixture("WhatsApp Image 2026-11-24 at 10.15.32.jpeg");
    let kk_photo = common::fixture("WhatsApp Image 2026-11-24 at 13.02.11.jpeg");
    let (ktp, kk) = {
        let mut desk = Desk::open_office(&office.url, desk_dir.path()).unwrap();
        let now = desk.now_ms();
        let closed = |desk: &mut Desk, at: i64, photos: &[(&Path, DocKind)]| {
            let input = NewRequest {
                name: "Ahmad Hariyanto".into(),
                phone: "081234567890".into(),
                ..Default::default()
            };
            let reg = requests::create_request(desk.db(), &input, "Rina", at - DAY)
                .unwrap()
                .reg_no;
            let docs: Vec<_> = photos
                .iter()
                .map(|(p, k)| {
                    documents::add_path(desk, &reg, Some(*k), p, "Rina", at - DAY).unwrap()
                })
                .collect();
            let db = desk.db();
            requests::move_request(db, &reg, Status::Verifying, None, None, "Rina", at).unwrap();
            let done = Some(Outcome::Updated);
            requests::move_request(db, &reg, Status::Done, done, None, "Rina", at).unwrap();
            docs
        };
        let a = closed(
            &mut desk,
            now - 40 * DAY,
            &[(&ktp_photo, DocKind::Ktp), (&kk_photo, DocKind::Kk)],
        );
        closed(&mut desk, now - 10 * DAY, &[(&ktp_photo, DocKind::Ktp)]);
        (a[0].clone(), a[1].clone())
    };

    let dry = office.cli(
        desk_dir.path(),
        &["retention", "run", "--dry-run", "--json"],
    );
    assert!(dry.status.success(), "{}", stderr(&dry));
    assert_eq!(json(&dry)["documents"].as_array().unwrap().len(), 2);

    let out = office.cli(desk_dir.path(), &["retention", "run", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report = json(&out);
    assert_eq!(report["purged"].as_array().unwrap().len(), 2);
    assert_eq!(report["contents_deleted"], 1);
    assert_eq!(
        report["files_deleted"], 3,
        "the KK's original, display, thumb"
    );

    let mut c = postgres::Client::connect(&office.url, postgres::NoTls).unwrap();
    let rows = |c: &mut postgres::Client, sha: &str| -> i64 {
        c.query_one(
            "SELECT count(*) FROM document_files WHERE sha256 = $1",
            &[&sha],
        )
        .unwrap()
        .get(0)
    };
    assert_eq!(rows(&mut c, &kk.sha256), 0, "the KK's files are gone");
    assert_eq!(rows(&mut c, &ktp.sha256), 3, "B still uses the KTP photo");
    let purged: i64 = c
        .query_one(
            "SELECT count(*) FROM documents WHERE purged_at IS NOT NULL",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(purged, 2, "the rows stay, marked purged");
    let kk_cached = documents::stored_files(desk_dir.path(), &kk.sha256, kk.format, kk.pages);
    assert!(
        kk_cached.iter().all(|p| !p.exists()),
        "the desk's cached copies go too"
    );

    let again = office.cli(desk_dir.path(), &["retention", "run", "--json"]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(json(&again)["purged"].as_array().unwrap().len(), 0);
    assert!(!desk_dir.path().join("loket.db").exists());
}

#[test]
fn a_single_desk_folder_is_imported_once_and_its_chain_verifies() {
    let office = OfficeDb::new();
    let (folder, desk) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let reg = common::register(folder.path());
    let made = common::command(
        folder.path(),
        &["account", "add", common::SUPERVISOR, "--role", "supervisor"],
    )
    .env("LOKET_PIN", common::SUPERVISOR_PIN)
    .output()
    .unwrap();
    assert!(made.status.success(), "{}", stderr(&made));
    assert!(office
        .cli(desk.path(), &["office", "init"])
        .status
        .success());

    let from = folder.path().display().to_string();
    let import = office.cli(
        desk.path(),
        &["office", "import", "--from", &from, "--json"],
    );
    assert!(import.status.success(), "{}", stderr(&import));
    assert_eq!(json(&import)["requests"], 1);

    let list = office.cli(desk.path(), &["request", "list", "--json"]);
    assert!(list.status.success(), "{}", stderr(&list));
    assert_eq!(json(&list)["items"][0]["reg_no"], reg.as_str());

    // The folder's chain is the office's, checked by the folder's supervisor.
    let verify = common::command(desk.path(), &["audit", "verify", "--json"])
        .env("LOKET_DATABASE_URL", &office.url)
        .env("LOKET_SUPERVISOR", common::SUPERVISOR)
        .env("LOKET_SUPERVISOR_PIN", common::SUPERVISOR_PIN)
        .output()
        .unwrap();
    assert!(verify.status.success(), "{}", stderr(&verify));
    assert_eq!(json(&verify)["intact"], true);

    let again = office.cli(
        desk.path(),
        &["office", "import", "--from", &from, "--json"],
    );
    assert_eq!(again.status.code(), Some(1), "{}", stderr(&again));
    assert_eq!(code(&again), "kantor_sudah_berisi_data");
    assert!(!desk.path().join("loket.db").exists(), "no local database");
}
