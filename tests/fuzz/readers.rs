//! The other readers of files from outside the app: the bank index the app downloads, the kiosk's
//! settings file, the statistics files an operator merges, the contest's setup file and the
//! messages between the contest's windows, and the values the app reads back from the device's
//! storage (a round in progress, the settings). Each is fed random bytes and mutated copies of a
//! valid file, under the same checks as the bank reader.

use super::{assert_none, bytes, fuzz, json, settings};
use anxin::domain::bank::BankIndex;
use anxin::domain::contest::{MatchSetup, SetupFile, Wire};
use anxin::domain::date::Date;
use anxin::domain::kiosk::stats::merge_exports;
use anxin::domain::kiosk::{KioskOverrides, KioskStats};
use anxin::domain::library::RoundKind;
use anxin::domain::plan::Plan;
use anxin::domain::saved::{self, seal, SavedRound, Settings};
use anxin::domain::session::Session;
use serde_json::Value;
use std::path::Path;

/// A kiosk settings file with every field.
const KIOSK_SETTINGS: &str = r#"{"idle_seconds": 60, "countdown_seconds": 15,
  "questions_per_session": 5, "topics": ["fraud", "privacy"], "audience": "elderly", "lang": "zh",
  "elder": true, "branch": "东城支行", "bank_hotline": "95588", "prize_threshold": 4,
  "phone_base_url": "https://example.com/quiz/"}"#;

/// Random bytes, a byte-level mutation or a structure-aware one of `sample`, by case.
fn cases_of(
    samples: Vec<String>,
    big: bool,
) -> impl FnMut(&mut anxin::domain::rng::Rng, usize) -> (Vec<u8>, String) {
    let values: Vec<Value> = samples
        .iter()
        .map(|s| serde_json::from_str(s).unwrap())
        .collect();
    move |rng, case| {
        let pick = rng.below(samples.len());
        match case % 3 {
            0 => {
                let len = rng.below(2048);
                (bytes::random(rng, len), format!("{len} random bytes"))
            }
            1 => {
                let mut b = samples[pick].clone().into_bytes();
                let said = bytes::mutate(rng, &mut b);
                (b, format!("sample {pick}: {said}"))
            }
            _ => {
                let large = big && rng.below(4) == 0;
                let (b, said) = json::mutate(rng, &values[pick], large);
                (b, format!("sample {pick}: {said}"))
            }
        }
    }
}

#[test]
fn the_other_readers_survive_random_and_mutated_files() {
    // Five readers share the run's time.
    let mut settings = settings(200);
    settings.seconds = settings.seconds.map(|s| s / 5);
    let big = settings.big;
    let mut found = Vec::new();

    let index =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("quizzes/index.json"))
            .unwrap();
    found.extend(fuzz("index", &settings, cases_of(vec![index], big), |b| {
        let _ = BankIndex::parse(&String::from_utf8_lossy(b));
    }));

    found.extend(fuzz(
        "kiosk-settings",
        &settings,
        cases_of(vec![KIOSK_SETTINGS.to_owned()], big),
        |b| {
            let (_, problems) = KioskOverrides::parse(&String::from_utf8_lossy(b));
            for p in &problems {
                let _ = p.to_string();
            }
        },
    ));

    let since = Date::new(2026, 11, 1).unwrap();
    let stats = KioskStats::new(since, "东城支行").to_json();
    found.extend(fuzz(
        "kiosk-stats",
        &settings,
        cases_of(vec![stats.clone()], big),
        move |b| {
            let text = String::from_utf8_lossy(b);
            let _ = KioskStats::from_json("a.json", &text);
            let _ = merge_exports([("a.json", text.as_ref()), ("b.json", stats.as_str())]);
        },
    ));

    let setup = SetupFile::write(&MatchSetup::starter("知识竞赛", |i| format!("第{i}队")));
    let hello = r#"{"hello": true, "lang": "zh"}"#.to_owned();
    found.extend(fuzz(
        "contest-files",
        &settings,
        cases_of(vec![setup, hello], big),
        |b| {
            let text = String::from_utf8_lossy(b);
            let _ = SetupFile::read(&text).map_err(|e| e.to_string());
            let _ = Wire::read(&text);
        },
    ));
    // What the app reads back from storage: the text, then the schema, then the value.
    let session: Session = serde_json::from_str(
        r#"{"seed":7,"items":[{"bank":"fraud","question":"q1","options":["a","b","c"]},
            {"bank":"fraud","question":"q2","options":["true","false"]}],
            "answers":[{"chosen":["b"],"correct":true}],"phase":{"Asking":{"index":1,"selected":["true"]}}}"#,
    )
    .unwrap();
    let round = SavedRound {
        kind: RoundKind::Plan(Plan::practice(Vec::new())),
        session,
        elapsed_ms: 12_345.0,
        asking: None,
    };
    let stored = vec![
        seal(&round).to_string(),
        seal(&Settings::default()).to_string(),
    ];
    found.extend(fuzz(
        "stored-values",
        &settings,
        cases_of(stored, big),
        // From the text, as the device reads them (`Store::load`): a tree of the whole value
        // is built by no reader on the device (before, this target built two itself, and was
        // measured holding them: 107 bytes per byte for a value of nested lists).
        |b| {
            let text = String::from_utf8_lossy(b);
            let _ = saved::open_text::<SavedRound>(&text, saved::no_migration);
            let _ = saved::open_text::<Settings>(&text, saved::no_migration);
        },
    ));
    assert_none(found);
}
