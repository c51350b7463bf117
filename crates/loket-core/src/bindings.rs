//! TypeScript declarations of every type that crosses the IPC boundary.
//!
//! Generated from the Rust types with ts-rs and committed as
//! `ui/src/lib/bindings.ts`; the test below fails when the committed file
//! drifts from the Rust side. Regenerate with
//! `LOKET_UPDATE_BINDINGS=1 cargo test -p loket-core bindings`.
//!
//! Besides the types, the file carries the core's Indonesian labels of the
//! enums the operator reads (`STATUS_LABELS`, …) and their variants in order
//! (`STATUSES`, …), so the UI shows the words the recaps, receipts and the
//! CLI print, and a new variant reaches the UI with its label.

use crate::documents::{DocFormat, DocKind, Document};
use crate::docview::{DocAddResult, DocumentView};
use crate::duplicates::{CreatedRequest, DuplicateMatch};
use crate::error::{ErrorCode, LoketError};
use crate::ident::{Finding, IdCheck, RegionInfo, Sex};
use crate::model::{
    Category, Event, ListQuery, NewRequest, Outcome, QueueView, Request, RequestDetail,
    RequestPage, Status,
};
use crate::queue::{QueueItem, QueuePage};
use crate::recap::{
    CategoryCount, OperatorCount, OutcomeCount, Recap, RecapFile, RecapOptions, RecapRow,
    RecapSummary,
};
use crate::receipt::{Layout, Receipt, ReceiptFile, ReceiptFormat, ReceiptOptions, ReceiptPrint};
use crate::sla::{SlaClock, SlaLevel, SlaReport, SlaState};
use crate::verify::check::FieldFindings;
use crate::verify::{
    DocRevision, FieldMark, FormCheck, KkFields, KkMember, KtpFields, ResendResult, RevisionReason,
    SavedVerification, VerificationForm,
};
use strum::VariantArray;
use ts_rs::{Config, TS};

/// The TypeScript type of `i64`/`u64`: ts-rs's `TS_RS_LARGE_INT`, set for the
/// workspace in `.cargo/config.toml` (`number`: JSON carries them as plain
/// numbers) and read when this crate is compiled, so the bindings test sees the
/// same value under any test runner (Wine included).
const LARGE_INT: Option<&str> = option_env!("TS_RS_LARGE_INT");

/// The ts-rs configuration of the generated file (and of tests that look at
/// one declaration).
pub fn config() -> Config {
    Config::new().with_large_int(LARGE_INT.unwrap_or("bigint"))
}

