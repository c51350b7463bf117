use super::*;
use crate::db::testing::each_engine;
use crate::error::ErrorCode;
use crate::error::Result;

// Wednesday 25-11-2026 11:00 WIB, inside the default office hours.
const T0: i64 = 1_795_579_200_000;
const HOUR: i64 = 3_600_000;

fn input() -> NewDelivery {
    NewDelivery {
        name: "siti  aminah".into(),
        phone: "0812-3456-7890".into(),
        village_code: "3516012001".into(),
        address: "Jl. Raya 12, RT 01/RW 02".into(),
        documents: vec![DocType::Kk, DocType::KtpEl, DocType::Kk],
        note: String::new(),
        requested_at: Some(T0 - HOUR),
    }
}

#[test]
fn a_delivery_goes_through_its_five_steps() -> Result<()> {
    each_engine(|conn| {
        let d = create(conn, &input(), "Rina", T0)?;
        assert!(
            d.delivery.reg_no.starts_with("PK-261125-"),
            "{}",
            d.delivery.reg_no
        );
        assert_eq!(d.delivery.name, "SITI AMINAH");
        assert_eq!(
            d.delivery.documents,
            [DocType::Kk, DocType::KtpEl],
            "duplicates dropped"
        );
        assert_eq!(d.delivery.village.district, "Jatirejo");
        assert!(d.registration_in_time);
        assert_eq!(d.delivery.next_step, Some(Step::Processed));
        let reg = d.delivery.reg_no.clone();

        let skip = move_to(
            conn,
            &reg,
            Step::HandedOver,
            &MoveDetails::default(),
            "Rina",
            T0 + HOUR,
        );
        assert_eq!(
            skip.err().map(|e| e.code),
            Some(ErrorCode::PerpindahanTidakSah)
        );
        move_to(
            conn,
            &reg,
            Step::Processed,
            &MoveDetails::default(),
            "Rina",
            T0 + HOUR,
        )?;
        let no_resi = move_to(
            conn,
            &reg,
            Step::HandedOver,
            &MoveDetails::default(),
            "Rina",
            T0 + 2 * HOUR,
        );
        assert_eq!(
            no_resi.err().map(|e| e.code),
            Some(ErrorCode::MasukanTidakValid)
        );
        let handed = MoveDetails {
            courier: Some("Pos Indonesia".into()),
            tracking_no: Some("P2611250001".into()),
            ..MoveDetails::default()
        };
        move_to(conn, &reg, Step::HandedOver, &handed, "Rina", T0 + 2 * HOUR)?;
        let got = MoveDetails {
            receiver: Some("Siti Aminah".into()),
            ..MoveDetails::default()
        };
        move_to(conn, &reg, Step::Delivered, &got, "Pak Pos", T0 + 20 * HOUR)?;
        let paid = MoveDetails {
            cod_amount: Some(20_000),
            ..MoveDetails::default()
        };
        let done = move_to(conn, &reg, Step::Paid, &paid, "Rina", T0 + 30 * HOUR)?;
        assert_eq!(done.delivery.cod_amount, Some(20_000));
        assert_eq!(done.delivery.tracking_no.as_deref(), Some("P2611250001"));
        assert_eq!(done.delivery.due_at, None, "nothing more is promised");
        assert_eq!(done.events.len(), 5);
        let logged: i64 = conn.value(
            "SELECT count(*) FROM access_log WHERE action IN ('kiriman_dibuat','kiriman_diubah')",
            &[],
        )?;
        assert_eq!(logged, 5, "every step is in the access log");
        Ok(())
    })
}

#[test]
fn the_late_step_is_named_and_listed() -> Result<()> {
    each_engine(|conn| {
        let reg = create(conn, &input(), "Rina", T0)?.delivery.reg_no;
        let fresh = list(conn, &DeliveryQuery::default(), T0 + HOUR)?;
        assert!(!fresh[0].late);
        // 8.5 office hours after 11:00 Wednesday run out on Thursday.
        let thursday_noon = T0 + 27 * HOUR;
        let late = list(
            conn,
            &DeliveryQuery {
                late_only: true,
                ..DeliveryQuery::default()
            },
            thursday_noon,
        )?;
        assert_eq!(late.len(), 1);
        assert_eq!(late[0].reg_no, reg);
        assert_eq!(
            late[0].next_step,
            Some(Step::Processed),
            "processing is the late step"
        );
        Ok(())
    })
}

