//! The keyboard in the hall: the host's shortcuts (one letter per step, listed on screen) and the
//! buzzers' keys (USB buzzers type a key, like a keyboard). A key press is read once, here, into
//! what it means ([`Press`]); a buzzer key may never be a host shortcut, so the two never collide.
//! Key names are the browser's `KeyboardEvent.key` (letters compared without case).

use super::events::{Event, Verdict};
use super::rules::RoundRules;
use super::setup::TeamId;
use super::state::Phase;
use super::Match;
use serde::{Deserialize, Serialize};

/// A step of the host's console that has a shortcut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    /// Show the question in play.
    Show,
    /// Open buzzing.
    Open,
    /// Start the countdown.
    StartTimer,
    /// Pause the countdown, or resume it when paused.
    PauseResume,
    /// The answer is right.
    Right,
    /// The answer is wrong.
    Wrong,
    /// Pass the question.
    Pass,
    /// Risk: the team declines its question.
    Decline,
    /// Reveal the answer and the explanation.
    Reveal,
    /// Go on.
    Next,
    /// Undo the last step.
    Undo,
    /// Redo the last step undone.
    Redo,
}

impl Command {
    /// Every command, in the order the console lists them.
    pub const ALL: [Command; 12] = [
        Command::Show,
        Command::Open,
        Command::StartTimer,
        Command::PauseResume,
        Command::Right,
        Command::Wrong,
        Command::Pass,
        Command::Decline,
        Command::Reveal,
        Command::Next,
        Command::Undo,
        Command::Redo,
    ];

    /// Its shortcut: one letter, as shown on screen.
    pub fn key(self) -> char {
        match self {
            Command::Show => 'S',
            Command::Open => 'O',
            Command::StartTimer => 'T',
            Command::PauseResume => 'P',
            Command::Right => 'R',
            Command::Wrong => 'W',
            Command::Pass => 'X',
            Command::Decline => 'D',
            Command::Reveal => 'A',
            Command::Next => 'N',
            Command::Undo => 'U',
            Command::Redo => 'Y',
        }
    }

    /// The events it may send, in the order tried (pause/resume is whichever applies).
    pub fn events(self) -> Vec<Event> {
        match self {
            Command::Show => vec![Event::ShowQuestion],
            Command::Open => vec![Event::OpenBuzzing],
            Command::StartTimer => vec![Event::StartTimer],
            Command::PauseResume => vec![Event::PauseTimer, Event::ResumeTimer],
            Command::Right => vec![Event::Judge(Verdict::Right)],
            Command::Wrong => vec![Event::Judge(Verdict::Wrong)],
            Command::Pass => vec![Event::Pass],
            Command::Decline => vec![Event::Decline],
            Command::Reveal => vec![Event::Reveal],
            Command::Next => vec![Event::Next],
            Command::Undo => vec![Event::Undo],
            Command::Redo => vec![Event::Redo],
        }
    }
}

/// A letter reserved for the host: a shortcut, or `J` (the adjustment form).
pub fn is_host_key(key: &str) -> bool {
    let mut chars = key.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => {
            let c = c.to_ascii_uppercase();
            c == ADJUST_KEY || Command::ALL.iter().any(|k| k.key() == c)
        }
        _ => false,
    }
}

/// The shortcut that moves the focus to the adjustment form.
pub const ADJUST_KEY: char = 'J';

/// A key press as the browser reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyPress {
    /// `KeyboardEvent.key`.
    pub key: String,
    /// `KeyboardEvent.code` (`Digit1` for the key 1 whatever Shift does to it).
    pub code: String,
    /// Shift held.
    pub shift: bool,
    /// Ctrl, Alt or Meta held (the browser's and the system's shortcuts: never ours).
    pub other_modifier: bool,
    /// Held down (auto-repeat): ignored.
    pub repeat: bool,
}

/// What a key press means in the hall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Press {
    /// A team's buzzer.
    Buzzer(TeamId),
    /// A host's step.
    Command(Command),
    /// Shift and a digit: the n-th (1-based) team, or risk value while one is being chosen.
    Number(usize),
    /// The host's adjustment form.
    Adjust,
}

/// Each team's buzzer key, in the setup's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyMap {
    /// The key of team `i`.
    pub keys: Vec<String>,
}

impl Default for KeyMap {
    /// Keys 1 to 8 (a numeric keypad types the same).
    fn default() -> Self {
        KeyMap {
            keys: (1..=8).map(|n| n.to_string()).collect(),
        }
    }
}

/// A problem with a buzzer key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyProblem {
    /// Team `team` has no key.
    Missing {
        /// The team.
        team: TeamId,
    },
    /// Team `team`'s key is also `other`'s.
    Shared {
        /// The team.
        team: TeamId,
        /// The team that has it first.
        other: TeamId,
    },
    /// Team `team`'s key is a host shortcut.
    Reserved {
        /// The team.
        team: TeamId,
    },
}

/// A key name compared as the hall means it: one letter without case, anything else as it is.
fn same_key(a: &str, b: &str) -> bool {
    a == b || (a.chars().count() == 1 && a.eq_ignore_ascii_case(b))
}

impl KeyMap {
    /// The key of `team` (empty if none).
    pub fn key(&self, team: TeamId) -> &str {
        self.keys.get(team.index()).map_or("", String::as_str)
    }

    /// Sets the key of `team` (growing the map if needed).
    pub fn set(&mut self, team: TeamId, key: &str) {
        while self.keys.len() <= team.index() {
            self.keys.push(String::new());
        }
        self.keys[team.index()] = key.to_owned();
    }

