//! The office's own details, printed on receipts and recaps and quoted in
//! WhatsApp replies: name, address, the service, the complaints number.
//!
//! Defaults are those of the public service page (`Pelayanan Validasi NIK`,
//! Dispendukcapil Kabupaten Mojokerto); a supervisor edits them in settings.
//! They live in the settings table so they travel with backups.

use crate::db::Db;
use crate::error::{ErrorCode, LoketError, Result};
use crate::settings;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

const KEY_OFFICE: &str = "office_profile";
const MAX_FIELD: usize = 200;

/// What the office prints about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct OfficeProfile {
    /// "Pemerintah Kabupaten Mojokerto".
    pub government: String,
    /// "Dinas Kependudukan dan Pencatatan Sipil".
    pub agency: String,
    pub address: String,
    /// The office telephone, as printed.
    pub phone: String,
    pub website: String,
    /// The service the desk runs: "Pelayanan Validasi NIK".
    pub service: String,
    /// The complaints WhatsApp number, as printed (`08113202060`).
    pub complaints_whatsapp: String,
}

impl Default for OfficeProfile {
    fn default() -> Self {
        Self {
            government: "Pemerintah Kabupaten Mojokerto".to_owned(),
            agency: "Dinas Kependudukan dan Pencatatan Sipil".to_owned(),
            address: "Jl. R.A. Basuni No. 23, Mojokerto 61361".to_owned(),
            phone: "(0321) 322336".to_owned(),
            website: "dispendukcapil.mojokertokab.go.id".to_owned(),
            service: "Pelayanan Validasi NIK".to_owned(),
            complaints_whatsapp: "08113202060".to_owned(),
        }
    }
}

fn invalid(message: String) -> LoketError {
    LoketError::new(ErrorCode::MasukanTidakValid, message)
}

impl OfficeProfile {
    /// A trimmed copy; the agency and service must be filled and no field may
    /// be longer than 200 characters or hold a line break.
    pub fn validated(&self) -> Result<OfficeProfile> {
        let fields = [
            ("Pemerintah daerah", &self.government),
            ("Nama dinas", &self.agency),
            ("Alamat", &self.address),
            ("Telepon", &self.phone),
            ("Situs web", &self.website),
            ("Nama layanan", &self.service),
            ("Nomor WhatsApp pengaduan", &self.complaints_whatsapp),
        ];
        for (label, value) in fields {
            if value.chars().count() > MAX_FIELD {
                return Err(invalid(format!(
                    "{label} terlalu panjang (maksimal {MAX_FIELD} huruf)."
                )));
            }
            if value.contains(['\n', '\r']) {
                return Err(invalid(format!("{label} harus satu baris.")));
            }
        }
        let clean = OfficeProfile {
            government: self.government.trim().to_owned(),
            agency: self.agency.trim().to_owned(),
            address: self.address.trim().to_owned(),
            phone: self.phone.trim().to_owned(),
            website: self.website.trim().to_owned(),
            service: self.service.trim().to_owned(),
            complaints_whatsapp: self.complaints_whatsapp.trim().to_owned(),
        };
        if clean.agency.is_empty() || clean.service.is_empty() {
            return Err(invalid(
                "Nama dinas dan nama layanan wajib diisi.".to_owned(),
            ));
        }
        Ok(clean)
    }
}

/// The stored profile, or the defaults when none was saved.
pub fn load<'c>(db: impl Into<Db<'c>>) -> Result<OfficeProfile> {
    match settings::get(db, KEY_OFFICE)? {
        None => Ok(OfficeProfile::default()),
        Some(json) => serde_json::from_str::<OfficeProfile>(&json)
            .map_err(|e| {
                invalid(format!(
                    "Data kantor di pengaturan tidak bisa dibaca ({e}). Simpan ulang pengaturan."
                ))
            })?
            .validated(),
    }
}

/// Validates and stores the profile; an invalid one is refused unwritten.
pub fn save<'c>(db: impl Into<Db<'c>>, profile: &OfficeProfile) -> Result<OfficeProfile> {
    let clean = profile.validated()?;
    let json = serde_json::to_string(&clean)
        .map_err(|e| invalid(format!("Data kantor gagal disimpan: {e}")))?;
    settings::set(db, KEY_OFFICE, &json)?;
    Ok(clean)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::testing::each_engine;

    #[test]
    fn defaults_until_saved_then_the_saved_profile() -> Result<()> {
        each_engine(|conn| {
            assert_eq!(load(conn)?, OfficeProfile::default());
            let p = OfficeProfile {
                address: "  Jl. Contoh 1  ".to_owned(),
                ..OfficeProfile::default()
            };
            let saved = save(conn, &p)?;
            assert_eq!(saved.address, "Jl. Contoh 1");
            assert_eq!(load(conn)?, saved);
            Ok(())
        })
    }

    #[test]
    fn refuses_empty_service_and_line_breaks_without_writing() -> Result<()> {
        each_engine(|conn| {
            let p = OfficeProfile {
                service: " ".to_owned(),
                ..OfficeProfile::default()
            };
            assert_eq!(
                save(conn, &p).unwrap_err().code,
                ErrorCode::MasukanTidakValid
            );
            let p = OfficeProfile {
                address: "a\nb".to_owned(),
                ..OfficeProfile::default()
            };
            assert_eq!(
                save(conn, &p).unwrap_err().code,
                ErrorCode::MasukanTidakValid
            );
            assert_eq!(load(conn)?, OfficeProfile::default());
            Ok(())
        })
    }
}
