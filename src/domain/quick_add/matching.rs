//! Finding the badge a line means: by `#key`, or by the words left over, matched against
//! names and keys regardless of case, width and accents; and the suggestions given when
//! nothing matches.

use super::token::Token;
use super::{ParseError, ParseErrorKind};
use crate::domain::badge::Badge;
use std::ops::Range;

pub(super) use crate::text::fold;

/// [`fold`], with every run of characters that are neither letters nor digits made one
/// space: `AWS Certified: Solutions–Architect` → `aws certified solutions architect`.
pub(super) fn loose(s: &str) -> String {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A badge's name and key in the forms words are matched against.
struct Hay {
    name: String,
    key: String,
}

impl Hay {
    fn of(b: &Badge) -> Self {
        Hay {
            name: loose(&b.name),
            key: loose(&b.key),
        }
    }

    fn exact(&self, q: &str) -> bool {
        q == self.name || q == self.key
    }

    /// Every word is in the name or the key. A word in Latin letters and digits must
    /// start where a word of the name starts (`arch` is in "Architect", `tect` is not);
    /// a Japanese word may be anywhere, the spaces of the name ignored (Japanese names
    /// have no spaces to start words at).
    fn fits(&self, words: &[&str]) -> bool {
        words.iter().all(|w| {
            if w.is_ascii() {
                at_word_start(&self.name, w) || at_word_start(&self.key, w)
            } else {
                self.name.contains(w)
                    || self.key.contains(w)
                    || self.name.replace(' ', "").contains(w)
            }
        })
    }
}

/// Whether `w` occurs in `hay` at the start of a word: after a space, at the start, or
/// right after a non-ASCII letter (`aws` in `データ分析aws`).
fn at_word_start(hay: &str, w: &str) -> bool {
    hay.match_indices(w).any(|(i, _)| {
        hay[..i]
            .chars()
            .next_back()
            .is_none_or(|c| c == ' ' || !c.is_ascii())
    })
}

/// The words of a query, as typed and as matched.
pub(super) struct Query {
    /// As typed; glued pieces kept together.
    pub shown: String,
    pub span: Range<usize>,
    /// [`loose`] form.
    pub loose: String,
}

impl Query {
    pub fn of(tokens: &[&Token]) -> Option<Self> {
        let first = tokens.first()?;
        let last = tokens.last()?;
        let mut shown = String::new();
        let mut norm = String::new();
        let mut prev: Option<&Token> = None;
        for t in tokens {
            let glued = prev.is_some_and(|p| p.chunk == t.chunk && p.span.end == t.span.start);
            if prev.is_some() && !glued {
                shown.push(' ');
                norm.push(' ');
            }
            shown.push_str(&t.shown);
            norm.push_str(&t.norm);
            prev = Some(t);
        }
        Some(Query {
            shown,
            span: first.span.start..last.span.end,
            loose: loose(&norm),
        })
    }

    fn words(&self) -> Vec<&str> {
        self.loose.split(' ').filter(|w| !w.is_empty()).collect()
    }
}

/// Whether every word of `q` is in the badge's name or key.
pub(super) fn fits(q: &Query, b: &Badge) -> bool {
    Hay::of(b).fits(&q.words())
}

/// Whether `word` (a token's normalised text) is a word of the badge's name or key, or,
/// for a Japanese word, inside it.
pub(super) fn names(b: &Badge, word: &str) -> bool {
    let w = loose(word);
    let h = Hay::of(b);
    if w.is_ascii() {
        h.name.split(' ').chain(h.key.split(' ')).any(|x| x == w)
    } else {
        h.fits(&[w.as_str()])
    }
}

/// Lists keys for a message: `#a, #b, #c`, at most six.
fn list(bs: &[&Badge]) -> String {
    let mut keys: Vec<String> = bs.iter().take(6).map(|b| format!("#{}", b.key)).collect();
    if bs.len() > 6 {
        keys.push(format!("and {} more", bs.len() - 6));
    }
    keys.join(", ")
}

/// The badge with exactly this key; archived badges included.
pub(super) fn by_key<'a>(
    key: &str,
    tok: &Token,
    badges: &'a [Badge],
) -> Result<&'a Badge, ParseError> {
    if let Some(b) = badges.iter().find(|b| b.key == key) {
        return Ok(b);
    }
    let mut prefixed: Vec<&Badge> = badges.iter().filter(|b| b.key.starts_with(key)).collect();
    prefixed.sort_by_key(|b| (b.archived, b.key.clone()));
    let close = if prefixed.is_empty() {
        closest(&loose(key), badges.iter().collect())
    } else {
        prefixed.into_iter().take(3).collect()
    };
    Err(ParseError::at(
        format!("unknown badge '{}'{}", tok.shown, did_you_mean(&close)),
        tok.span.clone(),
    )
    .kind(ParseErrorKind::UnknownBadge {
        shown: tok.shown.clone(),
        close: close.iter().map(|b| b.key.clone()).collect(),
    }))
}

