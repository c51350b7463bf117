//! Killing `loket-cli` with SIGKILL at random moments of a stream of writes
//! — new requests, moves, camera and WhatsApp photos added — loses nothing
//! that a command reported as done, never damages the database, and never
//! leaves a partly written file under a final name in the document store.
//! Each write is one SQLite transaction (WAL, `synchronous = FULL`); files
//! are written under a temporary name, synced and renamed; what a kill
//! leaves in `documents/tmp/` is swept by the next open once it is stale.

#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod hostile;

use hostile::kill::{run, Kill};
use hostile::*;
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Trials in the stream; two in three get a kill at a random moment within
/// their usual run time (some finish first).
const TRIALS: usize = 480;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Kind {
    New,
    Move,
    AddCamera,
    AddWhatsapp,
}

/// The status of `reg` as the database has it now (after a killed move).
fn status_of(dir: &Path, reg: &str) -> String {
    let (out, killed, _) = run(dir, &["request", "show", reg, "--json"], &Kill::Never);
    assert!(!killed && out.status.success(), "{}", common::stderr(&out));
    common::json(&out)["request"]["status"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// A move allowed from `status` (with an outcome when it is `done`).
fn next_move(status: &str, rng: &mut fastrand::Rng) -> Option<Vec<&'static str>> {
    let choices: &[&[&str]] = match status {
        "received" => &[&["verifying"], &["waiting_citizen"]],
        "verifying" => &[
            &["waiting_citizen"],
            &["waiting_citizen"],
            &["done", "--outcome", "updated"],
        ],
        "waiting_citizen" => &[&["verifying"]],
        "done" => &[&["replied"]],
        _ => return None,
    };
    let pick = choices[rng.usize(..choices.len())];
    let mut args = vec!["--to"];
    args.extend_from_slice(pick);
    Some(args)
}

#[test]
fn killed_writers_lose_nothing_that_was_committed() {
    let dir = tempfile::tempdir().unwrap();
    let photos = tempfile::tempdir().unwrap();
    let data = dir.path();
    assert!(
        !decodes(&common::fixture("bad/truncated_40pct.jpg")),
        "the completeness check sees a cut-off JPEG"
    );
    let mut rng = fastrand::Rng::with_seed(2026);
    // Expected run time per kind, from the last run that was not killed.
    let mut typical: HashMap<Kind, Duration> = HashMap::from([
        (Kind::New, Duration::from_millis(40)),
        (Kind::Move, Duration::from_millis(40)),
        (Kind::AddCamera, Duration::from_millis(900)),
        (Kind::AddWhatsapp, Duration::from_millis(300)),
    ]);
    let mut runs: HashMap<Kind, (usize, usize)> = HashMap::new(); // (runs, killed)
    let mut status: HashMap<String, Option<String>> = HashMap::new(); // None: unknown after a kill
    let mut regs: Vec<String> = Vec::new();
    let mut moved: HashMap<(String, String), usize> = HashMap::new();
    let mut added: Vec<(String, i64, String)> = Vec::new();
    let mut killed_adds: Vec<String> = Vec::new();
    let mut aimed = 0; // kills aimed at a file being written

    for i in 0..TRIALS {
        let roll = rng.u8(..10);
        let kind = match roll {
            _ if regs.is_empty() || roll < 4 => Kind::New,
            4..=6 => Kind::Move,
            7 => Kind::AddCamera,
            _ => Kind::AddWhatsapp,
        };
        let adding = matches!(kind, Kind::AddCamera | Kind::AddWhatsapp);
        let mut kill = match rng.u8(..3) {
            0 => Kill::Never,
            1 if adding => Kill::OnWrite {
                final_path: PathBuf::new(),
                temp_prefix: String::new(),
            },
            _ => Kill::After(typical[&kind].mul_f64(rng.f64() * 1.2)),
        };
        let phone = format!("0812{i:08}");
        let photo = photos.path().join(format!("{i}.jpg"));
        let mut target = String::new();
        let mut sha = String::new();
        let mut move_to = String::new();
        let args: Vec<String> = match kind {
            Kind::New => ["request", "new", "--name", "Uji Kill", "--phone", &phone]
                .map(String::from)
                .to_vec(),
            Kind::Move => {
                target = regs[rng.usize(..regs.len())].clone();
                let now = match status[&target].clone() {
                    Some(s) => s,
                    None => status_of(data, &target),
                };
                status.insert(target.clone(), Some(now.clone()));
                let Some(to) = next_move(&now, &mut rng) else {
                    continue; // replied: nothing left to move
                };
                move_to = to[1].to_owned();
                let mut a = vec!["request".to_owned(), "move".to_owned(), target.clone()];
                a.extend(to.iter().map(|s| (*s).to_owned()));
                a
            }
            Kind::AddCamera | Kind::AddWhatsapp => {
                target = regs[rng.usize(..regs.len())].clone();
                let names = if kind == Kind::AddCamera {
                    CAMERA
                } else {
                    WHATSAPP
                };
                let name = names[rng.usize(..names.len())];
                if let Kill::OnWrite {
                    final_path,
                    temp_prefix,
                } = &mut kill
                {
                    // A bigger original (padding after the picture) takes
                    // longer to write: a wider window to be caught in.
                    sha = unique_photo(name, &format!("{i}"), 4 << 20, &photo);
                    let shard = &sha[..2];
                    let (tree, file) = match rng.u8(..3) {
                        0 => ("originals", format!("{sha}.jpg")),
                        1 => ("display", format!("{sha}-p1.jpg")),
                        _ => ("thumbs", format!("{sha}-p1.jpg")),
                    };
                    *final_path = store(data).join(tree).join(shard).join(&file);
                    *temp_prefix = format!("{file}.");
                } else {
                    sha = unique_photo(name, &format!("{i}"), 0, &photo);
                }
                [
                    "doc",
                    "add",
                    &target,
                    "--kind",
                    "kk",
                    photo.to_str().unwrap(),
                    "--json",
                ]
                .map(String::from)
                .to_vec()
            }
        };
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        let (out, killed, took) = run(data, &argv, &kill);
        let _ = std::fs::remove_file(&photo);
        let tally = runs.entry(kind).or_default();
        tally.0 += 1;
        if killed {
            tally.1 += 1;
            aimed += usize::from(matches!(kill, Kill::OnWrite { .. }));
            match kind {
                Kind::Move => {
                    status.insert(target, None);
                }
                Kind::AddCamera | Kind::AddWhatsapp => killed_adds.push(sha),
                Kind::New => {}
            }
            continue;
        }
        assert!(
            out.status.success(),
            "{argv:?} was not killed, so it must succeed: {}",
            common::stderr(&out)
        );
        if matches!(kill, Kill::Never) {
            typical.insert(kind, took);
        }
        match kind {
            Kind::New => {
                let reg = common::stdout(&out);
                assert!(
                    reg.starts_with("VN-"),
                    "a finished run printed its number: {reg:?}"
                );
                status.insert(reg.clone(), Some("received".to_owned()));
                regs.push(reg);
            }
            Kind::Move => {
                *moved.entry((target.clone(), move_to.clone())).or_default() += 1;
                status.insert(target, Some(move_to));
            }
            Kind::AddCamera | Kind::AddWhatsapp => {
                let v: Value = common::json(&out);
                assert_eq!(v[0]["ok"], true, "{v}");
                assert_eq!(
                    v[0]["sha256"],
                    sha.as_str(),
                    "the bytes given are the bytes kept"
                );
                added.push((target, v[0]["id"].as_i64().unwrap(), sha));
            }
        }
    }

    // Before the next start: what the kills left between write and rename.
    let left_by_kills = temp_files(data).len();
    let whole = assert_whole(data);
    let conn = db(data);
    for reg in &regs {
        let n = count(
            &conn,
            "SELECT count(*) FROM requests WHERE reg_no = ?1",
            reg,
        );
        assert_eq!(n, 1, "{reg} was reported as saved, so it must be there");
    }
    for ((reg, to), n) in &moved {
        let events: i64 = conn
            .query_row(
                "SELECT count(*) FROM request_events e JOIN requests r ON r.id = e.request_id \
                 WHERE r.reg_no = ?1 AND e.to_status = ?2",
                [reg, to],
                |r| r.get(0),
            )
            .unwrap();
        assert!(
            events >= *n as i64,
            "{reg}: {n} reported moves to {to}, {events} events"
        );
    }
    for (reg, id, sha) in &added {
        let found: (String, String) = conn
            .query_row(
                "SELECT r.reg_no, d.sha256 FROM documents d JOIN requests r ON r.id = d.request_id \
                 WHERE d.id = ?1 AND d.removed_at IS NULL",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap_or_else(|e| panic!("document #{id} was reported as added: {e}"));
        assert_eq!(&found, &(reg.clone(), sha.clone()), "document #{id}");
    }
    let killed_but_saved = killed_adds
        .iter()
        .filter(|sha| {
            count(
                &conn,
                "SELECT count(*) FROM documents WHERE sha256 = ?1",
                sha,
            ) > 0
        })
        .count();
    drop(conn);

    // The next start sweeps them once they are stale, and only then.
    let (out, _, _) = run(data, &["request", "list"], &Kill::Never);
    assert!(out.status.success());
    assert_eq!(
        temp_files(data).len(),
        left_by_kills,
        "fresh temporary files stay"
    );
    age_temp_files(data);
    let (out, _, _) = run(data, &["request", "list"], &Kill::Never);
    assert!(out.status.success());
    assert_eq!(
        temp_files(data),
        Vec::<std::path::PathBuf>::new(),
        "stale ones are swept"
    );
    assert_whole(data);

    let total_killed: usize = runs.values().map(|r| r.1).sum();
    let total: usize = runs.values().map(|r| r.0).sum();
    println!(
        "crash test: {total} runs, {total_killed} killed ({runs:?} as (runs, killed); \
         {aimed} kills aimed at a file being written); \
         {} requests, {} moves, {} documents reported saved and all present; \
         {killed_but_saved} of {} killed adds had committed; {left_by_kills} temporary files \
         left by kills, swept on the next start; {whole:?}",
        regs.len(),
        moved.values().sum::<usize>(),
        added.len(),
        killed_adds.len(),
    );
    assert!(
        total_killed >= total / 3,
        "a good share of the runs were killed"
    );
}
