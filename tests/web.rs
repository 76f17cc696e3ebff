//! Browser component tests: real Leptos components mounted in headless Chromium and clicked.
//! Run with `cargo test --target wasm32-unknown-unknown --test web` (see the Makefile).
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may fail loudly
#![cfg(target_arch = "wasm32")]

use anxin::domain::bank::{
    parse_bank, Audience, BankId, BankIndex, IndexEntry, OptionId, Question, Topic,
};
use anxin::domain::catalog::IndexState;
use anxin::domain::date::Date;
use anxin::domain::history::{RoundLabel, RoundRecord, TopicScore};
use anxin::domain::i18n::{topic_name, Msg};
use anxin::domain::library::Library;
use anxin::domain::plan::Plan;
use anxin::domain::report::Advice;
use anxin::domain::session::{Item, Quiz, Session};
use anxin::domain::text::{Lang, LocalText};
use anxin::ui::screens::{HomeScreen, SetupScreen};
use anxin::ui::services::Locale;
use anxin::ui::widgets::{
    AnswerFeedback, AnswerList, Chips, Choice, QuestionCard, ResultSummary, TopicChart,
};
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const BANK: &str = r#"{
  "format": 1, "id": "t", "topic": "fraud", "version": 1, "reviewed": "2026-11-01",
  "title": {"zh": "测试", "en": "Test"}, "description": {"zh": "测试题库", "en": "A test bank"},
  "questions": [{
    "id": "q1", "type": "single",
    "prompt": {"zh": "自称民警要求转账到安全账户，怎么办？", "en": "A caller says he is police and wants a transfer to a safe account. What now?"},
    "options": [
      {"id": "a", "text": {"zh": "马上转账", "en": "Transfer at once"}},
      {"id": "b", "text": {"zh": "挂断电话，拨打110核实", "en": "Hang up and call 110"}},
      {"id": "c", "text": {"zh": "把验证码告诉他", "en": "Tell him the code"}}
    ],
    "answer": ["b"],
    "explanation": {"zh": "公安机关不会要求转账到安全账户。", "en": "Police never ask for a transfer to a safe account."},
    "source": {"zh": "公安部刑侦局防骗提示", "en": "MPS Criminal Investigation Bureau guidance"},
    "difficulty": 1, "audience": ["elderly"]
  }]
}"#;

fn question() -> Question {
    let report = parse_bank("t.json", BANK.as_bytes(), Date::new(2026, 11, 26).unwrap());
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    report.bank.unwrap().questions.remove(0)
}

fn container() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

fn buttons(root: &web_sys::HtmlElement, selector: &str) -> Vec<web_sys::HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.get(i).unwrap().unchecked_into())
        .collect()
}

#[wasm_bindgen_test]
async fn question_card_reports_taps_and_marks_the_answer_in_words() {
    let root = container();
    let picked = RwSignal::new(Vec::<OptionId>::new());
    let selected = RwSignal::new(Vec::<OptionId>::new());
    let revealed = RwSignal::new(false);
    let order: Vec<OptionId> = ["c", "a", "b"].into_iter().map(OptionId::from).collect();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(Locale::new(Lang::En));
        view! {
            <QuestionCard
                question=question()
                order=order
                selected=selected
                revealed=revealed
                on_toggle=move |id: OptionId| picked.update(|p| p.push(id))
            />
        }
    });
    tick().await;

    let options = buttons(&root, "button.option");
    assert_eq!(options.len(), 3);
    // Display order follows `order`, lettered A, B, C.
    assert!(options[0]
        .text_content()
        .unwrap()
        .starts_with("ATell him the code"));
    assert!(options[2].text_content().unwrap().starts_with("CHang up"));

    options[1].click();
    tick().await;
    assert_eq!(picked.get_untracked(), vec![OptionId::from("a")]);

    // The player picked "a" (wrong); once revealed, marks say so in words, not colour alone.
    selected.set(vec![OptionId::from("a")]);
    revealed.set(true);
    tick().await;
    let text = root.text_content().unwrap();
    assert!(text.contains("your choice (wrong)"), "{text}");
    assert!(text.contains("right answer"), "{text}");
    assert_eq!(
        options[1].get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(
        options[1].get_attribute("aria-disabled").as_deref(),
        Some("true")
    );

    // Taps after the reveal change nothing.
    options[0].click();
    tick().await;
    assert_eq!(picked.get_untracked().len(), 1);
}

