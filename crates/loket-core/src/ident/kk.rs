//! The KK number check: `PP KK CC DDMMYY SSSS`.
//!
//! Every request carries the number of the family card (Kartu Keluarga), and
//! SIAK finds the family by it. Its first 6 digits are the district that
//! issued the card (same region handling as the NIK), then the date the
//! family's data was recorded in SIAK (with no +40 for women: the date
//! belongs to the family, not to a person), then a serial from 0001. A
//! recording date cannot lie in the future.
//!
//! Finding codes (errors make `valid` false; warnings do not):
//! - `kosong` (error): nothing but separators.
//! - `kk_bukan_angka` (error): a character other than digits and separators.
//! - `kk_panjang_salah` (error): not 16 digits, or more than 64 characters.
//! - `provinsi_tidak_dikenal` (error), `kabkota_tidak_dikenal`,
//!   `kecamatan_tidak_dikenal`, `kecamatan_kode_lama` (warnings): see
//!   [`super::region`].
//! - `kk_tanggal_tidak_valid` (error): digits 7–12 are no real date (day
//!   01–31, month 01–12, 29 February only in leap years).
//! - `kk_tanggal_di_masa_depan` (error): the recording date is after today.
//! - `nomor_urut_nol` (error): the serial (digits 13–16) is 0000.
//!
//! In the result, `birth_date` holds the recording date (also when it is in
//! the future, so the operator sees it) and `sex` is always null.

use chrono::NaiveDate;

use super::date::{
    check_day_month, fmt_date, latest_year, problem_text, split_ddmmyy, DateProblem,
};
use super::findings::{empty_check, finding, normalize_or_finding, Doc};
use super::region::check_region;
use super::IdCheck;

/// Checks a KK number as typed or pasted. `today` bounds the recording date
/// and picks its century (the latest year ending in YY that is not after
/// this year).
pub fn check_kk(input: &str, today: NaiveDate) -> IdCheck {
    let mut out = empty_check();
    let kk = match normalize_or_finding(input, Doc::Kk) {
        Ok(kk) => kk,
        Err(f) => {
            out.errors.push(f);
            return out;
        }
    };
    let (Some(kode6), Some(ddmmyy), Some(serial)) = (kk.get(..6), kk.get(6..12), kk.get(12..))
    else {
        return out;
    };
    out.region = Some(check_region(
        kode6,
        Doc::Kk,
        &mut out.errors,
        &mut out.warnings,
    ));

    match decode_recording_date(ddmmyy, today) {
        Ok(date) => {
            out.birth_date = Some(date);
            if date > today {
                out.errors.push(finding(
                    "kk_tanggal_di_masa_depan",
                    format!(
                        "Tanggal pencatatan pada nomor KK ({}) belum terjadi; \
                         nomor KK tidak mungkin bertanggal di masa depan. Periksa lagi \
                         angka ke-7 sampai ke-12.",
                        fmt_date(date)
                    ),
                ));
            }
        }
        Err(problem) => out.errors.push(finding(
            "kk_tanggal_tidak_valid",
            format!(
                "Tanggal pencatatan pada nomor KK (angka ke-7 sampai ke-12: {ddmmyy}) \
                 tidak valid: {}.",
                problem_text(
                    problem,
                    "harus 01 sampai 31; pada nomor KK tanggal tidak ditambah 40"
                )
            ),
        )),
    }

    if serial == "0000" {
        out.errors.push(finding(
            "nomor_urut_nol",
            "Nomor urut KK (4 angka terakhir) 0000 tidak mungkin; nomor urut mulai dari 0001.",
        ));
    }

    out.normalized = Some(kk);
    out.valid = out.errors.is_empty();
    out
}

