//! Pengaduan: complaints received by WhatsApp, in person or by phone,
//! optionally about a request or a delivery, answered and closed against a
//! response promise in office time (settings; default one office day of 8
//! hours). Each step is an append-only event in the access log.

use crate::base::{check_operator, next_reg_no, normalize_name};
use crate::db::{Db, Row};
use crate::error::{ErrorCode, LoketError, Result};
use crate::phone;
use crate::sla;
use crate::sql_params;
use crate::words::impl_words;
use serde::{Deserialize, Serialize};
use strum::{EnumString, IntoStaticStr, VariantArray};
use ts_rs::TS;

/// The registration series of complaints.
pub const SERIES: &str = "PG";
const KEY_RESPONSE: &str = "complaint_response_minutes";
pub const DEFAULT_RESPONSE_MINUTES: u32 = 8 * 60;
const MAX_TEXT: usize = 4000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[derive(IntoStaticStr, EnumString, VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum Channel {
    Whatsapp,
    InPerson,
    Phone,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[derive(IntoStaticStr, EnumString, VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum ComplaintCategory {
    /// The service took too long.
    Slow,
    /// Data in a document or in SIAK is wrong.
    WrongData,
    /// An officer's conduct.
    Staff,
    /// Someone asked for money (the service is free by law).
    Fee,
    /// A POS KETANMU delivery.
    Delivery,
    Other,
}

impl_words!(Channel);
impl_words!(ComplaintCategory);

impl Channel {
    /// The Indonesian words on screens.
    pub fn label(self) -> &'static str {
        match self {
            Channel::Whatsapp => "WhatsApp",
            Channel::InPerson => "Datang langsung",
            Channel::Phone => "Telepon",
        }
    }
}

impl ComplaintCategory {
    /// The Indonesian words on screens.
    pub fn label(self) -> &'static str {
        match self {
            ComplaintCategory::Slow => "Layanan lambat",
            ComplaintCategory::WrongData => "Data salah",
            ComplaintCategory::Staff => "Sikap petugas",
            ComplaintCategory::Fee => "Dimintai biaya",
            ComplaintCategory::Delivery => "Pengiriman POS KETANMU",
            ComplaintCategory::Other => "Lainnya",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct NewComplaint {
    pub name: String,
    /// Optional for a complaint made in person.
    #[serde(default)]
    pub phone: String,
    pub channel: Channel,
    /// The request (VN-…) or delivery (PK-…) it is about, if any.
    #[serde(default)]
    pub about_reg_no: Option<String>,
    pub category: ComplaintCategory,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Complaint {
    pub id: i64,
    pub reg_no: String,
    pub name: String,
    pub phone: String,
    pub channel: Channel,
    pub about_reg_no: Option<String>,
    pub category: ComplaintCategory,
    pub text: String,
    pub answer: String,
    pub received_at: i64,
    pub answered_at: Option<i64>,
    pub closed_at: Option<i64>,
    pub operator: String,
    /// When the answer is (or was) due.
    pub answer_due: Option<i64>,
    /// Unanswered past its due time, or answered after it.
    pub late: bool,
}

fn invalid(msg: impl Into<String>) -> LoketError {
    LoketError::new(ErrorCode::MasukanTidakValid, msg)
}

fn body(text: &str, what: &str) -> Result<String> {
    let t = text.trim();
    if t.is_empty() {
        return Err(invalid(format!("{what} wajib diisi.")));
    }
    if t.chars().count() > MAX_TEXT {
        return Err(LoketError::new(
            ErrorCode::TeksTerlaluPanjang,
            format!("{what} terlalu panjang (maksimal {MAX_TEXT} huruf)."),
        ));
    }
    Ok(t.to_owned())
}

/// Minutes of office time within which a complaint is answered.
pub fn response_minutes<'c>(db: impl Into<Db<'c>>) -> Result<u32> {
    Ok(crate::settings::get(db, KEY_RESPONSE)?
        .and_then(|v| v.parse().ok())
        .filter(|m| (1..=30 * 24 * 60).contains(m))
        .unwrap_or(DEFAULT_RESPONSE_MINUTES))
}

pub fn set_response_minutes<'c>(db: impl Into<Db<'c>>, minutes: u32) -> Result<()> {
    if !(1..=30 * 24 * 60).contains(&minutes) {
        return Err(invalid("Janji jawab pengaduan antara 1 menit dan 30 hari."));
    }
    crate::settings::set(db, KEY_RESPONSE, &minutes.to_string())
}

const COLUMNS: &str = "id, reg_no, name, phone, channel, about_reg_no, category, text, answer,
    received_at, answered_at, closed_at, operator";

fn reader(db: Db<'_>, now_ms: i64) -> Result<impl Fn(&Row<'_>) -> Result<Complaint>> {
    let office = crate::sla::load_settings(db)?;
    let minutes = i64::from(response_minutes(db)?);
    Ok(move |r: &Row<'_>| {
        let received_at: i64 = r.get(9)?;
        let answered_at: Option<i64> = r.get(10)?;
        let answer_due = sla::after_office_ms(&office, received_at, minutes * 60_000);
        let late = answer_due.is_some_and(|due| answered_at.unwrap_or(now_ms) > due);
        let channel: String = r.get(4)?;
        let category: String = r.get(6)?;
        Ok(Complaint {
            id: r.get(0)?,
            reg_no: r.get(1)?,
            name: r.get(2)?,
            phone: r.get(3)?,
            channel: channel.parse().unwrap_or(Channel::Whatsapp),
            about_reg_no: r.get(5)?,
            category: category.parse().unwrap_or(ComplaintCategory::Other),
            text: r.get(7)?,
            answer: r.get(8)?,
            received_at,
            answered_at,
            closed_at: r.get(11)?,
            operator: r.get(12)?,
            answer_due,
            late,
        })
    })
}

/// One complaint by its number.
pub fn get<'c>(db: impl Into<Db<'c>>, reg_no: &str, now_ms: i64) -> Result<Complaint> {
    let db = db.into();
    let key = reg_no.trim().to_uppercase();
    let read = reader(db, now_ms)?;
    db.query_one(
        &format!("SELECT {COLUMNS} FROM complaints WHERE reg_no = ?1"),
        sql_params![&key],
        read,
        || {
            LoketError::new(
                ErrorCode::PermohonanTidakDitemukan,
                format!("Pengaduan {key} tidak ditemukan."),
            )
        },
    )
}

fn event(db: Db<'_>, id: i64, at: i64, op: &str, action: &str) -> Result<()> {
    db.execute(
        "INSERT INTO complaint_events (complaint_id, at, operator, action) VALUES (?1, ?2, ?3, ?4)",
        sql_params![id, at, op, action],
    )?;
    Ok(())
}

/// Records a complaint. A linked number must exist (a request or a delivery).
pub fn create<'c>(
    db: impl Into<Db<'c>>,
    input: &NewComplaint,
    operator: &str,
    now_ms: i64,
) -> Result<Complaint> {
    let operator = check_operator(operator)?;
    let name = normalize_name(&body(&input.name, "Nama pengadu")?);
    let phone = match input.phone.trim() {
        "" => String::new(),
        p => phone::normalize_phone(p)?,
    };
    let text = body(&input.text, "Isi pengaduan")?;
    let about = input
        .about_reg_no
        .as_deref()
        .map(|s| s.trim().to_uppercase())
        .filter(|s| !s.is_empty());
    let db = db.into();
    let reg_no = db.write(|tx| {
        if let Some(a) = &about {
            let known: bool = tx.value(
                "SELECT EXISTS (SELECT 1 FROM requests WHERE reg_no = ?1)
                     OR EXISTS (SELECT 1 FROM deliveries WHERE reg_no = ?1)",
                sql_params![a],
            )?;
            if !known {
                return Err(LoketError::new(
                    ErrorCode::PermohonanTidakDitemukan,
                    format!("Nomor {a} tidak ditemukan; kosongkan bila pengaduan tidak tentang permohonan tertentu."),
                ));
            }
        }
        let reg_no = next_reg_no(tx, SERIES, now_ms)?;
        let id: i64 = tx.value(
            "INSERT INTO complaints (reg_no, name, phone, channel, about_reg_no, category, text, received_at, updated_at, operator)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9) RETURNING id",
            sql_params![&reg_no, name, phone, input.channel.as_str(), &about, input.category.as_str(), text, now_ms, &operator],
        )?;
        event(tx, id, now_ms, &operator, "received")?;
        Ok(reg_no)
    })?;
    get(db, &reg_no, now_ms)
}

/// Records the answer given to the complainant (again: a corrected answer).
pub fn answer<'c>(
    db: impl Into<Db<'c>>,
    reg_no: &str,
    text: &str,
    operator: &str,
    now_ms: i64,
) -> Result<Complaint> {
    let operator = check_operator(operator)?;
    let text = body(text, "Jawaban")?;
    let db = db.into();
    db.write(|tx| {
        let c = get(tx, reg_no, now_ms)?;
        if c.closed_at.is_some() {
            return Err(LoketError::new(
                ErrorCode::PerpindahanTidakSah,
                format!("Pengaduan {} sudah ditutup.", c.reg_no),
            ));
        }
        tx.execute(
            "UPDATE complaints SET answer = ?1, answered_at = coalesce(answered_at, ?2), updated_at = ?2 WHERE id = ?3",
            sql_params![text, now_ms, c.id],
        )?;
        event(tx, c.id, now_ms, &operator, "answered")
    })?;
    get(db, reg_no, now_ms)
}

/// Closes an answered complaint.
pub fn close<'c>(
    db: impl Into<Db<'c>>,
    reg_no: &str,
    operator: &str,
    now_ms: i64,
) -> Result<Complaint> {
    let operator = check_operator(operator)?;
    let db = db.into();
    db.write(|tx| {
        let c = get(tx, reg_no, now_ms)?;
        if c.answered_at.is_none() || c.closed_at.is_some() {
            return Err(LoketError::new(
                ErrorCode::PerpindahanTidakSah,
                format!(
                    "Pengaduan {} hanya bisa ditutup setelah dijawab, sekali.",
                    c.reg_no
                ),
            ));
        }
        tx.execute(
            "UPDATE complaints SET closed_at = ?1, updated_at = ?1 WHERE id = ?2",
            sql_params![now_ms, c.id],
        )?;
        event(tx, c.id, now_ms, &operator, "closed")
    })?;
    get(db, reg_no, now_ms)
}

