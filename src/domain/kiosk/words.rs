//! The kiosk page's own words, in both languages (`KioskMsg`), apart from the learner's catalogue
//! (`i18n::Msg`) so that a phone's wasm never carries them: `Msg::text` is one match over every
//! entry, and every entry added there is downloaded by every phone. Words both pages use (the
//! question's "check my answer", "next", the language and elder switches) stay in `Msg` and are
//! reused as they are.
//!
//! Also the words for the model's own values: a [`Praise`] and a [`Hotline`]'s name.

use super::{Hotline, Praise};
use crate::domain::i18n::{fill, messages};
use crate::domain::text::Lang;

messages! {
    /// A message of the kiosk page.
    KioskMsg;

    /// The page title.
    PageTitle => "安心答 · 网点自助答题", "Anxin · Branch quiz";
    /// The attract screen's heading, under the app's name.
    AttractTitle => "金融安全知识小测验", "Financial safety quiz";
    /// The big target on the attract screen.
    TouchToStart => "点击开始", "Touch to start";
    /// Under it: {0} = questions per session.
    AttractHint => "{0} 道题，每题都有讲解，不用登录", "{0} {0:question|questions}, each explained; no sign-in";
    /// The label before the rotating tip.
    TipLabel => "安全提示", "Safety tip";
    /// While the banks load.
    Loading => "正在准备题目……", "Getting the questions ready…";
    /// No bank could be loaded.
    NoQuestions => "题目暂时无法加载，请联系网点工作人员。", "The questions could not be loaded. Please ask a member of staff.";
    /// The choosing screen's heading.
    ChooseTitle => "想了解哪方面？", "What would you like to learn about?";
    /// "A bit of everything".
    Mixed => "一样来一点", "A bit of everything";
    /// Under it.
    MixedHint => "每个主题都有", "Some of each topic";
    /// Under a topic: {0} = questions per session.
    TopicHint => "{0} 道题", "{0} {0:question|questions}";
    /// Leave the session (back to the attract screen, nothing kept).
    Done => "结束", "Done";
    /// The end card's heading.
    EndTitle => "答完了", "All done";
    /// The score: {0} right of {1}.
    Score => "答对 {0} 题，共 {1} 题", "{0} of {1} right";
    /// Every answer right.
    PraiseAll => "全部答对，真棒！", "All right. Well done!";
    /// More than half right.
    PraiseMost => "答得不错！", "Well done!";
    /// Some right.
    PraiseSome => "有收获！记住下面几条就更稳了。", "A good start. Remember the points below.";
    /// None right.
    PraiseNone => "没关系，记住下面几条就好。", "No matter. Remember the points below.";
    /// The takeaways' heading.
    TakeawaysTitle => "请记住", "Worth remembering";
    /// Before a takeaway from a question the customer missed (a word, not only a colour).
    TakeawayMissed => "答错的题", "You missed this one";
    /// Before a takeaway from a question answered right.
    TakeawayRight => "答对的题", "You got this one";
    /// The hotlines' heading.
    HotlinesTitle => "遇到可疑情况，请拨打", "If someone tries to cheat you, call";
    /// 110.
    HotlinePolice => "报警：钱已转出，尽快报警止付", "Police: if money has gone, report it at once";
    /// 96110.
    HotlineAntiFraud => "反诈预警专线：接到这个号码来电，请接听", "Anti-fraud warning line: if it calls you, answer";
    /// 12378.
    HotlineComplaints => "银行保险消费投诉热线", "Banking and insurance complaints";
    /// The bank's own hotline.
    HotlineBank => "本行客服热线", "This bank's hotline";
    /// Another session for the same customer.
    Again => "再来一轮", "Again";
    /// The idle warning's heading.
    StillThere => "还在吗？", "Still there?";
    /// The idle warning's text: {0} seconds left.
    StillThereText => "{0} 秒后回到首页，本次答题内容会清除。", "In {0} {0:second|seconds} the screen starts over and your answers are cleared.";
    /// The idle warning's button.
    Continue => "继续答题", "Continue";
    /// The position in the session for screen readers and the bar: question {0} of {1}.
    Position => "第 {0} 题 / 共 {1} 题", "Question {0} of {1}";
}

impl KioskMsg {
    /// The message with `{0}`, `{1}` … replaced by `args` (see `i18n::fill`).
    pub fn fill(self, lang: Lang, args: &[&dyn std::fmt::Display]) -> String {
        fill(self.text(lang), args)
    }
}

/// The words for a score.
pub fn praise_msg(praise: Praise) -> KioskMsg {
    match praise {
        Praise::AllRight => KioskMsg::PraiseAll,
        Praise::MostRight => KioskMsg::PraiseMost,
        Praise::SomeRight => KioskMsg::PraiseSome,
        Praise::NoneRight => KioskMsg::PraiseNone,
    }
}

/// What a hotline is for.
pub fn hotline_msg(hotline: &Hotline) -> KioskMsg {
    match hotline {
        Hotline::Police => KioskMsg::HotlinePolice,
        Hotline::AntiFraud => KioskMsg::HotlineAntiFraud,
        Hotline::Complaints => KioskMsg::HotlineComplaints,
        Hotline::Bank(_) => KioskMsg::HotlineBank,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(text: &str) -> Vec<usize> {
        (0..10)
            .filter(|i| text.contains(&format!("{{{i}}}")))
            .collect()
    }

    #[test]
    fn every_kiosk_message_exists_in_both_languages_with_the_same_placeholders() {
        for msg in KioskMsg::ALL {
            let (zh, en) = (msg.text(Lang::Zh), msg.text(Lang::En));
            assert!(!zh.trim().is_empty(), "{msg:?} has no Chinese text");
            assert!(!en.trim().is_empty(), "{msg:?} has no English text");
            assert_eq!(placeholders(zh), placeholders(en), "{msg:?}");
        }
    }

    #[test]
    fn each_language_keeps_its_own_punctuation_and_counts_agree() {
        for msg in KioskMsg::ALL {
            let en = msg.fill(Lang::En, &[&2, &2]);
            assert!(
                !en.chars().any(|c| "，：；（）、。？！“”".contains(c)),
                "{msg:?}: {en}"
            );
            let zh = msg.fill(Lang::Zh, &[&2, &2]);
            assert!(!zh.chars().any(|c| ":;,()?!".contains(c)), "{msg:?}: {zh}");
            assert!(!en.contains('{') && !zh.contains('{'), "{msg:?}");
        }
        assert_eq!(
            KioskMsg::StillThereText.fill(Lang::En, &[&1]),
            "In 1 second the screen starts over and your answers are cleared."
        );
        assert_eq!(KioskMsg::Score.fill(Lang::En, &[&4, &5]), "4 of 5 right");
    }

    #[test]
    fn every_praise_and_hotline_has_its_words() {
        let praises = [
            Praise::AllRight,
            Praise::MostRight,
            Praise::SomeRight,
            Praise::NoneRight,
        ];
        let mut seen: Vec<KioskMsg> = praises.into_iter().map(praise_msg).collect();
        seen.dedup();
        assert_eq!(seen.len(), 4);
        let lines = [
            Hotline::Police,
            Hotline::AntiFraud,
            Hotline::Complaints,
            Hotline::Bank("95588".into()),
        ];
        let mut seen: Vec<KioskMsg> = lines.iter().map(hotline_msg).collect();
        seen.dedup();
        assert_eq!(seen.len(), 4);
    }
}
