//! What `loket-cli` prints: JSON for scripts (`--json`), short Indonesian
//! lines for people. Kept apart from argument handling so the JSON contract
//! is in one place.

use loket_core::documents::{DocFormat, Document};
use loket_core::duplicates::{self, CreatedRequest};
use loket_core::ident::IdCheck;
use loket_core::model::{Request, RequestDetail, RequestPage};
use loket_core::{clock, lifecycle, LoketError};
use serde::Serialize;
use std::path::PathBuf;

fn json<T: Serialize>(v: &T) {
    match serde_json::to_string_pretty(v) {
        Ok(s) => println!("{s}"),
        Err(e) => eprintln!("error[gagal_menyimpan]: JSON tidak bisa dibuat: {e}"),
    }
}

pub fn error(e: &LoketError, as_json: bool) {
    if as_json {
        match serde_json::to_string(e) {
            Ok(s) => eprintln!("{s}"),
            Err(_) => eprintln!("error[{}]: {}", e.code_str(), e.message),
        }
    } else {
        eprintln!("error[{}]: {}", e.code_str(), e.message);
    }
}

pub fn id_check(c: &IdCheck, as_json: bool, what: &str) {
    if as_json {
        return json(c);
    }
    let verdict = if c.valid { "valid" } else { "TIDAK VALID" };
    println!(
        "{what} {}: {verdict}",
        c.normalized.as_deref().unwrap_or("-")
    );
    if let Some(d) = c.birth_date {
        println!("  tanggal: {}", d.format("%d-%m-%Y"));
    }
    if let Some(s) = c.sex {
        println!("  jenis kelamin: {s:?}");
    }
    if let Some(r) = &c.region {
        let names: Vec<&str> = [&r.kecamatan, &r.kabkota, &r.provinsi]
            .into_iter()
            .filter_map(|n| n.as_deref())
            .collect();
        println!("  wilayah {}: {}", r.kode, names.join(", "));
    }
    for f in &c.errors {
        println!("  galat [{}]: {}", f.code, f.message);
    }
    for f in &c.warnings {
        println!("  peringatan [{}]: {}", f.code, f.message);
    }
}

/// A new request: its fields plus `duplicates` in JSON; for people, the
/// registration number on stdout and one warning per possible re-send on
/// stderr (the request is stored either way: exit code 0).
pub fn created(c: &CreatedRequest, as_json: bool) {
    if as_json {
        return json(c);
    }
    println!("{}", c.request.reg_no);
    for d in &c.duplicates {
        let keys: Vec<&str> = d
            .matched_on
            .iter()
            .map(|k| duplicates::key_label(k))
            .collect();
        eprintln!(
            "peringatan: kemungkinan kiriman ulang dari {} ({})",
            d.reg_no,
            keys.join(", ")
        );
    }
}

/// `request merge`: the target request in JSON, a line for people.
pub fn merged(dup_reg_no: &str, target: &Request, as_json: bool) {
    if as_json {
        json(target)
    } else {
        println!(
            "{} digabung ke {}",
            dup_reg_no.trim().to_uppercase(),
            target.reg_no
        );
    }
}

/// `request keep`.
pub fn kept_separate(reg_no: &str, other: &str, as_json: bool) {
    let (a, b) = (reg_no.trim().to_uppercase(), other.trim().to_uppercase());
    if as_json {
        json(&serde_json::json!({ "reg_no": a, "other_reg_no": b, "kept_separate": true }))
    } else {
        println!("{a} dan {b} dicatat sebagai permohonan berbeda");
    }
}

pub fn moved(r: &Request, as_json: bool) {
    if as_json {
        json(r)
    } else {
        println!("{} → {}", r.reg_no, lifecycle::status_label(r.status));
    }
}

fn line(r: &Request) -> String {
    format!(
        "{}  {:<16}  {:<30}  {:<18}  {}",
        r.reg_no,
        r.nik.as_deref().unwrap_or("-"),
        r.name,
        lifecycle::status_label(r.status),
        clock::format_wib(r.received_at)
    )
}

