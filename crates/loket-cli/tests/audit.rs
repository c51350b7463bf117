//! Accounts and the access log through the real binary: the first
//! supervisor, an operator added with the supervisor's PIN, every change,
//! document view and export in the log, and a log altered behind Loket's
//! back caught by `audit verify`, which names the entry.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{cli, cli_sup, json, register, stderr, stdout};
use std::path::Path;
use std::process::{Command, Output};

fn with_pins(dir: &Path, args: &[&str], pin: &str, supervisor_pin: Option<&str>) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_loket-cli"));
    c.arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("LOKET_DATA_DIR");
    c.env("LOKET_PIN", pin);
    match supervisor_pin {
        Some(p) => c.env("LOKET_SUPERVISOR_PIN", p),
        None => c.env_remove("LOKET_SUPERVISOR_PIN"),
    };
    c.output().unwrap()
}

#[test]
fn accounts_need_the_supervisor_and_pins_never_reach_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let op = with_pins(
        d,
        &["account", "add", "Rina", "--role", "operator"],
        "274913",
        None,
    );
    assert_eq!(
        op.status.code(),
        Some(1),
        "the first account must be a supervisor"
    );
    let sari = with_pins(
        d,
        &["account", "add", "Sari", "--role", "supervisor", "--json"],
        "kopi-tubruk",
        None,
    );
    assert!(sari.status.success(), "{}", stderr(&sari));
    assert_eq!(json(&sari)["role"], "supervisor");
    let no_sup = with_pins(
        d,
        &["account", "add", "Rina", "--role", "operator"],
        "274913",
        None,
    );
    assert_eq!(no_sup.status.code(), Some(1));
    assert!(
        stderr(&no_sup).contains("khusus_supervisor"),
        "{}",
        stderr(&no_sup)
    );
    let wrong = with_pins(
        d,
        &[
            "account",
            "add",
            "Rina",
            "--role",
            "operator",
            "--supervisor",
            "Sari",
        ],
        "274913",
        Some("salah-pin"),
    );
    assert!(stderr(&wrong).contains("pin_salah"), "{}", stderr(&wrong));
    let weak = with_pins(
        d,
        &[
            "account",
            "add",
            "Rina",
            "--role",
            "operator",
            "--supervisor",
            "Sari",
        ],
        "123456",
        Some("kopi-tubruk"),
    );
    assert!(
        stderr(&weak).contains("pin_terlalu_lemah"),
        "{}",
        stderr(&weak)
    );
    let ok = with_pins(
        d,
        &[
            "account",
            "add",
            "Rina",
            "--role",
            "operator",
            "--supervisor",
            "Sari",
        ],
        "274913",
        Some("kopi-tubruk"),
    );
    assert!(ok.status.success(), "{}", stderr(&ok));
    let list = json(&cli_sup(d, &["account", "list", "--json"]));
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Rina", "Sari"]);
    let db = std::fs::read(d.join("loket.db")).unwrap();
    let wal = std::fs::read(d.join("loket.db-wal")).unwrap_or_default();
    for pin in ["274913", "kopi-tubruk"] {
        let needle = pin.as_bytes();
        assert!(
            !db.windows(needle.len()).any(|w| w == needle)
                && !wal.windows(needle.len()).any(|w| w == needle),
            "the PIN {pin} is stored only as its argon2 hash"
        );
    }
    let log = stdout(&cli_sup(d, &["audit", "list", "--by", "sari"]));
    assert!(
        log.contains("Akun dibuat") && log.contains("PIN salah"),
        "{log}"
    );
}

