//! Accuracy by topic as a small chart: one row per topic, its numbers in words over an inline SVG
//! bar, with the pass mark drawn as a dashed line. The numbers never depend on reading the bars.

use crate::domain::history::TopicScore;
use crate::domain::i18n::{topic_name, Msg};
use crate::ui::services::use_locale;
use leptos::prelude::*;

/// Bar width in SVG units (each bar stretches to its row's width).
const WIDTH: u32 = 320;
/// Bar height.
const HEIGHT: u32 = 14;

/// The per-topic chart of a finished round: a row per topic with its numbers in words (full-size
/// text, read by screen readers) over an inline SVG bar (hidden from them: the words say it all).
#[component]
pub fn TopicChart(
    /// Right answers by topic.
    parts: Vec<TopicScore>,
    /// The pass mark (%), drawn as a dashed line on every bar, for a quiz.
    pass_percent: Option<u32>,
) -> impl IntoView {
    let locale = use_locale();
    let rows = parts
        .into_iter()
        .map(|p| {
            let fill = WIDTH * p.percent().min(100) / 100;
            let passed = pass_percent.is_none_or(|pass| p.percent() >= pass);
            let label = move || {
                let lang = locale.lang();
                Msg::TopicBar.fill(
                    lang,
                    &[&topic_name(p.topic).text(lang), &p.correct, &p.total, &p.percent()],
                )
            };
            let mark = pass_percent.map(|pass| {
                let x = WIDTH * pass.min(100) / 100;
                view! {
                    <line x1=x x2=x y1="0" y2=HEIGHT class="pass-line" stroke-dasharray="3 2"></line>
                }
            });
            view! {
                <li class=if passed { "bar bar-ok" } else { "bar bar-low" }>
                    <span class="bar-label">{label}</span>
                    <svg
                        viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                        preserveAspectRatio="none"
                        width="100%"
                        height=HEIGHT
                        aria-hidden="true"
                        focusable="false"
                    >
                        <rect x="0" y="0" width=WIDTH height=HEIGHT class="bar-track"></rect>
                        <rect x="0" y="0" width=fill height=HEIGHT class="bar-fill"></rect>
                        {mark}
                    </svg>
                </li>
            }
        })
        .collect_view();
    view! {
        <figure class="chart" aria-labelledby="chart-title">
            <figcaption id="chart-title" class="chart-title">{locale.tr(Msg::ByTopic)}</figcaption>
            <ul class="bars" role="list">{rows}</ul>
        </figure>
    }
}
