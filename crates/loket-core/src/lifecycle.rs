//! The request lifecycle as a state machine.
//!
//! ```text
//! received ──► verifying ──► done(outcome) ──► replied
//!     │            ▲  │
//!     └──► waiting_citizen ◄┘   (asked for a re-send; the SLA clock pauses)
//! ```
//! Every move is checked here before anything is written, and recorded as an
//! append-only event by `requests::move_request`.

use crate::error::{ErrorCode, LoketError, Result};
use crate::model::{Outcome, Status};

/// The statuses reachable in one move from `from`.
pub fn next_statuses(from: Status) -> &'static [Status] {
    use Status::*;
    match from {
        Received => &[Verifying, WaitingCitizen],
        Verifying => &[Done, WaitingCitizen],
        WaitingCitizen => &[Verifying],
        Done => &[Replied],
        Replied => &[],
    }
}

/// Indonesian label of a status, for messages (the shared words of `labels.rs`).
pub use crate::labels::status_label;

/// Checks one move; `outcome` is required for `done` and refused otherwise.
pub fn check_move(from: Status, to: Status, outcome: Option<Outcome>) -> Result<()> {
    if !next_statuses(from).contains(&to) {
        return Err(LoketError::new(
            ErrorCode::PerpindahanTidakSah,
            format!(
                "Tidak bisa memindahkan permohonan dari \"{}\" ke \"{}\".",
                status_label(from),
                status_label(to)
            ),
        ));
    }
    match (to, outcome) {
        (Status::Done, None) => Err(LoketError::new(
            ErrorCode::HasilWajibDiisi,
            "Pilih hasil layanan sebelum menandai selesai.",
        )),
        (Status::Done, Some(_)) | (_, None) => Ok(()),
        (_, Some(_)) => Err(LoketError::new(
            ErrorCode::HasilWajibDiisi,
            "Hasil layanan hanya diisi saat menandai selesai.",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::VariantArray;

    #[test]
    fn every_pair_is_allowed_exactly_when_listed() {
        for &from in Status::VARIANTS {
            for &to in Status::VARIANTS {
                let outcome = (to == Status::Done).then_some(Outcome::Updated);
                let allowed = next_statuses(from).contains(&to);
                assert_eq!(
                    check_move(from, to, outcome).is_ok(),
                    allowed,
                    "{from} -> {to} must be {}",
                    if allowed { "allowed" } else { "refused" }
                );
            }
        }
    }

    #[test]
    fn done_needs_an_outcome_and_only_done_takes_one() {
        let e = check_move(Status::Verifying, Status::Done, None);
        assert_eq!(e.map_err(|e| e.code), Err(ErrorCode::HasilWajibDiisi));
        let e = check_move(Status::Received, Status::Verifying, Some(Outcome::Updated));
        assert_eq!(e.map_err(|e| e.code), Err(ErrorCode::HasilWajibDiisi));
    }

    #[test]
    fn replied_is_final() {
        assert!(next_statuses(Status::Replied).is_empty());
    }
}
