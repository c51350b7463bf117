//! The portable SQL layer: one handle, [`Db`], over either engine, so a
//! feature's queries are written once and run on a desk's SQLite file and
//! on the office's PostgreSQL alike.
//!
//! SQL is written in the common dialect (`?N` placeholders, `RETURNING`,
//! `ON CONFLICT`, `COALESCE`, `CAST(x AS BIGINT)`); what cannot be common
//! lives in the engine modules (`db/mod.rs` and `db/pg/`). Values cross as
//! [`Value`]. A write runs in [`Db::write`]: `BEGIN IMMEDIATE` on SQLite,
//! `BEGIN` plus the chain lock on PostgreSQL; a write inside another joins
//! it, so composed operations stay one transaction.

use super::pg::{self, PgConn};
use super::value::{FromValue, Value};
use crate::error::{LoketError, Result};
use rusqlite::{Connection, TransactionBehavior};

/// Which engine a [`Db`] speaks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A borrowed handle to one connection of either engine; cheap to copy.
#[derive(Debug, Clone, Copy)]
pub enum Db<'c> {
    Sqlite(&'c Connection),
    Postgres(&'c PgConn),
}

impl<'c> From<&'c Connection> for Db<'c> {
    fn from(conn: &'c Connection) -> Self {
        Db::Sqlite(conn)
    }
}

impl<'c> From<&'c mut Connection> for Db<'c> {
    fn from(conn: &'c mut Connection) -> Self {
        Db::Sqlite(conn)
    }
}

impl<'c> From<&'c rusqlite::Transaction<'_>> for Db<'c> {
    fn from(tx: &'c rusqlite::Transaction<'_>) -> Self {
        Db::Sqlite(tx)
    }
}

impl<'c> From<&'c PgConn> for Db<'c> {
    fn from(conn: &'c PgConn) -> Self {
        Db::Postgres(conn)
    }
}

/// One row of a result, read by column index.
pub enum Row<'r> {
    Sqlite(&'r rusqlite::Row<'r>),
    Postgres(&'r postgres::Row),
}

impl Row<'_> {
    /// Column `i` (from 0) as `T`.
    pub fn get<T: FromValue>(&self, i: usize) -> Result<T> {
        let value = match self {
            Row::Sqlite(r) => Value::from(r.get_ref(i)?),
            Row::Postgres(r) => pg::column(r, i)?,
        };
        T::from_value(value)
    }
}

impl<'c> Db<'c> {
    pub fn engine(self) -> Engine {
        match self {
            Db::Sqlite(_) => Engine::Sqlite,
            Db::Postgres(_) => Engine::Postgres,
        }
    }

    /// Runs one statement; the number of rows it changed.
    pub fn execute(self, sql: &str, params: &[Value]) -> Result<u64> {
        match self {
            Db::Sqlite(c) => {
                let n = c
                    .prepare_cached(sql)?
                    .execute(rusqlite::params_from_iter(params))?;
                Ok(n as u64)
            }
            Db::Postgres(c) => c.execute(sql, params),
        }
    }

    /// Every row of a query, each read by `f`.
    pub fn query_all<T>(
        self,
        sql: &str,
        params: &[Value],
        mut f: impl FnMut(&Row<'_>) -> Result<T>,
    ) -> Result<Vec<T>> {
        match self {
            Db::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
                let mut out = Vec::new();
                while let Some(r) = rows.next()? {
                    out.push(f(&Row::Sqlite(r))?);
                }
                Ok(out)
            }
            Db::Postgres(c) => c
                .query(sql, params)?
                .iter()
                .map(|r| f(&Row::Postgres(r)))
                .collect(),
        }
    }

    /// The first row of a query, if there is one.
    pub fn query_opt<T>(
        self,
        sql: &str,
        params: &[Value],
        f: impl FnOnce(&Row<'_>) -> Result<T>,
    ) -> Result<Option<T>> {
        match self {
            Db::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
                match rows.next()? {
                    Some(r) => f(&Row::Sqlite(r)).map(Some),
                    None => Ok(None),
                }
            }
            Db::Postgres(c) => match c.query(sql, params)?.first() {
                Some(r) => f(&Row::Postgres(r)).map(Some),
                None => Ok(None),
            },
        }
    }

