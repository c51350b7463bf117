//! The command layer on a real data folder: a write and its entry land
//! together or not at all, an operator is refused a supervisor's action
//! with nothing written, and every entry says where it came from.

use super::{audit_log, data, exports, settings};
use crate::accounts::{Role, Session};
use crate::actor::{Actor, Origin};
use crate::audit::{self, LogFilter};
use crate::error::ErrorCode;
use crate::office::{self, OfficeProfile};
use crate::test_desk::{count, desk, request};
use crate::{retention, Desk};

const NOW: i64 = 1_795_000_000_000;

fn supervisor(origin: Origin) -> Actor {
    let s = Session {
        account_id: 1,
        name: "Sari".into(),
        role: Role::Supervisor,
    };
    match origin {
        Origin::App => Actor::app(&s),
        Origin::Cli => Actor::cli_account(&s),
    }
}

fn entries(desk: &Desk) -> i64 {
    count(desk, "SELECT count(*) FROM access_log")
}

fn changed_office() -> OfficeProfile {
    OfficeProfile {
        address: "Jl. Pemuda No. 1, Mojokerto".into(),
        ..OfficeProfile::default()
    }
}

#[test]
fn a_setting_and_its_entry_land_together_or_not_at_all() {
    let (_dir, mut desk) = desk();
    let before = office::load(desk.conn().unwrap()).unwrap();
    let log_before = entries(&desk);
    // The disk "fails" exactly between the setting's write and its entry:
    // the entry's insert is refused after the setting row was written.
    desk.conn()
        .unwrap()
        .execute_batch(
            "CREATE TEMP TRIGGER entry_fails BEFORE INSERT ON main.access_log
             BEGIN SELECT RAISE(ABORT, 'disk full'); END;",
        )
        .unwrap();
    let err = settings::save_office(&mut desk, &supervisor(Origin::App), &changed_office(), NOW)
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::GagalMenyimpan, "{err:?}");
    assert_eq!(
        office::load(desk.conn().unwrap()).unwrap(),
        before,
        "the setting's write was rolled back with its entry"
    );
    let err =
        settings::save_retention_days(&mut desk, &supervisor(Origin::App), 5, NOW).unwrap_err();
    assert_eq!(err.code, ErrorCode::GagalMenyimpan, "{err:?}");
    assert_eq!(
        retention::days(desk.conn().unwrap()).unwrap(),
        retention::DEFAULT_DAYS
    );
    desk.conn()
        .unwrap()
        .execute_batch("DROP TRIGGER temp.entry_fails")
        .unwrap();
    assert_eq!(entries(&desk), log_before, "no entry either");

    // With the disk back, both land.
    settings::save_office(&mut desk, &supervisor(Origin::App), &changed_office(), NOW).unwrap();
    assert_eq!(
        office::load(desk.conn().unwrap()).unwrap().address,
        changed_office().address
    );
    assert_eq!(entries(&desk), log_before + 1);
}

#[test]
fn an_operator_is_refused_every_supervisor_action_and_nothing_is_written() {
    let (dir, mut desk) = desk();
    let op = Actor::cli_operator("Rina");
    let log_before = entries(&desk);
    let refused = [
        settings::save_office(&mut desk, &op, &changed_office(), NOW).map(|_| ()),
        settings::save_retention_days(&mut desk, &op, 5, NOW).map(|_| ()),
        settings::save_template(&mut desk, &op, "updated", "Halo", NOW).map(|_| ()),
        settings::save_idle_minutes(&mut desk, &op, 5, NOW).map(|_| ()),
        data::retention_run(&mut desk, &op, NOW).map(|_| ()),
        data::retention_plan(&desk, &op, NOW).map(|_| ()),
        data::backup(dir.path(), &op, dir.path(), NOW).map(|_| ()),
        audit_log::list(&mut desk, &op, &LogFilter::default(), NOW).map(|_| ()),
        audit_log::verify(&desk, &op).map(|_| ()),
    ];
    for (i, r) in refused.into_iter().enumerate() {
        let err = r.expect_err("an operator may not");
        assert_eq!(err.code, ErrorCode::KhususSupervisor, "action {i}: {err:?}");
    }
    assert_eq!(entries(&desk), log_before, "a refusal writes nothing");
    assert_eq!(
        office::load(desk.conn().unwrap()).unwrap(),
        OfficeProfile::default()
    );
}

#[test]
fn every_entry_says_whether_the_app_or_the_cli_wrote_it_and_the_chain_holds() {
    let (_dir, mut desk) = desk();
    let reg = request(&mut desk, "Siti Aminah", NOW);
    settings::save_retention_days(&mut desk, &supervisor(Origin::Cli), 40, NOW).unwrap();
    exports::receipt_printed(
        &desk,
        &supervisor(Origin::App),
        &reg,
        crate::receipt::ReceiptOptions::default(),
        NOW,
    )
    .unwrap();
    let rows = audit_log::list(
        &mut desk,
        &supervisor(Origin::Cli),
        &LogFilter::default(),
        NOW,
    )
    .unwrap();
    let origin_of = |action: &str| {
        rows.iter()
            .find(|r| r.action == action)
            .map(|r| r.origin.clone())
            .unwrap_or_else(|| panic!("no {action} entry in {rows:?}"))
    };
    assert_eq!(origin_of("pengaturan_diubah"), "cli");
    assert_eq!(origin_of("bukti_dicetak"), "app");
    // A change logged by the schema's trigger takes the process's origin
    // (this test process is the app's default).
    assert_eq!(origin_of("permohonan_dibuat"), "app");
    let log = audit::list(desk.conn().unwrap(), &LogFilter::default()).unwrap();
    assert_eq!(log[0].action, "log_dibaca", "reading the log is logged");
    assert_eq!(log[0].origin, "cli");
    // The origin is part of the hash: changing it breaks the chain.
    assert!(audit::verify(desk.conn().unwrap()).unwrap().intact);
    desk.conn()
        .unwrap()
        .execute_batch(
            "DROP TRIGGER access_log_append_only_update;
             UPDATE access_log SET origin = 'app' WHERE action = 'pengaturan_diubah';",
        )
        .unwrap();
    let report = audit::verify(desk.conn().unwrap()).unwrap();
    assert!(!report.intact, "a rewritten origin is found");
}
