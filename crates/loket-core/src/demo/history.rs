//! Synthetic lifecycles that look like an office's: WhatsApp messages arrive
//! at any hour (mostly in the day), operators pick them up in office hours,
//! most finish within the 30-minute promise, some wait days for a re-send,
//! some are late, most get their WhatsApp reply. Reports and benchmarks over
//! demo data then measure what real data would cost (pauses, replies and
//! several events per request), not a two-event caricature.
//!
//! Work is placed in office time with the default SLA calendar
//! (`sla::after_office_ms`), so a request received on Saturday is verified on
//! Monday morning, and its clock reads what an operator's would.

use crate::model::{Outcome, Status};
use crate::sla::{after_office_ms, SlaSettings};

const MIN: i64 = 60_000;
const HOUR: i64 = 60 * MIN;
const DAY: i64 = 24 * HOUR;
const WIB: i64 = 7 * HOUR;

/// One lifecycle event of a synthetic request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Step {
    pub at: i64,
    pub from: Option<Status>,
    pub to: Status,
    pub outcome: Option<Outcome>,
    /// Index into the operator pool.
    pub operator: usize,
}

/// Moves a uniformly spread instant within its WIB day so that a day's
/// messages follow a day's rhythm: 4% from 00:00 to 06:00, 88% from 06:00 to
/// 21:00, 8% from 21:00 to midnight. The mapping is increasing, so instants
/// keep their order (ids follow receipt time, as in real use).
pub(super) fn daytime(ms: i64) -> i64 {
    let local = ms + WIB;
    let day = local.div_euclid(DAY) * DAY;
    let f = (local - day) as f64 / DAY as f64;
    // (share of the day's messages, hour it reaches) breakpoints.
    let points = [(0.0, 0.0), (0.04, 6.0), (0.92, 21.0), (1.0, 24.0)];
    let mut hour = 24.0;
    for w in points.windows(2) {
        let ((f0, h0), (f1, h1)) = (w[0], w[1]);
        if f < f1 {
            hour = h0 + (f - f0) / (f1 - f0) * (h1 - h0);
            break;
        }
    }
    day + (hour * HOUR as f64) as i64 - WIB
}

fn office(settings: &SlaSettings, from: i64, minutes: i64) -> i64 {
    // Default office hours always lie within the horizon; fall back to wall time.
    after_office_ms(settings, from, minutes * MIN).unwrap_or(from + minutes * MIN)
}

fn outcome(rng: &mut fastrand::Rng) -> Outcome {
    match rng.u8(0..20) {
        0..=12 => Outcome::Updated,
        13..=14 => Outcome::UpdatedPendingSync,
        15 => Outcome::DuplicateNik,
        16 => Outcome::NotRecorded,
        17 => Outcome::DataMismatch,
        _ => Outcome::ResendNeeded,
    }
}

/// The events of a request received at `received` by operator `registrar`,
/// as known at `now_ms` (later ones are cut off, leaving it open).
pub(super) fn lifecycle(
    rng: &mut fastrand::Rng,
    settings: &SlaSettings,
    received: i64,
    registrar: usize,
    operators: usize,
    now_ms: i64,
) -> Vec<Step> {
    use Status::*;
    let mut steps = vec![Step {
        at: received,
        from: None,
        to: Received,
        outcome: None,
        operator: registrar,
    }];
    // Most requests are closed by whoever registered them.
    let worker = if rng.u8(0..10) < 7 {
        registrar
    } else {
        rng.usize(0..operators)
    };
    let mut push = |at: i64, to: Status, outcome: Option<Outcome>, operator: usize| {
        let from = steps.last().map(|s| s.to);
        steps.push(Step {
            at,
            from,
            to,
            outcome,
            operator,
        });
    };
    let mut t = office(settings, received, rng.i64(1..8));
    push(t, Verifying, None, worker);
    // Office minutes of work to the outcome: mostly within the promise.
    let mut work = match rng.u8(0..100) {
        0..=74 => rng.i64(3..26),
        75..=91 => rng.i64(26..46),
        _ => rng.i64(46..181),
    };
    if rng.u8(0..100) < 12 {
        // Asked for a re-send; the citizen answers minutes to days later.
        let asked = rng.i64(2..work.max(3));
        work = (work - asked).max(2);
        t = office(settings, t, asked);
        push(t, WaitingCitizen, None, worker);
        let answered = t + rng.i64(10 * MIN..3 * DAY);
        t = office(settings, answered, rng.i64(1..10));
        push(t, Verifying, None, worker);
    }
    t = office(settings, t, work);
    push(t, Done, Some(outcome(rng)), worker);
    if rng.u8(0..100) < 85 {
        t += rng.i64(MIN..15 * MIN);
        push(t, Replied, None, worker);
    }
    steps.retain(|s| s.at <= now_ms);
    steps
}

/// A re-send merged into the request before it, a few office minutes after
/// it arrived (if that is already known at `now_ms`).
pub(super) fn merged(
    rng: &mut fastrand::Rng,
    settings: &SlaSettings,
    received: i64,
    operator: usize,
    now_ms: i64,
) -> (Vec<Step>, Option<i64>) {
    let mut steps = vec![Step {
        at: received,
        from: None,
        to: Status::Received,
        outcome: None,
        operator,
    }];
    let at = office(settings, received, rng.i64(1..10));
    if at > now_ms {
        return (steps, None);
    }
    steps.push(Step {
        at,
        from: Some(Status::Received),
        to: Status::Done,
        outcome: None,
        operator,
    });
    (steps, Some(at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn daytime_keeps_order_and_the_day() {
        let day0 = 20_417 * DAY - WIB; // a WIB midnight
        let mut last = i64::MIN;
        for i in 0..1440 {
            let t = daytime(day0 + i * MIN);
            assert!(t >= last, "increasing");
            assert!((day0..day0 + DAY).contains(&t), "same WIB day");
            last = t;
        }
        assert_eq!(daytime(day0), day0, "midnight stays");
        // 4% of the day's messages arrive before 06:00.
        let early = daytime(day0 + DAY * 4 / 100);
        assert!(
            (early - day0 - 6 * HOUR).abs() < MIN,
            "{}",
            (early - day0) / MIN
        );
        let noon = (daytime(day0 + DAY / 2) - day0) / MIN;
        assert!(
            (13 * 60..14 * 60).contains(&noon),
            "the day's middle message at {noon} min"
        );
    }
}
