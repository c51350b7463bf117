//! The KK's fields from its rows: the number under the title, the header's
//! label-value pairs (two columns), the member table (a row per person,
//! found by its NIK) and each member's relation from the second table.

use super::digits::{find_date, find_number};
use super::ktp;
use super::labels::{find, snap, Label};
use super::reading::{MemberSuggestion, Suggestion};
use super::text::{Row, Scored};
use super::vocab;

const LABELS: [Label; 9] = [
    Label {
        printed: "Nama Kepala Keluarga",
        field: "kepala_keluarga",
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
        printed: "Desa/Kelurahan",
        field: "desa_kelurahan",
    },
    Label {
        printed: "Kecamatan",
        field: "kecamatan",
    },
    Label {
        printed: "Kabupaten/Kota",
        field: "kabupaten_kota",
    },
    Label {
        printed: "Kode Pos",
        field: "kode_pos",
    },
    Label {
        printed: "Provinsi",
        field: "provinsi",
    },
    Label {
        printed: "Dikeluarkan Tanggal",
        field: "tanggal_dikeluarkan",
    },
];

/// The KK fields and member rows found in `rows`.
pub fn parse(rows: &[Row]) -> (Vec<Suggestion>, Vec<MemberSuggestion>) {
    let mut fields = Vec::new();
    // The KK number: the first 16-digit number on the page (under the
    // title, above the header and the table).
    let mut first_member_row = 0;
    for (i, row) in rows.iter().enumerate() {
        if let Some((_, n, _)) = find_number(&row.joined(), 16) {
            fields.push(Suggestion::number("no_kk", &n));
            first_member_row = i + 1;
            break;
        }
    }
    for f in find(rows, &LABELS) {
        ktp::value(f.field, &f.value, &mut fields);
    }
    let mut members = Vec::new();
    let mut last_member_row = first_member_row;
    for (i, row) in rows.iter().enumerate().skip(first_member_row) {
        if let Some(m) = member(&row.joined(), members.len() as u32) {
            members.push(m);
            last_member_row = i;
        }
    }
    relations(rows.get(last_member_row + 1..).unwrap_or(&[]), &mut members);
    (fields, members)
}

/// One member row: `No  Nama  NIK  Jenis Kelamin  Tempat Lahir  Tanggal Lahir …`.
fn member(text: &Scored, row: u32) -> Option<MemberSuggestion> {
    let (before, nik, after) = find_number(text, 16)?;
    let mut fields = vec![Suggestion::number("nik", &nik)];
    // The name, without the row number in front of it.
    let start = before
        .chars
        .iter()
        .position(|c| !(c.0.is_ascii_digit() || c.0.is_whitespace() || c.0 == '.'))
        .unwrap_or(before.chars.len());
    let name = before.slice(start, before.chars.len()).trim_matches(&['|']);
    if !name.is_empty() {
        fields.push(Suggestion::text("nama", &name));
    }
    let after = after.trim_matches(&['|']);
    // Sex is the first word after the NIK.
    let split = after
        .chars
        .iter()
        .position(|c| c.0.is_whitespace())
        .unwrap_or(after.chars.len());
    let first = after.slice(0, split);
    let mut rest = after.slice(split, after.chars.len());
    if let Some(sex) = vocab::sex(&first.text()) {
        fields.push(Suggestion::decided(
            "jenis_kelamin",
            sex,
            first.confidence(),
        ));
    } else {
        rest = after;
    }
    if let Some((place, iso, conf)) = find_date(&rest) {
        let place = place.trim_matches(&['|', ',']);
        if !place.is_empty() {
            fields.push(Suggestion::text("tempat_lahir", &place));
        }
        fields.push(Suggestion::decided("tanggal_lahir", &iso, conf));
    }
    Some(MemberSuggestion { row, fields })
}

/// "Status Hubungan Dalam Keluarga" of the second table, row by row, in the
/// members' order.
fn relations(rows: &[Row], members: &mut [MemberSuggestion]) {
    let mut next = members.iter_mut();
    for row in rows {
        let hit = row
            .words
            .iter()
            .find_map(|w| snap(&w.text, &vocab::HUBUNGAN));
        if let Some((word, conf)) = hit {
            match next.next() {
                Some(m) => m.fields.push(Suggestion::decided("hubungan", &word, conf)),
                None => return,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ocr::reading::get;
    use crate::ocr::text::rows_of;

    #[test]
    fn a_kk_number_header_members_and_relations() {
        let lines: &[&[(&str, u32)]] = &[
            &[("KARTU KELUARGA", 300)],
            &[("No. 351602210224O214", 300)],
            &[
                ("Nama Kepala Keluarga", 0),
                (": YUDI HIDAYAT", 200),
                ("Kecamatan", 600),
                (": GONDANG", 720),
            ],
            &[
                ("Alamat", 0),
                (": DSN. SUMBERSARI", 200),
                ("Kabupaten/Kota", 600),
                (": MOJOKERTO", 720),
            ],
            &[
                ("No", 0),
                ("Nama Lengkap", 60),
                ("NIK", 300),
                ("Jenis Kelamin", 420),
            ],
            &[
                ("1", 0),
                ("YUDI HIDAYAT", 60),
                ("3516022008750334", 300),
                ("LAKI-LAKI", 420),
                ("PASURUAN", 520),
                ("20-08-1975", 640),
                ("ISLAM", 760),
            ],
            &[
                ("2", 0),
                ("INTAN HANDAYANI", 60),
                ("3516166806790269", 300),
                ("PEREMPUAN", 420),
                ("LAMONGAN", 520),
                ("28-O6-1979", 640),
            ],
            &[
                ("1", 0),
                ("KAWIN", 60),
                ("09-09-2002", 200),
                ("KEPALA KELUARGA", 320),
                ("WNI", 500),
            ],
            &[
                ("2", 0),
                ("KAWIN", 60),
                ("09-09-2002", 200),
                ("ISTRl", 320),
                ("WNI", 500),
            ],
            &[("Dikeluarkan Tanggal : 21-02-2024", 500)],
            &[("NIP. 197012071998031006", 500)],
        ];
        let rows = rows_of(lines);
        let (fields, members) = parse(&rows);
        let v = |f: &str| get(&fields, f).map(|x| x.value.clone()).unwrap_or_default();
        assert_eq!(v("no_kk"), "3516022102240214");
        assert_eq!(v("kepala_keluarga"), "YUDI HIDAYAT");
        assert_eq!(v("kecamatan"), "GONDANG");
        assert_eq!(v("alamat"), "DSN. SUMBERSARI");
        assert_eq!(v("kabupaten_kota"), "MOJOKERTO");
        assert_eq!(v("tanggal_dikeluarkan"), "2024-02-21");
        assert_eq!(members.len(), 2);
        let m = |i: usize, f: &str| {
            get(&members[i].fields, f)
                .map(|x| x.value.clone())
                .unwrap_or_default()
        };
        assert_eq!(m(0, "nama"), "YUDI HIDAYAT");
        assert_eq!(m(0, "nik"), "3516022008750334");
        assert_eq!(m(0, "jenis_kelamin"), "L");
        assert_eq!(m(0, "tempat_lahir"), "PASURUAN");
        assert_eq!(m(0, "tanggal_lahir"), "1975-08-20");
        assert_eq!(m(0, "hubungan"), "KEPALA KELUARGA");
        assert_eq!(m(1, "tanggal_lahir"), "1979-06-28");
        assert_eq!(m(1, "jenis_kelamin"), "P");
        assert_eq!(m(1, "hubungan"), "ISTRI");
    }
}
