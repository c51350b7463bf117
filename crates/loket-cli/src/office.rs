//! `loket-cli office`: setting up the office's PostgreSQL database (office
//! mode), seeing its state, and filling it from a single desk's folder. Run by office IT with the database owner's
//! address; the desks then connect with LOKET_DATABASE_URL.

use crate::actor::Secrets;
use crate::stdio::outln;
use crate::{Failure, Verdict};
use clap::Subcommand;
use loket_core::db::{PgConn, SCHEMA_VERSION};
use loket_core::{accounts, transfer, ErrorCode, LoketError};

#[derive(Subcommand)]
pub(crate) enum OfficeCmd {
    /// Create Loket's schema in the office database (once; again is a
    /// no-op) and give the desks' database role its privileges: it may add
    /// to the access log and the other append-only tables, never change
    /// or delete them. With LOKET_ACCOUNT (and LOKET_PIN, or the PIN on
    /// standard input) the office's first account is made: a supervisor.
    Init {
        /// The database role the desks log in as (created by office IT).
        #[arg(long, value_name = "ROLE")]
        desk_role: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The office database's schema version and what it holds.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Move a single desk's data folder into the office database (run as
    /// its owner, after `office init`): requests, events, documents and
    /// their files, verification versions, accounts, settings, deliveries,
    /// complaints and the access log, ids and numbering kept, in one
    /// transaction. The folder's access-log chain must verify; it becomes
    /// the office's chain, which `audit verify` then checks whole, followed
    /// by one entry for the import. An office is filled from ONE folder
    /// only, once: an office that holds data of its own or was imported
    /// into is refused (kantor_sudah_berisi_data) and nothing changes.
    /// Other desks' folders stay readable as single desks (--data-dir
    /// without LOKET_DATABASE_URL). The folder itself is only read.
    Import {
        /// The single desk's data folder (the one holding loket.db).
        #[arg(long, value_name = "DATA_DIR")]
        from: std::path::PathBuf,
        #[arg(long)]
        json: bool,
    },
}

/// The office's first account, a supervisor, when LOKET_ACCOUNT names one
/// and the office has no account yet; its name.
fn first_supervisor(conn: &PgConn) -> Result<Option<String>, LoketError> {
    let Some(name) = std::env::var("LOKET_ACCOUNT")
        .ok()
        .filter(|n| !n.trim().is_empty())
    else {
        return Ok(None);
    };
    if accounts::any(conn.db())? {
        return Ok(None);
    }
    let pin = Secrets::new().get("LOKET_PIN", "PIN baru")?;
    let made = accounts::create_first(conn.db(), &name, &pin, conn.server_now_ms()?)?;
    Ok(Some(made.name))
}

fn need_url(url: Option<&str>, json: bool) -> Result<&str, Failure> {
    url.ok_or_else(|| {
        Failure::usage(
            LoketError::new(
                ErrorCode::MasukanTidakValid,
                "Alamat basis data kantor belum diberikan: --database URL atau LOKET_DATABASE_URL.",
            ),
            json,
        )
    })
}

pub(crate) fn run(
    url: Option<&str>,
    operator: Option<String>,
    cmd: OfficeCmd,
) -> Result<Verdict, Failure> {
    match cmd {
        OfficeCmd::Import { from, json } => {
            let fail = |e| Failure::input(e, json);
            let conn = PgConn::connect(need_url(url, json)?).map_err(fail)?;
            let operator = operator
                .filter(|o| !o.trim().is_empty())
                .unwrap_or_else(|| "loket-cli".to_owned());
            let report = transfer::import_folder(&from, &conn, &operator).map_err(fail)?;
            if json {
                outln!(
                    "{}",
                    serde_json::to_string(&report).map_err(|e| fail(LoketError::new(
                        ErrorCode::GagalMenyimpan,
                        format!("Laporan impor tidak bisa ditulis: {e}")
                    )))?
                )?;
            } else {
                outln!(
                    "Folder {} diimpor ke basis data kantor: {} permohonan, {} berkas dokumen.",
                    report.from,
                    report.requests,
                    report.files
                )?;
                if report.files_missing > 0 {
                    outln!(
                        "Perhatian: {} berkas dokumen tidak ada di folder (tidak ikut diimpor).",
                        report.files_missing
                    )?;
                }
                outln!(
                    "Log akses folder menjadi log kantor; entri terakhirnya #{} {}. Periksa dengan `loket-cli audit verify`.",
                    report.head_id,
                    report.head_hash
                )?;
            }
            Ok(Verdict::Ok)
        }
        OfficeCmd::Init { desk_role, json } => {
            let fail = |e| Failure::input(e, json);
            let conn = PgConn::connect_raw(need_url(url, json)?).map_err(fail)?;
            let created = conn.init_schema().map_err(fail)?;
            conn.check_schema().map_err(fail)?;
            if let Some(role) = desk_role.as_deref() {
                conn.grant_desk(role).map_err(fail)?;
            }
            let supervisor = first_supervisor(&conn).map_err(fail)?;
            if json {
                outln!(
                    "{}",
                    serde_json::json!({
                        "created": created,
                        "schema_version": SCHEMA_VERSION,
                        "desk_role": desk_role,
                        "supervisor": supervisor,
                    })
                )?;
            } else {
                outln!(
                    "{} (skema {SCHEMA_VERSION}).",
                    if created {
                        "Basis data kantor disiapkan untuk Loket"
                    } else {
                        "Basis data kantor sudah berisi Loket; tidak ada yang diubah"
                    }
                )?;
                if let Some(role) = desk_role {
                    outln!("Hak akses meja diberikan kepada peran basis data \"{role}\".")?;
                }
                if let Some(name) = supervisor {
                    outln!("Akun pertama kantor dibuat: {name} (supervisor).")?;
                }
            }
            Ok(Verdict::Ok)
        }
        OfficeCmd::Status { json } => {
            let fail = |e| Failure::input(e, json);
            let conn = PgConn::connect_raw(need_url(url, json)?).map_err(fail)?;
            let version = conn.schema_version().map_err(fail)?;
            let requests = match version {
                Some(_) => Some(
                    conn.db()
                        .value::<i64>("SELECT count(*) FROM requests", &[])
                        .map_err(fail)?,
                ),
                None => None,
            };
            if json {
                outln!(
                    "{}",
                    serde_json::json!({
                        "schema_version": version,
                        "this_build": SCHEMA_VERSION,
                        "requests": requests,
                    })
                )?;
            } else {
                match version {
                    None => outln!("Basis data kantor belum disiapkan (loket-cli office init).")?,
                    Some(v) => outln!(
                        "Skema {v} (Loket ini: {SCHEMA_VERSION}); {} permohonan.",
                        requests.unwrap_or(0)
                    )?,
                }
            }
            match version {
                None => Ok(Verdict::No),
                Some(_) => {
                    conn.check_schema().map_err(fail)?;
                    Ok(Verdict::Ok)
                }
            }
        }
    }
}
