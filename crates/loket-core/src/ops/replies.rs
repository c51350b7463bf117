//! WhatsApp replies handed to the operator to send: a request's outcome, a
//! POS KETANMU step, a complaint's answer. Handing one over (the app opens
//! the chat, the CLI prints the `wa.me` link) shows the citizen's number
//! with the message, so it is logged `balasan_dibuka`; a preview on screen
//! is not.

use crate::actor::Actor;
use crate::audit::{self, Action};
use crate::error::Result;
use crate::reply::{self, Reply};
use crate::Desk;

/// The reply of request `reg_no`, logged against the request.
pub fn request_reply(desk: &Desk, by: &Actor, reg_no: &str, now_ms: i64) -> Result<Reply> {
    let r = reply::compose(desk.db(), reg_no)?;
    audit::record_by(
        desk.conn()?,
        by,
        now_ms,
        Action::BalasanDibuka,
        Some(reg_no),
        &r.key,
    )?;
    Ok(r)
}

/// The message of a delivery's current step.
pub fn delivery_reply(desk: &Desk, by: &Actor, reg_no: &str, now_ms: i64) -> Result<Reply> {
    let r = reply::compose_delivery(desk.db(), reg_no, now_ms)?;
    log_service(desk, by, reg_no, &r, now_ms)?;
    Ok(r)
}

/// A complaint's answer.
pub fn complaint_reply(desk: &Desk, by: &Actor, reg_no: &str, now_ms: i64) -> Result<Reply> {
    let r = reply::compose_complaint(desk.db(), reg_no, now_ms)?;
    log_service(desk, by, reg_no, &r, now_ms)?;
    Ok(r)
}

/// Deliveries and complaints are not requests: their number leads the detail.
fn log_service(desk: &Desk, by: &Actor, reg_no: &str, r: &Reply, now_ms: i64) -> Result<()> {
    let detail = format!("{reg_no} {}", r.key);
    audit::record_by(
        desk.conn()?,
        by,
        now_ms,
        Action::BalasanDibuka,
        None,
        &detail,
    )
}
