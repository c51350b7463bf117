//! `loket-cli`: Loket's core on the command line, for administrators,
//! scheduled tasks and tests. Its arguments, JSON output and exit codes are a
//! contract other tools rely on: exit 0 on success (a valid number for
//! `check`), 1 on a refused input or an invalid number, 2 on a usage error.
//! Errors go to stderr with their stable code; nothing here panics on input
//! or on a closed pipe (`stdio.rs`: all output goes through it).

#![forbid(unsafe_code)]

mod account;
mod actor;
mod args;
mod audit;
mod backup;
mod complaint;
mod exit;
mod ocr;
mod office;
mod output;
mod pos;
mod receipt;
mod reply;
mod report;
mod retention;
mod stdio;

use args::*;
use exit::{Failure, Verdict};
use stdio::outln;

use clap::Parser;
use loket_core::documents::{self, DocKind};
use loket_core::ident::{self, Sex};
use loket_core::model::{Category, ListQuery, NewRequest, Outcome, QueueView, Status};
use loket_core::{clock, datadir, demo, duplicates, requests, search, settings, Desk, LoketError};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    // A PDF worker of this binary or of another loket-cli (documents::pdf_worker).
    if let Some(code) = documents::serve_if_asked() {
        return ExitCode::from(u8::try_from(code).unwrap_or(1));
    }
    if let Ok(exe) = std::env::current_exe() {
        documents::draw_pdfs_in(exe);
    }
    // Every access-log entry this process writes is marked as the CLI's.
    loket_core::actor::set_process_origin(loket_core::Origin::Cli);
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = run(cli).and_then(|verdict| {
        stdio::flush()?;
        Ok(verdict)
    });
    exit::code(result)
}

/// The office database of this run (`--database` / LOKET_DATABASE_URL),
/// set once by `run`.
static OFFICE_DATABASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// The desk a command works on: the office database when one is given
/// (the data folder then only caches), else the data folder's own file.
fn open_desk(dir: Option<PathBuf>, json: bool) -> Result<Desk, Failure> {
    let dir = datadir::resolve_data_dir(dir).map_err(|e| Failure::input(e, json))?;
    match OFFICE_DATABASE.get() {
        Some(url) => Desk::open_office(url, &dir),
        None => Desk::open(&dir),
    }
    .map_err(|e| Failure::input(e, json))
}

pub(crate) fn operator_of(desk: &Desk, explicit: Option<String>) -> String {
    explicit
        .filter(|o| !o.trim().is_empty())
        .or_else(|| {
            settings::get(desk.db(), settings::KEY_OPERATOR)
                .ok()
                .flatten()
        })
        .unwrap_or_else(|| "loket-cli".to_owned())
}

fn parse_arg<T>(
    v: Option<&str>,
    f: impl Fn(&str) -> Result<T, LoketError>,
    json: bool,
) -> Result<Option<T>, Failure> {
    v.map(f).transpose().map_err(|e| Failure::usage(e, json))
}