    /// Every problem with the keys of `teams` teams.
    pub fn problems(&self, teams: usize) -> Vec<KeyProblem> {
        let mut problems = Vec::new();
        for i in 0..teams {
            let Ok(id) = u8::try_from(i) else { break };
            let team = TeamId(id);
            let key = self.key(team);
            if key.is_empty() {
                problems.push(KeyProblem::Missing { team });
            } else if is_host_key(key) {
                problems.push(KeyProblem::Reserved { team });
            } else if let Some(j) = (0..i).find(|j| same_key(self.keys[*j].as_str(), key)) {
                let other = TeamId(u8::try_from(j).unwrap_or(0));
                problems.push(KeyProblem::Shared { team, other });
            }
        }
        problems
    }

    /// The team whose buzzer is `key`, among the first `teams`.
    pub fn team_of(&self, key: &str, teams: usize) -> Option<TeamId> {
        self.keys
            .iter()
            .take(teams)
            .position(|k| !k.is_empty() && !is_host_key(k) && same_key(k, key))
            .and_then(|i| u8::try_from(i).ok())
            .map(TeamId)
    }

    /// What `press` means with `teams` teams; `None` for a key of no use here (or held down).
    pub fn read(&self, press: &KeyPress, teams: usize) -> Option<Press> {
        if press.repeat || press.other_modifier {
            return None;
        }
        if press.shift {
            let digit = press.code.strip_prefix("Digit")?.parse::<usize>().ok()?;
            return (1..=9).contains(&digit).then_some(Press::Number(digit));
        }
        if let Some(team) = self.team_of(&press.key, teams) {
            return Some(Press::Buzzer(team));
        }
        let mut chars = press.key.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            return None;
        };
        let c = c.to_ascii_uppercase();
        if c == ADJUST_KEY {
            return Some(Press::Adjust);
        }
        Command::ALL
            .into_iter()
            .find(|k| k.key() == c)
            .map(Press::Command)
    }
}

impl Match {
    /// The events a press asks for now, to be tried in order (pause/resume: whichever applies); a
    /// buzzer's press carries `at_ms`, when its key went down. Shift+n is the n-th risk value while
    /// one is being picked, else the n-th team. Empty for the adjustment shortcut (no event) or a
    /// number with nothing behind it.
    pub fn events_for(&self, press: Press, at_ms: u64) -> Vec<Event> {
        match press {
            Press::Buzzer(team) => vec![Event::Buzz { team, at_ms }],
            Press::Command(command) => command.events(),
            Press::Number(n) => {
                if let (Phase::Choosing(_), Some(RoundRules::Risk(risk))) =
                    (self.state().phase(), self.rules())
                {
                    return risk
                        .values
                        .get(n.wrapping_sub(1))
                        .map(|v| vec![Event::ChooseValue(*v)])
                        .unwrap_or_default();
                }
                n.checked_sub(1)
                    .and_then(|i| u8::try_from(i).ok())
                    .filter(|i| usize::from(*i) < self.setup().teams.len())
                    .map(|i| vec![Event::PickTeam(TeamId(i))])
                    .unwrap_or_default()
            }
            Press::Adjust => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(key: &str) -> KeyPress {
        KeyPress {
            key: key.into(),
            code: String::new(),
            shift: false,
            other_modifier: false,
            repeat: false,
        }
    }

    #[test]
    fn shortcuts_are_distinct_letters_and_never_the_default_buzzers() {
        let mut letters: Vec<char> = Command::ALL.iter().map(|c| c.key()).collect();
        letters.push(ADJUST_KEY);
        let count = letters.len();
        letters.sort_unstable();
        letters.dedup();
        assert_eq!(letters.len(), count, "one letter per step");
        assert!(KeyMap::default().problems(8).is_empty());
    }

    #[test]
    fn a_press_is_a_buzzer_a_step_or_nothing_and_auto_repeat_is_ignored() {
        let keys = KeyMap::default();
        assert_eq!(keys.read(&press("3"), 3), Some(Press::Buzzer(TeamId(2))));
        assert_eq!(keys.read(&press("4"), 3), None, "only the teams playing");
        assert_eq!(
            keys.read(&press("n"), 3),
            Some(Press::Command(Command::Next))
        );
        assert_eq!(
            keys.read(&press("R"), 3),
            Some(Press::Command(Command::Right))
        );
        assert_eq!(keys.read(&press("j"), 3), Some(Press::Adjust));
        assert_eq!(keys.read(&press("Enter"), 3), None);
        let held = KeyPress {
            repeat: true,
            ..press("1")
        };
        assert_eq!(keys.read(&held, 3), None);
        let ctrl = KeyPress {
            other_modifier: true,
            ..press("r")
        };
        assert_eq!(keys.read(&ctrl, 3), None, "Ctrl+R is the browser's reload");
        let shifted = KeyPress {
            key: "@".into(),
            code: "Digit2".into(),
            shift: true,
            ..press("")
        };
        assert_eq!(keys.read(&shifted, 3), Some(Press::Number(2)));
    }

    #[test]
    fn a_buzzer_key_may_not_be_missing_shared_or_a_shortcut() {
        let mut keys = KeyMap::default();
        keys.set(TeamId(1), "A");
        keys.set(TeamId(2), "1");
        keys.set(TeamId(3), "");
        assert_eq!(
            keys.problems(4),
            [
                KeyProblem::Reserved { team: TeamId(1) },
                KeyProblem::Shared {
                    team: TeamId(2),
                    other: TeamId(0)
                },
                KeyProblem::Missing { team: TeamId(3) },
            ]
        );
        // A reserved key stays the host's even when a team was given it.
        assert_eq!(
            keys.read(&press("a"), 4),
            Some(Press::Command(Command::Reveal))
        );
        keys.set(TeamId(1), "b");
        assert_eq!(keys.read(&press("B"), 2), Some(Press::Buzzer(TeamId(1))));
    }
}
