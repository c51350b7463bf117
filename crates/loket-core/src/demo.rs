//! Synthetic requests for demo folders and benchmarks.
//!
//! Names come from small pools, NIK and KK numbers follow the real structure
//! with Kab. Mojokerto district codes but random dates and serials, phone
//! numbers are random: no real person's data. The generator is seeded, so a
//! demo folder and a benchmark database are the same on every machine.
//!
//! Rows are written directly in one transaction (validation is by
//! construction), which makes a million-row benchmark database a matter of
//! seconds rather than the hours that a million `create_request` calls take.

use crate::clock;
use crate::error::Result;
use crate::model::{Category, Outcome, Status};
use crate::requests::normalize_name;
use rusqlite::{params, Connection, TransactionBehavior};
use std::collections::BTreeMap;

const GIVEN: &[&str] = &[
    "AHMAD", "SITI", "MUHAMMAD", "NUR", "DEWI", "BUDI", "SRI", "AGUS", "RINA", "EKO", "YULI",
    "HADI", "WAHYU", "INDAH", "SUGENG", "LILIK", "ENDANG", "ARIF", "FITRI", "RUDI", "ANIK", "JOKO",
    "NINING", "HERU", "TUTIK", "BAYU", "PUTRI", "DIMAS", "AYU", "RIZKY",
];
const FAMILY: &[&str] = &[
    "SANTOSO",
    "WAHYUNI",
    "HIDAYAT",
    "RAHAYU",
    "SETIAWAN",
    "LESTARI",
    "PRASETYO",
    "AMINAH",
    "KURNIAWAN",
    "SURYANI",
    "SAPUTRA",
    "HANDAYANI",
    "FAUZI",
    "WIJAYA",
    "MARLINA",
    "SUSANTO",
    "RAHMAWATI",
    "UTOMO",
    "ASTUTI",
    "NUGROHO",
];
const PROBLEMS: &[&str] = &[
    "NIK ditolak saat daftar BPJS Kesehatan, katanya belum update.",
    "Buka rekening di bank ditolak, NIK tidak ditemukan.",
    "Pendaftaran sekolah anak gagal karena NIK tidak valid.",
    "Perpanjang SIM tidak bisa, data NIK belum padan.",
    "Nama tidak ada di DPT, NIK belum aktif.",
    "NIK tidak terbaca di aplikasi, mohon dibantu.",
];

/// True when the database holds no request yet (a demo folder is seeded once).
pub fn is_empty(conn: &Connection) -> Result<bool> {
    Ok(
        conn.query_row("SELECT NOT EXISTS (SELECT 1 FROM requests)", [], |r| {
            r.get(0)
        })?,
    )
}

