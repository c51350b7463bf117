//! The Kemendagri region tables, embedded in the binary and parsed once.
//!
//! The tables live in `data/wilayah/` (see its README for source, snapshot
//! and licence) and are compiled in with `include_str!`, so the checks never
//! read a file at run time. They are parsed on first use into sorted vectors
//! searched by code. A row that cannot be parsed is treated as absent rather
//! than panicking; the row-count test below makes a damaged table fail the
//! test suite instead.

use std::sync::OnceLock;

const PROVINSI_CSV: &str = include_str!("../../data/wilayah/provinsi.csv");
const KABKOTA_CSV: &str = include_str!("../../data/wilayah/kabkota.csv");
const KECAMATAN_CSV: &str = include_str!("../../data/wilayah/kecamatan.csv");
const KECAMATAN_LAMA_CSV: &str = include_str!("../../data/wilayah/kecamatan_kode_lama.csv");

/// A province (`kode` has 2 digits).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provinsi {
    pub kode: String,
    pub nama: String,
}

/// A current kabupaten/kota (`kode` has 4 digits; `nama` carries its
/// `Kabupaten`/`Kota` prefix).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kabkota {
    pub kode: String,
    pub nama: String,
    pub provinsi: String,
}

/// A current kecamatan (`kode` has 6 digits), with its parents' names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kecamatan {
    pub kode: String,
    pub nama: String,
    pub kabkota: String,
    pub provinsi: String,
}

/// A retired kecamatan code that old NIKs and KKs can still carry, with the
/// names it had and the code that replaced it (a derived, unofficial match).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KecamatanLama {
    pub kode: String,
    pub nama: String,
    pub kabkota: String,
    pub provinsi: String,
    /// The last decree edition that still listed the code.
    pub terakhir_tercantum: String,
    pub kode_sekarang: String,
}

/// A retired kabupaten/kota code, derived from the retired kecamatan codes:
/// its old name and province and the 4-digit code that replaced it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KabkotaLama {
    pub kode: String,
    pub nama: String,
    pub provinsi: String,
    pub kode_sekarang: String,
}

/// All tables, each sorted by `kode`.
#[derive(Debug, Default)]
pub struct Tables {
    pub provinsi: Vec<Provinsi>,
    pub kabkota: Vec<Kabkota>,
    pub kecamatan: Vec<Kecamatan>,
    pub kecamatan_lama: Vec<KecamatanLama>,
    pub kabkota_lama: Vec<KabkotaLama>,
}

/// The tables, parsed on first call.
pub fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(Tables::parse)
}

impl Tables {
    fn parse() -> Self {
        let mut t = Tables {
            provinsi: rows(PROVINSI_CSV, 2, |f| {
                Some(Provinsi {
                    kode: code(f.first()?, 2)?,
                    nama: f.get(1)?.clone(),
                })
            }),
            kabkota: rows(KABKOTA_CSV, 3, |f| {
                Some(Kabkota {
                    kode: code(f.first()?, 4)?,
                    nama: f.get(1)?.clone(),
                    provinsi: f.get(2)?.clone(),
                })
            }),
            kecamatan: rows(KECAMATAN_CSV, 4, |f| {
                Some(Kecamatan {
                    kode: code(f.first()?, 6)?,
                    nama: f.get(1)?.clone(),
                    kabkota: f.get(2)?.clone(),
                    provinsi: f.get(3)?.clone(),
                })
            }),
            kecamatan_lama: rows(KECAMATAN_LAMA_CSV, 6, |f| {
                Some(KecamatanLama {
                    kode: code(f.first()?, 6)?,
                    nama: f.get(1)?.clone(),
                    kabkota: f.get(2)?.clone(),
                    provinsi: f.get(3)?.clone(),
                    terakhir_tercantum: f.get(4)?.clone(),
                    kode_sekarang: code(f.get(5)?, 6)?,
                })
            }),
            kabkota_lama: Vec::new(),
        };
        t.provinsi.sort_by(|a, b| a.kode.cmp(&b.kode));
        t.kabkota.sort_by(|a, b| a.kode.cmp(&b.kode));
        t.kecamatan.sort_by(|a, b| a.kode.cmp(&b.kode));
        t.kecamatan_lama.sort_by(|a, b| a.kode.cmp(&b.kode));
        t.kabkota_lama = derive_kabkota_lama(&t);
        t
    }

    pub fn provinsi(&self, kode: &str) -> Option<&Provinsi> {
        find(&self.provinsi, kode, |r| &r.kode)
    }

    pub fn kabkota(&self, kode: &str) -> Option<&Kabkota> {
        find(&self.kabkota, kode, |r| &r.kode)
    }

    pub fn kecamatan(&self, kode: &str) -> Option<&Kecamatan> {
        find(&self.kecamatan, kode, |r| &r.kode)
    }

    pub fn kecamatan_lama(&self, kode: &str) -> Option<&KecamatanLama> {
        find(&self.kecamatan_lama, kode, |r| &r.kode)
    }

