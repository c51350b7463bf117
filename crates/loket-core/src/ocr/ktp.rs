//! The KTP-el's fields from its rows: label-value pairs, the big NIK line,
//! the province and regency header.

use super::digits::{find_date, find_number, number};
use super::labels::{find, snap, Label};
use super::reading::Suggestion;
use super::text::{Row, Scored};
use super::vocab;

const LABELS: [Label; 14] = [
    Label {
        printed: "NIK",
        field: "nik",
    },
    Label {
        printed: "Nama",
        field: "nama",
    },
    Label {
        printed: "Tempat/Tgl Lahir",
        field: "ttl",
    },
    Label {
        printed: "Jenis Kelamin",
        field: "jenis_kelamin",
    },
    Label {
        printed: "Gol. Darah",
        field: "gol_darah",
    },
    Label {
        printed: "Alamat",
        field: "alamat",
    },
    Label {
        printed: "RT/RW",
        field: "rt_rw",
    },
    Label {
        printed: "Kel/Desa",
        field: "kel_desa",
    },
    Label {
        printed: "Kecamatan",
        field: "kecamatan",
    },
    Label {
        printed: "Agama",
        field: "agama",
    },
    Label {
        printed: "Status Perkawinan",
        field: "status_perkawinan",
    },
    Label {
        printed: "Pekerjaan",
        field: "pekerjaan",
    },
    Label {
        printed: "Kewarganegaraan",
        field: "kewarganegaraan",
    },
    Label {
        printed: "Berlaku Hingga",
        field: "berlaku_hingga",
    },
];

/// The KTP-el fields found in `rows`.
pub fn parse(rows: &[Row]) -> Vec<Suggestion> {
    let mut out = Vec::new();
    header(rows, &mut out);
    let found = find(rows, &LABELS);
    let nik = found
        .iter()
        .find(|f| f.field == "nik")
        .and_then(|f| find_number(&f.value, 16))
        .or_else(|| rows.iter().find_map(|r| find_number(&r.joined(), 16)));
    if let Some((_, n, _)) = nik {
        out.push(Suggestion::number("nik", &n));
    }
    for f in &found {
        value(f.field, &f.value, &mut out);
    }
    out
}

/// "PROVINSI JAWA TIMUR" and "KABUPATEN MOJOKERTO" (or "KOTA …").
fn header(rows: &[Row], out: &mut Vec<Suggestion>) {
    for row in rows.iter().take(4) {
        let joined = row.joined().trim_matches(&[]);
        let text = joined.text().to_uppercase();
        for (prefix, field) in [
            ("PROVINSI", "provinsi"),
            ("KABUPATEN", "kabupaten"),
            ("KOTA", "kabupaten"),
        ] {
            let skip = prefix.chars().count();
            if text.starts_with(prefix) && !out.iter().any(|s| s.field == field) {
                let rest = joined.slice(skip, joined.chars.len()).trim_matches(&[]);
                if !rest.is_empty() {
                    out.push(Suggestion::text(field, &rest));
                }
            }
        }
    }
}

/// One labelled value into the form's field(s).
pub fn value(field: &str, v: &Scored, out: &mut Vec<Suggestion>) {
    let conf = v.confidence();
    match field {
        "nik" => {}
        "ttl" => match find_date(v) {
            Some((place, iso, dconf)) => {
                let place = place.trim_matches(&[',', '.']);
                if !place.is_empty() {
                    out.push(Suggestion::text("tempat_lahir", &place));
                }
                out.push(Suggestion::decided("tanggal_lahir", &iso, dconf));
            }
            None => out.push(Suggestion::text("tempat_lahir", v)),
        },
        "jenis_kelamin" => {
            if let Some(s) = vocab::sex(&v.text()) {
                out.push(Suggestion::decided(field, s, conf));
            }
        }
        "gol_darah" => snapped(field, v, &vocab::GOL_DARAH, out),
        "agama" => snapped(field, v, &vocab::AGAMA, out),
        "status_perkawinan" => snapped(field, v, &vocab::STATUS_PERKAWINAN, out),
        "kewarganegaraan" => snapped(field, v, &vocab::KEWARGANEGARAAN, out),
        "berlaku_hingga" => match snap(v, &["SEUMUR HIDUP"]) {
            Some((s, c)) => out.push(Suggestion::decided(field, &s, c)),
            None => out.push(Suggestion::text(field, v)),
        },
        "kel_desa" | "desa_kelurahan" => {
            let names = vocab::desa_names();
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            snapped(field, v, &refs, out);
        }
        "kecamatan" => {
            let names = vocab::kecamatan_names();
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            snapped(field, v, &refs, out);
        }
        "rt_rw" => out.push(rt_rw(v)),
        "kode_pos" => match number(v) {
            Some(n) => out.push(Suggestion::number(field, &n)),
            None => out.push(Suggestion::text(field, v)),
        },
        "tanggal_dikeluarkan" => {
            if let Some((_, iso, c)) = find_date(v) {
                out.push(Suggestion::decided(field, &iso, c));
            }
        }
        _ => out.push(Suggestion::text(field, v)),
    }
}

