//! KK number checks on anything an operator could paste. A valid number has
//! no errors, 16 digits and a recording date not after today, and checking
//! its normalised form again gives the same verdict.

#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use loket_core::ident::{self, kk::check_kk};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let out = check_kk(&text, today);
    if let Some(n) = &out.normalized {
        assert!(
            n.len() == 16 && n.bytes().all(|b| b.is_ascii_digit()),
            "{n:?}"
        );
        let _ = ident::show_number(n, false);
    }
    if out.valid {
        assert!(out.errors.is_empty());
        assert!(out.birth_date.is_some_and(|d| d <= today));
        let again = check_kk(out.normalized.as_deref().unwrap(), today);
        assert!(again.valid && again.normalized == out.normalized);
    } else {
        assert!(!out.errors.is_empty(), "an invalid number says why");
    }
});
