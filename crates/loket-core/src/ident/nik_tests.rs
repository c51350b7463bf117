//! Unit tests of [`super::check_nik`] (a separate file to keep `nik.rs`
//! short).

use super::*;
use crate::ident::Finding;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn codes(v: &[Finding]) -> Vec<&str> {
    v.iter().map(|f| f.code.as_str()).collect()
}

fn nik(s: &str) -> IdCheck {
    check_nik(s, None, None, today())
}

#[test]
fn female_day_has_40_added() {
    let r = nik("3516024512900003");
    assert!(r.valid, "a well-formed Gondang NIK is valid: {r:?}");
    assert_eq!(r.birth_date, ymd(1990, 12, 5), "day 45 is the 5th");
    assert_eq!(r.sex, Some(Sex::P), "day 41-71 means perempuan");
    assert!(
        r.warnings.is_empty(),
        "nothing to warn about: {:?}",
        r.warnings
    );
    let r = nik("3516020712050421");
    assert_eq!(r.sex, Some(Sex::L), "day 01-31 means laki-laki");
    assert_eq!(r.birth_date, ymd(2005, 12, 7), "07-12-05 is 2005");
}

#[test]
fn mojokerto_region_names() {
    let region = nik("3516024512900003").region.unwrap();
    assert_eq!(region.kode, "351602", "kode is the 6 digits as written");
    assert_eq!(
        region.kecamatan.as_deref(),
        Some("Gondang"),
        "351602 is Gondang"
    );
    assert_eq!(
        region.kabkota.as_deref(),
        Some("Kabupaten Mojokerto"),
        "3516 is Kabupaten Mojokerto"
    );
    assert_eq!(region.provinsi.as_deref(), Some("Jawa Timur"), "35");
    let r = nik("3576014305950361");
    assert_eq!(
        r.region.and_then(|g| g.kabkota).as_deref(),
        Some("Kota Mojokerto"),
        "3576 is the separate Kota Mojokerto; a NIK need not start with 3516"
    );
}

#[test]
fn leap_day() {
    assert_eq!(
        nik("3516022902000001").birth_date,
        ymd(2000, 2, 29),
        "29-02-2000 exists: 2000 is a leap year"
    );
    assert_eq!(
        nik("3516026902040001").birth_date,
        ymd(2004, 2, 29),
        "a woman born 29-02-2004 has day 69"
    );
    let r = nik("3516022902010001");
    assert!(!r.valid, "29-02-2001 and 29-02-1901 do not exist");
    assert_eq!(
        codes(&r.errors),
        ["tanggal_lahir_tidak_valid"],
        "date error"
    );
    assert!(
        r.errors[0].message.contains("kabisat"),
        "the message says why: {}",
        r.errors[0].message
    );
    let r = check_nik("3516022902000001", ymd(1900, 3, 1), None, today());
    assert_eq!(
        codes(&r.errors),
        ["tanggal_lahir_tidak_valid"],
        "with a printed year 1900 the century is 1900, which has no 29 February"
    );
}

#[test]
fn century_without_printed_date() {
    assert_eq!(
        nik("3516020101050001").birth_date,
        ymd(2005, 1, 1),
        "YY 05 in 2026 is 2005"
    );
    assert_eq!(
        nik("3516020101300001").birth_date,
        ymd(1930, 1, 1),
        "YY 30 in 2026 is 1930 (2030 is in the future)"
    );
    assert_eq!(
        nik("3516022511260001").birth_date,
        ymd(2026, 11, 25),
        "born today is not in the future"
    );
    assert_eq!(
        nik("3516022611260001").birth_date,
        ymd(1926, 11, 26),
        "tomorrow in this century goes back 100 years"
    );
}

