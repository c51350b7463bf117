use super::*;
use crate::db::{self, testing::each_engine, Db};
use crate::error::ErrorCode;
use crate::model::{NewRequest, Status};
use crate::requests::{create_request, detail, move_request};

const NOW: i64 = 1_764_054_000_000;

fn setup() -> (rusqlite::Connection, String) {
    let conn = db::open_in_memory().unwrap();
    let reg = request(Db::from(&conn));
    (conn, reg)
}

fn request(conn: Db<'_>) -> String {
    create_request(
        conn,
        &NewRequest {
            name: "Siti Aminah".into(),
            phone: "081234567890".into(),
            ..Default::default()
        },
        "Rina",
        NOW,
    )
    .unwrap()
    .reg_no
}

#[test]
fn every_save_is_a_version_with_its_operator() {
    each_engine(|conn| {
        let reg = request(conn);
        let empty = load(conn, &reg).unwrap();
        assert_eq!(empty.version, 0, "nothing saved yet");
        let mut form = VerificationForm::default();
        form.ktp.nama = "SITI AMINAH".into();
        let v1 = save(conn, &reg, &form, "Rina", NOW + 1).unwrap();
        form.marks.insert(
            "ktp.nama".into(),
            FieldMark {
                ok: true,
                reason: None,
            },
        );
        let v2 = save(conn, &reg, &form, "Budi", NOW + 2).unwrap();
        assert_eq!((v1.version, v2.version), (1, 2));
        let latest = load(conn, &reg).unwrap();
        assert_eq!(latest.form, form, "the latest form comes back as saved");
        assert_eq!(latest.operator.as_deref(), Some("Budi"), "who checked it");
        assert_eq!(latest.at, Some(NOW + 2), "and when");
        let n: i64 = conn
            .value("SELECT count(*) FROM verification_versions", &[])
            .unwrap();
        assert_eq!(n, 2, "the earlier version is kept");
        assert!(
            conn.execute("DELETE FROM verification_versions", &[])
                .is_err(),
            "versions are append-only"
        );
        let missing = save(conn, "VN-000000-0000", &form, "Rina", NOW)
            .err()
            .map(|e| e.code);
        assert_eq!(missing, Some(ErrorCode::PermohonanTidakDitemukan));
        Ok(())
    })
    .unwrap();
}

#[test]
fn resend_moves_to_waiting_and_writes_the_message() {
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
            document: "kk".into(),
            reason: RevisionReason::Blurry,
        },
        DocRevision {
            document: "ktp".into(),
            reason: RevisionReason::CutOff,
        },
    ];
    let r = request_resend(&mut conn, &reg, &revisions, "Rina", NOW + 2).unwrap();
    assert_eq!(
        r.request.status,
        Status::WaitingCitizen,
        "the clock pauses while the citizen re-sends"
    );
    assert!(
        r.message.contains(&reg),
        "the message names the registration number"
    );
    assert!(
        r.message.contains("Kartu Keluarga (KK): foto buram"),
        "{}",
        r.message
    );
    assert!(
        r.message.contains("KTP-el: sebagian dokumen terpotong"),
        "{}",
        r.message
    );
    assert!(r.message.contains("tidak dipungut biaya"));
    let d = detail(&conn, &reg, crate::clock::wib_date(NOW)).unwrap();
    assert!(
        d.events.last().unwrap().note.contains("foto buram"),
        "the reasons are in the history"
    );
    let again = request_resend(&mut conn, &reg, &revisions, "Rina", NOW + 3)
        .err()
        .map(|e| e.code);
    assert_eq!(
        again,
        Some(ErrorCode::PerpindahanTidakSah),
        "already waiting"
    );
    let none = request_resend(&mut conn, &reg, &[], "Rina", NOW + 3)
        .err()
        .map(|e| e.code);
    assert_eq!(none, Some(ErrorCode::MasukanTidakValid));
}
