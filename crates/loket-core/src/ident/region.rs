//! What the first 6 digits of a NIK or KK number say about the region.
//!
//! A NIK keeps the kecamatan code of where it was first issued, for life, so
//! a Mojokerto resident may hold any code in Indonesia, in the coding of the
//! year it was issued. Regions split and are renumbered (26 Papua regencies
//! got new codes in 2022 and 2025), so an unknown kab/kota or kecamatan code
//! is only a warning; a retired code is named together with the code that
//! replaced it. No province code has ever been retired, so an unknown
//! province is an error.
//!
//! Finding codes produced here:
//! - `provinsi_tidak_dikenal` (error): digits 1–2 are no province.
//! - `kabkota_tidak_dikenal` (warning): digits 1–4 are no kab/kota, current
//!   or retired.
//! - `kecamatan_tidak_dikenal` (warning): the kab/kota is known (or retired,
//!   then its successor is named) but digits 1–6 are no kecamatan.
//! - `kecamatan_kode_lama` (warning): a retired kecamatan code; the message
//!   names today's code and names.

pub use super::wilayah::{Kabkota, KabkotaLama, Kecamatan, KecamatanLama, Provinsi};

use super::findings::{finding, Doc};
use super::wilayah::tables;
use super::{Finding, RegionInfo};

/// What is known about a 6-digit region code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegionLookup {
    /// A current kecamatan code.
    Current(&'static Kecamatan),
    /// A retired kecamatan code and the current kecamatan that replaced it.
    Retired {
        lama: &'static KecamatanLama,
        sekarang: &'static Kecamatan,
    },
    /// The kab/kota is known but the kecamatan is not. `kabkota` is today's
    /// kab/kota; when the code's kab/kota part is a retired code, `lama` is
    /// that retired code and `kabkota` its successor.
    UnknownKecamatan {
        kabkota: &'static Kabkota,
        lama: Option<&'static KabkotaLama>,
    },
    /// The province is known but the kab/kota is neither current nor retired.
    UnknownKabkota { provinsi: &'static Provinsi },
    /// No such province.
    UnknownProvince,
    /// Not 6 ASCII digits.
    Malformed,
}

impl RegionLookup {
    /// The names shown for `kode6`: for a retired code, today's names of its
    /// successor; `None` for each level that is unknown.
    pub fn info(&self, kode6: &str) -> RegionInfo {
        let (provinsi, kabkota, kecamatan) = match *self {
            RegionLookup::Current(k) | RegionLookup::Retired { sekarang: k, .. } => {
                (Some(&k.provinsi), Some(&k.kabkota), Some(&k.nama))
            }
            RegionLookup::UnknownKecamatan { kabkota, .. } => {
                (Some(&kabkota.provinsi), Some(&kabkota.nama), None)
            }
            RegionLookup::UnknownKabkota { provinsi } => (Some(&provinsi.nama), None, None),
            RegionLookup::UnknownProvince | RegionLookup::Malformed => (None, None, None),
        };
        RegionInfo {
            kode: kode6.to_owned(),
            provinsi: provinsi.cloned(),
            kabkota: kabkota.cloned(),
            kecamatan: kecamatan.cloned(),
        }
    }
}

/// Looks up a 6-digit kecamatan code: current, retired (with today's code),
/// or how much of it is unknown.
pub fn lookup(kode6: &str) -> RegionLookup {
    if kode6.len() != 6 || !kode6.bytes().all(|b| b.is_ascii_digit()) {
        return RegionLookup::Malformed;
    }
    let t = tables();
    if let Some(k) = t.kecamatan(kode6) {
        return RegionLookup::Current(k);
    }
    if let Some(lama) = t.kecamatan_lama(kode6) {
        if let Some(sekarang) = t.kecamatan(&lama.kode_sekarang) {
            return RegionLookup::Retired { lama, sekarang };
        }
    }
    let (Some(kode4), Some(kode2)) = (kode6.get(..4), kode6.get(..2)) else {
        return RegionLookup::Malformed;
    };
    if let Some(kabkota) = t.kabkota(kode4) {
        return RegionLookup::UnknownKecamatan {
            kabkota,
            lama: None,
        };
    }
    if let Some(lama) = t.kabkota_lama(kode4) {
        if let Some(kabkota) = t.kabkota(&lama.kode_sekarang) {
            return RegionLookup::UnknownKecamatan {
                kabkota,
                lama: Some(lama),
            };
        }
    }
    match t.provinsi(kode2) {
        Some(provinsi) => RegionLookup::UnknownKabkota { provinsi },
        None => RegionLookup::UnknownProvince,
    }
}

/// The name of a province, e.g. `35` → `Jawa Timur`.
pub fn province_name(kode2: &str) -> Option<&'static str> {
    tables().provinsi(kode2).map(|p| p.nama.as_str())
}