#[wasm_bindgen_test]
async fn question_card_follows_the_language() {
    let root = container();
    let locale = Locale::new(Lang::Zh);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(locale);
        view! {
            <QuestionCard
                question=question()
                order=vec![OptionId::from("a"), OptionId::from("b"), OptionId::from("c")]
                selected=Signal::derive(Vec::new)
                revealed=Signal::derive(|| false)
                on_toggle=|_| {}
            />
        }
    });
    tick().await;
    assert!(root.text_content().unwrap().contains("安全账户"));
    locale.set(Lang::En);
    tick().await;
    assert!(root.text_content().unwrap().contains("safe account"));
}

#[wasm_bindgen_test]
async fn result_summary_shows_accuracy_points_verdict_and_advice() {
    let root = container();
    let home = RwSignal::new(0);
    let review = RwSignal::new(0);
    let record = RoundRecord {
        date: Date::new(2026, 11, 27).unwrap(),
        topics: vec![Topic::Fraud, Topic::Rights],
        total: 10,
        correct: 7,
        seconds: 125,
        label: RoundLabel::Quiz,
        points: 84,
        parts: vec![
            TopicScore {
                topic: Topic::Fraud,
                correct: 5,
                total: 6,
            },
            TopicScore {
                topic: Topic::Rights,
                correct: 2,
                total: 4,
            },
        ],
        passed: Some(false),
    };
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(Locale::new(Lang::En));
        view! {
            <ResultSummary
                record=record.clone()
                pass_percent=Some(80)
                streak=4
                advice=vec![Advice::StudyTopic(Topic::Rights), Advice::ReviewBook(3)]
                on_answers=move |_| review.update(|n| *n += 1)
                on_again=|_| {}
                on_home=move |_| home.update(|n| *n += 1)
            />
        }
    });
    tick().await;
    let text = root.text_content().unwrap();
    for expected in [
        "✗ Not passed this time",
        "Accuracy 70%",
        "7 of 10 correct",
        "Pass mark: 80% right",
        "84 points (14 of them for answers in a row)",
        "Longest run: 4 right in a row",
        "Time: 2 min 5 s",
        "Practise \"Consumer rights\" next",
        "3 questions wait in your wrong-answer book",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }
    let actions = buttons(&root, "button");
    let press = |name: &str| {
        actions
            .iter()
            .find(|b| b.text_content().unwrap() == name)
            .unwrap()
            .click()
    };
    press("Review my answers");
    press("Back to home");
    tick().await;
    assert_eq!((review.get_untracked(), home.get_untracked()), (1, 1));
}

#[wasm_bindgen_test]
async fn topic_chart_draws_a_labelled_bar_per_topic_and_the_pass_line() {
    let root = container();
    let parts = vec![
        TopicScore {
            topic: Topic::Fraud,
            correct: 9,
            total: 10,
        },
        TopicScore {
            topic: Topic::Privacy,
            correct: 1,
            total: 4,
        },
    ];
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(Locale::new(Lang::En));
        view! { <TopicChart parts=parts.clone() pass_percent=Some(80) /> }
    });
    tick().await;
    let labels: Vec<String> = buttons(&root, ".bar-label")
        .iter()
        .map(|l| l.text_content().unwrap())
        .collect();
    assert_eq!(
        labels,
        [
            "Fraud prevention: 9 of 10 right, 90%",
            "Personal information: 1 of 4 right, 25%"
        ]
    );
    assert_eq!(buttons(&root, ".bar").len(), 2);
    // The bars are drawing only: the words above them say the numbers.
    assert!(buttons(&root, "svg")
        .iter()
        .all(|s| s.get_attribute("aria-hidden").as_deref() == Some("true")));
    // Under the pass mark is marked by class (and the words say the numbers).
    assert_eq!(buttons(&root, ".bar-low").len(), 1);
    let fills: Vec<String> = buttons(&root, ".bar-fill")
        .iter()
        .map(|r| r.get_attribute("width").unwrap())
        .collect();
    assert_eq!(fills, ["288", "80"]);
    let line = root.query_selector(".pass-line").unwrap().unwrap();
    assert_eq!(line.get_attribute("x1").as_deref(), Some("256"));
}

