use super::*;
use crate::actor::Actor;
use crate::db::testing::each_engine;

const T0: i64 = 1_764_036_000_000;

fn first(conn: Db<'_>) -> Result<Session> {
    create_first(conn, "Sari Supervisor", "kopi-tubruk", T0)
}

#[test]
fn first_start_makes_a_supervisor_once() -> Result<()> {
    each_engine(|conn| {
        let sari = first(conn)?;
        assert_eq!(sari.role, Role::Supervisor);
        let again = create_first(conn, "Orang Lain", "rahasia99", T0);
        assert_eq!(
            again.err().map(|e| e.code),
            Some(ErrorCode::KhususSupervisor)
        );
        let stored: String = conn.value("SELECT pin_hash FROM accounts", &[])?;
        assert!(
            stored.starts_with("$argon2id$"),
            "only the argon2id hash is kept"
        );
        assert!(!stored.contains("kopi-tubruk"));
        Ok(())
    })
}

#[test]
fn weak_pins_and_taken_names_are_refused() -> Result<()> {
    each_engine(|conn| {
        let sari = first(conn)?;
        for weak in ["12345", "111111", "123456", "987654", "aaaaaaa"] {
            let r = create(conn, &Actor::app(&sari), "Rina", Role::Operator, weak, T0);
            assert_eq!(
                r.err().map(|e| e.code),
                Some(ErrorCode::PinTerlaluLemah),
                "{weak}"
            );
        }
        create(
            conn,
            &Actor::app(&sari),
            "Rina",
            Role::Operator,
            "274913",
            T0,
        )?;
        let twice = create(
            conn,
            &Actor::app(&sari),
            "rina",
            Role::Operator,
            "274913",
            T0,
        );
        assert_eq!(
            twice.err().map(|e| e.code),
            Some(ErrorCode::NamaAkunSudahAda)
        );
        Ok(())
    })
}

#[test]
fn operators_cannot_manage_accounts() -> Result<()> {
    each_engine(|conn| {
        let sari = first(conn)?;
        create(
            conn,
            &Actor::app(&sari),
            "Rina",
            Role::Operator,
            "274913",
            T0,
        )?;
        let rina = login(conn, "Rina", "274913", T0)?;
        let r = create(
            conn,
            &Actor::app(&rina),
            "Budi",
            Role::Supervisor,
            "562817",
            T0,
        );
        assert_eq!(r.err().map(|e| e.code), Some(ErrorCode::KhususSupervisor));
        let r = set_pin(
            conn,
            &Actor::app(&rina),
            "Sari Supervisor",
            None,
            "562817",
            T0,
        );
        assert_eq!(r.err().map(|e| e.code), Some(ErrorCode::KhususSupervisor));
        let r = set_pin(
            conn,
            &Actor::app(&rina),
            "Rina",
            Some("000000"),
            "562817",
            T0,
        );
        assert_eq!(
            r.err().map(|e| e.code),
            Some(ErrorCode::PinSalah),
            "own PIN needs the old one"
        );
        set_pin(
            conn,
            &Actor::app(&rina),
            "Rina",
            Some("274913"),
            "562817",
            T0,
        )?;
        login(conn, "Rina", "562817", T0)?;
        Ok(())
    })
}

