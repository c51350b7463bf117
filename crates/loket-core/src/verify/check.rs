//! Live cross-checks of the verification form, run as the operator types.
//!
//! Nothing here changes a value: a NIK whose date or sex part disagrees with
//! the printed birth date or sex stays valid and is shown as a warning
//! (PP 40/2019 Pasal 30(2)); documents that disagree with each other are
//! shown as problems for the operator to judge against the photos.

use super::form::{KkMember, VerificationForm};
use crate::clock::parse_date;
use crate::ident::{self, digits_only, Finding, IdCheck, Sex};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

/// Findings about one field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct FieldFindings {
    pub errors: Vec<Finding>,
    pub warnings: Vec<Finding>,
}

/// The result of checking a form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct FormCheck {
    /// Findings keyed by field path (`ktp.nik`, `kk.anggota.2.tanggal_lahir`, …).
    pub fields: BTreeMap<String, FieldFindings>,
    /// The KTP NIK checked against the printed birth date and sex.
    pub nik: Option<IdCheck>,
    pub kk: Option<IdCheck>,
    /// Index in `kk.anggota` of the KTP holder, when found.
    pub holder_row: Option<u32>,
    /// Problems across the two documents (also attached to their fields).
    pub problems: Vec<Finding>,
    /// Fields with a value but no mark yet.
    pub unmarked: u32,
    /// Fields marked "tidak sesuai".
    pub mismatched: u32,
}

fn finding(code: &str, message: String) -> Finding {
    Finding {
        code: code.to_owned(),
        message,
    }
}

impl FormCheck {
    fn error(&mut self, field: &str, code: &str, message: String) {
        self.fields
            .entry(field.to_owned())
            .or_default()
            .errors
            .push(finding(code, message));
    }

    fn warning(&mut self, field: &str, code: &str, message: String) {
        self.fields
            .entry(field.to_owned())
            .or_default()
            .warnings
            .push(finding(code, message));
    }

    /// A disagreement between the documents: on both fields and in `problems`.
    fn problem(&mut self, fields: &[&str], code: &str, message: String, serious: bool) {
        for f in fields {
            if serious {
                self.error(f, code, message.clone());
            } else {
                self.warning(f, code, message.clone());
            }
        }
        self.problems.push(finding(code, message));
    }
}

/// Upper case, single spaces, no punctuation at the ends: how names compare.
fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| c == '.' || c == ',')
        .to_uppercase()
}

fn sex_of(s: &str) -> Option<Sex> {
    match norm(s).as_str() {
        "L" | "LAKI-LAKI" | "LAKI LAKI" => Some(Sex::L),
        "P" | "PEREMPUAN" => Some(Sex::P),
        _ => None,
    }
}

/// `005/001`, `5/1` and `05 / 01` are the same RT/RW.
fn rt_rw(s: &str) -> Vec<u32> {
    s.split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .filter_map(|p| p.parse().ok())
        .collect()
}

fn date_field(check: &mut FormCheck, path: &str, value: &str) -> Option<NaiveDate> {
    if value.trim().is_empty() {
        return None;
    }
    match parse_date(value) {
        Ok(d) => Some(d),
        Err(e) => {
            check.error(path, "tanggal_tidak_valid", e.message);
            None
        }
    }
}

fn attach(check: &mut FormCheck, path: &str, id: &IdCheck, dob_path: &str, sex_path: &str) {
    for e in &id.errors {
        check.error(path, &e.code, e.message.clone());
    }
    for w in &id.warnings {
        let target = match w.code.as_str() {
            "tanggal_lahir_berbeda" => dob_path,
            "jenis_kelamin_berbeda" => sex_path,
            _ => path,
        };
        check.warning(target, &w.code, w.message.clone());
    }
}

fn check_member(check: &mut FormCheck, i: usize, m: &KkMember, today: NaiveDate) {
    let base = format!("kk.anggota.{i}");
    let dob = date_field(check, &format!("{base}.tanggal_lahir"), &m.tanggal_lahir);
    if !m.nik.trim().is_empty() {
        let id = ident::nik::check_nik(&m.nik, dob, sex_of(&m.jenis_kelamin), today);
        attach(
            check,
            &format!("{base}.nik"),
            &id,
            &format!("{base}.tanggal_lahir"),
            &format!("{base}.jenis_kelamin"),
        );
    }
}

/// Checks the whole form. `today` resolves NIK centuries and future dates.
pub fn check_form(form: &VerificationForm, today: NaiveDate) -> FormCheck {
    let mut c = FormCheck::default();
    let ktp = &form.ktp;
    let kk = &form.kk;

    let ktp_dob = date_field(&mut c, "ktp.tanggal_lahir", &ktp.tanggal_lahir);
    if !ktp.nik.trim().is_empty() {
        let id = ident::nik::check_nik(&ktp.nik, ktp_dob, sex_of(&ktp.jenis_kelamin), today);
        attach(
            &mut c,
            "ktp.nik",
            &id,
            "ktp.tanggal_lahir",
            "ktp.jenis_kelamin",
        );
        c.nik = Some(id);
    }
    date_field(&mut c, "kk.tanggal_dikeluarkan", &kk.tanggal_dikeluarkan);
    if !kk.no_kk.trim().is_empty() {
        let id = ident::kk::check_kk(&kk.no_kk, today);
        for e in &id.errors {
            c.error("kk.no_kk", &e.code, e.message.clone());
        }
        for w in &id.warnings {
            c.warning("kk.no_kk", &w.code, w.message.clone());
        }
        c.kk = Some(id);
    }
    for (i, m) in kk.anggota.iter().enumerate() {
        check_member(&mut c, i, m, today);
    }

    check_holder(&mut c, form);
    check_address(&mut c, form);
    check_marks(&mut c, form);
    c
}