#[wasm_bindgen_test]
async fn chips_show_the_pressed_choice_in_words_and_report_taps() {
    let root = container();
    let selected = RwSignal::new(vec![2u8]);
    let picked = RwSignal::new(Vec::<u8>::new());
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(Locale::new(Lang::En));
        let choices = [1u8, 2, 3]
            .into_iter()
            .map(|d| Choice::new(d, Signal::derive(move || format!("level {d}"))))
            .collect();
        view! {
            <Chips
                heading=Msg::DifficultyHeading
                choices=choices
                selected=selected
                on_pick=move |d| picked.update(|p| p.push(d))
            />
        }
    });
    tick().await;
    let group = root.query_selector("[role=group]").unwrap().unwrap();
    let label_id = group.get_attribute("aria-labelledby").unwrap();
    let label = root
        .query_selector(&format!("#{label_id}"))
        .unwrap()
        .unwrap();
    assert!(label.text_content().unwrap().starts_with("Difficulty"));
    let chips = buttons(&root, "button.chip");
    let pressed = |c: &web_sys::HtmlElement| c.get_attribute("aria-pressed").unwrap();
    assert_eq!(
        chips.iter().map(pressed).collect::<Vec<_>>(),
        ["false", "true", "false"]
    );
    assert_eq!(chips[1].text_content().unwrap(), "✓level 2");
    chips[2].click();
    tick().await;
    assert_eq!(picked.get_untracked(), [3]);
    selected.set(vec![1, 3]);
    tick().await;
    assert_eq!(
        chips.iter().map(pressed).collect::<Vec<_>>(),
        ["true", "false", "true"]
    );
}

#[wasm_bindgen_test]
async fn review_list_shows_each_answer_with_the_right_one_and_unanswered_in_words() {
    let root = container();
    let q = question();
    let bank_json = BANK;
    let report = parse_bank(
        "t.json",
        bank_json.as_bytes(),
        Date::new(2026, 11, 26).unwrap(),
    );
    let mut library = Library::default();
    library.insert(std::sync::Arc::new(report.bank.unwrap()));
    let mut quiz = Quiz::from_pool(vec![(&BankId::from("t"), &q)], 7, None).unwrap();
    quiz.hand_in(|_| Some(&q)).unwrap();
    let session = Session::Quiz(quiz);
    let back = RwSignal::new(0);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(Locale::new(Lang::En));
        view! {
            <AnswerList
                library=library.clone()
                session=session.clone()
                on_back=move |_| back.update(|n| *n += 1)
            />
        }
    });
    tick().await;
    let text = root.text_content().unwrap();
    assert!(text.contains("Question 1"), "{text}");
    assert!(text.contains("Your answer: not answered"), "{text}");
    assert!(text.contains("Police never ask"), "{text}");
    assert_eq!(buttons(&root, ".review-item").len(), 1);
    // Listed questions use a smaller heading and do not take the focus.
    assert_eq!(buttons(&root, "h3.question-prompt").len(), 1);
    buttons(&root, "button")
        .iter()
        .find(|b| b.text_content().unwrap() == "Back to the result")
        .unwrap()
        .click();
    tick().await;
    assert_eq!(back.get_untracked(), 1);
}

