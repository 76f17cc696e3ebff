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
    /// Stop the tips changing (WCAG 2.2.2).
    PauseTips => "暂停换提示", "Pause the tips";
    /// Let the tips change again.
    ResumeTips => "继续换提示", "Resume the tips";
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

    /// The operator panel's name.
    PanelTitle => "管理面板", "Staff panel";
    /// First run: choose a PIN.
    ChoosePin => "首次使用：请设置管理密码（4–8 位数字）", "First use: set a staff PIN (4–8 digits)";
    /// First run: the PIN again.
    ChoosePinAgain => "请再输入一次新密码", "Type the new PIN again";
    /// Asking for the PIN.
    EnterPin => "请输入管理密码", "Enter the staff PIN";
    /// How many digits are typed: {0}.
    Typed => "已输入 {0} 位", "{0} {0:digit|digits} typed";
    /// The keypad's erase key.
    Erase => "删除", "Erase";
    /// The keypad's OK key.
    Ok => "确定", "OK";
    /// Close the panel.
    Close => "关闭", "Close";
    /// While a PIN is checked.
    Checking => "正在核对……", "Checking…";
    /// A new PIN of the wrong length (or not digits).
    PinRuleLength => "密码须为 4–8 位数字", "A PIN has 4 to 8 digits";
    /// A new PIN of one digit repeated.
    PinRuleSame => "不能全是同一个数字", "A PIN is not one digit repeated";
    /// A new PIN counting up or down.
    PinRuleSequence => "不能是连续的数字", "A PIN is not a run of digits up or down";
    /// A new PIN that could not be set (no random salt).
    PinRuleOther => "这台设备无法设置密码，请联系技术人员", "This device cannot set a PIN; please call technical support";
    /// The two typings differ.
    PinMismatch => "两次输入不一致，请重新设置", "The two PINs differ. Please start again.";
    /// Wrong PIN: {0} tries left.
    PinWrong => "密码错误，还可再试 {0} 次", "Wrong PIN. {0} {0:try|tries} left before a pause.";
    /// Locked: {0} seconds left.
    PinLocked => "错误次数过多，请 {0} 秒后再试", "Too many wrong tries. Try again in {0} {0:second|seconds}.";
    /// The new PIN was saved.
    PinSet => "管理密码已设置", "The staff PIN is set";
    /// The statistics' heading.
    StatsTitle => "答题统计", "Statistics";
    /// The period: {0} to {1}.
    StatsPeriod => "统计期间：{0} 至 {1}", "Period: {0} to {1}";
    /// No counts yet.
    StatsNone => "还没有统计到答题", "No sessions counted yet";
    /// Small counts.
    StatsSuppressed => "少于 5 的数显示为“<5”，以免看出个人。", "Counts under 5 are shown as \"<5\" so no one can be singled out.";
    /// Sessions started.
    StatsStarted => "参与人次", "Sessions started";
    /// Sessions completed.
    StatsCompleted => "答完人次", "Sessions completed";
    /// Completion rate.
    StatsCompletion => "完成率", "Completion rate";
    /// Mean accuracy.
    StatsAccuracy => "平均正确率", "Mean accuracy";
    /// Elder mode use.
    StatsElder => "使用长辈模式", "In elder mode";
    /// Sessions in English.
    StatsEnglish => "使用英文", "In English";
    /// The topics table.
    StatsTopics => "各主题", "By topic";
    /// A column: sessions.
    StatsSessions => "人次", "Sessions";
    /// A column: accuracy.
    StatsTopicAccuracy => "正确率", "Accuracy";
    /// The most missed questions.
    StatsMissed => "最常答错的题", "Most often missed";
    /// A missed question's line: {0} wrong answers, the wrong choice {1} chosen {2} times.
    StatsMissedLine => "答错 {0} 次；最常选的错误答案：“{1}”（{2} 次）", "{0} wrong; the wrong answer chosen most: \"{1}\" ({2})";
    /// The score distribution.
    StatsScores => "得分分布", "Scores";
    /// A score row: {0} right of {1}.
    StatsScoreRow => "答对 {0} / {1} 题", "{0} of {1} right";
    /// Sessions by hour.
    StatsHours => "各时段参与人次", "Sessions by hour";
    /// Sessions by day.
    StatsDays => "每日参与人次", "Sessions by day";
    /// The period chooser's label.
    PeriodsLabel => "统计期间", "Periods";
    /// The period being counted.
    PeriodCurrent => "当前期间", "Current period";
    /// A period closed by a bank update: {0} = its start.
    PeriodEarlier => "题库更新前（自 {0} 起）", "Before a bank update (from {0})";
    /// The panel's tab of the statistics.
    TabStats => "统计", "Statistics";
    /// The panel's tab of the settings.
    TabSettings => "设置", "Settings";
    /// The panel's tab of the prize codes.
    TabPrizes => "奖品码", "Prize codes";
    /// The tabs' group.
    TabsLabel => "管理功能", "Staff tasks";
    /// The settings' heading.
    SettingsTitle => "本机设置", "This kiosk's settings";
    /// Under it.
    SettingsHint => "这里的设置只保存在本机，优先于 kiosk.json；没改过的项目仍跟随 kiosk.json。", "Settings saved here apply to this kiosk only, over kiosk.json; what you do not change still follows kiosk.json.";
    /// Idle seconds.
    SettingIdle => "无操作多少秒后询问“还在吗？”", "Seconds without a touch before \"Still there?\"";
    /// Countdown seconds.
    SettingCountdown => "“还在吗？”倒计时秒数", "Seconds of the \"Still there?\" countdown";
    /// Questions per session.
    SettingQuestions => "每轮题数", "Questions per session";
    /// Prize threshold.
    SettingPrize => "答对几题可领奖品码（0 为不发）", "Right answers for a prize code (0: none)";
    /// The topics offered.
    SettingTopics => "提供的主题", "Topics offered";
    /// The audience.
    SettingAudience => "题目面向", "Questions for";
    /// The default language.
    SettingLang => "默认语言", "Default language";
    /// Whether customers start in elder mode.
    SettingElder => "每位客户开始时的字号", "Text size each customer starts with";
    /// The ordinary size, in the elder-mode setting.
    ElderOff => "标准字号", "Standard size";
    /// Elder mode, in the elder-mode setting.
    ElderOn => "长辈模式（大字）", "Elder mode (large text)";
    /// The branch's name.
    SettingBranch => "网点名称", "Branch name";
    /// The bank's hotline.
    SettingHotline => "本行客服热线（可不填）", "This bank's hotline (optional)";
    /// The phone base URL.
    SettingPhoneUrl => "手机版网址，用于“在手机上继续”（可不填）", "The phone app's address, for \"Continue on your phone\" (optional)";
    /// A stepper's down button: {0} = the setting.
    StepDown => "减少：{0}", "Less: {0}";
    /// A stepper's up button: {0} = the setting.
    StepUp => "增加：{0}", "More: {0}";
    /// The range under a stepper: {0}–{1}.
    SettingRange => "可设 {0}–{1}", "Allowed: {0} to {1}";
    /// Save the settings.
    SaveSettings => "保存设置", "Save the settings";
    /// Drop this kiosk's settings.
    ClearSettings => "恢复 kiosk.json 的设置", "Use kiosk.json's settings";
    /// The settings were saved.
    SettingsSaved => "设置已保存", "The settings are saved";
    /// The settings were not saved.
    SettingsRefused => "有设置无法使用，未保存。请修改标出的项目。", "Some settings cannot be used, so nothing was saved. Please fix the ones marked.";
    /// A number out of range: {0}–{1}.
    ProblemRange => "须在 {0}–{1} 之间", "Must be {0} to {1}";
    /// A branch name the kiosk cannot use.
    ProblemBranch => "最多 40 个字", "At most 40 characters";
    /// A hotline the kiosk cannot use.
    ProblemHotline => "只能填数字、空格、加号、减号和括号，最多 20 位", "Digits, spaces, + - ( ) only, at most 20 characters";
    /// A phone URL the kiosk cannot use.
    ProblemUrl => "须是以 https 或 http 开头的网址，不能含问号或井号", "Must start with https:// or http:// and hold no ? or #";
    /// No topic chosen.
    ProblemTopics => "至少选一个主题", "Choose at least one topic";
    /// A prize threshold above the session's length.
    ProblemPrize => "不能多于每轮题数", "Cannot be more than the questions per session";
    /// Any other unusable value.
    ProblemOther => "这个值无法使用", "This value cannot be used";
    /// Change the PIN.
    ChangePin => "修改管理密码", "Change the staff PIN";
    /// Enter the current PIN (changing it).
    EnterOldPin => "修改密码：请输入原密码", "Changing the PIN: enter the current PIN";
    /// Enter the new PIN (changing it).
    EnterNewPin => "请输入新密码（4–8 位数字）", "Enter the new PIN (4–8 digits)";
    /// The PIN was changed.
    PinChanged => "管理密码已修改", "The staff PIN is changed";
    PinUnreadable => "管理密码的记录读不出来（已损坏，或由更新的版本写入），为安全起见操作面板保持锁定。请信息技术人员换回写入它的版本，或清除本设备上本网站的数据后重新设置（统计会一并清除）。", "The staff PIN record cannot be read (damaged, or written by a newer version), so the panel stays locked. Ask IT to deploy the version that wrote it, or to clear this site's data on this device and set a new PIN (the statistics are cleared too).";
    /// Leave a task without changing anything.
    Cancel => "取消", "Cancel";
    /// Export the counts as JSON.
    ExportJson => "导出 JSON（供汇总）", "Export JSON (for merging)";
    /// Export as CSV.
    ExportCsv => "导出 CSV", "Export CSV";
    /// Show the printable report.
    ShowReport => "活动报告（打印）", "Activity report (print)";
    /// Print it.
    Print => "打印", "Print";
    /// Back from the report.
    BackToStats => "返回统计", "Back to the statistics";
    /// A download could not be made.
    ExportFailed => "这台设备无法保存文件", "This device cannot save the file";
    /// A file was saved: {0} = its name.
    Exported => "已保存：{0}", "Saved: {0}";
    /// Reset the statistics.
    ResetStats => "清空统计", "Reset the statistics";
    /// The confirmation.
    ResetConfirm => "确定清空全部统计（包括之前的期间）吗？清空后无法恢复，请先导出。", "Reset every count, earlier periods included? This cannot be undone: export first.";
    /// Confirm the reset.
    ResetYes => "确定清空", "Yes, reset";
    /// The statistics were reset.
    ResetDone => "统计已清空", "The statistics are reset";
    /// The prize codes' heading.
    PrizesTitle => "核对奖品码", "Check a prize code";
    /// Under it.
    PrizesHint => "请输入顾客出示的 6 位奖品码。只核对本机发出的码；不记录任何个人信息。", "Type the 6-character code the customer shows. Only codes this kiosk issued are genuine; no personal data is kept.";
    /// The code field's label.
    PrizeCode => "奖品码", "Prize code";
    /// Check the code.
    PrizeCheck => "核对", "Check";
    /// Redeem it.
    PrizeRedeem => "确认兑换", "Mark as redeemed";
    /// Genuine and unused.
    PrizeGenuine => "有效，尚未兑换。", "Genuine, not yet redeemed.";
    /// Not issued here.
    PrizeNotGenuine => "无效：不是本机发出的奖品码。", "Not valid: this kiosk did not issue this code.";
    /// Already redeemed.
    PrizeUsed => "这个奖品码已经兑换过了。", "This code was already redeemed.";
    /// Redeemed now.
    PrizeRedeemed => "已兑换，已计入统计。", "Redeemed, and counted.";
    /// Codes issued and redeemed: {0}, {1}.
    PrizeCounts => "本机共发出 {0} 个奖品码，已兑换 {1} 个。", "This kiosk has issued {0} prize {0:code|codes}; {1} redeemed.";
    /// Prizes are off.
    PrizesOff => "奖品码未开启：在“设置”中填写答对几题可领奖。", "Prize codes are off: set the right answers needed in Settings.";
    /// The stats' prize row.
    StatsPrizes => "奖品码 发出 / 兑换", "Prize codes issued / redeemed";
    /// The end card's prize heading.
    PrizeTitle => "恭喜！您可以领取一份小礼品", "Well done! You have earned a small gift";
    /// The end card's prize text.
    PrizeText => "请把这个奖品码出示给网点工作人员：", "Show this code to a member of staff:";
    /// The code spelled for screen readers: {0}.
    PrizeCodeSpoken => "奖品码 {0}", "Prize code {0}";
    /// The QR's heading.
    PhoneTitle => "在手机上继续", "Continue on your phone";
    /// The QR's text.
    PhoneText => "用手机扫一扫，继续练习这个主题。不会带走任何个人信息。", "Scan with your phone to go on practising this topic. No personal data goes with it.";
    /// The QR image's name.
    PhoneQr => "打开手机版的二维码", "QR code that opens the phone app";
    /// Why there are several periods.
    PeriodsHint => "题库更新后自动开始新的统计期间；之前的期间单独保留，可查看和导出，不会混在一起。", "A bank update starts a new period by itself. Earlier periods are kept apart and can still be viewed and exported.";
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
    use crate::domain::i18n::catalogue_checks::check_catalogue;

    #[test]
    fn every_kiosk_message_has_both_languages_with_the_same_placeholders_and_its_own_punctuation() {
        check_catalogue(KioskMsg::ALL, KioskMsg::text, |m, lang| {
            m.fill(lang, &[&2, &2, &2])
        });
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
