//! The content desk (`desk.html`, issue 15) as data: the file an editor brought in, the bank-level
//! settings for what the sheet does not say, the import's result (`bank::intake`), a filled
//! translation sheet taken back in, the site's `index.json`, the tab shown and the preview's
//! choices. One entry point, [`DeskModel::apply`]: it does no IO (the page reads the files and
//! fetches the index), so every step of an editor's visit is a native test.
//!
//! The file's bytes are kept, so a changed setting reads the file again at once (a sheet of a few
//! hundred questions reads in milliseconds); a translation sheet taken in is applied again after
//! every such read, so nothing the editor did is lost by changing a setting.
//!
//! What the desk hands back: the bank's JSON, `index.json` with the bank's entry added or
//! replaced, and, while texts lack English, the sheet for a translator.

mod frame;
mod words;

pub use frame::{Frame, FrameNote, FrameView};
pub use words::DeskMsg;

use crate::domain::bank::intake::{
    apply_translations, missing_english_count, read, translation_sheet, Intake, IntakeSettings,
    LanguageChoice, PlacedProblem,
};
use crate::domain::bank::{Audience, Bank, BankIndex, Topic, FORMAT_VERSION};
use crate::domain::date::Date;
use crate::domain::text::Lang;
use std::sync::Arc;

/// A tab of the desk, once a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// Counts first: questions by type and topic, problems by kind.
    Summary,
    /// Every problem, placed by sheet, row and column, with the fix in words.
    Problems,
    /// A question as the phone and the kiosk show it.
    Preview,
    /// The files to save: the bank, `index.json`, the translator's sheet.
    Files,
}

impl Tab {
    /// Every tab, in order.
    pub const ALL: [Tab; 4] = [Tab::Summary, Tab::Problems, Tab::Preview, Tab::Files];
}

/// The preview's choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preview {
    /// The question shown, by its place in the bank.
    pub at: usize,
    /// The language it is shown in.
    pub lang: Lang,
    /// Whether elder mode is on.
    pub elder: bool,
    /// Phone or kiosk.
    pub frame: Frame,
    /// Whether the answer and explanation are shown.
    pub revealed: bool,
}

/// A bank-level setting changed in the form.
#[derive(Debug, Clone, PartialEq)]
pub enum Setting {
    /// The bank's id (its file name without `.json`).
    BankId(String),
    /// The Chinese title.
    TitleZh(String),
    /// The English title.
    TitleEn(String),
    /// The topic.
    Topic(Topic),
    /// Who the questions are for (one audience; rows may say otherwise).
    Audience(Audience),
    /// The difficulty, 1–3, where rows do not say.
    Difficulty(u8),
    /// The source for questions without one, in Chinese.
    SourceZh(String),
    /// The source in English.
    SourceEn(String),
    /// The bank's languages.
    Languages(LanguageChoice),
    /// The version number.
    Version(u64),
}

/// Something that happened at the desk.
#[derive(Debug, Clone, PartialEq)]
pub enum DeskEvent {
    /// A file's bytes arrived and are about to be read (a large sheet takes seconds).
    FileReading(String),
    /// A file was read in the page.
    FileRead {
        /// Its name.
        name: String,
        /// Its bytes.
        bytes: Vec<u8>,
    },
    /// A file could not be read (the browser's words).
    FileFailed(String),
    /// A setting changed.
    Set(Setting),
    /// A tab chosen.
    Show(Tab),
    /// The preview moved to a question by its place in the bank.
    PreviewAt(usize),
    /// The preview moved to the question with this id (from the problem list).
    PreviewQuestion(String),
    /// The preview's language.
    PreviewLang(Lang),
    /// The preview's elder mode.
    PreviewElder(bool),
    /// The preview's frame.
    PreviewFrame(Frame),
    /// The preview's answer shown or hidden.
    PreviewReveal(bool),
    /// A filled translation sheet was read.
    TranslationsRead {
        /// Its name.
        name: String,
        /// Its bytes.
        bytes: Vec<u8>,
    },
    /// The site's `quizzes/index.json` arrived (`None`: it could not be read).
    IndexLoaded(Option<BankIndex>),
}

/// What taking a translation sheet in did.
#[derive(Debug, Clone, PartialEq)]
pub struct TranslationNote {
    /// The sheet's name.
    pub file: String,
    /// Texts filled.
    pub filled: usize,
    /// Texts still without English.
    pub remaining: usize,
    /// Rows that could not be used.
    pub problems: Vec<PlacedProblem>,
}

/// Bytes of a file above which reading it again (after a change of the bank's settings) is
/// said first: about 5,000 rows of a sheet, a few tenths of a second in a browser.
pub const SLOW_TO_READ: usize = 512 * 1024;