fn run(cli: Cli) -> Result<Verdict, Failure> {
    let today = clock::wib_date(clock::now_ms());
    if let Some(url) = cli.database.clone().filter(|u| !u.trim().is_empty()) {
        let _ = OFFICE_DATABASE.set(url);
    }
    match cli.cmd {
        Cmd::Nik {
            cmd:
                NikCmd::Check {
                    nik,
                    dob,
                    sex,
                    json,
                },
        } => {
            let dob = parse_arg(dob.as_deref(), loket_core::parse_date, json)?;
            let sex = parse_arg(sex.as_deref(), parse_sex, json)?;
            let result = ident::nik::check_nik(&nik, dob, sex, today);
            output::id_check(&result, json, "NIK")?;
            Ok(if result.valid {
                Verdict::Ok
            } else {
                Verdict::No
            })
        }
        Cmd::Kk {
            cmd: KkCmd::Check { kk, json },
        } => {
            let result = ident::kk::check_kk(&kk, today);
            output::id_check(&result, json, "Nomor KK")?;
            Ok(if result.valid {
                Verdict::Ok
            } else {
                Verdict::No
            })
        }
        Cmd::Request { cmd } => run_request(cli.data_dir, cli.operator, cmd, today),
        Cmd::Doc { cmd } => run_doc(cli.data_dir, cli.operator, cmd),
        Cmd::Receipt(a) => receipt::run(cli.data_dir, cli.operator, a),
        Cmd::Reply(a) => reply::run(cli.data_dir, cli.operator, a),
        Cmd::Account { cmd } => account::run(cli.data_dir, cli.supervisor, cmd),
        Cmd::Audit { cmd } => audit::run(cli.data_dir, cli.supervisor, cmd),
        Cmd::Pos { cmd } => pos::run(cli.data_dir, cli.operator, cmd),
        Cmd::Complaint { cmd } => complaint::run(cli.data_dir, cli.operator, cmd),
        Cmd::Report { cmd } => report::run(cli.data_dir, cli.operator, cmd),
        Cmd::Operator { cmd } => {
            let desk = open_desk(cli.data_dir, false)?;
            match cmd {
                OperatorCmd::Set { name } => {
                    loket_core::set_operator(&desk, &name).map_err(|e| Failure::input(e, false))?
                }
                OperatorCmd::Show => {
                    let name = settings::get(desk.db(), settings::KEY_OPERATOR)
                        .map_err(|e| Failure::input(e, false))?;
                    outln!("{}", name.unwrap_or_default())?;
                }
            }
            Ok(Verdict::Ok)
        }
        Cmd::Demo {
            cmd: DemoCmd::Seed { count, days, seed },
        } => {
            let desk = open_desk(cli.data_dir, false)?;
            let n = demo::seed(desk.db(), count, days, clock::now_ms(), seed)
                .map_err(|e| Failure::input(e, false))?;
            outln!(
                "{n} permohonan contoh ditambahkan ke {}",
                desk.dir().display()
            )?;
            Ok(Verdict::Ok)
        }
        Cmd::Backup(a) => backup::run(cli.data_dir, cli.supervisor, a),
        Cmd::Restore(a) => backup::restore(cli.operator, a),
        Cmd::Ocr(a) => ocr::run(a),
        Cmd::Retention { cmd } => retention::run(cli.data_dir, cli.supervisor, cmd),
        Cmd::Office { cmd } => {
            office::run(OFFICE_DATABASE.get().map(String::as_str), cli.operator, cmd)
        }
    }
}

fn run_request(
    data_dir: Option<PathBuf>,
    operator: Option<String>,
    cmd: RequestCmd,
    today: chrono::NaiveDate,
) -> Result<Verdict, Failure> {
    match cmd {
        RequestCmd::New(a) => {
            let category = parse_arg(a.category.as_deref(), Category::parse, a.json)?;
            let desk = open_desk(data_dir, a.json)?;
            let op = operator_of(&desk, operator);
            let input = NewRequest {
                name: a.name,
                phone: a.phone,
                nik: a.nik,
                kk: a.kk,
                category,
                problem: a.problem,
            };
            let created = duplicates::create_checked(desk.db(), &input, &op, desk.now_ms())
                .map_err(|e| Failure::input(e, a.json))?;
            output::created(&created, a.json)?;
            Ok(Verdict::Ok)
        }
        RequestCmd::List {
            search: q,
            status,
            all,
            limit,
            json,
        } => {
            let status = parse_arg(status.as_deref(), Status::parse, json)?;
            let desk = open_desk(data_dir, json)?;
            let query = ListQuery {
                search: q,
                status,
                view: if all {
                    QueueView::All
                } else {
                    QueueView::Active
                },
                limit,
            };
            let page = search::list(desk.db(), &query).map_err(|e| Failure::input(e, json))?;
            output::page(&page, json)?;
            Ok(Verdict::Ok)
        }
        RequestCmd::Show { reg, json } => {
            let desk = open_desk(data_dir, json)?;
            let d =
                requests::detail(desk.db(), &reg, today).map_err(|e| Failure::input(e, json))?;
            output::detail(&d, json)?;
            Ok(Verdict::Ok)
        }
        RequestCmd::Move {
            reg,
            to,
            outcome,
            note,
            json,
        } => {
            let to = Status::parse(&to).map_err(|e| Failure::usage(e, json))?;
            let outcome = parse_arg(outcome.as_deref(), Outcome::parse, json)?;
            let desk = open_desk(data_dir, json)?;
            let op = operator_of(&desk, operator);
            let req = requests::move_request(
                desk.db(),
                &reg,
                to,
                outcome,
                note.as_deref(),
                &op,
                desk.now_ms(),
            )
            .map_err(|e| Failure::input(e, json))?;
            output::moved(&req, json)?;
            Ok(Verdict::Ok)
        }
        RequestCmd::Merge {
            reg,
            into,
            reason,
            json,
        } => {
            let desk = open_desk(data_dir, json)?;
            let op = operator_of(&desk, operator);
            let target = duplicates::merge(
                desk.db(),
                &reg,
                &into,
                reason.as_deref(),
                &op,
                desk.now_ms(),
            )
            .map_err(|e| Failure::input(e, json))?;
            output::merged(&reg, &target, json)?;
            Ok(Verdict::Ok)
        }
        RequestCmd::Keep {
            reg,
            other,
            reason,
            json,
        } => {
            let desk = open_desk(data_dir, json)?;
            let op = operator_of(&desk, operator);
            duplicates::keep_separate(desk.db(), &reg, &other, &reason, &op, desk.now_ms())
                .map_err(|e| Failure::input(e, json))?;
            output::kept_separate(&reg, &other, json)?;
            Ok(Verdict::Ok)
        }
    }
}

