//! One round on the setup screen: its type, its rules as fields (from the rules themselves:
//! `RoundRules::fields`), its questions (drawn by topic, type and difficulty with the seed shown,
//! or picked one by one from the same filtered list), and moving or removing it.

use crate::domain::bank::{QuestionType, Topic};
use crate::domain::contest::words::{choice_names, field_name, kind_about, kind_name};
use crate::domain::contest::{
    ContestMsg, DrawError, DrawFilters, FieldKind, MatchSetup, QuestionKey, RoundKind, RuleField,
};
use crate::domain::i18n::{difficulty_name, topic_name};
use crate::domain::library::Library;
use crate::platform::{focus, page};
use crate::ui::contest::use_words;
use crate::ui::hooks::use_memo;
use leptos::prelude::*;

/// An edit of the setup.
pub type Edit = Callback<Box<dyn FnOnce(&mut MatchSetup) + Send + Sync>>;

const TYPES: [QuestionType; 3] = [
    QuestionType::Single,
    QuestionType::Multiple,
    QuestionType::TrueFalse,
];

fn type_name(kind: QuestionType) -> ContestMsg {
    match kind {
        QuestionType::Single => ContestMsg::KindSingle,
        QuestionType::Multiple => ContestMsg::KindMultiple,
        QuestionType::TrueFalse => ContestMsg::KindTrueFalse,
    }
}

/// Toggles `value` in a list.
fn toggle<T: PartialEq>(list: &mut Vec<T>, value: T) {
    if let Some(at) = list.iter().position(|v| *v == value) {
        list.remove(at);
    } else {
        list.push(value);
    }
}

/// One rule's field.
#[component]
fn RuleInput(
    /// The round.
    index: usize,
    /// The rule.
    field: RuleField,
    /// The setup.
    draft: RwSignal<MatchSetup>,
    /// Edits the setup.
    edit: Edit,
) -> impl IntoView {
    let words = use_words();
    let id = format!("round-{index}-{}", field.as_str());
    let value = move || {
        draft.with(|s| {
            s.rounds
                .get(index)
                .and_then(|r| r.rules.get(field))
                .unwrap_or(0)
        })
    };
    let set = move |v: i64| {
        edit.run(Box::new(move |s| {
            if let Some(r) = s.rounds.get_mut(index) {
                r.rules.set(field, v)
            }
        }))
    };
    let label = move || words.t(field_name(field));
    match field.kind() {
        FieldKind::Number { min, max } => view! {
            <label class="rule">
                <span>{label}</span>
                <input id=id type="number" step="1" min=min max=max class="input-short"
                    prop:value=move || value().to_string()
                    on:change=move |ev| { if let Ok(v) = event_target_value(&ev).trim().parse::<i64>() { set(v) } } />
            </label>
        }
        .into_any(),
        FieldKind::Flag => view! {
            <label class="rule rule-flag">
                <input id=id type="checkbox" prop:checked=move || value() != 0
                    on:change=move |ev| set(i64::from(event_target_checked(&ev))) />
                <span>{label}</span>
            </label>
        }
        .into_any(),
        FieldKind::Choice(_) => {
            let options = choice_names(field)
                .iter()
                .enumerate()
                .map(|(i, name)| {
                    let name = *name;
                    view! { <option value=i.to_string() selected=move || value() == i as i32>{move || words.t(name)}</option> }
                })
                .collect_view();
            view! {
                <label class="rule">
                    <span>{label}</span>
                    <select id=id on:change=move |ev| { if let Ok(v) = event_target_value(&ev).parse::<i64>() { set(v) } }>{options}</select>
                </label>
            }
            .into_any()
        }
        FieldKind::List => {
            let bad = RwSignal::new(false);
            view! {
                <label class="rule">
                    <span>{label}</span>
                    <input id=id type="text" class="input-medium"
                        prop:value=move || draft.with(|s| s.rounds.get(index).map(|r| r.rules.values_text()).unwrap_or_default())
                        aria-invalid=move || bad.get().to_string()
                        on:change=move |ev| {
                            let text = event_target_value(&ev);
                            let ok = draft.with_untracked(|s| s.rounds.get(index).is_some_and(|r| r.rules.clone().set_values(&text)));
                            bad.set(!ok);
                            if ok {
                                edit.run(Box::new(move |s| if let Some(r) = s.rounds.get_mut(index) { r.rules.set_values(&text); }));
                            }
                        } />
                    <Show when=move || bad.get()>
                        <span class="field-error" role="alert">{move || words.t(ContestMsg::BadValues)}</span>
                    </Show>
                </label>
            }
            .into_any()
        }
    }
}

