//! The CSV and XLSX exports, read back: the CSV with the `csv` crate, the
//! workbook with `calamine`, on the scenario of `scenario.rs`.

use super::scenario::{date, nov, now, scenario, wed, NIK};
use super::*;
use crate::db::testing::each_engine;
use calamine::{open_workbook, Data, Reader, Xlsx};
use std::path::Path;

fn read_csv(path: &Path) -> (String, Vec<csv::StringRecord>) {
    let bytes = std::fs::read(path).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "starts with the UTF-8 BOM"
    );
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    let records = rdr.records().map(Result::unwrap).collect();
    (text, records)
}

#[test]
fn csv_has_bom_crlf_an_indonesian_header_and_a_row_per_request() -> Result<()> {
    each_engine(|conn| {
        let dir = tempfile::tempdir().unwrap();
        let g = scenario(conn);
        let dest = dir.path().join("rekap.csv");
        let s = export_csv(conn, wed(), wed(), RecapOptions::default(), now(), &dest).unwrap();
        assert_eq!(s.total, 7);
        let (text, records) = read_csv(&dest);
        assert_eq!(
            text.matches("\r\n").count(),
            8,
            "header and 7 rows, CRLF each"
        );
        assert_eq!(text.matches('\n').count(), 8, "no bare LF");
        assert_eq!(&records[0][1], "No. Registrasi");
        assert_eq!(&records[0][6], "NIK (disamarkan)");
        assert_eq!(&records[0][12], "Sesuai janji");
        assert_eq!(records.len(), 8);

        let a = &records[1];
        assert_eq!(&a[0], "1");
        assert_eq!(&a[1], g.a.as_str());
        assert_eq!(&a[2], "25-11-2026 09:00");
        assert_eq!(&a[3], "25-11-2026 09:20");
        assert_eq!(&a[4], "25-11-2026 09:25");
        assert_eq!(&a[5], "SITI AMINAH");
        assert_eq!(&a[6], "351602******0003");
        assert_eq!(&a[7], "BPJS");
        assert_eq!(&a[8], "Sudah dibalas");
        assert_eq!(&a[9], "NIK sudah diperbarui");
        assert_eq!(&a[10], "Budi");
        assert_eq!(&a[11], "20");
        assert_eq!(&a[12], "Ya");
        assert_eq!(&a[13], "");

        let f = &records[2];
        assert_eq!(&f[9], "Kiriman ulang (digabung)");
        assert_eq!(&f[13], g.a.as_str());
        assert_eq!(&f[12], "");
        let e = records.iter().find(|r| &r[1] == g.e.as_str()).unwrap();
        assert_eq!((&e[3], &e[8], &e[11]), ("", "Menunggu pemohon", "5"));
        let c = records.iter().find(|r| &r[1] == g.c.as_str()).unwrap();
        assert_eq!((&c[11], &c[12]), ("35", "Tidak"));
        assert!(!text.contains(NIK), "masked everywhere");
        Ok(())
    })
}

#[test]
fn csv_with_full_niks_says_so_and_replaces_the_old_file_whole() -> Result<()> {
    each_engine(|conn| {
        let dir = tempfile::tempdir().unwrap();
        scenario(conn);
        let dest = dir.path().join("rekap.csv");
        std::fs::write(&dest, b"old").unwrap();
        let full = RecapOptions { full_nik: true };
        export_csv(conn, wed(), wed(), full, now(), &dest).unwrap();
        let (_, records) = read_csv(&dest);
        assert_eq!(&records[0][6], "NIK (LENGKAP)");
        assert_eq!(&records[1][6], NIK);

        // A refused range leaves the previous export as it was, and no temporary file.
        let before = std::fs::read(&dest).unwrap();
        let err = export_csv(conn, wed(), date(2026, 11, 1), full, now(), &dest);
        assert_eq!(err.unwrap_err().code, ErrorCode::MasukanTidakValid);
        assert_eq!(std::fs::read(&dest).unwrap(), before);
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert!(names.is_empty(), "{names:?}");
        Ok(())
    })
}

#[test]
fn csv_neutralises_text_excel_would_run_as_a_formula() -> Result<()> {
    each_engine(|conn| {
        scenario(conn);
        let input = crate::model::NewRequest {
            name: "=HYPERLINK(\"x\")".into(),
            phone: "081299999999".into(),
            ..Default::default()
        };
        crate::requests::create_request(conn, &input, "Rina", nov(25, 12, 0)).unwrap();
        let mut out = Vec::new();
        write_csv(conn, wed(), wed(), RecapOptions::default(), now(), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("'=HYPERLINK"), "{text}");
        Ok(())
    })
}

