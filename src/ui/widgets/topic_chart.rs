//! Accuracy by topic as a small inline SVG bar chart: one labelled bar per topic, with the pass
//! mark drawn as a dashed line. The words are text in the chart and its accessible name, so the
//! numbers never depend on reading the bars.

use crate::domain::i18n::{topic_name, Msg};
use crate::domain::score::TopicScore;
use crate::ui::app::use_locale;
use leptos::prelude::*;

/// Chart width in SVG units (the chart scales to its container).
const WIDTH: u32 = 320;
/// Height of one topic's row.
const ROW: u32 = 48;

/// The per-topic chart of a finished round.
#[component]
pub fn TopicChart(
    /// Right answers by topic.
    parts: Vec<TopicScore>,
    /// The pass mark (%), drawn as a line, for a quiz.
    pass_percent: Option<u32>,
) -> impl IntoView {
    let locale = use_locale();
    let height = ROW * u32::try_from(parts.len()).unwrap_or(1).max(1);
    let line = move |p: &TopicScore| {
        let lang = locale.lang();
        Msg::TopicBar.fill(
            lang,
            &[
                &topic_name(p.topic).text(lang),
                &p.correct,
                &p.total,
                &p.percent(),
            ],
        )
    };
    let label_parts = parts.clone();
    let label = move || {
        let lines: Vec<String> = label_parts.iter().map(line).collect();
        format!("{}：{}", locale.t(Msg::ByTopic), lines.join("；"))
    };
    let rows = parts
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let y = ROW * u32::try_from(i).unwrap_or(0);
            let fill = WIDTH * p.percent().min(100) / 100;
            let passed = pass_percent.is_none_or(|pass| p.percent() >= pass);
            view! {
                <g class=if passed { "bar bar-ok" } else { "bar bar-low" }>
                    <text x="0" y=y + 18 class="bar-label">{move || line(&p)}</text>
                    <rect x="0" y=y + 26 width=WIDTH height="14" rx="4" class="bar-track"></rect>
                    <rect x="0" y=y + 26 width=fill height="14" rx="4" class="bar-fill"></rect>
                </g>
            }
        })
        .collect_view();
    let mark = pass_percent.map(|pass| {
        let x = WIDTH * pass.min(100) / 100;
        view! {
            <line x1=x x2=x y1="20" y2=height class="pass-line" stroke-dasharray="4 3"></line>
        }
    });
    view! {
        <figure class="chart">
            <figcaption class="chart-title">{move || locale.t(Msg::ByTopic)}</figcaption>
            <svg
                viewBox=format!("0 0 {WIDTH} {height}")
                width="100%"
                role="img"
                aria-label=label
                focusable="false"
            >
                {rows}
                {mark}
            </svg>
        </figure>
    }
}
