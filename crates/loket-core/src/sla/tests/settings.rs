use super::*;

// ---- defaults and settings -------------------------------------------------

#[test]
fn defaults_are_the_documented_office_week() {
    let s = defaults();
    let iv = |a, b| vec![OpenInterval::new(a, b).unwrap()];
    for (w, name) in ["mon", "tue", "wed", "thu"].iter().enumerate() {
        assert_eq!(
            s.office_hours.day(w),
            iv((7, 30), (15, 30)).as_slice(),
            "{name} is 07:30–15:30"
        );
    }
    assert_eq!(
        s.office_hours.friday,
        iv((7, 30), (14, 30)),
        "Jumat closes at 14:30"
    );
    assert!(s.office_hours.saturday.is_empty(), "Saturday closed");
    assert!(s.office_hours.sunday.is_empty(), "Sunday closed");
    assert!(s.office_hours.holidays.is_empty(), "no holidays by default");
    assert_eq!(s.target_minutes, 30, "promise is 30 minutes");
    assert_eq!(s.warning_minutes, 10, "amber at 10 minutes left");
    assert_eq!(s.validated().ok(), Some(s.clone()), "defaults are valid");
}

#[test]
fn time_of_day_parses_hh_mm_only() {
    for (s, m) in [("07:30", 450), ("7:30", 450), ("00:00", 0), ("24:00", 1440)] {
        assert_eq!(
            TimeOfDay::parse(s).map(TimeOfDay::minutes),
            Some(m),
            "{s} parses"
        );
    }
    for s in [
        "24:01", "12:60", "1230", "", "07:3", "-1:00", "+7:30", "007:30", "ab:cd", "07:30:00",
    ] {
        assert_eq!(TimeOfDay::parse(s), None, "{s:?} is refused");
    }
    let iv = OpenInterval::new((7, 30), (15, 30)).unwrap();
    assert_eq!(
        serde_json::to_string(&iv).unwrap(),
        r#"{"open":"07:30","close":"15:30"}"#,
        "intervals serialise as HH:MM"
    );
}

#[test]
fn load_gives_defaults_when_nothing_is_stored() -> crate::Result<()> {
    each_engine(|conn| {
        assert_eq!(load_settings(conn)?, defaults(), "no row → defaults");
        Ok(())
    })
}

