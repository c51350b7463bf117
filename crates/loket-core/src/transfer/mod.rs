//! Moving a single desk's data folder into the office database
//! (`loket-cli office import --from DATA_DIR`): an office that used Loket
//! on one PC keeps its history when it moves to office mode.
//!
//! Everything the folder's database holds — requests and their events,
//! documents and their events, verification versions, merges, moves,
//! retention records, accounts, settings, deliveries, complaints and the
//! access log — is copied row for row, ids included, in ONE PostgreSQL
//! transaction, and the folder's stored document files go into
//! `document_files`. Either all of it arrives or nothing does.
//!
//! - **The chain stays verifiable.** The folder's access log must verify
//!   before anything is written ([`ErrorCode::LogAksesRusak`] otherwise).
//!   The office's own start entry (`log_dimulai`, written by `office init`)
//!   is deleted and the folder's entries are copied verbatim, with their
//!   ids, `prev_hash` and `hash`: the hash is byte-identical on both
//!   engines (`loket_audit_hash` in `schema.sql` = `entry_hash`), so the
//!   folder's chain simply becomes the office chain and `audit verify` on
//!   the office checks the imported history with the same verifier. The
//!   import itself is then appended through the normal path (the
//!   `data_diimpor` entry), linked to the folder's last hash.
//! - **Triggers do not fire during the copy.** They would refuse explicit
//!   values (append-only tables, `documents`' fixed columns) and write new
//!   access-log entries for the copied events; `ALTER TABLE … DISABLE
//!   TRIGGER USER` inside the transaction turns them off (the foreign keys
//!   and checks stay on) and they are enabled again before the commit. The
//!   importer is therefore the database's owner, as for `office init`.
//! - **Numbering continues.** `reg_counters` is copied as it is and every
//!   identity sequence is set to its table's largest id.
//! - **Once, into an empty office.** An office database that holds any
//!   request, delivery, complaint, document, account or access-log entry of
//!   its own, or was imported into before (`loket_meta`: `imported_from`,
//!   `imported_chain_head`), is refused with
//!   [`ErrorCode::KantorSudahBerisiData`] and nothing is changed. An office
//!   is filled from one folder only; other desks' folders stay readable as
//!   single desks.

#[cfg(test)]
mod tests;

use crate::audit::{self, Action};
use crate::db::{Db, PgConn, Value, DB_FILE};
use crate::documents::{self, DocFormat};
use crate::error::{ErrorCode, LoketError, Result};
use crate::{sql_params, Desk};
use serde::Serialize;
use std::path::Path;

/// The `loket_meta` key naming the folder's database an office was filled
/// from.
pub const META_IMPORTED_FROM: &str = "imported_from";
/// The `loket_meta` key holding the imported chain's head: `<id> <hash>`.
pub const META_IMPORTED_HEAD: &str = "imported_chain_head";

/// One table of the schema, as the copy handles it.
struct Table {
    name: &'static str,
    /// Whether `id` is an identity column whose sequence must follow.
    identity: bool,
    /// What a row whose key the office already has does.
    conflict: &'static str,
}

const fn table(name: &'static str, identity: bool) -> Table {
    Table {
        name,
        identity,
        conflict: "",
    }
}

/// Every table of the schema both engines share, parents before children
/// (the foreign keys stay checked during the copy). `document_files` is
/// office-only (filled from the folder's files) and `loket_meta` is the
/// office's own.
const TABLES: &[Table] = &[
    table("requests", true),
    table("request_events", true),
    Table {
        name: "reg_counters",
        identity: false,
        conflict: " ON CONFLICT (series, day) DO UPDATE SET last = \
                   CASE WHEN reg_counters.last > EXCLUDED.last \
                   THEN reg_counters.last ELSE EXCLUDED.last END",
    },
    Table {
        name: "settings",
        identity: false,
        // The office is filled from this folder: its settings win.
        conflict: " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
    },
    table("documents", true),
    table("document_events", true),
    table("verification_versions", true),
    table("request_merges", false),
    table("request_separations", false),
    table("document_moves", true),
    table("document_purges", true),
    table("document_file_deletions", true),
    table("retention_runs", true),
    table("accounts", true),
    table("access_log", true),
    table("deliveries", true),
    table("delivery_events", true),
    table("complaints", true),
    table("complaint_events", true),
];

/// The tables an import copies, in the order it copies them.
pub fn tables() -> Vec<&'static str> {
    TABLES.iter().map(|t| t.name).collect()
}

/// Rows copied of one table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableCount {
    pub table: String,
    pub rows: i64,
}

