//! `loket-cli complaint`: Pengaduan — record a complaint, answer it, close
//! it, list the open ones with whether the answer is late.

use crate::stdio::{self, outln};
use crate::{open_desk, operator_of, Failure, Verdict};
use clap::{Subcommand, ValueEnum};
use loket_core::complaints::{self, Channel, ComplaintCategory, NewComplaint};
use std::path::PathBuf;

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ChannelArg {
    Whatsapp,
    InPerson,
    Phone,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum CategoryArg {
    Slow,
    WrongData,
    Staff,
    Fee,
    Delivery,
    Other,
}

#[derive(Subcommand)]
pub(crate) enum ComplaintCmd {
    /// Record a complaint; prints its PG- number.
    New {
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "")]
        phone: String,
        #[arg(long, value_enum)]
        channel: ChannelArg,
        /// The request (VN-…) or delivery (PK-…) it is about.
        #[arg(long, value_name = "REG")]
        about: Option<String>,
        #[arg(long, value_enum)]
        category: CategoryArg,
        #[arg(long)]
        text: String,
        #[arg(long)]
        json: bool,
    },
    /// Record the answer given.
    Answer {
        reg: String,
        #[arg(long)]
        text: String,
        #[arg(long)]
        json: bool,
    },
    /// Close an answered complaint.
    Close {
        reg: String,
        #[arg(long)]
        json: bool,
    },
    /// Complaints, newest first; --open: the open ones, oldest first.
    List {
        #[arg(long)]
        open: bool,
        #[arg(long)]
        json: bool,
    },
}

pub(crate) fn run(
    data_dir: Option<PathBuf>,
    operator: Option<String>,
    cmd: ComplaintCmd,
) -> Result<Verdict, Failure> {
    let json = match &cmd {
        ComplaintCmd::New { json, .. }
        | ComplaintCmd::Answer { json, .. }
        | ComplaintCmd::Close { json, .. }
        | ComplaintCmd::List { json, .. } => *json,
    };
    let desk = open_desk(data_dir, json)?;
    let op = operator_of(&desk, operator);
    let fail = |e| Failure::input(e, json);
    let now = desk.now_ms();
    let one = |c: complaints::Complaint| {
        if json {
            stdio::json(&c)
        } else {
            outln!("{}", c.reg_no)
        }
    };
    match cmd {
        ComplaintCmd::New {
            name,
            phone,
            channel,
            about,
            category,
            text,
            ..
        } => {
            let input = NewComplaint {
                name,
                phone,
                channel: match channel {
                    ChannelArg::Whatsapp => Channel::Whatsapp,
                    ChannelArg::InPerson => Channel::InPerson,
                    ChannelArg::Phone => Channel::Phone,
                },
                about_reg_no: about,
                category: match category {
                    CategoryArg::Slow => ComplaintCategory::Slow,
                    CategoryArg::WrongData => ComplaintCategory::WrongData,
                    CategoryArg::Staff => ComplaintCategory::Staff,
                    CategoryArg::Fee => ComplaintCategory::Fee,
                    CategoryArg::Delivery => ComplaintCategory::Delivery,
                    CategoryArg::Other => ComplaintCategory::Other,
                },
                text,
            };
            one(complaints::create(desk.db(), &input, &op, now).map_err(fail)?)?;
        }
        ComplaintCmd::Answer { reg, text, .. } => {
            one(complaints::answer(desk.db(), &reg, &text, &op, now).map_err(fail)?)?;
        }
        ComplaintCmd::Close { reg, .. } => {
            one(complaints::close(desk.db(), &reg, &op, now).map_err(fail)?)?;
        }
        ComplaintCmd::List { open, .. } => {
            let rows = complaints::list(desk.db(), open, now).map_err(fail)?;
            if json {
                stdio::json(&rows)?;
            } else {
                for c in rows {
                    let state = if c.closed_at.is_some() {
                        "ditutup"
                    } else if c.answered_at.is_some() {
                        "dijawab"
                    } else {
                        "terbuka"
                    };
                    let late = if c.late { " TERLAMBAT" } else { "" };
                    outln!(
                        "{}\t{}\t{state}{late}\t{}",
                        c.reg_no,
                        c.name,
                        c.about_reg_no.unwrap_or_default()
                    )?;
                }
            }
        }
    }
    Ok(Verdict::Ok)
}
