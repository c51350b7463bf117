use super::*;
use crate::verify::form::{FieldMark, KkFields, KtpFields};
use serde_json::Value;

const MANIFEST: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/documents/manifest.json"
);

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn s(v: &Value, k: &str) -> String {
    v[k].as_str().unwrap_or("").to_owned()
}

fn sex(v: &Value) -> String {
    match v["jenis_kelamin"].as_str() {
        Some("LAKI-LAKI") => "L".into(),
        Some("PEREMPUAN") => "P".into(),
        _ => String::new(),
    }
}

/// The verification forms an operator would type for each fixture applicant.
fn fixture_forms() -> Vec<(String, VerificationForm)> {
    let text = std::fs::read_to_string(MANIFEST).expect("shared fixtures beside the repository");
    let entries: Vec<Value> = serde_json::from_str(&text).unwrap();
    let mut forms = Vec::new();
    for ktp in entries.iter().filter(|e| e["kind"] == "ktp") {
        let app = ktp["applicant_id"].as_str().unwrap();
        let kk = entries
            .iter()
            .find(|e| e["kind"] == "kk" && e["applicant_id"] == app)
            .unwrap();
        let form = VerificationForm {
            ktp: KtpFields {
                provinsi: s(ktp, "provinsi"),
                kabupaten: s(ktp, "kabupaten"),
                nik: s(ktp, "nik"),
                nama: s(ktp, "nama"),
                tempat_lahir: s(ktp, "tempat_lahir"),
                tanggal_lahir: s(ktp, "tanggal_lahir"),
                jenis_kelamin: sex(ktp),
                alamat: s(ktp, "alamat"),
                rt_rw: s(ktp, "rt_rw"),
                kel_desa: s(ktp, "kel_desa"),
                kecamatan: s(ktp, "kecamatan"),
                ..Default::default()
            },
            kk: KkFields {
                no_kk: s(kk, "no_kk"),
                kepala_keluarga: s(kk, "kepala_keluarga"),
                alamat: s(kk, "alamat"),
                rt_rw: s(kk, "rt_rw"),
                desa_kelurahan: s(kk, "desa_kelurahan"),
                kecamatan: s(kk, "kecamatan"),
                tanggal_dikeluarkan: s(kk, "tanggal_dikeluarkan"),
                anggota: kk["anggota"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|m| KkMember {
                        nama: s(m, "nama"),
                        nik: s(m, "nik"),
                        jenis_kelamin: sex(m),
                        tempat_lahir: s(m, "tempat_lahir"),
                        tanggal_lahir: s(m, "tanggal_lahir"),
                        hubungan: s(m, "hubungan"),
                    })
                    .collect(),
                ..Default::default()
            },
            ..Default::default()
        };
        forms.push((app.to_owned(), form));
    }
    forms
}

#[test]
fn the_fixture_applicants_check_clean() {
    let forms = fixture_forms();
    assert_eq!(forms.len(), 5, "five applicants in the fixtures");
    for (app, form) in forms {
        let c = check_form(&form, today());
        let errors: Vec<_> = c
            .fields
            .iter()
            .filter(|(_, f)| !f.errors.is_empty())
            .collect();
        assert!(
            errors.is_empty(),
            "{app}: consistent documents give no errors: {errors:?}"
        );
        assert!(
            c.problems.is_empty(),
            "{app}: no disagreement: {:?}",
            c.problems
        );
        let holder = c.holder_row.expect("the KTP holder is a member of the KK") as usize;
        assert_eq!(
            form.kk.anggota[holder].nik, form.ktp.nik,
            "{app}: the right row"
        );
        assert!(
            c.nik.as_ref().is_some_and(|n| n.valid),
            "{app}: KTP NIK valid"
        );
        assert!(
            c.kk.as_ref().is_some_and(|k| k.valid),
            "{app}: KK number valid"
        );
        assert!(c.unmarked > 10, "{app}: nothing is marked yet");
    }
}

