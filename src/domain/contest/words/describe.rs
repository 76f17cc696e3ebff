//! The match's own values in words: round types, rules, colours, commands, setup and key
//! problems, refusals, signed points, the time of day, a log line, and the lines both screens show
//! (where the match is, which question, what is happening).

use super::ContestMsg;
use crate::domain::contest::editing::{RoundKind, RuleField};
use crate::domain::contest::events::{Event, Refused, Verdict};
use crate::domain::contest::keys::{Command, KeyProblem};
use crate::domain::contest::log::{Ignored, LogEntry, Outcome};
use crate::domain::contest::setup::{MatchSetup, SetupError, TeamColour, TeamId, MAX_NAME_CHARS};
use crate::domain::contest::Match;
use crate::domain::text::Lang;

/// A round type's name.
pub fn kind_name(kind: RoundKind) -> ContestMsg {
    match kind {
        RoundKind::Compulsory => ContestMsg::KindCompulsory,
        RoundKind::BuzzIn => ContestMsg::KindBuzzIn,
        RoundKind::Risk => ContestMsg::KindRisk,
        RoundKind::Tiebreak => ContestMsg::KindTiebreak,
    }
}

/// What a round type means, in a sentence.
pub fn kind_about(kind: RoundKind) -> ContestMsg {
    match kind {
        RoundKind::Compulsory => ContestMsg::AboutCompulsory,
        RoundKind::BuzzIn => ContestMsg::AboutBuzzIn,
        RoundKind::Risk => ContestMsg::AboutRisk,
        RoundKind::Tiebreak => ContestMsg::AboutTiebreak,
    }
}

/// A rule's label.
pub fn field_name(field: RuleField) -> ContestMsg {
    match field {
        RuleField::Seconds => ContestMsg::FieldSeconds,
        RuleField::BuzzSeconds => ContestMsg::FieldBuzzSeconds,
        RuleField::AnswerSeconds => ContestMsg::FieldAnswerSeconds,
        RuleField::Right => ContestMsg::FieldRight,
        RuleField::Wrong => ContestMsg::FieldWrong,
        RuleField::Timeout => ContestMsg::FieldTimeout,
        RuleField::Foul => ContestMsg::FieldFoul,
        RuleField::FoulExcludes => ContestMsg::FieldFoulExcludes,
        RuleField::AfterWrong => ContestMsg::FieldAfterWrong,
        RuleField::MaxAnswers => ContestMsg::FieldMaxAnswers,
        RuleField::Values => ContestMsg::FieldValues,
        RuleField::MayDecline => ContestMsg::FieldMayDecline,
        RuleField::TimeoutLoses => ContestMsg::FieldTimeoutLoses,
        RuleField::Order => ContestMsg::FieldOrder,
        RuleField::Places => ContestMsg::FieldPlaces,
    }
}

/// The names of a choice rule's values, in order.
pub fn choice_names(field: RuleField) -> &'static [ContestMsg] {
    match field {
        RuleField::AfterWrong => &[ContestMsg::AfterWrongRebound, ContestMsg::AfterWrongPass],
        RuleField::Order => &[
            ContestMsg::OrderListed,
            ContestMsg::OrderHighest,
            ContestMsg::OrderLowest,
        ],
        _ => &[],
    }
}

/// A colour's name.
pub fn colour_name(colour: TeamColour) -> ContestMsg {
    match colour {
        TeamColour::Red => ContestMsg::ColourRed,
        TeamColour::Blue => ContestMsg::ColourBlue,
        TeamColour::Green => ContestMsg::ColourGreen,
        TeamColour::Orange => ContestMsg::ColourOrange,
        TeamColour::Purple => ContestMsg::ColourPurple,
        TeamColour::Teal => ContestMsg::ColourTeal,
        TeamColour::Brown => ContestMsg::ColourBrown,
        TeamColour::Pink => ContestMsg::ColourPink,
    }
}

/// A command's name.
pub fn command_name(command: Command) -> ContestMsg {
    match command {
        Command::Show => ContestMsg::CmdShow,
        Command::Open => ContestMsg::CmdOpen,
        Command::StartTimer => ContestMsg::CmdStartTimer,
        Command::PauseResume => ContestMsg::CmdPauseResume,
        Command::Right => ContestMsg::CmdRight,
        Command::Wrong => ContestMsg::CmdWrong,
        Command::Pass => ContestMsg::CmdPass,
        Command::Decline => ContestMsg::CmdDecline,
        Command::Reveal => ContestMsg::CmdReveal,
        Command::Next => ContestMsg::CmdNext,
        Command::Undo => ContestMsg::CmdUndo,
        Command::Redo => ContestMsg::CmdRedo,
    }
}

/// A team as the screens name it: "1 第1队" (its label, then its name).
pub fn team_name(setup: &MatchSetup, team: TeamId) -> String {
    setup
        .team(team)
        .map(|t| format!("{} {}", t.label, t.name))
        .unwrap_or_default()
}

