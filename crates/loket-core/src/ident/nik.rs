//! The NIK check: `PP KK CC DDMMYY SSSS`.
//!
//! Every request carries a NIK, typed or pasted by an operator from a photo,
//! and a wrong digit sends the SIAK update to the wrong person. This check
//! catches what the number itself can tell: the format, the region of first
//! issue, the date of birth (women: day + 40) and the serial. It also shows
//! where the NIK disagrees with the printed date of birth or sex, as a
//! warning only: Dukcapil never changes a NIK to follow a corrected birth
//! date (PP 40/2019 Pasal 30(2)), so such a NIK stays valid.
//!
//! Finding codes (errors make `valid` false; warnings do not):
//! - `kosong` (error): nothing but separators.
//! - `nik_bukan_angka` (error): a character other than digits, spaces, dots,
//!   dashes (or other whitespace/invisible separators).
//! - `nik_panjang_salah` (error): not 16 digits, or more than 64 characters.
//! - `provinsi_tidak_dikenal` (error), `kabkota_tidak_dikenal`,
//!   `kecamatan_tidak_dikenal`, `kecamatan_kode_lama` (warnings): see
//!   [`super::region`].
//! - `tanggal_lahir_tidak_valid` (error): digits 7–12 are no real date (day
//!   01–31 or 41–71, month 01–12, 29 February only in leap years).
//! - `nomor_urut_nol` (error): the serial (digits 13–16) is 0000.
//! - `tanggal_lahir_berbeda` (warning): the printed date of birth differs.
//! - `jenis_kelamin_berbeda` (warning): the printed sex differs.

use chrono::{Datelike, NaiveDate};

use super::date::{
    check_day_month, fmt_date, latest_not_future, problem_text, split_ddmmyy, DateProblem,
};
use super::findings::{empty_check, finding, normalize_or_finding, Doc};
use super::region::check_region;
use super::{IdCheck, Sex};

/// Checks a NIK as typed or pasted. `printed_dob` and `printed_sex` are what
/// the KTP/KK shows, when known: they pick the century of the birth date and
/// are compared with the NIK (a difference is a warning). `today` bounds the
/// birth date (no birth in the future).
pub fn check_nik(
    input: &str,
    printed_dob: Option<NaiveDate>,
    printed_sex: Option<Sex>,
    today: NaiveDate,
) -> IdCheck {
    let mut out = empty_check();
    let nik = match normalize_or_finding(input, Doc::Nik) {
        Ok(nik) => nik,
        Err(f) => {
            out.errors.push(f);
            return out;
        }
    };
    let (Some(kode6), Some(ddmmyy), Some(serial)) = (nik.get(..6), nik.get(6..12), nik.get(12..))
    else {
        return out;
    };
    out.region = Some(check_region(
        kode6,
        Doc::Nik,
        &mut out.errors,
        &mut out.warnings,
    ));

    match decode_birth(ddmmyy, printed_dob, today) {
        Ok((date, sex)) => {
            out.birth_date = Some(date);
            out.sex = Some(sex);
        }
        Err((problem, sex)) => {
            out.sex = sex;
            out.errors.push(finding(
                "tanggal_lahir_tidak_valid",
                format!(
                    "Tanggal lahir pada NIK (angka ke-7 sampai ke-12: {ddmmyy}) tidak valid: {}.",
                    problem_text(problem, "laki-laki 01 sampai 31, perempuan 41 sampai 71")
                ),
            ));
        }
    }

    if serial == "0000" {
        out.errors.push(finding(
            "nomor_urut_nol",
            "Nomor urut NIK (4 angka terakhir) 0000 tidak mungkin; nomor urut mulai dari 0001.",
        ));
    }

    if let (Some(nik_dob), Some(printed)) = (out.birth_date, printed_dob) {
        if nik_dob != printed {
            out.warnings.push(finding(
                "tanggal_lahir_berbeda",
                format!(
                    "Tanggal lahir menurut NIK ({}) berbeda dengan yang tertulis ({}). \
                     NIK tetap sah (NIK tidak diubah walau tanggal lahir dibetulkan); \
                     cocokkan dengan foto dokumen.",
                    fmt_date(nik_dob),
                    fmt_date(printed)
                ),
            ));
        }
    }
    if let (Some(nik_sex), Some(printed)) = (out.sex, printed_sex) {
        if nik_sex != printed {
            out.warnings.push(finding(
                "jenis_kelamin_berbeda",
                format!(
                    "Jenis kelamin menurut NIK ({}) berbeda dengan yang tertulis ({}). \
                     NIK tetap sah; cocokkan dengan foto dokumen.",
                    nik_sex_text(nik_sex, ddmmyy.get(..2).unwrap_or("")),
                    sex_text(printed)
                ),
            ));
        }
    }

    out.normalized = Some(nik);
    out.valid = out.errors.is_empty();
    out
}

/// How the NIK shows its sex, for messages: `dd` is the day field as
/// written (e.g. `45` for a woman born on the 5th).
fn nik_sex_text(sex: Sex, dd: &str) -> String {
    match sex {
        Sex::L => format!("laki-laki: angka hari {dd}"),
        Sex::P => format!("perempuan: angka hari {dd}, yaitu tanggal ditambah 40"),
    }
}

/// A sex in words, for messages.
fn sex_text(sex: Sex) -> &'static str {
    match sex {
        Sex::L => "laki-laki",
        Sex::P => "perempuan",
    }
}

/// Decodes digits 7–12 into the birth date and sex. On failure, returns the
/// problem and the sex when the day field still shows it.
fn decode_birth(
    ddmmyy: &str,
    printed_dob: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<(NaiveDate, Sex), (DateProblem, Option<Sex>)> {
    let Some((dd, mm, yy)) = split_ddmmyy(ddmmyy) else {
        return Err((DateProblem::Month(0), None));
    };
    let (day, sex) = match dd {
        1..=31 => (dd, Sex::L),
        41..=71 => (dd - 40, Sex::P),
        _ => return Err((DateProblem::Day(dd), None)),
    };
    check_day_month(day, mm).map_err(|p| (p, Some(sex)))?;

    // The printed date of birth picks the century when its year ends in YY
    // and the result is not in the future.
    if let Some(printed) = printed_dob {
        if printed.year().rem_euclid(100) == yy as i32 {
            match NaiveDate::from_ymd_opt(printed.year(), mm, day) {
                Some(date) if date <= today => return Ok((date, sex)),
                Some(_) => {}
                None => return Err((DateProblem::NotLeap(printed.year()), Some(sex))),
            }
        }
    }
    latest_not_future(day, mm, yy, today)
        .map(|date| (date, sex))
        .map_err(|p| (p, Some(sex)))
}

#[cfg(test)]
#[path = "nik_tests.rs"]
mod tests;
