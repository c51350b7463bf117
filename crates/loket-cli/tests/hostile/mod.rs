//! What the crash, full-disk and read-only tests share: unique copies of the
//! real fixture photos (so every add really writes), and the check that a
//! data folder is whole — the database passes SQLite's integrity check and
//! every file under a final name in the document store is complete.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

#[cfg(unix)]
pub mod kill;
#[cfg(unix)]
pub mod mount;

use rusqlite::{Connection, OpenFlags};
use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Camera photos (about 2 MB, 12 MP): a wide window to be killed in.
/// A hostile check that cannot run its real test here (no mount, no
/// other user): outside CI it prints `SKIP` and why; under `LOKET_CI=1`,
/// where the machine can do it, that is a failure, never a silent pass.
pub fn cannot_run(why: &str) {
    if std::env::var_os("LOKET_CI").is_some_and(|v| v == "1") {
        panic!("LOKET_CI=1 and this check cannot run its real test: {why}");
    }
    println!("SKIP {why}");
}

pub const CAMERA: &[&str] = &[
    "IMG_20261123_191044.jpg",
    "IMG_20261120_163308.jpg",
    "20261122_081533.jpg",
    "IMG20261121142955.jpg",
];
/// WhatsApp pictures (100–300 kB).
pub const WHATSAPP: &[&str] = &[
    "WhatsApp Image 2026-11-24 at 10.15.32.jpeg",
    "WhatsApp Image 2026-11-24 at 13.02.11.jpeg",
];

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// Writes the fixture photo `name` to `out` with `tag` and `pad` zero
/// bytes after its end marker (decoders stop there), so the copy has bytes
/// of its own; returns their SHA-256.
pub fn unique_photo(name: &str, tag: &str, pad: usize, out: &Path) -> String {
    let mut bytes = std::fs::read(crate::common::fixture(name)).unwrap();
    bytes.extend_from_slice(format!("\nloket test copy {tag}\n").as_bytes());
    bytes.resize(bytes.len() + pad, 0);
    std::fs::write(out, &bytes).unwrap();
    sha256_hex(&bytes)
}

/// The document store's folders (`documents/store.rs` lays them out).
pub fn store(dir: &Path) -> PathBuf {
    dir.join("documents")
}

/// Files waiting to be renamed into place (or left there by a crash).
pub fn temp_files(dir: &Path) -> Vec<PathBuf> {
    files_under(&store(dir).join("tmp"))
}

/// Makes every temporary file look an hour old, as if the crash that left
/// it happened long before the next start.
pub fn age_temp_files(dir: &Path) {
    let then = SystemTime::now() - Duration::from_secs(3600);
    for f in temp_files(dir) {
        std::fs::File::options()
            .write(true)
            .open(&f)
            .unwrap()
            .set_modified(then)
            .unwrap();
    }
}

pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The database of a data folder, opened for reading by the test itself.
pub fn db(dir: &Path) -> Connection {
    Connection::open_with_flags(dir.join("loket.db"), OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
}

pub fn count(conn: &Connection, sql: &str, param: &str) -> i64 {
    conn.query_row(sql, [param], |r| r.get(0)).unwrap()
}

pub fn scalar(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// A JPEG that libjpeg-turbo decodes completely, without a warning.
pub fn decodes(path: &Path) -> bool {
    let Ok(bytes) = std::fs::read(path) else {
        return false;
    };
    turbojpeg::decompress(&bytes, turbojpeg::PixelFormat::RGB).is_ok()
}

/// What a whole data folder holds.
#[derive(Debug)]
pub struct Whole {
    pub requests: i64,
    pub documents: i64,
    pub files: usize,
}

/// Asserts that the data folder `dir` is whole: `PRAGMA integrity_check`
/// is ok, no foreign key dangles, every request has its first event, every
/// document row has its original (hashing to its name) and its derived
/// images (decodable), and every file under a final name in the store is
/// complete — an original hashes to its name, a derived image decodes.
pub fn assert_whole(dir: &Path) -> Whole {
    let conn = db(dir);
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok", "integrity_check of {}", dir.display());
    let dangling = scalar(&conn, "SELECT count(*) FROM pragma_foreign_key_check");
    assert_eq!(dangling, 0, "no row points at nothing");
    let orphans = scalar(
        &conn,
        "SELECT count(*) FROM requests r WHERE NOT EXISTS \
         (SELECT 1 FROM request_events e WHERE e.request_id = r.id)",
    );
    assert_eq!(orphans, 0, "a request and its first event land together");
    let requests = scalar(&conn, "SELECT count(*) FROM requests");

    let root = store(dir);
    let mut stmt = conn
        .prepare("SELECT id, sha256, format, pages FROM documents")
        .unwrap();
    let rows: Vec<(i64, String, String, u32)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for (id, sha, format, pages) in &rows {
        let ext = match format.as_str() {
            "jpeg" => "jpg",
            other => other,
        };
        let shard = &sha[..2];
        let original = root
            .join("originals")
            .join(shard)
            .join(format!("{sha}.{ext}"));
        let bytes = std::fs::read(&original)
            .unwrap_or_else(|e| panic!("document #{id}: original {}: {e}", original.display()));
        assert_eq!(
            &sha256_hex(&bytes),
            sha,
            "document #{id}: original complete"
        );
        for p in 1..=*pages {
            for tree in ["display", "thumbs"] {
                let f = root.join(tree).join(shard).join(format!("{sha}-p{p}.jpg"));
                assert!(decodes(&f), "document #{id}: {} decodes", f.display());
            }
        }
    }

    let finals: Vec<PathBuf> = ["originals", "display", "thumbs"]
        .iter()
        .flat_map(|t| files_under(&root.join(t)))
        .collect();
    for f in &finals {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        if f.starts_with(root.join("originals")) {
            let stem = name.split('.').next().unwrap();
            assert_eq!(
                sha256_hex(&std::fs::read(f).unwrap()),
                stem,
                "no partly written original under a final name: {name}"
            );
        } else {
            assert!(
                decodes(f),
                "no partly written derived image: {}",
                f.display()
            );
        }
    }
    Whole {
        requests,
        documents: rows.len() as i64,
        files: finals.len(),
    }
}