/// A setup problem in words (rounds and teams counted from 1).
pub fn setup_error(error: &SetupError, lang: Lang) -> String {
    use ContestMsg as M;
    match error {
        SetupError::TooFewTeams { count } => M::ErrTooFewTeams.fill(lang, &[count]),
        SetupError::TooManyTeams { count } => M::ErrTooManyTeams.fill(lang, &[count]),
        SetupError::BlankTeam { team } => M::ErrBlankTeam.fill(lang, &[&(team + 1)]),
        SetupError::LongName { team, length } => {
            M::ErrLongName.fill(lang, &[&(team + 1), length, &MAX_NAME_CHARS])
        }
        SetupError::DuplicateName { name } => M::ErrDuplicateName.fill(lang, &[name]),
        SetupError::DuplicateLabel { label } => M::ErrDuplicateLabel.fill(lang, &[label]),
        SetupError::DuplicateColour { colour } => {
            M::ErrDuplicateColour.fill(lang, &[&colour_name(*colour).text(lang)])
        }
        SetupError::NoRounds => M::ErrNoRounds.text(lang).to_owned(),
        SetupError::RoundWithoutQuestions { round } => {
            M::ErrNoQuestions.fill(lang, &[&(round + 1)])
        }
        SetupError::UnevenTurns {
            round,
            questions,
            teams,
        } => M::ErrUneven.fill(lang, &[&(round + 1), questions, teams]),
        SetupError::BadRule { round, .. } => M::ErrBadRule.fill(lang, &[&(round + 1)]),
        SetupError::RepeatedQuestion { key } => M::ErrRepeated.fill(lang, &[key]),
        SetupError::UnknownQuestion { round, key } => {
            M::ErrUnknown.fill(lang, &[&(round + 1), key])
        }
    }
}

/// A buzzer key problem in words.
pub fn key_problem(problem: &KeyProblem, setup: &MatchSetup, lang: Lang) -> String {
    let name = |t: &TeamId| team_name(setup, *t);
    match problem {
        KeyProblem::Missing { team } => ContestMsg::KeyMissing.fill(lang, &[&name(team)]),
        KeyProblem::Shared { team, other } => {
            ContestMsg::KeyShared.fill(lang, &[&name(team), &name(other)])
        }
        KeyProblem::Reserved { team } => ContestMsg::KeyReserved.fill(lang, &[&name(team)]),
    }
}

/// Why a step was refused, for the host.
pub fn refused(refused: &Refused) -> ContestMsg {
    match refused {
        Refused::NothingToUndo => ContestMsg::NothingToUndo,
        Refused::NoReason => ContestMsg::AdjustNeedsReason,
        _ => ContestMsg::RefusedStep,
    }
}

/// A signed number of points: "+10", "−10" (a real minus sign), "0".
pub fn signed(points: i32) -> String {
    match points {
        p if p > 0 => format!("+{p}"),
        p if p < 0 => format!("−{}", p.unsigned_abs()),
        _ => "0".to_owned(),
    }
}

