//! The preview's two windows: the desk, and its frame (`desk.html?frame`, a page of the device's
//! size inside it). The desk sends a [`FrameView`], the frame answers with a [`FrameNote`]; both
//! travel as JSON text between windows of the same origin. Plain data: the sending and the
//! checking of who sent it are the platform's (`platform::frame`).

use super::Preview;
use crate::domain::bank::{parse_bank_on_device, Bank, Question};
use crate::domain::session::{Practice, Session};
use crate::domain::text::Lang;
use serde::{Deserialize, Serialize};

/// Where the preview shows the question: a device's screen, at its size in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Frame {
    /// A phone (the learner's `index.html`), 390 × 844.
    Phone,
    /// A branch kiosk (`kiosk.html`) standing upright, 1080 × 1920.
    Kiosk,
    /// A branch kiosk on its side, 1920 × 1080.
    Landscape,
}

impl Frame {
    /// Every frame, in the order offered.
    pub const ALL: [Frame; 3] = [Frame::Phone, Frame::Kiosk, Frame::Landscape];

    /// The screen's width and height in CSS pixels.
    pub fn size(self) -> (u32, u32) {
        match self {
            Frame::Phone => (390, 844),
            Frame::Kiosk => (1080, 1920),
            Frame::Landscape => (1920, 1080),
        }
    }

    /// Whether it is a kiosk (the kiosk's page and style sheet), not a phone.
    pub fn is_kiosk(self) -> bool {
        self != Frame::Phone
    }

    /// Its CSS class.
    pub fn as_str(self) -> &'static str {
        match self {
            Frame::Phone => "is-phone",
            Frame::Kiosk => "is-kiosk",
            Frame::Landscape => "is-landscape",
        }
    }
}

/// One question as the frame is to show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FrameView {
    /// Its number: the frame reports it back once shown.
    pub shown: u32,
    /// Which device's screen.
    pub frame: Frame,
    /// The language it is shown in.
    pub lang: Lang,
    /// Whether elder mode is on.
    pub elder: bool,
    /// Whether the answer is checked (the right options chosen), so the feedback shows.
    pub revealed: bool,
    /// The question's number in the bank previewed and how many the preview has: the screen
    /// numbers it so ("question 37 of 150", "next" but on the last), as a round through the
    /// bank would.
    pub place: (usize, usize),
    /// The bank, with the question previewed as its only question (sent in the bank file's own
    /// format, read back by the phone's own reader).
    pub bank: Bank,
}

/// A [`FrameView`] as received, before its bank is read.
#[derive(Deserialize)]
struct FrameWire {
    shown: u32,
    frame: Frame,
    lang: Lang,
    elder: bool,
    revealed: bool,
    place: (usize, usize),
    bank: serde_json::Value,
}

impl FrameView {
    /// `question` of `bank` as `preview` says.
    pub fn new(shown: u32, preview: Preview, bank: &Bank, question: &Question) -> FrameView {
        FrameView {
            shown,
            frame: preview.frame,
            lang: preview.lang,
            elder: preview.elder,
            revealed: preview.revealed,
            place: (preview.at + 1, bank.questions.len()),
            bank: Bank {
                format: bank.format,
                id: bank.id.clone(),
                topic: bank.topic,
                version: bank.version,
                reviewed: bank.reviewed,
                title: bank.title.clone(),
                description: bank.description.clone(),
                languages: bank.languages,
                questions: vec![question.clone()],
            },
        }
    }

    /// The question shown (the bank's only one).
    pub fn question(&self) -> Option<&Question> {
        self.bank.questions.first()
    }

    /// The question as a practice of one, its options in the bank's order (the letters match the
    /// sheet's); when `revealed`, answered with the right options, so the feedback shows.
    pub fn session(&self) -> Option<Session> {
        let question = self.question()?;
        let mut practice = Practice::single(&self.bank.id, question);
        if self.revealed {
            for id in &question.answer {
                // The answer's options are the question's own (the bank was checked): a tick cannot fail.
                let _ = practice.toggle(question.kind, id);
            }
            let _ = practice.submit(question);
        }
        Some(Session::Practice(practice))
    }

