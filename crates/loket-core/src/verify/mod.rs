//! Field-by-field verification of a request against its KK and KTP photos.
//!
//! The operator transcribes what the documents print and marks each field
//! "sesuai" or "tidak sesuai" with a reason; `check.rs` cross-checks the two
//! documents as the operator types (NIK against printed birth date and sex,
//! the KTP holder among the KK's members, the two addresses); `store.rs`
//! keeps every saved version with who saved it and when, so what was
//! checked is never lost; `resend.rs` turns document revision reasons into
//! the `waiting_citizen` move and a ready re-send message.

pub mod check;
pub mod form;
pub mod resend;
pub mod store;

pub use check::{check_form, FormCheck};
pub use form::{
    DocRevision, FieldMark, KkFields, KkMember, KtpFields, RevisionReason, VerificationForm,
};
pub use resend::{request_resend, ResendResult};
pub use store::{load, save, SavedVerification};

#[cfg(test)]
mod tests;