/// The desk's state. See the module documentation.
#[derive(Debug, Clone, PartialEq)]
pub struct DeskModel {
    file: Option<(String, Arc<[u8]>)>,
    reading: Option<String>,
    read_error: Option<String>,
    rejected: Option<(String, PlacedProblem)>,
    settings: IntakeSettings,
    intake: Option<Intake>,
    translations: Option<(String, Arc<[u8]>)>,
    translated: Option<(Bank, TranslationNote)>,
    index: Option<Option<BankIndex>>,
    tab: Tab,
    preview: Preview,
}

impl DeskModel {
    /// An empty desk, its settings at their defaults for `today`.
    pub fn new(today: Date) -> DeskModel {
        DeskModel {
            file: None,
            reading: None,
            read_error: None,
            rejected: None,
            settings: IntakeSettings::new(today),
            intake: None,
            translations: None,
            translated: None,
            index: None,
            tab: Tab::Summary,
            preview: Preview {
                at: 0,
                lang: Lang::Zh,
                elder: false,
                frame: Frame::Phone,
                revealed: false,
            },
        }
    }

    /// The file read, by name.
    pub fn file_name(&self) -> Option<&str> {
        self.file.as_ref().map(|(name, _)| name.as_str())
    }

    /// Why the last file could not be read, if it could not.
    pub fn read_error(&self) -> Option<&str> {
        self.read_error.as_deref()
    }

    /// The file being read, while it is.
    pub fn reading(&self) -> Option<&str> {
        self.reading.as_deref()
    }

    /// The last file brought in, by name, when it was neither a sheet nor a bank (empty, an
    /// image, random bytes): why, and the file before it stays.
    pub fn rejected(&self) -> Option<(&str, &PlacedProblem)> {
        self.rejected
            .as_ref()
            .map(|(name, why)| (name.as_str(), why))
    }

    /// The settings in the form.
    pub fn settings(&self) -> &IntakeSettings {
        &self.settings
    }

    /// The import's result, once a file is read.
    pub fn intake(&self) -> Option<&Intake> {
        self.intake.as_ref()
    }

    /// The bank as it stands: the import's, with the translator's English when taken in.
    pub fn bank(&self) -> Option<&Bank> {
        match &self.translated {
            Some((bank, _)) => Some(bank),
            None => self.intake.as_ref().and_then(|i| i.bank.as_ref()),
        }
    }

    /// The bank the preview shows: the bank as it stands or, while the file has errors, its
    /// questions that have none (`partial`: true), so each can be checked on the devices
    /// before the rest is fixed.
    pub fn preview_bank(&self) -> Option<(&Bank, bool)> {
        match self.bank() {
            Some(bank) => Some((bank, false)),
            None => self.intake.as_ref()?.partial.as_ref().map(|b| (b, true)),
        }
    }

    /// What the last translation sheet did.
    pub fn translation_note(&self) -> Option<&TranslationNote> {
        self.translated.as_ref().map(|(_, note)| note)
    }

    /// The tab shown.
    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// The preview's choices.
    pub fn preview(&self) -> Preview {
        self.preview
    }

    /// What the preview's frame is to show, numbered `shown` (the frame says when it shows it).
    pub fn frame_view(&self, shown: u32) -> Option<FrameView> {
        let (bank, _) = self.preview_bank()?;
        let question = bank.questions.get(self.preview.at)?;
        Some(FrameView::new(shown, self.preview, bank, question))
    }

    /// Whether the site's index arrived (`Some(false)`: it could not be read; `None`: waiting).
    pub fn index_state(&self) -> Option<bool> {
        self.index.as_ref().map(Option::is_some)
    }

    /// The bank file to save: its name and text, once the bank has no error.
    pub fn bank_file(&self) -> Option<(String, String)> {
        let bank = self.bank()?;
        Some((format!("{}.json", bank.id.as_str()), bank.to_json()))
    }

    /// `index.json` with this bank's entry added or replaced (over the site's index when it was
    /// read, else listing this bank alone).
    pub fn index_file(&self) -> Option<String> {
        let bank = self.bank()?;
        let (_, text) = self.bank_file()?;
        let site = self.index.clone().flatten().unwrap_or(BankIndex {
            format: FORMAT_VERSION,
            banks: Vec::new(),
        });
        Some(site.with_bank(bank, text.as_bytes()).to_json())
    }