/// An index whose bank titles differ from the topics' names (as the shipped banks' do).
fn index_of_two() -> BankIndex {
    let entry = |id: &str, topic: Topic, title: (&str, &str)| IndexEntry {
        id: BankId::from(id),
        file: format!("{id}.json"),
        topic,
        version: 1,
        hash: "0".into(),
        questions: 3,
        title: LocalText::new(title.0, title.1),
        description: LocalText::new("说明", "About"),
    };
    BankIndex {
        format: 1,
        banks: vec![
            entry(
                "fraud",
                Topic::Fraud,
                ("防范电信网络诈骗", "Beating phone scams"),
            ),
            entry(
                "privacy",
                Topic::Privacy,
                ("保护个人信息", "Protecting personal information"),
            ),
        ],
    }
}

/// The visible words of the elements matching `selector`, without a pressed chip's ✓.
fn texts(root: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let mut all: Vec<String> = buttons(root, selector)
        .iter()
        .map(|e| e.text_content().unwrap().replace('✓', "").trim().to_owned())
        .collect();
    all.sort();
    all
}

#[wasm_bindgen_test]
async fn home_and_setup_name_every_topic_alike_in_both_languages() {
    let locale = Locale::new(Lang::Zh);
    let index = Signal::derive(|| IndexState::Ready(std::sync::Arc::new(index_of_two())));
    let hidden = Signal::derive(Vec::<BankId>::new);
    let home = container();
    let _home = leptos::mount::mount_to(home.clone(), move || {
        provide_context(locale);
        view! {
            <HomeScreen
                index=index
                hidden=hidden
                audience=Signal::derive(|| Audience::Everyone)
                parked=Signal::derive(|| None)
                book_count=Signal::derive(|| 0)
                bookmark_count=Signal::derive(|| 0)
                can_draw=Signal::derive(|| true)
                on_audience=|_| {}
                on_setup=|_| {}
                on_continue=|_| {}
                on_daily=|_| {}
                on_shelf=|_| {}
                on_progress=|_| {}
                on_retry=|_| {}
            />
        }
    });
    let setup = container();
    let _setup = leptos::mount::mount_to(setup.clone(), move || {
        provide_context(locale);
        view! {
            <SetupScreen
                plan=Plan::practice(Vec::new())
                index=index
                hidden=hidden
                library=Signal::derive(Library::default)
                loading=Signal::derive(|| false)
                on_change=|_| {}
                on_start=|_| {}
                on_back=|_| {}
            />
        }
    });
    for lang in [Lang::Zh, Lang::En] {
        locale.set(lang);
        tick().await;
        let mut names: Vec<String> = [Topic::Fraud, Topic::Privacy]
            .into_iter()
            .map(|t| topic_name(t).text(lang).to_owned())
            .collect();
        names.sort();
        assert_eq!(texts(&home, ".topics-main .topic-title"), names, "home");
        // The topics' group, found by its accessible name (the heading that labels it).
        let group = buttons(&setup, "[role=group]")
            .into_iter()
            .find(|g| {
                let label = g.get_attribute("aria-labelledby").unwrap_or_default();
                setup
                    .query_selector(&format!("[id='{label}']"))
                    .unwrap()
                    .and_then(|l| l.text_content())
                    .is_some_and(|t| t == Msg::TopicsHeading.text(lang))
            })
            .expect("a group named by the topics heading");
        let id = group.get_attribute("aria-labelledby").unwrap();
        let topics_group = format!("[aria-labelledby='{id}'] button.chip");
        assert_eq!(texts(&setup, &topics_group), names, "setup");
        let home_text = home.text_content().unwrap();
        assert!(
            !home_text.contains("防范电信网络诈骗") && !home_text.contains("Beating phone scams")
        );
        // Every screen's way home has the same words.
        assert_eq!(
            texts(&setup, ".quiz-head button"),
            [Msg::BackHome.text(lang)]
        );
    }
}

/// The test question as shown: its options in the order c, a, b (the answer, b, is letter C).
fn shown_item() -> Item {
    Item {
        bank: BankId::from("t"),
        question: question().id.clone(),
        options: ["c", "a", "b"].into_iter().map(OptionId::from).collect(),
    }
}

