//! What `loket-cli` prints: JSON for scripts (`--json`), short Indonesian
//! lines for people. Kept apart from argument handling so the JSON contract
//! is in one place. Everything goes through `stdio` (a closed pipe is a
//! clean end); a failed write is returned to the caller.

use crate::stdio::{self, errln, outln};
use loket_core::documents::{DocFormat, Document};
use loket_core::duplicates::{self, CreatedRequest};
use loket_core::ident::IdCheck;
use loket_core::model::{Request, RequestDetail, RequestPage};
use loket_core::{clock, lifecycle, LoketError};
use serde::Serialize;
use std::io;
use std::path::PathBuf;

pub fn error(e: &LoketError, as_json: bool) {
    if as_json {
        match serde_json::to_string(e) {
            Ok(s) => errln!("{s}"),
            Err(_) => errln!("error[{}]: {}", e.code_str(), e.message),
        }
    } else {
        errln!("error[{}]: {}", e.code_str(), e.message);
    }
}

pub fn id_check(c: &IdCheck, as_json: bool, what: &str) -> io::Result<()> {
    if as_json {
        return stdio::json(c);
    }
    let verdict = if c.valid { "valid" } else { "TIDAK VALID" };
    outln!(
        "{what} {}: {verdict}",
        c.normalized.as_deref().unwrap_or("-")
    )?;
    if let Some(d) = c.birth_date {
        outln!("  tanggal: {}", d.format("%d-%m-%Y"))?;
    }
    if let Some(s) = c.sex {
        outln!("  jenis kelamin: {s:?}")?;
    }
    if let Some(r) = &c.region {
        let names: Vec<&str> = [&r.kecamatan, &r.kabkota, &r.provinsi]
            .into_iter()
            .filter_map(|n| n.as_deref())
            .collect();
        outln!("  wilayah {}: {}", r.kode, names.join(", "))?;
    }
    for f in &c.errors {
        outln!("  galat [{}]: {}", f.code, f.message)?;
    }
    for f in &c.warnings {
        outln!("  peringatan [{}]: {}", f.code, f.message)?;
    }
    Ok(())
}

/// A new request: its fields plus `duplicates` in JSON; for people, the
/// registration number on stdout and one warning per possible re-send on
/// stderr (the request is stored either way: exit code 0).
pub fn created(c: &CreatedRequest, as_json: bool) -> io::Result<()> {
    if as_json {
        return stdio::json(c);
    }
    outln!("{}", c.request.reg_no)?;
    for d in &c.duplicates {
        let keys: Vec<&str> = d
            .matched_on
            .iter()
            .map(|k| duplicates::key_label(k))
            .collect();
        errln!(
            "peringatan: kemungkinan kiriman ulang dari {} ({})",
            d.reg_no,
            keys.join(", ")
        );
    }
    Ok(())
}

/// `request merge`: the target request in JSON, a line for people.
pub fn merged(dup_reg_no: &str, target: &Request, as_json: bool) -> io::Result<()> {
    if as_json {
        stdio::json(target)
    } else {
        outln!(
            "{} digabung ke {}",
            dup_reg_no.trim().to_uppercase(),
            target.reg_no
        )
    }
}

/// `request keep`.
pub fn kept_separate(reg_no: &str, other: &str, as_json: bool) -> io::Result<()> {
    let (a, b) = (reg_no.trim().to_uppercase(), other.trim().to_uppercase());
    if as_json {
        stdio::json(&serde_json::json!({ "reg_no": a, "other_reg_no": b, "kept_separate": true }))
    } else {
        outln!("{a} dan {b} dicatat sebagai permohonan berbeda")
    }
}

pub fn moved(r: &Request, as_json: bool) -> io::Result<()> {
    if as_json {
        stdio::json(r)
    } else {
        outln!("{} → {}", r.reg_no, lifecycle::status_label(r.status))
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

pub fn page(p: &RequestPage, as_json: bool) -> io::Result<()> {
    if as_json {
        return stdio::json(p);
    }
    if p.items.is_empty() {
        outln!("Tidak ada permohonan.")?;
    }
    for r in &p.items {
        outln!("{}", line(r))?;
    }
    if p.has_more {
        outln!("… masih ada lagi; persempit pencarian.")?;
    }
    Ok(())
}

pub fn detail(d: &RequestDetail, as_json: bool) -> io::Result<()> {
    if as_json {
        return stdio::json(d);
    }
    let r = &d.request;
    outln!("{}  {}", r.reg_no, lifecycle::status_label(r.status))?;
    outln!("  nama: {}", r.name)?;
    outln!("  WhatsApp: {}", r.phone)?;
    outln!("  NIK: {}", r.nik.as_deref().unwrap_or("-"))?;
    outln!("  KK: {}", r.kk.as_deref().unwrap_or("-"))?;
    outln!("  kategori: {}", r.category)?;
    if let Some(o) = r.outcome {
        outln!("  hasil: {o}")?;
    }
    outln!("  masalah: {}", r.problem)?;
    outln!(
        "  diterima: {} oleh {}",
        clock::format_wib(r.received_at),
        r.operator
    )?;
    for e in &d.events {
        outln!(
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
        )?;
    }
    Ok(())
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

pub fn docs_added(
    results: &[(PathBuf, Result<Document, LoketError>)],
    as_json: bool,
) -> io::Result<()> {
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
        return stdio::json(&list);
    }
    for (file, r) in results {
        match r {
            Ok(d) => outln!("{}: {}", file.display(), doc_line(d))?,
            Err(e) => errln!("error[{}]: {}: {}", e.code_str(), file.display(), e.message),
        }
    }
    Ok(())
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

pub fn docs(list: &[Document], as_json: bool) -> io::Result<()> {
    if as_json {
        return stdio::json(&list);
    }
    if list.is_empty() {
        outln!("Belum ada dokumen.")?;
    }
    for d in list {
        outln!(
            "{}  {} oleh {}",
            doc_line(d),
            clock::format_wib(d.added_at),
            d.operator
        )?;
    }
    Ok(())
}

pub fn doc_removed(id: i64, as_json: bool) -> io::Result<()> {
    if as_json {
        stdio::json(&serde_json::json!({ "id": id, "removed": true }))
    } else {
        outln!("Dokumen #{id} dihapus dari permohonan (berkasnya tetap disimpan).")
    }
}