    /// The translator's sheet while texts lack English: its name, text and how many texts.
    pub fn translation_file(&self) -> Option<(String, String, usize)> {
        let bank = self.bank()?;
        let missing = missing_english_count(bank);
        (missing > 0).then(|| {
            (
                format!("{}-translation.csv", bank.id.as_str()),
                translation_sheet(bank),
                missing,
            )
        })
    }

    /// When `event` reads the file again and the file is large enough for that to hold the page
    /// for a moment (over [`SLOW_TO_READ`] bytes): the file's name, to say it is being read
    /// (`FileReading`) and let that be painted before the event is applied.
    pub fn reads_slowly(&self, event: &DeskEvent) -> Option<String> {
        let (name, bytes) = self.file.as_ref()?;
        (matches!(event, DeskEvent::Set(_)) && bytes.len() > SLOW_TO_READ).then(|| name.clone())
    }

    /// Applies one event.
    pub fn apply(&mut self, event: DeskEvent) {
        match event {
            DeskEvent::FileReading(name) => self.reading = Some(name),
            DeskEvent::FileRead { name, bytes } => {
                self.reading = None;
                self.read_error = None;
                self.rejected = None;
                let intake = read(&name, &bytes, &self.settings);
                if intake.header.kind.is_none() {
                    // Not a sheet or a bank at all: said, by name, and what was there stays.
                    if let Some(why) = intake.problems.into_iter().next() {
                        self.rejected = Some((name, why));
                    }
                    return;
                }
                self.file = Some((name, bytes.into()));
                self.translations = None;
                self.tab = Tab::Summary;
                self.preview.at = 0;
                self.intake = Some(intake);
                self.after_read();
            }
            DeskEvent::FileFailed(why) => {
                self.reading = None;
                self.read_error = Some(why);
            }
            DeskEvent::Set(setting) => {
                self.reading = None;
                self.set(setting);
                self.reread();
            }
            DeskEvent::Show(tab) => self.tab = tab,
            DeskEvent::PreviewAt(at) => {
                self.preview.at = at.min(self.last_previewed());
            }
            DeskEvent::PreviewQuestion(id) => {
                if let Some(at) = self
                    .preview_bank()
                    .and_then(|(b, _)| b.questions.iter().position(|q| q.id.as_str() == id))
                {
                    self.preview.at = at;
                    self.tab = Tab::Preview;
                }
            }
            DeskEvent::PreviewLang(lang) => self.preview.lang = lang,
            DeskEvent::PreviewElder(elder) => self.preview.elder = elder,
            DeskEvent::PreviewFrame(frame) => self.preview.frame = frame,
            DeskEvent::PreviewReveal(revealed) => self.preview.revealed = revealed,
            DeskEvent::TranslationsRead { name, bytes } => {
                self.translations = Some((name, bytes.into()));
                self.translate();
            }
            DeskEvent::IndexLoaded(index) => self.index = Some(index),
        }
    }

    fn set(&mut self, setting: Setting) {
        let s = &mut self.settings;
        match setting {
            Setting::BankId(id) => s.bank_id = id.trim().to_owned(),
            Setting::TitleZh(text) => s.title.zh = text,
            Setting::TitleEn(text) => s.title.en = text,
            Setting::Topic(topic) => s.topic = topic,
            Setting::Audience(audience) => s.audience = vec![audience],
            Setting::Difficulty(d) => s.difficulty = d.clamp(1, 3),
            Setting::SourceZh(text) => s.source.zh = text,
            Setting::SourceEn(text) => s.source.en = text,
            Setting::Languages(choice) => s.languages = choice,
            Setting::Version(v) => s.version = v.max(1),
        }
    }

    /// Reads the file again with the settings, then the translations again over it.
    fn reread(&mut self) {
        let Some((name, bytes)) = &self.file else {
            return;
        };
        self.intake = Some(read(name, bytes, &self.settings));
        self.after_read();
    }

    /// The translations again over a new read, and the preview kept within the bank.
    fn after_read(&mut self) {
        self.translate();
        self.preview.at = self.preview.at.min(self.last_previewed());
    }

    /// The place of the preview's last question.
    fn last_previewed(&self) -> usize {
        self.preview_bank()
            .map_or(0, |(b, _)| b.questions.len().saturating_sub(1))
    }

    fn translate(&mut self) {
        self.translated = None;
        let (Some((name, bytes)), Some(bank)) = (
            &self.translations,
            self.intake.as_ref().and_then(|i| i.bank.as_ref()),
        ) else {
            return;
        };
        let done = apply_translations(bank, name, bytes);
        let note = TranslationNote {
            file: name.clone(),
            filled: done.filled,
            remaining: done.remaining,
            problems: done.problems,
        };
        self.translated = Some((done.bank, note));
    }
}

#[cfg(test)]
mod tests;
