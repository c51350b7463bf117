//! The core's tests on both engines: [`each_engine`] runs a test body on a
//! fresh in-memory SQLite database and then on a fresh schema of the test
//! PostgreSQL (`LOKET_TEST_DATABASE_URL`, started by the README's test
//! command). Without that server the test fails, telling how to start one;
//! only an explicit `LOKET_TEST_SKIP_POSTGRES=1` (never set in CI) runs
//! SQLite alone.

use super::{Db, PgConn};
use crate::error::{ErrorCode, LoketError, Result};
use std::sync::atomic::{AtomicU32, Ordering};

/// The test server's address.
pub const ENV_TEST_URL: &str = "LOKET_TEST_DATABASE_URL";

/// A fresh schema on the test server, dropped when this is dropped.
pub struct TestPg {
    pub conn: PgConn,
    pub schema: String,
}

impl TestPg {
    /// Another connection to the same schema (a second desk).
    pub fn another(&self) -> Result<PgConn> {
        let conn = PgConn::connect_raw(&url()?)?;
        conn.use_schema(&self.schema)?;
        Ok(conn)
    }
}

impl Drop for TestPg {
    fn drop(&mut self) {
        let _ = self.conn.batch(&format!(
            "DROP SCHEMA IF EXISTS \"{}\" CASCADE",
            self.schema
        ));
    }
}

fn url() -> Result<String> {
    std::env::var(ENV_TEST_URL).map_err(|_| {
        LoketError::new(
            ErrorCode::ServerKantorTidakTerjangkau,
            format!("{ENV_TEST_URL} is not set: run the README's test command (scripts/test.sh), which starts a throwaway PostgreSQL, or set LOKET_TEST_SKIP_POSTGRES=1 to run SQLite alone"),
        )
    })
}

static NEXT: AtomicU32 = AtomicU32::new(0);

/// A fresh Loket schema on the test server.
pub fn postgres() -> Result<TestPg> {
    let conn = PgConn::connect_raw(&url()?)?;
    let schema = format!(
        "t_{}_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed),
        fastrand::u32(..)
    );
    conn.use_schema(&schema)?;
    let pg = TestPg { conn, schema };
    pg.conn.init_schema()?;
    Ok(pg)
}

/// Whether this run leaves PostgreSQL out (explicitly asked, never in CI).
pub fn skip_postgres() -> bool {
    std::env::var_os("LOKET_CI").is_none()
        && std::env::var("LOKET_TEST_SKIP_POSTGRES").is_ok_and(|v| v == "1")
}

/// Runs `test` on a fresh SQLite database, then on a fresh PostgreSQL schema.
pub fn each_engine(mut test: impl FnMut(Db<'_>) -> Result<()>) -> Result<()> {
    let sqlite = super::open_in_memory()?;
    eprintln!("engine: sqlite");
    test(Db::Sqlite(&sqlite))?;
    if skip_postgres() {
        eprintln!("engine: postgres left out (LOKET_TEST_SKIP_POSTGRES=1)");
        return Ok(());
    }
    let pg = postgres()?;
    eprintln!("engine: postgres (schema {})", pg.schema);
    test(Db::Postgres(&pg.conn))
}
