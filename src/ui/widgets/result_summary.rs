//! The end of a round: accuracy (its own number), points with the streak bonus, time, the pass
//! verdict of a quiz, accuracy by topic, what to study next, and the ways on.

use crate::domain::history::RoundRecord;
use crate::domain::i18n::{topic_name, Msg};
use crate::domain::report::Advice;
use crate::domain::score::POINTS_PER_RIGHT;
use crate::platform::focus::open_on_mount;
use crate::ui::services::use_locale;
use crate::ui::widgets::TopicChart;
use leptos::prelude::*;

/// Shows the result of a finished round.
#[component]
pub fn ResultSummary(
    /// The round as filed in the history.
    record: RoundRecord,
    /// The pass mark, for a quiz.
    pass_percent: Option<u32>,
    /// The longest run of right answers.
    streak: u32,
    /// What to study next.
    advice: Vec<Advice>,
    /// Elder mode: accuracy and advice only, no points, runs or time.
    #[prop(optional)]
    plain: bool,
    /// Called to open the list of every answer.
    #[prop(into)]
    on_answers: Callback<()>,
    /// Called to play another round of the same kind.
    #[prop(into)]
    on_again: Callback<()>,
    /// Called to go back to the home screen.
    #[prop(into)]
    on_home: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let heading = NodeRef::<leptos::html::H2>::new();
    open_on_mount(heading);
    let accuracy = record.accuracy_percent();
    let (correct, total) = (record.correct, record.total);
    let bonus = record.points.saturating_sub(correct * POINTS_PER_RIGHT);
    let points = record.points;
    let (minutes, seconds) = (record.seconds / 60, record.seconds % 60);
    let title = move || match record.passed {
        Some(true) => locale.t(Msg::QuizPassed),
        Some(false) => locale.t(Msg::QuizFailed),
        None => locale.t(Msg::ResultTitle),
    };
    let sign = match record.passed {
        Some(true) => "✓ ",
        Some(false) => "✗ ",
        None => "",
    };
    let advice = advice
        .into_iter()
        .map(|a| {
            let text = move || {
                let lang = locale.lang();
                match a {
                    Advice::StudyTopic(t) => {
                        Msg::AdviceTopic.fill(lang, &[&topic_name(t).text(lang)])
                    }
                    Advice::ReviewBook(n) => Msg::AdviceBook.fill(lang, &[&n]),
                    Advice::ReviewDue(n) => Msg::AdviceDue.fill(lang, &[&n]),
                    Advice::WellDone => Msg::ResultGood.text(lang).to_owned(),
                }
            };
            view! { <li>{text}</li> }
        })
        .collect_view();
    view! {
        <div class="result">
            <h2 class="result-title" tabindex="-1" node_ref=heading>
                <span aria-hidden="true">{sign}</span>
                {title}
            </h2>
            <p class="accuracy">{move || Msg::AccuracyLine.fill(locale.lang(), &[&accuracy])}</p>
            <p class="score">{move || Msg::ScoreLine.fill(locale.lang(), &[&correct, &total])}</p>
            {pass_percent
                .map(|pass| view! { <p class="pass-mark">{move || Msg::PassMarkLine.fill(locale.lang(), &[&pass])}</p> })}
            {(!plain)
                .then(|| {
                    view! {
                        <ul class="stats" role="list">
                            <li>{move || Msg::PointsLine.fill(locale.lang(), &[&points, &bonus])}</li>
                            <li>{move || Msg::StreakLine.fill(locale.lang(), &[&streak])}</li>
                            <li>{move || Msg::TimeLine.fill(locale.lang(), &[&minutes, &seconds])}</li>
                        </ul>
                    }
                })}
            <TopicChart parts=record.parts.clone() pass_percent=pass_percent />
            <h3 class="advice-title">{locale.tr(Msg::AdviceHeading)}</h3>
            <ul class="advice" role="list">{advice}</ul>
            <div class="actions">
                <button type="button" class="button button-primary" on:click=move |_| on_answers.run(())>
                    {locale.tr(Msg::ShowAnswers)}
                </button>
                <button type="button" class="button" on:click=move |_| on_again.run(())>
                    {locale.tr(Msg::PlayAgain)}
                </button>
                <button type="button" class="button" on:click=move |_| on_home.run(())>
                    {locale.tr(Msg::BackHome)}
                </button>
            </div>
        </div>
    }
}
