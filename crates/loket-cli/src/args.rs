//! The command-line arguments of `loket-cli`: the contract scripts and the
//! Windows Task Scheduler rely on. Kept apart from what the commands do.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "loket-cli",
    version,
    about = "Loket — meja operator Dispendukcapil Kab. Mojokerto, dari baris perintah"
)]
pub(crate) struct Cli {
    /// Data folder (default: the app's own; LOKET_DATA_DIR also sets it).
    #[arg(long, global = true, value_name = "DIR")]
    pub(crate) data_dir: Option<PathBuf>,
    /// Operator name recorded with changes (default: LOKET_OPERATOR, then the desk's operator).
    #[arg(long, global = true, env = "LOKET_OPERATOR")]
    pub(crate) operator: Option<String>,
    /// The supervisor account an action reserved for supervisors runs as
    /// (settings, backups, the access log, accounts); its PIN comes from
    /// LOKET_SUPERVISOR_PIN or the first line of standard input.
    #[arg(long, global = true, env = "LOKET_SUPERVISOR", value_name = "NAME")]
    pub(crate) supervisor: Option<String>,
    /// Office mode: the office's PostgreSQL database
    /// (postgres://user:password@host:port/database) instead of the data
    /// folder's own file; prefer setting LOKET_DATABASE_URL, which other
    /// users of the PC cannot read in the process list.
    #[arg(
        long,
        global = true,
        env = "LOKET_DATABASE_URL",
        value_name = "URL",
        hide_env_values = true
    )]
    pub(crate) database: Option<String>,
    #[command(subcommand)]
    pub(crate) cmd: Cmd,
}

#[derive(Subcommand)]
pub(crate) enum Cmd {
    /// NIK checks.
    Nik {
        #[command(subcommand)]
        cmd: NikCmd,
    },
    /// KK number checks.
    Kk {
        #[command(subcommand)]
        cmd: KkCmd,
    },
    /// Requests of the NIK-validation service.
    Request {
        #[command(subcommand)]
        cmd: RequestCmd,
    },
    /// The operator name the desk records with changes.
    Operator {
        #[command(subcommand)]
        cmd: OperatorCmd,
    },
    /// Documents (KK/KTP photos and PDFs) of a request.
    Doc {
        #[command(subcommand)]
        cmd: DocCmd,
    },
    /// The printed summary receipt ("Bukti Layanan") of a request: HTML, PDF or PNG.
    Receipt(crate::receipt::ReceiptArgs),
    /// The WhatsApp reply of a finished request and its wa.me link (nothing is sent).
    Reply(crate::reply::ReplyArgs),
    /// Reports: the daily recap.
    Report {
        #[command(subcommand)]
        cmd: crate::report::ReportCmd,
    },
    /// POS KETANMU deliveries: new, move, list, hand-over list.
    Pos {
        #[command(subcommand)]
        cmd: crate::pos::PosCmd,
    },
    /// Pengaduan (complaints): new, answer, close, list.
    Complaint {
        #[command(subcommand)]
        cmd: crate::complaint::ComplaintCmd,
    },
    /// Operator accounts: add, list, new PIN, disable.
    Account {
        #[command(subcommand)]
        cmd: crate::account::AccountCmd,
    },
    /// The access log: check its hash chain, read it.
    Audit {
        #[command(subcommand)]
        cmd: crate::audit::AuditCmd,
    },
    /// Synthetic data for demos and benchmarks.
    Demo {
        #[command(subcommand)]
        cmd: DemoCmd,
    },
    /// Back up the data folder into a folder such as a USB drive, or check a backup.
    Backup(crate::backup::BackupArgs),
    /// Restore a backup into a new data folder.
    Restore(crate::backup::RestoreArgs),
    /// Read the NIK, KK number and other fields from a KTP-el or KK photo (offline OCR).
    Ocr(crate::ocr::OcrArgs),
    /// Photo retention: delete photos and PDFs a set number of days after a request closes.
    Retention {
        #[command(subcommand)]
        cmd: crate::retention::RetentionCmd,
    },
    /// Office mode: set up the office's PostgreSQL database, see its state,
    /// import a single desk's folder into it.
    Office {
        #[command(subcommand)]
        cmd: crate::office::OfficeCmd,
    },
}

#[derive(Subcommand)]
pub(crate) enum NikCmd {
    /// Check a NIK's structure, region, date and serial.
    Check {
        nik: String,
        /// Printed date of birth (YYYY-MM-DD).
        #[arg(long)]
        dob: Option<String>,
        /// Printed sex: L or P.
        #[arg(long)]
        sex: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub(crate) enum KkCmd {
    /// Check a KK number's structure, region, recording date and serial.
    Check {
        kk: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub(crate) enum RequestCmd {
    /// Register a new request; prints its registration number.
    New(NewArgs),
    /// List the queue, or search it.
    List {
        #[arg(long)]
        search: Option<String>,
        #[arg(long)]
        status: Option<String>,
        /// Every request newest first, not only the open ones.
        #[arg(long)]
        all: bool,
        #[arg(long)]
        limit: Option<u32>,
        #[arg(long)]
        json: bool,
    },
    /// Show one request with its history.
    Show {
        reg: String,
        #[arg(long)]
        json: bool,
    },
    /// Move a request to another status.
    Move {
        reg: String,
        #[arg(long)]
        to: String,
        #[arg(long)]
        outcome: Option<String>,
        #[arg(long)]
        note: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Merge an open request (a re-send) into another: it is closed, its documents move.
    Merge {
        reg: String,
        /// The request that carries on.
        #[arg(long, value_name = "REG")]
        into: String,
        #[arg(long)]
        reason: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Record that two look-alike requests are different (no duplicate warning again).
    Keep {
        reg: String,
        #[arg(long, value_name = "REG")]
        other: String,
        #[arg(long)]
        reason: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub(crate) struct NewArgs {
    #[arg(long)]
    pub(crate) name: String,
    #[arg(long)]
    pub(crate) phone: String,
    #[arg(long)]
    pub(crate) nik: Option<String>,
    #[arg(long)]
    pub(crate) kk: Option<String>,
    #[arg(long)]
    pub(crate) category: Option<String>,
    #[arg(long)]
    pub(crate) problem: Option<String>,
    #[arg(long)]
    pub(crate) json: bool,
}

#[derive(Subcommand)]
pub(crate) enum DocCmd {
    /// Add files (JPEG, PNG, WebP, PDF) to a request: one result per file.
    Add {
        reg: String,
        /// What the files are: ktp, kk or other.
        #[arg(long)]
        kind: String,
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// List a request's documents, in the order added.
    List {
        reg: String,
        #[arg(long)]
        json: bool,
    },
    /// Remove a document from its request (recorded; the file is kept).
    Remove {
        id: i64,
        #[arg(long)]
        reason: String,
        #[arg(long)]
        json: bool,
    },
    /// Correct what a document is: ktp, kk or other.
    Kind {
        id: i64,
        kind: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub(crate) enum OperatorCmd {
    /// Set the desk's operator name.
    Set { name: String },
    /// Print the desk's operator name.
    Show,
}

#[derive(Subcommand)]
pub(crate) enum DemoCmd {
    /// Add synthetic requests spread over the last days.
    Seed {
        #[arg(long, default_value_t = 200)]
        count: u32,
        #[arg(long, default_value_t = 30)]
        days: u32,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}
