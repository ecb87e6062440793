//! A badge's learning journey (DESIGN 1): its ordered steps, how much work they leave in
//! the current cycle, and which step each planned session advances.
//!
//! Rules, where the contract leaves a choice:
//! - A step is done once it has a done date in the current cycle (on or after the badge's
//!   cycle start); a done date from an earlier cycle counts as undone, so a renewal that
//!   arrives by import starts the journey again without losing the record.
//! - Study logged on the day a step was marked done counts for that step: only minutes
//!   logged on later days count toward the steps still to do.
//! - A step gone from the criteria (a Credly import no longer lists it) is kept and shown,
//!   but no longer counts as work.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What kind of work a step is; it sets the default estimate (`[journey]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StepKind {
    /// A course or a learning module.
    Course,
    /// An assessment or a quiz.
    Assessment,
    /// A proctored exam.
    Exam,
    /// Hands-on work or experience to show.
    Experience,
    /// Anything else.
    #[default]
    Other,
}

impl StepKind {
    /// Every kind, in the order shown.
    pub const ALL: [StepKind; 5] = [
        StepKind::Course,
        StepKind::Assessment,
        StepKind::Exam,
        StepKind::Experience,
        StepKind::Other,
    ];

    /// The name as stored and typed.
    pub fn as_str(self) -> &'static str {
        match self {
            StepKind::Course => "course",
            StepKind::Assessment => "assessment",
            StepKind::Exam => "exam",
            StepKind::Experience => "experience",
            StepKind::Other => "other",
        }
    }
}

impl fmt::Display for StepKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for StepKind {
    type Err = StepError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim().to_ascii_lowercase();
        StepKind::ALL
            .into_iter()
            .find(|k| k.as_str() == t)
            .ok_or(StepError::UnknownKind(s.trim().to_string()))
    }
}

/// The default estimate per kind, in minutes (`[journey]` in the config).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Estimates {
    pub course: u32,
    pub assessment: u32,
    pub exam: u32,
    pub experience: u32,
    pub other: u32,
}

impl Default for Estimates {
    /// The defaults of DESIGN 1: course 60m, assessment 45m, exam 2h, experience 30m,
    /// other 30m.
    fn default() -> Self {
        Estimates {
            course: 60,
            assessment: 45,
            exam: 120,
            experience: 30,
            other: 30,
        }
    }
}

impl Estimates {
    /// The default estimate of a kind.
    pub fn of(&self, kind: StepKind) -> u32 {
        match kind {
            StepKind::Course => self.course,
            StepKind::Assessment => self.assessment,
            StepKind::Exam => self.exam,
            StepKind::Experience => self.experience,
            StepKind::Other => self.other,
        }
    }
}

/// One step of a badge's journey.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Step {
    /// Store id; `None` before it is written.
    pub id: Option<i64>,
    pub title: String,
    pub kind: StepKind,
    /// The estimate the user set; `None` uses the default of its kind.
    pub minutes: Option<u32>,
    pub url: Option<String>,
    pub done_on: Option<NaiveDate>,
    /// Its identity in the source it came from (a Credly activity); `None` when added by
    /// hand.
    pub source_ref: Option<String>,
    /// The source's criteria no longer list it (kept, never deleted by an import).
    pub gone: bool,
}

/// The longest estimate a step may have: 1,000 hours.
pub const MAX_STEP_MINUTES: u32 = 1000 * 60;

/// The longest title a step may have, in characters.
pub const MAX_TITLE_CHARS: usize = 200;

/// Why a step cannot be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StepError {
    #[error("a step needs a title, like \"Module 2: Data governance\"")]
    EmptyTitle,
    #[error("a step's title is {0} characters long: keep it under {MAX_TITLE_CHARS}")]
    TitleTooLong(usize),
    #[error("a step's {0} holds a control character (a tab, newline or escape): type it without")]
    ControlCharacter(&'static str),
    #[error("an estimate of 0 minutes is no estimate: give one like 45m, or leave it out")]
    ZeroMinutes,
    #[error("an estimate of {0} minutes is more than 1000 hours: give a realistic one, like 2h")]
    TooManyMinutes(u64),
    #[error("'{0}' is not a web address: give one starting with https:// or http://")]
    BadUrl(String),
    #[error("'{0}' is not a kind of step: use course, assessment, exam, experience or other")]
    UnknownKind(String),
}