#[test]
fn century_from_printed_date() {
    let r = check_nik("3516020101050001", ymd(1905, 1, 1), None, today());
    assert_eq!(
        r.birth_date,
        ymd(1905, 1, 1),
        "printed 1905 picks 1905 over 2005"
    );
    assert!(r.warnings.is_empty(), "and agrees: {:?}", r.warnings);
    let r = check_nik("3516024512900003", ymd(1991, 12, 5), Some(Sex::P), today());
    assert_eq!(
        r.birth_date,
        ymd(1990, 12, 5),
        "a printed year not ending in 90 falls back to the latest 1990"
    );
    assert_eq!(codes(&r.warnings), ["tanggal_lahir_berbeda"], "and warns");
    assert!(r.valid, "a differing year is still only a warning");
    let r = check_nik("3516022512260001", ymd(2026, 12, 25), None, today());
    assert_eq!(
        r.birth_date,
        ymd(1926, 12, 25),
        "a printed date in the future cannot pick the century"
    );
    assert_eq!(codes(&r.warnings), ["tanggal_lahir_berbeda"], "and differs");
}

#[test]
fn printed_mismatch_is_a_warning_and_changes_nothing() {
    let r = check_nik("3516024512900003", ymd(1990, 12, 6), Some(Sex::L), today());
    assert!(
        r.valid,
        "PP 40/2019: a NIK stays valid when the birth date differs"
    );
    assert_eq!(
        codes(&r.warnings),
        ["tanggal_lahir_berbeda", "jenis_kelamin_berbeda"],
        "both disagreements are shown"
    );
    assert_eq!(
        r.birth_date,
        ymd(1990, 12, 5),
        "birth_date is what the NIK encodes"
    );
    assert_eq!(r.sex, Some(Sex::P), "sex is what the NIK encodes");
    assert!(
        r.warnings[0].message.contains("05-12-1990")
            && r.warnings[0].message.contains("06-12-1990"),
        "both dates are shown as printed (DD-MM-YYYY): {}",
        r.warnings[0].message
    );
}

#[test]
fn impossible_dates() {
    for (n, why) in [
        ("3516020012900001", "day 00"),
        ("3516023212900001", "day 32 is neither 01-31 nor 41-71"),
        ("3516024012900001", "day 40 is neither"),
        ("3516027212900001", "day 72 is past 71"),
        ("3516020113900001", "month 13"),
        ("3516020100900001", "month 00"),
        ("3516023104900001", "31 April"),
        ("3516027104900001", "31 April for a woman"),
    ] {
        let r = nik(n);
        assert_eq!(codes(&r.errors), ["tanggal_lahir_tidak_valid"], "{why}");
        assert_eq!(r.birth_date, None, "{why}: no date decoded");
        assert_eq!(r.normalized.as_deref(), Some(n), "{why}: still 16 digits");
    }
    assert_eq!(nik("3516023212900001").sex, None, "day 32 shows no sex");
    assert_eq!(
        nik("3516024513900001").sex,
        Some(Sex::P),
        "day 45 shows perempuan even when the month is wrong"
    );
}

#[test]
fn serial_zero() {
    let r = nik("3516024512900000");
    assert_eq!(
        codes(&r.errors),
        ["nomor_urut_nol"],
        "serial 0000 is invalid"
    );
    assert!(nik("3516024512909999").valid, "serial 9999 is fine");
}

#[test]
fn unknown_province_is_an_error() {
    for n in ["0016024512900003", "9916024512900003"] {
        let r = nik(n);
        assert!(!r.valid, "{n}: no province code has been retired");
        assert_eq!(codes(&r.errors), ["provinsi_tidak_dikenal"], "{n}");
        let region = r.region.unwrap();
        assert_eq!(region.kode, n[..6], "kode is kept as written");
        assert_eq!(region.provinsi, None, "{n}: unknown names are null");
    }
}

