//! Reading and writing deliveries: registration, moves with what each step
//! records (courier and tracking number, receiver, COD amount), the list
//! with each delivery's next step and whether it is late, and the day's
//! hand-over list for the post officer to sign.

use super::promise::{self, Promises};
use super::{
    villages, Delivery, DeliveryDetail, DeliveryEvent, DeliveryQuery, DocType, MoveDetails,
    NewDelivery, Step,
};
use crate::base::{check_operator, next_reg_no, normalize_name};
use crate::db::{Db, Row};
use crate::error::{ErrorCode, LoketError, Result};
use crate::phone;
use crate::sla::SlaSettings;
use crate::sql_params;
use chrono::NaiveDate;

const COLUMNS: &str =
    "d.id, d.reg_no, d.name, d.phone, d.village_code, d.address, d.documents, d.note, d.step,
    d.requested_at, d.updated_at, d.operator, d.courier, d.tracking_no, d.receiver, d.cod_amount,
    (SELECT max(at) FROM delivery_events e WHERE e.delivery_id = d.id)";
const MAX_TEXT: usize = 300;

fn invalid(msg: impl Into<String>) -> LoketError {
    LoketError::new(ErrorCode::MasukanTidakValid, msg)
}

fn text(value: &str, what: &str, required: bool) -> Result<String> {
    let t = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if required && t.is_empty() {
        return Err(invalid(format!("{what} wajib diisi.")));
    }
    if t.chars().count() > MAX_TEXT {
        return Err(LoketError::new(
            ErrorCode::TeksTerlaluPanjang,
            format!("{what} terlalu panjang (maksimal {MAX_TEXT} huruf)."),
        ));
    }
    Ok(t)
}

/// The context every read needs: the office calendar and the promises.
struct Clocks {
    office: SlaSettings,
    promises: Promises,
    now: i64,
}

impl Clocks {
    fn load(db: Db<'_>, now: i64) -> Result<Clocks> {
        Ok(Clocks {
            office: crate::sla::load_settings(db)?,
            promises: promise::load(db)?,
            now,
        })
    }
}

fn from_row(r: &Row<'_>, c: &Clocks) -> Result<Delivery> {
    let village_code: String = r.get(4)?;
    let docs: String = r.get(6)?;
    let step_word: String = r.get(8)?;
    let step = Step::parse(&step_word).unwrap_or(Step::Registered);
    let updated_at: i64 = r.get(10)?;
    let since: i64 = r.get::<Option<i64>>(16)?.unwrap_or(updated_at);
    let due_at = promise::due(&c.promises, &c.office, step, since);
    let village = villages::by_code(&village_code)
        .cloned()
        .unwrap_or(villages::Village {
            code: village_code,
            name: String::new(),
            district: String::new(),
        });
    Ok(Delivery {
        id: r.get(0)?,
        reg_no: r.get(1)?,
        name: r.get(2)?,
        phone: r.get(3)?,
        village,
        address: r.get(5)?,
        documents: docs
            .split(',')
            .filter_map(|w| DocType::parse(w).ok())
            .collect(),
        note: r.get(7)?,
        step,
        requested_at: r.get(9)?,
        updated_at,
        operator: r.get(11)?,
        courier: r.get(12)?,
        tracking_no: r.get(13)?,
        receiver: r.get(14)?,
        cod_amount: r.get(15)?,
        step_since: since,
        next_step: step
            .next_steps()
            .first()
            .copied()
            .filter(|_| due_at.is_some()),
        due_at,
        late: due_at.is_some_and(|d| c.now > d),
    })
}

fn get(db: Db<'_>, reg_no: &str, c: &Clocks) -> Result<Delivery> {
    let key = reg_no.trim().to_uppercase();
    db.query_one(
        &format!("SELECT {COLUMNS} FROM deliveries d WHERE d.reg_no = ?1"),
        sql_params![&key],
        |r| from_row(r, c),
        || {
            LoketError::new(
                ErrorCode::PermohonanTidakDitemukan,
                format!("Kiriman POS KETANMU {key} tidak ditemukan."),
            )
        },
    )
}

fn insert_event(
    db: Db<'_>,
    id: i64,
    at: i64,
    op: &str,
    from: Option<Step>,
    to: Step,
    detail: &str,
) -> Result<()> {
    db.execute(
        "INSERT INTO delivery_events (delivery_id, at, operator, from_step, to_step, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        sql_params![id, at, op, from.map(Step::as_str), to.as_str(), detail],
    )?;
    Ok(())
}

