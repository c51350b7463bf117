//! A request's SLA clock from its lifecycle events, and the share of
//! requests that met the promise.

use super::calendar::{business_ms, open_until};
use super::config::SlaSettings;
use crate::model::{Event, Status};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where a request's clock stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SlaState {
    /// No events (as of `now`): nothing received yet.
    NotStarted,
    /// Open and counting (in office hours).
    Running,
    /// Open and waiting on the citizen (`waiting_citizen`): not counting.
    Paused,
    /// Reached `done` within the promise.
    Met,
    /// Reached `done` after the promise ran out.
    Breached,
}

/// The colour the queue shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SlaLevel {
    /// Green: more than the warning threshold left, or finished in time.
    Ok,
    /// Amber: open with the warning threshold or less left (not yet over).
    Warning,
    /// Red: more office time counted than the promise.
    Breached,
}

/// A request's clock as of `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct SlaClock {
    pub state: SlaState,
    /// Office time counted: from the first event, without pauses, up to the
    /// first `done` (or `now` while open).
    pub elapsed_ms: i64,
    /// Target minus elapsed; negative once breached.
    pub remaining_ms: i64,
    pub level: SlaLevel,
    /// When the clock stopped (the first `done`), UTC ms.
    pub stopped_at: Option<i64>,
    /// While running inside office hours: the UTC ms until which the clock
    /// keeps counting in step with the wall clock (the current interval's
    /// close). A screen counts `remaining_ms` down on its own up to then and
    /// freezes after; `None` when the clock is not counting right now.
    pub counting_until: Option<i64>,
}

impl SlaClock {
    /// Finished: the clock stopped at an outcome.
    pub fn is_finished(&self) -> bool {
        self.stopped_at.is_some()
    }
}

/// The clock of one request from its events (in recorded order), as of
/// `now_ms`. Counting starts at the first event (received), pauses while the
/// status is `waiting_citizen` and stops at the first `done` (or `replied`,
/// should a history lack its `done`). Events after `now_ms` are not yet
/// known and are ignored.
pub fn clock_for(settings: &SlaSettings, events: &[Event], now_ms: i64) -> SlaClock {
    let target = settings.target_ms();
    let known = events.iter().take_while(|e| e.at <= now_ms).count();
    let known = &events[..known];
    if known.is_empty() {
        return SlaClock {
            state: SlaState::NotStarted,
            elapsed_ms: 0,
            remaining_ms: target,
            level: SlaLevel::Ok,
            stopped_at: None,
            counting_until: None,
        };
    }
    let mut elapsed = 0i64;
    let mut stopped_at = None;
    let mut paused = false;
    for (i, e) in known.iter().enumerate() {
        if matches!(e.to_status, Status::Done | Status::Replied) {
            stopped_at = Some(e.at);
            break;
        }
        paused = e.to_status == Status::WaitingCitizen;
        if !paused {
            let end = known.get(i + 1).map_or(now_ms, |next| next.at);
            elapsed = elapsed.saturating_add(business_ms(settings, e.at, end));
        }
    }
    let remaining = target.saturating_sub(elapsed);
    let (state, level) = match (stopped_at, paused) {
        (Some(_), _) if remaining >= 0 => (SlaState::Met, SlaLevel::Ok),
        (Some(_), _) => (SlaState::Breached, SlaLevel::Breached),
        (None, paused) => (
            if paused {
                SlaState::Paused
            } else {
                SlaState::Running
            },
            if remaining < 0 {
                SlaLevel::Breached
            } else if remaining <= settings.warning_ms() {
                SlaLevel::Warning
            } else {
                SlaLevel::Ok
            },
        ),
    };
    let counting_until = match state {
        SlaState::Running => open_until(settings, now_ms),
        _ => None,
    };
    SlaClock {
        state,
        elapsed_ms: elapsed,
        remaining_ms: remaining,
        level,
        stopped_at,
        counting_until,
    }
}

/// How well the promise was kept over a set of requests.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SlaReport {
    /// Requests considered.
    pub total: u32,
    /// Requests whose clock stopped at an outcome.
    pub finished: u32,
    /// Finished within the target.
    pub met: u32,
    /// `met / finished`, 0..1 (0 when nothing is finished).
    pub share_met: f64,
    /// Median office time to outcome of the finished requests (nearest rank:
    /// always a real request's time); `None` when nothing is finished.
    pub median_ms: Option<i64>,
    /// 90th percentile (nearest rank) of the same.
    pub p90_ms: Option<i64>,
}

/// Nearest-rank percentile of sorted values: the smallest value with at least
/// `pct`% of the values at or below it.
fn nearest_rank(sorted: &[i64], pct: usize) -> Option<i64> {
    let rank = (sorted.len() * pct).div_ceil(100).max(1);
    sorted.get(rank - 1).copied()
}

/// The report over clocks computed with the same settings: a finished
/// request met the promise when its office time to outcome is within
/// `settings`' target.
pub fn report(settings: &SlaSettings, clocks: &[SlaClock]) -> SlaReport {
    let times: Vec<i64> = clocks
        .iter()
        .filter(|c| c.is_finished())
        .map(|c| c.elapsed_ms)
        .collect();
    report_of_times(settings, clocks.len(), times)
}

/// The same report from the office times to outcome of the finished requests
/// alone, out of `total` requests: what a long recap collects instead of
/// keeping every clock.
pub fn report_of_times(settings: &SlaSettings, total: usize, mut times: Vec<i64>) -> SlaReport {
    times.sort_unstable();
    let target = settings.target_ms();
    let met = times.iter().filter(|&&t| t <= target).count();
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    SlaReport {
        total: count(total.max(times.len())),
        finished: count(times.len()),
        met: count(met),
        share_met: if times.is_empty() {
            0.0
        } else {
            met as f64 / times.len() as f64
        },
        median_ms: nearest_rank(&times, 50),
        p90_ms: nearest_rank(&times, 90),
    }
}
