//! What only office mode must hold: the chain's hashes byte-identical to
//! SQLite's, one numbering and one linear chain under desks writing at
//! once, append-only tables refused by privileges, and a newer schema
//! refused before anything is written.

use crate::audit::{self, Action};
use crate::db::testing::{postgres, TestPg};
use crate::db::{self, Db, Value};
use crate::error::{ErrorCode, Result};
use crate::model::{NewRequest, Outcome, Status};
use crate::requests;
use std::collections::BTreeSet;

const T0: i64 = 1_764_036_000_000; // 25-11-2025 09:00 WIB

fn input(name: &str) -> NewRequest {
    NewRequest {
        name: name.into(),
        phone: "081234567890".into(),
        nik: Some("3516024512900003".into()),
        ..Default::default()
    }
}

/// The same day of work on either engine.
fn a_day(db: Db<'_>) -> Result<()> {
    for (i, name) in ["Siti Aminah", "Budi Santoso", "Dewi Sartika ✓"]
        .iter()
        .enumerate()
    {
        let at = T0 + i as i64 * 60_000;
        let r = requests::create_request(db, &input(name), "Rina", at)?;
        requests::move_request(db, &r.reg_no, Status::Verifying, None, None, "Rina", at + 1)?;
        audit::record(
            db,
            at + 2,
            "Rina",
            Action::DokumenDilihat,
            Some(&r.reg_no),
            "KTP",
        )?;
        requests::move_request(
            db,
            &r.reg_no,
            Status::Done,
            Some(Outcome::Updated),
            Some("sudah → SIAK"),
            "Rina",
            at + 3,
        )?;
    }
    audit::record(db, T0 + 999, "Sari", Action::BuktiDicetak, None, "rekap")?;
    Ok(())
}

/// Every entry but the log's start (stamped with the moment the schema was
/// made), as stored.
fn entries(db: Db<'_>) -> Result<Vec<Vec<Value>>> {
    db.query_all(
        "SELECT at, operator, action, request_id, detail, origin
         FROM access_log WHERE action <> 'log_dimulai' ORDER BY id",
        &[],
        |r| (0..6).map(|i| r.get::<Value>(i)).collect(),
    )
}

#[test]
fn the_chain_hashes_byte_identically_on_both_engines() -> Result<()> {
    let sqlite = db::open_in_memory()?;
    let pg = postgres()?;
    let (lite, office) = (Db::Sqlite(&sqlite), Db::Postgres(&pg.conn));
    // The schema's hash function, as each engine computes it.
    let cases: Vec<Vec<Value>> = vec![
        crate::sql_params![
            crate::audit::chain::GENESIS,
            T0,
            "Rina",
            "permohonan_dibuat",
            1_i64,
            "diterima",
            "app"
        ]
        .to_vec(),
        crate::sql_params![
            crate::audit::chain::GENESIS,
            T0,
            "Rina",
            "log_dimulai",
            None::<i64>,
            "",
            ""
        ]
        .to_vec(),
        crate::sql_params!["ab", -5_i64, "Sité → ✓", "x", i64::MAX, "a\nb", "cli"].to_vec(),
    ];
    for args in &cases {
        let sql = "SELECT loket_audit_hash(?1, ?2, ?3, ?4, ?5, ?6, ?7)";
        let a: String = lite.value(sql, args)?;
        let b: String = office.value(sql, args)?;
        assert_eq!(a, b, "{args:?}");
    }
    // The same day of work writes the same entries, and each engine's
    // stored hashes are what the one Rust verifier computes.
    a_day(lite)?;
    a_day(office)?;
    let on_lite = entries(lite)?;
    assert_eq!(on_lite.len(), 13, "{on_lite:?}");
    assert_eq!(on_lite, entries(office)?);
    for db in [lite, office] {
        let report = audit::verify(db)?;
        assert!(report.intact, "{:?}: {report:?}", db.engine());
        assert_eq!(report.entries, 14);
    }
    Ok(())
}