/// Registers a delivery (the applicant's online request entered at the desk).
pub fn create<'c>(
    db: impl Into<Db<'c>>,
    input: &NewDelivery,
    operator: &str,
    now_ms: i64,
) -> Result<DeliveryDetail> {
    let operator = check_operator(operator)?;
    let name = normalize_name(&text(&input.name, "Nama pemohon", true)?);
    let phone = phone::normalize_phone(&input.phone)?;
    let village = villages::by_code(&input.village_code)?;
    let address = text(&input.address, "Alamat (jalan, nomor, RT/RW)", true)?;
    let note = text(&input.note, "Catatan", false)?;
    let mut docs: Vec<DocType> = Vec::new();
    for d in &input.documents {
        if !docs.contains(d) {
            docs.push(*d);
        }
    }
    if docs.is_empty() {
        return Err(invalid(
            "Pilih dokumen yang dikirim (KK, KTP-el, KIA, akta, surat pindah atau lainnya).",
        ));
    }
    if docs.contains(&DocType::Other) && note.is_empty() {
        return Err(invalid("Dokumen \"lainnya\": tulis namanya di catatan."));
    }
    let requested_at = input.requested_at.unwrap_or(now_ms).min(now_ms);
    let words: Vec<&str> = docs.iter().map(|d| d.as_str()).collect();
    let db = db.into();
    let reg_no = db.write(|tx| {
        let reg_no = next_reg_no(tx, super::SERIES, now_ms)?;
        let id: i64 = tx.value(
            "INSERT INTO deliveries (reg_no, name, phone, village_code, address, documents, note, step,
                                     requested_at, updated_at, operator)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'registered', ?8, ?9, ?10) RETURNING id",
            sql_params![
                &reg_no,
                name,
                phone,
                village.code.as_str(),
                address,
                words.join(","),
                note,
                requested_at,
                now_ms,
                &operator
            ],
        )?;
        insert_event(tx, id, now_ms, &operator, None, Step::Registered, "")?;
        Ok(reg_no)
    })?;
    detail(db, &reg_no, now_ms)
}

/// Moves a delivery to its next step, recording what that step needs.
pub fn move_to<'c>(
    db: impl Into<Db<'c>>,
    reg_no: &str,
    to: Step,
    details: &MoveDetails,
    operator: &str,
    now_ms: i64,
) -> Result<DeliveryDetail> {
    let operator = check_operator(operator)?;
    let db = db.into();
    let c = Clocks::load(db, now_ms)?;
    db.write(|tx| step_to(tx, reg_no, to, details, &operator, now_ms, &c))?;
    detail(db, reg_no, now_ms)
}

/// The writes of `move_to`, inside its transaction.
fn step_to(
    tx: Db<'_>,
    reg_no: &str,
    to: Step,
    details: &MoveDetails,
    operator: &str,
    now_ms: i64,
    c: &Clocks,
) -> Result<()> {
    let d = get(tx, reg_no, c)?;
    if !d.step.next_steps().contains(&to) {
        let allowed: Vec<&str> = d.step.next_steps().iter().map(|s| s.label()).collect();
        return Err(LoketError::new(
            ErrorCode::PerpindahanTidakSah,
            format!(
                "{} sedang \"{}\"; tidak bisa langsung ke \"{}\". Berikutnya: {}.",
                d.reg_no,
                d.step.label(),
                to.label(),
                if allowed.is_empty() {
                    "selesai".to_owned()
                } else {
                    allowed.join(" atau ")
                }
            ),
        ));
    }
    let opt = |v: &Option<String>, what: &str| -> Result<Option<String>> {
        Ok(Some(text(v.as_deref().unwrap_or(""), what, false)?).filter(|s| !s.is_empty()))
    };
    let note = opt(&details.note, "Catatan")?;
    let mut detail_text = note.clone().unwrap_or_default();
    match to {
        Step::HandedOver => {
            let courier = opt(&details.courier, "Kurir")?
                .ok_or_else(|| invalid("Isi kurir (mis. Pos Indonesia, J&T)."))?;
            let resi = opt(&details.tracking_no, "Nomor resi")?
                .ok_or_else(|| invalid("Isi nomor resi dari petugas pos."))?;
            tx.execute(
                "UPDATE deliveries SET courier = ?1, tracking_no = ?2 WHERE id = ?3",
                sql_params![&courier, &resi, d.id],
            )?;
            detail_text = format!("{courier} {resi}");
        }
        Step::Delivered => {
            let receiver = opt(&details.receiver, "Penerima")?
                .ok_or_else(|| invalid("Isi nama penerima seperti di buku pengambilan."))?;
            tx.execute(
                "UPDATE deliveries SET receiver = ?1 WHERE id = ?2",
                sql_params![receiver, d.id],
            )?;
            detail_text = "penerima dicatat".to_owned();
        }
        Step::Paid => {
            let amount = details
                .cod_amount
                .filter(|a| (0..=10_000_000).contains(a))
                .ok_or_else(|| {
                    invalid("Isi jumlah COD yang dibayar (rupiah, 0 sampai 10.000.000).")
                })?;
            tx.execute(
                "UPDATE deliveries SET cod_amount = ?1 WHERE id = ?2",
                sql_params![amount, d.id],
            )?;
            detail_text = format!("COD Rp{amount}");
        }
        Step::Failed if note.is_none() => {
            return Err(invalid(
                "Tulis sebab gagal diantar (alamat tidak ditemukan, penerima tidak ada, …).",
            ));
        }
        _ => {}
    }
    tx.execute(
        "UPDATE deliveries SET step = ?1, updated_at = ?2 WHERE id = ?3",
        sql_params![to.as_str(), now_ms, d.id],
    )?;
    insert_event(tx, d.id, now_ms, operator, Some(d.step), to, &detail_text)
}

