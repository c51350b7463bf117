//! The real OCR models on the fixture photos, scans and the e-KK PDF
//! (`tests/fixtures/documents`, ground truth in `manifest.json`): how many
//! NIKs and KK numbers are read exactly and how many fields match. Runs when
//! the models are in `models/ocr` (`scripts/fetch-ocr-models.sh`); in CI
//! (`LOKET_CI=1`) missing models fail the test instead of skipping it.
//! Speed is measured by `benches/ocr.rs`, not here.

use chrono::NaiveDate;
use loket_core::documents::{display_images, DocKind};
use loket_core::ident;
use loket_core::ocr::{self, PaddleEngine, Suggestion};
use serde_json::Value;
use std::path::{Path, PathBuf};

const FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/documents"
);

fn models() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/ocr");
    if dir.join("PP-OCRv6_rec_small.rten").is_file() {
        return Some(dir);
    }
    assert!(
        std::env::var("LOKET_CI").as_deref() != Ok("1"),
        "the OCR models are missing in CI: run scripts/fetch-ocr-models.sh"
    );
    eprintln!("OCR models not found in models/ocr: the real-model test is skipped");
    None
}

/// The warnings of a NIK that compare it with another field of the form.
const CROSS_FIELD: [&str; 2] = ["tanggal_lahir_berbeda", "jenis_kelamin_berbeda"];

/// Spacing is not content: OCR may read "NO.56" for "NO. 56".
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

fn iso(v: &Value) -> String {
    v.as_str().unwrap_or("").to_owned()
}

fn sex(v: &Value) -> String {
    match v.as_str() {
        Some("LAKI-LAKI") => "L".into(),
        Some("PEREMPUAN") => "P".into(),
        _ => String::new(),
    }
}

#[derive(Default)]
struct Score {
    niks: u32,
    niks_exact: u32,
    fields: u32,
    fields_ok: u32,
    /// Numbers read exactly whose suggestion carries no problem.
    exact_clean: u32,
    misses: Vec<String>,
}

impl Score {
    fn field(&mut self, file: &str, got: &[Suggestion], field: &str, want: String) {
        let value = got
            .iter()
            .find(|s| s.field == field)
            .map(|s| s.value.clone());
        self.fields += 1;
        if value.as_deref().map(norm) == Some(norm(&want)) {
            self.fields_ok += 1;
        } else {
            self.misses
                .push(format!("{file}: {field} = {value:?}, expected {want:?}"));
        }
        if field == "nik" || field == "no_kk" {
            self.niks += 1;
            if value.as_deref() == Some(want.as_str()) {
                self.niks_exact += 1;
            }
        }
    }
}

#[test]
fn the_fixture_documents_read_with_their_numbers_exact() {
    let Some(dir) = models() else { return };
    let engine = PaddleEngine::load(&dir).unwrap();
    let manifest: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(Path::new(FIXTURES).join("manifest.json")).unwrap(),
    )
    .unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let mut score = Score::default();
    for e in manifest
        .iter()
        .filter(|e| e["kind"] == "ktp" || e["kind"] == "kk")
    {
        let file = e["file"].as_str().unwrap();
        let bytes = std::fs::read(Path::new(FIXTURES).join(file)).unwrap();
        let page = display_images(&bytes).unwrap().remove(0);
        let kind = if e["kind"] == "ktp" {
            DocKind::Ktp
        } else {
            DocKind::Kk
        };
        let r = ocr::read(&engine, &page, kind, today).unwrap();
        let f = &r.fields;
        let text = |k: &str| e[k].as_str().unwrap_or("").to_owned();
        if kind == DocKind::Ktp {
            for k in [
                "provinsi",
                "kabupaten",
                "nik",
                "nama",
                "tempat_lahir",
                "gol_darah",
                "alamat",
                "rt_rw",
                "kel_desa",
                "kecamatan",
                "agama",
                "status_perkawinan",
                "pekerjaan",
                "kewarganegaraan",
                "berlaku_hingga",
            ] {
                score.field(file, f, k, text(k));
            }
            score.field(file, f, "tanggal_lahir", iso(&e["tanggal_lahir"]));
            score.field(file, f, "jenis_kelamin", sex(&e["jenis_kelamin"]));
        } else {
            for k in [
                "no_kk",
                "kepala_keluarga",
                "alamat",
                "rt_rw",
                "desa_kelurahan",
                "kecamatan",
                "kabupaten_kota",
                "kode_pos",
                "provinsi",
            ] {
                score.field(file, f, k, text(k));
            }
            score.field(
                file,
                f,
                "tanggal_dikeluarkan",
                iso(&e["tanggal_dikeluarkan"]),
            );
            for (i, m) in e["anggota"].as_array().unwrap().iter().enumerate() {
                let got: &[Suggestion] = r.members.get(i).map_or(&[], |m| &m.fields);
                let name = format!("{file} anggota {}", i + 1);
                for k in ["nama", "nik", "tempat_lahir", "hubungan"] {
                    score.field(&name, got, k, m[k].as_str().unwrap_or("").to_owned());
                }
                score.field(&name, got, "tanggal_lahir", iso(&m["tanggal_lahir"]));
                score.field(&name, got, "jenis_kelamin", sex(&m["jenis_kelamin"]));
            }
        }
        // A number read exactly passes its check (the fixtures' numbers are
        // valid and agree with what is printed), so it carries no problem;
        // a number that fails its own check is marked, never shown clean.
        let truths: Vec<String> = [text("nik"), text("no_kk")]
            .into_iter()
            .chain(
                e["anggota"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|m| m["nik"].as_str().unwrap_or("").to_owned()),
            )
            .filter(|n| !n.is_empty())
            .collect();
        for s in f
            .iter()
            .chain(r.members.iter().flat_map(|m| m.fields.iter()))
        {
            if s.field != "nik" && s.field != "no_kk" {
                continue;
            }
            if truths.contains(&s.value) {
                // Its own check passes; what may be marked is a disagreement
                // with another field read from the same photo (a birth date
                // misread), never an error of the number itself.
                score.exact_clean += 1;
                assert!(
                    s.problem
                        .as_ref()
                        .is_none_or(|p| CROSS_FIELD.contains(&p.code.as_str())),
                    "{file}: {} {} is read exactly and passes its check: {:?}",
                    s.field,
                    s.value,
                    s.problem
                );
            }
            let valid = if s.field == "nik" {
                ident::nik::check_nik(&s.value, None, None, today).valid
            } else {
                ident::kk::check_kk(&s.value, today).valid
            };
            if !valid {
                assert!(
                    s.problem.is_some(),
                    "{file}: {} {:?} fails its check and must be marked",
                    s.field,
                    s.value
                );
            }
        }
        println!(
            "{file}: {} lines, turn {:.1}°, {} ms",
            r.lines, r.turn, r.millis
        );
    }
    for m in &score.misses {
        println!("miss: {m}");
    }
    println!(
        "NIK and KK numbers read exactly: {}/{}; fields matching: {}/{} ({:.1}%)",
        score.niks_exact,
        score.niks,
        score.fields_ok,
        score.fields,
        100.0 * f64::from(score.fields_ok) / f64::from(score.fields)
    );
    // Floors, not targets: every number exact, nine fields in ten.
    assert_eq!(score.niks_exact, score.niks, "numbers read wrong");
    assert!(
        score.exact_clean >= score.niks_exact,
        "every number read exactly was checked and found clean"
    );
    assert!(
        score.fields_ok * 10 >= score.fields * 9,
        "too few fields read right"
    );
}
