//! What a receipt says, on real (in-memory) databases: masking, open and
//! finished requests, merges, unknown numbers, and that long text wraps
//! inside the paper. Output formats are checked in `outputs.rs`.

mod outputs;

use super::*;
use crate::db::testing::each_engine;
use crate::db::Db;
use crate::model::{Category, NewRequest, Outcome, Status};
use crate::office::{self, OfficeProfile};
use crate::{duplicates, requests};
use resvg::usvg;
use strum::VariantArray;

/// 2025-11-25 07:00 UTC = Tuesday 14:00 WIB, inside office hours.
pub(super) const NOW: i64 = 1_764_054_000_000;
pub(super) const NIK: &str = "3516024512900003";
const MIN: i64 = 60_000;

pub(super) fn new_request(conn: Db<'_>, name: &str, at: i64) -> String {
    let input = NewRequest {
        name: name.into(),
        phone: "0812-3456-7890".into(),
        nik: Some(NIK.into()),
        kk: None,
        category: Some(Category::Bpjs),
        problem: None,
    };
    requests::create_request(conn, &input, "Rina", at)
        .unwrap()
        .reg_no
}

/// A request received at NOW, verified by Budi, done by Dewi after `minutes`.
pub(super) fn finished_request(conn: Db<'_>, minutes: i64) -> String {
    let reg = new_request(conn, "Siti Aminah", NOW);
    requests::move_request(conn, &reg, Status::Verifying, None, None, "Budi", NOW + MIN).unwrap();
    requests::move_request(
        conn,
        &reg,
        Status::Done,
        Some(Outcome::Updated),
        None,
        "Dewi",
        NOW + minutes * MIN,
    )
    .unwrap();
    reg
}

fn opts(full_nik: bool, layout: Layout) -> ReceiptOptions {
    ReceiptOptions { full_nik, layout }
}

#[test]
fn the_nik_is_masked_unless_the_full_one_is_asked_for() -> Result<()> {
    each_engine(|conn| {
        let reg = new_request(conn, "Siti Aminah", NOW);
        let masked = build(conn, &reg, ReceiptOptions::default(), "Rina", NOW).unwrap();
        assert_eq!(masked.nik, "351602******0003");
        assert!(!masked.nik_full);
        assert_eq!(masked.whatsapp, "+62 ***-****-7890");
        let full = build(conn, &reg, opts(true, Layout::Roll80), "Rina", NOW).unwrap();
        assert_eq!(full.nik, NIK);
        assert!(full.nik_full);
        // Only the text differs; the masked receipt's files never hold the number.
        let svg = render::svg(&masked, Layout::Roll80).unwrap();
        let page = lay_out(&masked, Layout::Roll80).unwrap();
        assert!(page.svg.contains("351602******0003") && !page.svg.contains(NIK));
        assert!(!svg.contains(NIK));
        Ok(())
    })
}

#[test]
fn an_open_request_has_no_finish_time_outcome_or_promise() -> Result<()> {
    each_engine(|conn| {
        let reg = new_request(conn, "Siti Aminah", NOW);
        requests::move_request(conn, &reg, Status::Verifying, None, None, "Budi", NOW + MIN)
            .unwrap();
        let r = build(conn, &reg, ReceiptOptions::default(), "Agus", NOW + 5 * MIN).unwrap();
        assert_eq!(r.reg_no, reg);
        assert_eq!(r.applicant, "SITI AMINAH");
        assert_eq!(r.received, "25-11-2025 14:00 WIB");
        assert_eq!(r.finished, "Belum selesai");
        assert_eq!(r.outcome, "Dalam proses (Diverifikasi)");
        assert_eq!(r.sla, None);
        assert_eq!(r.operator, "Rina", "no outcome yet: who registered it");
        assert_eq!(r.printed, "Dicetak 25-11-2025 14:05 WIB oleh Agus");
        assert!(!r.rows().iter().any(|(l, _)| *l == "Janji Layanan"));
        Ok(())
    })
}