fn cell(r: &calamine::Range<Data>, row: u32, col: u32) -> Data {
    r.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

fn text(r: &calamine::Range<Data>, row: u32, col: u32) -> String {
    match cell(r, row, col) {
        Data::String(s) => s,
        Data::Empty => String::new(),
        other => panic!("({row},{col}) is not text: {other:?}"),
    }
}

#[test]
fn xlsx_has_the_rows_real_datetimes_masked_niks_and_a_summary() -> Result<()> {
    each_engine(|conn| {
        let dir = tempfile::tempdir().unwrap();
        let g = scenario(conn);
        let dest = dir.path().join("rekap.xlsx");
        export_xlsx(conn, wed(), wed(), RecapOptions::default(), now(), &dest).unwrap();
        let mut book: Xlsx<_> = open_workbook(&dest).unwrap();
        assert_eq!(book.sheet_names(), ["Rekap", "Ringkasan"]);
        let rekap = book.worksheet_range("Rekap").unwrap();
        let title = text(&rekap, 0, 0);
        assert!(
            title.contains("Pelayanan Validasi NIK") && title.contains("25-11-2026"),
            "{title}"
        );
        assert!(title.contains("NIK disamarkan"), "{title}");
        assert_eq!(text(&rekap, 1, 1), "No. Registrasi");
        assert_eq!(rekap.height(), 2 + 7, "title, header, 7 requests");
        assert_eq!(text(&rekap, 2, 1), g.a);
        assert_eq!(text(&rekap, 2, 6), "351602******0003");
        assert_eq!(text(&rekap, 2, 9), "NIK sudah diperbarui");
        assert_eq!(cell(&rekap, 2, 11), Data::Float(20.0));
        let Data::DateTime(received) = cell(&rekap, 2, 2) else {
            panic!("received is a date-time: {:?}", cell(&rekap, 2, 2));
        };
        assert!(received.is_datetime());
        // 25-11-2026 09:00 WIB as an Excel serial: days since 1899-12-30.
        let days = (nov(25, 9, 0) + 7 * 3_600_000) as f64 / 86_400_000.0 + 25_569.0;
        assert!(
            (received.as_f64() - days).abs() < 1e-6,
            "{}",
            received.as_f64()
        );
        assert!(
            matches!(cell(&rekap, 3, 3), Data::DateTime(_)),
            "the merge closed the re-send"
        );
        assert_eq!(text(&rekap, 3, 13), g.a);
        for row in rekap.rows() {
            for c in row {
                if let Data::String(s) = c {
                    assert!(!s.contains(NIK), "a full NIK in {s}");
                }
            }
        }

        let sum = book.worksheet_range("Ringkasan").unwrap();
        let find = |label: &str| {
            (0..sum.height() as u32)
                .find(|&r| text(&sum, r, 0) == label)
                .unwrap_or_else(|| panic!("no line {label}"))
        };
        assert_eq!(cell(&sum, find("Permohonan diterima"), 1), Data::Float(7.0));
        assert_eq!(
            cell(
                &sum,
                find("Kiriman ulang yang digabung (tidak dihitung)"),
                1
            ),
            Data::Float(1.0)
        );
        let Data::Float(share) = cell(&sum, find("Persentase tepat waktu (dari yang selesai)"), 1)
        else {
            panic!("share is a number");
        };
        assert!((share - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(
            cell(&sum, find("Median waktu layanan (menit)"), 1),
            Data::Float(25.0)
        );
        assert_eq!(
            cell(&sum, find("Persentil ke-90 waktu layanan (menit)"), 1),
            Data::Float(35.0)
        );
        let budi = find("Budi");
        assert_eq!(cell(&sum, budi, 1), Data::Float(2.0));
        assert_eq!(cell(&sum, budi, 3), Data::Float(1.0));
        Ok(())
    })
}

#[test]
fn xlsx_with_full_niks_says_so_in_its_first_line() -> Result<()> {
    each_engine(|conn| {
        let dir = tempfile::tempdir().unwrap();
        scenario(conn);
        let dest = dir.path().join("rekap.xlsx");
        export_xlsx(
            conn,
            wed(),
            wed(),
            RecapOptions { full_nik: true },
            now(),
            &dest,
        )
        .unwrap();
        let mut book: Xlsx<_> = open_workbook(&dest).unwrap();
        let rekap = book.worksheet_range("Rekap").unwrap();
        assert!(text(&rekap, 0, 0).contains("NIK DITAMPILKAN LENGKAP"));
        assert_eq!(text(&rekap, 1, 6), "NIK (LENGKAP)");
        assert_eq!(text(&rekap, 2, 6), NIK);
        let others: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with("loket.db"))
            .collect();
        assert_eq!(others, ["rekap.xlsx"], "no temporary files left beside it");
        Ok(())
    })
}

#[test]
fn an_empty_day_exports_its_header_and_zero_totals() -> Result<()> {
    each_engine(|conn| {
        let dir = tempfile::tempdir().unwrap();
        scenario(conn);
        let sunday = date(2026, 11, 29);
        let csv_path = dir.path().join("kosong.csv");
        let s = export_csv(
            conn,
            sunday,
            sunday,
            RecapOptions::default(),
            now(),
            &csv_path,
        )
        .unwrap();
        assert_eq!(s.total, 0);
        let (_, records) = read_csv(&csv_path);
        assert_eq!(records.len(), 1, "the header alone");

        let xlsx_path = dir.path().join("kosong.xlsx");
        export_xlsx(
            conn,
            sunday,
            sunday,
            RecapOptions::default(),
            now(),
            &xlsx_path,
        )
        .unwrap();
        let mut book: Xlsx<_> = open_workbook(&xlsx_path).unwrap();
        let rekap = book.worksheet_range("Rekap").unwrap();
        assert_eq!(rekap.height(), 2, "title and header");
        assert!(text(&rekap, 0, 0).contains("29-11-2026"));
        let sum = book.worksheet_range("Ringkasan").unwrap();
        assert_eq!(text(&sum, 4, 0), "Permohonan diterima");
        assert_eq!(cell(&sum, 4, 1), Data::Float(0.0));
        Ok(())
    })
}
