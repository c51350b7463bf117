//! The recap's totals, gathered row by row as the rows stream past, so a
//! year's recap needs only the counters and one office time per finished
//! request (for the median and the 90th percentile), not the rows.

use super::{CategoryCount, OperatorCount, OutcomeCount, RecapOptions, RecapRow, RecapSummary};
use crate::model::{Category, Outcome};
use crate::office::OfficeProfile;
use crate::sla::{self, SlaSettings};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use strum::VariantArray;

#[derive(Default)]
pub(super) struct Tally {
    total: u32,
    merged: u32,
    open: u32,
    by_outcome: [u32; 6],
    by_category: [u32; 6],
    by_operator: BTreeMap<String, OperatorCount>,
    /// Office time to outcome of each finished, counted request.
    times: Vec<i64>,
}

fn slot<T: PartialEq>(all: &[T], v: &T) -> usize {
    all.iter().position(|a| a == v).unwrap_or(0)
}

impl Tally {
    pub(super) fn add(&mut self, row: &RecapRow) {
        self.total = self.total.saturating_add(1);
        if row.merged_into.is_some() {
            self.merged = self.merged.saturating_add(1);
            return;
        }
        let c = &mut self.by_category[slot(Category::VARIANTS, &row.category)];
        *c = c.saturating_add(1);
        let finished = row.finished_at.is_some();
        if let Some(o) = row.outcome {
            let c = &mut self.by_outcome[slot(Outcome::VARIANTS, &o)];
            *c = c.saturating_add(1);
        }
        if finished {
            self.times.push(row.sla_elapsed_ms);
        } else {
            self.open = self.open.saturating_add(1);
        }
        let op = match self.by_operator.get_mut(&row.operator) {
            Some(op) => op,
            None => self
                .by_operator
                .entry(row.operator.clone())
                .or_insert_with(|| OperatorCount {
                    operator: row.operator.clone(),
                    total: 0,
                    finished: 0,
                    met: 0,
                }),
        };
        op.total = op.total.saturating_add(1);
        if finished {
            op.finished = op.finished.saturating_add(1);
            if row.sla_met == Some(true) {
                op.met = op.met.saturating_add(1);
            }
        }
    }

    pub(super) fn finish(
        self,
        settings: &SlaSettings,
        from: NaiveDate,
        to: NaiveDate,
        opts: RecapOptions,
        office: OfficeProfile,
        now_ms: i64,
    ) -> RecapSummary {
        let counted = self.total.saturating_sub(self.merged);
        RecapSummary {
            from,
            to,
            generated_at: now_ms,
            full_nik: opts.full_nik,
            office,
            target_minutes: settings.target_minutes,
            total: self.total,
            merged: self.merged,
            open: self.open,
            by_outcome: Outcome::VARIANTS
                .iter()
                .zip(self.by_outcome)
                .map(|(&outcome, count)| OutcomeCount { outcome, count })
                .collect(),
            by_category: Category::VARIANTS
                .iter()
                .zip(self.by_category)
                .map(|(&category, count)| CategoryCount { category, count })
                .collect(),
            by_operator: self.by_operator.into_values().collect(),
            sla: sla::report_of_times(settings, counted as usize, self.times),
        }
    }
}