#[test]
fn a_planted_mismatch_is_caught_on_both_fields() {
    let (_, mut form) = fixture_forms().remove(0);
    let holder = check_form(&form, today()).holder_row.unwrap() as usize;
    form.kk.anggota[holder].tanggal_lahir = "1986-07-10".into();
    form.kk.anggota[holder].nama = format!("{}X", form.ktp.nama);
    let c = check_form(&form, today());
    let codes: Vec<&str> = c.problems.iter().map(|p| p.code.as_str()).collect();
    assert!(
        codes.contains(&"tanggal_lahir_berbeda_dengan_kk"),
        "{codes:?}"
    );
    assert!(codes.contains(&"nama_berbeda_dengan_kk"), "{codes:?}");
    let on = |path: &str, code: &str| {
        c.fields
            .get(path)
            .is_some_and(|f| f.errors.iter().any(|e| e.code == code))
    };
    assert!(
        on("ktp.tanggal_lahir", "tanggal_lahir_berbeda_dengan_kk"),
        "shown on the KTP field"
    );
    assert!(
        on(
            &format!("kk.anggota.{holder}.tanggal_lahir"),
            "tanggal_lahir_berbeda_dengan_kk"
        ),
        "and on the KK row"
    );
    // The member's NIK now disagrees with its printed date: a warning only.
    let w = c
        .fields
        .get(&format!("kk.anggota.{holder}.tanggal_lahir"))
        .unwrap();
    assert!(
        w.warnings.iter().any(|w| w.code == "tanggal_lahir_berbeda"),
        "NIK vs printed date is a warning"
    );
    assert!(
        c.kk.as_ref().unwrap().valid,
        "nothing about the KK number changed"
    );
}

#[test]
fn holder_missing_from_kk_and_address_differences() {
    let (_, mut form) = fixture_forms().remove(1);
    form.ktp.nik = "3516024512900003".into();
    form.ktp.tanggal_lahir = "1990-12-05".into();
    form.ktp.jenis_kelamin = "P".into();
    form.ktp.rt_rw = format!(" {} ", form.kk.rt_rw.replace("00", "").replace('0', ""));
    form.ktp.kecamatan = "BANGSAL".into();
    let c = check_form(&form, today());
    let codes: Vec<&str> = c.problems.iter().map(|p| p.code.as_str()).collect();
    assert!(codes.contains(&"nik_tidak_ada_di_kk"), "{codes:?}");
    assert!(c.holder_row.is_none());
    let rt = c.fields.get("ktp.rt_rw");
    assert!(
        rt.is_none_or(|f| f.warnings.is_empty()),
        "005/001 and 5/1 are the same RT/RW: {rt:?}"
    );
    let kec = c.fields.get("kk.kecamatan").unwrap();
    assert_eq!(
        kec.warnings[0].code, "alamat_berbeda",
        "a different address is a warning, not an error"
    );
}

#[test]
fn marks_need_reasons_and_are_counted() {
    let (_, mut form) = fixture_forms().remove(2);
    form.marks.insert(
        "ktp.nik".into(),
        FieldMark {
            ok: true,
            reason: None,
        },
    );
    form.marks.insert(
        "ktp.nama".into(),
        FieldMark {
            ok: false,
            reason: None,
        },
    );
    form.marks.insert(
        "ktp.alamat".into(),
        FieldMark {
            ok: false,
            reason: Some("Foto terpotong".into()),
        },
    );
    let c = check_form(&form, today());
    assert_eq!(c.mismatched, 2);
    assert!(c.fields["ktp.nama"]
        .errors
        .iter()
        .any(|e| e.code == "alasan_wajib"));
    assert!(!c
        .fields
        .get("ktp.alamat")
        .is_some_and(|f| f.errors.iter().any(|e| e.code == "alasan_wajib")));
    let before = check_form(
        &VerificationForm {
            marks: Default::default(),
            ..form.clone()
        },
        today(),
    );
    assert_eq!(
        c.unmarked + 3,
        before.unmarked,
        "three filled fields were marked"
    );
}

#[test]
fn a_bad_date_is_an_error_not_a_panic() {
    let form = VerificationForm {
        ktp: KtpFields {
            tanggal_lahir: "31-02-1990".into(),
            nik: "35160".into(),
            ..Default::default()
        },
        ..Default::default()
    };
    let c = check_form(&form, today());
    assert!(c.fields["ktp.tanggal_lahir"]
        .errors
        .iter()
        .any(|e| e.code == "tanggal_tidak_valid"));
    assert!(!c.fields["ktp.nik"].errors.is_empty());
}