fn run_doc(
    data_dir: Option<PathBuf>,
    operator: Option<String>,
    cmd: DocCmd,
) -> Result<Verdict, Failure> {
    match cmd {
        DocCmd::Add {
            reg,
            kind,
            files,
            json,
        } => {
            let kind = DocKind::parse(&kind).map_err(|e| Failure::usage(e, json))?;
            let mut desk = open_desk(data_dir, json)?;
            let op = operator_of(&desk, operator);
            let results: Vec<_> = files
                .into_iter()
                .map(|file| {
                    let added = documents::add_path(
                        &mut desk,
                        &reg,
                        Some(kind),
                        &file,
                        &op,
                        clock::now_ms(),
                    );
                    (file, added)
                })
                .collect();
            output::docs_added(&results, json)?;
            Ok(if results.iter().all(|(_, r)| r.is_ok()) {
                Verdict::Ok
            } else {
                Verdict::No
            })
        }
        DocCmd::List { reg, json } => {
            let desk = open_desk(data_dir, json)?;
            let docs = documents::list(&desk, &reg).map_err(|e| Failure::input(e, json))?;
            output::docs(&docs, json)?;
            Ok(Verdict::Ok)
        }
        DocCmd::Remove { id, reason, json } => {
            let mut desk = open_desk(data_dir, json)?;
            let op = operator_of(&desk, operator);
            documents::remove(&mut desk, id, &reason, &op, clock::now_ms())
                .map_err(|e| Failure::input(e, json))?;
            output::doc_removed(id, json)?;
            Ok(Verdict::Ok)
        }
        DocCmd::Kind { id, kind, json } => {
            let kind = DocKind::parse(&kind).map_err(|e| Failure::usage(e, json))?;
            let mut desk = open_desk(data_dir, json)?;
            let op = operator_of(&desk, operator);
            let doc = documents::set_kind(&mut desk, id, kind, &op, clock::now_ms())
                .map_err(|e| Failure::input(e, json))?;
            output::docs(std::slice::from_ref(&doc), json)?;
            Ok(Verdict::Ok)
        }
    }
}

fn parse_sex(s: &str) -> Result<Sex, LoketError> {
    match s.trim().to_uppercase().as_str() {
        "L" | "LAKI-LAKI" => Ok(Sex::L),
        "P" | "PEREMPUAN" => Ok(Sex::P),
        _ => Err(LoketError::new(
            loket_core::ErrorCode::MasukanTidakValid,
            "Jenis kelamin harus L (laki-laki) atau P (perempuan).",
        )),
    }
}
