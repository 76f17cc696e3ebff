//! The one-page activity report, as a standalone HTML document that prints on A4: the branches,
//! the period, participants, completion, topics with an inline SVG bar chart, and the five
//! questions most often missed with the wrong answer people chose. Made only from the suppressed
//! [`StatsView`], so every count under 5 reads "<5" here too.
//!
//! Its few labels live here, in both languages, because the report is a document for the
//! branch's records rather than a screen of the app.

use super::view::{Cell, Share, StatsView};
use crate::domain::bank::Bank;
use crate::domain::text::Lang;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Question and option texts by progress key, to name questions in the report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuestionTexts(BTreeMap<String, (String, BTreeMap<String, String>)>);

impl QuestionTexts {
    /// The texts of every question of `banks`, in `lang`.
    pub fn from_banks<'a>(banks: impl IntoIterator<Item = &'a Bank>, lang: Lang) -> Self {
        let mut texts = BTreeMap::new();
        for bank in banks {
            for q in &bank.questions {
                let options = q
                    .options
                    .iter()
                    .map(|o| (o.id.to_string(), o.text.get(lang).to_owned()))
                    .collect();
                let key = format!("{}/{}", bank.id, q.id);
                texts.insert(key, (q.prompt.get(lang).to_owned(), options));
            }
        }
        QuestionTexts(texts)
    }

    /// The question's prompt, or its key when its bank was not given.
    fn prompt<'a>(&'a self, key: &'a str) -> &'a str {
        self.0.get(key).map_or(key, |(prompt, _)| prompt)
    }

    /// A wrong choice (`a+c`) as the options' texts, or as the ids.
    fn choice(&self, key: &str, choice: &str) -> String {
        let Some((_, options)) = self.0.get(key) else {
            return choice.to_owned();
        };
        let texts: Vec<&str> = choice
            .split('+')
            .map(|id| options.get(id).map_or(id, String::as_str))
            .collect();
        texts.join(" + ")
    }
}

struct Labels {
    title: &'static str,
    branch: &'static str,
    period: &'static str,
    participants: &'static str,
    completed: &'static str,
    accuracy: &'static str,
    topics: &'static str,
    sessions: &'static str,
    missed: &'static str,
    question: &'static str,
    wrong: &'static str,
    chosen: &'static str,
    elder: &'static str,
    prizes: &'static str,
    note: &'static str,
}

fn labels(lang: Lang) -> Labels {
    match lang {
        Lang::Zh => Labels {
            title: "金融安全知识答题活动报告",
            branch: "网点",
            period: "统计期间",
            participants: "参与人次",
            completed: "完成人次（完成率）",
            accuracy: "平均正确率",
            topics: "主题",
            sessions: "人次",
            missed: "答错最多的五道题",
            question: "题目",
            wrong: "答错次数",
            chosen: "最常选的错误答案",
            elder: "长辈模式",
            prizes: "礼品码（发放 / 兑换）",
            note: "匿名统计，不含任何个人信息；少于5的数字显示为“<5”。",
        },
        Lang::En => Labels {
            title: "Financial-safety quiz: activity report",
            branch: "Branch",
            period: "Period",
            participants: "Participants",
            completed: "Completed (rate)",
            accuracy: "Mean accuracy",
            topics: "Topics",
            sessions: "Sessions",
            missed: "The five questions most often missed",
            question: "Question",
            wrong: "Wrong",
            chosen: "Wrong answer most chosen",
            elder: "Elder mode",
            prizes: "Prize codes (issued / redeemed)",
            note: "Anonymous counts, no personal data; counts under 5 are shown as \"<5\".",
        },
    }
}

/// Escapes text for HTML.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// The topic bar chart: one bar per topic choice, a suppressed count drawn as an outlined stub.
fn topic_chart(view: &StatsView, topic_name: &dyn Fn(&str) -> String) -> String {
    let max = view
        .topics
        .iter()
        .filter_map(|t| t.sessions.exact())
        .max()
        .unwrap_or(1)
        .max(1);
    let (row, label_w, bar_w) = (26, 140, 360);
    let height = row * view.topics.len().max(1);
    let mut svg = format!(
        "<svg role=\"img\" aria-label=\"topics\" width=\"{w}\" height=\"{height}\" viewBox=\"0 0 {w} {height}\" xmlns=\"http://www.w3.org/2000/svg\">",
        w = label_w + bar_w + 60
    );
    for (i, t) in view.topics.iter().enumerate() {
        let y = i * row;
        let (width, style) = match t.sessions {
            Cell::Exact(n) => (
                (n as usize * bar_w).div_ceil(max as usize),
                "fill=\"#2b6cb0\"",
            ),
            Cell::Under5 => (6, "fill=\"none\" stroke=\"#2b6cb0\""),
        };
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{ty}\" font-size=\"13\">{name}</text><rect x=\"{label_w}\" y=\"{ry}\" width=\"{width}\" height=\"18\" {style}/><text x=\"{tx}\" y=\"{ty}\" font-size=\"13\">{count}</text>",
            ty = y + 17,
            ry = y + 4,
            tx = label_w + width + 6,
            name = esc(&topic_name(t.choice.as_str())),
            count = esc(&t.sessions.to_string()),
        );
    }
    svg.push_str("</svg>");
    svg
}

const STYLE: &str = "@page{size:A4;margin:15mm}\
body{font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;font-size:11pt;color:#111;max-width:180mm;margin:0 auto}\
h1{font-size:16pt;margin:0 0 4mm}h2{font-size:12pt;margin:5mm 0 2mm}\
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:1.5mm 2mm;text-align:left;vertical-align:top}\
td.n{text-align:right;white-space:nowrap}.note{font-size:9pt;color:#444}\
@media print{body{max-width:none}section,table,svg{break-inside:avoid}}";

