//! The verification form: the KTP-el and KK fields in the order the
//! documents print them (`DOMAIN.md`), the KK's member rows, the operator's
//! per-field marks and per-document revision reasons. Values are kept as
//! typed (UPPERCASE on the documents); dates as `YYYY-MM-DD` strings so a
//! half-typed date is still savable.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// KTP-el fields, in the order printed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct KtpFields {
    pub provinsi: String,
    pub kabupaten: String,
    pub nik: String,
    pub nama: String,
    pub tempat_lahir: String,
    /// `YYYY-MM-DD`.
    pub tanggal_lahir: String,
    /// `L` or `P`, or empty.
    pub jenis_kelamin: String,
    pub gol_darah: String,
    pub alamat: String,
    pub rt_rw: String,
    pub kel_desa: String,
    pub kecamatan: String,
    pub agama: String,
    pub status_perkawinan: String,
    pub pekerjaan: String,
    pub kewarganegaraan: String,
    pub berlaku_hingga: String,
}

/// One row of the KK's member table (the columns the check needs).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct KkMember {
    pub nama: String,
    pub nik: String,
    /// `L` or `P`, or empty.
    pub jenis_kelamin: String,
    pub tempat_lahir: String,
    /// `YYYY-MM-DD`.
    pub tanggal_lahir: String,
    /// Status hubungan dalam keluarga (KEPALA KELUARGA, ISTRI, ANAK, …).
    pub hubungan: String,
}

/// KK fields, in the order printed, with the member rows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct KkFields {
    pub no_kk: String,
    pub kepala_keluarga: String,
    pub alamat: String,
    pub rt_rw: String,
    pub desa_kelurahan: String,
    pub kecamatan: String,
    pub kabupaten_kota: String,
    pub kode_pos: String,
    pub provinsi: String,
    /// `YYYY-MM-DD`.
    pub tanggal_dikeluarkan: String,
    pub anggota: Vec<KkMember>,
}

/// The operator's verdict on one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldMark {
    /// true = "sesuai" (matches the photo), false = "tidak sesuai".
    pub ok: bool,
    /// Required when `ok` is false.
    #[serde(default)]
    pub reason: Option<String>,
}

/// Why a document must be sent again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RevisionReason {
    /// Buram: blurry or too dark.
    Blurry,
    /// Terpotong: part of the document is cut off.
    CutOff,
    /// Salah dokumen: not the KK/KTP asked for.
    WrongDocument,
    /// Fotokopi dari fotokopi / not an original.
    CopyOfCopy,
}

/// A revision reason for one document of the request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DocRevision {
    /// `ktp` or `kk`: which document must be sent again.
    pub document: String,
    pub reason: RevisionReason,
}

/// Everything the operator records while verifying one request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct VerificationForm {
    pub ktp: KtpFields,
    pub kk: KkFields,
    /// Keyed by field path: `ktp.nik`, `kk.no_kk`, `kk.anggota.0.nik`, …
    pub marks: BTreeMap<String, FieldMark>,
    pub revisions: Vec<DocRevision>,
}

impl RevisionReason {
    /// Indonesian words for the re-send message.
    pub fn label(self) -> &'static str {
        match self {
            RevisionReason::Blurry => "foto buram atau gelap",
            RevisionReason::CutOff => "sebagian dokumen terpotong",
            RevisionReason::WrongDocument => "dokumen yang dikirim bukan yang diminta",
            RevisionReason::CopyOfCopy => "foto dari fotokopi, bukan dokumen asli",
        }
    }
}
