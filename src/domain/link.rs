//! Deep links from the banking app and QR codes:
//! `?topic=fraud&mode=quiz&n=10&audience=elderly&lang=en`.
//!
//! Parsed once at start into plain data; unknown or malformed values are ignored (the app then opens
//! as usual, with defaults), never an error page.

use crate::domain::bank::{Audience, Topic};
use crate::domain::order::in_order;
use crate::domain::plan::Plan;

/// Query parameters a link may carry (besides `lang`, which the shell reads itself).
pub const LINK_PARAMS: [&str; 4] = ["topic", "mode", "n", "audience"];
/// Most questions a link may ask for in one round.
pub const MAX_LINK_COUNT: usize = 50;

/// Where a link asks the app to go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// A practice or quiz.
    Round(Plan),
    /// The daily set.
    Daily,
    /// The wrong-answer book.
    WrongBook,
}

/// A parsed deep link.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Link {
    /// Where to go, if anywhere.
    pub target: Option<LinkTarget>,
    /// Who the questions are for, if given.
    pub audience: Option<Audience>,
}

impl Link {
    /// Reads a link from query parameters; `get` returns a parameter's value.
    /// `topic` may list several topics separated by commas; `mode` is `practice` (the default when
    /// a topic is given), `quiz`, `daily` or `book`; `n` is 1 to `MAX_LINK_COUNT`.
    pub fn parse(get: impl Fn(&str) -> Option<String>) -> Link {
        let word = |name: &str| get(name).map(|v| v.trim().to_ascii_lowercase());
        let given = word("topic").unwrap_or_default();
        let names: Vec<&str> = given
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .collect();
        let topics: Vec<Topic> = names.iter().filter_map(|t| Topic::parse(t)).collect();
        // A topic given but not understood (`?topic=fruad`) means no round at all: never a round
        // wider (every topic) or narrower (the other topics) than the link asked for.
        let misread = topics.len() < names.len();
        let topics = in_order(&Topic::ALL, &topics);
        let audience = word("audience").and_then(|a| Audience::parse(&a));
        let count = word("n")
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|n| (1..=MAX_LINK_COUNT).contains(n));
        let mode = word("mode");
        let plan = match mode.as_deref() {
            Some("quiz" | "exam" | "test" | "practice" | "practise") | None if misread => None,
            Some("daily") => return Link::to(LinkTarget::Daily, audience),
            Some("book" | "wrong" | "mistakes") => {
                return Link::to(LinkTarget::WrongBook, audience)
            }
            Some("quiz" | "exam" | "test") => Some(Plan::quiz(topics)),
            Some("practice" | "practise") => Some(Plan::practice(topics)),
            _ if !topics.is_empty() => Some(Plan::practice(topics)),
            _ => None,
        };
        let target = plan.map(|mut plan| {
            if let Some(a) = audience {
                plan.audience = a;
            }
            if count.is_some() {
                plan.count = count;
            }
            LinkTarget::Round(plan)
        });
        Link { target, audience }
    }

    fn to(target: LinkTarget, audience: Option<Audience>) -> Link {
        Link {
            target: Some(target),
            audience,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::Mode;

    fn parse(query: &[(&str, &str)]) -> Link {
        Link::parse(|name| {
            query
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        })
    }

    fn plan(link: &Link) -> &Plan {
        match &link.target {
            Some(LinkTarget::Round(p)) => p,
            other => panic!("not a round: {other:?}"),
        }
    }

    #[test]
    fn reads_topic_mode_count_and_audience() {
        let link = parse(&[("topic", "fraud"), ("mode", "quiz"), ("n", "15")]);
        let p = plan(&link);
        assert_eq!(
            (p.mode, &p.topics, p.count),
            (Mode::Quiz, &vec![Topic::Fraud], Some(15))
        );
        let link = parse(&[("topic", "privacy,Fraud"), ("audience", "elderly")]);
        let p = plan(&link);
        assert_eq!(p.mode, Mode::Practice);
        assert_eq!(p.topics, [Topic::Fraud, Topic::Privacy]);
        assert_eq!(p.audience, Audience::Elderly);
        assert_eq!(link.audience, Some(Audience::Elderly));
        assert_eq!(
            plan(&parse(&[("mode", "quiz")])).topics,
            [],
            "a quiz of every topic"
        );
        assert_eq!(parse(&[("mode", "daily")]).target, Some(LinkTarget::Daily));
        assert_eq!(
            parse(&[("mode", "Book"), ("topic", "rights")]).target,
            Some(LinkTarget::WrongBook)
        );
        assert_eq!(
            parse(&[("audience", "youth")]).audience,
            Some(Audience::Youth)
        );
    }

    #[test]
    fn a_mistyped_topic_opens_no_round_instead_of_every_topic() {
        assert_eq!(parse(&[("topic", "fruad"), ("mode", "quiz")]).target, None);
        assert_eq!(parse(&[("topic", "fraud,fruad")]).target, None);
        assert_eq!(
            parse(&[("topic", "fruad"), ("mode", "practice")]).target,
            None
        );
        // The audience and the other targets are still understood.
        let link = parse(&[("topic", "fruad"), ("audience", "elderly")]);
        assert_eq!(link.audience, Some(Audience::Elderly));
        assert_eq!(
            parse(&[("topic", "fruad"), ("mode", "daily")]).target,
            Some(LinkTarget::Daily)
        );
        // An empty topic is not a mistyped one.
        assert_eq!(plan(&parse(&[("topic", ""), ("mode", "quiz")])).topics, []);
    }

    #[test]
    fn unknown_or_malformed_values_are_ignored() {
        assert_eq!(parse(&[("topic", "loans"), ("n", "many")]), Link::default());
        assert_eq!(
            parse(&[("mode", "race"), ("audience", "aliens")]),
            Link::default()
        );
        assert_eq!(
            plan(&parse(&[("mode", "quiz"), ("n", "0")])).count,
            Some(10)
        );
        assert_eq!(
            plan(&parse(&[("mode", "quiz"), ("n", "500")])).count,
            Some(10)
        );
        assert_eq!(
            plan(&parse(&[("topic", " Privacy ")])).topics,
            [Topic::Privacy]
        );
        assert_eq!(
            plan(&parse(&[("topic", "fraud"), ("mode", "weird")])).mode,
            Mode::Practice
        );
        assert_eq!(parse(&[]), Link::default());
    }
}
