//! `loket-cli reply`: the WhatsApp reply of a request, filled from the
//! supervisor's template (NIK masked), with the `wa.me` link that opens the
//! citizen's chat with it. Prints only; nothing is sent.

use crate::stdio::{self, outln};
use crate::{open_desk, Failure, Verdict};
use clap::Args;
use loket_core::reply;
use std::path::PathBuf;

#[derive(Args)]
pub(crate) struct ReplyArgs {
    /// Registration number, e.g. VN-251126-0007.
    reg: String,
    /// Print {"key","text","wa_url"}.
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(data_dir: Option<PathBuf>, a: ReplyArgs) -> Result<Verdict, Failure> {
    let desk = open_desk(data_dir, a.json)?;
    let r = reply::compose(desk.conn(), &a.reg).map_err(|e| Failure::input(e, a.json))?;
    if a.json {
        stdio::json(&r)?;
    } else {
        outln!("{}\n\n{}", r.text, r.wa_url)?;
    }
    Ok(Verdict::Ok)
}
