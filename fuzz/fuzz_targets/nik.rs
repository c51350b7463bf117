//! NIK checks on anything an operator could paste: the NIK on the first
//! line, an optional printed birth date (as the CLI parses it) and sex on
//! the next two. Besides never panicking, the result must be coherent: a
//! valid NIK has no errors, 16 digits, a birth date not after today and a
//! sex, and checking its normalised form again gives the same verdict.

#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use loket_core::ident::{self, nik::check_nik, Sex};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut lines = text.splitn(3, '\n');
    let nik = lines.next().unwrap_or_default();
    let dob = lines.next().and_then(|d| loket_core::parse_date(d).ok());
    let sex = match lines.next().map(str::trim) {
        Some("L") => Some(Sex::L),
        Some("P") => Some(Sex::P),
        _ => None,
    };
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let out = check_nik(nik, dob, sex, today);
    if let Some(n) = &out.normalized {
        assert!(
            n.len() == 16 && n.bytes().all(|b| b.is_ascii_digit()),
            "{n:?}"
        );
        let _ = ident::mask_number(n);
    }
    if out.valid {
        assert!(out.errors.is_empty());
        assert!(out.birth_date.is_some_and(|d| d <= today));
        assert!(out.sex.is_some());
        let n = out.normalized.as_deref().unwrap();
        let again = check_nik(n, dob, sex, today);
        assert!(again.valid && again.normalized == out.normalized);
        assert_eq!(again.birth_date, out.birth_date);
    } else {
        assert!(!out.errors.is_empty(), "an invalid NIK says why");
    }
});