pub fn page(p: &RequestPage, as_json: bool) {
    if as_json {
        return json(p);
    }
    if p.items.is_empty() {
        println!("Tidak ada permohonan.");
    }
    for r in &p.items {
        println!("{}", line(r));
    }
    if p.has_more {
        println!("… masih ada lagi; persempit pencarian.");
    }
}

pub fn detail(d: &RequestDetail, as_json: bool) {
    if as_json {
        return json(d);
    }
    let r = &d.request;
    println!("{}  {}", r.reg_no, lifecycle::status_label(r.status));
    println!("  nama: {}", r.name);
    println!("  WhatsApp: {}", r.phone);
    println!("  NIK: {}", r.nik.as_deref().unwrap_or("-"));
    println!("  KK: {}", r.kk.as_deref().unwrap_or("-"));
    println!("  kategori: {}", r.category);
    if let Some(o) = r.outcome {
        println!("  hasil: {o}");
    }
    println!("  masalah: {}", r.problem);
    println!(
        "  diterima: {} oleh {}",
        clock::format_wib(r.received_at),
        r.operator
    );
    for e in &d.events {
        println!(
            "  - {}  {}  {} → {}{}{}",
            clock::format_wib(e.at),
            e.operator,
            e.from_status.map(lifecycle::status_label).unwrap_or("-"),
            lifecycle::status_label(e.to_status),
            e.outcome.map(|o| format!(" ({o})")).unwrap_or_default(),
            if e.note.is_empty() {
                String::new()
            } else {
                format!(": {}", e.note)
            }
        );
    }
}

/// One file of `doc add --json`: the contract scripts read.
#[derive(Serialize)]
struct DocAdded<'a> {
    file: String,
    ok: bool,
    id: Option<i64>,
    sha256: Option<&'a str>,
    format: Option<DocFormat>,
    width: Option<u32>,
    height: Option<u32>,
    error: Option<&'a LoketError>,
}

pub fn docs_added(results: &[(PathBuf, Result<Document, LoketError>)], as_json: bool) {
    if as_json {
        let list: Vec<DocAdded<'_>> = results
            .iter()
            .map(|(file, r)| {
                let doc = r.as_ref().ok();
                DocAdded {
                    file: file.display().to_string(),
                    ok: doc.is_some(),
                    id: doc.map(|d| d.id),
                    sha256: doc.map(|d| d.sha256.as_str()),
                    format: doc.map(|d| d.format),
                    width: doc.map(|d| d.width),
                    height: doc.map(|d| d.height),
                    error: r.as_ref().err(),
                }
            })
            .collect();
        return json(&list);
    }
    for (file, r) in results {
        match r {
            Ok(d) => println!("{}: {}", file.display(), doc_line(d)),
            Err(e) => eprintln!("error[{}]: {}: {}", e.code_str(), file.display(), e.message),
        }
    }
}

fn doc_line(d: &Document) -> String {
    format!(
        "#{} {} {} {}×{}{}  {}  {}",
        d.id,
        d.kind.label(),
        d.format,
        d.width,
        d.height,
        if d.pages > 1 {
            format!(" ({} hlm)", d.pages)
        } else {
            String::new()
        },
        d.sha256.get(..12).unwrap_or_default(),
        d.file_name
    )
}

pub fn docs(list: &[Document], as_json: bool) {
    if as_json {
        return json(&list);
    }
    if list.is_empty() {
        println!("Belum ada dokumen.");
    }
    for d in list {
        println!(
            "{}  {} oleh {}",
            doc_line(d),
            clock::format_wib(d.added_at),
            d.operator
        );
    }
}

pub fn doc_removed(id: i64, as_json: bool) {
    if as_json {
        json(&serde_json::json!({ "id": id, "removed": true }))
    } else {
        println!("Dokumen #{id} dihapus dari permohonan (berkasnya tetap disimpan).");
    }
}