/// One delivery with its history.
pub fn detail<'c>(db: impl Into<Db<'c>>, reg_no: &str, now_ms: i64) -> Result<DeliveryDetail> {
    let db = db.into();
    let c = Clocks::load(db, now_ms)?;
    let delivery = get(db, reg_no, &c)?;
    let events = db.query_all(
        "SELECT at, operator, from_step, to_step, detail FROM delivery_events WHERE delivery_id = ?1 ORDER BY id",
        sql_params![delivery.id],
        |r| {
            let from: Option<String> = r.get(2)?;
            let to: String = r.get(3)?;
            Ok(DeliveryEvent {
                at: r.get(0)?,
                operator: r.get(1)?,
                from_step: from.and_then(|f| Step::parse(&f).ok()),
                to_step: Step::parse(&to).unwrap_or(Step::Registered),
                detail: r.get(4)?,
            })
        },
    )?;
    let registered_at = events.first().map_or(delivery.updated_at, |e| e.at);
    let registration_in_time =
        promise::registration_due(&c.promises, &c.office, delivery.requested_at)
            .is_none_or(|due| registered_at <= due);
    Ok(DeliveryDetail {
        delivery,
        events,
        registration_in_time,
    })
}

/// Open deliveries (oldest first), or all, narrowed by the query.
pub fn list<'c>(db: impl Into<Db<'c>>, q: &DeliveryQuery, now_ms: i64) -> Result<Vec<Delivery>> {
    let db = db.into();
    let c = Clocks::load(db, now_ms)?;
    let search = q.search.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let pattern = search.map(|s| format!("%{}%", s.to_uppercase()));
    let limit = q.limit.unwrap_or(500).clamp(1, 5000);
    // The pattern is upper case and so are the columns compared with it
    // (SQLite's LIKE ignores ASCII case; PostgreSQL's does not).
    let rows = db.query_all(
        &format!(
            "SELECT {COLUMNS} FROM deliveries d
             WHERE (?1 OR d.step <> 'paid')
               AND (CAST(?2 AS TEXT) IS NULL OR upper(d.reg_no) LIKE ?2
                    OR upper(d.name) LIKE ?2 OR upper(d.tracking_no) LIKE ?2)
             ORDER BY d.requested_at LIMIT ?3"
        ),
        sql_params![q.include_done || search.is_some(), pattern, limit],
        |r| from_row(r, &c),
    )?;
    Ok(rows
        .into_iter()
        .filter(|d| !q.late_only || d.late)
        .collect())
}

/// The packages handed to the post officer on a WIB day, for the hand-over
/// list (daftar serah terima) the officer signs.
pub fn handover_list<'c>(
    db: impl Into<Db<'c>>,
    day: NaiveDate,
    now_ms: i64,
) -> Result<Vec<Delivery>> {
    let db = db.into();
    let c = Clocks::load(db, now_ms)?;
    let (start, end) = crate::clock::range_ms(day, day)?;
    db.query_all(
        &format!(
            "SELECT {COLUMNS} FROM deliveries d
             WHERE d.id IN (SELECT delivery_id FROM delivery_events WHERE to_step = 'handed_over' AND at >= ?1 AND at < ?2)
             ORDER BY d.reg_no"
        ),
        sql_params![start, end],
        |r| from_row(r, &c),
    )
}