    pub fn kabkota_lama(&self, kode: &str) -> Option<&KabkotaLama> {
        find(&self.kabkota_lama, kode, |r| &r.kode)
    }
}

fn find<'a, T>(rows: &'a [T], kode: &str, key: impl Fn(&T) -> &String) -> Option<&'a T> {
    rows.binary_search_by(|r| key(r).as_str().cmp(kode))
        .ok()
        .and_then(|i| rows.get(i))
}

/// One retired kab/kota per 4-digit prefix of the retired kecamatan codes,
/// kept only when its successor is a current kab/kota that is not itself
/// the same code (a code that is still current is not retired).
fn derive_kabkota_lama(t: &Tables) -> Vec<KabkotaLama> {
    let mut out: Vec<KabkotaLama> = Vec::new();
    for k in &t.kecamatan_lama {
        let (Some(kode), Some(baru)) = (k.kode.get(..4), k.kode_sekarang.get(..4)) else {
            continue;
        };
        if out.last().is_some_and(|l| l.kode == kode)
            || t.kabkota(kode).is_some()
            || t.kabkota(baru).is_none()
        {
            continue;
        }
        out.push(KabkotaLama {
            kode: kode.to_owned(),
            nama: k.kabkota.clone(),
            provinsi: k.provinsi.clone(),
            kode_sekarang: baru.to_owned(),
        });
    }
    out
}

/// `s` when it is exactly `len` ASCII digits.
fn code(s: &str, len: usize) -> Option<String> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.to_owned())
}

/// The data rows of a CSV text (header skipped) mapped by `row`; rows with
/// fewer than `fields` fields or that `row` rejects are dropped.
fn rows<T>(csv: &str, fields: usize, row: impl Fn(&[String]) -> Option<T>) -> Vec<T> {
    csv.lines()
        .skip(1)
        .filter_map(|line| {
            let f = split_csv_line(line.trim_end_matches('\r'))?;
            if f.len() < fields {
                return None;
            }
            row(&f)
        })
        .collect()
}

/// Splits one RFC 4180 line into fields (quoted fields may hold commas and
/// doubled quotes). `None` for an unterminated quote.
fn split_csv_line(line: &str) -> Option<Vec<String>> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => fields.push(std::mem::take(&mut field)),
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return None;
    }
    fields.push(field);
    Some(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_counts_match_the_readme() {
        let t = tables();
        assert_eq!(t.provinsi.len(), 38, "38 provinces (Kepmendagri 2025)");
        assert_eq!(t.kabkota.len(), 514, "514 kabupaten/kota");
        assert_eq!(t.kecamatan.len(), 7285, "7,285 kecamatan");
        assert_eq!(t.kecamatan_lama.len(), 594, "594 retired kecamatan codes");
        assert_eq!(
            t.kabkota_lama.len(),
            26,
            "26 Papua regencies got new codes (README caveat 2)"
        );
    }

    #[test]
    fn every_retired_code_points_to_a_current_kecamatan() {
        let t = tables();
        for k in &t.kecamatan_lama {
            assert!(
                t.kecamatan(&k.kode_sekarang).is_some(),
                "{} must map to a current kecamatan, got {}",
                k.kode,
                k.kode_sekarang
            );
            assert!(
                t.kecamatan(&k.kode).is_none(),
                "{} is retired, so it must not also be current",
                k.kode
            );
        }
    }

    #[test]
    fn parents_exist() {
        let t = tables();
        for k in &t.kecamatan {
            assert!(
                k.kode.get(..4).and_then(|c| t.kabkota(c)).is_some(),
                "kecamatan {} needs a current kab/kota",
                k.kode
            );
        }
        for k in &t.kabkota {
            assert!(
                k.kode.get(..2).and_then(|c| t.provinsi(c)).is_some(),
                "kab/kota {} needs a province",
                k.kode
            );
        }
    }

    #[test]
    fn retired_kabkota_successors() {
        let t = tables();
        let merauke = t.kabkota_lama("9101");
        assert_eq!(
            merauke.map(|k| (k.nama.as_str(), k.kode_sekarang.as_str())),
            Some(("Kabupaten Merauke", "9301")),
            "README caveat 2: 9101 Merauke became 9301"
        );
        assert_eq!(
            t.kabkota_lama("9271").map(|k| k.kode_sekarang.as_str()),
            Some("9671"),
            "Kota Sorong became 9671"
        );
    }

    #[test]
    fn csv_lines_split_with_quotes() {
        assert_eq!(
            split_csv_line(r#"1,"a, ""b""",c"#),
            Some(vec!["1".to_owned(), r#"a, "b""#.to_owned(), "c".to_owned()]),
            "RFC 4180 quoting must be honoured in case a name ever has a comma"
        );
        assert_eq!(
            split_csv_line(r#"1,"open"#),
            None,
            "an unterminated quote makes the row unparseable, not a panic"
        );
        assert_eq!(code("12a", 3), None, "codes are digits only");
    }
}
