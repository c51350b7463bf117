//! Every refusal of the document store, with its stable code and the
//! Indonesian sentence the operator reads. Kept in one place so that the
//! wording stays consistent and says what to do next (usually: ask the
//! citizen to send the document again).

use super::{MAX_FILE_BYTES, MAX_PDF_PAGES, MAX_PIXELS, MIN_SIDE};
use crate::error::{ErrorCode, LoketError, Result};

/// Every code [`super::inspect`] may refuse bytes with: what the file
/// itself can cause (no folder, no database). The fuzz target asserts that
/// any refusal is one of these, so a new refusal is added here once.
pub const INSPECT_REFUSALS: &[ErrorCode] = &[
    ErrorCode::BerkasKosong,
    ErrorCode::BerkasTerlaluBesar,
    ErrorCode::BukanGambar,
    ErrorCode::FormatTidakDidukung,
    ErrorCode::BerkasRusak,
    ErrorCode::GambarTerlaluKecil,
    ErrorCode::GambarTerlaluBesar,
    ErrorCode::TerlaluBanyakHalaman,
    ErrorCode::PdfTerkunci,
    ErrorCode::IsiPdfTerlaluBesar,
    ErrorCode::PdfTerlaluBerat,
];

const RESEND: &str = "minta pemohon mengirim ulang";

pub(super) fn empty() -> LoketError {
    LoketError::new(
        ErrorCode::BerkasKosong,
        format!("Berkas kosong (0 byte) — {RESEND}."),
    )
}

pub(super) fn too_large(len: u64) -> LoketError {
    LoketError::new(
        ErrorCode::BerkasTerlaluBesar,
        format!(
            "Berkas terlalu besar ({:.1} MB; paling besar {} MB) — {RESEND} dengan ukuran lebih kecil.",
            len as f64 / 1_048_576.0,
            MAX_FILE_BYTES / 1_048_576
        ),
    )
}

pub(super) fn unreadable(name: &str, err: &std::io::Error) -> LoketError {
    let why = match err.kind() {
        _ if crate::fsutil::held_open(err) => {
            "sedang dikunci program lain; tutup program itu lalu ulangi"
        }
        std::io::ErrorKind::NotFound => "tidak ditemukan (mungkin sudah dipindah atau dihapus)",
        std::io::ErrorKind::PermissionDenied => "tidak boleh dibuka (izin berkas)",
        _ => "tidak bisa dibaca",
    };
    LoketError::new(
        ErrorCode::BerkasTidakBisaDibaca,
        format!("Berkas \"{}\" {why}.", short(name)),
    )
}

pub(super) fn not_a_file(name: &str) -> LoketError {
    LoketError::new(
        ErrorCode::BerkasTidakBisaDibaca,
        format!("\"{}\" bukan berkas (mungkin folder).", short(name)),
    )
}

pub(super) fn not_an_image() -> LoketError {
    LoketError::new(
        ErrorCode::BukanGambar,
        "Berkas ini bukan foto atau PDF (isinya bukan JPG, PNG, WebP atau PDF, apa pun nama berkasnya).",
    )
}

pub(super) fn unsupported(what: &str) -> LoketError {
    let hint = if what.starts_with("HEIC") {
        "minta pemohon mengirim ulang sebagai foto biasa di WhatsApp (bukan sebagai dokumen), atau simpan sebagai JPG"
    } else {
        "simpan ulang sebagai JPG, PNG atau PDF"
    };
    LoketError::new(
        ErrorCode::FormatTidakDidukung,
        format!("Format {what} belum didukung — {hint}."),
    )
}

pub(super) fn damaged(what: &str) -> LoketError {
    LoketError::new(
        ErrorCode::BerkasRusak,
        format!("{what} rusak atau terpotong — {RESEND}."),
    )
}

/// Refuses a header size that is too large to decode or too small to read
/// (before any pixel is decoded: `decode.rs` and `jpeg.rs` call it).
pub(super) fn check_dims(width: u32, height: u32) -> Result<()> {
    let (w, h) = (u64::from(width), u64::from(height));
    if w * h > MAX_PIXELS {
        return Err(too_many_pixels(w, h));
    }
    if width.min(height) < MIN_SIDE {
        return Err(too_small(width, height));
    }
    Ok(())
}

pub(super) fn too_small(width: u32, height: u32) -> LoketError {
    LoketError::new(
        ErrorCode::GambarTerlaluKecil,
        format!(
            "Gambar terlalu kecil ({width}×{height} piksel; sisi terpendek minimal {MIN_SIDE}) untuk dibaca — {RESEND} foto yang lebih jelas."
        ),
    )
}

pub(super) fn too_many_pixels(width: u64, height: u64) -> LoketError {
    LoketError::new(
        ErrorCode::GambarTerlaluBesar,
        format!(
            "Ukuran gambar tidak wajar ({width}×{height} piksel; paling banyak {} megapiksel) — {RESEND} foto biasa.",
            MAX_PIXELS / 1_000_000
        ),
    )
}

pub(super) fn over_decoder_limits() -> LoketError {
    LoketError::new(
        ErrorCode::GambarTerlaluBesar,
        format!("Ukuran gambar tidak wajar, terlalu besar untuk dibuka — {RESEND} foto biasa."),
    )
}

pub(super) fn too_many_pages(pages: usize) -> LoketError {
    LoketError::new(
        ErrorCode::TerlaluBanyakHalaman,
        format!(
            "PDF ini {pages} halaman; KK atau KTP paling banyak {MAX_PDF_PAGES} halaman. Kirim hanya halaman dokumennya."
        ),
    )
}

pub(super) fn pdf_locked() -> LoketError {
    LoketError::new(
        ErrorCode::PdfTerkunci,
        format!("PDF ini dikunci kata sandi — {RESEND} PDF tanpa kata sandi, atau fotonya."),
    )
}

pub(super) fn pdf_expands_too_far() -> LoketError {
    LoketError::new(
        ErrorCode::IsiPdfTerlaluBesar,
        format!(
            "Isi PDF ini mengembang lebih dari {} MB saat dibuka — tidak wajar untuk KK atau KTP; {RESEND} PDF aslinya, atau fotonya.",
            super::MAX_PDF_EXPANDED / (1024 * 1024)
        ),
    )
}

pub(super) fn pdf_too_heavy(seconds: u64, megabytes: u64) -> LoketError {
    LoketError::new(
        ErrorCode::PdfTerlaluBerat,
        format!(
            "PDF ini terlalu berat untuk digambar (lebih dari {seconds} detik atau {megabytes} MB memori) — tidak wajar untuk KK atau KTP; {RESEND} PDF aslinya, atau fotonya."
        ),
    )
}

pub(super) fn no_document(id: i64) -> LoketError {
    LoketError::new(
        ErrorCode::DokumenTidakDitemukan,
        format!("Dokumen #{id} tidak ditemukan (atau sudah dihapus dari permohonan)."),
    )
}

pub(super) fn internal(what: &str) -> LoketError {
    LoketError::new(
        ErrorCode::GagalMenyimpan,
        format!("Gagal memproses dokumen: {what}."),
    )
}

fn short(s: &str) -> String {
    s.chars().filter(|c| !c.is_control()).take(80).collect()
}