/// Checks a step on its own: a title, a sensible estimate, an http(s) URL.
pub fn check(s: &Step) -> Result<(), StepError> {
    if s.title.trim().is_empty() {
        return Err(StepError::EmptyTitle);
    }
    let n = s.title.chars().count();
    if n > MAX_TITLE_CHARS {
        return Err(StepError::TitleTooLong(n));
    }
    if s.title.chars().any(char::is_control) {
        return Err(StepError::ControlCharacter("title"));
    }
    match s.minutes {
        Some(0) => return Err(StepError::ZeroMinutes),
        Some(m) if m > MAX_STEP_MINUTES => return Err(StepError::TooManyMinutes(u64::from(m))),
        _ => {}
    }
    if let Some(u) = &s.url {
        check_url(u)?;
    }
    Ok(())
}

/// An http(s) URL with a host and no white space or control characters.
pub fn check_url(u: &str) -> Result<(), StepError> {
    let lower = u.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    let host = rest.map(|r| r.split(['/', '?', '#']).next().unwrap_or(""));
    if host.is_none_or(str::is_empty) || u.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(StepError::BadUrl(u.to_string()));
    }
    Ok(())
}

/// Whether a step counts as done in the cycle that started on `cycle_start`.
pub fn is_done(s: &Step, cycle_start: Option<NaiveDate>) -> bool {
    s.done_on
        .is_some_and(|d| cycle_start.is_none_or(|c| d >= c))
}

/// The estimate a step counts for.
pub fn estimate(s: &Step, defaults: &Estimates) -> u32 {
    s.minutes.unwrap_or_else(|| defaults.of(s.kind))
}

/// The last day a step was marked done in the cycle: study logged after it counts toward
/// the steps still to do.
pub fn last_done(steps: &[Step], cycle_start: Option<NaiveDate>) -> Option<NaiveDate> {
    steps
        .iter()
        .filter(|s| !s.gone && is_done(s, cycle_start))
        .filter_map(|s| s.done_on)
        .max()
}

/// Where a badge stands on its journey.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// The estimates of every step that counts (not gone), done or not.
    pub total: u32,
    /// The estimates of the steps done.
    pub done: u32,
    /// Work left: the undone steps' estimates less what was logged since the last step
    /// was marked done (never below zero).
    pub remaining: u32,
    /// The index of the current step: the first undone one that counts.
    pub current: Option<usize>,
    /// Minutes logged since the last step was marked done.
    pub logged: u32,
    /// Steps that count, and how many of them are done.
    pub steps_done: usize,
    pub steps_counted: usize,
}

/// The progress of a journey. `logged_since_last_done`: minutes logged after
/// [`last_done`] (or since the cycle start when no step is done).
pub fn progress(
    steps: &[Step],
    cycle_start: Option<NaiveDate>,
    logged_since_last_done: u32,
    defaults: &Estimates,
) -> Progress {
    let mut p = Progress {
        total: 0,
        done: 0,
        remaining: 0,
        current: None,
        logged: logged_since_last_done,
        steps_done: 0,
        steps_counted: 0,
    };
    let mut undone = 0u32;
    for (i, s) in steps.iter().enumerate().filter(|(_, s)| !s.gone) {
        let m = estimate(s, defaults);
        p.total = p.total.saturating_add(m);
        p.steps_counted += 1;
        if is_done(s, cycle_start) {
            p.done = p.done.saturating_add(m);
            p.steps_done += 1;
        } else {
            undone = undone.saturating_add(m);
            p.current.get_or_insert(i);
        }
    }
    p.remaining = undone.saturating_sub(logged_since_last_done);
    p
}