fn did_you_mean(close: &[&Badge]) -> String {
    match close {
        [] => ": no badge's key or name is like it (sukima badge list shows them all)".to_string(),
        [one] => format!(": did you mean #{}?", one.key),
        many => {
            let keys: Vec<String> = many.iter().map(|b| format!("#{}", b.key)).collect();
            let (last, rest) = keys.split_last().unwrap_or((&keys[0], &[]));
            format!(": did you mean {} or {last}?", rest.join(", "))
        }
    }
}

/// The one active badge the words mean.
pub(super) fn by_words<'a>(q: &Query, badges: &'a [Badge]) -> Result<&'a Badge, ParseError> {
    let words = q.words();
    if words.is_empty() {
        return Err(ParseError::at(
            format!(
                "'{}' is not a badge: add #key or a word of its name",
                q.shown
            ),
            q.span.clone(),
        )
        .kind(ParseErrorKind::NotABadge {
            shown: q.shown.clone(),
        }));
    }
    let mut active: Vec<&Badge> = badges.iter().filter(|b| !b.archived).collect();
    active.sort_by(|a, b| a.key.cmp(&b.key));
    let pick = |found: Vec<&'a Badge>| -> Option<Result<&'a Badge, ParseError>> {
        match found.as_slice() {
            [] => None,
            [one] => Some(Ok(*one)),
            many => Some(Err(ParseError::at(
                format!(
                    "'{}' matches {} badges: {}; use #key",
                    q.shown,
                    many.len(),
                    list(many)
                ),
                q.span.clone(),
            )
            .kind(ParseErrorKind::Ambiguous {
                shown: q.shown.clone(),
                keys: many.iter().map(|b| b.key.clone()).collect(),
            }))),
        }
    };
    let exact: Vec<&Badge> = active
        .iter()
        .copied()
        .filter(|b| Hay::of(b).exact(&q.loose))
        .collect();
    if let Some(r) = pick(exact) {
        return r;
    }
    let partial: Vec<&Badge> = active
        .iter()
        .copied()
        .filter(|b| Hay::of(b).fits(&words))
        .collect();
    if let Some(r) = pick(partial) {
        return r;
    }
    let mut archived: Vec<&Badge> = badges
        .iter()
        .filter(|b| b.archived && Hay::of(b).fits(&words))
        .collect();
    archived.sort_by(|a, b| a.key.cmp(&b.key));
    if let [one] = archived.as_slice() {
        return Err(ParseError::at(
            format!(
                "'{}' matches only the archived badge #{k}: type #{k} to use it",
                q.shown,
                k = one.key
            ),
            q.span.clone(),
        )
        .kind(ParseErrorKind::OnlyArchived {
            shown: q.shown.clone(),
            keys: vec![one.key.clone()],
        }));
    }
    if !archived.is_empty() {
        return Err(ParseError::at(
            format!(
                "'{}' matches only archived badges ({}): type the #key to use one",
                q.shown,
                list(&archived)
            ),
            q.span.clone(),
        )
        .kind(ParseErrorKind::OnlyArchived {
            shown: q.shown.clone(),
            keys: archived.iter().map(|b| b.key.clone()).collect(),
        }));
    }
    if badges.is_empty() {
        return Err(ParseError::at(
            format!(
                "unknown badge '{}': there are no badges yet, add one first",
                q.shown
            ),
            q.span.clone(),
        )
        .kind(ParseErrorKind::NoBadgesYet {
            shown: q.shown.clone(),
        }));
    }
    let close = closest(&q.loose, active);
    Err(ParseError::at(
        format!("unknown badge '{}'{}", q.shown, did_you_mean(&close)),
        q.span.clone(),
    )
    .kind(ParseErrorKind::UnknownBadge {
        shown: q.shown.clone(),
        close: close.iter().map(|b| b.key.clone()).collect(),
    }))
}

