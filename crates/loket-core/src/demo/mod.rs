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

use crate::base::normalize_name;
use crate::clock;
use crate::db::Db;
use crate::error::Result;
use crate::model::{Category, Outcome, Status};
use crate::sql_params;
use std::collections::BTreeMap;
use strum::VariantArray;

mod history;

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
pub fn is_empty<'c>(db: impl Into<Db<'c>>) -> Result<bool> {
    db.into()
        .value("SELECT NOT EXISTS (SELECT 1 FROM requests)", &[])
}

/// The operators of demo data.
const OPERATORS: &[&str] = &[
    "DEMO OPERATOR 1",
    "DEMO OPERATOR 2",
    "DEMO OPERATOR 3",
    "DEMO OPERATOR 4",
];

/// Seeds `count` synthetic requests received over the `days` days up to
/// `now_ms`, each with a lifecycle placed in office hours (`history.rs`):
/// most done within the promise and replied, some paused on a re-send, some
/// late, the most recent still open; about 2% are re-sends merged into the
/// request before them, as `duplicates::merge` records them.
pub fn seed<'c>(
    db: impl Into<Db<'c>>,
    count: u32,
    days: u32,
    now_ms: i64,
    seed: u64,
) -> Result<u32> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let settings = crate::sla::SlaSettings::default();
    let span_ms = i64::from(days.max(1)) * 86_400_000;
    let start = now_ms - span_ms;
    // Spread receipts evenly, in time order, so ids follow receipt time as in real use.
    let step = (span_ms / i64::from(count.max(1))).max(1);
    db.into().write(|tx| {
        let mut counters: BTreeMap<String, i64> = tx
            .query_all(
                "SELECT day, last FROM reg_counters WHERE series = 'VN'",
                &[],
                |r| Ok((r.get::<String>(0)?, r.get::<i64>(1)?)),
            )?
            .into_iter()
            .collect();
        // The previous request, which a re-send repeats: (id, reg_no, person).
        let mut previous: Option<(i64, String, Person)> = None;
        for i in 0..i64::from(count) {
            let received = history::daytime(start + i * step + rng.i64(0..step)).min(now_ms);
            let day = clock::wib_date(received).format("%y%m%d").to_string();
            let n = counters.entry(day.clone()).or_insert(0);
            *n += 1;
            let reg_no = format!("VN-{day}-{:04}", *n);
            let registrar = rng.usize(0..OPERATORS.len());
            let resend_of = previous.take().filter(|_| rng.u8(0..50) == 0);
            let (person, steps, merged_at) = match &resend_of {
                Some((_, _, p)) => {
                    let (steps, at) =
                        history::merged(&mut rng, &settings, received, registrar, now_ms);
                    (p.clone(), steps, at)
                }
                None => {
                    let steps = history::lifecycle(
                        &mut rng,
                        &settings,
                        received,
                        registrar,
                        OPERATORS.len(),
                        now_ms,
                    );
                    (Person::random(&mut rng, received), steps, None)
                }
            };
            let last = steps
                .last()
                .map_or((Status::Received, received), |s| (s.to, s.at));
            let outcome = steps.iter().find_map(|s| s.outcome);
            let id: i64 = tx.value(
                "INSERT INTO requests (reg_no, name, name_norm, phone, nik, kk, category, problem, status, outcome, received_at, updated_at, operator)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
                 RETURNING id",
                sql_params![
                    &reg_no,
                    &person.name,
                    normalize_name(&person.name),
                    &person.phone,
                    &person.nik,
                    &person.kk,
                    person.category.as_str(),
                    PROBLEMS[rng.usize(0..PROBLEMS.len())],
                    last.0.as_str(),
                    outcome.map(Outcome::as_str),
                    received,
                    last.1,
                    OPERATORS[registrar]
                ],
            )?;
            for s in &steps {
                let note = match (&resend_of, s.to) {
                    (Some((_, into, _)), Status::Done) => {
                        format!("Digabung ke {into} sebagai kiriman ulang")
                    }
                    _ => String::new(),
                };
                tx.execute(
                    "INSERT INTO request_events (request_id, at, operator, from_status, to_status, outcome, note)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    sql_params![
                        id,
                        s.at,
                        OPERATORS[s.operator],
                        s.from.map(Status::as_str),
                        s.to.as_str(),
                        s.outcome.map(Outcome::as_str),
                        note
                    ],
                )?;
            }
            // The target's "Digabungkan dari" note is left out: its events
            // were written already, and events stay in time order.
            if let (Some((into_id, _, _)), Some(at)) = (&resend_of, merged_at) {
                tx.execute(
                    "INSERT INTO request_merges (request_id, into_id, at, operator, reason)
                     VALUES (?1, ?2, ?3, ?4, 'kiriman ulang (contoh)')",
                    sql_params![id, *into_id, at, OPERATORS[registrar]],
                )?;
            }
            if resend_of.is_none() {
                previous = Some((id, reg_no, person));
            }
        }
        for (day, last) in &counters {
            tx.execute(
                "INSERT INTO reg_counters (series, day, last) VALUES ('VN', ?1, ?2)
                 ON CONFLICT (series, day) DO UPDATE SET last = excluded.last",
                sql_params![day, *last],
            )?;
        }
        Ok(count)
    })
}

/// The citizen of a synthetic request.
#[derive(Clone)]
struct Person {
    name: String,
    phone: String,
    nik: String,
    kk: String,
    category: Category,
}

impl Person {
    fn random(rng: &mut fastrand::Rng, received: i64) -> Person {
        let name = format!(
            "{} {}",
            GIVEN[rng.usize(0..GIVEN.len())],
            FAMILY[rng.usize(0..FAMILY.len())]
        );
        let female = rng.bool();
        Person {
            name,
            nik: synthetic_nik(rng, female),
            kk: synthetic_kk(rng, received),
            phone: format!("+628{}{:08}", rng.u8(1..10), rng.u32(0..100_000_000)),
            category: Category::VARIANTS[rng.usize(0..Category::VARIANTS.len())],
        }
    }
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
mod tests;