/// The report as a whole HTML document, in `lang`, with its own print stylesheet. Question texts
/// come from `texts` (the keys where a question's bank was not given); `topic_name` names a
/// topic word (`fraud`, `mixed`).
pub fn activity_report(
    view: &StatsView,
    texts: &QuestionTexts,
    lang: Lang,
    topic_name: &dyn Fn(&str) -> String,
) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}</style></head><body>{}</body></html>\n",
        lang.html_lang(),
        labels(lang).title,
        report_body(view, texts, lang, topic_name),
    )
}

/// The report's content alone (what goes inside `<body>`, no style and no script), for a page
/// that shows it in place and prints it with its own stylesheet (the kiosk's panel).
pub fn report_body(
    view: &StatsView,
    texts: &QuestionTexts,
    lang: Lang,
    topic_name: &dyn Fn(&str) -> String,
) -> String {
    let l = labels(lang);
    let period = view
        .period
        .map_or_else(|| "—".to_owned(), |(from, to)| format!("{from} – {to}"));
    let share = |s: Share| match s {
        Share::NoBase => String::new(),
        s => format!(" ({s})"),
    };
    let mut html = format!("<h1>{}</h1>", l.title);
    let facts = [
        (l.branch, esc(&view.branches.join(lang.list_separator()))),
        (l.period, period),
        (l.participants, view.started.to_string()),
        (
            l.completed,
            format!("{}{}", view.completed, share(view.completion)),
        ),
        (l.accuracy, view.accuracy.to_string()),
        (l.elder, format!("{}{}", view.elder.0, share(view.elder.1))),
        (
            l.prizes,
            format!("{} / {}", view.prizes_issued, view.prizes_redeemed),
        ),
    ];
    html.push_str("<table>");
    for (label, value) in facts {
        let _ = write!(
            html,
            "<tr><th scope=\"row\">{label}</th><td>{}</td></tr>",
            esc(&value)
        );
    }
    let _ = write!(
        html,
        "</table><section><h2>{}</h2>{}<table><tr><th>{}</th><th>{}</th><th>{}</th></tr>",
        l.topics,
        topic_chart(view, topic_name),
        l.topics,
        l.sessions,
        l.accuracy
    );
    for t in &view.topics {
        let _ = write!(
            html,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            esc(&topic_name(t.choice.as_str())),
            esc(&t.sessions.to_string()),
            esc(&t.accuracy.to_string()),
        );
    }
    let _ = write!(
        html,
        "</table></section><section><h2>{}</h2><table><tr><th>{}</th><th>{}</th><th>{}</th></tr>",
        l.missed, l.question, l.wrong, l.chosen
    );
    for missed in view.most_missed(5) {
        let key = &missed.question.key;
        let chosen = missed.chosen.map_or(String::new(), |(choice, cell)| {
            format!("{} ({cell})", texts.choice(key, choice))
        });
        let _ = write!(
            html,
            "<tr><td>{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            esc(texts.prompt(key)),
            esc(&missed.question.wrong.to_string()),
            esc(&chosen),
        );
    }
    let _ = write!(
        html,
        "</table></section><p class=\"note\">{}</p>",
        esc(l.note)
    );
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kiosk::stats::tests::thirty;

    #[test]
    fn the_report_prints_on_a4_and_suppresses_small_counts() {
        let html = activity_report(
            &thirty().view(),
            &QuestionTexts::default(),
            Lang::En,
            &|t| t.to_owned(),
        );
        assert!(html.contains("@page{size:A4"));
        let body = report_body(
            &thirty().view(),
            &QuestionTexts::default(),
            Lang::En,
            &|t| t.to_owned(),
        );
        assert!(html.contains(&body));
        assert!(!body.contains("<style") && !body.contains("<script") && !body.contains("style="));
        assert!(html.contains("<svg role=\"img\""));
        assert!(html.contains("Main St"));
        assert!(html.contains("2025-03-01 – 2025-03-03"));
        // Without the banks, questions are named by their keys and choices by option ids.
        assert!(
            html.contains("<td>fraud/q1</td><td class=\"n\">21</td><td>b (21)</td>"),
            "{html}"
        );
        assert!(
            !html.contains(">3<"),
            "the 3 English sessions must not show"
        );
    }

    #[test]
    fn the_report_names_questions_and_wrong_answers_from_the_banks() {
        let bank = crate::domain::bank::parse_bank(
            "fraud.json",
            include_bytes!("../../../../quizzes/fraud.json"),
            crate::domain::date::Date::new(2025, 1, 1).unwrap(),
        )
        .bank
        .unwrap();
        let q = &bank.questions[0];
        let mut stats = thirty();
        let counts = stats.questions.remove("fraud/q1").unwrap();
        let key = format!("fraud/{}", q.id);
        let wrong = counts.wrong.values().sum::<u32>();
        let mut counts = counts;
        counts.wrong = BTreeMap::from([(q.options[1].id.to_string(), wrong)]);
        stats.questions.insert(key, counts);
        let texts = QuestionTexts::from_banks([&bank], Lang::Zh);
        let html = activity_report(&stats.view(), &texts, Lang::Zh, &|t| t.to_owned());
        assert!(html.contains(&esc(q.prompt.get(Lang::Zh))), "{html}");
        assert!(html.contains(&format!("{} (21)", esc(q.options[1].text.get(Lang::Zh)))));
    }
}
