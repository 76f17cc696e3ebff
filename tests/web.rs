//! Browser component tests: real Leptos components mounted in headless Chromium and clicked.
//! Run with `cargo test --target wasm32-unknown-unknown --test web` (see the Makefile).
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may fail loudly
#![cfg(target_arch = "wasm32")]

use anxin::domain::bank::{parse_bank, OptionId, Question};
use anxin::domain::date::Date;
use anxin::domain::text::Lang;
use anxin::ui::app::Locale;
use anxin::ui::widgets::{QuestionCard, ResultSummary};
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
async fn result_summary_shows_score_and_goes_home() {
    let root = container();
    let home = RwSignal::new(0);
    let again = RwSignal::new(0);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(Locale::new(Lang::En));
        view! {
            <ResultSummary
                correct=7
                total=10
                on_again=move |_| again.update(|n| *n += 1)
                on_home=move |_| home.update(|n| *n += 1)
            />
        }
    });
    tick().await;
    let text = root.text_content().unwrap();
    assert!(text.contains("7 of 10 correct"), "{text}");
    assert!(text.contains("Accuracy 70%"), "{text}");
    let actions = buttons(&root, "button");
    let back = actions
        .iter()
        .find(|b| b.text_content().unwrap() == "Back to home")
        .unwrap();
    back.click();
    tick().await;
    assert_eq!((home.get_untracked(), again.get_untracked()), (1, 0));
}