/// Open complaints (oldest first), or every one newest first.
pub fn list<'c>(db: impl Into<Db<'c>>, open_only: bool, now_ms: i64) -> Result<Vec<Complaint>> {
    let db = db.into();
    let read = reader(db, now_ms)?;
    let sql = if open_only {
        format!("SELECT {COLUMNS} FROM complaints WHERE closed_at IS NULL ORDER BY received_at LIMIT 2000")
    } else {
        format!("SELECT {COLUMNS} FROM complaints ORDER BY received_at DESC LIMIT 2000")
    };
    db.query_all(&sql, &[], read)
}

/// The complaints about one request or delivery, shown on it.
pub fn about<'c>(db: impl Into<Db<'c>>, reg_no: &str, now_ms: i64) -> Result<Vec<Complaint>> {
    let db = db.into();
    let read = reader(db, now_ms)?;
    db.query_all(
        &format!("SELECT {COLUMNS} FROM complaints WHERE about_reg_no = ?1 ORDER BY received_at"),
        sql_params![reg_no.trim().to_uppercase()],
        read,
    )
}

/// Pengaduan in the daily recap: the complaints received in a range.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct ComplaintTotals {
    pub received: u32,
    pub answered: u32,
    pub answered_in_time: u32,
    pub closed: u32,
    /// Not answered yet and past the promise now.
    pub late_now: u32,
    /// Complaints that someone asked for money (the service is free).
    pub fee: u32,
}

pub fn totals<'c>(
    db: impl Into<Db<'c>>,
    start_ms: i64,
    end_ms: i64,
    now_ms: i64,
) -> Result<ComplaintTotals> {
    let db = db.into();
    let read = reader(db, now_ms)?;
    let mut t = ComplaintTotals::default();
    db.for_each(
        &format!("SELECT {COLUMNS} FROM complaints WHERE received_at >= ?1 AND received_at < ?2"),
        sql_params![start_ms, end_ms],
        |r| {
            let c = read(r)?;
            t.received += 1;
            if c.answered_at.is_some() {
                t.answered += 1;
                t.answered_in_time += u32::from(!c.late);
            } else if c.late {
                t.late_now += 1;
            }
            t.closed += u32::from(c.closed_at.is_some());
            t.fee += u32::from(c.category == ComplaintCategory::Fee);
            Ok(())
        },
    )?;
    Ok(t)
}

#[cfg(test)]
mod tests;
