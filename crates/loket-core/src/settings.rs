//! Small key/value settings kept in the database (the operator's name now;
//! office hours and templates later), so they travel with backups.

use crate::db::Db;
use crate::error::Result;
use crate::sql_params;

pub const KEY_OPERATOR: &str = "operator_name";

pub fn get<'c>(db: impl Into<Db<'c>>, key: &str) -> Result<Option<String>> {
    db.into().query_opt(
        "SELECT value FROM settings WHERE key = ?1",
        sql_params![key],
        |r| r.get(0),
    )
}

pub fn set<'c>(db: impl Into<Db<'c>>, key: &str, value: &str) -> Result<()> {
    db.into().execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        sql_params![key, value],
    )?;
    Ok(())
}