#[wasm_bindgen_test]
async fn answer_feedback_in_english_uses_english_punctuation() {
    let root = container();
    let locale = Locale::new(Lang::En);
    let item = shown_item();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(locale);
        view! { <AnswerFeedback item=item.clone() question=question() chosen=vec![OptionId::from("a")] /> }
    });
    tick().await;
    let text = root.text_content().unwrap();
    assert!(text.contains("Source: MPS"), "{text}");
    assert!(text.contains("Right answer: C"), "{text}");
    assert!(!text.contains('：') && !text.contains('、'), "{text}");
    locale.set(Lang::Zh);
    tick().await;
    assert!(root.text_content().unwrap().contains("依据：公安部"));
}

#[wasm_bindgen_test]
async fn answer_feedback_prepared_hidden_shows_the_verdict_of_the_check_and_keeps_its_explanation()
{
    let root = container();
    let locale = Locale::new(Lang::En);
    let item = shown_item();
    // As a practice prepares it: hidden, nothing chosen yet.
    let chosen = RwSignal::new(Vec::<OptionId>::new());
    let hidden = RwSignal::new(true);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(locale);
        view! { <AnswerFeedback item=item.clone() question=question() chosen=chosen hidden=hidden /> }
    });
    tick().await;
    let feedback = root.query_selector(".feedback").unwrap().expect("prepared");
    assert!(feedback.has_attribute("hidden"), "hidden until the check");
    let explanation = root
        .query_selector(".explanation")
        .unwrap()
        .expect("explanation");

    // Checked with a wrong answer (display letter A is option c).
    chosen.set(vec![OptionId::from("c")]);
    hidden.set(false);
    tick().await;
    assert!(!feedback.has_attribute("hidden"));
    assert_eq!(feedback.class_name(), "feedback is-wrong");
    assert_eq!(texts(&root, ".verdict"), ["✗Not quite"]);
    assert_eq!(
        texts(&root, ".answer-line"),
        ["Right answer: C · Your answer: A"]
    );
    let same = root
        .query_selector(".explanation")
        .unwrap()
        .expect("explanation");
    assert!(
        same.is_same_node(Some(&explanation)),
        "built once, before the check"
    );
}

#[wasm_bindgen_test]
async fn practice_actions_draw_the_verdict_of_the_ticks_while_waiting_so_the_check_only_shows_it() {
    use anxin::ui::widgets::PracticeActions;
    let root = container();
    let locale = Locale::new(Lang::En);
    let shown = RwSignal::new(Some((shown_item(), question())));
    let selected = RwSignal::new(Vec::<OptionId>::new());
    let revealed = RwSignal::new(false);
    let chosen = RwSignal::new(Vec::<OptionId>::new());
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(locale);
        view! {
            <PracticeActions
                shown=shown
                is_last=false
                revealed=revealed
                selected=selected
                chosen=chosen
                on_submit=|()| {}
                on_next=|()| {}
            />
        }
    });
    // Prepared once the page has painted.
    sleep(100).await;
    let feedback = root.query_selector(".feedback").unwrap().expect("prepared");
    assert!(feedback.has_attribute("hidden"));
    assert_eq!(
        texts(&root, ".answer-line"),
        ["Right answer: C · Your answer: not answered"]
    );
    // A tick (display letter C is option b, the answer) draws the verdict of it, still hidden.
    selected.set(vec![OptionId::from("b")]);
    tick().await;
    assert!(feedback.has_attribute("hidden"));
    assert_eq!(texts(&root, ".answer-line"), ["Right answer: C"]);
    let verdict = root.query_selector(".verdict").unwrap().expect("verdict");
    // The check (with the options ticked) shows it, drawn already: the same node, unchanged.
    chosen.set(vec![OptionId::from("b")]);
    revealed.set(true);
    tick().await;
    assert!(!feedback.has_attribute("hidden"));
    assert_eq!(feedback.class_name(), "feedback is-right");
    let same = root.query_selector(".verdict").unwrap().expect("verdict");
    assert!(
        same.is_same_node(Some(&verdict)),
        "not drawn again by the check"
    );
    assert_eq!(verdict.text_content().unwrap(), "✓Correct");
    assert_eq!(texts(&root, ".answer-line"), ["Right answer: C"]);
    // The button's words take turns (both laid out, the other one hidden).
    assert_eq!(
        texts(&root, ".actions button .swap > :not(.is-off)"),
        ["Next question"]
    );
    assert_eq!(
        texts(&root, ".actions button .swap > .is-off"),
        ["Check my answer"]
    );
}