    /// The first row of a query; `missing` when there is none.
    pub fn query_one<T>(
        self,
        sql: &str,
        params: &[Value],
        f: impl FnOnce(&Row<'_>) -> Result<T>,
        missing: impl FnOnce() -> LoketError,
    ) -> Result<T> {
        self.query_opt(sql, params, f)?.ok_or_else(missing)
    }

    /// One value of the first row (counts, sums, `RETURNING id`).
    pub fn value<T: FromValue>(self, sql: &str, params: &[Value]) -> Result<T> {
        self.query_one(sql, params, |r| r.get(0), || no_row(sql))
    }

    /// Runs `f` as one write transaction; inside another, joins it.
    pub fn write<T>(self, f: impl FnOnce(Db<'c>) -> Result<T>) -> Result<T> {
        match self {
            Db::Sqlite(c) if !c.is_autocommit() => f(self),
            Db::Sqlite(c) => {
                let tx = rusqlite::Transaction::new_unchecked(c, TransactionBehavior::Immediate)?;
                let out = f(self)?;
                tx.commit()?;
                Ok(out)
            }
            Db::Postgres(c) if c.in_transaction() => f(self),
            Db::Postgres(c) => c.write(|| f(self)),
        }
    }

    /// Ids of requests whose name has a word starting with each of
    /// `terms` (letters and digits), newest first: each engine's text search.
    pub fn name_prefix_ids(self, terms: &[String], limit: i64) -> Result<Vec<i64>> {
        match self {
            Db::Sqlite(c) => super::sqlite::name_prefix_ids(c, terms, limit),
            Db::Postgres(c) => pg::dialect::name_prefix_ids(c, terms, limit),
        }
    }

    /// The index hint a query's FROM takes (`INDEXED BY` on SQLite; the
    /// PostgreSQL planner picks by itself).
    pub fn indexed_by(self, index: &str) -> String {
        match self {
            Db::Sqlite(_) => super::sqlite::indexed_by(index),
            Db::Postgres(_) => String::new(),
        }
    }

    /// Every row of a query handed to `f` one at a time, never all held
    /// (a year's access log). `f` must not use this connection.
    pub fn for_each(
        self,
        sql: &str,
        params: &[Value],
        mut f: impl FnMut(&Row<'_>) -> Result<()>,
    ) -> Result<()> {
        match self {
            Db::Sqlite(c) => {
                let mut stmt = c.prepare(sql)?;
                let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
                while let Some(r) = rows.next()? {
                    f(&Row::Sqlite(r))?;
                }
                Ok(())
            }
            Db::Postgres(c) => c.for_each(sql, params, |r| f(&Row::Postgres(r))),
        }
    }

    /// Whether a table of that name exists (in the schema in use).
    pub fn table_exists(self, table: &str) -> Result<bool> {
        match self {
            Db::Sqlite(_) => self.value(
                "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = ?1",
                &[Value::from(table)],
            ),
            Db::Postgres(_) => {
                self.value("SELECT to_regclass(?1) IS NOT NULL", &[Value::from(table)])
            }
        }
    }

    /// `column = ?` compared without regard to ASCII case (names of
    /// operators and accounts): SQLite's `COLLATE NOCASE`, PostgreSQL's
    /// `lower()` (its indexes are on `lower(column)`).
    pub fn nocase_eq(self, column: &str) -> String {
        match self {
            Db::Sqlite(_) => format!("{column} = ? COLLATE NOCASE"),
            Db::Postgres(_) => format!("lower({column}) = lower(?)"),
        }
    }

    /// Whether a write transaction is open on this connection.
    pub fn in_transaction(self) -> bool {
        match self {
            Db::Sqlite(c) => !c.is_autocommit(),
            Db::Postgres(c) => c.in_transaction(),
        }
    }

    /// The join keyword that keeps the tables in the order written, the
    /// left one driving (`a {join} b ON ...`): SQLite's `CROSS JOIN` (its
    /// planner never reorders it); PostgreSQL's plain `JOIN` (it refuses
    /// `CROSS JOIN ... ON`, and plans by its statistics).
    pub fn join_in_order(self) -> &'static str {
        match self {
            Db::Sqlite(_) => super::sqlite::JOIN_IN_ORDER,
            Db::Postgres(_) => pg::dialect::JOIN_IN_ORDER,
        }
    }
}

fn no_row(sql: &str) -> LoketError {
    LoketError::new(
        crate::error::ErrorCode::GagalMenyimpan,
        format!(
            "Basis data tidak mengembalikan baris untuk: {}",
            sql.split_whitespace().take(4).collect::<Vec<_>>().join(" ")
        ),
    )
}
