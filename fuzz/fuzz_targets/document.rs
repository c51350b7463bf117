//! A document's bytes through every check and decode of an add (size,
//! format sniffing, header limits, JPEG/PNG/WebP/PDF decoding, derived
//! images), with nothing written: `documents::inspect`. Whatever the bytes,
//! the answer is a document within the limits or a refusal with one of the
//! document codes (`documents::INSPECT_REFUSALS`) — never a panic, a hang or an internal error.

#![no_main]

use libfuzzer_sys::fuzz_target;
use loket_core::documents::{self, MAX_PDF_PAGES, MIN_SIDE};

fuzz_target!(|data: &[u8]| {
    match documents::inspect(data) {
        Ok(doc) => {
            assert!(doc.width.min(doc.height) >= MIN_SIDE, "{doc:?}");
            assert!((1..=MAX_PDF_PAGES as u32).contains(&doc.pages), "{doc:?}");
        }
        Err(e) => assert!(
            documents::INSPECT_REFUSALS.contains(&e.code),
            "{e:?}"
        ),
    }
});