/// The name of a current kab/kota, with its prefix, e.g. `3516` →
/// `Kabupaten Mojokerto`.
pub fn kabkota_name(kode4: &str) -> Option<&'static str> {
    tables().kabkota(kode4).map(|k| k.nama.as_str())
}

/// The name of a current kecamatan, e.g. `351602` → `Gondang`. Retired codes
/// give `None`; use [`lookup`] for those.
pub fn kecamatan_name(kode6: &str) -> Option<&'static str> {
    tables().kecamatan(kode6).map(|k| k.nama.as_str())
}

/// Checks the region part of a 16-digit number: pushes its findings and
/// returns the region to show.
pub(crate) fn check_region(
    kode6: &str,
    doc: Doc,
    errors: &mut Vec<Finding>,
    warnings: &mut Vec<Finding>,
) -> RegionInfo {
    let found = lookup(kode6);
    let name = doc.name();
    match found {
        RegionLookup::Current(_) => {}
        RegionLookup::Retired { lama, sekarang } => {
            let dulu = if lama.nama == sekarang.nama && lama.kabkota == sekarang.kabkota {
                String::new()
            } else {
                format!(" (dulu {}, {}, {})", lama.nama, lama.kabkota, lama.provinsi)
            };
            warnings.push(finding(
                "kecamatan_kode_lama",
                format!(
                    "Kode kecamatan {kode6} sudah tidak dipakai; sekarang {} {}, {}, {}{dulu}.",
                    sekarang.kode, sekarang.nama, sekarang.kabkota, sekarang.provinsi
                ),
            ));
        }
        RegionLookup::UnknownKecamatan { kabkota, lama } => {
            let message = match lama {
                Some(l) => format!(
                    "Kode kecamatan {kode6} tidak dikenal. Kode kabupaten/kota {} ({}, {}) \
                     sudah tidak dipakai; sekarang {} {}, {}.",
                    l.kode, l.nama, l.provinsi, kabkota.kode, kabkota.nama, kabkota.provinsi
                ),
                None => format!(
                    "Kode kecamatan {kode6} tidak dikenal di {}, {}. Periksa lagi angkanya; \
                     bisa juga kecamatan baru yang belum ada di daftar wilayah Loket.",
                    kabkota.nama, kabkota.provinsi
                ),
            };
            warnings.push(finding("kecamatan_tidak_dikenal", message));
        }
        RegionLookup::UnknownKabkota { provinsi } => warnings.push(finding(
            "kabkota_tidak_dikenal",
            format!(
                "Kode kabupaten/kota {} (angka ke-1 sampai ke-4 {name}) tidak dikenal di \
                 provinsi {}. Periksa lagi angkanya; bisa juga kode lama yang belum ada di \
                 daftar wilayah Loket.",
                kode6.get(..4).unwrap_or(kode6),
                provinsi.nama
            ),
        )),
        RegionLookup::UnknownProvince | RegionLookup::Malformed => errors.push(finding(
            "provinsi_tidak_dikenal",
            format!(
                "Kode provinsi {} (2 angka pertama {name}) tidak ada. Periksa lagi {name}-nya.",
                kode6.get(..2).unwrap_or(kode6)
            ),
        )),
    }
    found.info(kode6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn current_mojokerto_codes() {
        assert_eq!(
            kecamatan_name("351602"),
            Some("Gondang"),
            "351602 is Gondang in kecamatan.csv"
        );
        assert_eq!(kabkota_name("3516"), Some("Kabupaten Mojokerto"), "3516");
        assert_eq!(province_name("35"), Some("Jawa Timur"), "35 is Jawa Timur");
        assert_eq!(
            lookup("351602").info("351602"),
            RegionInfo {
                kode: "351602".into(),
                provinsi: Some("Jawa Timur".into()),
                kabkota: Some("Kabupaten Mojokerto".into()),
                kecamatan: Some("Gondang".into()),
            },
            "a current code shows all three names"
        );
    }

    #[test]
    fn retired_papua_code_names_its_successor() {
        let found = lookup("910101");
        assert!(
            matches!(found, RegionLookup::Retired { sekarang, .. } if sekarang.kode == "930101"),
            "910101 (Merauke, Papua) was renumbered 930101 in Papua Selatan: {found:?}"
        );
        assert_eq!(
            kecamatan_name("910101"),
            None,
            "kecamatan_name answers for current codes only"
        );
        let info = found.info("910101");
        assert_eq!(info.kode, "910101", "kode stays as written");
        assert_eq!(
            info.provinsi.as_deref(),
            Some("Papua Selatan"),
            "today's province of the successor is shown"
        );
    }

    #[test]
    fn partial_knowledge() {
        assert!(
            matches!(lookup("351699"), RegionLookup::UnknownKecamatan { kabkota, lama: None } if kabkota.kode == "3516"),
            "351699 is an unknown kecamatan in a known kab/kota"
        );
        assert!(
            matches!(lookup("910199"), RegionLookup::UnknownKecamatan { kabkota, lama: Some(_) } if kabkota.kode == "9301"),
            "an unknown kecamatan under retired 9101 names the successor 9301"
        );
        assert!(
            matches!(lookup("359901"), RegionLookup::UnknownKabkota { provinsi } if provinsi.kode == "35"),
            "3599 is no kab/kota of Jawa Timur"
        );
        assert_eq!(lookup("001234"), RegionLookup::UnknownProvince, "00");
        assert_eq!(lookup("991234"), RegionLookup::UnknownProvince, "99");
        assert_eq!(lookup("35160"), RegionLookup::Malformed, "5 digits");
        assert_eq!(lookup("35160é"), RegionLookup::Malformed, "non-ASCII");
    }

    #[test]
    fn findings_per_case() {
        let run = |k: &str| {
            let (mut e, mut w) = (Vec::new(), Vec::new());
            let info = check_region(k, Doc::Nik, &mut e, &mut w);
            (info, e, w)
        };
        let (_, e, w) = run("910101");
        assert!(e.is_empty(), "a retired code is no error");
        assert_eq!(
            w.first().map(|f| f.message.as_str()),
            Some(
                "Kode kecamatan 910101 sudah tidak dipakai; sekarang 930101 Merauke, \
                 Kabupaten Merauke, Papua Selatan."
            ),
            "the warning names today's district"
        );
        let (_, _, w) = run("920505");
        assert!(
            w.first()
                .is_some_and(|f| f.message.contains("960305 Ayau")
                    && f.message.contains("dulu Kepulauan Ayau")),
            "when the name changed, the old name is shown too: {w:?}"
        );
        let (info, e, w) = run("000101");
        assert_eq!(e.len(), 1, "unknown province is an error");
        assert!(w.is_empty(), "and nothing else");
        assert_eq!(info.provinsi, None, "no names for an unknown province");
        let (_, e, w) = run("359901");
        assert!(e.is_empty(), "unknown kab/kota is only a warning");
        assert_eq!(
            w.first().map(|f| f.code.as_str()),
            Some("kabkota_tidak_dikenal"),
            "code for an unknown kab/kota"
        );
    }
}