/// What a session does for the journey: the step it starts in, how far into that step
/// the session takes it, and the step it moves on to when it finishes this one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionStep {
    /// Index of the step in the badge's list.
    pub index: usize,
    pub title: String,
    /// Minutes of the step covered once the session is over (logged, earlier sessions and
    /// this one), at most its estimate.
    pub covered: u32,
    /// The step's estimate.
    pub estimate: u32,
    pub url: Option<String>,
    /// The next step's title, when the session finishes this step and goes on.
    pub then: Option<String>,
}

impl SessionStep {
    /// `Module 2: Data governance · 30 of 45m`, and `, then Quiz` when the session goes
    /// on to the next step.
    pub fn label(&self) -> String {
        let head = format!("{} · {} of {}m", self.title, self.covered, self.estimate);
        match &self.then {
            Some(next) => format!("{head}, then {next}"),
            None => head,
        }
    }
}

/// The steps a badge's sessions advance, in the order given (the sessions of one badge
/// in time order, by their minutes): the undone steps are filled in order, first by what
/// was logged since the last step was done, then by each session. A session after the
/// last step names none.
pub fn session_steps(
    steps: &[Step],
    cycle_start: Option<NaiveDate>,
    logged_since_last_done: u32,
    defaults: &Estimates,
    session_minutes: &[u32],
) -> Vec<Option<SessionStep>> {
    let undone: Vec<(usize, u32)> = steps
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.gone && !is_done(s, cycle_start))
        .map(|(i, s)| (i, estimate(s, defaults)))
        .collect();
    let mut k = 0;
    let mut used = 0u32; // minutes of undone[k] covered so far
    let mut carry = logged_since_last_done;
    // The log first: it covers the first steps.
    while k < undone.len() && carry >= undone[k].1.saturating_sub(used) {
        carry -= undone[k].1 - used;
        used = 0;
        k += 1;
    }
    if k < undone.len() {
        used += carry;
    }
    session_minutes
        .iter()
        .map(|&m| {
            let &(index, est) = undone.get(k)?;
            let s = &steps[index];
            let mut left = m;
            let room = est - used;
            let finishes = left >= room && room > 0;
            let covered = if finishes { est } else { used + left };
            // Move on through the steps this session covers.
            let mut then = None;
            if finishes {
                left -= room;
                used = 0;
                k += 1;
                if left > 0
                    && let Some(&(next, _)) = undone.get(k)
                {
                    then = Some(steps[next].title.clone());
                }
                while left > 0 && k < undone.len() {
                    let take = left.min(undone[k].1);
                    if take == undone[k].1 {
                        k += 1;
                        used = 0;
                    } else {
                        used = take;
                    }
                    left -= take;
                }
            } else {
                used += left;
            }
            Some(SessionStep {
                index,
                title: s.title.clone(),
                covered,
                estimate: est,
                url: s.url.clone(),
                then,
            })
        })
        .collect()
}

/// The identity of a criterion from its title: case, width and spacing folded, so a
/// re-import matches the step it made before.
pub fn criterion_ref(title: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let folded: String = title.nfkc().collect::<String>().to_lowercase();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What an import did to a badge's steps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CriteriaChange {
    /// Criteria new to the badge, now steps.
    pub added: usize,
    /// Steps whose criterion the source no longer lists (kept, marked gone).
    pub gone: usize,
    /// Steps marked gone before that the source lists again.
    pub back: usize,
}