/// Seeds `count` synthetic requests received over the `days` days up to `now_ms`.
/// Older requests are closed with outcomes; the last hours' ones are open.
pub fn seed(conn: &mut Connection, count: u32, days: u32, now_ms: i64, seed: u64) -> Result<u32> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let span_ms = i64::from(days.max(1)) * 86_400_000;
    let start = now_ms - span_ms;
    // Spread receipts evenly, in time order, so ids follow receipt time as in real use.
    let step = (span_ms / i64::from(count.max(1))).max(1);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut counters: BTreeMap<String, i64> = BTreeMap::new();
    {
        let mut existing = tx.prepare("SELECT day, last FROM reg_counters WHERE series = 'VN'")?;
        for row in existing.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
            let (day, last) = row?;
            counters.insert(day, last);
        }
    }
    {
        let mut insert = tx.prepare(
            "INSERT INTO requests (reg_no, name, name_norm, phone, nik, kk, category, problem, status, outcome, received_at, updated_at, operator)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?;
        let mut event = tx.prepare(
            "INSERT INTO request_events (request_id, at, operator, from_status, to_status, outcome, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, '')",
        )?;
        let operators = ["DEMO OPERATOR 1", "DEMO OPERATOR 2", "DEMO OPERATOR 3"];
        for i in 0..i64::from(count) {
            let received = start + i * step + rng.i64(0..step);
            let day = clock::wib_date(received).format("%y%m%d").to_string();
            let n = counters.entry(day.clone()).or_insert(0);
            *n += 1;
            let reg_no = format!("VN-{day}-{:04}", *n);
            let name = format!(
                "{} {}",
                GIVEN[rng.usize(0..GIVEN.len())],
                FAMILY[rng.usize(0..FAMILY.len())]
            );
            let female = rng.bool();
            let nik = synthetic_nik(&mut rng, female);
            let kk = synthetic_kk(&mut rng, received);
            let phone = format!("+628{}{:08}", rng.u8(1..10), rng.u32(0..100_000_000));
            let category = Category::ALL[rng.usize(0..Category::ALL.len())];
            let age_ms = now_ms - received;
            let (status, outcome) = if age_ms < 2 * 3_600_000 {
                let open = [Status::Received, Status::Verifying, Status::WaitingCitizen];
                (open[rng.usize(0..open.len())], None)
            } else {
                let outcome = match rng.u8(0..20) {
                    0..=12 => Outcome::Updated,
                    13..=14 => Outcome::UpdatedPendingSync,
                    15 => Outcome::DuplicateNik,
                    16 => Outcome::NotRecorded,
                    17 => Outcome::DataMismatch,
                    _ => Outcome::ResendNeeded,
                };
                (Status::Replied, Some(outcome))
            };
            let finished = received + i64::from(rng.u32(5..45)) * 60_000;
            let updated = if status.is_open() { received } else { finished };
            let operator = operators[rng.usize(0..operators.len())];
            insert.execute(params![
                reg_no,
                name,
                normalize_name(&name),
                phone,
                nik,
                kk,
                category.as_str(),
                PROBLEMS[rng.usize(0..PROBLEMS.len())],
                status.as_str(),
                outcome.map(Outcome::as_str),
                received,
                updated,
                operator
            ])?;
            let id = tx.last_insert_rowid();
            event.execute(params![
                id,
                received,
                operator,
                None::<&str>,
                "received",
                None::<&str>
            ])?;
            if status != Status::Received {
                let from = if status.is_open() { "received" } else { "done" };
                event.execute(params![
                    id,
                    updated,
                    operator,
                    from,
                    status.as_str(),
                    outcome.map(Outcome::as_str)
                ])?;
            }
        }
        let mut counter = tx.prepare(
            "INSERT INTO reg_counters (series, day, last) VALUES ('VN', ?1, ?2)
             ON CONFLICT (series, day) DO UPDATE SET last = excluded.last",
        )?;
        for (day, last) in &counters {
            counter.execute(params![day, last])?;
        }
    }
    tx.commit()?;
    Ok(count)
}

fn synthetic_nik(rng: &mut fastrand::Rng, female: bool) -> String {
    let kec = rng.u8(1..19);
    let year = rng.u16(1950..2008);
    let month = rng.u8(1..13);
    let day = rng.u8(1..29) + if female { 40 } else { 0 };
    format!(
        "3516{kec:02}{day:02}{month:02}{:02}{:04}",
        year % 100,
        rng.u16(1..10000)
    )
}

fn synthetic_kk(rng: &mut fastrand::Rng, received_ms: i64) -> String {
    let kec = rng.u8(1..19);
    let recorded = clock::wib_date(received_ms - i64::from(rng.u32(30..3650)) * 86_400_000);
    format!(
        "3516{kec:02}{}{:04}",
        recorded.format("%d%m%y"),
        rng.u16(1..10000)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ident;

    #[test]
    fn seeded_numbers_pass_the_checks() -> Result<()> {
        let mut conn = crate::db::open_in_memory()?;
        let now = clock::now_ms();
        seed(&mut conn, 300, 30, now, 7)?;
        let today = clock::wib_date(now);
        let mut stmt = conn.prepare("SELECT nik, kk FROM requests")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut n = 0;
        for row in rows {
            let (nik, kk) = row?;
            let c = ident::nik::check_nik(&nik, None, None, today);
            assert!(c.valid, "demo NIK {nik} must be valid: {:?}", c.errors);
            let c = ident::kk::check_kk(&kk, today);
            assert!(c.valid, "demo KK {kk} must be valid: {:?}", c.errors);
            n += 1;
        }
        assert_eq!(n, 300, "every seeded request is stored");
        Ok(())
    }
}