#[test]
fn a_finished_request_shows_its_outcome_time_operator_and_promise() -> Result<()> {
    each_engine(|conn| {
        let reg = finished_request(conn, 12);
        let r = build(
            conn,
            &reg,
            ReceiptOptions::default(),
            "Agus",
            NOW + 60 * MIN,
        )
        .unwrap();
        assert_eq!(r.finished, "25-11-2025 14:12 WIB");
        assert_eq!(r.outcome, "NIK sudah diperbarui");
        assert_eq!(r.operator, "Dewi", "who recorded the outcome");
        assert_eq!(
            r.sla.as_deref(),
            Some("Tepat waktu: 12 menit dari janji 30 menit")
        );
        assert_eq!(r.category, "BPJS");
        assert_eq!(r.fee, "Tidak dipungut biaya");
        assert_eq!(
            r.footer,
            "Simpan bukti ini. Pengaduan: WhatsApp 08113202060"
        );
        assert_eq!(r.title, "BUKTI LAYANAN");
        assert_eq!(r.service, "Pelayanan Validasi NIK");
        assert_eq!(r.agency, "Dinas Kependudukan dan Pencatatan Sipil");
        assert_eq!(
            r.contact,
            "Telp. (0321) 322336 · dispendukcapil.mojokertokab.go.id"
        );

        let late = finished_request(conn, 45);
        let r = build(
            conn,
            &late,
            ReceiptOptions::default(),
            "Agus",
            NOW + 60 * MIN,
        )
        .unwrap();
        assert_eq!(
            r.sla.as_deref(),
            Some("Terlambat: 45 menit dari janji 30 menit")
        );
        // A receipt printed "before" the outcome (a replayed clock) is still open.
        let r = build(
            conn,
            &late,
            ReceiptOptions::default(),
            "Agus",
            NOW + 10 * MIN,
        )
        .unwrap();
        assert_eq!(r.finished, "Belum selesai");
        Ok(())
    })
}

#[test]
fn a_merged_re_send_names_the_request_it_went_into() -> Result<()> {
    each_engine(|conn| {
        let first = new_request(conn, "Siti Aminah", NOW);
        let again = new_request(conn, "Siti Aminah", NOW + MIN);
        duplicates::merge(conn, &again, &first, None, "Budi", NOW + 2 * MIN).unwrap();
        let r = build(
            conn,
            &again,
            ReceiptOptions::default(),
            "Agus",
            NOW + 3 * MIN,
        )
        .unwrap();
        assert_eq!(r.outcome, format!("Digabung ke {first} (kiriman ulang)"));
        assert_eq!(r.finished, "25-11-2025 14:02 WIB");
        assert_eq!(r.sla, None);
        assert_eq!(r.operator, "Budi");
        Ok(())
    })
}

#[test]
fn unknown_numbers_and_missing_operators_are_coded_errors() -> Result<()> {
    each_engine(|conn| {
        let reg = new_request(conn, "Siti Aminah", NOW);
        let err = build(
            conn,
            "VN-000000-9999",
            ReceiptOptions::default(),
            "Rina",
            NOW,
        )
        .unwrap_err();
        assert_eq!(err.code, ErrorCode::PermohonanTidakDitemukan);
        let err = for_print(conn, "nope", ReceiptOptions::default(), "Rina", NOW).unwrap_err();
        assert_eq!(err.code, ErrorCode::PermohonanTidakDitemukan);
        let err = build(conn, &reg, ReceiptOptions::default(), "  ", NOW).unwrap_err();
        assert_eq!(err.code, ErrorCode::OperatorBelumDiisi);
        // Case and spaces do not matter, as everywhere else.
        let lower = format!("  {}  ", reg.to_lowercase());
        assert_eq!(
            build(conn, &lower, ReceiptOptions::default(), "Rina", NOW)
                .unwrap()
                .reg_no,
            reg
        );
        Ok(())
    })
}

#[test]
fn layouts_and_formats_parse_as_the_cli_and_ui_name_them() {
    for l in Layout::VARIANTS {
        assert_eq!(Layout::parse(l.as_str()).unwrap(), *l);
        assert_eq!(serde_json::to_value(l).unwrap(), l.as_str());
    }
    for f in ReceiptFormat::VARIANTS {
        assert_eq!(ReceiptFormat::parse(f.as_str()).unwrap(), *f);
        assert_eq!(serde_json::to_value(f).unwrap(), f.as_str());
    }
    assert_eq!(
        Layout::parse("A4").unwrap_err().code,
        ErrorCode::MasukanTidakValid
    );
    assert_eq!(
        ReceiptFormat::parse("jpg").unwrap_err().code,
        ErrorCode::MasukanTidakValid
    );
}

