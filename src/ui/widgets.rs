//! Reusable pieces of the interface.

mod answer_feedback;
mod lang_toggle;
mod notice_banner;
mod question_card;
mod result_summary;

pub use answer_feedback::AnswerFeedback;
pub use lang_toggle::LangToggle;
pub use notice_banner::NoticeBanner;
pub use question_card::QuestionCard;
pub use result_summary::ResultSummary;
