//! The catalogue itself: every message of the interface, with its Chinese and English text, in
//! the order the screens use them. Only entries live here; how they are filled is `i18n`'s.

use crate::domain::text::Lang;

messages! {
    /// A message of the interface.
    Msg;

    /// The app's name.
    AppName => "安心答", "Anxin";
    /// Under the name.
    Tagline => "金融安全知识小测验：防诈骗、护信息、理性投资", "A financial-safety quiz: beat scams, guard your data, invest wisely";
    /// The language toggle's visible text (names the *other* language).
    OtherLanguage => "English", "中文";
    /// Home heading.
    ChooseTopic => "选一个主题，开始答题", "Pick a topic to start";
    /// A topic card's question count: {0} questions.
    QuestionCount => "共 {0} 题", "{0} {0:question|questions}";
    /// While something loads.
    Loading => "正在加载……", "Loading…";
    /// Storage missing or blocked.
    StorageUnavailable => "此设备不能保存答题记录，关闭页面后记录不会保留。", "This device can't save your progress; nothing is kept after you close the page.";
    /// The bank list failed to load.
    IndexFailed => "题库目录加载失败，请检查网络后重试。", "The list of quizzes could not be loaded. Check the connection and try again.";
    /// A bank failed to load: {0} = bank title or file.
    BankFailed => "“{0}”的题目加载失败，请稍后重试或选择其他主题。", "The \"{0}\" questions could not be loaded. Try again later or pick another topic.";
    /// A bank has errors: {0} = bank, {1} = count.
    BankInvalid => "“{0}”的题库文件 {2} 有 {1} 处内容错误，暂时无法使用，请联系工作人员。", "The \"{0}\" questions in {2} have {1} content {1:error|errors} and can't be used; please tell the staff.";
    /// Retry button.
    Retry => "重试", "Try again";
    /// Dismiss a notice.
    Dismiss => "知道了", "OK";
    /// Position in a round: question {0} of {1}.
    Position => "第 {0} 题 / 共 {1} 题", "Question {0} of {1}";
    /// Single-choice hint.
    TypeSingle => "单选题：选一个答案", "Single choice: pick one answer";
    /// Multiple-choice hint.
    TypeMultiple => "多选题：选出所有正确答案", "Multiple choice: pick every right answer";
    /// True/false hint.
    TypeTrueFalse => "判断题：这个说法对吗？", "True or false: is this statement right?";
    /// Submit the answer.
    Submit => "确认答案", "Check my answer";
    /// Hint shown until something is selected.
    SelectFirst => "请先选择答案", "Choose an answer first";
    /// Go on.
    Next => "下一题", "Next question";
    /// After the last question.
    SeeResults => "查看成绩", "See my results";
    /// Right.
    Correct => "回答正确", "Correct";
    /// Wrong.
    Wrong => "回答错误", "Not quite";
    /// The right answer: {0} = letters.
    RightAnswer => "正确答案：{0}", "Right answer: {0}";
    /// Your answer: {0} = letters.
    YourAnswer => "你的答案：{0}", "Your answer: {0}";
    /// Explanation heading.
    Explanation => "解析", "Explanation";
    /// Source heading.
    Source => "依据", "Source";
    /// Mark on the right option.
    MarkRight => "正确选项", "right answer";
    /// Mark on the chosen wrong option.
    MarkChosenWrong => "你选的（错误）", "your choice (wrong)";
    /// Mark on a chosen right option.
    MarkChosenRight => "你选的（正确）", "your choice (right)";
    /// Leave a practice (daily set and shelves included): it is kept to continue where it can be.
    QuitPractice => "退出练习", "Leave practice";
    /// Leave a quiz.
    QuitQuiz => "退出测验", "Leave the quiz";
    /// Results heading.
    ResultTitle => "答题完成", "Quiz complete";
    /// {0} right of {1}.
    ScoreLine => "答对 {0} 题，共 {1} 题", "{0} of {1} correct";
    /// Accuracy.
    AccuracyLine => "正确率 {0}%", "Accuracy {0}%";
    /// Praise at or above the pass mark.
    ResultGood => "很棒！请继续保持警惕，也把这些知识告诉家人。", "Well done! Stay alert, and share what you know with your family.";
    /// Encouragement below the pass mark.
    ResultStudy => "再看看解析、多练几次，就能更好地保护自己。", "Have another look at the explanations and practise again: it will help you stay safe.";
    /// Play the same topic again.
    PlayAgain => "再答一轮", "Another round";
    /// Back to the home screen (the one label for that action on every screen).
    BackHome => "返回首页", "Back to home";
    /// Footer.
    PrivacyNote => "答题记录只保存在本设备上，不会上传。", "Your answers stay on this device and are never uploaded.";
    /// Topic label: fraud.
    TopicFraud => "防范诈骗", "Fraud prevention";
    /// Topic label: privacy.
    TopicPrivacy => "个人信息保护", "Personal information";
    /// Topic label: investing.
    TopicInvesting => "理性投资", "Rational investing";
    /// Topic label: rights.
    TopicRights => "消费者权益", "Consumer rights";
    /// Heading of the banks list region.
    TopicsHeading => "答题主题", "Topics";
    /// Label of the option group.
    OptionsLabel => "选项", "Options";
    /// Saved values that could not be read were cleared: {0} = what.
    SavedDropped => "有部分保存的记录已损坏，已清除：{0}。其他记录不受影响。", "Some saved records were damaged and have been cleared: {0}. Everything else is kept.";
    /// Saved values the browser refused to read were left on the device untouched.
    SavedUnread => "有部分记录这次读取失败，已原样保留在本机，本次不会改动：{0}。", "Some records could not be read this time; they stay on this device untouched: {0}.";
    /// Saved values written by a newer version were left on the device untouched.
    SavedKept => "有部分记录来自更新版本的安心答，本机这次不会使用或改动它们：{0}。", "Some records were saved by a newer version of Anxin; this visit leaves them untouched: {0}.";
    /// What was dropped: settings.
    SavedSettings => "设置", "settings";
    /// What was dropped: progress.
    SavedProgress => "答题进度和错题本", "progress (with the wrong-answer book)";
    /// What was dropped: history.
    SavedHistory => "答题历史", "history";
    /// What was dropped: the unfinished round.
    SavedRound => "未完成的一轮答题", "the unfinished round";
    /// What was dropped: the parked practice.
    SavedPractice => "上次保留的练习进度", "the practice you left part-way";
    /// What was dropped: the setup or result screen a reload reopens.
    SavedScreen => "上次停留的页面", "the screen you were on";
    /// The unfinished round's bank changed.
    ResumeLost => "上次未完成的一轮答题因题库已更新，无法继续，请重新开始。", "Your unfinished round can't continue because its quiz was updated; please start again.";
    /// Another tab saved its own round in progress too.
    RoundElsewhere => "你在另一个标签页里也在答题。两边答过的题都会记入进度；刷新页面时只会恢复最后操作的那一轮。", "You are also answering in another tab. Answers from both count; a reload resumes only the round you touched last.";
    /// Storage full.
    StorageFull => "设备存储空间已满，已删除最早的答题历史。", "This device's storage is full; the oldest history was removed.";
    /// The daily set's title.
    DailySet => "每日一练", "Daily five";
    /// Under the daily set's button.
    DailySetHint => "每天 5 道题，当天内容固定", "Five questions a day, the same all day";
    /// The wrong-answer book's title.
    WrongBook => "错题本", "Wrong-answer book";
    /// Under the wrong-answer book's button: {0} questions.
    WrongBookCount => "{0} 道题待复习；连续答对 2 次即移出", "{0} to review; two right in a row clears one";
    /// The wrong-answer book is empty.
    WrongBookEmpty => "错题本是空的。答错的题会自动记在这里。", "The book is empty. Questions you miss are added here automatically.";
    /// Practise the wrong-answer book.
    PractiseBook => "练习错题（每次最多 10 题）", "Practise these (up to 10 at a time)";
    /// Remove one question from the book: accessible name, {0} = question.
    RemoveFromBook => "移出错题本", "Remove from the book";
    /// Questions cleared so far: {0}.
    BookCleared => "已掌握并移出 {0} 道", "{0} cleared so far";
    /// The settings screen and its button.
    Settings => "设置", "Settings";
    /// Language heading in settings.
    LanguageHeading => "语言", "Language";
    /// Records heading in settings.
    RecordsHeading => "我的答题记录", "My records";
    /// What is kept: {0} questions answered, {1} in the book, {2} rounds.
    RecordsSummary => "本设备上保存了：答过 {0} 道题，错题本 {1} 道，历史 {2} 轮。", "Kept on this device: {0} {0:question|questions} answered, {1} in the wrong-answer book, {2} {2:round|rounds} in the history.";
    /// Clear button.
    ClearData => "清除我的答题记录", "Clear my records";
    /// Confirmation question.
    ClearConfirm => "这会删除本设备上的答题进度、错题本、历史和设置，不能恢复。确定清除吗？", "This deletes your progress, wrong-answer book, history and settings on this device, for good. Clear them?";
    /// Confirm.
    ClearYes => "确定清除", "Yes, clear them";
    /// Cancel.
    Cancel => "取消", "Cancel";
    /// After clearing.
    Cleared => "已清除本设备上的答题记录。", "Your records on this device have been cleared.";
    /// The bookmarks' title.
    Bookmarks => "收藏", "Bookmarks";
    /// Under the bookmarks' button: {0} questions.
    BookmarksCount => "{0} 道收藏的题", "{0} bookmarked";
    /// No bookmarks yet.
    BookmarksEmpty => "还没有收藏的题。答题时点“收藏”，就会保存在这里。", "No bookmarks yet. Tap \"Bookmark\" on a question to keep it here.";
    /// Practise the bookmarks.
    PractiseBookmarks => "练习收藏的题（每次最多 10 题）", "Practise these (up to 10 at a time)";
    /// Un-bookmark one question.
    RemoveBookmark => "取消收藏", "Remove bookmark";
    /// Bookmark button, not yet bookmarked.
    Bookmark => "收藏本题", "Bookmark";
    /// Heading of the extra practice section on the home screen.
    MoreWays => "更多练习", "More practice";
    /// Practice mode.
    ModePractice => "练习", "Practice";
    /// What practice mode does.
    ModePracticeHint => "每答一题，马上看对错和解析", "See the answer and explanation after each question";
    /// Quiz mode.
    ModeQuiz => "测验", "Quiz";
    /// What quiz mode does.
    ModeQuizHint => "全部答完再交卷，最后看成绩和解析", "Answer them all, hand in, then see your score and the answers";
    /// Setup screen heading.
    SetupTitle => "选择练习方式", "Choose how to practise";
    /// Setup: the mode group.
    ModeHeading => "方式", "Mode";
    /// Setup: the order group.
    OrderHeading => "出题顺序", "Order";
    /// Sequential practice.
    OrderSequential => "顺序练习", "In order";
    /// Random practice.
    OrderRandom => "随机练习", "Shuffled";
    /// Setup: the count group.
    CountHeading => "题目数量", "Number of questions";
    /// A count choice: {0} questions.
    CountOption => "{0} 题", "{0} {0:question|questions}";
    /// A count choice: every question that matches.
    CountAll => "全部", "All";
    /// Setup: the difficulty group.
    DifficultyHeading => "难度（都不选即全部）", "Difficulty (none ticked means all)";
    /// Difficulty 1.
    Difficulty1 => "入门", "Basic";
    /// Difficulty 2.
    Difficulty2 => "进阶", "Intermediate";
    /// Difficulty 3.
    Difficulty3 => "挑战", "Advanced";
    /// Setup: the time limit group.
    TimeHeading => "每题限时", "Time per question";
    /// No time limit.
    TimeOff => "不限时", "No limit";
    /// A time limit choice: {0} seconds.
    TimeSeconds => "{0} 秒", "{0} {0:second|seconds}";
    /// The pass mark: {0} = percent.
    PassMarkLine => "及格线：正确率 {0}%", "Pass mark: {0}% right";
    /// How many questions the chosen range holds: {0}.
    PoolCount => "所选范围共有 {0} 道题。", "{0} {0:question matches|questions match} your choice.";
    /// Practice: due questions first.
    PoolDueFirst => "今天到期复习的题会排在最前面。", "Questions due for review today come first.";
    /// Nothing matches.
    PoolEmpty => "所选范围内没有题目，请换个主题或人群。", "No questions match; choose another topic or group.";
    /// Start button.
    Start => "开始", "Start";
    /// The audience choice.
    AudienceHeading => "面向人群", "For whom";
    /// Everyone.
    AudienceEveryone => "所有人", "Everyone";
    /// Seniors.
    AudienceElderly => "长辈", "Seniors";
    /// Young people.
    AudienceYouth => "年轻人", "Young people";
    /// New to the city.
    AudienceNewcomers => "新市民", "New to the city";
    /// Continue a parked practice.
    ContinuePractice => "继续上次的练习", "Continue your practice";
    /// Where a parked practice stands: {0} = title, {1} = question, {2} = total.
    ContinueAt => "{0}：第 {1} 题 / 共 {2} 题", "{0}: question {1} of {2}";
    /// A quiz across every topic.
    MockQuiz => "模拟测验", "Practice test";
    /// What the practice test is.
    MockQuizHint => "从所有主题抽题，交卷后看成绩", "Questions from every topic, scored at the end";
    /// The progress screen.
    MyProgress => "我的学习", "My progress";
    /// What the progress screen shows.
    MyProgressHint => "掌握程度、最好成绩和答题历史", "Mastery, best scores and history";
    /// Previous question.
    Prev => "上一题", "Previous";
    /// Hand the quiz in.
    HandIn => "交卷", "Hand in";
    /// The answer sheet.
    AnswerSheet => "答题卡", "Answer sheet";
    /// An answer-sheet button: {0} = number, {1} = state.
    SheetItem => "第 {0} 题，{1}", "Question {0}, {1}";
    /// Answered.
    Answered => "已答", "answered";
    /// Not answered.
    NotAnswered => "未答", "not answered";
    /// How many are answered: {0}.
    AnsweredCount => "已答 {0} 题", "{0} answered";
    /// Unanswered warning: {0} = how many, {1} = which (a list, see `and_list`).
    UnansweredWarn => "还有 {0} 道题没有作答（第 {1} 题），未答的题按答错计算。确定交卷吗？", "{0} {0:question is|questions are} not answered yet ({0:question|questions} {1}); {0:it counts|they count} as wrong. Hand in anyway?";
    /// Go back to answering.
    KeepAnswering => "继续答题", "Keep answering";
    /// Hand in despite unanswered questions.
    HandInAnyway => "确定交卷", "Hand in now";
    /// Time left: {0} seconds.
    TimeLeft => "本题剩余 {0} 秒", "{0} {0:second|seconds} left for this question";
    /// Quiz passed.
    QuizPassed => "测验通过", "Passed";
    /// Quiz not passed.
    QuizFailed => "这次没有通过", "Not passed this time";
    /// Points: {0} = points, {1} = bonus.
    PointsLine => "得分 {0} 分（其中连续答对奖励 {1} 分）", "{0} {0:point|points} ({1} of them for answers in a row)";
    /// Time taken: {0} minutes {1} seconds.
    TimeLine => "用时 {0} 分 {1} 秒", "Time: {0} min {1} s";
    /// Longest run of right answers: {0}.
    StreakLine => "最多连续答对 {0} 题", "Longest run: {0} right in a row";
    /// The per-topic chart.
    ByTopic => "各主题正确率", "Accuracy by topic";
    /// One bar: {0} topic, {1} right, {2} asked, {3} percent.
    TopicBar => "{0}：答对 {1} / {2} 题，{3}%", "{0}: {1} of {2} right, {3}%";
    /// Advice heading.
    AdviceHeading => "接下来学什么", "What to study next";
    /// Advice: a topic.
    AdviceTopic => "多练练“{0}”，这部分正确率最低。", "Practise \"{0}\" next: it had the lowest accuracy.";
    /// Advice: the wrong-answer book.
    AdviceBook => "错题本里有 {0} 道题，抽空复习一下。", "{0} {0:question waits|questions wait} in your wrong-answer book.";
    /// Advice: due reviews.
    AdviceDue => "今天有 {0} 道题到了复习时间。", "{0} {0:question is|questions are} due for review today.";
    /// Open the list of every answer.
    ShowAnswers => "查看答题详情", "Review my answers";
    /// The answers list's heading.
    AnswersTitle => "答题详情", "Your answers";
    /// Back from the answers to the result.
    BackToResult => "返回成绩", "Back to the result";
    /// A question number in the review: {0}.
    QuestionNumber => "第 {0} 题", "Question {0}";
    /// An unanswered question's answer.
    NoAnswer => "未作答", "not answered";
    /// Mastery section heading.
    MasteryHeading => "各主题掌握程度", "Mastery by topic";
    /// Mastery: {0} percent.
    MasteryLine => "掌握 {0}%", "{0}% mastered";
    /// Best score: {0} percent.
    BestLine => "最好成绩 {0}%", "Best score {0}%";
    /// No best score yet.
    NoBest => "还没有成绩", "No score yet";
    /// Due today: {0}.
    DueLine => "今天待复习 {0} 题", "{0} due today";
    /// How mastery works.
    MasteryNote => "答对会提高掌握程度，长时间不复习会慢慢下降。最好成绩取一轮中该主题至少 5 题的成绩。", "Mastery grows with right answers and fades if you stay away. A best score counts rounds with at least 5 questions on the topic.";
    /// History heading.
    HistoryHeading => "答题历史", "History";
    /// No history.
    HistoryEmpty => "还没有答题记录。", "No rounds yet.";
    /// Totals: {0} rounds, {1} questions.
    TotalsLine => "共答 {0} 轮、{1} 道题", "{0} {0:round|rounds}, {1} {1:question|questions} in all";
    /// One history row's result: {0} right, {1} asked, {2} percent.
    HistoryResult => "{0}/{1} 题，正确率 {2}%", "{0}/{1}, {2}% right";
    /// One history row's points: {0}.
    HistoryPoints => "{0} 分", "{0} {0:point|points}";
    /// Leaving a quiz with answers.
    LeaveQuizWarn => "现在退出，这次测验已选的答案不会保存。确定退出吗？", "If you leave now, the answers you chose in this quiz are not kept. Leave anyway?";
    /// Leave despite the warning.
    LeaveAnyway => "确定退出", "Leave now";
    /// The read-aloud button.
    ReadAloud => "朗读", "Read aloud";
    /// A question of a Chinese-only bank shown in the English interface.
    ChineseOnly => "本题只有中文", "This question is in Chinese only";
    /// Elder mode's name (a toggle).
    ElderMode => "长辈模式", "Elder mode";
    /// What elder mode does.
    ElderModeHint => "字更大、按钮更大，一屏只看一道题，不限时。", "Bigger text and buttons, one question per screen, no time limits.";
    /// A round across every topic.
    AllTopics => "全部主题", "All topics";
    /// Between a label and what it labels ("依据：…" / "Source: …").
    Colon => "：", ": ";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::i18n::and_list;
    use crate::domain::i18n::catalogue_checks::placeholders;

    #[test]
    fn every_message_exists_in_both_languages_with_the_same_placeholders() {
        for msg in Msg::ALL {
            let zh = msg.text(Lang::Zh);
            let en = msg.text(Lang::En);
            assert!(!zh.trim().is_empty(), "{msg:?} has no Chinese text");
            assert!(!en.trim().is_empty(), "{msg:?} has no English text");
            assert_eq!(
                placeholders(zh),
                placeholders(en),
                "{msg:?} placeholders differ"
            );
        }
    }

    /// Every message with each of its (at most four) placeholders set to `n`.
    fn rendered(lang: Lang, n: usize) -> Vec<(Msg, String)> {
        Msg::ALL
            .iter()
            .map(|m| (*m, m.fill(lang, &[&n, &n, &n, &n])))
            .collect()
    }

    /// Nouns the English catalogue counts; "2 question" would be a slip.
    const COUNTED: [&str; 7] = [
        "question", "round", "point", "second", "error", "answer", "minute",
    ];

    #[test]
    fn english_counts_take_the_singular_for_one_and_the_plural_otherwise() {
        for n in [1, 2] {
            for (msg, text) in rendered(Lang::En, n) {
                let words: Vec<&str> = text.split_whitespace().collect();
                for pair in words.windows(2) {
                    // "(1 question" counts; "2: question 2 of 2" (a name, then a colon) does not.
                    if pair[0].trim_start_matches(['(', '"']) != n.to_string() {
                        continue;
                    }
                    let word = pair[1].trim_end_matches([')', ',', ';', ':', '.', '?', '!', '"']);
                    // A unit symbol ("1 min 1 s") or a verb after a name ("\"1\" has") is not a plural.
                    let plural =
                        word.len() > 1 && word.ends_with('s') && !["has", "is"].contains(&word);
                    assert!(n != 1 || !plural, "{msg:?} with 1: {text:?}");
                    assert!(
                        n == 1 || !COUNTED.contains(&word),
                        "{msg:?} with {n}: {text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn plural_forms_name_a_placeholder_and_every_placeholder_is_filled() {
        for lang in [Lang::Zh, Lang::En] {
            for (msg, text) in rendered(lang, 3) {
                assert!(
                    !text.contains('{') && !text.contains('}'),
                    "{msg:?} ({lang:?}) left a placeholder: {text:?}"
                );
            }
        }
        for msg in Msg::ALL {
            let en = msg.text(Lang::En);
            for (i, _) in en.match_indices(':') {
                if let Some(open) = en[..i].rfind('{') {
                    if en[open + 1..i].chars().all(|c| c.is_ascii_digit()) {
                        let index = &en[open + 1..i];
                        assert!(
                            en.contains(&format!("{{{index}}}")),
                            "{msg:?}: the plural form for {{{index}}} has no number"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn each_language_keeps_its_own_punctuation() {
        for (msg, text) in rendered(Lang::En, 2) {
            let wide: Vec<char> = text
                .chars()
                .filter(|c| "，：；（）、。？！“”".contains(*c))
                .collect();
            assert!(
                wide.is_empty(),
                "{msg:?}: full-width {wide:?} in English {text:?}"
            );
        }
        for (msg, text) in rendered(Lang::Zh, 2) {
            let ascii: Vec<char> = text.chars().filter(|c| ":;,()?!".contains(*c)).collect();
            assert!(
                ascii.is_empty(),
                "{msg:?}: ASCII {ascii:?} in Chinese {text:?}"
            );
        }
        assert_eq!(Msg::Colon.text(Lang::Zh), "：");
        assert_eq!(Msg::Colon.text(Lang::En), ": ");
    }

    #[test]
    fn the_unanswered_warning_agrees_with_its_count() {
        let one = Msg::UnansweredWarn.fill(Lang::En, &[&1, &and_list(Lang::En, &items(&[3]))]);
        assert_eq!(
            one,
            "1 question is not answered yet (question 3); it counts as wrong. Hand in anyway?"
        );
        let three =
            Msg::UnansweredWarn.fill(Lang::En, &[&3, &and_list(Lang::En, &items(&[1, 2, 5]))]);
        assert!(
            three
                .starts_with("3 questions are not answered yet (questions 1, 2 and 5); they count"),
            "{three}"
        );
        let zh = Msg::UnansweredWarn.fill(Lang::Zh, &[&3, &and_list(Lang::Zh, &items(&[1, 2, 5]))]);
        assert!(
            zh.starts_with("还有 3 道题没有作答（第 1、2、5 题）"),
            "{zh}"
        );
        assert_eq!(
            Msg::TotalsLine.fill(Lang::En, &[&1, &10]),
            "1 round, 10 questions in all"
        );
        assert_eq!(
            Msg::TotalsLine.fill(Lang::En, &[&2, &1]),
            "2 rounds, 1 question in all"
        );
    }

    fn items(numbers: &[usize]) -> Vec<String> {
        numbers.iter().map(ToString::to_string).collect()
    }
}