#[test]
fn the_log_holds_every_change_and_an_alteration_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let reg = stdout(&cli(
        d,
        &[
            "request",
            "new",
            "--name",
            "Siti Aminah",
            "--phone",
            "081234567890",
            "--nik",
            "3516024512900003",
        ],
    ));
    assert!(cli(d, &["request", "move", &reg, "--to", "verifying"])
        .status
        .success());
    let out = d.join("rekap.csv");
    let export = cli(
        d,
        &[
            "report",
            "daily",
            "--date",
            "2026-11-25",
            "--format",
            "csv",
            "--out",
            out.to_str().unwrap(),
            "--full-nik",
        ],
    );
    assert!(export.status.success(), "{}", stderr(&export));

    let rows = json(&cli_sup(d, &["audit", "list", "--request", &reg, "--json"]));
    let actions: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .map(|r| r["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["permohonan_dibuat", "status_diubah"]);
    assert_eq!(rows[0]["operator"], "Rina");
    let all = stdout(&cli_sup(d, &["audit", "list"]));
    assert!(
        all.contains("Rekap diekspor") && all.contains("NIK lengkap"),
        "{all}"
    );
    assert!(
        !all.contains("3516024512900003") && !all.contains("SITI"),
        "no personal data in the log: {all}"
    );

    let ok = cli_sup(d, &["audit", "verify"]);
    assert!(ok.status.success(), "{}", stdout(&ok));
    assert!(stdout(&ok).contains("utuh"));

    // Someone with the file and a SQLite tool rewrites who moved the request.
    let conn = rusqlite::Connection::open(d.join("loket.db")).unwrap();
    conn.execute_batch("DROP TRIGGER access_log_append_only_update")
        .unwrap();
    let id: i64 = conn
        .query_row(
            "SELECT id FROM access_log WHERE action = 'status_diubah'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    conn.execute(
        "UPDATE access_log SET operator = 'Orang Lain' WHERE id = ?1",
        [id],
    )
    .unwrap();
    drop(conn);

    let broken = cli_sup(d, &["audit", "verify", "--json"]);
    assert_eq!(broken.status.code(), Some(1), "a broken chain exits 1");
    let report = json(&broken);
    assert_eq!(report["intact"], false);
    assert_eq!(
        report["first_broken"]["id"], id,
        "the altered entry is named"
    );
    let text = cli_sup(d, &["audit", "verify"]);
    assert!(
        stdout(&text).contains(&format!("entri nomor {id}")),
        "{}",
        stdout(&text)
    );
}

#[test]
fn entries_cut_off_the_end_are_caught_against_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("data");
    let usb = dir.path().join("usb");
    std::fs::create_dir_all(&usb).unwrap();
    let reg = stdout(&cli(
        &d,
        &[
            "request",
            "new",
            "--name",
            "Siti Aminah",
            "--phone",
            "081234567890",
        ],
    ));
    assert!(cli(&d, &["request", "move", &reg, "--to", "verifying"])
        .status
        .success());
    let backup = json(&cli_sup(
        &d,
        &["backup", "--to", usb.to_str().unwrap(), "--json"],
    ));
    let backup_dir = backup["dir"].as_str().unwrap().to_owned();
    assert!(cli_sup(&d, &["audit", "verify", "--anchor", &backup_dir])
        .status
        .success());

    // The last entries removed behind Loket's back, from the one before the
    // last the backup saw (later ones: the backup's own entry, the readings
    // of the log): the chain alone still links.
    let (anchor, _) = loket_core::backup::audit_head(Path::new(&backup_dir))
        .unwrap()
        .expect("the backup names the log's last entry");
    let conn = rusqlite::Connection::open(d.join("loket.db")).unwrap();
    conn.execute_batch("DROP TRIGGER access_log_append_only_delete")
        .unwrap();
    conn.execute("DELETE FROM access_log WHERE id >= ?1", [anchor - 1])
        .unwrap();
    drop(conn);
    assert!(
        cli_sup(&d, &["audit", "verify"]).status.success(),
        "a cut tail is invisible to the chain"
    );
    let anchored = cli_sup(&d, &["audit", "verify", "--anchor", &backup_dir]);
    assert_eq!(anchored.status.code(), Some(1));
    assert!(
        stdout(&anchored).contains("dipotong"),
        "{}",
        stdout(&anchored)
    );
}

/// The CLI acts through the core's operations: its entries say `cli`, a
/// supervisor's action without `--supervisor` is refused with nothing
/// changed, and a restore is recorded in the restored folder's own log.
#[test]
fn the_cli_is_checked_and_logged_as_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("data");
    let reg = register(&d);
    let refused = cli(&d, &["retention", "days", "5"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).starts_with("error[khusus_supervisor]"),
        "{}",
        stderr(&refused)
    );
    assert!(stdout(&cli(&d, &["retention", "days"])).contains("30 hari"));
    assert!(cli_sup(&d, &["retention", "days", "5"]).status.success());

    let rows = json(&cli_sup(&d, &["audit", "list", "--json"]));
    let find = |action: &str| {
        rows.as_array()
            .unwrap()
            .iter()
            .find(|r| r["action"] == action)
            .unwrap_or_else(|| panic!("no {action} in {rows}"))
            .clone()
    };
    let made = find("permohonan_dibuat");
    assert_eq!(made["origin"], "cli", "a trigger's entry from the CLI");
    assert_eq!(made["reg_no"], reg.as_str());
    let setting = find("pengaturan_diubah");
    assert_eq!(setting["origin"], "cli");
    assert_eq!(setting["operator"], "Sari");
    assert_eq!(setting["detail"], "masa retensi foto 5 hari");

    let usb = dir.path().join("usb");
    std::fs::create_dir_all(&usb).unwrap();
    let backup = json(&cli_sup(
        &d,
        &["backup", "--to", usb.to_str().unwrap(), "--json"],
    ));
    let restored = dir.path().join("pulih");
    let out = cli(
        &d,
        &[
            "restore",
            "--from",
            backup["dir"].as_str().unwrap(),
            "--to",
            restored.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let conn = rusqlite::Connection::open(restored.join("loket.db")).unwrap();
    let (operator, origin, detail): (String, String, String) = conn
        .query_row(
            "SELECT operator, origin, detail FROM access_log WHERE action = 'data_dipulihkan'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((operator.as_str(), origin.as_str()), ("Rina", "cli"));
    assert!(detail.starts_with("dari loket-cadangan-"), "{detail}");
}
