use super::*;
use crate::db::testing::each_engine;
use crate::model::NewRequest;

const T0: i64 = 1_795_579_200_000; // Wednesday 25-11-2026 11:00 WIB
const HOUR: i64 = 3_600_000;

fn complaint(about: Option<&str>) -> NewComplaint {
    NewComplaint {
        name: "Budi Santoso".into(),
        phone: "081234567891".into(),
        channel: Channel::Whatsapp,
        about_reg_no: about.map(Into::into),
        category: ComplaintCategory::Slow,
        text: "Sudah dua hari NIK belum aktif.".into(),
    }
}

#[test]
fn a_complaint_is_received_answered_and_closed_on_its_request() -> Result<()> {
    each_engine(|conn| {
        let req = NewRequest {
            name: "Budi Santoso".into(),
            phone: "081234567891".into(),
            ..NewRequest::default()
        };
        let reg = crate::requests::create_request(conn, &req, "Rina", T0)?.reg_no;
        let c = create(conn, &complaint(Some(&reg.to_lowercase())), "Rina", T0)?;
        assert!(c.reg_no.starts_with("PG-261125-"));
        assert_eq!(c.about_reg_no.as_deref(), Some(reg.as_str()));
        assert!(!c.late);
        let early = close(conn, &c.reg_no, "Rina", T0);
        assert_eq!(
            early.err().map(|e| e.code),
            Some(ErrorCode::PerpindahanTidakSah),
            "answer first"
        );
        let answered = answer(
            conn,
            &c.reg_no,
            "NIK sudah diperbarui hari ini.",
            "Sari",
            T0 + HOUR,
        )?;
        assert_eq!(answered.answered_at, Some(T0 + HOUR));
        assert!(!answered.late, "answered within one office day");
        let closed = close(conn, &c.reg_no, "Sari", T0 + 2 * HOUR)?;
        assert!(closed.closed_at.is_some());
        assert_eq!(about(conn, &reg, T0)?.len(), 1, "shown on the request");
        assert!(list(conn, true, T0)?.is_empty(), "no open complaint left");
        let on_request: i64 = conn.value(
            "SELECT count(*) FROM access_log l JOIN requests r ON r.id = l.request_id
         WHERE r.reg_no = ?1 AND l.action LIKE 'pengaduan_%'",
            crate::sql_params![&reg],
        )?;
        assert_eq!(on_request, 3, "the request's log shows its complaint");
        Ok(())
    })
}

#[test]
fn an_unanswered_complaint_becomes_late_and_unknown_links_are_refused() -> Result<()> {
    each_engine(|conn| {
        let bad = create(conn, &complaint(Some("VN-991231-0001")), "Rina", T0);
        assert_eq!(
            bad.err().map(|e| e.code),
            Some(ErrorCode::PermohonanTidakDitemukan)
        );
        let c = create(conn, &complaint(None), "Rina", T0)?;
        let two_days = list(conn, true, T0 + 48 * HOUR)?;
        assert_eq!(two_days.len(), 1);
        assert!(two_days[0].late, "{:?}", two_days[0].answer_due);
        let day = crate::clock::wib_date(T0);
        let (start, end) = crate::clock::range_ms(day, day)?;
        let t = totals(conn, start, end, T0 + 48 * HOUR)?;
        assert_eq!(
            (t.received, t.answered, t.late_now),
            (1, 0, 1),
            "in the recap as late"
        );
        set_response_minutes(conn, 60 * 24 * 10)?;
        assert!(
            !get(conn, &c.reg_no, T0 + 48 * HOUR)?.late,
            "a longer promise from settings"
        );
        Ok(())
    })
}
