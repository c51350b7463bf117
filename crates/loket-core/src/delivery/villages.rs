//! The villages (desa/kelurahan) of Kabupaten Mojokerto, embedded, for the
//! delivery address of POS KETANMU: the post officer needs the village and
//! district right, so they are picked from the official list, not typed.

use crate::error::{ErrorCode, LoketError, Result};
use serde::Serialize;
use std::sync::OnceLock;
use ts_rs::TS;

const DESA_CSV: &str = include_str!("../../data/wilayah/desa_mojokerto.csv");

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Village {
    /// 10-digit Kemendagri code, e.g. 3516012001.
    pub code: String,
    pub name: String,
    pub district: String,
}

/// Every village, sorted by district then name.
pub fn all() -> &'static [Village] {
    static TABLE: OnceLock<Vec<Village>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut v: Vec<Village> = DESA_CSV
            .lines()
            .skip(1)
            .filter_map(|line| {
                let mut parts = line.trim_end_matches('\r').splitn(3, ',');
                let (code, name, district) = (parts.next()?, parts.next()?, parts.next()?);
                (code.len() == 10).then(|| Village {
                    code: code.to_owned(),
                    name: name.to_owned(),
                    district: district.to_owned(),
                })
            })
            .collect();
        v.sort_by(|a, b| (&a.district, &a.name).cmp(&(&b.district, &b.name)));
        v
    })
}

/// The village with that code, or a coded refusal.
pub fn by_code(code: &str) -> Result<&'static Village> {
    let code = code.trim();
    all().iter().find(|v| v.code == code).ok_or_else(|| {
        LoketError::new(
            ErrorCode::MasukanTidakValid,
            format!(
                "Kode desa \"{code}\" tidak ada di Kabupaten Mojokerto. Pilih desa dari daftar."
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_whole() {
        assert_eq!(all().len(), 304, "every desa/kelurahan of Kab. Mojokerto");
        let v = by_code("3516012001").map(|v| (v.name.as_str(), v.district.as_str()));
        assert_eq!(v.ok(), Some(("Tawangrejo", "Jatirejo")));
        assert!(
            by_code("3578010001").is_err(),
            "a Surabaya code is not a Mojokerto village"
        );
    }
}
