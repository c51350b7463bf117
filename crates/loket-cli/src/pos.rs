//! `loket-cli pos`: POS KETANMU deliveries — register, move through the five
//! steps (with the courier and tracking number, receiver, COD amount), list
//! the open or late ones, and print the day's hand-over list.

use crate::stdio::{self, outln};
use crate::{open_desk, operator_of, Failure, Verdict};
use clap::Subcommand;
use loket_core::delivery::{self, DeliveryQuery, DocType, MoveDetails, NewDelivery, Step};
use loket_core::{clock, parse_date};
use std::path::PathBuf;

#[derive(Subcommand)]
pub(crate) enum PosCmd {
    /// Register a delivery; prints its PK- number.
    New {
        #[arg(long)]
        name: String,
        #[arg(long)]
        phone: String,
        /// 10-digit village (desa/kelurahan) code of Kab. Mojokerto.
        #[arg(long, value_name = "CODE")]
        village: String,
        /// Street, number, RT/RW.
        #[arg(long)]
        address: String,
        /// kk, ktp_el, kia, akta_kelahiran, akta_kematian, surat_pindah, other (repeat).
        #[arg(long = "doc", required = true)]
        docs: Vec<String>,
        #[arg(long)]
        note: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Move a delivery to its next step.
    Move {
        reg: String,
        /// processed, handed_over, delivered, paid, failed, returned.
        #[arg(long)]
        to: String,
        #[arg(long)]
        courier: Option<String>,
        /// The post's tracking number.
        #[arg(long)]
        resi: Option<String>,
        /// Who received it (pickup book).
        #[arg(long)]
        receiver: Option<String>,
        /// COD amount paid, rupiah.
        #[arg(long)]
        cod: Option<i64>,
        #[arg(long)]
        note: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Open deliveries with their next step and whether it is late.
    List {
        /// Only those whose next step is overdue.
        #[arg(long)]
        late: bool,
        /// Paid ones too.
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// The packages handed to the post officer on a day (YYYY-MM-DD, default today).
    Handover {
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

pub(crate) fn run(
    data_dir: Option<PathBuf>,
    operator: Option<String>,
    cmd: PosCmd,
) -> Result<Verdict, Failure> {
    let json = match &cmd {
        PosCmd::New { json, .. }
        | PosCmd::Move { json, .. }
        | PosCmd::List { json, .. }
        | PosCmd::Handover { json, .. } => *json,
    };
    let desk = open_desk(data_dir, json)?;
    let op = operator_of(&desk, operator);
    let fail = |e| Failure::input(e, json);
    let now = desk.now_ms();
    match cmd {
        PosCmd::New {
            name,
            phone,
            village,
            address,
            docs,
            note,
            ..
        } => {
            let documents = docs
                .iter()
                .map(|d| DocType::parse(d))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| Failure::usage(e, json))?;
            let input = NewDelivery {
                name,
                phone,
                village_code: village,
                address,
                documents,
                note: note.unwrap_or_default(),
                requested_at: None,
            };
            let d = delivery::create(desk.db(), &input, &op, now).map_err(fail)?;
            if json {
                stdio::json(&d)?;
            } else {
                outln!("{}", d.delivery.reg_no)?;
            }
        }
        PosCmd::Move {
            reg,
            to,
            courier,
            resi,
            receiver,
            cod,
            note,
            ..
        } => {
            let to = Step::parse(&to).map_err(|e| Failure::usage(e, json))?;
            let details = MoveDetails {
                courier,
                tracking_no: resi,
                receiver,
                cod_amount: cod,
                note,
            };
            let d = delivery::move_to(desk.db(), &reg, to, &details, &op, now).map_err(fail)?;
            if json {
                stdio::json(&d)?;
            } else {
                outln!("{}: {}", d.delivery.reg_no, d.delivery.step.label())?;
            }
        }
        PosCmd::List { late, all, .. } => {
            let q = DeliveryQuery {
                late_only: late,
                include_done: all,
                ..DeliveryQuery::default()
            };
            let rows = delivery::list(desk.db(), &q, now).map_err(fail)?;
            if json {
                stdio::json(&rows)?;
            } else {
                for d in rows {
                    let next = match (d.next_step, d.due_at) {
                        (Some(s), Some(due)) => format!(
                            "{} s.d. {}{}",
                            s.label(),
                            clock::format_wib(due),
                            if d.late { " TERLAMBAT" } else { "" }
                        ),
                        _ => "-".to_owned(),
                    };
                    outln!("{}\t{}\t{}\t{}", d.reg_no, d.name, d.step.label(), next)?;
                }
            }
        }
        PosCmd::Handover { date, .. } => {
            let day = match date {
                Some(d) => parse_date(&d).map_err(|e| Failure::usage(e, json))?,
                None => clock::wib_date(now),
            };
            let rows = delivery::handover_list(desk.db(), day, now).map_err(fail)?;
            if json {
                stdio::json(&rows)?;
            } else {
                outln!("Daftar serah terima {}", day.format("%d-%m-%Y"))?;
                for d in rows {
                    outln!(
                        "{}\t{}\t{}, {}, Kec. {}\t{} {}",
                        d.reg_no,
                        d.name,
                        d.address,
                        d.village.name,
                        d.village.district,
                        d.courier.unwrap_or_default(),
                        d.tracking_no.unwrap_or_default()
                    )?;
                }
            }
        }
    }
    Ok(Verdict::Ok)
}