/// What an import did.
#[derive(Debug, Clone, Serialize)]
pub struct ImportReport {
    /// The folder's database file, as recorded in `loket_meta`.
    pub from: String,
    /// Requests imported.
    pub requests: i64,
    /// Rows copied, table by table, in copy order.
    pub tables: Vec<TableCount>,
    /// Stored document files copied into `document_files`.
    pub files: i64,
    /// Files of a document not purged by retention that the folder lacked.
    pub files_missing: i64,
    /// The folder's chain head (id and hash), now an entry of the office
    /// chain: write it down to check later that the office still holds it.
    pub head_id: i64,
    pub head_hash: String,
}

/// Imports the single desk's data folder `from` into the office database
/// `office` (set up with `office init`, connected as its owner), recording
/// the import as `operator`. See the module's documentation for what is
/// refused; a refusal changes nothing.
pub fn import_folder(from: &Path, office: &PgConn, operator: &str) -> Result<ImportReport> {
    let db_path = from.join(DB_FILE);
    if !db_path.is_file() {
        return Err(LoketError::new(
            ErrorCode::FolderDataTidakBisaDipakai,
            format!(
                "Folder {} tidak berisi data meja Loket ({DB_FILE} tidak ada). Tidak ada yang diimpor.",
                from.display()
            ),
        ));
    }
    let desk = Desk::open(from)?;
    let conn = desk.conn()?;
    // One consistent view of the folder, even if its desk is still running.
    let snapshot = conn.unchecked_transaction()?;
    let src = Db::from(&snapshot);
    let chain = audit::verify(src)?;
    if !chain.intact {
        let at = chain
            .first_broken
            .as_ref()
            .map(|b| format!(" (entri {}: {})", b.id, b.reason))
            .unwrap_or_default();
        return Err(LoketError::new(
            ErrorCode::LogAksesRusak,
            format!(
                "Log akses folder {} tidak utuh{at}. Folder ini tidak diimpor; tidak ada yang diubah di basis data kantor.",
                from.display(),
            ),
        ));
    }
    office.check_schema()?;
    let recorded = std::fs::canonicalize(&db_path)
        .unwrap_or(db_path)
        .display()
        .to_string();
    let now = office.server_now_ms()?;
    let report = office.db().write(|tx| {
        refuse_if_used(tx)?;
        set_triggers(office, "DISABLE")?;
        // The office's start entry goes: the folder's chain is the office's.
        tx.execute("DELETE FROM access_log", &[])?;
        let mut tables = Vec::with_capacity(TABLES.len());
        for t in TABLES {
            let rows = copy_table(src, tx, t)?;
            if t.identity {
                tx.execute(
                    &format!(
                        "SELECT setval(pg_get_serial_sequence('{0}', 'id'), max(id)) FROM {0}",
                        t.name
                    ),
                    &[],
                )?;
            }
            tables.push(TableCount {
                table: t.name.to_owned(),
                rows,
            });
        }
        let (files, files_missing) = copy_files(from, src, tx)?;
        set_triggers(office, "ENABLE")?;
        // The name search's index, kept by a trigger the copy went around.
        tx.execute("SELECT loket_reindex_names()", &[])?;
        let requests = tables.first().map_or(0, |t| t.rows);
        tx.execute(
            "INSERT INTO loket_meta (key, value) VALUES (?1, ?2), (?3, ?4)",
            sql_params![
                META_IMPORTED_FROM,
                recorded.as_str(),
                META_IMPORTED_HEAD,
                format!("{} {}", chain.head_id, chain.head_hash)
            ],
        )?;
        audit::record(
            tx,
            now,
            operator,
            Action::DataDiimpor,
            None,
            &format!(
                "dari {recorded}: {requests} permohonan, {} entri log",
                chain.entries
            ),
        )?;
        Ok(ImportReport {
            from: recorded.clone(),
            requests,
            tables,
            files,
            files_missing,
            head_id: chain.head_id,
            head_hash: chain.head_hash.clone(),
        })
    })?;
    drop(snapshot);
    Ok(report)
}

/// Refuses an office database that was imported into or holds data of its
/// own (the start entry of its log aside).
fn refuse_if_used(tx: Db<'_>) -> Result<()> {
    let before: Option<String> = tx.query_opt(
        "SELECT value FROM loket_meta WHERE key = ?1",
        sql_params![META_IMPORTED_FROM],
        |r| r.get(0),
    )?;
    if let Some(from) = before {
        return Err(LoketError::new(
            ErrorCode::KantorSudahBerisiData,
            format!(
                "Basis data kantor sudah diisi dari {from}. Impor hanya sekali, dari satu folder; tidak ada yang diubah."
            ),
        ));
    }
    let held = [
        ("permohonan", "SELECT count(*) FROM requests"),
        ("kiriman POS", "SELECT count(*) FROM deliveries"),
        ("pengaduan", "SELECT count(*) FROM complaints"),
        ("dokumen", "SELECT count(*) FROM documents"),
        ("akun", "SELECT count(*) FROM accounts"),
        (
            "entri log akses",
            "SELECT count(*) FROM access_log WHERE action <> 'log_dimulai'",
        ),
    ];
    let mut found = Vec::new();
    for (what, sql) in held {
        let n: i64 = tx.value(sql, &[])?;
        if n > 0 {
            found.push(format!("{n} {what}"));
        }
    }
    if found.is_empty() {
        return Ok(());
    }
    Err(LoketError::new(
        ErrorCode::KantorSudahBerisiData,
        format!(
            "Basis data kantor sudah berisi data ({}). Impor hanya ke basis data kantor yang baru disiapkan (`loket-cli office init`); tidak ada yang diubah.",
            found.join(", ")
        ),
    ))
}

