//! PostgreSQL's errors as Loket's coded ones: a server gone is
//! `server_kantor_tidak_terjangkau` (the desk keeps what was typed and
//! retries), a refused password `akses_kantor_ditolak`, a full disk
//! `disk_penuh`; the rest `gagal_menyimpan` with the cause kept for the log.

use crate::error::{ErrorCode, LoketError};
use postgres::error::SqlState;

impl From<postgres::Error> for LoketError {
    fn from(e: postgres::Error) -> Self {
        let coded = match e.code() {
            Some(c) if *c == SqlState::DISK_FULL => LoketError::new(
                ErrorCode::DiskPenuh,
                "Disk server kantor penuh: data tidak tersimpan. Hubungi petugas TI.",
            ),
            Some(c)
                if *c == SqlState::INVALID_PASSWORD
                    || *c == SqlState::INVALID_AUTHORIZATION_SPECIFICATION =>
            {
                LoketError::new(
                    ErrorCode::AksesKantorDitolak,
                    "Server basis data kantor menolak nama pengguna atau kata sandi meja ini.",
                )
            }
            Some(c) if *c == SqlState::INSUFFICIENT_PRIVILEGE => LoketError::new(
                ErrorCode::AksesKantorDitolak,
                "Server basis data kantor tidak mengizinkan perubahan ini untuk pengguna meja.",
            ),
            Some(c) if c.code().starts_with("08") || *c == SqlState::ADMIN_SHUTDOWN => gone(),
            Some(_) => LoketError::new(
                ErrorCode::GagalMenyimpan,
                format!("Gagal mengakses basis data kantor: {}", message(&e)),
            ),
            None if e.is_closed() || io_cause(&e) => gone(),
            None => LoketError::new(
                ErrorCode::GagalMenyimpan,
                format!("Gagal mengakses basis data kantor: {e}"),
            ),
        };
        coded.with_source(e)
    }
}

fn gone() -> LoketError {
    LoketError::new(
        ErrorCode::ServerKantorTidakTerjangkau,
        "Server basis data kantor tidak terjangkau. Yang sudah diketik tetap ada; coba lagi sebentar lagi.",
    )
}

fn io_cause(e: &postgres::Error) -> bool {
    std::error::Error::source(e).is_some_and(|s| s.is::<std::io::Error>())
}

fn message(e: &postgres::Error) -> String {
    e.as_db_error()
        .map_or_else(|| e.to_string(), |d| d.message().to_owned())
}

/// A failed connection: unreachable, or refused.
pub(super) fn connect(e: postgres::Error) -> LoketError {
    LoketError::from(e)
}