/// The snapped word when the value is close to one, else the value as read.
fn snapped(field: &str, v: &Scored, choices: &[&str], out: &mut Vec<Suggestion>) {
    match snap(v, choices) {
        Some((s, c)) => out.push(Suggestion::decided(field, &s, c)),
        None => out.push(Suggestion::text(field, v)),
    }
}

/// "005/001" with look-alike digits fixed on both sides of the slash.
fn rt_rw(v: &Scored) -> Suggestion {
    let text = v.text();
    if let Some(slash) = text.chars().position(|c| c == '/' || c == '|') {
        let (a, b) = (v.slice(0, slash), v.slice(slash + 1, v.chars.len()));
        if let (Some(a), Some(b)) = (number(&a), number(&b)) {
            let mut s = Suggestion::number("rt_rw", &a);
            let offset = a.digits.chars().count() as u32 + 1;
            s.value = format!("{}/{}", a.digits, b.digits);
            s.chars.push(1.0);
            s.chars.extend(&b.confidences);
            s.fixed.extend(b.fixed.iter().map(|i| i + offset));
            s.confidence = s.chars.iter().sum::<f32>() / s.chars.len().max(1) as f32;
            return s;
        }
    }
    Suggestion::text("rt_rw", v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ocr::reading::get;
    use crate::ocr::text::rows_of;

    #[test]
    fn a_ktp_read_with_typical_ocr_slips() {
        let rows = rows_of(&[
            &[("PROVINSI JAWA TIMUR", 200)],
            &[("KABUPATEN MOJOKERTO", 200)],
            &[("NIK", 0), (":35161310O785OO58", 120)],
            &[("Nama", 0), (": AHMAD HARIYANTO", 160)],
            &[
                ("Tempat/Tgl Lahir", 0),
                (": SIDOARJO, 10-07-1985", 160),
                ("Gol. Darah : B", 420),
            ],
            &[("Jenis Kelamin", 0), (": LAKI-LAKl", 160)],
            &[("Alamat", 0), (": JL. MELATI NO. 56", 160)],
            &[("RT/RW", 0), (": OO5/001", 160)],
            &[("Kel/Desa", 0), (": JAPAN", 160), ("MOJOKERTO", 600)],
            &[("Kecamatan", 0), (": SOOKO", 160)],
            &[("Agama", 0), (": ISLAN", 160)],
            &[("Status Perkawinan", 0), (": KAWIN", 160)],
            &[("Pekerjaan", 0), (": PEDAGANG", 160)],
            &[("Kewarganegaraan", 0), (": WNI", 160)],
            &[("Berlaku Hingga", 0), (": SEUMUR HIDUP", 160)],
        ]);
        let s = parse(&rows);
        let v = |f: &str| get(&s, f).map(|x| x.value.clone()).unwrap_or_default();
        assert_eq!(v("nik"), "3516131007850058");
        assert_eq!(get(&s, "nik").unwrap().fixed, vec![8, 12, 13]);
        assert_eq!(v("provinsi"), "JAWA TIMUR");
        assert_eq!(v("kabupaten"), "MOJOKERTO");
        assert_eq!(v("nama"), "AHMAD HARIYANTO");
        assert_eq!(v("tempat_lahir"), "SIDOARJO");
        assert_eq!(v("tanggal_lahir"), "1985-07-10");
        assert_eq!(v("gol_darah"), "B");
        assert_eq!(v("jenis_kelamin"), "L");
        assert_eq!(v("alamat"), "JL. MELATI NO. 56");
        assert_eq!(v("rt_rw"), "005/001");
        assert_eq!(v("kel_desa"), "JAPAN");
        assert_eq!(v("kecamatan"), "SOOKO");
        assert_eq!(v("agama"), "ISLAM");
        assert_eq!(v("status_perkawinan"), "KAWIN");
        assert_eq!(v("pekerjaan"), "PEDAGANG");
        assert_eq!(v("kewarganegaraan"), "WNI");
        assert_eq!(v("berlaku_hingga"), "SEUMUR HIDUP");
    }
}
