//! One-line previews of what a parsed line will write, and Tab completion of `#key`.

use super::Intent;
use crate::domain::badge::Badge;
use crate::domain::dates::hm;
use crate::domain::duration::format_minutes;
use crate::domain::spare::{WindowKind, format_days};
use chrono::{Duration, NaiveDate, NaiveDateTime};
use unicode_normalization::UnicodeNormalization;

/// A one-line preview of what `intent` will write, with absolute dates:
/// `log 30m on AWS Certified Solutions Architect – Associate (#aws-saa), Wed 2027-01-06
/// 07:30-08:00`.
pub fn describe(intent: &Intent, badges: &[Badge]) -> String {
    render(intent, badges, None)
}

/// Like [`describe`], but says `today`, `yesterday` and `tomorrow` for those days (the
/// TUI's live preview passes the current date).
pub fn describe_at(intent: &Intent, badges: &[Badge], today: NaiveDate) -> String {
    render(intent, badges, Some(today))
}

fn day(d: NaiveDate, today: Option<NaiveDate>) -> String {
    if let Some(t) = today {
        match (d - t).num_days() {
            0 => return "today".into(),
            -1 => return "yesterday".into(),
            1 => return "tomorrow".into(),
            _ => {}
        }
    }
    d.format("%a %Y-%m-%d").to_string()
}

fn badge(key: &str, badges: &[Badge]) -> String {
    match badges.iter().find(|b| b.key == key) {
        Some(b) if b.archived => format!("{} (#{key}, archived)", b.name),
        Some(b) => format!("{} (#{key})", b.name),
        None => format!("#{key}"),
    }
}

/// `07:30-08:00`, or `23:30-00:30 (next day)`.
fn stretch(start: NaiveDateTime, minutes: u32) -> String {
    let Some(end) = start.checked_add_signed(Duration::minutes(i64::from(minutes))) else {
        return format!("{} for {}", hm(start.time()), format_minutes(minutes));
    };
    let next = if end.date() > start.date() {
        " (next day)"
    } else {
        ""
    };
    format!("{}-{}{next}", hm(start.time()), hm(end.time()))
}

fn quoted(label: &str) -> String {
    if label.is_empty() {
        String::new()
    } else {
        format!(" \"{label}\"")
    }
}

fn render(intent: &Intent, badges: &[Badge], today: Option<NaiveDate>) -> String {
    match intent {
        Intent::Log(e) => {
            let when = match e.start {
                Some(s) => format!(
                    "{} {}",
                    day(e.date, today),
                    stretch(e.date.and_time(s), e.minutes)
                ),
                None => day(e.date, today),
            };
            let note = e
                .note
                .as_ref()
                .map(|n| format!(", note \"{n}\""))
                .unwrap_or_default();
            format!(
                "log {} on {}, {when}{note}",
                format_minutes(e.minutes),
                badge(&e.badge, badges)
            )
        }
        Intent::Pin(p) => format!(
            "pin {} on {}, {} {}",
            format_minutes(p.minutes),
            badge(&p.badge, badges),
            day(p.start.date(), today),
            stretch(p.start, p.minutes)
        ),
        Intent::Window(w) => match &w.kind {
            WindowKind::Weekly {
                days,
                start,
                end,
                from,
                to,
            } => {
                let bounds = match (from, to) {
                    (Some(f), Some(t)) => format!(", {} to {}", day(*f, today), day(*t, today)),
                    (Some(f), None) => format!(", from {}", day(*f, today)),
                    (None, Some(t)) => format!(", until {}", day(*t, today)),
                    (None, None) => String::new(),
                };
                format!(
                    "weekly spare time {} {}-{}{bounds}{}",
                    format_days(days),
                    hm(*start),
                    hm(*end),
                    quoted(&w.label)
                )
            }
            WindowKind::Once { date, start, end } => format!(
                "one-off spare time {} {}-{}{}",
                day(*date, today),
                hm(*start),
                hm(*end),
                quoted(&w.label)
            ),
            WindowKind::Blackout { from, to } if from == to => {
                format!("no study {}{}", day(*from, today), quoted(&w.label))
            }
            WindowKind::Blackout { from, to } => format!(
                "no study {} to {} ({} days){}",
                day(*from, today),
                day(*to, today),
                (*to - *from).num_days() + 1,
                quoted(&w.label)
            ),
        },
    }
}

/// Where the partial `#key` at the end of `text` starts (the byte index of its `#`), and
/// the partial key, lowercased. `None` when the text does not end in one, or the end of
/// the text is inside a note.
fn partial(text: &str) -> Option<(usize, String)> {
    if text.is_empty() || text.ends_with(char::is_whitespace) {
        return None;
    }
    let word_start = text
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let (hash, c) = text[word_start..]
        .char_indices()
        .rev()
        .find(|(_, c)| *c == '#' || *c == '＃')?;
    let hash = word_start + hash;
    let key: String = text[hash + c.len_utf8()..]
        .nfkc()
        .collect::<String>()
        .to_lowercase();
    if !key
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return None;
    }
    let before: String = text[..hash].nfkc().collect();
    let in_note = before.split_whitespace().any(|w| w == "--" || w == "—")
        || before.matches('"').count() % 2 == 1
        || before.matches('「').count() > before.matches('」').count()
        || before.matches('『').count() > before.matches('』').count()
        || before.matches('“').count() > before.matches('”').count();
    (!in_note).then_some((hash, key))
}

/// The badges whose key completes the partial `#key` at the end of `text`, by key: the
/// active ones, or the archived ones when no active key fits.
pub fn key_candidates<'a>(text: &str, badges: &'a [Badge]) -> Vec<&'a Badge> {
    let Some((_, key)) = partial(text) else {
        return Vec::new();
    };
    let fitting = |archived: bool| {
        let mut v: Vec<&Badge> = badges
            .iter()
            .filter(|b| b.archived == archived && b.key.starts_with(&key))
            .collect();
        v.sort_by(|a, b| a.key.cmp(&b.key));
        v
    };
    let active = fitting(false);
    if active.is_empty() {
        fitting(true)
    } else {
        active
    }
}

/// Tab pressed again where completion cannot narrow further: `text` (ending in a partial
/// `#ke`) with its `n`-th candidate (counting round), followed by a space.
pub fn complete_key_nth(text: &str, badges: &[Badge], n: usize) -> Option<String> {
    let (hash, _) = partial(text)?;
    let found = key_candidates(text, badges);
    let pick = found.get(n % found.len().max(1))?;
    Some(format!("{}#{} ", &text[..hash], pick.key))
}

/// Tab completion: when `text` ends in a partial `#ke`, the text with it completed to the
/// one key it can be (followed by a space), or to the longest prefix the candidates
/// share. `None` when there is nothing to add.
pub fn complete_key(text: &str, badges: &[Badge]) -> Option<String> {
    let (hash, key) = partial(text)?;
    let found = key_candidates(text, badges);
    let head = &text[..hash];
    match found.as_slice() {
        [] => None,
        [one] => Some(format!("{head}#{} ", one.key)),
        many => {
            let first = many[0].key.as_str();
            let common = many.iter().fold(first.len(), |n, b| {
                first
                    .bytes()
                    .zip(b.key.bytes())
                    .take(n)
                    .take_while(|(x, y)| x == y)
                    .count()
            });
            (common > key.len()).then(|| format!("{head}#{}", &first[..common]))
        }
    }
}
