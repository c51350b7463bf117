//! `loket-cli reply`: the WhatsApp reply of a request, filled from the
//! supervisor's template (NIK masked), with the `wa.me` link that opens the
//! citizen's chat with it. Prints only; nothing is sent. Handing it over
//! is logged as the app's opening of the chat is (`balasan_dibuka`).

use crate::stdio::{self, outln};
use crate::{open_desk, Failure, Verdict};
use clap::Args;
use loket_core::ops;
use std::path::PathBuf;

#[derive(Args)]
pub(crate) struct ReplyArgs {
    /// Registration number, e.g. VN-251126-0007.
    reg: String,
    /// Print {"key","text","wa_url"}.
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(
    data_dir: Option<PathBuf>,
    operator: Option<String>,
    a: ReplyArgs,
) -> Result<Verdict, Failure> {
    let desk = open_desk(data_dir, a.json)?;
    let by = crate::actor::operator(&desk, operator);
    let r = ops::replies::request_reply(&desk, &by, &a.reg, desk.now_ms())
        .map_err(|e| Failure::input(e, a.json))?;
    if a.json {
        stdio::json(&r)?;
    } else {
        outln!("{}\n\n{}", r.text, r.wa_url)?;
    }
    Ok(Verdict::Ok)
}
