use super::*;
use crate::db::testing::each_engine;
use crate::error::ErrorCode;

const NOW: i64 = 1_764_054_000_000; // 2025-11-25 07:00 UTC = 14:00 WIB
const NIK: &str = "3516024512900003";
const KK: &str = "3516032003240061";

fn input(name: &str, phone: &str) -> NewRequest {
    NewRequest {
        name: name.into(),
        phone: phone.into(),
        nik: Some("3516 02.4512-90 0003".into()),
        kk: Some(KK.into()),
        category: Some(Category::Bpjs),
        problem: Some("  NIK ditolak BPJS  ".into()),
    }
}

fn count(conn: Db<'_>, table: &str) -> Result<i64> {
    conn.value(&format!("SELECT count(*) FROM {table}"), &[])
}

#[test]
fn create_normalises_and_numbers_per_day() -> Result<()> {
    each_engine(|conn| {
        let a = create_request(conn, &input("siti  aminah", "0812-3456-7890"), "Rina", NOW)?;
        assert_eq!(a.reg_no, "VN-251125-0001", "first request of the WIB day");
        assert_eq!(
            a.name, "SITI AMINAH",
            "names are stored as printed: upper case, single spaces"
        );
        assert_eq!(a.phone, "+6281234567890");
        assert_eq!(
            a.nik.as_deref(),
            Some(NIK),
            "separators are stripped from the NIK"
        );
        assert_eq!(a.problem, "NIK ditolak BPJS");
        assert_eq!(a.status, Status::Received);
        assert_eq!(a.operator, "Rina");
        let b = create_request(conn, &input("Budi", "081234567891"), "Rina", NOW + 1000)?;
        assert_eq!(
            b.reg_no, "VN-251125-0002",
            "numbers are sequential within a day"
        );
        // 17:30 UTC is already the next day in WIB.
        let next_day = NOW + 10 * 3_600_000 + 30 * 60_000;
        let c = create_request(conn, &input("Cici", "081234567892"), "Rina", next_day)?;
        assert_eq!(
            c.reg_no, "VN-251126-0001",
            "a new WIB day starts a new series"
        );
        let d = detail(conn, "vn-251125-0001", crate::clock::wib_date(NOW))?;
        assert_eq!(d.events.len(), 1, "creation is the first event");
        assert_eq!(d.events[0].to_status, Status::Received);
        assert!(
            d.nik_check.as_ref().is_some_and(|c| c.valid),
            "the stored NIK checks valid"
        );
        Ok(())
    })
}

#[test]
fn bad_input_is_refused_with_a_code_and_changes_nothing() -> Result<()> {
    each_engine(|conn| {
        let cases: Vec<(NewRequest, ErrorCode)> = vec![
            (input("", "081234567890"), ErrorCode::NamaTidakValid),
            (input("1234", "081234567890"), ErrorCode::NamaTidakValid),
            (
                input(&"A".repeat(101), "081234567890"),
                ErrorCode::NamaTidakValid,
            ),
            (input("Siti", "021-555-1234"), ErrorCode::NomorWaTidakValid),
            (input("Siti", ""), ErrorCode::NomorWaTidakValid),
            (
                NewRequest {
                    nik: Some("3516024512900000".into()),
                    ..input("Siti", "081234567890")
                },
                ErrorCode::NikTidakValid,
            ),
            (
                NewRequest {
                    nik: Some("12345".into()),
                    ..input("Siti", "081234567890")
                },
                ErrorCode::NikTidakValid,
            ),
            (
                NewRequest {
                    kk: Some("3516034503240061".into()),
                    ..input("Siti", "081234567890")
                },
                ErrorCode::NomorKkTidakValid,
            ),
            (
                NewRequest {
                    problem: Some("x".repeat(2001)),
                    ..input("Siti", "081234567890")
                },
                ErrorCode::TeksTerlaluPanjang,
            ),
        ];
        for (i, (bad, code)) in cases.into_iter().enumerate() {
            let got = create_request(conn, &bad, "Rina", NOW)
                .err()
                .map(|e| e.code);
            assert_eq!(got, Some(code), "case {i} must be refused with {code:?}");
        }
        let got = create_request(conn, &input("Siti", "081234567890"), "  ", NOW)
            .err()
            .map(|e| e.code);
        assert_eq!(
            got,
            Some(ErrorCode::OperatorBelumDiisi),
            "every change carries an operator"
        );
        assert_eq!(count(conn, "requests")?, 0, "refusals store nothing");
        assert_eq!(
            count(conn, "request_events")?,
            0,
            "refusals record no event"
        );
        assert_eq!(
            count(conn, "reg_counters")?,
            0,
            "refusals use up no registration number"
        );
        Ok(())
    })
}

