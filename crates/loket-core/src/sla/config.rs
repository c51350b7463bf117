//! SLA settings: office hours per weekday, holidays, the promise and its
//! warning threshold, stored as JSON in the `settings` table.

use crate::db::Db;
use crate::error::{ErrorCode, LoketError, Result};
use crate::settings;
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

/// The `settings` key holding the SLA settings as JSON.
pub const KEY_SLA: &str = "sla_settings";

const MAX_TARGET_MINUTES: u32 = 1440;
const MAX_INTERVALS_PER_DAY: usize = 8;
const MAX_HOLIDAYS: usize = 1000;

/// Indonesian weekday names, Monday first, for messages.
pub(crate) const WEEKDAY_NAMES: [&str; 7] = [
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
];

/// A time of day in WIB as minutes after midnight, `0..=1440` (`24:00` is the
/// end of the day). Serialised as `"HH:MM"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay(u16);

impl TimeOfDay {
    /// `None` unless `h:m` is a time of day (or exactly `24:00`).
    pub fn hm(h: u16, m: u16) -> Option<Self> {
        (m < 60 && (h < 24 || (h == 24 && m == 0))).then_some(Self(h * 60 + m))
    }

    /// Minutes after midnight.
    pub fn minutes(self) -> u16 {
        self.0
    }

    /// Milliseconds after midnight.
    pub fn ms(self) -> i64 {
        i64::from(self.0) * 60_000
    }

    /// Parses `"HH:MM"` (or `"H:MM"`).
    pub fn parse(s: &str) -> Option<Self> {
        let (h, m) = s.trim().split_once(':')?;
        let digits = |p: &str, max_len| {
            (!p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse::<u16>().ok())
                .flatten()
        };
        if m.len() != 2 {
            return None;
        }
        Self::hm(digits(h, 2)?, digits(m, 2)?)
    }
}

impl std::fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl Serialize for TimeOfDay {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TimeOfDay {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        TimeOfDay::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "jam tidak valid: \"{}\" (tulis seperti 07:30)",
                s.chars().take(20).collect::<String>()
            ))
        })
    }
}

/// One stretch of opening time in a day, WIB: `open` inclusive to `close`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OpenInterval {
    #[ts(type = "string")]
    pub open: TimeOfDay,
    #[ts(type = "string")]
    pub close: TimeOfDay,
}

impl OpenInterval {
    /// `None` if either end is not a time of day.
    pub fn new(open: (u16, u16), close: (u16, u16)) -> Option<Self> {
        Some(Self {
            open: TimeOfDay::hm(open.0, open.1)?,
            close: TimeOfDay::hm(close.0, close.1)?,
        })
    }

    /// Length in milliseconds (0 for a malformed, reversed interval).
    pub fn len_ms(self) -> i64 {
        (self.close.ms() - self.open.ms()).max(0)
    }
}

/// When the office is open, in WIB: intervals per weekday and closed dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct OfficeHours {
    pub monday: Vec<OpenInterval>,
    pub tuesday: Vec<OpenInterval>,
    pub wednesday: Vec<OpenInterval>,
    pub thursday: Vec<OpenInterval>,
    pub friday: Vec<OpenInterval>,
    pub saturday: Vec<OpenInterval>,
    pub sunday: Vec<OpenInterval>,
    /// Public holidays and cuti bersama: closed all day (`YYYY-MM-DD`, WIB).
    #[ts(type = "string[]")]
    pub holidays: Vec<NaiveDate>,
}

impl OfficeHours {
    /// The intervals of a weekday, `0` = Monday .. `6` = Sunday.
    pub fn day(&self, weekday_mon0: usize) -> &[OpenInterval] {
        match weekday_mon0 {
            0 => &self.monday,
            1 => &self.tuesday,
            2 => &self.wednesday,
            3 => &self.thursday,
            4 => &self.friday,
            5 => &self.saturday,
            _ => &self.sunday,
        }
    }

    fn day_mut(&mut self, weekday_mon0: usize) -> &mut Vec<OpenInterval> {
        match weekday_mon0 {
            0 => &mut self.monday,
            1 => &mut self.tuesday,
            2 => &mut self.wednesday,
            3 => &mut self.thursday,
            4 => &mut self.friday,
            5 => &mut self.saturday,
            _ => &mut self.sunday,
        }
    }
}

impl Default for OfficeHours {
    /// Defaults **to be confirmed by the office**: Monday–Thursday
    /// 07:30–15:30, Friday (Jumat) 07:30–14:30, Saturday and Sunday closed, no
    /// holidays (the year's list is entered in the settings).
    fn default() -> Self {
        let iv = |open, close| {
            OpenInterval::new(open, close)
                .into_iter()
                .collect::<Vec<_>>()
        };
        let mon_thu = || iv((7, 30), (15, 30));
        Self {
            monday: mon_thu(),
            tuesday: mon_thu(),
            wednesday: mon_thu(),
            thursday: mon_thu(),
            friday: iv((7, 30), (14, 30)),
            saturday: Vec::new(),
            sunday: Vec::new(),
            holidays: Vec::new(),
        }
    }
}