#[wasm_bindgen_test]
async fn after_paint_builds_once_painted_or_at_once_when_asked_and_only_once() {
    use anxin::ui::widgets::AfterPaint;
    let root = container();
    let now = RwSignal::new(false);
    let builds = StoredValue::new(0usize);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <div class="a">
                <AfterPaint now=false>
                    <p class="waits">"prepared"</p>
                </AfterPaint>
            </div>
            <div class="b">
                <AfterPaint now=now>
                    {builds.update_value(|n| *n += 1)}
                    <p class="asked">"asked"</p>
                </AfterPaint>
            </div>
        }
    });
    tick().await;
    assert!(
        buttons(&root, ".waits").is_empty(),
        "not in the task that mounted it"
    );
    // Asked for before the paint: built at once.
    now.set(true);
    tick().await;
    assert_eq!(texts(&root, ".asked"), ["asked"]);
    sleep(100).await;
    assert_eq!(texts(&root, ".waits"), ["prepared"]);
    // The paint after it built nothing again; nor does asking again.
    now.set(false);
    tick().await;
    now.set(true);
    tick().await;
    assert_eq!(builds.get_value(), 1);
    assert_eq!(texts(&root, ".asked"), ["asked"]);
}

/// Waits for `ms` milliseconds of the page's own clock.
async fn sleep(ms: i32) {
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(wait).await.unwrap();
}

#[wasm_bindgen_test]
async fn after_paint_runs_each_task_once_in_order_after_a_frame() {
    use std::cell::RefCell;
    use std::rc::Rc;
    let ran = Rc::new(RefCell::new(Vec::<&str>::new()));
    let frame = Rc::new(RefCell::new(false));
    // A frame's callback asked for before the tasks runs before any of them.
    let seen = frame.clone();
    leptos::prelude::request_animation_frame(move || *seen.borrow_mut() = true);
    for name in ["first", "second"] {
        let (ran, frame) = (ran.clone(), frame.clone());
        anxin::platform::page::after_paint(move || {
            assert!(*frame.borrow(), "{name} ran before the frame");
            ran.borrow_mut().push(name);
            // A task may ask for another (the desk's preview waits for two paints so).
            if name == "first" {
                let ran = ran.clone();
                anxin::platform::page::after_paint(move || ran.borrow_mut().push("third"));
            }
        });
    }
    assert!(ran.borrow().is_empty(), "a task ran at once");
    sleep(300).await;
    assert_eq!(*ran.borrow(), ["first", "second", "third"]);
}

#[wasm_bindgen_test]
async fn in_next_task_builds_each_row_in_a_later_task_and_a_list_built_again_at_once() {
    use anxin::ui::widgets::InNextTask;
    let root = container();
    let count = RwSignal::new(2usize);
    // As the contest's setup builds its rounds: each row a task later the first time, at once
    // when the list is built again.
    let first = StoredValue::new(true);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        let rows = move || {
            let at_once = !first.get_value();
            first.set_value(false);
            (0..count.get())
                .map(|i| view! { <InNextTask at_once=at_once><p class="row">{i}</p></InNextTask> })
                .collect_view()
        };
        view! { <div>{rows}</div> }
    });
    tick().await;
    assert!(
        buttons(&root, ".row").is_empty(),
        "built in the task that mounted it"
    );
    sleep(50).await;
    assert_eq!(texts(&root, ".row"), ["0", "1"]);

    // A row added: the list is built again, every row at once (none goes blank for a task).
    count.set(3);
    tick().await;
    assert_eq!(texts(&root, ".row"), ["0", "1", "2"]);
}
