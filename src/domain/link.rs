//! Deep links from the banking app and QR codes: `?topic=fraud&mode=daily&n=10&lang=en`.
//!
//! Parsed once at start into plain data; unknown or malformed values are ignored (the app then opens
//! as usual), never an error page.

use crate::domain::bank::Topic;

/// Query parameters a link may carry (besides `lang`, which the shell reads itself).
pub const LINK_PARAMS: [&str; 3] = ["topic", "mode", "n"];
/// Most questions a link may ask for in one round.
pub const MAX_LINK_COUNT: usize = 50;

/// Where a link asks the app to go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkTarget {
    /// A round of a topic's bank.
    Topic(Topic),
    /// The daily set.
    Daily,
    /// The wrong-answer book.
    WrongBook,
}

/// A parsed deep link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Link {
    /// Where to go, if anywhere.
    pub target: Option<LinkTarget>,
    /// Questions per round, if given and sensible (1 to `MAX_LINK_COUNT`).
    pub count: Option<usize>,
}

impl Link {
    /// Reads a link from query parameters; `get` returns a parameter's value.
    pub fn parse(get: impl Fn(&str) -> Option<String>) -> Link {
        let mode = get("mode").map(|m| m.trim().to_ascii_lowercase());
        let topic = get("topic").and_then(|t| Topic::parse(t.trim().to_ascii_lowercase().as_str()));
        let target = match mode.as_deref() {
            Some("daily") => Some(LinkTarget::Daily),
            Some("book" | "wrong" | "mistakes") => Some(LinkTarget::WrongBook),
            _ => topic.map(LinkTarget::Topic),
        };
        let count = get("n")
            .and_then(|n| n.trim().parse::<usize>().ok())
            .filter(|n| (1..=MAX_LINK_COUNT).contains(n));
        Link { target, count }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(query: &[(&str, &str)]) -> Link {
        Link::parse(|name| {
            query
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn reads_topic_mode_and_count() {
        assert_eq!(
            parse(&[("topic", "fraud"), ("mode", "quiz"), ("n", "15")]),
            Link {
                target: Some(LinkTarget::Topic(Topic::Fraud)),
                count: Some(15)
            }
        );
        assert_eq!(parse(&[("mode", "daily")]).target, Some(LinkTarget::Daily));
        assert_eq!(
            parse(&[("mode", "Book"), ("topic", "rights")]).target,
            Some(LinkTarget::WrongBook)
        );
    }

    #[test]
    fn unknown_or_malformed_values_are_ignored() {
        assert_eq!(parse(&[("topic", "loans"), ("n", "many")]), Link::default());
        assert_eq!(parse(&[("n", "0")]).count, None);
        assert_eq!(parse(&[("n", "500")]).count, None);
        assert_eq!(
            parse(&[("topic", " Privacy ")]).target,
            Some(LinkTarget::Topic(Topic::Privacy))
        );
        assert_eq!(parse(&[]), Link::default());
    }
}