/// The steps after an import brings the criteria `incoming` (each with its `source_ref`,
/// in the file's order) to a badge whose steps are `stored`. What the user made is kept:
/// their steps, their order, estimates and done dates. A stored criterion still listed
/// takes the file's title, kind and URL; one no longer listed is kept and marked gone;
/// a new one is put after the step of the criterion before it in the file (at the end
/// when there is none, or before the first that follows it when it leads the list).
pub fn merge_criteria(stored: &[Step], incoming: &[Step]) -> (Vec<Step>, CriteriaChange) {
    let mut out: Vec<Step> = stored.to_vec();
    let mut change = CriteriaChange::default();
    let refs: Vec<Option<&str>> = incoming.iter().map(|s| s.source_ref.as_deref()).collect();
    for s in &mut out {
        let Some(r) = s.source_ref.clone() else {
            continue;
        };
        match incoming
            .iter()
            .find(|i| i.source_ref.as_deref() == Some(r.as_str()))
        {
            Some(i) => {
                s.title.clone_from(&i.title);
                s.kind = i.kind;
                s.url.clone_from(&i.url);
                if s.gone {
                    s.gone = false;
                    change.back += 1;
                }
            }
            None if !s.gone => {
                s.gone = true;
                change.gone += 1;
            }
            None => {}
        }
    }
    let position =
        |out: &[Step], r: &str| out.iter().position(|s| s.source_ref.as_deref() == Some(r));
    for (k, i) in incoming.iter().enumerate() {
        let Some(r) = i.source_ref.as_deref() else {
            continue;
        };
        if position(&out, r).is_some() {
            continue;
        }
        let after = refs[..k]
            .iter()
            .rev()
            .flatten()
            .find_map(|p| position(&out, p));
        let at = match after {
            Some(p) => p + 1,
            None => refs[k + 1..]
                .iter()
                .flatten()
                .find_map(|n| position(&out, n))
                .unwrap_or(out.len()),
        };
        out.insert(at, i.clone());
        change.added += 1;
    }
    (out, change)
}