/// The whole generated file.
pub fn typescript() -> String {
    let cfg = config();
    let decls = [
        ErrorCode::decl(&cfg),
        LoketError::decl(&cfg),
        Sex::decl(&cfg),
        Finding::decl(&cfg),
        RegionInfo::decl(&cfg),
        IdCheck::decl(&cfg),
        Status::decl(&cfg),
        Outcome::decl(&cfg),
        Category::decl(&cfg),
        NewRequest::decl(&cfg),
        Request::decl(&cfg),
        Event::decl(&cfg),
        RequestDetail::decl(&cfg),
        QueueView::decl(&cfg),
        ListQuery::decl(&cfg),
        RequestPage::decl(&cfg),
        crate::accounts::Role::decl(&cfg),
        crate::accounts::Account::decl(&cfg),
        crate::accounts::Session::decl(&cfg),
        crate::AppInfo::decl(&cfg),
        crate::audit::LogFilter::decl(&cfg),
        crate::delivery::villages::Village::decl(&cfg),
        crate::delivery::Step::decl(&cfg),
        crate::delivery::DocType::decl(&cfg),
        crate::delivery::NewDelivery::decl(&cfg),
        crate::delivery::MoveDetails::decl(&cfg),
        crate::delivery::Delivery::decl(&cfg),
        crate::delivery::DeliveryEvent::decl(&cfg),
        crate::delivery::DeliveryDetail::decl(&cfg),
        crate::delivery::DeliveryQuery::decl(&cfg),
        crate::delivery::promise::Promises::decl(&cfg),
        crate::delivery::totals::DeliveryTotals::decl(&cfg),
        crate::complaints::Channel::decl(&cfg),
        crate::complaints::ComplaintCategory::decl(&cfg),
        crate::complaints::NewComplaint::decl(&cfg),
        crate::complaints::Complaint::decl(&cfg),
        crate::complaints::ComplaintTotals::decl(&cfg),
        crate::services::ServicesOverview::decl(&cfg),
        crate::audit::LogRow::decl(&cfg),
        crate::audit::chain::BrokenEntry::decl(&cfg),
        crate::audit::ChainReport::decl(&cfg),
        DocKind::decl(&cfg),
        DocFormat::decl(&cfg),
        Document::decl(&cfg),
        DocumentView::decl(&cfg),
        DocAddResult::decl(&cfg),
        KtpFields::decl(&cfg),
        KkMember::decl(&cfg),
        KkFields::decl(&cfg),
        FieldMark::decl(&cfg),
        RevisionReason::decl(&cfg),
        DocRevision::decl(&cfg),
        VerificationForm::decl(&cfg),
        FieldFindings::decl(&cfg),
        FormCheck::decl(&cfg),
        SavedVerification::decl(&cfg),
        ResendResult::decl(&cfg),
        DuplicateMatch::decl(&cfg),
        CreatedRequest::decl(&cfg),
        SlaState::decl(&cfg),
        SlaLevel::decl(&cfg),
        SlaClock::decl(&cfg),
        QueueItem::decl(&cfg),
        QueuePage::decl(&cfg),
        crate::office::OfficeProfile::decl(&cfg),
        crate::sla::OpenInterval::decl(&cfg),
        crate::sla::OfficeHours::decl(&cfg),
        crate::sla::SlaSettings::decl(&cfg),
        crate::reply::ReplyTemplate::decl(&cfg),
        crate::reply::Reply::decl(&cfg),
        crate::preferences::Placeholder::decl(&cfg),
        crate::preferences::Preferences::decl(&cfg),
        Layout::decl(&cfg),
        ReceiptOptions::decl(&cfg),
        Receipt::decl(&cfg),
        ReceiptPrint::decl(&cfg),
        ReceiptFormat::decl(&cfg),
        ReceiptFile::decl(&cfg),
        SlaReport::decl(&cfg),
        RecapOptions::decl(&cfg),
        RecapRow::decl(&cfg),
        OutcomeCount::decl(&cfg),
        CategoryCount::decl(&cfg),
        OperatorCount::decl(&cfg),
        RecapSummary::decl(&cfg),
        Recap::decl(&cfg),
        RecapFile::decl(&cfg),
        crate::retention::PurgeItem::decl(&cfg),
        crate::retention::RetentionReport::decl(&cfg),
        crate::backup::BackupReport::decl(&cfg),
        crate::backup::ProblemKind::decl(&cfg),
        crate::backup::BackupProblem::decl(&cfg),
        crate::backup::VerifyReport::decl(&cfg),
        crate::backup::RestoreReport::decl(&cfg),
    ];
    // Photo readings exist only with the `ocr` feature (the default).
    #[cfg(feature = "ocr")]
    let ocr = [
        crate::ocr::Suggestion::decl(&cfg),
        crate::ocr::MemberSuggestion::decl(&cfg),
        crate::ocr::Reading::decl(&cfg),
    ];
    #[cfg(not(feature = "ocr"))]
    let ocr: [String; 0] = [];
    let mut out = String::from(
        "// Generated from the Rust types by loket-core's bindings.rs. Do not edit.\n\
         // Regenerate: LOKET_UPDATE_BINDINGS=1 cargo test -p loket-core bindings\n\n",
    );
    for d in decls.into_iter().chain(ocr) {
        out.push_str("export ");
        out.push_str(d.trim());
        out.push_str("\n\n");
    }
    for words in label_maps(&cfg) {
        out.push_str(&words);
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// The labelled enums: each one's variants and their Indonesian labels.
fn label_maps(cfg: &Config) -> [String; 8] {
    use crate::complaints::{Channel, ComplaintCategory};
    use crate::delivery::{DocType, Step};
    use crate::labels::{category_label, outcome_label, status_label};
    [
        words(cfg, ["STATUSES", "STATUS_LABELS"], status_label),
        words(cfg, ["OUTCOMES", "OUTCOME_LABELS"], outcome_label),
        words(cfg, ["CATEGORIES", "CATEGORY_LABELS"], category_label),
        words(cfg, ["DOC_KINDS", "DOC_KIND_LABELS"], DocKind::label),
        words(cfg, ["STEPS", "STEP_LABELS"], Step::label),
        words(cfg, ["DOC_TYPES", "DOC_TYPE_LABELS"], DocType::label),
        words(cfg, ["CHANNELS", "CHANNEL_LABELS"], Channel::label),
        words(
            cfg,
            ["COMPLAINT_CATEGORIES", "COMPLAINT_CATEGORY_LABELS"],
            ComplaintCategory::label,
        ),
    ]
}

/// `export const <LIST>: readonly T[]` (every variant's word, in order) and
/// `export const <LABELS>: Record<T, string>` (word → label) for one enum.
fn words<T>(cfg: &Config, [list, labels]: [&str; 2], label: fn(T) -> &'static str) -> String
where
    T: TS + VariantArray + Copy + Into<&'static str>,
{
    let ty = T::ident(cfg);
    let quoted: Vec<String> = T::VARIANTS.iter().map(|&v| js_string(v.into())).collect();
    let mut out = format!(
        "export const {list}: readonly {ty}[] = [{}];\n\nexport const {labels}: Record<{ty}, string> = {{\n",
        quoted.join(", ")
    );
    for (&v, key) in T::VARIANTS.iter().zip(&quoted) {
        out.push_str(&format!("  {key}: {},\n", js_string(label(v))));
    }
    out.push_str("};\n\n");
    out
}

/// A TypeScript string literal (Rust's escapes are valid there too).
fn js_string(s: &str) -> String {
    format!("{s:?}")
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    #[test]
    fn committed_bindings_match_the_rust_types() -> Result<(), Box<dyn std::error::Error>> {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/bindings.ts");
        let fresh = super::typescript();
        assert!(
            !fresh.contains("bigint"),
            "an i64/u64 would reach the UI as bigint: TS_RS_LARGE_INT is not set; build from the workspace, whose .cargo/config.toml sets it"
        );
        if std::env::var_os("LOKET_UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &fresh)?;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed.replace("\r\n", "\n") == fresh,
            "ui/src/lib/bindings.ts is out of date with the Rust types; run LOKET_UPDATE_BINDINGS=1 cargo test -p loket-core bindings"
        );
        Ok(())
    }
}
