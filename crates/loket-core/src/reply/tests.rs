use super::*;
use crate::db;
use crate::db::testing::each_engine;
use crate::model::NewRequest;
use crate::requests::{create_request, move_request};
use crate::verify::{request_resend, RevisionReason};

const NOW: i64 = 1_764_054_000_000;

fn setup() -> (rusqlite::Connection, String) {
    let mut conn = db::open_in_memory().unwrap();
    let r = create_request(
        &mut conn,
        &NewRequest {
            name: "Siti Aminah".into(),
            phone: "081234567890".into(),
            nik: Some("3516024101900003".into()),
            ..Default::default()
        },
        "Rina",
        NOW,
    )
    .unwrap();
    (conn, r.reg_no)
}

fn finish(conn: &mut rusqlite::Connection, reg: &str, outcome: Outcome) {
    move_request(&*conn, reg, Status::Verifying, None, None, "Rina", NOW + 1).unwrap();
    move_request(
        conn,
        reg,
        Status::Done,
        Some(outcome),
        None,
        "Rina",
        NOW + 2,
    )
    .unwrap();
}

#[test]
fn an_outcome_reply_is_filled_with_the_masked_nik_and_the_office() {
    let (mut conn, reg) = setup();
    finish(&mut conn, &reg, Outcome::Updated);
    let r = compose(&conn, &reg).unwrap();
    assert_eq!(r.key, "hasil.updated");
    assert!(
        r.text.starts_with("Yth. Bapak/Ibu SITI AMINAH,"),
        "{}",
        r.text
    );
    assert!(r.text.contains(&reg), "registration number");
    assert!(
        r.text.contains("351602******0003"),
        "masked NIK: {}",
        r.text
    );
    assert!(!r.text.contains("3516024101900003"), "never the full NIK");
    assert!(r.text.contains(": NIK sudah diperbarui."), "outcome words");
    assert!(r.text.contains("08113202060"), "complaints number");
    assert!(
        r.text
            .contains("Dinas Kependudukan dan Pencatatan Sipil Kabupaten Mojokerto"),
        "signed by the office: {}",
        r.text
    );
    assert!(
        !r.text.contains('{'),
        "every placeholder filled: {}",
        r.text
    );
    assert!(
        r.wa_url
            .starts_with("https://wa.me/6281234567890?text=Yth%2E%20Bapak%2FIbu%20SITI"),
        "{}",
        r.wa_url
    );
    assert!(
        !r.wa_url.contains('\n') && !r.wa_url.contains(' '),
        "encoded"
    );
}

#[test]
fn no_reply_before_an_outcome() {
    let (conn, reg) = setup();
    assert_eq!(
        compose(&conn, &reg).unwrap_err().code,
        ErrorCode::BelumAdaHasil
    );
    assert_eq!(
        compose(&conn, "VN-000000-0000").unwrap_err().code,
        ErrorCode::PermohonanTidakDitemukan
    );
}

#[test]
fn a_resend_uses_the_first_reason_template_and_lists_every_document() {
    let (mut conn, reg) = setup();
    move_request(
        &mut conn,
        &reg,
        Status::Verifying,
        None,
        None,
        "Rina",
        NOW + 1,
    )
    .unwrap();
    let revisions = vec![
        DocRevision {
            document: "ktp".into(),
            reason: RevisionReason::Blurry,
        },
        DocRevision {
            document: "kk".into(),
            reason: RevisionReason::CutOff,
        },
    ];
    let result = request_resend(&mut conn, &reg, &revisions, "Rina", NOW + 2).unwrap();
    assert_eq!(result.request.status, Status::WaitingCitizen);
    assert!(
        result
            .message
            .contains("- Foto KTP-el: foto buram atau gelap.")
            && result
                .message
                .contains("- Foto Kartu Keluarga (KK): sebagian dokumen terpotong."),
        "{}",
        result.message
    );
    assert!(
        result
            .message
            .contains("foto KTP-el dan Kartu Keluarga (KK) yang terang"),
        "the blurry template names both documents: {}",
        result.message
    );
}

