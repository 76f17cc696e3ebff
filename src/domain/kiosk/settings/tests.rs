//! Reading, merging and checking the kiosk's settings.

use super::*;

fn parse(text: &str) -> KioskOverrides {
    let (overrides, problems) = KioskOverrides::parse(text);
    assert_eq!(problems, [], "{text}");
    overrides
}

#[test]
fn an_empty_file_gives_the_issue_defaults() {
    let (settings, problems) = KioskSettings::resolve(&parse("{}"), &parse("{}"));
    assert_eq!(problems, []);
    assert_eq!(settings, KioskSettings::default());
    assert_eq!(settings.idle_seconds, 45);
    assert_eq!(settings.countdown_seconds, 20);
    assert_eq!(settings.questions_per_session, 5);
    assert_eq!(settings.prize_threshold, None, "prizes are off by default");
    assert_eq!(settings.topics, Topic::ALL);
}

#[test]
fn the_device_overrides_the_deployment_field_by_field() {
    let deployment = parse(
        r#"{"branch": "Anxin Bank, Xuhui", "bank_hotline": "95588", "idle_seconds": 60,
            "lang": "en", "prize_threshold": 4}"#,
    );
    let device = parse(r#"{"idle_seconds": 90, "prize_threshold": null}"#);
    let (settings, problems) = KioskSettings::resolve(&deployment, &device);
    assert_eq!(problems, []);
    assert_eq!(settings.idle_seconds, 90, "the device wins");
    assert_eq!(settings.prize_threshold, None, "null turns the prize off");
    assert_eq!(
        settings.branch, "Anxin Bank, Xuhui",
        "the deployment's stays"
    );
    assert_eq!(settings.bank_hotline.as_deref(), Some("95588"));
    assert_eq!(settings.lang, Lang::En);
    assert_eq!(settings.countdown_seconds, 20, "the built-in default stays");
}

#[test]
fn an_older_or_newer_file_still_loads() {
    let (overrides, problems) = KioskOverrides::parse(
        r#"{"idle_seconds": 30, "screen_saver": true, "topics": ["fraud", "astrology", "rights"]}"#,
    );
    assert_eq!(overrides.idle_seconds, Some(30));
    assert_eq!(overrides.topics, Some(vec![Topic::Fraud, Topic::Rights]));
    assert_eq!(
        problems
            .iter()
            .map(SettingProblem::field)
            .collect::<Vec<_>>(),
        [Some("topics")],
        "the unknown field is ignored, the unknown topic reported"
    );
    // The whole settings type reads a partial file too.
    let settings: KioskSettings = serde_json::from_str(r#"{"branch": "B"}"#).unwrap();
    assert_eq!(settings.branch, "B");
    assert_eq!(settings.idle_seconds, IDLE_SECONDS);
}

#[test]
fn bad_values_fall_back_and_each_is_reported_by_field() {
    let deployment = parse(r#"{"idle_seconds": 60, "questions_per_session": 8}"#);
    let (device, mut problems) = KioskOverrides::parse(
        r#"{"idle_seconds": 3, "countdown_seconds": "ten", "questions_per_session": 50,
            "topics": [], "audience": "martians", "elder": "yes", "branch": "x\u0007",
            "bank_hotline": "call us", "prize_threshold": 9, "phone_base_url": "ftp://x"}"#,
    );
    let (settings, more) = KioskSettings::resolve(&deployment, &device);
    problems.extend(more);
    let mut fields: Vec<&str> = problems.iter().filter_map(SettingProblem::field).collect();
    fields.sort_unstable();
    assert_eq!(
        fields,
        [
            "audience",
            "bank_hotline",
            "branch",
            "countdown_seconds",
            "elder",
            "idle_seconds",
            "phone_base_url",
            "prize_threshold",
            "questions_per_session",
            "topics",
        ],
        "{problems:#?}"
    );
    assert_eq!(settings.idle_seconds, 60, "the deployment's value applies");
    assert_eq!(settings.questions_per_session, 8);
    assert_eq!(settings.countdown_seconds, COUNTDOWN_SECONDS);
    assert_eq!(settings.prize_threshold, None, "9 of 8 cannot be reached");
    assert_eq!(settings.topics, Topic::ALL);
    assert_eq!(settings.bank_hotline, None);
    assert_eq!(settings.phone_base_url, None);
    let message = problems
        .iter()
        .find(|p| p.field() == Some("idle_seconds"))
        .unwrap()
        .to_string();
    assert_eq!(message, "idle_seconds: 3 is outside 20–600; it is ignored");
}

#[test]
fn a_file_that_is_not_an_object_gives_the_defaults_and_says_so() {
    for text in ["[1, 2]", "not json", ""] {
        let (overrides, problems) = KioskOverrides::parse(text);
        assert_eq!(overrides, KioskOverrides::default());
        assert!(
            matches!(problems.as_slice(), [SettingProblem::NotAnObject(_)]),
            "{text}: {problems:?}"
        );
    }
}

#[test]
fn a_file_larger_than_any_settings_file_is_refused_unread() {
    let text = format!(
        r#"{{"branch": "东城支行", "note": "{}"}}"#,
        "x".repeat(70_000)
    );
    let (overrides, problems) = KioskOverrides::parse(&text);
    assert_eq!(overrides, KioskOverrides::default());
    assert_eq!(problems, [SettingProblem::TooLarge { bytes: text.len() }]);
    assert!(problems[0]
        .to_string()
        .contains("every setting has its default"));
    // Just under the limit it is read.
    let text = format!(
        r#"{{"branch": "东城支行", "note": "{}"}}"#,
        "x".repeat(60_000)
    );
    assert_eq!(
        KioskOverrides::parse(&text).0.branch.as_deref(),
        Some("东城支行")
    );
}

#[test]
fn overrides_survive_storage_including_a_setting_turned_off() {
    let device = KioskOverrides {
        idle_seconds: Some(120),
        topics: Some(vec![Topic::Fraud]),
        lang: Some(Lang::En),
        prize_threshold: Some(None),
        phone_base_url: Some(Some("https://bank.example/anxin/".into())),
        ..KioskOverrides::default()
    };
    let json = device.to_json();
    assert!(json.contains(r#""prize_threshold":null"#), "{json}");
    assert!(!json.contains("countdown_seconds"), "{json}");
    assert_eq!(parse(&json), device);
    let read: KioskOverrides = serde_json::from_str(&json).unwrap();
    assert_eq!(read, device);
}

#[test]
fn duplicate_topics_are_offered_once() {
    let (settings, problems) = KioskSettings::resolve(
        &parse(r#"{"topics": ["rights", "fraud", "rights"]}"#),
        &KioskOverrides::default(),
    );
    assert_eq!(problems, []);
    assert_eq!(settings.topics, [Topic::Rights, Topic::Fraud]);
}

#[test]
fn a_phone_url_with_a_query_is_refused() {
    let (settings, problems) = KioskSettings::resolve(
        &parse(r#"{"phone_base_url": "https://bank.example/?x=1"}"#),
        &KioskOverrides::default(),
    );
    assert_eq!(settings.phone_base_url, None);
    assert_eq!(problems.len(), 1);
    let (settings, problems) = KioskSettings::resolve(
        &parse(r#"{"phone_base_url": " https://bank.example/anxin/ "}"#),
        &KioskOverrides::default(),
    );
    assert_eq!(problems, []);
    assert_eq!(
        settings.phone_base_url.as_deref(),
        Some("https://bank.example/anxin/")
    );
}
