//! What the screens show from the banks: the end card (lessons, hotlines, prize code) and the
//! attract screen's tips.

use super::*;

#[test]
fn the_end_card_puts_the_missed_lessons_first_and_shows_the_hotlines() {
    let mut world = World::new();
    let settings = KioskOverrides {
        bank_hotline: Some(Some("95588".into())),
        ..KioskOverrides::default()
    };
    let mut model = kiosk_with(&mut world, settings);
    begin(&mut world, &mut model, TopicChoice::Topic(Topic::Fraud));
    let keys: Vec<String> = session(&model)
        .items()
        .iter()
        .map(|i| question_key(&i.bank, &i.question))
        .collect();
    for right in [true, true, false, true, true] {
        answer(&mut world, &mut model, right);
    }
    let card = end_card(&model);
    assert_eq!((card.correct, card.total), (4, 5));
    assert_eq!(card.praise, Praise::MostRight);
    assert_eq!(card.takeaways.len(), TAKEAWAYS);
    assert_eq!(card.takeaways[0].key, keys[2], "the missed question first");
    assert!(card.takeaways[0].missed);
    assert_eq!(card.takeaways[1].key, keys[0]);
    assert!(card.takeaways.iter().all(|t| !t.text.zh.is_empty()));
    let numbers: Vec<&str> = card.hotlines.iter().map(Hotline::number).collect();
    assert_eq!(numbers, ["110", "96110", "12378", "95588"]);
    assert_eq!(card.prize_code, None, "prizes are off by default");
    assert_eq!(card.phone_url, None);
}

#[test]
fn a_prize_code_is_shown_only_at_the_threshold() {
    let settings = KioskOverrides {
        prize_threshold: Some(Some(4)),
        phone_base_url: Some(Some("https://bank.example/anxin".into())),
        ..KioskOverrides::default()
    };
    for (pattern, code) in [
        ([true, true, true, true, false], Some("K7-4821")),
        ([true, false, true, true, false], None),
    ] {
        let mut world = World::new();
        let mut model = kiosk_with(&mut world, settings.clone());
        begin(&mut world, &mut model, TopicChoice::Topic(Topic::Privacy));
        for right in pattern {
            answer(&mut world, &mut model, right);
        }
        let card = end_card(&model);
        assert_eq!(card.prize_code.as_deref(), code);
        assert_eq!(
            card.phone_url.as_deref(),
            Some("https://bank.example/anxin/index.html?topic=privacy")
        );
        assert_eq!(world.outcomes()[0].prize_issued, code.is_some());
    }
}

#[test]
fn the_attract_tips_rotate_through_short_lessons_from_the_banks() {
    let mut world = World::new();
    let model = kiosk(&mut world);
    let first = model.tip(0.0).unwrap().clone();
    let mut seen = vec![first.clone()];
    let mut n = 1.0;
    while let Some(tip) = model.tip(n * TIP_MS).filter(|t| **t != first) {
        assert!(tip.zh.chars().count() <= 40, "{tip:?}");
        assert!(tip.zh.ends_with('。') || tip.zh.ends_with('！'), "{tip:?}");
        assert!(!tip.zh.starts_with('这'), "{tip:?}");
        assert!(!seen.contains(tip), "each tip once per turn");
        seen.push(tip.clone());
        n += 1.0;
    }
    assert!(seen.len() > 20, "{} tips", seen.len());
    assert_eq!(model.tip(n * TIP_MS), Some(&first), "round and round");
    assert_eq!(model.tip(TIP_MS - 1.0), Some(&first), "each stays its time");
    assert_eq!(
        KioskModel::new(Default::default(), Default::default()).tip(0.0),
        None
    );
}

#[test]
fn a_lesson_skips_a_bare_verdict() {
    let text = LocalText::new(
        "错误。银行不会通过短信链接要求你更新信息。请拨打官方电话核实。",
        "False. Banks never ask you to update details through a text link. Call them yourself.",
    );
    let lesson = lesson(&text);
    assert_eq!(lesson.zh, "银行不会通过短信链接要求你更新信息。");
    assert_eq!(
        lesson.en,
        "Banks never ask you to update details through a text link."
    );
}

#[test]
fn a_paused_tip_stays_until_resumed_or_the_kiosk_is_left_idle() {
    let mut world = World::new();
    let mut model = kiosk(&mut world);
    let shown = model.tip(world.now_ms).unwrap().clone();
    world.send(&mut model, Event::PauseTips(true));
    assert!(model.tips_paused());
    world.wait(&mut model, 30.0);
    assert_eq!(
        model.tip(world.now_ms),
        Some(&shown),
        "paused: the same tip"
    );
    assert_eq!(model.screen(), &Screen::Attract, "a pause starts nothing");
    world.send(&mut model, Event::PauseTips(false));
    assert!(!model.tips_paused());
    world.wait(&mut model, TIP_MS / 1000.0);
    assert_ne!(model.tip(world.now_ms), Some(&shown), "rotating again");

    // Paused and walked away from: the next passer-by sees the tips move again.
    world.send(&mut model, Event::PauseTips(true));
    world.wait(&mut model, 44.0);
    assert!(model.tips_paused(), "still reading, within the idle time");
    world.wait(&mut model, 1.0);
    assert!(
        !model.tips_paused(),
        "idle for idle_seconds: the pause ends"
    );

    // A session's reset forgets a pause too.
    world.send(&mut model, Event::PauseTips(true));
    world.send(&mut model, Event::Start);
    world.send(&mut model, Event::Done);
    assert!(!model.tips_paused());
}
