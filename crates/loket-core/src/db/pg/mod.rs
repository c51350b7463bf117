//! The office engine: every desk of an office on one PostgreSQL database.
//!
//! Everything PostgreSQL needs that SQLite does not lives here: connecting
//! (TLS when the server offers it), the schema (`schema.sql`, with the
//! access-log chain's hash in SQL and the chain lock), the schema-version
//! check, error codes, and the statement cache. Features speak to it only
//! through the portable layer (`db/sql.rs`).

pub(crate) mod dialect;
mod errors;
#[cfg(test)]
mod tests;
mod wire;

use crate::db::{Value, SCHEMA_VERSION};
use crate::error::{ErrorCode, LoketError, Result};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::str::FromStr;

pub(crate) use wire::column;

/// The environment variable naming the office database
/// (`postgres://user:password@host:port/database`).
pub const ENV_DATABASE_URL: &str = "LOKET_DATABASE_URL";

/// The advisory lock every write transaction takes before it writes: the
/// access-log chain needs one writer at a time to stay linear, and the
/// schema's append trigger takes the same lock (`schema.sql`).
pub const CHAIN_LOCK: i64 = 4_935_245_849_174_101;

/// The advisory lock of setting up or upgrading the schema.
const SCHEMA_LOCK: i64 = 4_935_245_849_174_102;

/// The office schema, created by `loket-cli office init`.
const SCHEMA: &str = include_str!("schema.sql");

/// One connection to the office database.
pub struct PgConn {
    client: RefCell<postgres::Client>,
    statements: RefCell<HashMap<String, postgres::Statement>>,
    in_tx: Cell<bool>,
}

impl std::fmt::Debug for PgConn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PgConn")
    }
}

impl PgConn {
    /// Connects to a Loket office database and checks its schema: one not
    /// set up yet, or set up by a newer Loket, is refused before anything
    /// is written.
    pub fn connect(url: &str) -> Result<PgConn> {
        let conn = PgConn::connect_raw(url)?;
        conn.check_schema()?;
        Ok(conn)
    }

    /// Connects without looking at the schema (`office init`, tests).
    pub fn connect_raw(url: &str) -> Result<PgConn> {
        let config = postgres::Config::from_str(url).map_err(|_| {
            LoketError::new(
                ErrorCode::MasukanTidakValid,
                "Alamat basis data kantor tidak bisa dibaca. Contoh: postgres://loket@192.168.1.10:5432/loket",
            )
        })?;
        // libpq's `sslmode=prefer`: encrypted when the server offers TLS.
        // Like libpq without a root certificate, the server's certificate is
        // not checked (office servers use Debian's self-signed one).
        let tls = native_tls::TlsConnector::builder()
            .danger_accept_invalid_certs(true)
            .danger_accept_invalid_hostnames(true)
            .build()
            .map_err(|e| {
                LoketError::new(
                    ErrorCode::ServerKantorTidakTerjangkau,
                    format!("TLS tidak tersedia: {e}"),
                )
            })?;
        let client = config
            .connect(postgres_native_tls::MakeTlsConnector::new(tls))
            .map_err(errors::connect)?;
        let conn = PgConn {
            client: RefCell::new(client),
            statements: RefCell::new(HashMap::new()),
            in_tx: Cell::new(false),
        };
        conn.execute(
            "SELECT set_config('loket.origin', ?1, false)",
            &[Value::from(super::origin())],
        )?;
        Ok(conn)
    }

    /// Sets the schema this connection works in (tests: one per test).
    pub fn use_schema(&self, schema: &str) -> Result<()> {
        self.statements.borrow_mut().clear();
        self.batch(&format!(
            "CREATE SCHEMA IF NOT EXISTS \"{schema}\"; SET search_path TO \"{schema}\""
        ))
    }

    /// The schema version the office database has, `None` before set-up.
    pub fn schema_version(&self) -> Result<Option<i32>> {
        let exists = self.query("SELECT to_regclass('loket_meta') IS NOT NULL", &[])?;
        let exists = match exists.first() {
            Some(row) => bool_of(column(row, 0)?),
            None => false,
        };
        if !exists {
            return Ok(None);
        }
        let rows = self.query(
            "SELECT value FROM loket_meta WHERE key = 'schema_version'",
            &[],
        )?;
        let Some(row) = rows.first() else {
            return Ok(None);
        };
        match column(row, 0)? {
            Value::Text(t) => t.parse().map(Some).map_err(|_| not_loket()),
            _ => Err(not_loket()),
        }
    }

    /// Refuses a database not set up for Loket, or set up by another
    /// version of it.
    pub fn check_schema(&self) -> Result<()> {
        match self.schema_version()? {
            None => Err(LoketError::new(
                ErrorCode::KantorBelumDisiapkan,
                "Basis data kantor belum disiapkan untuk Loket. Petugas TI menjalankan `loket-cli office init` sekali.",
            )),
            Some(v) if v > SCHEMA_VERSION => Err(newer(v)),
            Some(v) if v < SCHEMA_VERSION => Err(LoketError::new(
                ErrorCode::BasisDataVersiBaru,
                format!("Basis data kantor masih skema {v}, Loket ini skema {SCHEMA_VERSION}. Petugas TI menjalankan `loket-cli office init` untuk memperbaruinya."),
            )),
            Some(_) => Ok(()),
        }
    }

