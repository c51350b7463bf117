//! PINs: the rules a new one must meet and its argon2id hash.
//!
//! Only the PHC string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`) is
//! stored, with a fresh random salt per PIN. The parameters are the argon2
//! crate's defaults (OWASP's minimum for argon2id); they are in the string,
//! so raising them later still verifies old hashes.

use crate::error::{ErrorCode, LoketError, Result};
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

pub const MIN_LEN: usize = 6;
pub const MAX_LEN: usize = 128;

/// Refuses PINs that are too short or trivially guessed: one repeated
/// character, or a run of consecutive digits (123456, 987654).
pub fn check_new(pin: &str) -> Result<()> {
    let chars: Vec<char> = pin.chars().collect();
    let weak = |msg: &str| Err(LoketError::new(ErrorCode::PinTerlaluLemah, msg));
    if chars.len() < MIN_LEN {
        return weak(&format!("PIN minimal {MIN_LEN} karakter."));
    }
    if chars.len() > MAX_LEN {
        return weak(&format!("PIN paling panjang {MAX_LEN} karakter."));
    }
    if chars.iter().all(|c| *c == chars[0]) {
        return weak("PIN tidak boleh satu karakter yang diulang.");
    }
    let digits: Option<Vec<i32>> = chars
        .iter()
        .map(|c| c.to_digit(10).and_then(|d| i32::try_from(d).ok()))
        .collect();
    if let Some(d) = digits {
        let step = d[1] - d[0];
        if step.abs() == 1 && d.windows(2).all(|w| w[1] - w[0] == step) {
            return weak("PIN tidak boleh angka berurutan seperti 123456.");
        }
    }
    Ok(())
}

/// The argon2id PHC string of a PIN.
pub fn hash(pin: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(pin.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| {
            LoketError::new(
                ErrorCode::GagalMenyimpan,
                format!("PIN tidak bisa disimpan: {e}"),
            )
        })
}

/// Whether `pin` matches the stored PHC string. A malformed stored hash
/// matches nothing.
pub fn matches(pin: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|parsed| {
            Argon2::default()
                .verify_password(pin.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}
