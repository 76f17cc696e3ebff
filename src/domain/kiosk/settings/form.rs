//! The operator panel's settings form, as data: every setting as staff edit it (numbers on
//! steppers, text typed by staff, choices on buttons), filled from the settings in force, and
//! turned back into this device's overrides on "save" — only the values staff changed are added
//! to the overrides already there, so a later `kiosk.json` still reaches every other field. A
//! value the kiosk cannot use is refused, field by field, and nothing is saved.

use super::{
    KioskOverrides, KioskSettings, SettingProblem, COUNTDOWN_RANGE, IDLE_RANGE, QUESTIONS_RANGE,
};
use crate::domain::bank::{Audience, Topic};
use crate::domain::text::Lang;

/// A number on a stepper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberField {
    /// [`KioskSettings::idle_seconds`].
    IdleSeconds,
    /// [`KioskSettings::countdown_seconds`].
    CountdownSeconds,
    /// [`KioskSettings::questions_per_session`].
    QuestionsPerSession,
    /// [`KioskSettings::prize_threshold`] (0: off).
    PrizeThreshold,
}

impl NumberField {
    /// Every stepper, in the form's order.
    pub const ALL: [NumberField; 4] = [
        NumberField::IdleSeconds,
        NumberField::CountdownSeconds,
        NumberField::QuestionsPerSession,
        NumberField::PrizeThreshold,
    ];

    /// The field's name, as in `kiosk.json` and in [`SettingProblem::field`].
    pub fn as_str(self) -> &'static str {
        match self {
            NumberField::IdleSeconds => "idle_seconds",
            NumberField::CountdownSeconds => "countdown_seconds",
            NumberField::QuestionsPerSession => "questions_per_session",
            NumberField::PrizeThreshold => "prize_threshold",
        }
    }

    /// The values allowed (the prize threshold's 0 is "off").
    pub fn range(self) -> (u32, u32) {
        match self {
            NumberField::IdleSeconds => IDLE_RANGE,
            NumberField::CountdownSeconds => COUNTDOWN_RANGE,
            NumberField::QuestionsPerSession => QUESTIONS_RANGE,
            NumberField::PrizeThreshold => (0, QUESTIONS_RANGE.1),
        }
    }

    /// One press of the stepper.
    pub fn step(self) -> u32 {
        match self {
            NumberField::IdleSeconds | NumberField::CountdownSeconds => 5,
            NumberField::QuestionsPerSession | NumberField::PrizeThreshold => 1,
        }
    }
}

/// A text typed by staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    /// [`KioskSettings::branch`].
    Branch,
    /// [`KioskSettings::bank_hotline`] (empty: none).
    BankHotline,
    /// [`KioskSettings::phone_base_url`] (empty: off).
    PhoneBaseUrl,
}

impl TextField {
    /// The field's name, as in `kiosk.json` and in [`SettingProblem::field`].
    pub fn as_str(self) -> &'static str {
        match self {
            TextField::Branch => "branch",
            TextField::BankHotline => "bank_hotline",
            TextField::PhoneBaseUrl => "phone_base_url",
        }
    }
}

/// Every setting as the form shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsForm {
    /// Seconds before "Still there?".
    pub idle_seconds: u32,
    /// Seconds of its countdown.
    pub countdown_seconds: u32,
    /// Questions per session.
    pub questions_per_session: u32,
    /// Right answers for a prize code; 0 is off.
    pub prize_threshold: u32,
    /// The topics offered, in the kiosk's order.
    pub topics: Vec<Topic>,
    /// Who the questions are for.
    pub audience: Audience,
    /// The language each customer starts in.
    pub lang: Lang,
    /// Whether each customer starts in elder mode.
    pub elder: bool,
    /// The branch's name.
    pub branch: String,
    /// The bank's hotline; empty for none.
    pub bank_hotline: String,
    /// The phone app's address; empty for none.
    pub phone_base_url: String,
}

impl SettingsForm {
    /// The form filled from the settings in force.
    pub fn new(settings: &KioskSettings) -> SettingsForm {
        SettingsForm {
            idle_seconds: settings.idle_seconds,
            countdown_seconds: settings.countdown_seconds,
            questions_per_session: settings.questions_per_session,
            prize_threshold: settings.prize_threshold.unwrap_or(0),
            topics: settings.topics.clone(),
            audience: settings.audience,
            lang: settings.lang,
            elder: settings.elder,
            branch: settings.branch.clone(),
            bank_hotline: settings.bank_hotline.clone().unwrap_or_default(),
            phone_base_url: settings.phone_base_url.clone().unwrap_or_default(),
        }
    }

