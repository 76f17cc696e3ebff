//! My progress (我的学习): mastery, best score and reviews due per topic, and the history of
//! finished rounds, newest first. Everything comes from what this device keeps.

use crate::domain::bank::Topic;
use crate::domain::history::{best_percent, RoundLabel, RoundRecord};
use crate::domain::i18n::{topic_name, Msg};
use crate::domain::library::Library;
use crate::domain::plan::Plan;
use crate::domain::text::Lang;
use crate::platform::page;
use crate::ui::hooks::use_memo;
use crate::ui::services::{use_locale, use_saved_state};
use crate::ui::widgets::ScreenHead;
use leptos::prelude::*;

/// One topic's line on the progress screen.
#[derive(Debug, Clone, PartialEq)]
struct TopicProgress {
    topic: Topic,
    mastery: u32,
    best: Option<u32>,
    due: usize,
}

/// The words for a history entry's kind.
fn label_name(label: RoundLabel) -> Msg {
    match label {
        RoundLabel::Practice => Msg::ModePractice,
        RoundLabel::Quiz => Msg::ModeQuiz,
        RoundLabel::Daily => Msg::DailySet,
        RoundLabel::WrongBook => Msg::WrongBook,
        RoundLabel::Bookmarks => Msg::Bookmarks,
    }
}

/// The progress screen.
#[component]
pub fn ProgressScreen(
    /// The banks loaded so far.
    #[prop(into)]
    library: Signal<Library>,
    /// Called to go back home.
    #[prop(into)]
    on_back: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let saved = use_saved_state();
    let today = page::today();

    let topics = use_memo(move |_| {
        library.with(|l| {
            saved.progress.with(|p| {
                saved.history.with(|h| {
                    Topic::ALL
                        .into_iter()
                        .filter_map(|topic| {
                            // The topic's current questions, for every audience.
                            let questions = l.pool(&Plan::practice(vec![topic]), today);
                            if questions.is_empty() {
                                return None;
                            }
                            Some(TopicProgress {
                                topic,
                                mastery: p.mastery_percent(questions.iter().copied(), today),
                                best: best_percent(h, topic),
                                due: p.due_count(questions, today),
                            })
                        })
                        .collect::<Vec<_>>()
                })
            })
        })
    });
    let topic_rows = move || {
        topics
            .get()
            .into_iter()
            .map(|t| {
                let lang = locale.lang();
                let best = t.best.map_or_else(
                    || Msg::NoBest.text(lang).to_owned(),
                    |b| Msg::BestLine.fill(lang, &[&b]),
                );
                view! {
                    <li class="mastery">
                        <h3 class="mastery-topic">{topic_name(t.topic).text(lang)}</h3>
                        <div class="meter" aria-hidden="true">
                            <div class="meter-fill" style:width=format!("{}%", t.mastery.min(100))></div>
                        </div>
                        <p class="mastery-line">
                            {Msg::MasteryLine.fill(lang, &[&t.mastery])}
                            " · "
                            {best}
                            " · "
                            {Msg::DueLine.fill(lang, &[&t.due])}
                        </p>
                    </li>
                }
            })
            .collect_view()
    };
    let totals = move || {
        saved.history.with(|h| {
            let questions: u32 = h.iter().map(|r| r.total).sum();
            Msg::TotalsLine.fill(locale.lang(), &[&h.len(), &questions])
        })
    };
    let history = move || {
        let rows: Vec<RoundRecord> = saved.history.with(|h| h.iter().rev().cloned().collect());
        if rows.is_empty() {
            return view! { <p class="empty">{locale.t(Msg::HistoryEmpty)}</p> }.into_any();
        }
        let lang = locale.lang();
        let items = rows
            .into_iter()
            .map(|r| history_row(&r, lang))
            .collect_view();
        view! { <ol class="history" role="list">{items}</ol> }.into_any()
    };

    view! {
        <section class="progress-screen" aria-labelledby="progress-title">
            <ScreenHead id="progress-title" title=Msg::MyProgress on_back=on_back />
            <h2 class="section-title">{locale.tr(Msg::MasteryHeading)}</h2>
            <ul class="masteries" role="list">{topic_rows}</ul>
            <p class="hint">{locale.tr(Msg::MasteryNote)}</p>
            <h2 class="section-title">{locale.tr(Msg::HistoryHeading)}</h2>
            <p class="totals">{totals}</p>
            {history}
        </section>
    }
}

/// One finished round: date, kind and topics, result, points and time.
fn history_row(r: &RoundRecord, lang: Lang) -> impl IntoView {
    let topics = r
        .topics
        .iter()
        .map(|t| topic_name(*t).text(lang))
        .collect::<Vec<_>>()
        .join(lang.list_separator());
    let verdict = r.passed.map(|p| {
        let (sign, msg) = if p {
            ("✓ ", Msg::QuizPassed)
        } else {
            ("✗ ", Msg::QuizFailed)
        };
        format!(" · {sign}{}", msg.text(lang))
    });
    view! {
        <li class="history-row">
            <p class="history-head">
                <span class="history-date">{r.date.to_string()}</span>
                " · "
                {label_name(r.label).text(lang)}
                " · "
                {topics}
            </p>
            <p class="history-result">
                {Msg::HistoryResult.fill(lang, &[&r.correct, &r.total, &r.accuracy_percent()])}
                " · "
                {Msg::HistoryPoints.fill(lang, &[&r.points])}
                " · "
                {Msg::TimeLine.fill(lang, &[&(r.seconds / 60), &(r.seconds % 60)])}
                {verdict}
            </p>
        </li>
    }
}
