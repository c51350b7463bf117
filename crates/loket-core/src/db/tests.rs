use super::*;
use crate::error::ErrorCode;

fn tmp() -> Result<tempfile::TempDir> {
    tempfile::tempdir().map_err(|e| LoketError::new(ErrorCode::GagalMenyimpan, e.to_string()))
}

#[test]
fn a_new_file_gets_the_schema_and_the_setup() -> Result<()> {
    let dir = tmp()?;
    let path = dir.path().join(DB_FILE);
    let conn = open(&path)?;
    let version: i32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    assert_eq!(
        version, SCHEMA_VERSION,
        "a new database is at the current schema"
    );
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
    assert_eq!(mode, "wal", "readers must not wait for the writer");
    let fk: i32 = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
    assert_eq!(fk, 1, "foreign keys are enforced");
    let sync: i32 = conn.query_row("PRAGMA synchronous", [], |r| r.get(0))?;
    assert_eq!(
        sync, 2,
        "synchronous = FULL: committed requests survive a power cut"
    );
    let app_id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    assert_eq!(
        app_id, APPLICATION_ID,
        "the file says it is a Loket database"
    );
    drop(conn);
    // Opening again is a no-op migration.
    let conn = open(&path)?;
    let version: i32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    assert_eq!(version, SCHEMA_VERSION);
    Ok(())
}

#[test]
fn a_newer_database_is_refused_and_left_untouched() -> Result<()> {
    let dir = tmp()?;
    let path = dir.path().join(DB_FILE);
    drop(open(&path)?);
    {
        let raw = rusqlite::Connection::open(&path)?;
        raw.execute_batch(&format!("PRAGMA user_version = {};", SCHEMA_VERSION + 1))?;
        // Leave a rollback journal so we can see no WAL switch happens later.
        raw.execute_batch("PRAGMA journal_mode = DELETE;")?;
    }
    let before = std::fs::read(&path)
        .map_err(|e| LoketError::new(ErrorCode::GagalMenyimpan, e.to_string()))?;
    let err = open(&path).err().map(|e| e.code);
    assert_eq!(
        err,
        Some(ErrorCode::BasisDataVersiBaru),
        "a newer schema must be refused"
    );
    let after = std::fs::read(&path)
        .map_err(|e| LoketError::new(ErrorCode::GagalMenyimpan, e.to_string()))?;
    assert!(
        before == after,
        "the refused file must not change by a single byte"
    );
    Ok(())
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_kept() -> Result<()> {
    let dir = tmp()?;
    let path = dir.path().join(DB_FILE);
    let junk = b"this is not an SQLite database, it is a photo caption".repeat(100);
    std::fs::write(&path, &junk)
        .map_err(|e| LoketError::new(ErrorCode::GagalMenyimpan, e.to_string()))?;
    let err = open(&path).err().map(|e| e.code);
    assert_eq!(
        err,
        Some(ErrorCode::BasisDataRusak),
        "garbage must be refused with a code"
    );
    let after = std::fs::read(&path)
        .map_err(|e| LoketError::new(ErrorCode::GagalMenyimpan, e.to_string()))?;
    assert!(after == junk, "the refused file must be left as it was");
    Ok(())
}

#[test]
fn another_apps_database_is_refused() -> Result<()> {
    let dir = tmp()?;
    let path = dir.path().join(DB_FILE);
    {
        let raw = rusqlite::Connection::open(&path)?;
        raw.execute_batch("CREATE TABLE t(x); PRAGMA user_version = 3;")?;
    }
    let err = open(&path).err().map(|e| e.code);
    assert_eq!(
        err,
        Some(ErrorCode::BasisDataRusak),
        "a foreign database must not be migrated"
    );
    Ok(())
}

#[test]
fn events_are_append_only() -> Result<()> {
    let conn = open_in_memory()?;
    conn.execute_batch(
        "INSERT INTO requests (reg_no, name, name_norm, phone, category, status, received_at, updated_at, operator)
         VALUES ('VN-261125-0001', 'A', 'A', '+6281234567890', 'other', 'received', 0, 0, 'op');
         INSERT INTO request_events (request_id, at, operator, to_status) VALUES (1, 0, 'op', 'received');",
    )?;
    assert!(
        conn.execute("UPDATE request_events SET note = 'x'", [])
            .is_err(),
        "events cannot be edited"
    );
    assert!(
        conn.execute("DELETE FROM request_events", []).is_err(),
        "events cannot be deleted"
    );
    Ok(())
}

#[test]
fn a_database_of_every_older_schema_migrates_forward_and_keeps_its_rows() -> Result<()> {
    for old in 1..SCHEMA_VERSION {
        let dir = tmp()?;
        let path = dir.path().join(DB_FILE);
        {
            let mut raw = rusqlite::Connection::open(&path)?;
            // Later schemas log changes through this function in triggers.
            super::functions::register(&raw)?;
            migrations::migrate_to(&mut raw, old)?;
            raw.execute_batch(
                "INSERT INTO requests (reg_no, name, name_norm, phone, category, status, received_at, updated_at, operator)
                 VALUES ('VN-261125-0001', 'SITI', 'SITI', '+6281234567890', 'bpjs', 'received', 0, 0, 'Rina');
                 INSERT INTO request_events (request_id, at, operator, to_status) VALUES (1, 0, 'Rina', 'received');",
            )?;
        }
        let conn = open(&path)?;
        let version: i32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        assert_eq!(
            version, SCHEMA_VERSION,
            "schema {old} is brought up to date"
        );
        let request = crate::requests::get_by_reg_no(&conn, "VN-261125-0001")?;
        assert_eq!(request.name, "SITI", "the request of schema {old} is kept");
        assert_eq!(
            crate::requests::events(&conn, request.id)?.len(),
            1,
            "and its event"
        );
        // The access log keeps its chain across schema 8, which adds each
        // entry's origin: older entries keep their hash, newer ones say
        // where they came from.
        crate::audit::record(&conn, 1, "Rina", crate::audit::Action::LogDibaca, None, "")?;
        assert!(
            crate::audit::verify(&conn)?.intact,
            "the chain of schema {old} holds after migrating"
        );
        let newest: String = conn.query_row(
            "SELECT origin FROM access_log ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )?;
        assert_eq!(newest, "app");
        if old >= 5 {
            let oldest: String = conn.query_row(
                "SELECT origin FROM access_log ORDER BY id LIMIT 1",
                [],
                |r| r.get(0),
            )?;
            assert_eq!(oldest, "", "an entry of schema {old} has no origin");
        }
    }
    Ok(())
}