fn check_holder(c: &mut FormCheck, form: &VerificationForm) {
    let ktp = &form.ktp;
    let nik = digits_only(&ktp.nik);
    if nik.len() != 16 || form.kk.anggota.is_empty() {
        return;
    }
    let Some((i, m)) = form
        .kk
        .anggota
        .iter()
        .enumerate()
        .find(|(_, m)| digits_only(&m.nik) == nik)
    else {
        c.problem(
            &["ktp.nik"],
            "nik_tidak_ada_di_kk",
            format!("NIK pemegang KTP ({nik}) tidak ada di daftar anggota KK."),
            true,
        );
        return;
    };
    c.holder_row = u32::try_from(i).ok();
    let row = format!("kk.anggota.{i}");
    let pairs: [(&str, &str, &str, &str); 4] = [
        ("nama", &ktp.nama, &m.nama, "Nama"),
        (
            "tempat_lahir",
            &ktp.tempat_lahir,
            &m.tempat_lahir,
            "Tempat lahir",
        ),
        (
            "tanggal_lahir",
            &ktp.tanggal_lahir,
            &m.tanggal_lahir,
            "Tanggal lahir",
        ),
        (
            "jenis_kelamin",
            &ktp.jenis_kelamin,
            &m.jenis_kelamin,
            "Jenis kelamin",
        ),
    ];
    for (field, on_ktp, on_kk, label) in pairs {
        if on_ktp.trim().is_empty() || on_kk.trim().is_empty() {
            continue;
        }
        let same = match field {
            "jenis_kelamin" => sex_of(on_ktp) == sex_of(on_kk),
            "tanggal_lahir" => parse_date(on_ktp).ok() == parse_date(on_kk).ok(),
            _ => norm(on_ktp) == norm(on_kk),
        };
        if !same {
            c.problem(
                &[&format!("ktp.{field}"), &format!("{row}.{field}")],
                &format!("{field}_berbeda_dengan_kk"),
                format!(
                    "{label} di KTP ({}) berbeda dengan di KK baris {} ({}).",
                    norm(on_ktp),
                    i + 1,
                    norm(on_kk)
                ),
                true,
            );
        }
    }
}

fn check_address(c: &mut FormCheck, form: &VerificationForm) {
    let (ktp, kk) = (&form.ktp, &form.kk);
    let pairs: [(&str, &str, &str, &str, &str); 4] = [
        ("ktp.alamat", "kk.alamat", &ktp.alamat, &kk.alamat, "Alamat"),
        ("ktp.rt_rw", "kk.rt_rw", &ktp.rt_rw, &kk.rt_rw, "RT/RW"),
        (
            "ktp.kel_desa",
            "kk.desa_kelurahan",
            &ktp.kel_desa,
            &kk.desa_kelurahan,
            "Kelurahan/desa",
        ),
        (
            "ktp.kecamatan",
            "kk.kecamatan",
            &ktp.kecamatan,
            &kk.kecamatan,
            "Kecamatan",
        ),
    ];
    for (a, b, va, vb, label) in pairs {
        if va.trim().is_empty() || vb.trim().is_empty() {
            continue;
        }
        let same = if a == "ktp.rt_rw" {
            rt_rw(va) == rt_rw(vb)
        } else {
            norm(va) == norm(vb)
        };
        if !same {
            c.problem(
                &[a, b],
                "alamat_berbeda",
                format!(
                    "{label} di KTP ({}) berbeda dengan di KK ({}).",
                    norm(va),
                    norm(vb)
                ),
                false,
            );
        }
    }
}

fn check_marks(c: &mut FormCheck, form: &VerificationForm) {
    for (path, mark) in &form.marks {
        if !mark.ok {
            c.mismatched += 1;
            if mark.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
                c.error(
                    path,
                    "alasan_wajib",
                    "Tulis alasan untuk kolom yang tidak sesuai.".to_owned(),
                );
            }
        }
    }
    let filled = filled_paths(form);
    c.unmarked = u32::try_from(
        filled
            .iter()
            .filter(|p| !form.marks.contains_key(*p))
            .count(),
    )
    .unwrap_or(u32::MAX);
}

/// Paths of every field that has a value.
pub fn filled_paths(form: &VerificationForm) -> Vec<String> {
    let mut out = Vec::new();
    let value = serde_json::to_value(form).unwrap_or_default();
    for doc in ["ktp", "kk"] {
        let Some(fields) = value.get(doc).and_then(|v| v.as_object()) else {
            continue;
        };
        for (name, v) in fields {
            match v {
                serde_json::Value::String(s) if !s.trim().is_empty() => {
                    out.push(format!("{doc}.{name}"))
                }
                serde_json::Value::Array(rows) => {
                    for (i, row) in rows.iter().enumerate() {
                        for (col, cell) in row.as_object().into_iter().flatten() {
                            if cell.as_str().is_some_and(|s| !s.trim().is_empty()) {
                                out.push(format!("{doc}.{name}.{i}.{col}"));
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