#[test]
fn a_supervisor_edit_is_used_and_an_empty_text_restores_the_default() {
    let (mut conn, reg) = setup();
    finish(&mut conn, &reg, Outcome::NotRecorded);
    let saved = save(
        &conn,
        "hasil.not_recorded",
        "Halo {nama}, silakan rekam KTP-el di kantor ({no_registrasi}).\r\n",
    )
    .unwrap();
    assert!(saved.customised);
    let r = compose(&conn, &reg).unwrap();
    assert_eq!(
        r.text,
        format!("Halo SITI AMINAH, silakan rekam KTP-el di kantor ({reg}).")
    );
    let restored = save(&conn, "hasil.not_recorded", "  ").unwrap();
    assert!(!restored.customised);
    assert_eq!(restored.text, restored.default_text);
    assert!(compose(&conn, &reg).unwrap().text.starts_with("Yth."));
}

#[test]
fn unknown_keys_placeholders_and_long_texts_are_refused_unsaved() -> Result<()> {
    each_engine(|conn| {
        assert_eq!(
            save(conn, "hasil.nope", "x").unwrap_err().code,
            ErrorCode::MasukanTidakValid
        );
        let err = save(conn, "hasil.updated", "Halo {nama_lengkap}").unwrap_err();
        assert_eq!(err.code, ErrorCode::MasukanTidakValid);
        assert!(err.message.contains("{nama_lengkap}"), "{}", err.message);
        assert_eq!(
            save(conn, "hasil.updated", &"x".repeat(2_001))
                .unwrap_err()
                .code,
            ErrorCode::TeksTerlaluPanjang
        );
        assert!(list(conn)?.iter().all(|t| !t.customised));
        assert_eq!(
            list(conn)?.len(),
            16,
            "6 outcomes + 4 reasons + 5 POS KETANMU steps + a complaint answer"
        );
        Ok(())
    })
}

#[test]
fn a_saved_template_fills_the_resend_reply() -> Result<()> {
    each_engine(|conn| {
        let request = create_request(
            conn,
            &NewRequest {
                name: "Siti Aminah".into(),
                phone: "081234567890".into(),
                nik: Some("3516024101900003".into()),
                ..Default::default()
            },
            "Rina",
            NOW,
        )?;
        let revisions = [DocRevision {
            document: "kk".into(),
            reason: RevisionReason::CutOff,
        }];
        let shipped = resend_reply(conn, &request, &revisions)?;
        assert_eq!(shipped.key, "kirim_ulang.cut_off");
        assert!(
            shipped
                .text
                .contains("- Foto Kartu Keluarga (KK): sebagian dokumen terpotong."),
            "{}",
            shipped.text
        );
        let saved = save(
            conn,
            "kirim_ulang.cut_off",
            "Halo {nama} ({nik}): {dokumen}.",
        )?;
        assert!(saved.customised);
        let r = resend_reply(conn, &request, &revisions)?;
        assert_eq!(
            r.text,
            "Halo SITI AMINAH (351602******0003): Kartu Keluarga (KK)."
        );
        assert!(r
            .wa_url
            .starts_with("https://wa.me/6281234567890?text=Halo%20SITI"));
        assert!(!save(conn, "kirim_ulang.cut_off", "")?.customised);
        assert_eq!(resend_reply(conn, &request, &revisions)?.text, shipped.text);
        Ok(())
    })
}

#[test]
fn fill_leaves_unknown_braces_alone() {
    let vals = [("nama", "Budi".to_owned())];
    assert_eq!(
        templates::fill("{nama} {x} {nama}{ }", &vals),
        "Budi {x} Budi{ }"
    );
    assert_eq!(templates::fill("{", &vals), "{");
    assert_eq!(templates::fill("}{nama", &vals), "}{nama");
}

#[test]
fn every_shipped_template_uses_only_known_placeholders() -> Result<()> {
    each_engine(|conn| {
        for t in list(conn)? {
            save(conn, &t.key, &t.default_text)?;
        }
        Ok(())
    })
}