#[test]
fn retired_papua_code_is_a_warning() {
    let r = nik("9101014512900003");
    assert!(r.valid, "an old Papua NIK is still valid");
    assert_eq!(codes(&r.warnings), ["kecamatan_kode_lama"], "retired code");
    assert!(
        r.warnings[0]
            .message
            .contains("930101 Merauke, Kabupaten Merauke, Papua Selatan"),
        "the warning names today's district: {}",
        r.warnings[0].message
    );
    let region = r.region.unwrap();
    assert_eq!(region.kode, "910101", "kode as written");
    assert_eq!(
        region.provinsi.as_deref(),
        Some("Papua Selatan"),
        "today's names"
    );
}

#[test]
fn unknown_kecamatan_or_kabkota_is_a_warning() {
    let r = nik("3516994512900003");
    assert!(
        r.valid,
        "a new or unlisted kecamatan must not block a request"
    );
    assert_eq!(codes(&r.warnings), ["kecamatan_tidak_dikenal"], "351699");
    assert!(
        r.warnings[0].message.contains("Kabupaten Mojokerto"),
        "names the known kab/kota: {}",
        r.warnings[0].message
    );
    let region = r.region.unwrap();
    assert_eq!(
        region.kabkota.as_deref(),
        Some("Kabupaten Mojokerto"),
        "known part"
    );
    assert_eq!(region.kecamatan, None, "unknown part is null");
    let r = nik("3599014512900003");
    assert!(r.valid, "an unknown kab/kota is a warning");
    assert_eq!(codes(&r.warnings), ["kabkota_tidak_dikenal"], "3599");
    assert!(
        r.warnings[0].message.contains("Jawa Timur"),
        "names the province"
    );
}

#[test]
fn separators_and_letters() {
    let r = nik("3516 02.4512-90 0003");
    assert!(r.valid, "grouped digits are the same NIK");
    assert_eq!(
        r.normalized.as_deref(),
        Some("3516024512900003"),
        "normalised"
    );
    let r = nik("35160245129OOOO3");
    assert_eq!(
        codes(&r.errors),
        ["nik_bukan_angka"],
        "letters are an error"
    );
    assert_eq!(r.normalized, None, "no normalised value with letters");
    assert!(r.errors[0].message.contains("'O'"), "shows the letter");
    assert_eq!(
        codes(&nik("351602451290003").errors),
        ["nik_panjang_salah"],
        "15"
    );
    assert_eq!(
        codes(&nik("35160245129000031").errors),
        ["nik_panjang_salah"],
        "17"
    );
    assert_eq!(codes(&nik("").errors), ["kosong"], "empty");
    assert_eq!(
        codes(&nik(&"1".repeat(100)).errors),
        ["nik_panjang_salah"],
        "long"
    );
}

#[test]
fn no_panic_on_odd_input() {
    let long = "٣".repeat(100_000);
    for s in [
        "\u{0}",
        "🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂",
        "٣٥١٦٠٢٤٥١٢٩٠٠٠٠٣",
        "3516024512900003\u{301}",
        "\u{202e}3516024512900003",
        "- - - - -",
        long.as_str(),
    ] {
        let r = nik(s);
        assert!(!r.valid || r.errors.is_empty(), "valid iff no errors");
        assert_eq!(
            r.valid,
            r.errors.is_empty(),
            "valid iff no errors for {s:?}"
        );
    }
    assert!(
        nik("\u{200e}3516024512900003").valid,
        "LRM from a paste is dropped"
    );
    assert!(
        !nik("3516024512900003\u{301}").valid,
        "a combining accent is no separator"
    );
}

#[test]
fn json_contract() {
    let v = serde_json::to_value(nik("3516024512900003")).unwrap();
    assert_eq!(v["birth_date"], "1990-12-05", "dates cross as YYYY-MM-DD");
    assert_eq!(v["sex"], "P", "sex crosses as L/P");
    assert_eq!(v["region"]["kode"], "351602", "region.kode");
    let v = serde_json::to_value(nik("x")).unwrap();
    assert!(
        v["normalized"].is_null(),
        "normalized is null without 16 digits"
    );
}
