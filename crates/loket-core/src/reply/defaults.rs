//! The reply templates Loket ships with: one per outcome and one "please
//! re-send" per revision reason, in the polite Indonesian the office uses on
//! WhatsApp. A supervisor may replace any of them in settings; an emptied
//! template falls back to these.

use crate::delivery::Step;
use crate::model::Outcome;
use crate::verify::RevisionReason;

const CLOSING: &str = "Layanan ini tidak dipungut biaya. Bila ada kendala, hubungi WhatsApp \
pengaduan {pengaduan}.\n\nTerima kasih,\n{dinas}";

/// The shipped text of an outcome's reply.
pub fn outcome_text(outcome: Outcome) -> String {
    let body = match outcome {
        Outcome::Updated => {
            "NIK Bapak/Ibu ({nik}) sudah kami perbarui dan sekarang aktif. Silakan \
             gunakan kembali untuk keperluan Bapak/Ibu."
        }
        Outcome::UpdatedPendingSync => {
            "NIK Bapak/Ibu ({nik}) sudah kami perbarui. Bank, BPJS dan lembaga lain \
             baru dapat melihat perubahannya setelah 3×24 jam; mohon dicoba kembali \
             setelah itu."
        }
        Outcome::DuplicateNik => {
            "NIK Bapak/Ibu ({nik}) tercatat ganda. Permohonan sudah kami teruskan untuk \
             ditangani lebih lanjut; kami kabari kembali melalui chat ini."
        }
        Outcome::NotRecorded => {
            "Data Bapak/Ibu belum dapat diperbarui karena belum melakukan perekaman \
             KTP-el. Mohon datang ke kantor {dinas} dengan membawa KK asli untuk \
             perekaman."
        }
        Outcome::DataMismatch => {
            "Data pada KK dan KTP-el yang dikirim tidak sesuai satu sama lain, sehingga \
             NIK belum dapat diperbarui. Mohon datang ke kantor dengan membawa KK dan \
             KTP-el asli, atau kirim ulang foto dokumen yang benar melalui chat ini."
        }
        Outcome::ResendNeeded => {
            "Foto dokumen yang dikirim belum dapat kami proses. Mohon kirim ulang foto \
             KK dan KTP-el asli yang jelas dan utuh melalui chat ini."
        }
    };
    format!(
        "Yth. Bapak/Ibu {{nama}},\n\nPermohonan {{layanan}} nomor {{no_registrasi}}: \
         {{hasil}}.\n\n{body}\n\n{CLOSING}"
    )
}

/// The shipped text of a re-send request for a reason.
pub fn resend_text(reason: RevisionReason) -> String {
    let ask = match reason {
        RevisionReason::Blurry => {
            "Mohon kirim ulang foto {dokumen} yang terang dan tidak buram (foto di tempat \
             yang cukup cahaya, tanpa kilap)."
        }
        RevisionReason::CutOff => {
            "Mohon kirim ulang foto {dokumen} yang utuh: keempat sudut dokumen harus \
             terlihat."
        }
        RevisionReason::WrongDocument => {
            "Mohon kirim foto {dokumen} milik pemohon; yang terkirim bukan dokumen yang \
             diminta."
        }
        RevisionReason::CopyOfCopy => {
            "Mohon kirim ulang foto {dokumen} dari dokumen asli, bukan dari fotokopi."
        }
    };
    format!(
        "Yth. Bapak/Ibu {{nama}},\n\nPermohonan {{layanan}} nomor {{no_registrasi}} belum \
         dapat kami proses karena:\n{{rincian}}\n\n{ask}\n\n{CLOSING}"
    )
}

/// The shipped text telling a POS KETANMU applicant where their documents are.
pub fn delivery_text(step: Step) -> String {
    let body = match step {
        Step::Registered => {
            "Permohonan dokumen Bapak/Ibu sudah kami terima dan akan kami verifikasi serta \
             proses. Dokumen akan dikirim ke alamat: {alamat}."
        }
        Step::Processed => {
            "Dokumen Bapak/Ibu sudah selesai diproses dan segera diserahkan ke petugas pos \
             untuk dikirim."
        }
        Step::HandedOver => {
            "Dokumen Bapak/Ibu sudah diserahkan ke petugas pos ({kurir}, nomor resi {resi}) \
             dan akan diantar ke alamat: {alamat}. Ongkos kirim dibayar di tempat (COD) \
             kepada petugas."
        }
        Step::Failed => {
            "Petugas pos belum berhasil mengantar dokumen Bapak/Ibu ke alamat: {alamat}. \
             Mohon balas chat ini dengan alamat atau nomor yang bisa dihubungi."
        }
        _ => {
            "Dokumen Bapak/Ibu tercatat sudah diterima. Terima kasih telah memakai layanan \
             POS KETANMU."
        }
    };
    format!("Yth. Bapak/Ibu {{nama}},\n\nPOS KETANMU nomor {{no_registrasi}}: {body}\n\nTerima kasih,\n{{dinas}}")
}

/// The shipped frame of a complaint's answer.
pub fn complaint_text() -> String {
    "Yth. Bapak/Ibu {nama},\n\nTerima kasih atas pengaduan Bapak/Ibu (nomor {no_registrasi}). \
     {jawaban}\n\nBila masih ada kendala, balas chat ini.\n\nSalam,\n{dinas}"
        .to_owned()
}