/// Everything the SLA clock needs: the calendar, the promise, the warning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct SlaSettings {
    pub office_hours: OfficeHours,
    /// The promise, in office minutes (default 30; 1–1440).
    pub target_minutes: u32,
    /// Amber when this many office minutes or fewer are left (default 10;
    /// below the target).
    pub warning_minutes: u32,
}

impl Default for SlaSettings {
    fn default() -> Self {
        Self {
            office_hours: OfficeHours::default(),
            target_minutes: 30,
            warning_minutes: 10,
        }
    }
}

fn invalid(message: String) -> LoketError {
    LoketError::new(ErrorCode::MasukanTidakValid, message)
}

impl SlaSettings {
    pub fn target_ms(&self) -> i64 {
        i64::from(self.target_minutes) * 60_000
    }

    pub fn warning_ms(&self) -> i64 {
        i64::from(self.warning_minutes) * 60_000
    }

    /// A copy with each day's intervals and the holidays sorted, duplicate
    /// holidays removed, then checked: intervals well-formed and not
    /// overlapping, some opening time in the week, target 1–1440 minutes,
    /// warning below the target. Refusals are `masukan_tidak_valid` with an
    /// Indonesian message.
    pub fn validated(&self) -> Result<SlaSettings> {
        let mut s = self.clone();
        if !(1..=MAX_TARGET_MINUTES).contains(&s.target_minutes) {
            return Err(invalid(format!(
                "Target waktu layanan harus 1 sampai {MAX_TARGET_MINUTES} menit (diisi {}).",
                s.target_minutes
            )));
        }
        if s.warning_minutes >= s.target_minutes {
            return Err(invalid(format!(
                "Batas peringatan ({} menit) harus lebih kecil dari target ({} menit).",
                s.warning_minutes, s.target_minutes
            )));
        }
        let mut week_ms = 0;
        for (w, name) in WEEKDAY_NAMES.iter().enumerate() {
            let day = s.office_hours.day_mut(w);
            if day.len() > MAX_INTERVALS_PER_DAY {
                return Err(invalid(format!(
                    "Hari {name}: terlalu banyak rentang jam layanan (maksimal {MAX_INTERVALS_PER_DAY})."
                )));
            }
            day.sort_by_key(|iv| (iv.open, iv.close));
            for iv in day.iter() {
                if iv.open >= iv.close {
                    return Err(invalid(format!(
                        "Hari {name}: jam buka {} harus sebelum jam tutup {}.",
                        iv.open, iv.close
                    )));
                }
                week_ms += iv.len_ms();
            }
            if let Some(pair) = day.windows(2).find(|p| p[1].open < p[0].close) {
                return Err(invalid(format!(
                    "Hari {name}: rentang jam {}–{} dan {}–{} bertumpuk.",
                    pair[0].open, pair[0].close, pair[1].open, pair[1].close
                )));
            }
        }
        if week_ms == 0 {
            return Err(invalid(
                "Jam layanan kosong: isi jam buka untuk minimal satu hari.".to_owned(),
            ));
        }
        let holidays = &mut s.office_hours.holidays;
        holidays.sort_unstable();
        holidays.dedup();
        if holidays.len() > MAX_HOLIDAYS {
            return Err(invalid(format!(
                "Daftar hari libur terlalu panjang (maksimal {MAX_HOLIDAYS} tanggal)."
            )));
        }
        Ok(s)
    }
}

/// Parses and validates settings JSON (as stored, or as sent by the UI).
pub fn parse_settings(json: &str) -> Result<SlaSettings> {
    let s: SlaSettings = serde_json::from_str(json).map_err(|e| {
        invalid(format!(
            "Pengaturan waktu layanan tidak bisa dibaca ({e}). Periksa lalu simpan ulang pengaturan."
        ))
    })?;
    s.validated().map_err(|e| {
        invalid(format!(
            "Pengaturan waktu layanan tidak sah: {} Simpan ulang pengaturan.",
            e.message
        ))
    })
}

/// The stored SLA settings, or the defaults when none were saved. A stored
/// value that does not parse or validate is `masukan_tidak_valid`.
pub fn load_settings<'c>(db: impl Into<Db<'c>>) -> Result<SlaSettings> {
    match settings::get(db, KEY_SLA)? {
        None => Ok(SlaSettings::default()),
        Some(json) => parse_settings(&json),
    }
}

/// Validates and stores the SLA settings (normalised: sorted intervals and
/// holidays). Invalid settings are refused and nothing is written.
pub fn save_settings<'c>(db: impl Into<Db<'c>>, s: &SlaSettings) -> Result<()> {
    let clean = s.validated()?;
    let json = serde_json::to_string(&clean)
        .map_err(|e| invalid(format!("Pengaturan waktu layanan gagal disimpan: {e}")))?;
    settings::set(db, KEY_SLA, &json)
}