/// Turns the user triggers of every copied table off or on again (inside
/// the import's transaction; only the owner may).
fn set_triggers(office: &PgConn, how: &str) -> Result<()> {
    let sql: String = TABLES
        .iter()
        .map(|t| format!("ALTER TABLE {} {how} TRIGGER USER;", t.name))
        .collect();
    office.batch(&sql)
}

/// Most values one INSERT carries (PostgreSQL takes at most 65535).
const MAX_PARAMS: usize = 30_000;
/// Most rows one INSERT carries.
const MAX_ROWS: usize = 500;

/// Copies every row of one table, all columns, ids included; the rows copied.
fn copy_table(src: Db<'_>, dst: Db<'_>, t: &Table) -> Result<i64> {
    let columns: Vec<String> =
        src.query_all(&format!("PRAGMA table_info({})", t.name), &[], |r| r.get(1))?;
    if columns.is_empty() {
        return Err(LoketError::new(
            ErrorCode::BasisDataRusak,
            format!(
                "Tabel {} tidak ada di basis data folder. Tidak ada yang diimpor.",
                t.name
            ),
        ));
    }
    let list = columns
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let per_insert = (MAX_PARAMS / columns.len()).clamp(1, MAX_ROWS);
    let mut batch: Vec<Value> = Vec::with_capacity(per_insert * columns.len());
    let mut rows = 0i64;
    let flush = |batch: &mut Vec<Value>| -> Result<()> {
        if batch.is_empty() {
            return Ok(());
        }
        let n = batch.len() / columns.len();
        let mut sql = format!("INSERT INTO {} ({list}) VALUES ", t.name);
        for row in 0..n {
            sql.push_str(if row == 0 { "(" } else { ", (" });
            for col in 0..columns.len() {
                if col > 0 {
                    sql.push_str(", ");
                }
                sql.push_str(&format!("?{}", row * columns.len() + col + 1));
            }
            sql.push(')');
        }
        sql.push_str(t.conflict);
        dst.execute(&sql, batch)?;
        batch.clear();
        Ok(())
    };
    src.for_each(&format!("SELECT {list} FROM {}", t.name), &[], |r| {
        for i in 0..columns.len() {
            batch.push(r.get::<Value>(i)?);
        }
        rows += 1;
        if batch.len() >= per_insert * columns.len() {
            flush(&mut batch)?;
        }
        Ok(())
    })?;
    flush(&mut batch)?;
    Ok(rows)
}

/// Copies the stored files of every content the folder's documents use
/// (original, then each page's display copy and thumbnail) into
/// `document_files`; the files copied, and those a document not purged by
/// retention should have and the folder lacks.
fn copy_files(from: &Path, src: Db<'_>, dst: Db<'_>) -> Result<(i64, i64)> {
    let contents: Vec<(String, String, u32, bool)> = src.query_all(
        "SELECT sha256, format, max(pages), max(CASE WHEN purged_at IS NULL THEN 1 ELSE 0 END)
         FROM documents GROUP BY sha256, format ORDER BY sha256",
        &[],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    let (mut copied, mut missing) = (0i64, 0i64);
    for (sha256, format, pages, kept) in contents {
        let format: DocFormat = format.parse().map_err(|_| {
            LoketError::new(
                ErrorCode::BasisDataRusak,
                format!("Format dokumen tidak dikenal di folder: {format}."),
            )
        })?;
        let pages = pages.max(1);
        // stored_files: the original, then display and thumbnail of each page.
        let variants = std::iter::once(("original", 0))
            .chain((1..=pages).flat_map(|p| [("display", p), ("thumb", p)]));
        let files = documents::stored_files(from, &sha256, format, pages);
        for (path, (variant, page)) in files.iter().zip(variants) {
            if !path.is_file() {
                if kept {
                    missing += 1;
                }
                continue;
            }
            let bytes = std::fs::read(path)
                .map_err(|e| LoketError::from_io(&e, "berkas dokumen folder"))?;
            dst.execute(
                "INSERT INTO document_files (sha256, variant, page, bytes) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (sha256, variant, page) DO NOTHING",
                sql_params![sha256.as_str(), variant, page, bytes],
            )?;
            copied += 1;
        }
    }
    Ok((copied, missing))
}
