//! Shared helpers of the document tests: the real fixture files (which must
//! be present: a missing fixture folder fails the tests, it never skips
//! them), a data folder with a request, counts of what the store holds, and
//! small PDFs written here.

use crate::model::NewRequest;
use crate::{requests, Desk};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The synthetic fixture photos, in the repository (`tests/fixtures/`).
pub(super) const FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/documents"
);

pub(super) const NOW: i64 = 1_795_000_000_000;

pub(super) fn fixture(name: &str) -> PathBuf {
    let path = Path::new(FIXTURES).join(name);
    assert!(
        path.is_file(),
        "fixture {} is missing: it belongs in tests/fixtures/documents of the repository",
        path.display()
    );
    path
}

pub(super) fn manifest() -> Vec<Value> {
    let text = std::fs::read_to_string(fixture("manifest.json")).unwrap();
    serde_json::from_str::<Vec<Value>>(&text).unwrap()
}

/// A fresh data folder with one request; returns its registration number.
pub(super) fn desk() -> (tempfile::TempDir, Desk, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path()).unwrap();
    let reg = new_request(&mut desk, "Siti Aminah");
    (dir, desk, reg)
}

pub(super) fn new_request(desk: &mut Desk, name: &str) -> String {
    let input = NewRequest {
        name: name.into(),
        phone: "081234567890".into(),
        ..Default::default()
    };
    requests::create_request(desk.conn_mut().unwrap(), &input, "Rina", NOW)
        .unwrap()
        .reg_no
}

/// Every file under `dir`, recursively (none when it does not exist).
pub(super) fn files_under(dir: &Path) -> Vec<PathBuf> {
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

pub(super) fn count(desk: &Desk, sql: &str) -> i64 {
    desk.conn()
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

/// Width and height of a JPEG file from its header.
pub(super) fn jpeg_size(path: &Path) -> (u32, u32) {
    let head = turbojpeg::read_header(&std::fs::read(path).unwrap()).unwrap();
    (
        u32::try_from(head.width).unwrap(),
        u32::try_from(head.height).unwrap(),
    )
}

/// A PDF with `n` empty pages of `w`×`h` points and a correct xref table.
pub(super) fn pdf(n: usize, w: u32, h: u32) -> Vec<u8> {
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", i + 3)).collect();
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")).into_bytes(),
    ];
    objects.extend(
        (0..n).map(|_| {
            format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w} {h}] >>").into_bytes()
        }),
    );
    pdf_file(&objects)
}

/// One A4 page drawn by `contents`, a content stream encoded by `filter`
/// (a `/Filter` value such as `/FlateDecode`).
pub(super) fn pdf_drawn_by(filter: &str, contents: &[u8]) -> Vec<u8> {
    let mut stream = format!(
        "<< /Length {} /Filter {filter} >>\nstream\n",
        contents.len()
    )
    .into_bytes();
    stream.extend_from_slice(contents);
    stream.extend_from_slice(b"\nendstream");
    pdf_file(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_vec(),
        stream,
    ])
}

/// A PDF file of these objects, numbered from 1, with its xref table.
fn pdf_file(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for off in offsets {
        out.extend(format!("{off:010} 00000 n \n").bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    out
}