#[test]
fn desks_writing_at_once_share_one_numbering_and_one_chain() -> Result<()> {
    let pg = postgres()?;
    const DESKS: usize = 8;
    const EACH: usize = 25;
    let desks: Vec<_> = (0..DESKS).map(|_| pg.another()).collect::<Result<_>>()?;
    let numbers = std::thread::scope(|s| {
        let handles: Vec<_> = desks
            .into_iter()
            .enumerate()
            .map(|(d, conn)| {
                s.spawn(move || -> Result<Vec<String>> {
                    let db = Db::Postgres(&conn);
                    let mut regs = Vec::new();
                    for i in 0..EACH {
                        let at = T0 + (i * DESKS + d) as i64;
                        let r =
                            requests::create_request(db, &input("Siti"), &format!("Meja{d}"), at)?;
                        requests::move_request(
                            db,
                            &r.reg_no,
                            Status::Verifying,
                            None,
                            None,
                            "Rina",
                            at,
                        )?;
                        regs.push(r.reg_no);
                    }
                    Ok(regs)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| Ok(Vec::new())))
            .collect::<Result<Vec<_>>>()
    })?;
    let all: Vec<String> = numbers.into_iter().flatten().collect();
    assert_eq!(all.len(), DESKS * EACH, "every desk's requests landed");
    let unique: BTreeSet<&String> = all.iter().collect();
    assert_eq!(unique.len(), all.len(), "no number handed out twice");
    let expected: BTreeSet<String> = (1..=DESKS * EACH)
        .map(|n| format!("VN-251125-{n:04}"))
        .collect();
    assert_eq!(
        unique.into_iter().cloned().collect::<BTreeSet<_>>(),
        expected
    );
    let report = audit::verify(Db::Postgres(&pg.conn))?;
    assert!(report.intact, "{report:?}");
    assert_eq!(
        report.entries,
        1 + 2 * (DESKS * EACH) as i64,
        "the start entry, then a created and a moved entry per request"
    );
    Ok(())
}

fn role_for(pg: &TestPg) -> String {
    format!("desk_{}", pg.schema)
}

#[test]
fn the_desks_role_cannot_change_the_append_only_tables() -> Result<()> {
    let pg = postgres()?;
    let db = Db::Postgres(&pg.conn);
    a_day(db)?;
    let role = role_for(&pg);
    pg.conn.batch(&format!("CREATE ROLE \"{role}\" NOLOGIN"))?;
    let outcome = (|| -> Result<()> {
        db.execute("SELECT loket_grant_desk(?1)", &[Value::from(role.as_str())])?;
        // Even with the refusing triggers gone, the privileges hold.
        db.execute(
            "DROP TRIGGER access_log_append_only_update ON access_log",
            &[],
        )?;
        db.execute(
            "DROP TRIGGER request_events_append_only_delete ON request_events",
            &[],
        )?;
        pg.conn.batch(&format!("SET ROLE \"{role}\""))?;
        let update = db.execute("UPDATE access_log SET operator = 'x' WHERE id = 2", &[]);
        let delete = db.execute("DELETE FROM request_events WHERE id = 1", &[]);
        // What a desk does still works under the role, the name search too.
        let created = requests::create_request(db, &input("Ani Lestari"), "Rina", T0 + 5_000);
        let found = crate::search::list(
            db,
            &crate::model::ListQuery {
                search: Some("ani les".into()),
                view: crate::model::QueueView::All,
                ..Default::default()
            },
        );
        pg.conn.batch("RESET ROLE")?;
        assert_eq!(
            update.map_err(|e| e.code),
            Err(ErrorCode::AksesKantorDitolak)
        );
        assert_eq!(
            delete.map_err(|e| e.code),
            Err(ErrorCode::AksesKantorDitolak)
        );
        assert!(created.is_ok(), "{created:?}");
        assert_eq!(found.map(|p| p.items.len()).map_err(|e| e.code), Ok(1));
        Ok(())
    })();
    pg.conn.batch("RESET ROLE")?;
    pg.conn
        .batch(&format!("DROP OWNED BY \"{role}\"; DROP ROLE \"{role}\""))?;
    outcome?;
    assert!(audit::verify(db)?.intact);
    Ok(())
}

#[test]
fn a_newer_office_schema_is_refused_naming_both_versions() -> Result<()> {
    let pg = postgres()?;
    let db = Db::Postgres(&pg.conn);
    db.execute(
        "UPDATE loket_meta SET value = '99' WHERE key = 'schema_version'",
        &[],
    )?;
    let err = pg.conn.check_schema().map(|_| ()).unwrap_err();
    assert_eq!(err.code, ErrorCode::BasisDataVersiBaru);
    assert!(
        err.message.contains("99") && err.message.contains(&db::SCHEMA_VERSION.to_string()),
        "{}",
        err.message
    );
    assert_eq!(
        pg.conn.init_schema().map_err(|e| e.code),
        Err(ErrorCode::BasisDataVersiBaru),
        "set-up refuses it too, writing nothing"
    );
    Ok(())
}

#[test]
fn a_database_without_loket_is_not_set_up_yet() -> Result<()> {
    let pg = postgres()?;
    let other = pg.another()?;
    other.use_schema(&format!("{}_empty", pg.schema))?;
    let err = other.check_schema().unwrap_err();
    other.batch(&format!("DROP SCHEMA \"{}_empty\"", pg.schema))?;
    assert_eq!(err.code, ErrorCode::KantorBelumDisiapkan);
    Ok(())
}

#[test]
fn an_office_desk_stamps_with_the_servers_clock() -> Result<()> {
    let pg = postgres()?;
    // The server an hour ahead of this PC, as a drifting office PC sees it.
    pg.conn.batch(
        "CREATE OR REPLACE FUNCTION loket_now_ms() RETURNS bigint LANGUAGE sql VOLATILE
         RETURN CAST(floor(extract(epoch FROM clock_timestamp()) * 1000) AS BIGINT) + 3600000",
    )?;
    let dir = tempfile::tempdir().map_err(|e| crate::LoketError::from_io(&e, "tmp"))?;
    let desk = crate::Desk::on_office(pg.another()?, "unused", dir.path())?;
    let ahead = desk.now_ms() - crate::clock::now_ms();
    assert!((3_595_000..3_605_000).contains(&ahead), "{ahead}");
    let r = requests::create_request(desk.db(), &input("Siti"), "Rina", desk.now_ms())?;
    assert!(r.received_at - crate::clock::now_ms() > 3_590_000);
    Ok(())
}
