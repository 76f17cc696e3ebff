//! Reusable pieces of the interface.

mod answer_feedback;
mod answer_list;
mod chips;
mod confirm;
mod elder_toggle;
mod lang_toggle;
mod next_task;
mod notice_banner;
mod progress_bar;
mod question_card;
mod read_aloud;
mod result_summary;
mod round_actions;
mod screen_head;
mod topic_chart;

pub use answer_feedback::AnswerFeedback;
pub use answer_list::AnswerList;
pub use chips::{numbered, picked, positions, words, AudienceChips, Chips, Choice};
pub use confirm::Confirm;
pub use elder_toggle::ElderToggle;
pub use lang_toggle::LangToggle;
pub use next_task::{AfterPaint, BootGone, InNextTask, MarkReady, WhenWhole};
pub use notice_banner::NoticeBanner;
pub use progress_bar::ProgressBar;
pub use question_card::QuestionCard;
pub use read_aloud::ReadAloud;
pub use result_summary::ResultSummary;
pub use round_actions::{PracticeActions, QuizActions};
pub use screen_head::ScreenHead;
pub use topic_chart::TopicChart;
