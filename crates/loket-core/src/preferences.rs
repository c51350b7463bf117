//! Everything the settings screen edits, read in one call: the office's
//! details, the time promise and office hours, the reply templates (with the
//! placeholders they may use), the promises of POS KETANMU and Pengaduan. Each part is saved by its own module, which
//! validates it; this module only gathers them for the screen and the CLI.

use crate::db::Db;
use crate::error::Result;
use crate::office::{self, OfficeProfile};
use crate::reply::{self, ReplyTemplate};
use crate::sla::{self, SlaSettings};
use serde::Serialize;
use ts_rs::TS;

/// A placeholder a reply template may use, and what fills it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Placeholder {
    pub name: String,
    pub meaning: String,
}

/// The settings screen's data.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Preferences {
    pub office: OfficeProfile,
    pub sla: SlaSettings,
    pub templates: Vec<ReplyTemplate>,
    pub placeholders: Vec<Placeholder>,
    /// POS KETANMU's promised time per step.
    pub pos_promises: crate::delivery::promise::Promises,
    /// Minutes of office time to answer a complaint.
    pub complaint_minutes: u32,
    /// Days KK/KTP photos are kept after their request closes.
    pub retention_days: u32,
}

pub fn load<'c>(db: impl Into<Db<'c>>) -> Result<Preferences> {
    let conn = db.into();
    Ok(Preferences {
        office: office::load(conn)?,
        sla: sla::load_settings(conn)?,
        templates: reply::list(conn)?,
        placeholders: reply::PLACEHOLDERS
            .iter()
            .map(|(n, m)| Placeholder {
                name: (*n).to_owned(),
                meaning: (*m).to_owned(),
            })
            .collect(),
        pos_promises: crate::delivery::promise::load(conn)?,
        complaint_minutes: crate::complaints::response_minutes(conn)?,
        retention_days: crate::retention::days(conn)?,
    })
}