    /// The value of a stepper.
    pub fn number(&self, field: NumberField) -> u32 {
        match field {
            NumberField::IdleSeconds => self.idle_seconds,
            NumberField::CountdownSeconds => self.countdown_seconds,
            NumberField::QuestionsPerSession => self.questions_per_session,
            NumberField::PrizeThreshold => self.prize_threshold,
        }
    }

    /// Moves a stepper by `steps` presses (negative: down), kept within its range.
    pub fn step(&mut self, field: NumberField, steps: i32) {
        let (min, max) = field.range();
        let moved = i64::from(self.number(field)) + i64::from(steps) * i64::from(field.step());
        let value = u32::try_from(moved.clamp(i64::from(min), i64::from(max))).unwrap_or(min);
        match field {
            NumberField::IdleSeconds => self.idle_seconds = value,
            NumberField::CountdownSeconds => self.countdown_seconds = value,
            NumberField::QuestionsPerSession => self.questions_per_session = value,
            NumberField::PrizeThreshold => self.prize_threshold = value,
        }
    }

    /// The text of a text field.
    pub fn text(&self, field: TextField) -> &str {
        match field {
            TextField::Branch => &self.branch,
            TextField::BankHotline => &self.bank_hotline,
            TextField::PhoneBaseUrl => &self.phone_base_url,
        }
    }

    /// Sets a text field as typed.
    pub fn set_text(&mut self, field: TextField, text: String) {
        match field {
            TextField::Branch => self.branch = text,
            TextField::BankHotline => self.bank_hotline = text,
            TextField::PhoneBaseUrl => self.phone_base_url = text,
        }
    }

    /// Offers `topic` or stops offering it (in the order of [`Topic::ALL`]).
    pub fn toggle_topic(&mut self, topic: Topic) {
        if self.topics.contains(&topic) {
            self.topics.retain(|t| *t != topic);
        } else {
            self.topics.push(topic);
            self.topics
                .sort_by_key(|t| Topic::ALL.iter().position(|a| a == t));
        }
    }