    /// As sent.
    pub fn to_json(&self) -> String {
        // Plain strings, numbers and enums: serialising cannot fail; an empty object reads as nothing.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// As received; `None` for anything else, or for a bank the phone would not take.
    pub fn parse(text: &str) -> Option<FrameView> {
        let wire: FrameWire = serde_json::from_str(text).ok()?;
        let bytes = serde_json::to_vec(&wire.bank).ok()?;
        // The reader checks the id against the file's name: the file is named after the id.
        let id = wire.bank.get("id").and_then(serde_json::Value::as_str)?;
        let bank = parse_bank_on_device(&format!("{id}.json"), &bytes).bank?;
        Some(FrameView {
            shown: wire.shown,
            frame: wire.frame,
            lang: wire.lang,
            elder: wire.elder,
            revealed: wire.revealed,
            place: wire.place,
            bank,
        })
    }
}

/// What the frame tells the desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FrameNote {
    /// Listening: send the view.
    Ready,
    /// The view with this number is on screen.
    Shown(u32),
}

impl FrameNote {
    /// As sent.
    pub fn to_json(self) -> String {
        serde_json::to_string(&self).unwrap_or_default()
    }

    /// As received; `None` for anything else.
    pub fn parse(text: &str) -> Option<FrameNote> {
        serde_json::from_str(text).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::date::Date;
    use crate::domain::desk::{DeskEvent, DeskModel};

    fn desk_with_bank() -> DeskModel {
        let mut desk = DeskModel::new(Date::new(2026, 12, 5).unwrap());
        let bank = include_str!("../../../quizzes/fraud.json");
        desk.apply(DeskEvent::FileRead {
            name: "fraud.json".into(),
            bytes: bank.as_bytes().to_vec(),
        });
        desk
    }

    #[test]
    fn the_frame_gets_the_question_previewed_alone_and_reads_it_back() {
        let mut desk = desk_with_bank();
        desk.apply(DeskEvent::PreviewAt(2));
        desk.apply(DeskEvent::PreviewFrame(Frame::Landscape));
        desk.apply(DeskEvent::PreviewElder(true));
        let view = desk.frame_view(7).unwrap();
        let third = &desk.bank().unwrap().questions[2];
        assert_eq!(view.question(), Some(third));
        assert_eq!(view.bank.questions.len(), 1);
        assert_eq!(
            (view.shown, view.frame, view.elder),
            (7, Frame::Landscape, true)
        );
        let count = desk.bank().unwrap().questions.len();
        assert_eq!(view.place, (3, count), "numbered by its place in the bank");
        assert_eq!(FrameView::parse(&view.to_json()), Some(view));
    }

    #[test]
    fn the_session_asks_in_the_sheets_order_and_reveals_the_right_answer() {
        let mut desk = desk_with_bank();
        let view = desk.frame_view(1).unwrap();
        let question = view.question().unwrap().clone();
        let asking = view.session().unwrap();
        let order: Vec<_> = question.options.iter().map(|o| o.id.clone()).collect();
        assert_eq!(asking.items()[0].options, order);
        assert!(asking.is_fresh());
        desk.apply(DeskEvent::PreviewReveal(true));
        let revealed = desk.frame_view(2).unwrap().session().unwrap();
        let answer = revealed.practice().and_then(|p| p.revealed()).unwrap();
        assert!(answer.correct);
        assert_eq!(revealed.selected(), question.answer.as_slice());
    }

    #[test]
    fn notes_read_back_and_strangers_do_not() {
        for note in [FrameNote::Ready, FrameNote::Shown(3)] {
            assert_eq!(FrameNote::parse(&note.to_json()), Some(note));
        }
        assert_eq!(FrameNote::parse("{\"shown\":\"x\"}"), None);
        assert_eq!(FrameView::parse("{}"), None);
        assert_eq!(FrameNote::parse("hello"), None);
    }
}