#[test]
fn lifecycle_moves_are_events_and_illegal_ones_change_nothing() -> Result<()> {
    each_engine(|conn| {
        let r = create_request(conn, &input("Siti", "081234567890"), "Rina", NOW)?;
        let reg = r.reg_no.as_str();
        let illegal = move_request(
            conn,
            reg,
            Status::Done,
            Some(Outcome::Updated),
            None,
            "Rina",
            NOW + 1,
        );
        assert_eq!(
            illegal.err().map(|e| e.code),
            Some(ErrorCode::PerpindahanTidakSah),
            "received cannot jump to done"
        );
        move_request(
            conn,
            reg,
            Status::Verifying,
            None,
            None,
            "Rina",
            NOW + 60_000,
        )?;
        move_request(
            conn,
            reg,
            Status::WaitingCitizen,
            None,
            Some("Foto KK buram"),
            "Rina",
            NOW + 120_000,
        )?;
        move_request(
            conn,
            reg,
            Status::Verifying,
            None,
            None,
            "Budi",
            NOW + 600_000,
        )?;
        let no_outcome = move_request(conn, reg, Status::Done, None, None, "Budi", NOW + 700_000);
        assert_eq!(
            no_outcome.err().map(|e| e.code),
            Some(ErrorCode::HasilWajibDiisi)
        );
        let done = move_request(
            conn,
            reg,
            Status::Done,
            Some(Outcome::Updated),
            None,
            "Budi",
            NOW + 900_000,
        )?;
        assert_eq!(done.status, Status::Done);
        assert_eq!(done.outcome, Some(Outcome::Updated));
        let replied = move_request(
            conn,
            reg,
            Status::Replied,
            None,
            None,
            "Budi",
            NOW + 960_000,
        )?;
        assert_eq!(
            replied.outcome,
            Some(Outcome::Updated),
            "the outcome stays after replying"
        );
        let d = detail(conn, reg, crate::clock::wib_date(NOW))?;
        let trail: Vec<(Option<Status>, Status)> = d
            .events
            .iter()
            .map(|e| (e.from_status, e.to_status))
            .collect();
        assert_eq!(
            trail,
            vec![
                (None, Status::Received),
                (Some(Status::Received), Status::Verifying),
                (Some(Status::Verifying), Status::WaitingCitizen),
                (Some(Status::WaitingCitizen), Status::Verifying),
                (Some(Status::Verifying), Status::Done),
                (Some(Status::Done), Status::Replied),
            ],
            "every accepted move and only those are in the history"
        );
        assert_eq!(d.events[2].note, "Foto KK buram");
        assert_eq!(d.events[3].operator, "Budi", "each event names who made it");
        assert!(d.next.is_empty(), "replied is final");
        let missing = move_request(
            conn,
            "VN-000000-0000",
            Status::Verifying,
            None,
            None,
            "Rina",
            NOW,
        );
        assert_eq!(
            missing.err().map(|e| e.code),
            Some(ErrorCode::PermohonanTidakDitemukan)
        );
        Ok(())
    })
}