/// What a Credly `activity_type` (with its title) becomes: assessments that are proctored
/// exams are exams; courses and learning are courses; experience is experience.
pub fn kind_of_activity(activity_type: &str, title: &str) -> StepKind {
    let t = activity_type.trim().to_ascii_lowercase();
    let title = title.to_ascii_lowercase();
    if t.contains("assessment") || t.contains("exam") || t.contains("certification") {
        let exam = t.contains("exam")
            || t.contains("certification")
            || title.contains("exam")
            || title.contains("proctored");
        if exam {
            StepKind::Exam
        } else {
            StepKind::Assessment
        }
    } else if t.contains("course")
        || t.contains("learning")
        || t.contains("training")
        || t.contains("education")
        || t.contains("class")
    {
        StepKind::Course
    } else if t.contains("experience") || t.contains("project") {
        StepKind::Experience
    } else {
        StepKind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::domain::dates::parse_ymd(s).unwrap()
    }

    fn step(title: &str, kind: StepKind, minutes: Option<u32>, done: Option<&str>) -> Step {
        Step {
            title: title.into(),
            kind,
            minutes,
            done_on: done.map(d),
            ..Step::default()
        }
    }

    #[test]
    fn remaining_is_undone_estimates_less_logged_since_the_last_done() {
        let defaults = Estimates::default();
        let steps = vec![
            step("intro", StepKind::Course, None, Some("2027-01-05")), // 60, done
            step("module 2", StepKind::Course, Some(45), None),
            step("quiz", StepKind::Assessment, None, None), // 45
            step("exam", StepKind::Exam, None, None),       // 120
        ];
        for (logged, cycle, remaining, current) in [
            (0, None, 210, Some(1)),
            (30, None, 180, Some(1)),
            (500, None, 0, Some(1)),
            // The done date is before this cycle: every step is to do again.
            (0, Some("2027-02-01"), 270, Some(0)),
            (0, Some("2027-01-05"), 210, Some(1)),
        ] {
            let p = progress(&steps, cycle.map(d), logged, &defaults);
            assert_eq!(
                (p.remaining, p.current),
                (remaining, current),
                "logged {logged}, cycle {cycle:?}"
            );
        }
        let p = progress(&steps, None, 0, &defaults);
        assert_eq!(
            (p.total, p.done, p.steps_done, p.steps_counted),
            (270, 60, 1, 4)
        );
    }

    #[test]
    fn gone_steps_do_not_count() {
        let mut s = step("old module", StepKind::Course, Some(90), None);
        s.gone = true;
        let steps = vec![s, step("new", StepKind::Other, None, None)];
        let p = progress(&steps, None, 0, &Estimates::default());
        assert_eq!((p.remaining, p.current, p.total), (30, Some(1), 30));
        let names = session_steps(&steps, None, 0, &Estimates::default(), &[30]);
        assert_eq!(names[0].as_ref().unwrap().title, "new");
    }

    #[test]
    fn sessions_fill_steps_in_order() {
        let defaults = Estimates::default();
        let steps = vec![
            step("Module 1", StepKind::Course, Some(45), Some("2027-01-01")),
            step(
                "Module 2: Data governance",
                StepKind::Course,
                Some(45),
                None,
            ),
            step("Quiz", StepKind::Assessment, Some(20), None),
            step("Exam", StepKind::Exam, Some(60), None),
        ];
        // 10 minutes already logged on module 2.
        let got = session_steps(&steps, None, 10, &defaults, &[20, 30, 30, 45, 30]);
        let labels: Vec<Option<(String, Option<String>)>> = got
            .iter()
            .map(|s| s.as_ref().map(|s| (s.label(), s.then.clone())))
            .collect();
        assert_eq!(
            labels,
            vec![
                Some(("Module 2: Data governance · 30 of 45m".into(), None)),
                // 15 finish module 2, 15 go to the quiz.
                Some((
                    "Module 2: Data governance · 45 of 45m, then Quiz".into(),
                    Some("Quiz".into())
                )),
                // 5 finish the quiz, 25 into the exam.
                Some(("Quiz · 20 of 20m, then Exam".into(), Some("Exam".into()))),
                // 35 finish the exam; 10 left over.
                Some(("Exam · 60 of 60m".into(), None)),
                None,
            ]
        );
    }

    #[test]
    fn the_log_can_cover_whole_steps() {
        let steps = vec![
            step("a", StepKind::Other, Some(30), None),
            step("b", StepKind::Other, Some(30), None),
        ];
        let got = session_steps(&steps, None, 40, &Estimates::default(), &[15, 15]);
        assert_eq!(got[0].as_ref().unwrap().label(), "b · 25 of 30m");
        assert_eq!(got[1].as_ref().unwrap().label(), "b · 30 of 30m");
        let got = session_steps(&steps, None, 60, &Estimates::default(), &[15]);
        assert_eq!(got, vec![None]);
    }

    #[test]
    fn bad_steps_say_what_to_do() {
        let ok = step("Module", StepKind::Course, Some(45), None);
        assert_eq!(check(&ok), Ok(()));
        for (bad, err) in [
            (
                Step {
                    title: "  ".into(),
                    ..ok.clone()
                },
                StepError::EmptyTitle,
            ),
            (
                Step {
                    minutes: Some(0),
                    ..ok.clone()
                },
                StepError::ZeroMinutes,
            ),
            (
                Step {
                    minutes: Some(MAX_STEP_MINUTES + 1),
                    ..ok.clone()
                },
                StepError::TooManyMinutes(u64::from(MAX_STEP_MINUTES + 1)),
            ),
            (
                Step {
                    url: Some("ftp://example.com".into()),
                    ..ok.clone()
                },
                StepError::BadUrl("ftp://example.com".into()),
            ),
            (
                Step {
                    url: Some("https://".into()),
                    ..ok.clone()
                },
                StepError::BadUrl("https://".into()),
            ),
            (
                Step {
                    title: "tab\there".into(),
                    ..ok.clone()
                },
                StepError::ControlCharacter("title"),
            ),
        ] {
            assert_eq!(check(&bad), Err(err.clone()));
            assert!(!err.to_string().contains('\n'));
        }
        assert!(check_url("https://learn.example.com/path?q=1").is_ok());
        assert!(check_url("HTTP://Example.com").is_ok());
        assert!(check_url("https://exa mple.com").is_err());
    }

    #[test]
    fn credly_activity_types() {
        for (ty, title, kind) in [
            (
                "Assessment",
                "Pass the 120-minute proctored CCNA exam",
                StepKind::Exam,
            ),
            ("Assessment", "Pass the quiz", StepKind::Assessment),
            ("Course", "Take the course", StepKind::Course),
            ("Learning", "Complete the learning plan", StepKind::Course),
            ("Education Experience", "Attend the class", StepKind::Course),
            ("Experience", "Two years of practice", StepKind::Experience),
            ("Credential", "Earn the Foundation badge", StepKind::Other),
            ("Other", "Anything", StepKind::Other),
            ("", "Pass the exam", StepKind::Other),
        ] {
            assert_eq!(kind_of_activity(ty, title), kind, "{ty} {title}");
        }
    }

    fn criterion(title: &str) -> Step {
        Step {
            title: title.into(),
            kind: StepKind::Course,
            source_ref: Some(criterion_ref(title)),
            ..Step::default()
        }
    }

    #[test]
    fn re_import_keeps_what_the_user_made() {
        let first = vec![
            criterion("Course A"),
            criterion("Course B"),
            criterion("Exam"),
        ];
        let (mut steps, change) = merge_criteria(&[], &first);
        assert_eq!(change.added, 3);
        // The user sets an estimate, marks one done, adds a step and moves the exam up.
        steps[0].minutes = Some(90);
        steps[0].done_on = Some(d("2027-01-05"));
        steps.insert(
            1,
            Step {
                title: "My notes".into(),
                ..Step::default()
            },
        );
        let exam = steps.remove(3);
        steps.insert(0, exam);
        // The same file again: nothing changes.
        let (same, change) = merge_criteria(&steps, &first);
        assert_eq!(
            (same.clone(), change),
            (steps.clone(), CriteriaChange::default())
        );
        // A newer file: "Course B" is gone, "Lab" comes after "Course A", the exam has a
        // new URL, and the title's case changed.
        let mut exam = criterion("EXAM");
        exam.url = Some("https://example.com/exam".into());
        let newer = vec![criterion("Course A"), criterion("Lab"), exam];
        let (after, change) = merge_criteria(&steps, &newer);
        let titles: Vec<(&str, bool)> = after.iter().map(|s| (s.title.as_str(), s.gone)).collect();
        assert_eq!(
            titles,
            [
                ("EXAM", false),
                ("Course A", false),
                ("Lab", false),
                ("My notes", false),
                ("Course B", true),
            ]
        );
        assert_eq!(
            change,
            CriteriaChange {
                added: 1,
                gone: 1,
                back: 0
            }
        );
        assert_eq!(after[1].minutes, Some(90));
        assert_eq!(after[1].done_on, Some(d("2027-01-05")));
        assert_eq!(after[0].url.as_deref(), Some("https://example.com/exam"));
        // Back again.
        let (again, change) = merge_criteria(&after, &first);
        assert_eq!(
            change,
            CriteriaChange {
                added: 0,
                gone: 1,
                back: 1
            }
        );
        assert!(!again.iter().find(|s| s.title == "Course B").unwrap().gone);
    }

    proptest::proptest! {
        /// However minutes are split into sessions, the steps named never go backwards,
        /// and every named session covers at most its step.
        #[test]
        fn session_steps_move_forward(
            est in proptest::collection::vec(1u32..200, 1..6),
            logged in 0u32..400,
            sessions in proptest::collection::vec(1u32..120, 0..12),
        ) {
            let steps: Vec<Step> = est
                .iter()
                .enumerate()
                .map(|(i, &m)| step(&format!("s{i}"), StepKind::Other, Some(m), None))
                .collect();
            let got = session_steps(&steps, None, logged, &Estimates::default(), &sessions);
            proptest::prop_assert_eq!(got.len(), sessions.len());
            let mut last = 0;
            let mut ended = false;
            for s in &got {
                match s {
                    Some(s) => {
                        proptest::prop_assert!(!ended);
                        proptest::prop_assert!(s.index >= last);
                        proptest::prop_assert!(s.covered <= s.estimate && s.covered > 0);
                        last = s.index;
                    }
                    None => ended = true,
                }
            }
            // The minutes named add up: everything before the end of the journey.
            let total: u32 = est.iter().sum();
            let planned: u32 = sessions.iter().sum();
            let named = got.iter().filter(|s| s.is_some()).count();
            if logged + planned <= total {
                proptest::prop_assert_eq!(named, sessions.len());
            }
        }
    }
}