/// The time of day on the Beijing clock, `HH:MM:SS`, of a Unix time in ms.
pub fn clock_time(at_ms: u64) -> String {
    let secs = (at_ms / 1000 + 8 * 3600) % 86_400;
    format!("{:02}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60)
}

/// One log line in words: time, round, team, what was done, what came of it, score changes.
pub fn log_line(entry: &LogEntry, setup: &MatchSetup, lang: Lang) -> String {
    use ContestMsg as M;
    let team = |t: &TeamId| team_name(setup, *t);
    let event = match &entry.event {
        Event::ShowQuestion => M::EvShow.text(lang).to_owned(),
        Event::OpenBuzzing => M::EvOpen.text(lang).to_owned(),
        Event::Buzz { .. } => M::EvBuzz.text(lang).to_owned(),
        Event::PickTeam(t) => M::EvPick.fill(lang, &[&team(t)]),
        Event::ChooseValue(v) => M::EvValue.fill(lang, &[v]),
        Event::Decline => M::EvDecline.text(lang).to_owned(),
        Event::StartTimer => M::CmdStartTimer.text(lang).to_owned(),
        Event::PauseTimer | Event::ResumeTimer => M::EvTimer.text(lang).to_owned(),
        Event::TimeUp => M::EvTimeUp.text(lang).to_owned(),
        Event::Judge(Verdict::Said(_)) | Event::Judge(_) => M::EvJudge.text(lang).to_owned(),
        Event::Pass => M::EvPass.text(lang).to_owned(),
        Event::Reveal => M::EvReveal.text(lang).to_owned(),
        Event::Next => M::EvNext.text(lang).to_owned(),
        Event::Adjust { reason, .. } => M::EvAdjust.fill(lang, &[reason]),
        Event::Undo => M::EvUndo.text(lang).to_owned(),
        Event::Redo => M::EvRedo.text(lang).to_owned(),
    };
    let outcome = match entry.outcome {
        Outcome::Done => M::LogDone.text(lang).to_owned(),
        Outcome::Foul => M::LogFoul.text(lang).to_owned(),
        Outcome::Ignored(Ignored::LockedOut {
            first,
            same_ms: true,
        }) => M::LogSameMs.fill(lang, &[&team(&first)]),
        Outcome::Ignored(_) => M::LogIgnored.text(lang).to_owned(),
        Outcome::Right => M::LogRight.text(lang).to_owned(),
        Outcome::Wrong { rebound } | Outcome::TimedOut { rebound } => {
            let what = if matches!(entry.outcome, Outcome::Wrong { .. }) {
                M::LogWrong
            } else {
                M::LogTimedOut
            };
            let mut text = what.text(lang).to_owned();
            if rebound {
                text.push_str(" · ");
                text.push_str(M::LogRebound.text(lang));
            }
            text
        }
        Outcome::Void => M::LogVoid.text(lang).to_owned(),
        Outcome::TiebreakSkipped => M::LogTiebreakSkipped.text(lang).to_owned(),
        Outcome::Undid(i) => M::LogUndid.fill(lang, &[&(i + 1)]),
        Outcome::Redid(i) => M::LogRedid.fill(lang, &[&(i + 1)]),
    };
    let mut line = clock_time(entry.at_ms);
    if let Some(round) = entry.round {
        line.push_str(&format!(" R{}", round + 1));
    }
    if let Some(t) = entry.team {
        line.push_str(&format!(" [{}]", team(&t)));
    }
    line.push_str(&format!(" {event} → {outcome}"));
    for change in &entry.changes {
        line.push_str(&format!(
            " ({} {})",
            team(&change.team),
            signed(change.delta)
        ));
    }
    line
}

/// Where the match is, in a line: the round's number, count and type.
pub fn round_line(game: &Match, lang: Lang) -> String {
    let rounds = game.setup().rounds.len();
    match game.rules() {
        Some(rules) => ContestMsg::RoundOf.fill(
            lang,
            &[
                &(game.state().round() + 1),
                &rounds,
                &kind_name(rules.kind()).text(lang),
            ],
        ),
        None => ContestMsg::Finished.text(lang).to_owned(),
    }
}

/// Which question of the round is in play ("第 2/3 题"), once one is.
pub fn question_line(game: &Match, lang: Lang) -> Option<String> {
    game.question()?;
    let count = game
        .setup()
        .rounds
        .get(game.state().round())
        .map_or(0, |r| r.questions.len());
    Some(ContestMsg::QuestionOf.fill(lang, &[&(game.state().question() + 1), &count]))
}

/// What is happening now, in a line both screens show.
pub fn headline(game: &Match, lang: Lang) -> String {
    use crate::domain::contest::state::{Ending, Phase};
    use ContestMsg as M;
    let setup = game.setup();
    let team = |t: TeamId| team_name(setup, t);
    match game.state().phase() {
        Phase::RoundStart => M::RoundCard.text(lang).to_owned(),
        Phase::Choosing(t) => M::ChoosingValue.fill(lang, &[&team(t)]),
        Phase::Ready(Some(t)) => match game.state().play().stake {
            Some(v) => M::ValueChosen.fill(lang, &[&team(t), &v]),
            None => M::TurnOf.fill(lang, &[&team(t)]),
        },
        Phase::Ready(None) => M::NotShownYet.text(lang).to_owned(),
        Phase::Reading => M::PhaseReading.text(lang).to_owned(),
        Phase::Open => M::PhaseOpen.text(lang).to_owned(),
        Phase::Answering(t) if game.buzzed() == Some(t) => M::BuzzedFirst.fill(lang, &[&team(t)]),
        Phase::Answering(t) => M::Answering.fill(lang, &[&team(t)]),
        Phase::Settled(e) | Phase::Revealed(e) => match e {
            Ending::Right(t) => M::EndRight.fill(lang, &[&team(t)]),
            Ending::Wrong(t) => M::EndWrong.fill(lang, &[&team(t)]),
            Ending::TimedOut(t) => M::EndTimedOut.fill(lang, &[&team(t)]),
            Ending::Void => M::EndVoid.text(lang).to_owned(),
            Ending::Passed => M::EndPassed.text(lang).to_owned(),
            Ending::Declined(t) => M::EndDeclined.fill(lang, &[&team(t)]),
        },
        Phase::Finished => M::Finished.text(lang).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_are_signed_with_a_real_minus_and_times_are_beijing_time() {
        assert_eq!(signed(10), "+10");
        assert_eq!(signed(-10), "−10");
        assert_eq!(signed(0), "0");
        // 1_800_000_000 s after the epoch is 08:00 UTC, 16:00 in Beijing.
        assert_eq!(clock_time(1_800_000_000_000), "16:00:00");
    }
}
