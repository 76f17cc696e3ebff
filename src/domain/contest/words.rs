//! The contest page's own words, in both languages (`ContestMsg`), apart from the learner's
//! catalogue (`i18n::Msg`) so that a phone's wasm never carries them (`Msg::text` is one match over
//! every entry). The words for the match's own values — round types, rules, phases, colours,
//! setup problems, key problems, a log line, the headline — are in `words/describe.rs`.

use crate::domain::i18n::{fill, messages};
use crate::domain::text::Lang;

mod describe;
pub use describe::*;

messages! {
    /// A message of the contest page.
    ContestMsg;

    /// The page title.
    PageTitle => "安心答 · 知识竞赛", "Anxin · Knowledge contest";
    /// The audience window's title.
    AudienceTitle => "知识竞赛 · 观众屏", "Contest · audience screen";
    /// While the banks load.
    Loading => "正在加载题库……", "Loading the question banks…";
    /// A new match's title.
    DefaultTitle => "金融安全知识竞赛", "Financial safety contest";
    /// A new team's name: {0} = its number.
    DefaultTeamName => "第{0}队", "Team {0}";
    /// Storage missing.
    NoStorage => "此浏览器不能保存比赛，刷新页面会丢失进度。", "This browser cannot save the match: a reload would lose it.";
    /// Another window hosts the match (heading).
    HostElsewhere => "这场比赛正在另一个窗口里主持", "This match is being hosted in another window";
    /// Why only one window hosts, and what to do.
    HostElsewhereText => "同一时间只能在一个窗口（或标签页）里主持，免得两边的操作互相覆盖。比赛进度已保存。请回到正在主持的窗口；如果那个窗口已经关掉或不用了，可以改在这里主持。", "Only one window (or tab) can host at a time, so that the two never overwrite each other's steps. The match is saved. Go back to the window that is hosting; if it is closed or no longer used, host here instead.";
    /// Take the hosting over to this window.
    HostHere => "改在这个窗口主持", "Host in this window";
    /// Storage full.
    StorageFull => "浏览器存储已满，比赛没能保存。请导出记录。", "The browser's storage is full and the match was not saved. Export the log.";

    /// The setup screen's heading.
    SetupHeading => "比赛设置", "Match setup";
    /// The match's title field.
    MatchTitle => "比赛名称", "Title of the match";
    /// Starting score field.
    StartingScore => "起始分", "Starting score";
    /// Teams heading.
    TeamsHeading => "参赛队", "Teams";
    /// A team's label field (a number or letter).
    TeamLabel => "编号", "Number";
    /// A team's name field.
    TeamName => "队名", "Name";
    /// A team's colour field.
    TeamColour => "颜色", "Colour";
    /// A team's fieldset: {0} = its number.
    TeamLegend => "参赛队 {0}", "Team {0}";
    /// Add a team.
    AddTeam => "添加一队", "Add a team";
    /// Remove a team: {0} = its name.
    RemoveTeam => "删除“{0}”", "Remove \"{0}\"";
    /// Rounds heading.
    RoundsHeading => "比赛环节（按顺序进行）", "Rounds (played in order)";
    /// A round's heading: {0} = its number, {1} = its type.
    RoundHeading => "第 {0} 环节：{1}", "Round {0}: {1}";
    /// The round type field.
    RoundType => "题型", "Type";
    /// Add a round.
    AddRound => "添加环节", "Add a round";
    /// Remove a round: {0} = its number.
    RemoveRound => "删除第 {0} 环节", "Remove round {0}";
    /// Move a round up: {0} = its number.
    MoveUp => "第 {0} 环节上移", "Move round {0} up";
    /// Move a round down: {0} = its number.
    MoveDown => "第 {0} 环节下移", "Move round {0} down";
    /// Rules heading.
    RulesHeading => "规则", "Rules";
    /// The questions of a round: {0} = count.
    QuestionsCount => "题目（{0} 道）", "Questions ({0})";
    /// Topics filter.
    Topics => "主题", "Topics";
    /// Question types filter.
    Types => "题型", "Question types";
    /// Difficulty filter.
    Difficulty => "难度", "Difficulty";
    /// How many questions to draw.
    DrawCount => "抽取题数", "How many questions";
    /// The seed field.
    Seed => "随机种子（评委可用同一种子复核）", "Seed (the judges can draw again with it)";
    /// A new seed.
    NewSeed => "换一个种子", "New seed";
    /// Draw the questions.
    Draw => "按条件抽题", "Draw the questions";
    /// How a round was drawn: {0} = seed, {1} = date.
    DrawnWith => "种子 {0} · {1} 抽取", "Drawn with seed {0} on {1}";
    /// Picked by hand.
    PickedByHand => "逐题挑选", "Picked one by one";
    /// Not enough questions: {0} = wanted, {1} = found.
    NotEnough => "要抽 {0} 道题，符合条件的只有 {1} 道", "{0} wanted, but only {1} match";
    /// Show the pool to pick from.
    PickQuestions => "逐题挑选题目", "Pick questions one by one";
    /// Hide the pool.
    HidePool => "收起题目列表", "Hide the list";
    /// Add a question to the round.
    AddQuestion => "加入本环节", "Add to this round";
    /// Remove a question from the round.
    RemoveQuestion => "移出", "Remove";
    /// Single-choice type.
    KindSingle => "单选", "Single choice";
    /// Multiple-choice type.
    KindMultiple => "多选", "Multiple choice";
    /// True/false type.
    KindTrueFalse => "判断", "True or false";
    /// Save the setup.
    SaveSetup => "保存设置", "Save the setup";
    /// The setup was saved.
    SetupSaved => "设置已保存在本机。", "The setup is saved on this PC.";
    /// Export the setup.
    ExportSetup => "导出设置文件", "Export the setup file";
    /// Load a setup file.
    LoadSetup => "载入设置文件", "Load a setup file";
    /// A setup file was loaded: {0} = its title.
    SetupLoaded => "已载入“{0}”。", "Loaded \"{0}\".";
    /// A file could not be read.
    SetupFileBad => "这个文件不是比赛设置文件，或已损坏。", "This file is not a contest setup file, or it is damaged.";
    /// A file from a newer page.
    SetupFileNewer => "这个设置文件来自更新版本的页面，请先更新。", "This setup file comes from a newer version of the page: update first.";
    /// Start the match.
    StartMatch => "开始比赛", "Start the match";
    /// Before the problems list.
    FixFirst => "开始前请先处理：", "Fix these before starting:";
    /// Resume a saved match.
    ResumeMatch => "继续上次的比赛", "Continue the saved match";

    /// Too few teams: {0} = count.
    ErrTooFewTeams => "至少需要 2 支队伍（现有 {0} 支）", "At least 2 teams are needed ({0} now)";
    /// Too many teams: {0} = count.
    ErrTooManyTeams => "最多 8 支队伍（现有 {0} 支）", "At most 8 teams ({0} now)";
    /// A blank team: {0} = its number.
    ErrBlankTeam => "参赛队 {0} 缺少队名或编号", "Team {0} has no name or number";
    /// A team name too long: {0} = its number, {1} = its length, {2} = the most.
    ErrLongName => "参赛队 {0} 的队名有 {1} 个字，最多 {2} 个", "Team {0}'s name has {1} characters; at most {2}";
    /// Duplicate name: {0} = name.
    ErrDuplicateName => "有两支队伍都叫“{0}”", "Two teams are called \"{0}\"";
    /// Duplicate label: {0} = label.
    ErrDuplicateLabel => "有两支队伍的编号都是“{0}”", "Two teams have the number \"{0}\"";
    /// Duplicate colour: {0} = colour.
    ErrDuplicateColour => "有两支队伍都是{0}", "Two teams are {0}";
    /// No rounds.
    ErrNoRounds => "还没有比赛环节", "The match has no rounds";
    /// A round without questions: {0} = round number.
    ErrNoQuestions => "第 {0} 环节还没有题目", "Round {0} has no questions";
    /// Uneven turns: {0} = round, {1} = questions, {2} = teams.
    ErrUneven => "第 {0} 环节有 {1} 道题、{2} 支队伍：每队题数须相同", "Round {0} has {1} questions for {2} teams: each team needs as many";
    /// A bad rule: {0} = round.
    ErrBadRule => "第 {0} 环节有一条规则无法进行（如分值为 0）", "Round {0} has a rule that cannot be played (such as a value of 0)";
    /// A repeated question: {0} = key.
    ErrRepeated => "题目 {0} 出现了两次", "Question {0} is asked twice";
    /// An unknown question: {0} = round, {1} = key.
    ErrUnknown => "第 {0} 环节的题目 {1} 不在题库中", "Round {0}: question {1} is not in the banks";

    /// Compulsory.
    KindCompulsory => "必答题", "Compulsory";
    /// Buzz-in.
    KindBuzzIn => "抢答题", "Buzz-in";
    /// Risk.
    KindRisk => "风险题", "Risk";
    /// Tiebreak.
    KindTiebreak => "加赛题", "Tiebreak";
    /// About compulsory rounds.
    AboutCompulsory => "各队轮流回答自己的题目。", "Each team in turn answers its own question.";
    /// About buzz-in rounds.
    AboutBuzzIn => "主持人读完题并宣布“开始”后才能抢答，提前抢答算犯规。", "Buzzers open only when the host says so; an early buzz is a foul.";
    /// About risk rounds.
    AboutRisk => "各队先选分值再看题，答对加分，答错扣分。", "Each team picks a value before seeing its question: right wins it, wrong loses it.";
    /// About tiebreaks.
    AboutTiebreak => "同分的队伍抢答决胜，直到分出名次。", "The tied teams buzz in, sudden death, until the tie breaks.";

    /// Rule: seconds to answer.
    FieldSeconds => "答题时间（秒，0 为不限时）", "Seconds to answer (0: no limit)";
    /// Rule: seconds buzzing stays open.
    FieldBuzzSeconds => "抢答开放时间（秒，0 为不限时）", "Seconds buzzing stays open (0: no limit)";
    /// Rule: seconds to answer after a buzz.
    FieldAnswerSeconds => "抢到后答题时间（秒）", "Seconds to answer after a buzz";
    /// Rule: right points.
    FieldRight => "答对得分", "Points for a right answer";
    /// Rule: wrong points.
    FieldWrong => "答错得分（扣分填负数）", "Points for a wrong answer (negative to deduct)";
    /// Rule: timeout points.
    FieldTimeout => "超时得分", "Points when time runs out";
    /// Rule: foul points.
    FieldFoul => "提前抢答（犯规）得分", "Points for an early buzz (foul)";
    /// Rule: a foul shuts the team out.
    FieldFoulExcludes => "犯规的队不能再答这道题", "A team that fouled may not answer the question";
    /// Rule: after a wrong answer.
    FieldAfterWrong => "答错以后", "After a wrong answer";
    /// After wrong: rebound.
    AfterWrongRebound => "其他队可以再抢", "The other teams may buzz again";
    /// After wrong: pass.
    AfterWrongPass => "本题结束", "The question ends";
    /// Rule: most teams per question.
    FieldMaxAnswers => "每题最多几队作答", "Most teams answering one question";
    /// Rule: risk values.
    FieldValues => "可选分值（用逗号分开）", "Values to pick from (separated by commas)";
    /// Rule: may decline.
    FieldMayDecline => "可以放弃风险题", "A team may decline its question";
    /// Rule: timeout loses.
    FieldTimeoutLoses => "超时扣掉所选分值", "Running out of time loses the value";
    /// Rule: turn order.
    FieldOrder => "答题顺序", "Order of turns";
    /// Order: as listed.
    OrderListed => "按参赛队顺序", "As the teams are listed";
    /// Order: highest first.
    OrderHighest => "分高的先答", "Highest score first";
    /// Order: lowest first.
    OrderLowest => "分低的先答", "Lowest score first";
    /// Rule: places decided by a tiebreak.
    FieldPlaces => "需要分出的名次（前几名）", "Places a tie must be broken for";
    /// Values that are not numbers.
    BadValues => "分值须是大于 0 的整数，用逗号分开", "Values must be whole numbers above 0, separated by commas";

    /// Red.
    ColourRed => "红色", "red";
    /// Blue.
    ColourBlue => "蓝色", "blue";
    /// Green.
    ColourGreen => "绿色", "green";
    /// Orange.
    ColourOrange => "橙色", "orange";
    /// Purple.
    ColourPurple => "紫色", "purple";
    /// Teal.
    ColourTeal => "青色", "teal";
    /// Brown.
    ColourBrown => "棕色", "brown";
    /// Pink.
    ColourPink => "粉色", "pink";

    /// The console's heading.
    ConsoleHeading => "主持人控制台", "Host console";
    /// Where the match is: {0} = round number, {1} = rounds, {2} = type.
    RoundOf => "第 {0}/{1} 环节 · {2}", "Round {0} of {1} · {2}";
    /// Which question: {0} = number, {1} = count.
    QuestionOf => "第 {0}/{1} 题", "Question {0} of {1}";
    /// The answer, for the host's eyes.
    HostAnswer => "答案（仅主持人可见）", "Answer (for the host only)";
    /// The round title card.
    RoundCard => "本环节即将开始", "This round is about to begin";
    /// The question is not shown yet.
    NotShownYet => "题目尚未出示", "The question is not shown yet";
    /// A team's turn: {0} = team.
    TurnOf => "请 {0} 答题", "{0} to answer";
    /// A team chooses its value: {0} = team.
    ChoosingValue => "请 {0} 选择分值", "{0} picks a value";
    /// The value chosen: {0} = team, {1} = value.
    ValueChosen => "{0} 选择了 {1} 分", "{0} picked {1} points";
    /// Buzzing closed, question being read.
    PhaseReading => "请听题，尚未开始抢答", "Listen: buzzing is not open yet";
    /// Buzzing open.
    PhaseOpen => "开始抢答！", "Buzz now!";
    /// A team buzzed: {0} = team.
    BuzzedFirst => "{0} 抢到", "{0} buzzed first";
    /// The host gave the question to a team: {0} = team.
    Answering => "{0} 作答", "{0} answers";
    /// Right: {0} = team.
    EndRight => "{0} 回答正确", "{0}: right";
    /// Wrong: {0} = team.
    EndWrong => "{0} 回答错误", "{0}: wrong";
    /// Out of time: {0} = team.
    EndTimedOut => "{0} 超时", "{0}: out of time";
    /// Void.
    EndVoid => "无人抢答，本题作废", "Nobody buzzed: the question is void";
    /// Passed.
    EndPassed => "本题放弃", "The question was passed";
    /// Declined: {0} = team.
    EndDeclined => "{0} 放弃本题", "{0} declined the question";
    /// The match is over.
    Finished => "比赛结束", "The match is over";
    /// The tiebreak's teams: {0} = teams.
    TiebreakBetween => "加赛：{0}", "Tiebreak: {0}";

    /// The steps heading.
    StepsHeading => "操作", "Steps";
    /// Show the question.
    CmdShow => "出示题目", "Show the question";
    /// Open buzzing.
    CmdOpen => "开始抢答", "Open buzzing";
    /// Start the countdown.
    CmdStartTimer => "开始计时", "Start the timer";
    /// Pause or resume.
    CmdPauseResume => "暂停/继续计时", "Pause or resume the timer";
    /// Right.
    CmdRight => "答对", "Right";
    /// Wrong.
    CmdWrong => "答错", "Wrong";
    /// Pass.
    CmdPass => "放弃此题", "Pass the question";
    /// Decline.
    CmdDecline => "放弃风险题", "Decline (risk)";
    /// Reveal.
    CmdReveal => "公布答案", "Reveal the answer";
    /// Next.
    CmdNext => "下一步", "Next";
    /// Undo.
    CmdUndo => "撤销", "Undo";
    /// Redo.
    CmdRedo => "重做", "Redo";
    /// The shortcuts heading.
    ShortcutsHeading => "快捷键", "Shortcuts";
    /// Shift+digit row.
    ShortcutNumber => "Shift+数字：指定第几队作答（风险题选分值时为第几个分值）", "Shift+digit: give the question to that team (while a risk value is chosen: that value)";
    /// J row.
    ShortcutAdjust => "J：手动调分", "J: adjust a score";
    /// Buzzer keys row.
    ShortcutBuzzers => "抢答器按键：见“抢答器按键”设置", "Buzzer keys: see the buzzer key settings";
    /// Give the question to a team: {0} = team.
    PickTeam => "由 {0} 作答", "Give it to {0}";
    /// Pick a value: {0} = value.
    PickValue => "选 {0} 分", "{0} points";
    /// The options said heading.
    SaidHeading => "记录所答选项", "Mark the options the team said";
    /// Judge by the options said.
    JudgeSaid => "按所答选项判定", "Judge the options said";
    /// The timer: {0} = seconds left.
    SecondsLeft => "剩余 {0} 秒", "{0} {0:second|seconds} left";
    /// The timer is paused.
    TimerPaused => "计时已暂停", "Timer paused";
    /// The timer waits.
    TimerWaiting => "计时未开始", "Timer not started";
    /// The countdown's name.
    Countdown => "倒计时", "Countdown";
    /// The adjustment heading.
    AdjustHeading => "手动调整分数", "Adjust a score";
    /// The team field.
    AdjustTeam => "队伍", "Team";
    /// The change field.
    AdjustDelta => "加减分（扣分填负数）", "Points (negative to deduct)";
    /// The reason field.
    AdjustReason => "原因（评委裁定等）", "Reason (a judges' decision…)";
    /// Apply.
    AdjustApply => "调整分数", "Adjust";
    /// Refused adjustment.
    AdjustNeedsReason => "调分需要非 0 的分数和原因", "An adjustment needs points other than 0 and a reason";
    /// The scoreboard.
    Scoreboard => "比分", "Scores";
    /// A score: {0} = points.
    Points => "{0} 分", "{0} {0:point|points}";
    /// The log heading.
    LogHeading => "比赛记录", "Match log";
    /// The log shows only its newest lines: {0} = how many, {1} = all steps.
    LogShown => "这里只列出最近 {0} 步（共 {1} 步）；全部记录请点“导出记录”。", "Only the last {0} of {1} steps are listed here: export the log for all of them.";
    /// Export the log.
    ExportLog => "导出记录", "Export the log";
    /// Open the audience window.
    OpenAudience => "打开观众屏（拖到投影上）", "Open the audience screen (drag it to the projector)";
    /// The audience window was blocked.
    PopupBlocked => "浏览器拦截了新窗口，请允许本页弹出窗口。", "The browser blocked the new window: allow pop-ups for this page.";
    /// Single-screen mode on.
    SingleScreen => "单屏模式", "Single screen";
    /// The buzzer keys screen.
    BuzzerKeys => "抢答器按键", "Buzzer keys";
    /// The results screen.
    Results => "成绩", "Results";
    /// Starting a new match while one is saved.
    ReplaceMatchWarn => "本机已保存一场比赛，开始新比赛会替换它。需要的话，先在“成绩”中导出结果。", "A match is saved on this PC: starting a new one replaces it. Export its results first if needed.";
    /// Keep the saved match.
    KeepMatch => "保留原来的比赛", "Keep the saved match";
    /// Replace it.
    ReplaceMatch => "开始新比赛", "Start a new match";
    /// A step that does not apply.
    RefusedStep => "现在不能进行这一步", "That step does not apply now";
    /// Nothing to undo.
    NothingToUndo => "没有可以撤销的步骤", "Nothing to undo";

    /// The key screen's heading.
    KeysHeading => "抢答器按键设置", "Buzzer keys";
    /// The key screen's hint.
    KeysHint => "请各队依次按下抢答器：按到的队会亮起。要改某队的按键，点它的“设置按键”后按下新键。", "Ask each team to press its buzzer: its row lights up. To change a team's key, press its \"set key\" button and then the new key.";
    /// A team's key: {0} = key.
    KeyIs => "按键：{0}", "Key: {0}";
    /// Set a team's key: {0} = team.
    SetKey => "设置 {0} 的按键", "Set {0}'s key";
    /// Waiting for the new key.
    PressNewKey => "请按新按键……", "Press the new key…";
    /// Back to the default keys.
    DefaultKeys => "恢复默认按键 1–8", "Back to the default keys 1–8";
    /// Pressed in the test.
    Pressed => "已按下", "Pressed";
    /// Not pressed yet.
    NotPressed => "未按", "Not pressed";
    /// Missing key: {0} = team.
    KeyMissing => "{0} 还没有按键", "{0} has no key";
    /// Shared key: {0} = team, {1} = other.
    KeyShared => "{0} 和 {1} 的按键相同", "{0} and {1} have the same key";
    /// Reserved key: {0} = team.
    KeyReserved => "{0} 的按键是主持人快捷键，请换一个", "{0}'s key is a host shortcut: pick another";

    /// The results heading.
    ResultsHeading => "比赛成绩", "Results";
    /// Podium.
    Podium => "领奖台", "Podium";
    /// A place: {0} = place.
    Place => "第 {0} 名", "Place {0}";
    /// Column: place.
    ColPlace => "名次", "Place";
    /// Column: team.
    ColTeam => "队伍", "Team";
    /// Column: a round: {0} = number.
    ColRound => "第 {0} 环节", "Round {0}";
    /// Column: adjustments.
    ColAdjusted => "手动调整", "Adjusted";
    /// Column: total.
    ColTotal => "总分", "Score";
    /// Column: starting score.
    ColStart => "起始分", "Start";
    /// The date line: {0} = date.
    DateLine => "日期：{0}", "Date: {0}";
    /// The log summary: {0} = questions, {1} = fouls, {2} = adjustments, {3} = undone.
    LogSummary => "共 {0} 道题，犯规 {1} 次，手动调分 {2} 次，撤销 {3} 次", "{0} {0:question|questions}, {1} {1:foul|fouls}, {2} {2:adjustment|adjustments}, {3} undone";
    /// An adjustment in the summary: {0} = team, {1} = points, {2} = reason.
    AdjustLine => "{0} {1} 分：{2}", "{0} {1}: {2}";
    /// Judges' signatures.
    JudgesSign => "评委签字", "Judges' signatures";
    /// Host's signature.
    HostSign => "主持人签字", "Host's signature";
    /// Print.
    Print => "打印成绩单", "Print the result sheet";
    /// Export CSV.
    ExportCsv => "导出成绩（CSV）", "Export the results (CSV)";
    /// The audience screen waits for a match.
    AudienceWaiting => "比赛即将开始", "The match is about to begin";
    /// Keep the audience window open.
    AudienceHint => "请把本窗口拖到投影屏幕上，按 F11 全屏。", "Drag this window to the projector and press F11 for full screen.";
    /// The options list's name.
    OptionsName => "选项", "Options";
    /// The explanation.
    Explanation => "解析", "Explanation";
    /// The right answer: {0} = letters.
    RightAnswer => "正确答案：{0}", "Right answer: {0}";
    /// The options said: {0} = letters.
    SaidAnswer => "所答：{0}", "Answered: {0}";

    /// Log: a step done.
    LogDone => "完成", "done";
    /// Log: foul.
    LogFoul => "犯规", "foul";
    /// Log: a buzz not taken.
    LogIgnored => "未采纳的抢答", "buzz not taken";
    /// Log: locked out, the same millisecond: {0} = team first.
    LogSameMs => "与 {0} 同一毫秒，先到者有效", "same millisecond as {0}: the first event wins";
    /// Log: right.
    LogRight => "正确", "right";
    /// Log: wrong.
    LogWrong => "错误", "wrong";
    /// Log: rebound.
    LogRebound => "转给其他队", "rebounds";
    /// Log: out of time.
    LogTimedOut => "超时", "out of time";
    /// Log: void.
    LogVoid => "作废", "void";
    /// Log: tiebreak skipped.
    LogTiebreakSkipped => "无需加赛", "no tiebreak needed";
    /// Log: undid: {0} = line number.
    LogUndid => "撤销了第 {0} 条", "undid line {0}";
    /// Log: redid: {0} = line number.
    LogRedid => "重做了第 {0} 条", "redid line {0}";
    /// Log event: show.
    EvShow => "出示题目", "show question";
    /// Log event: open.
    EvOpen => "开始抢答", "open buzzing";
    /// Log event: buzz.
    EvBuzz => "按抢答器", "buzzer";
    /// Log event: pick: {0} = team.
    EvPick => "指定 {0}", "give to {0}";
    /// Log event: value: {0} = value.
    EvValue => "选 {0} 分", "pick {0}";
    /// Log event: decline.
    EvDecline => "放弃", "decline";
    /// Log event: timer.
    EvTimer => "计时", "timer";
    /// Log event: time up.
    EvTimeUp => "时间到", "time up";
    /// Log event: judged.
    EvJudge => "判定", "judged";
    /// Log event: pass.
    EvPass => "放弃此题", "pass";
    /// Log event: reveal.
    EvReveal => "公布答案", "reveal";
    /// Log event: next.
    EvNext => "下一步", "next";
    /// Log event: adjust: {0} = reason.
    EvAdjust => "调分（{0}）", "adjust ({0})";
    /// Log event: undo.
    EvUndo => "撤销", "undo";
    /// Log event: redo.
    EvRedo => "重做", "redo";
}

impl ContestMsg {
    /// The message with its placeholders filled (see `i18n::fill`).
    pub fn fill(self, lang: Lang, args: &[&dyn std::fmt::Display]) -> String {
        fill(self.text(lang), args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::i18n::catalogue_checks::check_catalogue;

    #[test]
    fn every_message_has_both_languages_with_the_same_placeholders_and_its_own_punctuation() {
        check_catalogue(ContestMsg::ALL, ContestMsg::text, |m, lang| {
            m.fill(lang, &[&2, &2, &2, &2])
        });
        assert_eq!(
            ContestMsg::SecondsLeft.fill(Lang::En, &[&1]),
            "1 second left"
        );
        assert_eq!(ContestMsg::Points.fill(Lang::En, &[&2]), "2 points");
    }
}