/// One round of the setup.
#[component]
pub fn RoundEditor(
    /// Its place in the setup.
    index: usize,
    /// The setup.
    draft: RwSignal<MatchSetup>,
    /// The banks.
    library: Signal<Library>,
    /// Edits the setup.
    edit: Edit,
) -> impl IntoView {
    let words = use_words();
    let n = index + 1;
    let kind = use_memo(move |_| draft.with(|s| s.rounds.get(index).map(|r| r.rules.kind())));
    let count =
        draft.with_untracked(|s| s.rounds.get(index).map(|r| r.questions.len()).unwrap_or(0));
    let prior = draft.with_untracked(|s| s.rounds.get(index).and_then(|r| r.draw.clone()));
    let teams = draft.with_untracked(|s| s.teams.len());
    let default_count = match kind.get_untracked() {
        Some(RoundKind::Compulsory | RoundKind::Risk) => teams,
        Some(RoundKind::Tiebreak) => 3,
        _ => 5,
    };
    let filters = RwSignal::new(
        prior
            .as_ref()
            .map(|d| d.filters.clone())
            .unwrap_or(DrawFilters {
                count: if count > 0 { count } else { default_count },
                ..DrawFilters::default()
            }),
    );
    let seed = RwSignal::new(
        prior
            .as_ref()
            .map_or_else(|| page::random_seed() % 1_000_000, |d| d.seed),
    );
    let draw_error = RwSignal::new(None::<DrawError>);
    let picking = RwSignal::new(false);

    let type_options = RoundKind::ALL
        .into_iter()
        .map(|k| view! { <option value=k.as_str() selected=move || kind.get() == Some(k)>{move || words.t(kind_name(k))}</option> })
        .collect_view();
    let rules = move || {
        kind.get().map(|_| {
            draft
                .with_untracked(|s| {
                    s.rounds
                        .get(index)
                        .map(|r| r.rules.fields())
                        .unwrap_or_default()
                })
                .into_iter()
                .map(|f| view! { <RuleInput index=index field=f draft=draft edit=edit /> })
                .collect_view()
        })
    };
    let chips = move |group: &'static str| {
        let boxes: Vec<AnyView> = match group {
            "topic" => Topic::ALL.into_iter().map(|t| view! {
                <label class="chip-check"><input type="checkbox" prop:checked=move || filters.with(|f| f.topics.contains(&t))
                    on:change=move |_| filters.update(|f| toggle(&mut f.topics, t)) /><span>{move || topic_name(t).text(words.lang())}</span></label>
            }.into_any()).collect(),
            "type" => TYPES.into_iter().map(|t| view! {
                <label class="chip-check"><input type="checkbox" prop:checked=move || filters.with(|f| f.types.contains(&t))
                    on:change=move |_| filters.update(|f| toggle(&mut f.types, t)) /><span>{move || words.t(type_name(t))}</span></label>
            }.into_any()).collect(),
            _ => (1..=3u8).map(|d| view! {
                <label class="chip-check"><input type="checkbox" prop:checked=move || filters.with(|f| f.difficulties.contains(&d))
                    on:change=move |_| filters.update(|f| toggle(&mut f.difficulties, d)) /><span>{move || difficulty_name(d).text(words.lang())}</span></label>
            }.into_any()).collect(),
        };
        boxes
    };
    let draw = move |_| {
        let (f, s) = (filters.get_untracked(), seed.get_untracked());
        let today = page::today();
        let result = library.with_untracked(|l| {
            let mut copy = draft.get_untracked();
            copy.draw_round(index, l, f.clone(), s, today)
                .map(|()| copy)
        });
        match result {
            Ok(setup) => {
                draw_error.set(None);
                edit.run(Box::new(move |d| *d = setup));
            }
            Err(e) => draw_error.set(Some(e)),
        }
    };
    let questions = move || {
        let keys = draft.with(|s| {
            s.rounds
                .get(index)
                .map(|r| r.questions.clone())
                .unwrap_or_default()
        });
        library.with(|l| {
            keys.into_iter()
                .enumerate()
                .map(|(i, key)| {
                    let prompt = l.question(&key.bank, &key.question).map(|q| q.prompt.clone());
                    let remove = key.clone();
                    view! {
                        <li>
                            <span class="q-number">{i + 1}". "</span>
                            <span class="q-prompt">{move || prompt.as_ref().map(|p| p.get(words.lang()).to_owned()).unwrap_or_default()}</span>
                            " "<code class="q-key">{key.to_string()}</code>
                            <button type="button" class="button button-small button-quiet"
                                on:click=move |_| { let k = remove.clone(); edit.run(Box::new(move |s| s.unpick_question(index, &k))); }>
                                {move || words.t(ContestMsg::RemoveQuestion)}
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let pool = move || {
        if !picking.get() {
            return None;
        }
        let f = filters.get();
        let today = page::today();
        let taken: Vec<QuestionKey> =
            draft.with(|s| s.rounds.iter().flat_map(|r| r.questions.clone()).collect());
        let rows = library.with(|l| {
            l.current_questions(today)
                .into_iter()
                .filter(|(bank, q)| {
                    let topic = l.bank(bank).map(|b| b.topic);
                    (f.topics.is_empty() || topic.is_some_and(|t| f.topics.contains(&t)))
                        && (f.types.is_empty() || f.types.contains(&q.kind))
                        && (f.difficulties.is_empty() || f.difficulties.contains(&q.difficulty))
                })
                .map(|(bank, q)| {
                    (
                        QuestionKey::new(bank.clone(), q.id.clone()),
                        q.prompt.clone(),
                    )
                })
                .filter(|(k, _)| !taken.contains(k))
                .collect::<Vec<_>>()
        });
        Some(view! {
            <ul class="pick-list" role="list">
                {rows.into_iter().map(|(key, prompt)| {
                    let add = key.clone();
                    view! {
                        <li>
                            <span class="q-prompt">{move || prompt.get(words.lang()).to_owned()}</span>
                            " "<code class="q-key">{key.to_string()}</code>
                            <button type="button" class="button button-small"
                                on:click=move |_| { let k = add.clone(); edit.run(Box::new(move |s| { s.pick_question(index, k); })); }>
                                {move || words.t(ContestMsg::AddQuestion)}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        })
    };
    let drawn_with = move || {
        draft
            .with(|s| {
                s.rounds
                    .get(index)
                    .map(|r| (r.draw.clone(), r.questions.is_empty()))
            })
            .map(|(draw, empty)| match draw {
                Some(d) => words.fill(ContestMsg::DrawnWith, &[&d.seed, &d.date]),
                None if !empty => words.t(ContestMsg::PickedByHand).to_owned(),
                None => String::new(),
            })
    };
    let heading_id = format!("round-{index}-heading");
    let labelled_by = heading_id.clone();
    view! {
        <section class="round-editor" aria-labelledby=labelled_by>
            <h3 id=heading_id>{move || words.fill(ContestMsg::RoundHeading, &[&n, &kind.get().map(|k| words.t(kind_name(k))).unwrap_or_default()])}</h3>
            <p class="round-about">{move || kind.get().map(|k| words.t(kind_about(k)))}</p>
            <div class="round-tools">
                <label>
                    <span>{move || words.t(ContestMsg::RoundType)}</span>
                    <select on:change=move |ev| {
                        if let Some(k) = RoundKind::parse(&event_target_value(&ev)) {
                            edit.run(Box::new(move |s| s.set_round_kind(index, k)));
                        }
                    }>{type_options}</select>
                </label>
                <button type="button" class="button button-small button-quiet" disabled=index == 0
                    on:click=move |_| edit.run(Box::new(move |s| s.move_round(index, true)))>
                    <span aria-hidden="true">"↑"</span><span class="sr-only">{move || words.fill(ContestMsg::MoveUp, &[&n])}</span>
                </button>
                <button type="button" class="button button-small button-quiet"
                    disabled=move || draft.with(|s| index + 1 >= s.rounds.len())
                    on:click=move |_| edit.run(Box::new(move |s| s.move_round(index, false)))>
                    <span aria-hidden="true">"↓"</span><span class="sr-only">{move || words.fill(ContestMsg::MoveDown, &[&n])}</span>
                </button>
                // The rounds are built anew without this one: the focus goes to their heading
                // (not to the next round's "remove", where a second Enter would remove that too).
                <button type="button" class="button button-small button-quiet"
                    on:click=move |_| {
                        edit.run(Box::new(move |s| { if index < s.rounds.len() { s.rounds.remove(index); } }));
                        focus::focus_id("rounds-heading");
                    }>
                    {move || words.fill(ContestMsg::RemoveRound, &[&n])}
                </button>
            </div>
            <fieldset class="round-rules">
                <legend>{move || words.t(ContestMsg::RulesHeading)}</legend>
                {rules}
            </fieldset>
            <fieldset class="round-draw">
                <legend>{move || words.fill(ContestMsg::QuestionsCount, &[&draft.with(|s| s.rounds.get(index).map(|r| r.questions.len()).unwrap_or(0))])}</legend>
                <p class="draw-note">{drawn_with}</p>
                <ol class="question-list">{questions}</ol>
                <div class="filter-group" role="group" aria-label=move || words.t(ContestMsg::Topics)>
                    <span class="filter-name" aria-hidden="true">{move || words.t(ContestMsg::Topics)}</span>{chips("topic")}
                </div>
                <div class="filter-group" role="group" aria-label=move || words.t(ContestMsg::Types)>
                    <span class="filter-name" aria-hidden="true">{move || words.t(ContestMsg::Types)}</span>{chips("type")}
                </div>
                <div class="filter-group" role="group" aria-label=move || words.t(ContestMsg::Difficulty)>
                    <span class="filter-name" aria-hidden="true">{move || words.t(ContestMsg::Difficulty)}</span>{chips("difficulty")}
                </div>
                <div class="draw-row">
                    <label>
                        <span>{move || words.t(ContestMsg::DrawCount)}</span>
                        <input type="number" min="1" max="100" class="input-short"
                            prop:value=move || filters.with(|f| f.count.to_string())
                            on:change=move |ev| { if let Ok(c) = event_target_value(&ev).trim().parse::<usize>() { filters.update(|f| f.count = c.clamp(1, 100)) } } />
                    </label>
                    <label>
                        <span>{move || words.t(ContestMsg::Seed)}</span>
                        <input type="number" min="0" class="input-medium"
                            prop:value=move || seed.get().to_string()
                            on:change=move |ev| { if let Ok(v) = event_target_value(&ev).trim().parse::<u64>() { seed.set(v) } } />
                    </label>
                    <button type="button" class="button button-small button-quiet" on:click=move |_| seed.set(page::random_seed() % 1_000_000)>
                        {move || words.t(ContestMsg::NewSeed)}
                    </button>
                    <button type="button" class="button button-small button-primary" on:click=draw>
                        {move || words.t(ContestMsg::Draw)}
                    </button>
                    <button type="button" class="button button-small" aria-expanded=move || picking.get().to_string()
                        on:click=move |_| picking.update(|p| *p = !*p)>
                        {move || words.t(if picking.get() { ContestMsg::HidePool } else { ContestMsg::PickQuestions })}
                    </button>
                </div>
                {move || draw_error.get().map(|DrawError::NotEnough { wanted, found }| view! {
                    <p class="field-error" role="alert">{move || words.fill(ContestMsg::NotEnough, &[&wanted, &found])}</p>
                })}
                {pool}
            </fieldset>
        </section>
    }
}
