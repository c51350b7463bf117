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
    assert!(office
        .cli(desk.path(), &["office", "init"])
        .status
        .success());
    let out = office.cli(desk.path(), &["demo", "seed", "--count", "3"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("belum_ada_di_mode_kantor"),
        "{}",
        stderr(&out)
    );
    assert!(!desk.path().join("loket.db").exists());
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
