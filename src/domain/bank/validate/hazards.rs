//! Hazards typical of banks written elsewhere (papers, contest sheets, training decks): prompts
//! that keep their paper's question number, one cell holding several options, and the same
//! question twice. All are warnings: the bank loads, an editor should look.
//!
//! The duplicate check compares every prompt with every other by character bigrams through an
//! inverted index, so a bank of thousands costs O(n·k) (k: bigrams per prompt), not n² text diffs.

use super::problems::ProblemKind;
use super::{Ctx, MAX_PROBLEMS};
use crate::domain::text::{Lang, LocalText};
use std::collections::HashMap;

/// Least similarity (Dice coefficient of character bigrams, in percent) reported as a near duplicate.
pub const NEAR_DUPLICATE_PERCENT: u8 = 80;

/// Fewest bigrams a prompt needs to be judged for near duplicates (short prompts differ by a word).
const MIN_BIGRAMS: usize = 8;

/// A bigram shared by more prompts than this says little about any pair, so it finds no
/// candidates (it still counts in the similarity of a candidate found through a rarer bigram).
const COMMON_BIGRAM: usize = 64;

/// Whether a prompt starts with its own question number: "1、", "12.", "3．", "（3）", "(3)",
/// "①", "第3题". "1.5倍" and "2026年" are not numbering.
pub fn is_numbered_prompt(text: &str) -> bool {
    let t = text.trim_start();
    let mut chars = t.chars().peekable();
    let Some(first) = chars.next() else {
        return false;
    };
    match first {
        '①'..='⑳' => true,
        '(' | '（' => {
            let digits = chars.by_ref().take_while(|c| c.is_ascii_digit()).count();
            // take_while consumed the closing bracket if there was one.
            digits > 0
                && t.chars()
                    .nth(digits + 1)
                    .is_some_and(|c| matches!(c, ')' | '）'))
        }
        '第' => {
            let digits = chars.by_ref().take_while(|c| c.is_ascii_digit()).count();
            digits > 0 && t.chars().nth(digits + 1) == Some('题')
        }
        c if c.is_ascii_digit() => {
            let mut rest = t.trim_start_matches(|c: char| c.is_ascii_digit()).chars();
            let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            let (mark, after) = (rest.next(), rest.next());
            digits <= 4
                && mark.is_some_and(|c| matches!(c, '、' | '.' | '．' | ')' | '）' | '：' | ':'))
                && !after.is_some_and(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}

/// The option markers in `chars`: (where the marker starts, where its text starts, the letter's
/// position 0–5). A marker is a letter A–F (any width) at the start or after a space or line break,
/// followed by `.`, `．`, `、`, `:`, `：`, `)` or `）`, or bracketed: `(A)`, `（A）`.
fn option_markers(chars: &[char]) -> Vec<(usize, usize, usize)> {
    let letter = |c: char| match c {
        'A'..='F' => Some(usize::from(c as u8 - b'A')),
        'Ａ'..='Ｆ' => Some((u32::from(c) - u32::from('Ａ')) as usize),
        _ => None,
    };
    let mut out = Vec::new();
    for i in 0..chars.len() {
        let at_start = i == 0 || chars[i - 1].is_whitespace();
        if !at_start {
            continue;
        }
        let open = matches!(chars[i], '(' | '（');
        let at = if open { i + 1 } else { i };
        let Some(l) = chars.get(at).copied().and_then(letter) else {
            continue;
        };
        let closes = chars.get(at + 1).is_some_and(|c| {
            if open {
                matches!(c, ')' | '）')
            } else {
                matches!(c, '.' | '．' | '、' | ':' | '：' | ')' | '）')
            }
        });
        if closes {
            out.push((i, at + 2, l));
        }
    }
    out
}

/// Whether one cell holds several options: "A.是 B.否", "A、对\nB、错", "(A)… (B)…". Two or more
/// different option letters, each at the start of the text or after a space or line break, each
/// followed by a separator.
pub fn holds_several_options(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let mut letters: Vec<usize> = option_markers(&chars).into_iter().map(|m| m.2).collect();
    letters.sort_unstable();
    letters.dedup();
    letters.len() >= 2
}

/// One cell's options, for a sheet that keeps them all in one column: by their markers
/// ("A.是 B.否" → (0, "是"), (1, "否")), else one per line. Each with its letter's position.
pub fn split_options(text: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = text.chars().collect();
    let markers = option_markers(&chars);
    let mut letters: Vec<usize> = markers.iter().map(|m| m.2).collect();
    letters.dedup();
    if markers.len() >= 2 && letters.len() == markers.len() {
        return markers
            .iter()
            .enumerate()
            .map(|(k, &(_, from, letter))| {
                let to = markers.get(k + 1).map_or(chars.len(), |m| m.0);
                let text: String = chars[from.min(to)..to].iter().collect();
                (letter, text.trim().to_owned())
            })
            .collect();
    }
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
        .map(|(i, l)| (i, l.to_owned()))
        .collect()
}

impl Ctx {
    /// Warns about a prompt carrying its question number or holding the options.
    pub(super) fn check_prompt(&mut self, prompt: &LocalText) {
        if let Some(lang) = Lang::ALL
            .into_iter()
            .find(|l| is_numbered_prompt(prompt.get(*l)))
        {
            self.warn(
                &format!("prompt.{}", lang.code()),
                ProblemKind::NumberedPrompt {
                    text: prompt.get(lang).to_owned(),
                },
            );
        }
        Ctx::check_glued(self, "prompt", prompt);
    }

    /// Warns when a text holds several options (`field` is e.g. `options[1].text` or `prompt`).
    pub(super) fn check_glued(&mut self, field: &str, text: &LocalText) {
        if let Some(lang) = Lang::ALL
            .into_iter()
            .find(|l| holds_several_options(text.get(*l)))
        {
            self.warn(
                &format!("{field}.{}", lang.code()),
                ProblemKind::GluedOptions {
                    text: text.get(lang).to_owned(),
                },
            );
        }
    }
}

/// The prompt's letters and digits only, lowercased: "下列哪些，是诈骗？" and "下列哪些是诈骗" agree.
fn normalised(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The distinct character bigrams of `chars`, sorted.
fn bigrams(chars: &[char]) -> Vec<(char, char)> {
    let mut out: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// How many items two sorted lists share.
fn shared(a: &[(char, char)], b: &[(char, char)]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// What [`PromptIndex::add`] found of a prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Seen {
    /// No letters or digits: not compared.
    Empty,
    /// Not like any earlier prompt.
    New,
    /// It repeats or nearly repeats the prompt at `first`, `percent` alike (100: equal once
    /// spaces and punctuation are ignored).
    Repeats { first: usize, percent: u8 },
}

/// A bigram of characters.
type Bigram = (char, char);

/// The prompts seen so far, to tell whether the next one repeats or nearly repeats one of them.
///
/// Only what a later prompt can match is held: each distinct text once, and the bigrams of the
/// distinct texts long enough to compare. A bank of one prompt repeated holds one text whatever
/// its length (before, a list per prompt: 76 bytes each, 40 MB for a sheet of 8-byte rows).
#[derive(Default)]
pub(crate) struct PromptIndex {
    exact: HashMap<Box<[char]>, usize>,
    /// The bigrams of each distinct long text, with its position; `bigrams` points into it.
    compared: Vec<(usize, Box<[Bigram]>)>,
    bigrams: HashMap<Bigram, Vec<usize>>,
}

impl PromptIndex {
    /// Adds the prompt at position `i` (positions rising), saying whether it repeats one before.
    pub(crate) fn add(&mut self, i: usize, prompt: &str) -> Seen {
        let text = normalised(prompt);
        if text.is_empty() {
            return Seen::Empty;
        }
        if let Some(&first) = self.exact.get(text.as_slice()) {
            return Seen::Repeats {
                first,
                percent: 100,
            };
        }
        let mine = bigrams(&text);
        self.exact.insert(text.into_boxed_slice(), i);
        if mine.len() < MIN_BIGRAMS {
            return Seen::New;
        }
        let mut candidates: Vec<usize> = mine
            .iter()
            .filter_map(|g| self.bigrams.get(g))
            .filter(|list| list.len() <= COMMON_BIGRAM)
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut best = Seen::New;
        for (j, theirs) in candidates.into_iter().filter_map(|c| self.compared.get(c)) {
            let percent = 200 * shared(&mine, theirs) / (mine.len() + theirs.len());
            let percent = u8::try_from(percent.min(99)).unwrap_or(99);
            let better = match best {
                Seen::Repeats { percent: p, .. } => percent > p,
                _ => true,
            };
            if percent >= NEAR_DUPLICATE_PERCENT && better {
                best = Seen::Repeats { first: *j, percent };
            }
        }
        for g in &mine {
            self.bigrams
                .entry(*g)
                .or_default()
                .push(self.compared.len());
        }
        self.compared.push((i, mine.into_boxed_slice()));
        best
    }
}

/// Calls `found(index, first, percent)` for each prompt (by position) that repeats or nearly
/// repeats an earlier one: `first` is the earlier prompt's position, `percent` the similarity
/// (100: equal once spaces and punctuation are ignored). Chinese prompts are compared (every bank
/// has Chinese).
pub fn duplicate_prompts<'a>(
    prompts: impl IntoIterator<Item = &'a str>,
    mut found: impl FnMut(usize, usize, u8),
) {
    let mut index = PromptIndex::default();
    for (i, prompt) in prompts.into_iter().enumerate() {
        if let Seen::Repeats { first, percent } = index.add(i, prompt) {
            found(i, first, percent);
        }
    }
}

/// The questions' Chinese prompts as they are read, for the repeated-prompt warnings: the
/// distinct ones with their questions' labels, and the first `MAX_PROBLEMS` repeats (no report
/// lists more; the rest are counted).
#[derive(Default)]
pub(super) struct RepeatedPrompts {
    index: PromptIndex,
    /// The label of the question of each distinct prompt, by position.
    labels: HashMap<usize, Box<str>>,
    /// Each repeat: its question's label, the earlier question's label, how alike.
    found: Vec<(Box<str>, Box<str>, u8)>,
    more: usize,
}

/// Notes the prompt `zh` of the question at position `i`, labelled `label`.
pub(super) fn note_prompt(prompts: &mut RepeatedPrompts, i: usize, label: &str, zh: &str) {
    match prompts.index.add(i, zh) {
        Seen::Empty => {}
        Seen::New => {
            prompts.labels.insert(i, label.into());
        }
        Seen::Repeats { .. } if prompts.found.len() >= MAX_PROBLEMS => prompts.more += 1,
        Seen::Repeats { first, percent } => {
            let other = prompts.labels.get(&first).cloned().unwrap_or_default();
            prompts.found.push((label.into(), other, percent));
        }
    }
}

/// Warns on every question whose prompt repeats or nearly repeats an earlier one. Judged on the
/// prompts as written, so a question with another error is still compared.
pub(super) fn check_duplicate_prompts(ctx: &mut Ctx, prompts: RepeatedPrompts) {
    for (this, other, percent) in prompts.found {
        ctx.question = Some(this.into());
        let other = other.into();
        ctx.warn("prompt.zh", ProblemKind::DuplicatePrompt { other, percent });
    }
    ctx.more.1 += prompts.more;
    ctx.question = None;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn question_numbers_are_found_but_not_numbers_in_the_text() {
        for numbered in [
            "1、下列",
            "12.下列",
            "3．下列",
            "（3）下列",
            "(3) 下列",
            "①下列",
            "第3题 下列",
            "7) x",
        ] {
            assert!(is_numbered_prompt(numbered), "{numbered}");
        }
        for plain in [
            "1.5倍的收益",
            "2026年起",
            "下列1、2",
            "96110来电",
            "A. 下列",
            "",
        ] {
            assert!(!is_numbered_prompt(plain), "{plain}");
        }
    }

    #[test]
    fn several_options_in_one_cell_are_found() {
        for glued in [
            "A.是 B.否",
            "A、对\nB、错\nC、不知道",
            "(A)转账 (B)挂断",
            "Ａ．是　Ｂ．否",
        ] {
            assert!(holds_several_options(glued), "{glued}");
        }
        for single in ["A.是", "挂断电话，拨打110", "Plan A. Plan A.", "选A.或者B"] {
            assert!(!holds_several_options(single), "{single}");
        }
    }

    #[test]
    fn one_cell_of_options_is_split_by_its_letters_or_its_lines() {
        let opts = |t: &str| split_options(t);
        assert_eq!(
            opts("A.转账 B.挂断 C、报警"),
            [
                (0, "转账".to_owned()),
                (1, "挂断".into()),
                (2, "报警".into())
            ]
        );
        assert_eq!(
            opts("(A)是\n(C)否"),
            [(0, "是".to_owned()), (2, "否".into())]
        );
        assert_eq!(
            opts("转账\n挂断\n"),
            [(0, "转账".to_owned()), (1, "挂断".into())]
        );
    }

    /// For each prompt, the earlier one it repeats, as `duplicate_prompts` reports them.
    fn found_in<'a>(
        prompts: impl IntoIterator<Item = &'a str> + Clone,
    ) -> Vec<Option<(usize, u8)>> {
        let mut found = vec![None; prompts.clone().into_iter().count()];
        duplicate_prompts(prompts, |i, first, percent| {
            found[i] = Some((first, percent))
        });
        found
    }

    #[test]
    fn equal_and_nearly_equal_prompts_point_at_the_first() {
        let prompts = [
            "有人自称民警，要求你把钱转到安全账户，你应该怎么做？",
            "下列哪些行为是法律禁止的？",
            "有人自称民警 要求你把钱转到安全账户 你应该怎么做",
            "有人自称民警，要求你把钱转入安全账户，你应当怎么做？",
            "下列哪些行为是法律允许的？",
        ];
        let found = found_in(prompts);
        assert_eq!(found[0], None);
        assert_eq!(found[2], Some((0, 100)));
        let (first, percent) = found[3].unwrap();
        assert_eq!(first, 0);
        assert!((80..100).contains(&percent), "{percent}");
        assert_eq!(found[4], None, "opposite questions are not duplicates");
    }

    #[test]
    fn thousands_of_prompts_are_compared_quickly() {
        let prompts: Vec<String> = (0..5000)
            .map(|i| {
                format!(
                    "下列关于第{i}号产品的说法，哪一项是正确的？编号{}",
                    i * 7919 % 10007
                )
            })
            .collect();
        let started = std::time::Instant::now();
        let found = found_in(prompts.iter().map(String::as_str));
        assert_eq!(found.len(), 5000);
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    }
}