#[test]
fn save_then_load_round_trips_normalised() -> crate::Result<()> {
    each_engine(|conn| {
        let mut s = defaults();
        s.target_minutes = 45;
        s.warning_minutes = 15;
        s.office_hours.saturday = vec![
            OpenInterval::new((10, 0), (12, 0)).unwrap(),
            OpenInterval::new((8, 0), (10, 0)).unwrap(),
        ];
        s.office_hours.holidays = vec![date(2026, 12, 25), date(2026, 1, 1), date(2026, 12, 25)];
        save_settings(conn, &s).unwrap();
        let back = load_settings(conn).unwrap();
        assert_eq!(back.target_minutes, 45, "target kept");
        assert_eq!(back.warning_minutes, 15, "warning kept");
        assert_eq!(
            back.office_hours.saturday[0].open.to_string(),
            "08:00",
            "intervals sorted"
        );
        assert_eq!(
            back.office_hours.holidays,
            vec![date(2026, 1, 1), date(2026, 12, 25)],
            "holidays sorted, duplicates dropped"
        );
        let raw = crate::settings::get(conn, KEY_SLA).unwrap().unwrap();
        assert!(
            raw.contains(r#""holidays":["2026-01-01","2026-12-25"]"#),
            "stored as readable JSON: {raw}"
        );
        Ok(())
    })
}

#[test]
fn partial_stored_json_fills_in_defaults() {
    let s = parse_settings(r#"{"target_minutes": 60}"#).unwrap();
    assert_eq!(s.target_minutes, 60, "given field kept");
    assert_eq!(
        s.office_hours,
        OfficeHours::default(),
        "missing fields default"
    );
}

#[test]
fn malformed_stored_settings_are_a_coded_error() -> crate::Result<()> {
    each_engine(|conn| {
        for (raw, why) in [
            ("not json", "garbage"),
            (r#"{"target_minutes": "tiga puluh"}"#, "wrong type"),
            (
                r#"{"office_hours": {"monday": [{"open": "25:00", "close": "26:00"}]}}"#,
                "bad time",
            ),
            (
                r#"{"office_hours": {"holidays": ["31-02-2026"]}}"#,
                "bad date",
            ),
            (
                r#"{"office_hours": {"monday": [{"open": "08:00", "close": "12:00"}, {"open": "11:00", "close": "13:00"}]}}"#,
                "overlap",
            ),
            (r#"{"target_minutes": 0}"#, "zero target"),
        ] {
            crate::settings::set(conn, KEY_SLA, raw).unwrap();
            let e = load_settings(conn).expect_err(why);
            assert_eq!(e.code, ErrorCode::MasukanTidakValid, "{why}: coded");
            assert!(
                e.message.contains("Pengaturan waktu layanan"),
                "{why}: Indonesian message, got {}",
                e.message
            );
        }
        Ok(())
    })
}

#[test]
fn save_refuses_invalid_settings_and_writes_nothing() -> crate::Result<()> {
    each_engine(|conn| {
        let iv = |a, b| OpenInterval::new(a, b).unwrap();
        let cases: Vec<(&str, SlaSettings, &str)> = vec![
            (
                "overlap",
                {
                    let mut s = defaults();
                    s.office_hours.monday = vec![iv((7, 30), (12, 0)), iv((11, 0), (15, 30))];
                    s
                },
                "bertumpuk",
            ),
            (
                "open after close",
                {
                    let mut s = defaults();
                    s.office_hours.tuesday = vec![iv((15, 30), (7, 30))];
                    s
                },
                "harus sebelum jam tutup",
            ),
            (
                "empty interval",
                {
                    let mut s = defaults();
                    s.office_hours.tuesday = vec![iv((8, 0), (8, 0))];
                    s
                },
                "harus sebelum jam tutup",
            ),
            (
                "target 0",
                SlaSettings {
                    target_minutes: 0,
                    warning_minutes: 0,
                    ..defaults()
                },
                "1 sampai 1440",
            ),
            (
                "target 1441",
                SlaSettings {
                    target_minutes: 1441,
                    ..defaults()
                },
                "1 sampai 1440",
            ),
            (
                "warning not below target",
                SlaSettings {
                    warning_minutes: 30,
                    ..defaults()
                },
                "lebih kecil dari target",
            ),
            (
                "no office time at all",
                SlaSettings {
                    office_hours: OfficeHours {
                        monday: vec![],
                        tuesday: vec![],
                        wednesday: vec![],
                        thursday: vec![],
                        friday: vec![],
                        ..OfficeHours::default()
                    },
                    ..defaults()
                },
                "Jam layanan kosong",
            ),
        ];
        for (why, s, msg) in cases {
            let e = save_settings(conn, &s).expect_err(why);
            assert_eq!(e.code, ErrorCode::MasukanTidakValid, "{why}: coded");
            assert!(
                e.message.contains(msg),
                "{why}: message {:?} should say {msg:?}",
                e.message
            );
            assert_eq!(
                crate::settings::get(conn, KEY_SLA).unwrap(),
                None,
                "{why}: nothing written"
            );
        }
        for t in [1, 1440] {
            let s = SlaSettings {
                target_minutes: t,
                warning_minutes: 0,
                ..defaults()
            };
            assert!(save_settings(conn, &s).is_ok(), "target {t} is accepted");
        }
        let touching = {
            let mut s = defaults();
            s.office_hours.monday = vec![iv((7, 30), (12, 0)), iv((12, 0), (15, 30))];
            s
        };
        assert!(
            save_settings(conn, &touching).is_ok(),
            "touching intervals do not overlap"
        );
        assert_eq!(err_code(parse_settings("42")), ErrorCode::MasukanTidakValid);
        Ok(())
    })
}
