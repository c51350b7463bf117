//! The access log: who looked at, printed, exported, backed up or changed
//! what, and when — append-only and hash-chained so that an edited or
//! deleted entry is detectable (`chain::verify`).
//!
//! Changes to requests and documents are logged by triggers in the schema
//! (migration 0005), inside the transaction that makes them. Everything that
//! is not a database change — a document viewed, a receipt printed, a recap
//! exported, a full NIK shown, a login — is logged here by `record`, called
//! by the shell and the CLI right where it happens. Entries never hold a NIK
//! or a citizen's name: the registration number (as `request_id`) says which
//! request, the detail says what.

pub mod chain;
mod query;

pub use chain::{verify, ChainReport};
pub use query::{list, LogFilter, LogRow};

use crate::actor::{Actor, Origin};
use crate::db::Db;
use crate::error::Result;
use crate::sql_params;
use crate::words::impl_words;
use serde::{Deserialize, Serialize};
use strum::{EnumString, IntoStaticStr, VariantArray};
use ts_rs::TS;

/// What the code outside the database logs. Stored as the snake_case word;
/// the schema's triggers add the change actions (`permohonan_dibuat`,
/// `status_diubah`, `dokumen_ditambah`, ...), see `label`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[derive(IntoStaticStr, EnumString, VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum Action {
    Masuk,
    GagalMasuk,
    Dikunci,
    Keluar,
    AkunDibuat,
    PinDiubah,
    AkunDinonaktifkan,
    DokumenDilihat,
    NikLengkapDitampilkan,
    BuktiDicetak,
    BuktiDisimpan,
    BalasanDibuka,
    RekapDilihat,
    RekapDiekspor,
    RekapDicetak,
    SerahTerimaDicetak,
    PengaturanDiubah,
    TemplatDiubah,
    CadanganDibuat,
    DataDipulihkan,
    RetensiDijalankan,
    LogDibaca,
    /// A single desk's folder was imported into the office database.
    DataDiimpor,
}

impl_words!(Action);

/// The Indonesian words a supervisor reads for a stored action.
pub fn label(action: &str) -> &str {
    match action {
        "log_dimulai" => "Log dimulai",
        "masuk" => "Masuk",
        "gagal_masuk" => "PIN salah",
        "dikunci" => "Layar dikunci",
        "keluar" => "Keluar",
        "akun_dibuat" => "Akun dibuat",
        "pin_diubah" => "PIN diubah",
        "akun_dinonaktifkan" => "Akun dinonaktifkan",
        "dokumen_dilihat" => "Dokumen dilihat",
        "nik_lengkap_ditampilkan" => "NIK lengkap ditampilkan",
        "bukti_dicetak" => "Bukti layanan dicetak",
        "bukti_disimpan" => "Bukti layanan disimpan",
        "balasan_dibuka" => "Balasan WhatsApp dibuka",
        "rekap_dilihat" => "Rekap dilihat",
        "rekap_diekspor" => "Rekap diekspor",
        "rekap_dicetak" => "Rekap dicetak",
        "serah_terima_dicetak" => "Daftar serah terima dicetak",
        "pengaturan_diubah" => "Pengaturan diubah",
        "templat_diubah" => "Templat balasan diubah",
        "cadangan_dibuat" => "Cadangan dibuat",
        "data_dipulihkan" => "Data dipulihkan",
        "retensi_dijalankan" => "Foto dihapus (retensi)",
        "log_dibaca" => "Log akses dibaca",
        "data_diimpor" => "Data meja diimpor ke kantor",
        "permohonan_dibuat" => "Permohonan dibuat",
        "status_diubah" => "Status diubah",
        "dokumen_ditambah" => "Dokumen ditambahkan",
        "dokumen_dihapus" => "Dokumen dihapus",
        "jenis_dokumen_diubah" => "Jenis dokumen diubah",
        "dokumen_dipindah" => "Dokumen dipindahkan",
        "verifikasi_disimpan" => "Verifikasi disimpan",
        "permohonan_digabung" => "Permohonan digabung",
        "tetap_terpisah" => "Ditandai bukan kiriman ulang",
        "dokumen_dihapus_retensi" => "Foto dihapus (retensi)",
        "kiriman_dibuat" => "POS KETANMU didaftarkan",
        "kiriman_diubah" => "POS KETANMU: langkah",
        "pengaduan_diterima" => "Pengaduan diterima",
        "pengaduan_dijawab" => "Pengaduan dijawab",
        "pengaduan_ditutup" => "Pengaduan ditutup",
        other => other,
    }
}

/// Appends one entry, marked with this process's origin (app or CLI).
/// `reg_no` names the request it is about, if any (an unknown number is
/// logged without a request rather than refused: the log must not lose an
/// entry over it). Inside a transaction the entry joins it; otherwise it is
/// its own `BEGIN IMMEDIATE` transaction, so the previous hash is read under
/// the write lock the app and `loket-cli` share.
pub fn record<'c>(
    conn: impl Into<Db<'c>>,
    at: i64,
    operator: &str,
    action: Action,
    reg_no: Option<&str>,
    detail: &str,
) -> Result<()> {
    append(conn, at, operator, None, action, reg_no, detail)
}

/// Appends one entry for `actor`, with the actor's own origin: what every
/// operation of `ops/` calls inside its transaction.
pub fn record_by<'c>(
    conn: impl Into<Db<'c>>,
    actor: &Actor,
    at: i64,
    action: Action,
    reg_no: Option<&str>,
    detail: &str,
) -> Result<()> {
    append(
        conn,
        at,
        &actor.name,
        Some(actor.origin),
        action,
        reg_no,
        detail,
    )
}

fn append<'c>(
    conn: impl Into<Db<'c>>,
    at: i64,
    operator: &str,
    origin: Option<Origin>,
    action: Action,
    reg_no: Option<&str>,
    detail: &str,
) -> Result<()> {
    conn.into().write(|tx| {
        tx.execute(
            "INSERT INTO access_log_append (at, operator, action, request_id, detail, origin)
             VALUES (?1, ?2, ?3, (SELECT id FROM requests WHERE reg_no = ?4), ?5, ?6)",
            sql_params![
                at,
                operator,
                action.as_str(),
                reg_no,
                detail,
                origin.map(Origin::as_str)
            ],
        )?;
        Ok(())
    })
}

#[cfg(test)]
mod tests;
