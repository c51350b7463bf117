//! WhatsApp number normalisation on anything typed or pasted. An accepted
//! number is `+628` and 8–11 more digits, normalising it again changes
//! nothing, and a refusal carries the phone code.

#![no_main]

use libfuzzer_sys::fuzz_target;
use loket_core::phone::{normalize_phone, phone_search_prefix};
use loket_core::{ident, ErrorCode};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match normalize_phone(&text) {
        Ok(p) => {
            let digits = p.strip_prefix("+62").expect("E.164 with +62");
            assert!(digits.starts_with('8'), "{p}");
            assert!((9..=12).contains(&digits.len()), "{p}");
            assert!(digits.bytes().all(|b| b.is_ascii_digit()), "{p}");
            assert_eq!(normalize_phone(&p).as_deref(), Ok(p.as_str()));
        }
        Err(e) => assert_eq!(e.code, ErrorCode::NomorWaTidakValid),
    }
    if let Some(prefix) = phone_search_prefix(&ident::digits_only(&text)) {
        assert!(prefix.starts_with("+62"), "{prefix}");
    }
});
