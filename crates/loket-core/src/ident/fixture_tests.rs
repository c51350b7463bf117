//! The NIK and KK checks against the ground truth of the synthetic document
//! fixtures: every number printed there is well formed and agrees with the
//! printed date of birth and sex, so any error or warning is a bug here.
//!
//! The manifest is in the repository (`tests/fixtures/documents/`); a
//! missing manifest fails the test, so the check cannot pass by not running.

use chrono::NaiveDate;
use serde_json::Value;

use super::kk::check_kk;
use super::nik::check_nik;
use super::Sex;

/// The synthetic fixtures' ground truth, in the repository.
const MANIFEST: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/documents/manifest.json"
);

fn load_manifest() -> Vec<Value> {
    let text = std::fs::read_to_string(MANIFEST)
        .unwrap_or_else(|e| panic!("the fixture manifest {MANIFEST} must be readable: {e}"));
    let v: Value = serde_json::from_str(&text).unwrap();
    v.as_array().cloned().unwrap()
}

fn sex(s: &str) -> Sex {
    match s {
        "LAKI-LAKI" => Sex::L,
        "PEREMPUAN" => Sex::P,
        other => panic!("unexpected jenis_kelamin {other:?} in the manifest"),
    }
}

fn date(v: &Value) -> NaiveDate {
    NaiveDate::parse_from_str(v.as_str().unwrap(), "%Y-%m-%d").unwrap()
}

/// Asserts that a person's NIK is valid and agrees with what is printed.
fn assert_person(who: &str, p: &Value, today: NaiveDate) {
    let nik = p["nik"].as_str().unwrap();
    let dob = date(&p["tanggal_lahir"]);
    let jk = sex(p["jenis_kelamin"].as_str().unwrap());
    let r = check_nik(nik, Some(dob), Some(jk), today);
    assert!(r.valid, "{who} NIK {nik} is printed on a document: {r:?}");
    assert!(
        r.warnings.is_empty(),
        "{who} NIK {nik} agrees with the printed date and sex: {:?}",
        r.warnings
    );
    assert_eq!(r.birth_date, Some(dob), "{who} NIK {nik} encodes {dob}");
    assert_eq!(r.sex, Some(jk), "{who} NIK {nik} encodes {jk:?}");
    assert!(
        r.region.as_ref().is_some_and(|g| g.kecamatan.is_some()),
        "{who} NIK {nik} has a current kecamatan code"
    );
}

#[test]
fn fixture_numbers_are_valid() {
    let entries = load_manifest();
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let (mut ktp, mut kk, mut members) = (0, 0, 0);
    for e in &entries {
        let file = e["file"].as_str().unwrap_or("?");
        match e["kind"].as_str() {
            Some("ktp") => {
                assert_person(&format!("KTP {file}"), e, today);
                ktp += 1;
            }
            Some("kk") => {
                let no = e["no_kk"].as_str().unwrap();
                let r = check_kk(no, today);
                assert!(r.valid, "KK {file} number {no} is valid: {r:?}");
                assert!(r.warnings.is_empty(), "KK {no}: {:?}", r.warnings);
                // The fixtures record each family on its issue date (README).
                assert_eq!(
                    r.birth_date,
                    Some(date(&e["tanggal_dikeluarkan"])),
                    "KK {no} encodes its recording date"
                );
                for m in e["anggota"].as_array().unwrap() {
                    assert_person(&format!("KK {no} member"), m, today);
                    members += 1;
                }
                kk += 1;
            }
            _ => {}
        }
    }
    assert!(
        ktp > 0 && kk > 0 && members >= kk,
        "the manifest has KTPs ({ktp}), KKs ({kk}) and their members ({members})"
    );
}