/// Every shaped line of text, as (left, right, top, bottom) in mm.
pub(super) fn glyph_boxes(group: &usvg::Group, out: &mut Vec<(f32, f32, f32, f32)>) {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => glyph_boxes(g, out),
            usvg::Node::Text(t) => {
                // The layout box (advances, ascent, descent), in page millimetres.
                let b = t.abs_bounding_box();
                out.push((b.left(), b.right(), b.top(), b.bottom()));
            }
            _ => {}
        }
    }
}

/// A profile and a name at their maximum lengths, with long unbroken words.
fn longest(conn: Db<'_>) -> String {
    let long = |word: &str| {
        let mut s = String::new();
        while s.chars().count() + word.len() < 200 {
            s.push_str(word);
        }
        s
    };
    let profile = OfficeProfile {
        government: long("PEMERINTAH KABUPATEN "),
        agency: long("DINASKEPENDUDUKANDANPENCATATANSIPIL "),
        address: long("Jl. Raya Panjang Sekali No. 123, "),
        phone: long("(0321) 322336 "),
        website: long("dispendukcapil.mojokertokab.go.id/"),
        service: long("Pelayanan Validasi NIK "),
        complaints_whatsapp: long("08113202060 "),
    };
    office::save(conn, &profile).unwrap();
    let name = "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM WIDYAWATI";
    let reg = new_request(conn, name, NOW);
    requests::move_request(conn, &reg, Status::Verifying, None, None, "Budi", NOW + MIN).unwrap();
    reg
}

#[test]
fn long_names_and_addresses_wrap_inside_the_printable_area() -> Result<()> {
    each_engine(|conn| {
        let short = finished_request(conn, 12);
        let plain: Vec<Page> = Layout::VARIANTS
            .iter()
            .map(|l| {
                lay_out(
                    &build(conn, &short, opts(false, *l), "Rina", NOW).unwrap(),
                    *l,
                )
                .unwrap()
            })
            .collect();
        let reg = longest(conn);
        let operator = "A".repeat(60);
        for (layout, plain) in Layout::VARIANTS.iter().zip(&plain) {
            let r = build(conn, &reg, opts(true, *layout), &operator, NOW).unwrap();
            let drawn = render::draw(&r, *layout).unwrap();
            let (left, right) = (
                drawn.page.margin_mm,
                drawn.page.width_mm - drawn.page.margin_mm,
            );
            let mut boxes = Vec::new();
            glyph_boxes(drawn.tree.root(), &mut boxes);
            assert!(boxes.len() > 30, "{layout:?}: {} text lines", boxes.len());
            for (l, rt, top, bottom) in &boxes {
                assert!(
                    f64::from(*l) >= left - 0.01 && f64::from(*rt) <= right + 0.01,
                    "{layout:?}: a line spans {l}..{rt} mm, printable {left}..{right}"
                );
                assert!(
                    *top >= 0.0 && f64::from(*bottom) <= drawn.page.height_mm,
                    "{layout:?}: a line spans {top}..{bottom} mm of {}",
                    drawn.page.height_mm
                );
            }
            match layout {
                Layout::Roll80 => {
                    assert_eq!(drawn.page.width_mm, 80.0);
                    assert!(
                        drawn.page.height_mm > plain.height_mm + 30.0,
                        "the roll grows: {} mm vs {} mm",
                        drawn.page.height_mm,
                        plain.height_mm
                    );
                }
                Layout::A5 => {
                    assert_eq!((drawn.page.width_mm, drawn.page.height_mm), (148.0, 210.0));
                    assert_eq!(plain.height_mm, 210.0);
                }
            }
        }
        Ok(())
    })
}

#[test]
fn markup_in_names_is_text_not_svg() -> Result<()> {
    each_engine(|conn| {
        let reg = new_request(conn, "A<B> & \"C\" 'D'</text><script>", NOW);
        let r = build(conn, &reg, ReceiptOptions::default(), "Rina", NOW).unwrap();
        let svg = render::svg(&r, Layout::Roll80).unwrap();
        assert!(!svg.contains("<script") && !svg.contains("<text"));
        let page = lay_out(&r, Layout::Roll80).unwrap();
        // Wrapped over two lines, each escaped.
        assert!(page.svg.contains(">A&lt;B&gt; &amp; &quot;C&quot;</text>"));
        assert!(page
            .svg
            .contains(">&apos;D&apos;&lt;/TEXT&gt;&lt;SCRIPT&gt;</text>"));
        Ok(())
    })
}
