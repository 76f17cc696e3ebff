//! Setting up a round: practice or quiz, which topics (and what a single topic covers), the length
//! (a practice: 10, 20 or all; a quiz: 5 to 30), for a practice the order, for a quiz difficulty and
//! time limit. Shows how many questions the choice holds before it starts.

use crate::domain::bank::{BankId, Topic};
use crate::domain::catalog::{topic_summaries, IndexState};
use crate::domain::i18n::{difficulty_name, topic_name, Msg};
use crate::domain::library::Library;
use crate::domain::order::in_order;
use crate::domain::plan::Mode;
use crate::domain::plan::{Order, Plan, DIFFICULTIES, PRACTICE_COUNTS, QUIZ_COUNTS, TIME_LIMITS};
use crate::domain::text::Lang;
use crate::platform::page;
use crate::ui::hooks::use_memo;
use crate::ui::services::{use_elder, use_locale};
use crate::ui::widgets::{numbered, picked, positions, words, AudienceChips, Chips, ScreenHead};
use leptos::prelude::*;

/// The setup screen; reports the plan to start.
#[component]
pub fn SetupScreen(
    /// Where to start from (the last plan, narrowed to what was tapped).
    plan: Plan,
    /// The bank index (for the topics offered).
    #[prop(into)]
    index: Signal<IndexState>,
    /// The listed banks not offered (content errors, nothing current): a topic whose banks are
    /// all hidden is not offered.
    #[prop(into)]
    hidden: Signal<Vec<BankId>>,
    /// The banks loaded so far.
    #[prop(into)]
    library: Signal<Library>,
    /// Whether banks are still loading.
    #[prop(into)]
    loading: Signal<bool>,
    /// Called with the plan after each choice (so a reload opens the same setup).
    #[prop(into)]
    on_change: Callback<Plan>,
    /// Called with the plan to start.
    #[prop(into)]
    on_start: Callback<Plan>,
    /// Called to go back home.
    #[prop(into)]
    on_back: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let elder = use_elder();
    let plan = RwSignal::new(plan);
    // Every choice goes through here: the plan changes, and the app hears it.
    let edit = move |change: &dyn Fn(&mut Plan)| {
        plan.update(|p| change(p));
        on_change.run(plan.get_untracked());
    };

    // Topics offered: those with at least one bank that is not known to be broken.
    let topics = use_memo(move |_| {
        let IndexState::Ready(index) = index.get() else {
            return Vec::new();
        };
        let topics: Vec<Topic> = index
            .banks
            .iter()
            .filter(|e| hidden.with(|h| !h.contains(&e.id)))
            .map(|e| e.topic)
            .collect();
        in_order(&Topic::ALL, &topics)
    });
    let pool = use_memo(move |_| plan.with(|p| library.with(|l| l.pool(p, page::today()).len())));
    let ready = move || !loading.get() && pool.get() > 0;
    let mode = use_memo(move |_| plan.with(|p| p.mode));
    let due_note = move || mode.get() == Mode::Practice && pool.get() > 0;

    // Each group's values, in the order of its chips (a chip stands for its value's position).
    const MODES: [Mode; 2] = [Mode::Practice, Mode::Quiz];
    const ORDERS: [Order; 2] = [Order::Sequential, Order::Random];
    const QUIZ_COUNT_VALUES: [Option<usize>; 4] = [
        Some(QUIZ_COUNTS[0]),
        Some(QUIZ_COUNTS[1]),
        Some(QUIZ_COUNTS[2]),
        Some(QUIZ_COUNTS[3]),
    ];
    const TIMES: [u32; 3] = [0, TIME_LIMITS[0], TIME_LIMITS[1]];
    let mode_choices = numbered(&MODES, |m| {
        words(match m {
            Mode::Practice => Msg::ModePractice,
            Mode::Quiz => Msg::ModeQuiz,
        })
    });
    let order_choices = numbered(&ORDERS, |o| {
        words(match o {
            Order::Sequential => Msg::OrderSequential,
            Order::Random => Msg::OrderRandom,
        })
    });
    let count_words = move |n: Option<usize>| {
        Signal::derive(move || match n {
            Some(n) => Msg::CountOption.fill(locale.lang(), &[&n]),
            None => locale.t(Msg::CountAll).to_owned(),
        })
    };
    let count_choices = numbered(&QUIZ_COUNT_VALUES, count_words);
    let practice_count_choices = numbered(&PRACTICE_COUNTS, count_words);
    // What one chosen topic covers (its banks' descriptions; the home screen hides them on phones).
    let about = move || {
        let [topic] = plan.with(|p| p.topics.clone())[..] else {
            return None;
        };
        let IndexState::Ready(index) = index.get() else {
            return None;
        };
        let summary = hidden
            .with(|h| topic_summaries(&index.banks, h))
            .into_iter()
            .find(|s| s.topic == topic)?;
        let lang = locale.lang();
        let text = summary
            .descriptions
            .iter()
            .map(|d| d.get(lang))
            .collect::<Vec<_>>()
            .join(if lang == Lang::Zh { "" } else { " " });
        Some(view! { <p class="hint topic-about">{text}</p> })
    };
    let difficulty_choices = numbered(&DIFFICULTIES, |d| words(difficulty_name(d)));
    let time_choices = numbered(&TIMES, |s| match s {
        0 => words(Msg::TimeOff),
        s => Signal::derive(move || Msg::TimeSeconds.fill(locale.lang(), &[&s])),
    });
    let time_choices = StoredValue::new(time_choices);

    let status = move || {
        if loading.get() && pool.get() == 0 {
            locale.t(Msg::Loading).to_owned()
        } else if pool.get() == 0 {
            locale.t(Msg::PoolEmpty).to_owned()
        } else {
            Msg::PoolCount.fill(locale.lang(), &[&pool.get()])
        }
    };

    view! {
        <section class="setup" aria-labelledby="setup-title">
            <ScreenHead id="setup-title" title=Msg::SetupTitle on_back=on_back />
            <Chips
                heading=Msg::ModeHeading
                choices=mode_choices
                selected=Signal::derive(move || positions(&MODES, &[mode.get()]))
                on_pick=move |chip| {
                    if let Some(m) = picked(&MODES, chip) {
                        edit(&|p| p.set_mode(m));
                    }
                }
            />
            <p class="hint">
                {move || match mode.get() {
                    Mode::Practice => locale.t(Msg::ModePracticeHint),
                    Mode::Quiz => locale.t(Msg::ModeQuizHint),
                }}
            </p>
            {move || {
                let all = StoredValue::new(topics.get());
                view! {
                    <Chips
                        heading=Msg::TopicsHeading
                        choices=all.with_value(|all| numbered(all, |t| words(topic_name(t))))
                        selected=Signal::derive(move || {
                            all.with_value(|all| {
                                plan.with(|p| {
                                    if p.topics.is_empty() { positions(all, all) } else { positions(all, &p.topics) }
                                })
                            })
                        })
                        on_pick=move |chip| {
                            all.with_value(|all| {
                                if let Some(t) = picked(all, chip) {
                                    edit(&|p| p.toggle_topic(t, all));
                                }
                            })
                        }
                    />
                }
            }}
            {about}
            <AudienceChips
                audience=Signal::derive(move || plan.with(|p| p.audience))
                on_pick=move |a| edit(&|p| p.audience = a)
            />
            <Show
                when=move || mode.get() == Mode::Quiz
                fallback=move || {
                    view! {
                        <Chips
                            heading=Msg::CountHeading
                            choices=practice_count_choices.clone()
                            selected=Signal::derive(move || positions(&PRACTICE_COUNTS, &[plan.with(|p| p.count)]))
                            on_pick=move |chip| {
                                if let Some(n) = picked(&PRACTICE_COUNTS, chip) {
                                    edit(&|p| p.count = n);
                                }
                            }
                        />
                        <Chips
                            heading=Msg::OrderHeading
                            choices=order_choices.clone()
                            selected=Signal::derive(move || positions(&ORDERS, &[plan.with(|p| p.order)]))
                            on_pick=move |chip| {
                                if let Some(o) = picked(&ORDERS, chip) {
                                    edit(&|p| p.order = o);
                                }
                            }
                        />
                    }
                }
            >
                <Chips
                    heading=Msg::CountHeading
                    choices=count_choices.clone()
                    selected=Signal::derive(move || positions(&QUIZ_COUNT_VALUES, &[plan.with(|p| p.count)]))
                    on_pick=move |chip| {
                        if let Some(n) = picked(&QUIZ_COUNT_VALUES, chip) {
                            edit(&|p| p.count = n);
                        }
                    }
                />
                <Chips
                    heading=Msg::DifficultyHeading
                    choices=difficulty_choices.clone()
                    selected=Signal::derive(move || plan.with(|p| positions(&DIFFICULTIES, &p.difficulties)))
                    on_pick=move |chip| {
                        if let Some(d) = picked(&DIFFICULTIES, chip) {
                            edit(&|p| p.toggle_difficulty(d));
                        }
                    }
                />
                // Elder mode has no time limits.
                <Show when=move || !elder.get()>
                    <Chips
                        heading=Msg::TimeHeading
                        choices=time_choices.get_value()
                        selected=Signal::derive(move || positions(&TIMES, &[plan.with(|p| p.limit_seconds.unwrap_or(0))]))
                        on_pick=move |chip| {
                            if let Some(s) = picked(&TIMES, chip) {
                                edit(&|p| p.limit_seconds = (s > 0).then_some(s));
                            }
                        }
                    />
                </Show>
                <p class="hint">
                    {move || Msg::PassMarkLine.fill(locale.lang(), &[&plan.with(|p| p.pass_percent)])}
                </p>
            </Show>
            <p class="pool" role="status">
                {status}
                <Show when=due_note>
                    // Sentences run on without a space in Chinese.
                    {move || if locale.lang() == Lang::Zh { "" } else { " " }}
                    {locale.tr(Msg::PoolDueFirst)}
                </Show>
            </p>
            <div class="actions">
                <button
                    type="button"
                    class="button button-primary"
                    aria-disabled=move || (!ready()).to_string()
                    on:click=move |_| {
                        if ready() {
                            on_start.run(plan.get_untracked())
                        }
                    }
                >
                    {locale.tr(Msg::Start)}
                </button>
            </div>
        </section>
    }
}
