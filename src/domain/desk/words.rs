//! The content desk's own words (`DeskMsg`), apart from the learner's catalogue so that a phone's
//! wasm never carries them. The import's problems bring their own words (`bank::intake`).

use crate::domain::i18n::{fill, messages};
use crate::domain::text::Lang;

messages! {
    /// A message of the content desk.
    DeskMsg;

    /// The page title.
    PageTitle => "安心答 · 题库工作台", "Anxin · Content desk";
    /// The page heading.
    Heading => "题库工作台", "Content desk";
    /// What the desk is for.
    Intro => "把已有的题库表格（Excel、WPS、CSV）或题库 JSON 拖进来：这里会检查每一道题，指出问题在第几行第几列、怎么改，预览题目在手机和网点屏上的样子，最后生成可以发布的题库文件。", "Bring in a question bank you already have (Excel, WPS, CSV) or a bank JSON: the desk checks every question, shows each problem by row and column with how to fix it, previews questions as the phone and the kiosk show them, and writes the files to publish.";
    /// Nothing leaves the computer.
    Private => "文件只在这台电脑的浏览器里读取，不会上传到任何地方。", "Files are read in this computer's browser only and are never uploaded anywhere.";
    /// The drop zone.
    DropHere => "把文件拖到这里", "Drop a file here";
    /// The file picker's label.
    ChooseFile => "选择题库文件", "Choose a bank file";
    /// Another file.
    ChooseAnother => "换一个文件", "Choose another file";
    /// Which files.
    FileKinds => "支持 .xlsx、.csv（UTF-8、GBK、UTF-16）、制表符分隔的 .txt、题库 .json", "Takes .xlsx, .csv (UTF-8, GBK, UTF-16), tab-separated .txt, and bank .json";
    /// The browser could not read the file (its own words are technical English, not shown).
    ReadFailed => "浏览器没能读取这个文件：它可能刚被移走、改名或正被其他程序占用。请关闭占用它的程序后再选一次。", "The browser could not read the file: it may have just been moved or renamed, or another program holds it. Close that program and choose the file again.";
    /// A file being read: {0} = its name.
    Reading => "正在读取 {0}……很大的表格要多等几秒。", "Reading {0}… a very large sheet takes a few seconds.";
    /// A file that is neither a sheet nor a bank: {0} = its name, {1} = why.
    Rejected => "没有读入 {0}：{1}", "{0} was not taken in: {1}";
    /// The file shown: {0} = its name.
    FileShown => "当前文件：{0}", "File: {0}";
    /// The bank can be used: {0} questions, {1} warnings.
    Ready => "可以发布：{0} 道题，{1} 个提醒", "Ready to publish: {0} questions, {1} warnings";
    /// The bank cannot be used yet: {0} errors, {1} warnings.
    NotReady => "还不能发布：{0} 个错误要改，另有 {1} 个提醒", "Not ready yet: {0} errors to fix, and {1} warnings";
    /// The settings' heading.
    SettingsHeading => "题库信息（表格里没写的由这里补上）", "About the bank (used where the sheet says nothing)";
    /// Bank id.
    BankId => "题库编号（文件名，英文小写字母、数字和短横线）", "Bank id (its file name: lowercase letters, digits, hyphens)";
    /// Title in Chinese.
    TitleZh => "题库名称（中文）", "Title (Chinese)";
    /// Title in English.
    TitleEn => "题库名称（英文，可不填）", "Title (English, optional)";
    /// Topic.
    Topic => "主题", "Topic";
    /// Audience.
    Audience => "面向", "For";
    /// Difficulty.
    Difficulty => "默认难度", "Default difficulty";
    /// Easy.
    Easy => "易", "Easy";
    /// Medium.
    Medium => "中", "Medium";
    /// Hard.
    Hard => "难", "Hard";
    /// Default source in Chinese.
    SourceZh => "默认出处（没写出处的题使用，中文）", "Default source (for questions without one, Chinese)";
    /// Default source in English.
    SourceEn => "默认出处（英文，可不填）", "Default source (English, optional)";
    /// Languages.
    Languages => "语言", "Languages";
    /// Auto languages.
    LangAuto => "自动（有英文就双语）", "Automatic (bilingual when English is there)";
    /// Chinese only.
    LangZh => "只有中文", "Chinese only";
    /// Both.
    LangBoth => "中英双语（缺英文算错误）", "Chinese and English (missing English is an error)";
    /// Version.
    Version => "版本号（每次修改后加 1）", "Version (add 1 on every change)";
    /// Summary tab.
    TabSummary => "概览", "Summary";
    /// Problems tab: {0} = how many.
    TabProblems => "问题（{0}）", "Problems ({0})";
    /// Preview tab.
    TabPreview => "预览", "Preview";
    /// Files tab.
    TabFiles => "生成文件", "Files";
    /// The tabs' label.
    TabsLabel => "结果", "Results";
    /// Questions by type.
    ByType => "按题型", "By type";
    /// Questions by topic or tag.
    ByTopic => "按知识点", "By topic";
    /// Problems by kind.
    ByKind => "问题分类", "Problems by kind";
    /// A count column.
    Count => "数量", "Count";
    /// A kind column.
    Kind => "类别", "Kind";
    /// A problem column.
    Problem => "问题", "Problem";
    /// First row.
    FirstRow => "首次出现", "First at";
    /// The columns read.
    ColumnsRead => "读到的列", "Columns read";
    /// Columns not used.
    ColumnsIgnored => "没有用到的列", "Columns not used";
    /// The file read as: {0} = kind and encoding.
    ReadAs => "读取方式：{0}", "Read as: {0}";
    /// No problem at all.
    NoProblems => "没有发现问题。", "No problems found.";
    /// Show errors only.
    ErrorsOnly => "只看错误", "Errors only";
    /// Preview this question.
    PreviewThis => "预览这道题", "Preview this question";
    /// Preview needs a bank without errors.
    PreviewNeedsBank => "还没有可以预览的题：每道题都有错误，或者题库本身的设置有错误（见“问题”）。改好后就能预览。", "No question can be previewed yet: every question has an error, or the bank's own settings do (see Problems). Fix them to preview.";
    /// The preview of a file with errors: {0} = how many questions are shown.
    PreviewPartial => "题库还有错误，还不能发布。这里先预览没有错误的 {0} 道题；有错误的题改好后才会出现在这里。", "The bank still has errors and cannot be published yet. Shown here: the {0} questions without errors; the others appear once they are fixed.";
    /// The question's position: {0} of {1}.
    Position => "第 {0} 题 / 共 {1} 题", "Question {0} of {1}";
    /// Previous question.
    Previous => "上一题", "Previous";
    /// Next question.
    Next => "下一题", "Next";
    /// The phone frame.
    Phone => "手机", "Phone";
    /// The kiosk frame.
    Kiosk => "网点屏", "Kiosk";
    /// The kiosk frame on its side.
    Landscape => "网点屏（横放）", "Kiosk (landscape)";
    /// The preview frame's accessible name: {0} = the device.
    FrameTitle => "题目预览：{0}", "Question preview: {0}";
    /// While the preview frame gets ready.
    FrameLoading => "正在准备预览……", "Preparing the preview…";
    /// The preview is live.
    FrameLive => "预览和真机上的页面一样，可以点选项、核对答案。", "The preview is the real screen: tick options and check the answer as a customer would.";
    /// Show the answer.
    ShowAnswer => "显示答案和解析", "Show the answer and explanation";
    /// Elder mode in the preview.
    ElderPreview => "长辈模式", "Elder mode";
    /// The preview's language.
    PreviewLang => "预览语言", "Preview language";
    /// Where in the sheet: {0} = sheet, row.
    SheetRow => "表格位置：{0}", "In the sheet: {0}";
    /// Files heading.
    FilesHeading => "发布需要的文件", "Files to publish";
    /// How to publish.
    FilesHow => "把题库文件和 index.json 放进网站的 quizzes/ 文件夹（替换原来的 index.json），手机和网点屏下次打开时就会用上。", "Put the bank file and index.json into the site's quizzes/ folder (replacing the old index.json); phones and kiosks use them the next time they open.";
    /// Save the bank.
    SaveBank => "保存题库文件 {0}", "Save the bank file {0}";
    /// Save the index.
    SaveIndex => "保存 index.json", "Save index.json";
    /// The site's index could not be read.
    NoSiteIndex => "没能读取网站现有的 index.json，生成的 index.json 只列出这一个题库。", "The site's index.json could not be read: the index.json written lists this bank only.";
    /// Files need a bank without errors.
    FilesNeedBank => "改完全部错误后才能生成文件。", "Fix every error first to write the files.";
    /// Saved: {0} = file name.
    Saved => "已保存：{0}", "Saved: {0}";
    /// Saving failed: {0}.
    SaveFailed => "没能保存：{0}", "Could not save: {0}";
    /// Translation heading.
    TranslationHeading => "请人翻译英文", "Getting the English translated";
    /// Translation: {0} texts lack English.
    TranslationNeeded => "有 {0} 处文字还没有英文。导出给翻译填写，填好后再导入，英文就会补进题库。", "{0} texts have no English yet. Export them for a translator, then take the filled sheet back in and the English goes into the bank.";
    /// Every text has English.
    TranslationDone => "每处文字都有英文了。", "Every text has its English.";
    /// Export the sheet.
    ExportTranslation => "导出待翻译表格", "Export the sheet to translate";
    /// Import the filled sheet.
    ImportTranslation => "导入翻译好的表格", "Take the translated sheet in";
    /// After import: {0} filled, {1} still missing.
    TranslationApplied => "已补入 {0} 处英文，还缺 {1} 处。", "{0} texts filled in, {1} still without English.";
    /// Single choice.
    TypeSingle => "单选题", "Single choice";
    /// Multiple choice.
    TypeMultiple => "多选题", "Multiple choice";
    /// True or false.
    TypeTrueFalse => "判断题", "True or false";
    /// A workbook.
    KindWorkbook => "Excel/WPS 工作簿", "Excel/WPS workbook";
    /// A text sheet.
    KindText => "文本表格", "Text sheet";
    /// A bank JSON.
    KindJson => "题库 JSON", "Bank JSON";
    /// Tab-separated.
    TabSeparated => "制表符分隔", "tab-separated";
    /// Separated by {0}.
    SeparatedBy => "以“{0}”分隔", "separated by \"{0}\"";
    /// An error.
    Error => "错误", "Error";
    /// A warning.
    Warning => "提醒", "Warning";
    /// Questions read: {0}.
    QuestionsRead => "读到 {0} 道题", "{0} questions read";
}

impl DeskMsg {
    /// The message with `{0}`, `{1}` … replaced by `args` (see `i18n::fill`).
    pub fn fill(self, lang: Lang, args: &[&dyn std::fmt::Display]) -> String {
        fill(self.text(lang), args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::i18n::catalogue_checks::check_catalogue;

    #[test]
    fn every_desk_message_has_both_languages_with_the_same_placeholders() {
        check_catalogue(DeskMsg::ALL, DeskMsg::text, |m, lang| {
            m.fill(lang, &[&2, &2])
        });
    }
}