    /// Creates the Loket schema in the office database if it has none;
    /// `false` when it was already there. One desk at a time (advisory
    /// lock), in one transaction.
    pub fn init_schema(&self) -> Result<bool> {
        self.batch("BEGIN")?;
        let run = || -> Result<bool> {
            self.execute(
                "SELECT pg_advisory_xact_lock(?1)",
                &[Value::Int(SCHEMA_LOCK)],
            )?;
            match self.schema_version()? {
                Some(v) if v > SCHEMA_VERSION => Err(newer(v)),
                Some(_) => Ok(false),
                None => {
                    self.batch(SCHEMA)?;
                    Ok(true)
                }
            }
        };
        match run() {
            Ok(created) => {
                self.batch("COMMIT")?;
                self.statements.borrow_mut().clear();
                Ok(created)
            }
            Err(e) => {
                let _ = self.batch("ROLLBACK");
                Err(e)
            }
        }
    }

    /// The server's clock, UTC milliseconds: office PCs without internet
    /// drift, so every desk stamps events with the one clock they share.
    pub fn server_now_ms(&self) -> Result<i64> {
        self.db().value("SELECT loket_now_ms()", &[])
    }

    /// This connection as the portable handle.
    pub fn db(&self) -> crate::db::Db<'_> {
        crate::db::Db::Postgres(self)
    }

    /// Gives the desks' database role what a desk may do: read and add
    /// everywhere, change only the tables that change, never the
    /// append-only ones (`loket_grant_desk` in `schema.sql`).
    pub fn grant_desk(&self, role: &str) -> Result<()> {
        self.execute("SELECT loket_grant_desk(?1)", &[Value::from(role)])
            .map(|_| ())
    }

    /// Runs SQL statements as they are (set-up, tests, benchmarks).
    pub fn batch(&self, sql: &str) -> Result<()> {
        self.client()?.batch_execute(sql).map_err(LoketError::from)
    }

    fn statement(&self, sql: &str) -> Result<postgres::Statement> {
        if let Some(s) = self.statements.borrow().get(sql) {
            return Ok(s.clone());
        }
        let stmt = self
            .client()?
            .prepare(&wire::placeholders(sql))
            .map_err(LoketError::from)?;
        self.statements
            .borrow_mut()
            .insert(sql.to_owned(), stmt.clone());
        Ok(stmt)
    }

    pub(crate) fn execute(&self, sql: &str, params: &[Value]) -> Result<u64> {
        let stmt = self.statement(sql)?;
        let params: Vec<&(dyn postgres::types::ToSql + Sync)> =
            params.iter().map(|p| p as _).collect();
        self.client()?
            .execute(&stmt, &params)
            .map_err(LoketError::from)
    }

    pub(crate) fn query(&self, sql: &str, params: &[Value]) -> Result<Vec<postgres::Row>> {
        let stmt = self.statement(sql)?;
        let params: Vec<&(dyn postgres::types::ToSql + Sync)> =
            params.iter().map(|p| p as _).collect();
        self.client()?
            .query(&stmt, &params)
            .map_err(LoketError::from)
    }

    /// Streams a query's rows through `f` (a portal: rows arrive as read).
    pub(crate) fn for_each(
        &self,
        sql: &str,
        params: &[Value],
        mut f: impl FnMut(&postgres::Row) -> Result<()>,
    ) -> Result<()> {
        use postgres::fallible_iterator::FallibleIterator;
        let stmt = self.statement(sql)?;
        let mut client = self.client()?;
        let mut rows = client
            .query_raw(&stmt, params.iter())
            .map_err(LoketError::from)?;
        while let Some(row) = rows.next().map_err(LoketError::from)? {
            f(&row)?;
        }
        Ok(())
    }

    pub(crate) fn in_transaction(&self) -> bool {
        self.in_tx.get()
    }

    /// Runs `f` in one write transaction holding the chain lock.
    pub(crate) fn write<T>(&self, f: impl FnOnce() -> Result<T>) -> Result<T> {
        self.batch("BEGIN")?;
        self.in_tx.set(true);
        let out = self
            .execute(
                "SELECT pg_advisory_xact_lock(?1)",
                &[Value::Int(CHAIN_LOCK)],
            )
            .and_then(|_| f());
        self.in_tx.set(false);
        match out {
            Ok(v) => {
                self.batch("COMMIT")?;
                Ok(v)
            }
            Err(e) => {
                let _ = self.batch("ROLLBACK");
                Err(e)
            }
        }
    }

    fn client(&self) -> Result<std::cell::RefMut<'_, postgres::Client>> {
        self.client.try_borrow_mut().map_err(|_| {
            LoketError::new(
                ErrorCode::GagalMenyimpan,
                "Koneksi basis data kantor sedang dipakai perintah lain.",
            )
        })
    }
}

fn bool_of(v: Value) -> bool {
    matches!(v, Value::Int(i) if i != 0)
}

fn not_loket() -> LoketError {
    LoketError::new(
        ErrorCode::BasisDataRusak,
        "Basis data kantor berisi tabel loket_meta yang bukan milik Loket. Tidak ada yang diubah.",
    )
}

fn newer(v: i32) -> LoketError {
    LoketError::new(
        ErrorCode::BasisDataVersiBaru,
        format!("Basis data kantor dibuat oleh Loket yang lebih baru (skema {v}, versi ini mengenal sampai {SCHEMA_VERSION}). Perbarui Loket di meja ini; tidak ada yang ditulis."),
    )
}