#[test]
fn a_failed_delivery_returns_and_goes_out_again() -> Result<()> {
    each_engine(|conn| {
        let reg = create(conn, &input(), "Rina", T0)?.delivery.reg_no;
        let handed = MoveDetails {
            courier: Some("J&T".into()),
            tracking_no: Some("JT0001".into()),
            ..MoveDetails::default()
        };
        move_to(
            conn,
            &reg,
            Step::Processed,
            &MoveDetails::default(),
            "Rina",
            T0,
        )?;
        move_to(conn, &reg, Step::HandedOver, &handed, "Rina", T0)?;
        let why = move_to(
            conn,
            &reg,
            Step::Failed,
            &MoveDetails::default(),
            "Rina",
            T0,
        );
        assert_eq!(
            why.err().map(|e| e.code),
            Some(ErrorCode::MasukanTidakValid),
            "a failure needs its cause"
        );
        let failed = MoveDetails {
            note: Some("Alamat tidak ditemukan".into()),
            ..MoveDetails::default()
        };
        move_to(conn, &reg, Step::Failed, &failed, "Rina", T0 + HOUR)?;
        move_to(
            conn,
            &reg,
            Step::Returned,
            &MoveDetails::default(),
            "Rina",
            T0 + 2 * HOUR,
        )?;
        let again = move_to(conn, &reg, Step::HandedOver, &handed, "Rina", T0 + 3 * HOUR)?;
        assert_eq!(again.delivery.step, Step::HandedOver);
        let day = crate::clock::wib_date(T0);
        assert_eq!(
            handover_list(conn, day, T0 + 4 * HOUR)?.len(),
            1,
            "listed once on the day's hand-over"
        );
        Ok(())
    })
}

#[test]
fn bad_input_is_refused() -> Result<()> {
    each_engine(|conn| {
        let mut bad = input();
        bad.village_code = "3578010001".into();
        assert!(create(conn, &bad, "Rina", T0).is_err());
        let mut bad = input();
        bad.documents = vec![DocType::Other];
        assert_eq!(
            create(conn, &bad, "Rina", T0).err().map(|e| e.code),
            Some(ErrorCode::MasukanTidakValid),
            "\"other\" needs its name"
        );
        let mut bad = input();
        bad.documents.clear();
        assert!(create(conn, &bad, "Rina", T0).is_err());
        Ok(())
    })
}

#[test]
fn the_recap_counts_steps_and_promises() -> Result<()> {
    each_engine(|conn| {
        let a = create(conn, &input(), "Rina", T0)?.delivery.reg_no;
        create(conn, &input(), "Rina", T0)?;
        move_to(
            conn,
            &a,
            Step::Processed,
            &MoveDetails::default(),
            "Rina",
            T0 + HOUR,
        )?;
        let handed = MoveDetails {
            courier: Some("Pos Indonesia".into()),
            tracking_no: Some("P1".into()),
            ..MoveDetails::default()
        };
        // Three office days later: the hand-over broke its 8.5-hour promise.
        move_to(conn, &a, Step::HandedOver, &handed, "Rina", T0 + 72 * HOUR)?;
        let (start, end) =
            crate::clock::range_ms(crate::clock::wib_date(T0), crate::clock::wib_date(T0))?;
        let t = totals::totals(conn, start, end, T0 + 73 * HOUR)?;
        assert_eq!(t.registered, 2);
        assert_eq!((t.processed, t.handed_over), (1, 1));
        assert_eq!(t.steps, 4);
        assert_eq!(
            t.steps_in_time, 3,
            "registrations and processing on time, the hand-over late"
        );
        assert_eq!(t.late_now, 1, "the second is still not processed");
        Ok(())
    })
}

#[test]
fn the_list_finds_by_number_name_or_tracking_number_in_any_case() -> Result<()> {
    each_engine(|conn| {
        let reg = create(conn, &input(), "Rina", T0)?.delivery.reg_no;
        let other = NewDelivery {
            name: "Budi".into(),
            ..input()
        };
        create(conn, &other, "Rina", T0)?;
        move_to(
            conn,
            &reg,
            Step::Processed,
            &MoveDetails::default(),
            "Rina",
            T0,
        )?;
        let handed = MoveDetails {
            courier: Some("J&T".into()),
            tracking_no: Some("jt-Resi77".into()),
            ..MoveDetails::default()
        };
        move_to(conn, &reg, Step::HandedOver, &handed, "Rina", T0)?;
        let find = |s: &str| -> Result<Vec<String>> {
            let q = DeliveryQuery {
                search: Some(s.into()),
                ..DeliveryQuery::default()
            };
            Ok(list(conn, &q, T0)?
                .into_iter()
                .map(|d| d.reg_no)
                .collect::<Vec<_>>())
        };
        assert_eq!(find("aminah")?, vec![reg.as_str()], "by name, any case");
        assert_eq!(
            find("JT-RESI")?,
            vec![reg.as_str()],
            "by tracking number, any case"
        );
        assert_eq!(find(&reg.to_lowercase())?, vec![reg.as_str()], "by number");
        assert_eq!(find("  ")?.len(), 2, "a blank search lists all open");
        assert!(find("nobody")?.is_empty());
        Ok(())
    })
}
