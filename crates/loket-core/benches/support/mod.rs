//! Timing helpers shared by the benchmarks that print numbers.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

use std::time::Instant;

/// The value at fraction `p` of a sorted sample (nearest rank).
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

/// Runs `f(i)` for `i` in `0..n`, timing each call; returns (p50, p95) in ms.
pub fn time<F: FnMut(usize)>(n: usize, mut f: F) -> (f64, f64) {
    let mut v = Vec::with_capacity(n);
    for i in 0..n {
        let t = Instant::now();
        f(i);
        v.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    (percentile(&v, 0.5), percentile(&v, 0.95))
}

/// `LOKET_BENCH_ROWS`, or `default`.
pub fn rows(default: u32) -> u32 {
    std::env::var("LOKET_BENCH_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The reference every bench reports against, measured in the same run: a
/// primary-key lookup of one request per id; returns (p50, p95) in ms.
pub fn reference(conn: &rusqlite::Connection, ids: &[i64]) -> (f64, f64) {
    time(ids.len(), |i| {
        let _: String = conn
            .query_row("SELECT reg_no FROM requests WHERE id = ?1", [ids[i]], |r| {
                r.get(0)
            })
            .unwrap();
    })
}
