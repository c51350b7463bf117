//! The hash chain of the access log: the check of a whole log, its head,
//! and whether it still holds an anchor.
//!
//! The hash is SHA-256 over `prev_hash, at, operator, action, request_id,
//! detail` and, since schema 8, `origin` (`app`/`cli`; entries written
//! before it have none and keep their hash), each field preceded by its length (8 bytes, little-endian;
//! numbers as 8 little-endian bytes, no request as an empty field), so no
//! two different entries feed it the same bytes. The same Rust
//! function ([`entry_hash`], in `db/functions.rs` beside the schema whose
//! triggers call it as `loket_audit_hash`) serves the triggers and `verify`,
//! so the writer and the checker cannot disagree on the format.

pub use crate::db::entry_hash;
use crate::db::Db;
use crate::error::Result;
use crate::sql_params;
use serde::Serialize;
use ts_rs::TS;

/// The `prev_hash` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The result of checking the whole chain.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ChainReport {
    /// Entries read.
    pub entries: i64,
    /// True when every entry links to the one before and hashes to its hash.
    pub intact: bool,
    /// The first entry that does not hold, and why (Indonesian).
    pub first_broken: Option<BrokenEntry>,
    /// The last entry's id and hash: write them down (or keep the backup's
    /// copy) to notice entries cut off the end later.
    pub head_id: i64,
    pub head_hash: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct BrokenEntry {
    pub id: i64,
    pub reason: String,
}

/// Reads the log in order and checks every link. Streams the rows: a year of
/// a busy office (millions of entries) is checked without holding them.
pub fn verify<'c>(conn: impl Into<Db<'c>>) -> Result<ChainReport> {
    let mut expected_prev = GENESIS.to_owned();
    let mut last_id = 0i64;
    let mut entries = 0i64;
    let mut first_broken = None;
    conn.into().for_each(
        "SELECT id, at, operator, action, request_id, detail, prev_hash, hash, origin
         FROM access_log ORDER BY id",
        &[],
        |row| {
            let id: i64 = row.get(0)?;
            let at: i64 = row.get(1)?;
            let operator: String = row.get(2)?;
            let action: String = row.get(3)?;
            let request_id: Option<i64> = row.get(4)?;
            let detail: String = row.get(5)?;
            let prev: String = row.get(6)?;
            let hash: String = row.get(7)?;
            let origin: String = row.get(8)?;
            entries += 1;
            if first_broken.is_none() {
                first_broken = check_link(id, last_id, &prev, &expected_prev).or_else(|| {
                    (entry_hash(&prev, at, &operator, &action, request_id, &detail, &origin)
                        != hash)
                        .then(|| BrokenEntry {
                            id,
                            reason: "isi entri ini diubah setelah dicatat".to_owned(),
                        })
                });
            }
            expected_prev = hash;
            last_id = id;
            Ok(())
        },
    )?;
    Ok(ChainReport {
        entries,
        intact: first_broken.is_none(),
        first_broken,
        head_id: last_id,
        head_hash: expected_prev,
    })
}

/// Whether entry `id` links to the one read before it (`last_id`, 0 when it
/// is the first). A rewritten entry whose hash was recomputed shows up here,
/// at the next entry, so the blame goes to the entry before.
fn check_link(id: i64, last_id: i64, prev: &str, expected_prev: &str) -> Option<BrokenEntry> {
    if prev == expected_prev {
        return None;
    }
    Some(if last_id == 0 {
        BrokenEntry {
            id,
            reason: "awal log hilang: entri pertama tidak berawal dari awal rantai".to_owned(),
        }
    } else if id != last_id + 1 {
        BrokenEntry {
            id,
            reason: format!("entri nomor {} sampai {} hilang", last_id + 1, id - 1),
        }
    } else {
        BrokenEntry {
            id: last_id,
            reason: "isi entri ini diubah setelah dicatat (hash dihitung ulang, tetapi entri berikutnya mencatat hash lama)".to_owned(),
        }
    })
}

/// The last entry's id and hash, if the log has any (or exists at all).
pub fn head<'c>(conn: impl Into<Db<'c>>) -> Result<Option<(i64, String)>> {
    let conn = conn.into();
    if !conn.table_exists("access_log")? {
        return Ok(None);
    }
    conn.query_opt(
        "SELECT id, hash FROM access_log ORDER BY id DESC LIMIT 1",
        &[],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

/// Whether the log still holds entry `id` with `hash`: an anchor written down
/// earlier (a backup's manifest) against entries cut off the end, which the
/// chain alone cannot show.
pub fn holds<'c>(conn: impl Into<Db<'c>>, id: i64, hash: &str) -> Result<bool> {
    Ok(conn
        .into()
        .query_opt(
            "SELECT hash FROM access_log WHERE id = ?1",
            sql_params![id],
            |r| r.get::<String>(0),
        )?
        .is_some_and(|h| h == hash))
}
