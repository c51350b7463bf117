//! The time promise (SLA) of the NIK-validation service: "done within 30
//! minutes", counted the way helpdesks that do this well count it.
//!
//! Why it works like this:
//!
//! - **Office hours only.** Zammad and GLPI run a ticket's clock on a business
//!   calendar: a request sent at 15:20 on a Thursday, ten minutes before
//!   closing, is not late at 15:51; its remaining time continues when the
//!   office opens again. Weekends and public holidays count as closed.
//! - **Paused while waiting on the citizen.** When the operator asks for a
//!   re-send (`waiting_citizen`), the delay is the citizen's, so the clock
//!   stops until the request is back in `verifying`.
//! - **Stops at the outcome.** The promise is about the time to `done`; the
//!   WhatsApp reply afterwards is not part of it.
//! - **Warning before the breach.** The queue shows amber when little time is
//!   left (default ≤ 10 minutes) and red once the promise is broken, so the
//!   operator can pick the right request next.
//! - **Settings, not code.** Opening hours change (Ramadan, Jumat, a new
//!   regent's decree) and holidays change every year (SKB cuti bersama), so
//!   they live in the `settings` table as JSON (`KEY_SLA`), validated on save,
//!   and travel with backups.
//!
//! Everything here is pure: time is an argument (`now_ms`, UTC milliseconds)
//! and the calendar is WIB (UTC+7, no daylight saving), computed with a fixed
//! offset. Spans are walked per day (and per whole week over long spans), never
//! per minute, so a request left open for months costs microseconds.
//!
//! - [`config`]: [`SlaSettings`], [`OfficeHours`], defaults, validation,
//!   [`load_settings`] / [`save_settings`].
//! - [`calendar`]: [`business_ms`], [`deadline_ms`] and [`open_until`].
//! - [`timer`]: [`clock_for`] (a request's clock from its events) and [`report`].

pub mod calendar;
pub mod config;
pub mod timer;

pub use calendar::{after_office_ms, business_ms, deadline_ms, open_until, DEADLINE_HORIZON_DAYS};
pub use config::{
    load_settings, parse_settings, save_settings, OfficeHours, OpenInterval, SlaSettings,
    TimeOfDay, KEY_SLA,
};
pub use timer::{clock_for, report, report_of_times, SlaClock, SlaLevel, SlaReport, SlaState};

#[cfg(test)]
mod tests;