#[test]
fn wrong_pins_make_the_account_wait_and_are_logged() -> Result<()> {
    each_engine(|conn| {
        let sari = first(conn)?;
        create(
            conn,
            &Actor::app(&sari),
            "Rina",
            Role::Operator,
            "274913",
            T0,
        )?;
        for i in 1..LOCK_AFTER {
            let e = login(conn, "Rina", "000001", T0 + i);
            assert_eq!(e.err().map(|e| e.code), Some(ErrorCode::PinSalah));
        }
        let fifth = login(conn, "Rina", "000001", T0 + 10);
        assert_eq!(
            fifth.err().map(|e| e.code),
            Some(ErrorCode::AkunTerkunciSementara)
        );
        // Even the right PIN waits.
        let right = login(conn, "Rina", "274913", T0 + 20_000);
        assert_eq!(
            right.err().map(|e| e.code),
            Some(ErrorCode::AkunTerkunciSementara)
        );
        // After the wait a wrong PIN doubles it; then the right one works.
        let again = login(conn, "Rina", "000001", T0 + 31_000);
        assert_eq!(
            again.err().map(|e| e.code),
            Some(ErrorCode::AkunTerkunciSementara)
        );
        let until: i64 =
            conn.value("SELECT locked_until FROM accounts WHERE name = 'Rina'", &[])?;
        assert_eq!(until, T0 + 31_000 + 60_000);
        let s = login(conn, "Rina", "274913", until)?;
        assert_eq!(s.role, Role::Operator);
        let failed: i64 = conn.value(
            "SELECT count(*) FROM access_log WHERE action = 'gagal_masuk' AND operator = 'Rina'",
            &[],
        )?;
        assert_eq!(failed, 6, "every wrong PIN is in the access log");
        assert_eq!(wait_after(40), MAX_WAIT_MS);
        Ok(())
    })
}

#[test]
fn disabled_accounts_cannot_log_in_and_the_last_supervisor_stays() -> Result<()> {
    each_engine(|conn| {
        let sari = first(conn)?;
        create(
            conn,
            &Actor::app(&sari),
            "Rina",
            Role::Operator,
            "274913",
            T0,
        )?;
        disable(conn, &Actor::app(&sari), "Rina", T0)?;
        let r = login(conn, "Rina", "274913", T0);
        assert_eq!(r.err().map(|e| e.code), Some(ErrorCode::AkunTidakDitemukan));
        let r = disable(conn, &Actor::app(&sari), "Sari Supervisor", T0);
        assert_eq!(r.err().map(|e| e.code), Some(ErrorCode::MasukanTidakValid));
        let names: Vec<(String, bool)> = list(conn)?
            .into_iter()
            .map(|a| (a.name, a.disabled))
            .collect();
        assert_eq!(
            names,
            [
                ("Sari Supervisor".to_owned(), false),
                ("Rina".to_owned(), true)
            ]
        );
        assert!(crate::audit::verify(conn)?.intact);
        Ok(())
    })
}

#[test]
fn a_lock_is_logged_with_whether_it_was_idle() -> Result<()> {
    each_engine(|conn| {
        let sari = first(conn)?;
        lock(conn, &Actor::app(&sari), true, T0 + 1)?;
        let (operator, detail, origin): (String, String, String) = conn.query_one(
            "SELECT operator, detail, origin FROM access_log WHERE action = 'dikunci'",
            &[],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            || LoketError::new(ErrorCode::GagalMenyimpan, "no dikunci entry"),
        )?;
        assert_eq!(
            (operator.as_str(), detail.as_str(), origin.as_str()),
            ("Sari Supervisor", "tidak aktif", "app")
        );
        Ok(())
    })
}

#[test]
fn names_are_matched_ignoring_case_on_both_engines() -> Result<()> {
    each_engine(|conn| {
        let sari = first(conn)?;
        let by = Actor::app(&sari);
        create(conn, &by, "Rina", Role::Operator, "274913", T0)?;
        let s = login(conn, "  RINA ", "274913", T0)?;
        assert_eq!(s.name, "Rina", "the stored spelling is the session's");
        set_pin(conn, &by, "rina", None, "562817", T0)?;
        login(conn, "rInA", "562817", T0)?;
        create(conn, &by, "Budi", Role::Operator, "274913", T0)?;
        let names: Vec<String> = list(conn)?.into_iter().map(|a| a.name).collect();
        assert_eq!(names, ["Budi", "Rina", "Sari Supervisor"]);
        disable(conn, &by, "RINA", T0)?;
        assert_eq!(
            login(conn, "Rina", "562817", T0).err().map(|e| e.code),
            Some(ErrorCode::AkunTidakDitemukan)
        );
        Ok(())
    })
}
