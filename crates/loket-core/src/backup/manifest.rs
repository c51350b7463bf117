//! `manifest.json`: what a backup holds, written last so that its presence
//! means the backup was finished. Paths read from it are checked before any
//! file is opened (plain relative paths, the database or under `documents/`).

use crate::db::DB_FILE;
use serde::{Deserialize, Serialize};
use std::path::{Component, Path, PathBuf};

/// The `format` of every Loket backup manifest.
pub(super) const FORMAT: &str = "loket-cadangan";
/// The manifest layout this build writes and reads.
pub(super) const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct FileEntry {
    /// Relative to the backup folder, `/`-separated.
    pub(super) path: String,
    pub(super) sha256: String,
    pub(super) bytes: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Counts {
    pub(super) requests: u64,
    pub(super) documents: u64,
    pub(super) files: u32,
    pub(super) file_bytes: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Manifest {
    pub(super) format: String,
    pub(super) format_version: u32,
    pub(super) app_version: String,
    pub(super) schema_version: i32,
    /// UTC milliseconds.
    pub(super) created_at: i64,
    /// The same moment as people read it.
    pub(super) created_at_wib: String,
    pub(super) database: FileEntry,
    pub(super) counts: Counts,
    pub(super) files: Vec<FileEntry>,
    /// Files the snapshot references that were not in the data folder.
    #[serde(default)]
    pub(super) missing: Vec<String>,
    /// The access log's last entry when the backup was made: the live log
    /// must still hold it (`audit::chain::holds`), or entries were cut off
    /// or rewritten since.
    #[serde(default)]
    pub(super) audit_head: Option<AuditHead>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct AuditHead {
    pub(super) id: i64,
    pub(super) hash: String,
}

/// The access-log head a backup recorded, if it recorded one.
pub fn audit_head(backup_dir: &Path) -> crate::error::Result<Option<(i64, String)>> {
    let text = std::fs::read_to_string(backup_dir.join(super::MANIFEST_FILE))
        .map_err(|e| crate::error::LoketError::from_io(&e, "manifest cadangan"))?;
    let m: Manifest = serde_json::from_str(&text).map_err(|e| {
        crate::error::LoketError::new(
            crate::error::ErrorCode::CadanganRusak,
            format!("Manifest cadangan tidak bisa dibaca: {e}"),
        )
    })?;
    Ok(m.audit_head.map(|h| (h.id, h.hash)))
}

/// The `/`-separated form of `path` relative to `base`.
pub(super) fn relative(path: &Path, base: &Path) -> Option<String> {
    let rel = path.strip_prefix(base).ok()?;
    let parts: Option<Vec<&str>> = rel
        .components()
        .map(|c| match c {
            Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .collect();
    parts.map(|p| p.join("/"))
}

/// `rel` as a path under `base`, if it is the database or a plain relative
/// path under `documents/` (no `..`, no root, no drive, no empty part).
pub(super) fn resolve(base: &Path, rel: &str, database: bool) -> Option<PathBuf> {
    if database {
        return (rel == DB_FILE).then(|| base.join(DB_FILE));
    }
    let mut parts = rel.split('/');
    if parts.next() != Some("documents") {
        return None;
    }
    let mut out = base.join("documents");
    let mut depth = 0;
    for part in parts {
        let ok = !part.is_empty()
            && part != "."
            && part != ".."
            && !part.contains(['\\', ':', '\0'])
            && matches!(
                Path::new(part).components().next(),
                Some(Component::Normal(_))
            );
        if !ok {
            return None;
        }
        out.push(part);
        depth += 1;
    }
    (depth > 0).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_paths_under_documents_resolve() {
        let base = Path::new("base");
        assert_eq!(
            resolve(base, "documents/originals/ab/x.jpg", false),
            Some(
                base.join("documents")
                    .join("originals")
                    .join("ab")
                    .join("x.jpg")
            )
        );
        for bad in [
            "documents",
            "documents/",
            "documents/../loket.db",
            "documents/./x",
            "documents//x",
            "/etc/passwd",
            "../x",
            "other/x",
            "documents/a\\..\\..\\x",
            "documents/C:x",
            "loket.db",
        ] {
            assert_eq!(resolve(base, bad, false), None, "{bad}");
        }
        assert_eq!(resolve(base, "loket.db", true), Some(base.join("loket.db")));
        assert_eq!(resolve(base, "../loket.db", true), None);
    }
}
