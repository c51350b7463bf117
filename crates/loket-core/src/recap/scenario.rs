//! The recap tests' scenario: a Wednesday of requests registered and moved
//! through the core's own functions at set times, on either engine.

use super::*;
use crate::duplicates;
use crate::model::NewRequest;
use crate::requests::{create_request, move_request};
pub(super) const MIN: i64 = 60_000;
pub(super) const NIK: &str = "3516024512900003";

pub(super) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// UTC ms of a WIB wall-clock time in November 2026.
pub(super) fn nov(d: u32, h: u32, mi: u32) -> i64 {
    date(2026, 11, d)
        .and_hms_opt(h, mi, 0)
        .unwrap()
        .and_utc()
        .timestamp_millis()
        - 7 * 60 * MIN
}

/// Wednesday 25-11-2026, the recap's day (office 07:30–15:30 by default).
pub(super) fn wed() -> NaiveDate {
    date(2026, 11, 25)
}

/// The recaps are taken as of Thursday 26-11 12:00 WIB.
pub(super) fn now() -> i64 {
    nov(26, 12, 0)
}

/// The registration numbers of the scenario, by letter.
pub(super) struct Regs {
    pub a: String,
    pub b: String,
    pub c: String,
    pub d: String,
    pub e: String,
    pub f: String,
    pub h: String,
}

fn new(conn: Db<'_>, name: &str, phone: &str, cat: Category, op: &str, at: i64) -> String {
    let input = NewRequest {
        name: name.into(),
        phone: phone.into(),
        nik: (name == "Siti Aminah").then(|| NIK.to_owned()),
        category: Some(cat),
        ..Default::default()
    };
    create_request(conn, &input, op, at).unwrap().reg_no
}

fn mv(conn: Db<'_>, reg: &str, to: Status, outcome: Option<Outcome>, op: &str, at: i64) {
    move_request(conn, reg, to, outcome, None, op, at).unwrap();
}

/// Wednesday's requests (and one on each neighbouring day), written to `c`:
///
/// - A 09:00 (Rina), verified, done 09:20 by Budi (updated), replied 09:25: 20 min, met.
/// - F 09:10, a re-send of A, merged into A at 09:15: listed, not counted.
/// - C 10:00, asked for a re-send 10:10 (10 min counted), back Thursday
///   09:00, done 09:25 by Budi (data mismatch): 35 min, breached.
/// - D 11:00, untouched: open, past the promise by Thursday noon.
/// - E 11:00, waiting on the citizen since 11:05: open, paused at 5 min.
/// - B 15:20, ten minutes before closing, done Thursday 07:45 by Rina
///   (updated, pending sync): 10 + 15 = 25 office minutes, met.
/// - H 23:50 (Siti), after hours: still Wednesday in WIB, open.
/// - Tuesday 23:55 and Thursday 00:05 WIB: other days.
pub(super) fn scenario(c: Db<'_>) -> Regs {
    new(
        c,
        "Kemarin",
        "081200000001",
        Category::Other,
        "Rina",
        nov(24, 23, 55),
    );
    let a = new(
        c,
        "Siti Aminah",
        "081234567890",
        Category::Bpjs,
        "Rina",
        nov(25, 9, 0),
    );
    let f = new(
        c,
        "Siti Aminah",
        "081234567890",
        Category::Bpjs,
        "Rina",
        nov(25, 9, 10),
    );
    let cc = new(
        c,
        "Cahyo",
        "081200000003",
        Category::Bpjs,
        "Rina",
        nov(25, 10, 0),
    );
    let d = new(
        c,
        "Dewi",
        "081200000004",
        Category::School,
        "Rina",
        nov(25, 11, 0),
    );
    let e = new(
        c,
        "Eko",
        "081200000005",
        Category::Other,
        "Rina",
        nov(25, 11, 0),
    );
    let b = new(
        c,
        "Bayu",
        "081200000002",
        Category::Bank,
        "Rina",
        nov(25, 15, 20),
    );
    let h = new(
        c,
        "Heru",
        "081200000008",
        Category::Other,
        "Siti",
        nov(25, 23, 50),
    );
    new(
        c,
        "Besok",
        "081200000009",
        Category::Other,
        "Rina",
        nov(26, 0, 5),
    );

    mv(c, &a, Status::Verifying, None, "Rina", nov(25, 9, 5));
    duplicates::merge(c, &f, &a, Some("kirim dua kali"), "Rina", nov(25, 9, 15)).unwrap();
    mv(
        c,
        &a,
        Status::Done,
        Some(Outcome::Updated),
        "Budi",
        nov(25, 9, 20),
    );
    mv(c, &a, Status::Replied, None, "Budi", nov(25, 9, 25));
    mv(c, &cc, Status::Verifying, None, "Rina", nov(25, 10, 5));
    mv(
        c,
        &cc,
        Status::WaitingCitizen,
        None,
        "Rina",
        nov(25, 10, 10),
    );
    mv(c, &cc, Status::Verifying, None, "Budi", nov(26, 9, 0));
    mv(
        c,
        &cc,
        Status::Done,
        Some(Outcome::DataMismatch),
        "Budi",
        nov(26, 9, 25),
    );
    mv(c, &e, Status::WaitingCitizen, None, "Rina", nov(25, 11, 5));
    mv(c, &b, Status::Verifying, None, "Rina", nov(25, 15, 25));
    let pending = Some(Outcome::UpdatedPendingSync);
    mv(c, &b, Status::Done, pending, "Rina", nov(26, 7, 45));
    Regs {
        a,
        b,
        c: cc,
        d,
        e,
        f,
        h,
    }
}
