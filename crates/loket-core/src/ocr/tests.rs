//! The whole reading pipeline on drawn pages with the fake engine: a page
//! turned like a phone photo must read exactly as the straight one.

use chrono::NaiveDate;

use super::fake::page;
use super::layout::rotate;
use super::reading::get;
use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

const KTP: &[&[(&str, u32)]] = &[
    &[("PROVINSI JAWA TIMUR", 20)],
    &[("KABUPATEN MOJOKERTO", 20)],
    &[("NIK", 0), (":3516131O07850058", 18)],
    &[("Nama", 0), (": AHMAD HARIYANTO", 18)],
    &[
        ("Tempat/Tgl Lahir", 0),
        (": SIDOARJO, 10-07-1985", 18),
        ("Gol. Darah : B", 48),
    ],
    &[("Jenis Kelamin", 0), (": LAKI-LAKI", 18)],
    &[("Agama", 0), (": ISLAM", 18), ("MOJOKERTO", 70)],
];

fn values(r: &Reading) -> Vec<(String, String)> {
    r.fields
        .iter()
        .map(|s| (s.field.clone(), s.value.clone()))
        .collect()
}

#[test]
fn a_turned_ktp_reads_as_the_straight_one() {
    let (straight, engine) = page(KTP);
    let flat = read(&engine, &straight, DocKind::Ktp, today()).unwrap();
    assert_eq!(get(&flat.fields, "nik").unwrap().value, "3516131007850058");
    assert_eq!(get(&flat.fields, "nik").unwrap().fixed, vec![7]);
    assert_eq!(get(&flat.fields, "gol_darah").unwrap().value, "B");
    assert_eq!(get(&flat.fields, "agama").unwrap().value, "ISLAM");
    assert!(get(&flat.fields, "nik").unwrap().problem.is_none());
    for turn in [-9.0f32, 4.0, 11.0] {
        let turned = rotate(&straight, turn, image::Rgb([235, 235, 230]));
        let r = read(&engine, &turned, DocKind::Ktp, today()).unwrap();
        assert!(
            (r.turn - turn).abs() < 1.0,
            "turn {turn}: measured {}",
            r.turn
        );
        assert_eq!(values(&r), values(&flat), "turned {turn}°");
    }
}

#[test]
fn a_nik_that_fails_its_check_is_marked_not_dropped() {
    // Birth date 31-02 does not exist.
    let lines: &[&[(&str, u32)]] = &[&[("NIK", 0), (":3516133102850058", 18)]];
    let (img, engine) = page(lines);
    let r = read(&engine, &img, DocKind::Other, today()).unwrap();
    assert_eq!(r.kind, DocKind::Ktp);
    let nik = get(&r.fields, "nik").unwrap();
    assert_eq!(nik.value, "3516133102850058");
    assert_eq!(
        nik.problem.as_ref().unwrap().code,
        "tanggal_lahir_tidak_valid"
    );
}

#[test]
fn a_kk_page_is_recognised_and_its_members_read() {
    let lines: &[&[(&str, u32)]] = &[
        &[("KARTU KELUARGA", 40)],
        &[("No. 3516022102240214", 40)],
        &[
            ("1", 0),
            ("YUDI HIDAYAT", 4),
            ("3516022008750334", 24),
            ("LAKI-LAKI", 44),
            ("PASURUAN", 56),
            ("20-08-1975", 68),
        ],
        &[("1", 0), ("KAWIN", 4), ("KEPALA KELUARGA", 24)],
    ];
    let (img, engine) = page(lines);
    let r = read(&engine, &img, DocKind::Other, today()).unwrap();
    assert_eq!(r.kind, DocKind::Kk);
    assert_eq!(get(&r.fields, "no_kk").unwrap().value, "3516022102240214");
    assert!(get(&r.fields, "no_kk").unwrap().problem.is_none());
    assert_eq!(r.members.len(), 1);
    let m = &r.members[0].fields;
    assert_eq!(get(m, "nama").unwrap().value, "YUDI HIDAYAT");
    assert_eq!(get(m, "hubungan").unwrap().value, "KEPALA KELUARGA");
    assert!(get(m, "nik").unwrap().problem.is_none());
}

#[test]
fn a_blank_page_reads_nothing_and_fails_nothing() {
    let img = image::RgbImage::from_pixel(400, 300, image::Rgb([240, 240, 240]));
    let (_, engine) = page(&[]);
    let r = read(&engine, &img, DocKind::Ktp, today()).unwrap();
    assert!(r.fields.is_empty() && r.members.is_empty() && r.lines == 0);
}
