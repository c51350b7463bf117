//! `loket-cli` as scripts use it: the real binary, a real data folder, the
//! JSON contract and the exit codes.

mod common;

use common::*;

use serde_json::Value;
use std::process::Stdio;

#[test]
fn nik_check_json_contract_and_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let out = cli(
        dir.path(),
        &[
            "nik",
            "check",
            "3516 0245-1290.0003",
            "--dob",
            "1990-12-05",
            "--sex",
            "P",
            "--json",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "a valid NIK exits 0: {}",
        stderr(&out)
    );
    let v = json(&out);
    assert_eq!(v["valid"], true);
    assert_eq!(v["normalized"], "3516024512900003");
    assert_eq!(v["birth_date"], "1990-12-05");
    assert_eq!(v["sex"], "P");
    assert_eq!(v["region"]["kode"], "351602");
    assert!(v["region"]["kabkota"]
        .as_str()
        .unwrap()
        .contains("Mojokerto"));
    assert!(v["errors"].as_array().unwrap().is_empty());
    assert!(
        v["warnings"].as_array().unwrap().is_empty(),
        "printed values agree"
    );

    let out = cli(
        dir.path(),
        &[
            "nik",
            "check",
            "3516024512900003",
            "--dob",
            "1991-12-05",
            "--json",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "a date disagreement is a warning, the NIK stays valid"
    );
    assert!(!json(&out)["warnings"].as_array().unwrap().is_empty());

    let out = cli(dir.path(), &["nik", "check", "9916024512900003", "--json"]);
    assert_eq!(out.status.code(), Some(1), "an unknown province is invalid");
    let v = json(&out);
    assert_eq!(v["valid"], false);
    assert!(!v["errors"].as_array().unwrap().is_empty());

    let out = cli(
        dir.path(),
        &["nik", "check", "3516024512900003", "--sex", "X"],
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "a bad flag value is a usage error"
    );
    assert!(stderr(&out).contains("masukan_tidak_valid"));

    let out = cli(dir.path(), &["nik", "check"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a missing argument is a usage error"
    );

    let out = cli(dir.path(), &["kk", "check", "3516032003240061", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    assert_eq!(
        v["birth_date"], "2024-03-20",
        "for a KK, birth_date holds the recording date"
    );
    assert_eq!(v["sex"], Value::Null);
}

#[test]
fn request_lifecycle_through_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let out = cli(
        dir.path(),
        &[
            "request",
            "new",
            "--name",
            "Siti Aminah",
            "--phone",
            "+62 812-3456-7890",
            "--nik",
            "3516024512900003",
            "--kk",
            "3516032003240061",
            "--category",
            "bpjs",
            "--problem",
            "Ditolak BPJS",
            "--json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let req = json(&out);
    let reg = req["reg_no"].as_str().unwrap().to_owned();
    assert!(reg.starts_with("VN-") && reg.ends_with("-0001"), "{reg}");
    assert_eq!(req["phone"], "+6281234567890");
    assert_eq!(req["status"], "received");
    assert_eq!(req["operator"], "Rina");

    let out = cli(
        dir.path(),
        &[
            "request",
            "new",
            "--name",
            "Budi",
            "--phone",
            "0857 0000 1111",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let reg2 = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    assert!(
        reg2.ends_with("-0002"),
        "plain output is the registration number: {reg2}"
    );

    let out = cli(
        dir.path(),
        &[
            "request",
            "move",
            &reg,
            "--to",
            "done",
            "--outcome",
            "updated",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "received cannot jump to done");
    assert!(
        stderr(&out).contains("perpindahan_tidak_sah"),
        "{}",
        stderr(&out)
    );
    for (to, outcome) in [
        ("verifying", None),
        ("done", Some("updated")),
        ("replied", None),
    ] {
        let mut args = vec!["request", "move", reg.as_str(), "--to", to];
        if let Some(o) = outcome {
            args.extend(["--outcome", o]);
        }
        let out = cli(dir.path(), &args);
        assert_eq!(out.status.code(), Some(0), "move to {to}: {}", stderr(&out));
    }
    let out = cli(dir.path(), &["request", "move", &reg, "--to", "bogus"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown status is a usage error"
    );
    assert!(stderr(&out).contains("status_tidak_dikenal"));

    let out = cli(dir.path(), &["request", "show", &reg, "--json"]);
    let d = json(&out);
    assert_eq!(d["request"]["status"], "replied");
    assert_eq!(d["request"]["outcome"], "updated");
    assert_eq!(
        d["events"].as_array().unwrap().len(),
        4,
        "created + three moves"
    );

    let out = cli(
        dir.path(),
        &["request", "list", "--search", "siti", "--json"],
    );
    let items = json(&out)["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["reg_no"], reg.as_str());

    let out = cli(dir.path(), &["request", "list", "--json"]);
    let items = json(&out)["items"].as_array().unwrap().clone();
    assert_eq!(
        items.len(),
        1,
        "the active queue holds only the open request"
    );
    assert_eq!(items[0]["reg_no"], reg2.as_str());

    let out = cli(dir.path(), &["request", "show", "VN-000000-9999"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("permohonan_tidak_ditemukan"));
}

#[test]
fn bad_input_gets_a_code_and_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &["--name", "", "--phone", "081234567890"],
            "nama_tidak_valid",
        ),
        (
            &["--name", "Siti", "--phone", "12345"],
            "nomor_wa_tidak_valid",
        ),
        (
            &[
                "--name",
                "Siti",
                "--phone",
                "081234567890",
                "--nik",
                "3516024512900000",
            ],
            "nik_tidak_valid",
        ),
        (
            &[
                "--name",
                "Siti",
                "--phone",
                "081234567890",
                "--kk",
                "35160320032400",
            ],
            "nomor_kk_tidak_valid",
        ),
    ];
    for (args, code) in cases {
        let mut all = vec!["request", "new"];
        all.extend_from_slice(args);
        all.push("--json");
        let out = cli(dir.path(), &all);
        assert_eq!(out.status.code(), Some(1), "{args:?} is refused");
        let err: Value =
            serde_json::from_slice(&out.stderr).expect("--json errors are JSON on stderr");
        assert_eq!(err["code"], *code, "{args:?}");
        assert!(!err["message"].as_str().unwrap().is_empty());
    }
    let out = cli(
        dir.path(),
        &[
            "request",
            "new",
            "--name",
            "Siti",
            "--phone",
            "081234567890",
            "--category",
            "pajak",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("kategori_tidak_dikenal"));
    let out = cli(dir.path(), &["request", "list", "--all", "--json"]);
    assert!(
        json(&out)["items"].as_array().unwrap().is_empty(),
        "nothing was stored"
    );
}

/// A data folder on a network share is refused before anything is made
/// there, with the code that points to office mode.
#[test]
fn a_data_folder_on_a_network_share_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let share = r"\\kantor\loket\Data";
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_loket-cli"))
        .current_dir(dir.path())
        .args(["--data-dir", share, "request", "list"])
        .env_remove("LOKET_DATA_DIR")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with("error[folder_data_di_jaringan]"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("Mode kantor"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing is made"
    );
}

#[test]
fn a_damaged_or_newer_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("loket.db"),
        b"not a database at all, just bytes".repeat(200),
    )
    .unwrap();
    let out = cli(dir.path(), &["request", "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("basis_data_rusak"),
        "{}",
        stderr(&out)
    );

    let dir = tempfile::tempdir().unwrap();
    assert_eq!(cli(dir.path(), &["request", "list"]).status.code(), Some(0));
    {
        let conn = rusqlite::Connection::open(dir.path().join("loket.db")).unwrap();
        conn.execute_batch("PRAGMA user_version = 999;").unwrap();
    }
    let out = cli(dir.path(), &["request", "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("basis_data_versi_baru"),
        "{}",
        stderr(&out)
    );
}

/// `loket-cli … | head`: a reader that has gone before anything is written
/// ends the output, not the program (no panic, exit 101); the exit code is
/// still the command's own. Other write errors (a full disk) are refused
/// with their code.
#[test]
fn a_closed_pipe_ends_the_output_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let out = cli(dir.path(), &["demo", "seed", "--count", "300"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let run = |args: &[&str], closed: bool| {
        let mut child = as_supervisor(dir.path(), args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        if closed {
            // Gone while the child is still opening the database.
            drop(child.stdout.take());
        }
        child.wait_with_output().unwrap()
    };
    for args in [
        &["audit", "list", "--limit", "5000", "--json"][..],
        &["audit", "list", "--limit", "5000"],
        &["request", "list", "--all", "--limit", "500", "--json"],
    ] {
        // More than a pipe holds (64 KiB): a write fails even if the child
        // were faster than the drop.
        let whole = run(args, false).stdout.len();
        assert!(whole > 65_536, "{args:?}: {whole} bytes");
        let out = run(args, true);
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert_eq!(err, "", "{args:?}: a clean end says nothing");
    }
    let out = run(&["nik", "check", "9916024512900003"], true);
    assert_eq!(
        out.status.code(),
        Some(1),
        "still invalid: {}",
        stderr(&out)
    );

    #[cfg(target_os = "linux")]
    {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full");
        let out = command(dir.path(), &["request", "list", "--all"])
            .stdout(full.unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert!(
            stderr(&out).starts_with("error[disk_penuh]: "),
            "{}",
            stderr(&out)
        );
    }
}