    /// The device's overrides after saving the form over `in_force` (the settings the form was
    /// filled from) and the device's `current` overrides; or every value that cannot be used,
    /// by field, checked over the `deployment` as the kiosk will resolve it.
    pub fn save(
        &self,
        in_force: &KioskSettings,
        current: &KioskOverrides,
        deployment: &KioskOverrides,
    ) -> Result<KioskOverrides, Vec<SettingProblem>> {
        let mut device = current.clone();
        let optional = |text: &str| Some(text.trim().to_owned()).filter(|t| !t.is_empty());
        if in_force.idle_seconds != self.idle_seconds {
            device.idle_seconds = Some(self.idle_seconds);
        }
        if in_force.countdown_seconds != self.countdown_seconds {
            device.countdown_seconds = Some(self.countdown_seconds);
        }
        if in_force.questions_per_session != self.questions_per_session {
            device.questions_per_session = Some(self.questions_per_session);
        }
        let prize = Some(self.prize_threshold).filter(|&n| n > 0);
        if in_force.prize_threshold != prize {
            device.prize_threshold = Some(prize);
        }
        if in_force.topics != self.topics {
            device.topics = Some(self.topics.clone());
        }
        if in_force.audience != self.audience {
            device.audience = Some(self.audience);
        }
        if in_force.lang != self.lang {
            device.lang = Some(self.lang);
        }
        if in_force.elder != self.elder {
            device.elder = Some(self.elder);
        }
        if in_force.branch != self.branch.trim() {
            device.branch = Some(self.branch.trim().to_owned());
        }
        let hotline = optional(&self.bank_hotline);
        if in_force.bank_hotline != hotline {
            device.bank_hotline = Some(hotline);
        }
        let url = optional(&self.phone_base_url);
        if in_force.phone_base_url != url {
            device.phone_base_url = Some(url);
        }
        let problems = KioskSettings::device_problems(deployment, &device);
        if problems.is_empty() {
            Ok(device)
        } else {
            Err(problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> (KioskSettings, SettingsForm) {
        let settings = KioskSettings::default();
        let form = SettingsForm::new(&settings);
        (settings, form)
    }

    fn fields(problems: &[SettingProblem]) -> Vec<&'static str> {
        problems.iter().filter_map(SettingProblem::field).collect()
    }

    #[test]
    fn only_the_values_staff_changed_become_overrides() {
        let (settings, mut form) = form();
        let deployment = KioskOverrides::default();
        assert_eq!(
            form.save(&settings, &KioskOverrides::default(), &deployment),
            Ok(KioskOverrides::default())
        );
        form.step(NumberField::IdleSeconds, 3);
        form.set_text(TextField::Branch, " 人民路支行 ".into());
        form.set_text(TextField::BankHotline, "95588".into());
        form.step(NumberField::PrizeThreshold, 4);
        form.toggle_topic(Topic::Privacy);
        form.elder = true;
        let device = form
            .save(&settings, &KioskOverrides::default(), &deployment)
            .unwrap();
        assert_eq!(
            device,
            KioskOverrides {
                idle_seconds: Some(60),
                branch: Some("人民路支行".into()),
                bank_hotline: Some(Some("95588".into())),
                prize_threshold: Some(Some(4)),
                topics: Some(vec![Topic::Fraud, Topic::Investing, Topic::Rights]),
                elder: Some(true),
                ..KioskOverrides::default()
            }
        );
        let (resolved, problems) = KioskSettings::resolve(&deployment, &device);
        assert!(problems.is_empty());
        assert_eq!(SettingsForm::new(&resolved), form_trimmed(form));
    }

    fn form_trimmed(mut form: SettingsForm) -> SettingsForm {
        form.branch = form.branch.trim().to_owned();
        form
    }

    #[test]
    fn steppers_stay_within_the_allowed_range() {
        let (_, mut form) = form();
        form.step(NumberField::CountdownSeconds, -10);
        assert_eq!(
            form.countdown_seconds, COUNTDOWN_RANGE.0,
            "WCAG 2.2.1: 20 s at least"
        );
        form.step(NumberField::IdleSeconds, -100);
        assert_eq!(form.idle_seconds, IDLE_RANGE.0);
        form.step(NumberField::QuestionsPerSession, 100);
        assert_eq!(form.questions_per_session, QUESTIONS_RANGE.1);
        form.step(NumberField::PrizeThreshold, -1);
        assert_eq!(form.prize_threshold, 0, "off");
    }

    #[test]
    fn values_the_kiosk_cannot_use_are_refused_by_field_and_nothing_is_saved() {
        let (settings, mut form) = form();
        form.idle_seconds = 5;
        form.set_text(TextField::BankHotline, "call us".into());
        form.set_text(TextField::PhoneBaseUrl, "quiz.example.com".into());
        form.set_text(TextField::Branch, "支".repeat(41));
        form.prize_threshold = 6;
        for topic in Topic::ALL {
            form.toggle_topic(topic);
        }
        let problems = form
            .save(
                &settings,
                &KioskOverrides::default(),
                &KioskOverrides::default(),
            )
            .unwrap_err();
        let mut found = fields(&problems);
        found.sort_unstable();
        assert_eq!(
            found,
            [
                "bank_hotline",
                "branch",
                "idle_seconds",
                "phone_base_url",
                "prize_threshold",
                "topics"
            ]
        );
    }

    #[test]
    fn the_deployments_values_are_kept_unless_changed_and_checked_together() {
        let deployment = KioskOverrides {
            questions_per_session: Some(8),
            ..KioskOverrides::default()
        };
        let (settings, _) = KioskSettings::resolve(&deployment, &KioskOverrides::default());
        let mut form = SettingsForm::new(&settings);
        form.prize_threshold = 8;
        let device = form
            .save(&settings, &KioskOverrides::default(), &deployment)
            .unwrap();
        assert_eq!(device.questions_per_session, None, "left to kiosk.json");
        form.questions_per_session = 5;
        let problems = form
            .save(&settings, &KioskOverrides::default(), &deployment)
            .unwrap_err();
        assert_eq!(fields(&problems), ["prize_threshold"]);
    }
}