/// Words a user may misspell, for "did you mean" on a word that matches nothing.
const KEYWORDS: &[&str] = &[
    "today",
    "yesterday",
    "tomorrow",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "weekdays",
    "weekends",
    "daily",
    "every",
];

/// A keyword `word` looks like a misspelling of.
pub(super) fn misspelt(word: &str) -> Option<&'static str> {
    let w: Vec<char> = word.chars().collect();
    if w.len() < 4 || !word.is_ascii() {
        return None;
    }
    KEYWORDS.iter().copied().find(|k| {
        let d = distance(&w, &k.chars().collect::<Vec<_>>());
        d > 0 && d <= if w.len() >= 8 { 2 } else { 1 }
    })
}

/// The badges whose key or name comes closest to `q` (a [`loose`] query), within a
/// third of its length in edits; ties broken by the closer length, then listed (at most
/// three).
fn closest<'a>(q: &str, badges: Vec<&'a Badge>) -> Vec<&'a Badge> {
    let qc: Vec<char> = q.chars().take(64).collect();
    let limit = qc.len() / 3;
    if limit == 0 {
        return Vec::new();
    }
    let n = q.split(' ').count().max(1);
    let score = |target: &str| -> (usize, usize) {
        let words: Vec<&str> = target.split(' ').collect();
        let mut windows: Vec<String> = words.windows(n).map(|w| w.join(" ")).collect();
        windows.push(target.to_string());
        windows
            .iter()
            .map(|w| {
                let wc: Vec<char> = w.chars().take(128).collect();
                (distance(&qc, &wc), qc.len().abs_diff(wc.len()))
            })
            .min()
            .unwrap_or((usize::MAX, 0))
    };
    let mut scored: Vec<((usize, usize), &Badge)> = badges
        .into_iter()
        .map(|b| {
            let h = Hay::of(b);
            (score(&h.key).min(score(&h.name)), b)
        })
        .filter(|(s, _)| s.0 <= limit)
        .collect();
    scored.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.key.cmp(&b.1.key)));
    let Some(best) = scored.first().map(|s| s.0) else {
        return Vec::new();
    };
    scored
        .into_iter()
        .take_while(|s| s.0 == best)
        .take(3)
        .map(|s| s.1)
        .collect()
}

/// Levenshtein distance with adjacent transpositions (optimal string alignment).
fn distance(a: &[char], b: &[char]) -> usize {
    let mut prev2: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_width_accents() {
        assert_eq!(fold("Café ÜBER"), "cafe uber");
        assert_eq!(fold("ＡＷＳ"), "aws");
        assert_eq!(fold("ﾃﾞｰﾀ"), "データ");
        assert_eq!(fold("データ"), "データ");
        assert_eq!(
            loose("AWS Certified Solutions Architect – Associate"),
            "aws certified solutions architect associate"
        );
    }

    #[test]
    fn distances() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(distance(&c("awz"), &c("aws")), 1);
        assert_eq!(distance(&c("tomorow"), &c("tomorrow")), 1);
        assert_eq!(distance(&c("ab"), &c("ba")), 1);
        assert_eq!(distance(&c(""), &c("abc")), 3);
        assert_eq!(misspelt("tomorow"), Some("tomorrow"));
        assert_eq!(misspelt("cloud"), None);
    }
}
