//! `loket-cli request new / merge / keep` for re-sends: the real binary on a
//! real data folder, the JSON `duplicates` list, the warnings and exit codes.

mod common;

use common::*;
use std::process::Output;

use serde_json::Value;
use std::path::Path;

const NIK: &str = "3516024512900003";

fn new(dir: &Path, name: &str, phone: &str, nik: Option<&str>, json_out: bool) -> Output {
    let mut args = vec!["request", "new", "--name", name, "--phone", phone];
    if let Some(n) = nik {
        args.extend(["--nik", n]);
    }
    if json_out {
        args.push("--json");
    }
    let out = cli(dir, &args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    out
}

#[test]
fn new_lists_duplicates_in_json_and_warns_people() {
    let dir = tempfile::tempdir().unwrap();
    let first = json(&new(
        dir.path(),
        "Siti Aminah",
        "081234567890",
        Some(NIK),
        true,
    ));
    assert_eq!(first["duplicates"], serde_json::json!([]));
    assert_eq!(
        first["status"], "received",
        "the request's own fields, flattened"
    );
    let first_reg = first["reg_no"].as_str().unwrap().to_owned();

    let second = json(&new(
        dir.path(),
        "Siti Aminah",
        "0812-3456-7890",
        Some(NIK),
        true,
    ));
    assert_ne!(
        second["reg_no"],
        first_reg.as_str(),
        "the re-send is stored"
    );
    assert!(second["id"].is_number());
    let d = second["duplicates"].as_array().unwrap();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0]["reg_no"], first_reg.as_str());
    assert_eq!(d[0]["name"], "SITI AMINAH");
    assert_eq!(d[0]["status"], "received");
    assert!(d[0]["received_at"].is_number());
    assert_eq!(d[0]["matched_on"], serde_json::json!(["nik", "phone"]));

    // People: the reg no on stdout, one warning per duplicate on stderr, exit 0.
    let out = new(dir.path(), "Siti", "+62 812 3456 7890", Some(NIK), false);
    assert!(stdout(&out).starts_with("VN-"), "{}", stdout(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(
        err.contains(&format!(
            "peringatan: kemungkinan kiriman ulang dari {first_reg} (NIK, nomor WA)"
        )),
        "{err}"
    );

    // Someone else: no warning.
    let out = new(dir.path(), "Budi", "085700000000", None, false);
    assert_eq!(stderr(&out), "");
}

#[test]
fn merge_and_keep_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let a = stdout(&new(dir.path(), "Siti", "081234567890", None, false));
    let b = stdout(&new(dir.path(), "Siti", "081234567890", None, false));
    let c = stdout(&new(dir.path(), "Ani", "081234567890", None, false));

    let out = cli(
        dir.path(),
        &["request", "merge", &b, "--into", &a, "--json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(json(&out)["reg_no"], a.as_str(), "prints the target");

    let show = cli(dir.path(), &["request", "show", &b, "--json"]);
    let v = json(&show);
    assert_eq!(v["request"]["status"], "done");
    assert!(v["request"]["outcome"].is_null());
    assert!(v["events"].as_array().unwrap().last().unwrap()["note"]
        .as_str()
        .unwrap()
        .contains(&a));

    let list = json(&cli(dir.path(), &["request", "list", "--json"]));
    let open: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["reg_no"].as_str().unwrap())
        .collect();
    assert!(
        !open.contains(&b.as_str()),
        "left the active queue: {open:?}"
    );

    // Twice, into itself, missing: exit 1 with the code on stderr.
    for (args, code) in [
        (
            vec!["request", "merge", &b, "--into", &a, "--json"],
            "sudah_digabung",
        ),
        (
            vec!["request", "merge", &a, "--into", &a, "--json"],
            "tidak_bisa_digabung",
        ),
        (
            vec!["request", "merge", &c, "--into", &b, "--json"],
            "tidak_bisa_digabung",
        ),
        (
            vec!["request", "merge", &a, "--into", "VN-000000-0001", "--json"],
            "permohonan_tidak_ditemukan",
        ),
    ] {
        let out = cli(dir.path(), &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err: Value = serde_json::from_str(stderr(&out).trim()).unwrap();
        assert_eq!(err["code"], code, "{args:?}");
        assert!(out.stdout.is_empty());
    }
    let out = cli(dir.path(), &["request", "merge", &a]);
    assert_eq!(out.status.code(), Some(2), "--into is required");

    // Keep separate: reason required; then no warning for that pair.
    let out = cli(
        dir.path(),
        &["request", "keep", &c, "--other", &a, "--reason", " "],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("error[masukan_tidak_valid]"),
        "{}",
        stderr(&out)
    );
    let out = cli(
        dir.path(),
        &[
            "request",
            "keep",
            &c,
            "--other",
            &a,
            "--reason",
            "ibu dan anak",
            "--json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(json(&out)["kept_separate"], true);
}