/// Decodes digits 7–12 into the recording date, in the latest year ending in
/// YY that is not after today's year (the date itself may still be after
/// today; the caller reports that).
fn decode_recording_date(ddmmyy: &str, today: NaiveDate) -> Result<NaiveDate, DateProblem> {
    let Some((dd, mm, yy)) = split_ddmmyy(ddmmyy) else {
        return Err(DateProblem::Month(0));
    };
    if !(1..=31).contains(&dd) {
        return Err(DateProblem::Day(dd));
    }
    check_day_month(dd, mm)?;
    let year = latest_year(yy, today);
    NaiveDate::from_ymd_opt(year, mm, dd).ok_or(DateProblem::NotLeap(year))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    fn codes(v: &[super::super::Finding]) -> Vec<&str> {
        v.iter().map(|f| f.code.as_str()).collect()
    }

    #[test]
    fn fixture_like_kk_is_valid() {
        let r = check_kk("3516132901250420", today());
        assert!(
            r.valid,
            "a Mojokerto KK recorded 29-01-2025 is valid: {r:?}"
        );
        assert_eq!(
            r.birth_date,
            NaiveDate::from_ymd_opt(2025, 1, 29),
            "birth_date holds the recording date"
        );
        assert_eq!(r.sex, None, "a KK number has no sex");
        assert!(r.warnings.is_empty(), "no warnings: {:?}", r.warnings);
        assert_eq!(
            r.region.and_then(|g| g.kecamatan).as_deref(),
            Some("Sooko"),
            "351613 is Sooko"
        );
    }

    #[test]
    fn day_45_is_an_error_on_a_kk() {
        let r = check_kk("3516134501250420", today());
        assert!(!r.valid, "a KK date has no +40, so day 45 is invalid");
        assert_eq!(
            codes(&r.errors),
            ["kk_tanggal_tidak_valid"],
            "one date error"
        );
        assert!(
            r.errors[0].message.contains("tidak ditambah 40"),
            "the message explains the +40 rule does not apply: {}",
            r.errors[0].message
        );
        assert_eq!(r.birth_date, None, "no date is decoded");
    }

    #[test]
    fn future_recording_date_is_an_error() {
        let r = check_kk("3516132512260420", today());
        assert_eq!(
            codes(&r.errors),
            ["kk_tanggal_di_masa_depan"],
            "25-12-2026 is after 25-11-2026; a KK is not recorded in the future"
        );
        assert_eq!(
            r.birth_date,
            NaiveDate::from_ymd_opt(2026, 12, 25),
            "the date is shown, not moved to 1926"
        );
        assert!(
            check_kk("3516132511260420", today()).valid,
            "a KK recorded today is fine"
        );
        assert_eq!(
            check_kk("3516131503900001", today()).birth_date,
            NaiveDate::from_ymd_opt(1990, 3, 15),
            "YY 90 is 1990"
        );
    }

    #[test]
    fn leap_day_on_a_kk() {
        assert!(
            check_kk("3516132902240001", today()).valid,
            "29-02-2024 exists"
        );
        let r = check_kk("3516132902230001", today());
        assert_eq!(
            codes(&r.errors),
            ["kk_tanggal_tidak_valid"],
            "29-02-2023 does not exist"
        );
    }

    #[test]
    fn serial_and_region() {
        let r = check_kk("3516132901250000", today());
        assert_eq!(
            codes(&r.errors),
            ["nomor_urut_nol"],
            "serial 0000 is invalid"
        );
        let r = check_kk("9901012901250001", today());
        assert_eq!(
            codes(&r.errors),
            ["provinsi_tidak_dikenal"],
            "province 99 does not exist"
        );
        let r = check_kk("9101012901250001", today());
        assert!(r.valid, "a retired district code is only a warning");
        assert_eq!(codes(&r.warnings), ["kecamatan_kode_lama"], "retired code");
    }

    #[test]
    fn format_errors_use_kk_codes() {
        assert_eq!(
            codes(&check_kk("3516-13-2901-2504-2O", today()).errors),
            ["kk_bukan_angka"],
            "letter O"
        );
        assert_eq!(
            codes(&check_kk("351613290125042", today()).errors),
            ["kk_panjang_salah"],
            "15 digits"
        );
        let r = check_kk("  ", today());
        assert_eq!(codes(&r.errors), ["kosong"], "blank");
        assert_eq!(r.normalized, None, "no number, no normalized value");
        assert_eq!(r.region, None, "no number, no region");
    }
}
