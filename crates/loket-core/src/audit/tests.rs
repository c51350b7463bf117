use super::*;
use crate::db::testing::each_engine;
use crate::db::{Db, Engine};
use crate::model::{Category, NewRequest, Outcome, Status};
use crate::requests;

const T0: i64 = 1_764_036_000_000; // 25-11-2025 09:00 WIB

fn input(name: &str) -> NewRequest {
    NewRequest {
        name: name.into(),
        phone: "081234567890".into(),
        nik: Some("3516024512900003".into()),
        kk: None,
        category: Some(Category::Bpjs),
        problem: None,
    }
}

fn desk_with_history(conn: Db<'_>) -> Result<String> {
    let r = requests::create_request(conn, &input("Siti Aminah"), "Rina", T0)?;
    requests::move_request(
        conn,
        &r.reg_no,
        Status::Verifying,
        None,
        None,
        "Rina",
        T0 + 60_000,
    )?;
    record(
        conn,
        T0 + 61_000,
        "Rina",
        Action::DokumenDilihat,
        Some(&r.reg_no),
        "KTP",
    )?;
    requests::move_request(
        conn,
        &r.reg_no,
        Status::Done,
        Some(Outcome::Updated),
        None,
        "Rina",
        T0 + 120_000,
    )?;
    record(
        conn,
        T0 + 130_000,
        "Sari",
        Action::BuktiDicetak,
        Some(&r.reg_no),
        "roll80",
    )?;
    Ok(r.reg_no)
}

#[test]
fn changes_and_views_land_in_one_chain_without_personal_data() -> Result<()> {
    each_engine(|conn| {
        let reg = desk_with_history(conn)?;
        let rows = list(
            conn,
            &LogFilter {
                reg_no: Some(reg.clone()),
                ..LogFilter::default()
            },
        )?;
        let actions: Vec<&str> = rows.iter().rev().map(|r| r.action.as_str()).collect();
        assert_eq!(
            actions,
            [
                "permohonan_dibuat",
                "status_diubah",
                "dokumen_dilihat",
                "status_diubah",
                "bukti_dicetak"
            ],
            "the trigger-made change entries and the recorded views interleave in time order"
        );
        assert_eq!(
            rows[1].detail,
            "Diverifikasi → Selesai (NIK sudah diperbarui)"
        );
        assert_eq!(rows[0].operator, "Sari");
        assert_eq!(rows[0].label, "Bukti layanan dicetak");
        let all: Vec<String> = conn.query_all(
            "SELECT operator || action || detail FROM access_log",
            &[],
            |r| r.get(0),
        )?;
        assert!(
            all.iter()
                .all(|t| !t.contains("3516024512900003") && !t.contains("SITI")),
            "no NIK or name in the log: {all:?}"
        );
        let report = verify(conn)?;
        assert!(report.intact, "{report:?}");
        assert_eq!(report.entries, 6, "the start entry and five more");
        Ok(())
    })
}

#[test]
fn the_log_refuses_updates_and_deletes() -> Result<()> {
    each_engine(|conn| {
        let _reg = desk_with_history(conn)?;
        assert!(conn
            .execute("UPDATE access_log SET operator = 'x' WHERE id = 2", &[])
            .is_err());
        assert!(conn
            .execute("DELETE FROM access_log WHERE id = 2", &[])
            .is_err());
        Ok(())
    })
}

/// Drops the append-only guards, as someone with the file and a SQLite tool could.
fn unguard(conn: Db<'_>) -> Result<()> {
    let on = match conn.engine() {
        Engine::Sqlite => "",
        Engine::Postgres => " ON access_log",
    };
    conn.execute(
        &format!("DROP TRIGGER access_log_append_only_update{on}"),
        &[],
    )?;
    conn.execute(
        &format!("DROP TRIGGER access_log_append_only_delete{on}"),
        &[],
    )?;
    Ok(())
}

#[test]
fn an_edited_entry_is_named() -> Result<()> {
    each_engine(|conn| {
        let _reg = desk_with_history(conn)?;
        unguard(conn)?;
        conn.execute(
            "UPDATE access_log SET operator = 'Orang Lain' WHERE id = 3",
            &[],
        )?;
        let report = verify(conn)?;
        assert!(!report.intact);
        let broken = report
            .first_broken
            .ok_or_else(|| crate::LoketError::new(crate::ErrorCode::GagalMenyimpan, "no break"))?;
        assert_eq!(broken.id, 3);
        assert!(broken.reason.contains("diubah"), "{}", broken.reason);
        Ok(())
    })
}

#[test]
fn an_edit_with_its_hash_recomputed_is_still_caught() -> Result<()> {
    each_engine(|conn| {
        let _reg = desk_with_history(conn)?;
        unguard(conn)?;
        conn.execute(
            "UPDATE access_log SET detail = 'lain',
            hash = loket_audit_hash(prev_hash, at, operator, action, request_id, 'lain')
         WHERE id = 3",
            &[],
        )?;
        let report = verify(conn)?;
        let broken = report.first_broken.map(|b| b.id);
        assert_eq!(
            broken,
            Some(3),
            "the rewritten entry is blamed, not the next one"
        );
        Ok(())
    })
}

#[test]
fn a_deleted_entry_is_named() -> Result<()> {
    each_engine(|conn| {
        let _reg = desk_with_history(conn)?;
        unguard(conn)?;
        conn.execute("DELETE FROM access_log WHERE id = 4", &[])?;
        let report = verify(conn)?;
        let broken = report.first_broken.map(|b| (b.id, b.reason));
        assert!(
            matches!(&broken, Some((5, reason)) if reason.contains("nomor 4")),
            "{broken:?}"
        );
        Ok(())
    })
}

#[test]
fn filters_by_operator_and_day() -> Result<()> {
    each_engine(|conn| {
        let _reg = desk_with_history(conn)?;
        let sari = list(
            conn,
            &LogFilter {
                operator: Some("sari".into()),
                ..LogFilter::default()
            },
        )?;
        assert_eq!(sari.len(), 1, "operator names match case-insensitively");
        let day = list(
            conn,
            &LogFilter {
                day: Some("2025-11-25".into()),
                ..LogFilter::default()
            },
        )?;
        assert_eq!(
            day.len(),
            5,
            "the day's entries (not the start entry, written today)"
        );
        let other_day = list(
            conn,
            &LogFilter {
                day: Some("2025-11-24".into()),
                ..LogFilter::default()
            },
        )?;
        assert!(other_day.is_empty());
        let page = list(
            conn,
            &LogFilter {
                limit: Some(2),
                ..LogFilter::default()
            },
        )?;
        let next = list(
            conn,
            &LogFilter {
                before_id: page.last().map(|r| r.id),
                limit: Some(2),
                ..LogFilter::default()
            },
        )?;
        assert_eq!(page.len() + next.len(), 4);
        assert!(
            page.iter().all(|a| next.iter().all(|b| b.id < a.id)),
            "pages go back in time"
        );
        Ok(())
    })
}
