//! POS KETANMU and Pengaduan through the real binary: a delivery through its
//! steps onto the day's hand-over list, a complaint about it answered and
//! closed, and the refusals a script can rely on.

mod common;

use common::{cli, cli_sup, json, stderr, stdout};

#[test]
fn a_delivery_and_a_complaint_about_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let new = [
        "pos",
        "new",
        "--name",
        "Siti Aminah",
        "--phone",
        "081234567890",
        "--village",
        "3516012001",
        "--address",
        "Jl. Raya 12 RT 01/RW 02",
        "--doc",
        "kk",
        "--doc",
        "akta_kelahiran",
    ];
    let reg = stdout(&cli(d, &new));
    assert!(reg.starts_with("PK-"), "{reg}");
    let bad_doc = cli(
        d,
        &[
            "pos",
            "new",
            "--name",
            "A",
            "--phone",
            "081234567890",
            "--village",
            "3516012001",
            "--address",
            "x",
            "--doc",
            "sim",
        ],
    );
    assert_eq!(
        bad_doc.status.code(),
        Some(2),
        "an unknown document is a usage error"
    );

    assert!(cli(d, &["pos", "move", &reg, "--to", "processed"])
        .status
        .success());
    let no_resi = cli(d, &["pos", "move", &reg, "--to", "handed_over"]);
    assert_eq!(no_resi.status.code(), Some(1));
    assert!(stderr(&no_resi).contains("masukan_tidak_valid"));
    let handed = cli(
        d,
        &[
            "pos",
            "move",
            &reg,
            "--to",
            "handed_over",
            "--courier",
            "Pos Indonesia",
            "--resi",
            "P123",
            "--json",
        ],
    );
    assert!(handed.status.success(), "{}", stderr(&handed));
    let v = json(&handed);
    assert_eq!(v["delivery"]["step"], "handed_over");
    assert_eq!(v["delivery"]["next_step"], "delivered");

    let list = json(&cli(d, &["pos", "list", "--json"]));
    assert_eq!(list.as_array().unwrap().len(), 1);
    let late = json(&cli(d, &["pos", "list", "--late", "--json"]));
    assert!(late.as_array().unwrap().is_empty(), "nothing late yet");
    let handover = stdout(&cli(d, &["pos", "handover"]));
    assert!(
        handover.contains(&reg) && handover.contains("P123") && handover.contains("Jatirejo"),
        "{handover}"
    );

    let pg = stdout(&cli(
        d,
        &[
            "complaint",
            "new",
            "--name",
            "Siti Aminah",
            "--channel",
            "whatsapp",
            "--about",
            &reg,
            "--category",
            "delivery",
            "--text",
            "Paket belum sampai.",
        ],
    ));
    assert!(pg.starts_with("PG-"), "{pg}");
    let open = json(&cli(d, &["complaint", "list", "--open", "--json"]));
    assert_eq!(open[0]["about_reg_no"], reg.as_str());
    let close_early = cli(d, &["complaint", "close", &pg]);
    assert_eq!(close_early.status.code(), Some(1));
    assert!(cli(
        d,
        &["complaint", "answer", &pg, "--text", "Paket diantar besok."]
    )
    .status
    .success());
    assert!(cli(d, &["complaint", "close", &pg]).status.success());
    let open = json(&cli(d, &["complaint", "list", "--open", "--json"]));
    assert!(open.as_array().unwrap().is_empty());
    let log = stdout(&cli_sup(d, &["audit", "list"]));
    assert!(
        log.contains("Pengaduan ditutup") && log.contains("POS KETANMU"),
        "{log}"
    );
}
