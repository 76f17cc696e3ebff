//! The kiosk's wiring (`use_kiosk`: the model, the statistics and the store they are written to)
//! holds nothing more after a session than before it (issue 14's soak: a kiosk runs for months in
//! one page load). Sessions walked away from on their first question and sessions answered to the
//! end, 100 to warm up and 400 measured with the counting allocator, on the statistics' busiest
//! path: every session counted and saved.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may fail loudly

#[global_allocator]
static METER: alloc_meter::Meter = alloc_meter::Meter;

use anxin::domain::bank::{parse_bank_on_device, BankIndex};
use anxin::domain::date::Date;
use anxin::domain::kiosk::{Event, Screen, TopicChoice};
use anxin::platform::storage::Store;
use anxin::ui::hooks::Clock;
use anxin::ui::kiosk::{use_kiosk, UseKiosk};
use leptos::prelude::*;
use std::cell::Cell;
use std::sync::Arc;

thread_local! {
    static NOW_MS: Cell<f64> = const { Cell::new(1_764_900_000_000.0) };
}

fn clock() -> Clock {
    Clock {
        today: || Date::new(2026, 12, 5).unwrap(),
        now_ms: || NOW_MS.with(Cell::get),
        seed: || NOW_MS.with(Cell::get) as u64,
        later: |work| work(),
    }
}

fn session(kiosk: &UseKiosk, answered: bool) {
    NOW_MS.with(|n| n.set(n.get() + 60_000.0));
    kiosk.dispatch.run(Event::Start);
    kiosk.dispatch.run(Event::ChooseTopic(TopicChoice::Mixed));
    loop {
        let shown = kiosk.model.with_untracked(|m| {
            matches!(m.screen(), Screen::Answering(_)).then(|| {
                let (_, item) = m.round().unwrap().session.shown().unwrap();
                m.library()
                    .question(&item.bank, &item.question)
                    .unwrap()
                    .answer
                    .clone()
            })
        });
        let Some(answer) = shown else { break };
        if !answered {
            break;
        }
        for option in answer {
            kiosk.dispatch.run(Event::Toggle(option));
        }
        kiosk.dispatch.run(Event::Submit);
        kiosk.dispatch.run(Event::Next);
    }
    kiosk.dispatch.run(Event::Done);
}

fn per_session(answered: bool) -> isize {
    let owner = Owner::new();
    owner.set();
    let store = Store::memory();
    let kiosk = use_kiosk(store.clone(), clock(), || vec![5; 32]);
    let index = BankIndex::parse(&std::fs::read_to_string("quizzes/index.json").unwrap()).unwrap();
    for entry in index.banks {
        let bytes = std::fs::read(format!("quizzes/{}", entry.file)).unwrap();
        let bank = Arc::new(parse_bank_on_device(&entry.file, &bytes).bank.unwrap());
        kiosk.dispatch.run(Event::BankLoaded(bank));
    }
    alloc_meter::start(0);
    for _ in 0..100 {
        session(&kiosk, answered);
    }
    let at_100 = alloc_meter::held();
    for _ in 0..400 {
        session(&kiosk, answered);
    }
    (alloc_meter::held() - at_100) / 400
}

#[test]
fn a_kiosk_session_leaves_nothing_held_by_the_model_the_statistics_or_the_store() {
    let (walked, answered) = std::thread::spawn(|| (per_session(false), per_session(true)))
        .join()
        .unwrap();
    eprintln!("bytes held per session: walked away {walked}, answered {answered}");
    assert!(
        walked <= 0,
        "{walked} bytes held per session walked away from"
    );
    assert!(answered <= 0, "{answered} bytes held per session answered");
}
