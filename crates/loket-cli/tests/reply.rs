//! `loket-cli reply` through the real binary: the filled reply with the NIK
//! masked and the citizen's wa.me link; refused before an outcome.

mod common;
mod receipt_support;

use common::*;
use receipt_support::*;

#[test]
fn the_reply_of_a_finished_request_with_its_wa_me_link() {
    let dir = tempfile::tempdir().unwrap();
    let reg = finished_request(dir.path());
    let out = cli(dir.path(), &["reply", &reg, "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(v["key"], "hasil.updated");
    let text = v["text"].as_str().unwrap();
    assert!(text.contains(&reg) && text.contains(NIK_MASKED), "{text}");
    assert!(!text.contains(NIK), "never the full NIK");
    let url = v["wa_url"].as_str().unwrap();
    assert!(
        url.starts_with("https://wa.me/6281234567890?text=Yth%2E"),
        "{url}"
    );
}

#[test]
fn no_reply_before_an_outcome() {
    let dir = tempfile::tempdir().unwrap();
    let out = cli(
        dir.path(),
        &[
            "request",
            "new",
            "--name",
            "Budi",
            "--phone",
            "081234567890",
            "--json",
        ],
    );
    let reg = json(&out)["reg_no"].as_str().unwrap().to_owned();
    let out = cli(dir.path(), &["reply", &reg, "--json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("belum_ada_hasil"), "{}", stderr(&out));
}
